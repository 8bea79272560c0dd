#include "identity/domain/pupil_credentials.hpp"

#include <sodium.h>

#include <cctype>
#include <map>

namespace numeria::identity {

namespace {

// Latin letters with diacritics used in French (and neighbouring) names, by their UTF-8 spelling.
const std::map<std::string, std::string>& folded_letters() {
    static const std::map<std::string, std::string> letters = {
        {"à", "a"},  {"á", "a"},  {"â", "a"}, {"ã", "a"},  {"ä", "a"}, {"å", "a"},  {"æ", "ae"}, {"ç", "c"}, {"è", "e"},
        {"é", "e"},  {"ê", "e"},  {"ë", "e"}, {"ì", "i"},  {"í", "i"}, {"î", "i"},  {"ï", "i"},  {"ñ", "n"}, {"ò", "o"},
        {"ó", "o"},  {"ô", "o"},  {"õ", "o"}, {"ö", "o"},  {"ø", "o"}, {"œ", "oe"}, {"ù", "u"},  {"ú", "u"}, {"û", "u"},
        {"ü", "u"},  {"ý", "y"},  {"ÿ", "y"}, {"ß", "ss"}, {"À", "a"}, {"Á", "a"},  {"Â", "a"},  {"Ã", "a"}, {"Ä", "a"},
        {"Å", "a"},  {"Æ", "ae"}, {"Ç", "c"}, {"È", "e"},  {"É", "e"}, {"Ê", "e"},  {"Ë", "e"},  {"Ì", "i"}, {"Í", "i"},
        {"Î", "i"},  {"Ï", "i"},  {"Ñ", "n"}, {"Ò", "o"},  {"Ó", "o"}, {"Ô", "o"},  {"Õ", "o"},  {"Ö", "o"}, {"Ø", "o"},
        {"Œ", "oe"}, {"Ù", "u"},  {"Ú", "u"}, {"Û", "u"},  {"Ü", "u"}, {"Ý", "y"},  {"Ÿ", "y"},
    };
    return letters;
}

std::string random_digits(int count) {
    std::string digits;
    for (int i = 0; i < count; ++i)
        digits += static_cast<char>('0' + randombytes_uniform(10));
    return digits;
}

} // namespace

std::string ascii_letters_and_digits(std::string_view text) {
    std::string result;
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (std::isalnum(c))
                result += static_cast<char>(std::tolower(c));
            ++i;
            continue;
        }
        const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        auto folded = folded_letters().find(std::string(text.substr(i, length)));
        if (folded != folded_letters().end())
            result += folded->second;
        i += length;
    }
    return result;
}

// Rule: docs/rules/accounts.md "Pupils' usernames": first name + '.' + last name + DDMM.
std::string username_for(std::string_view first_name, std::string_view last_name, std::string_view iso_birthdate) {
    std::string day_month;
    if (iso_birthdate.size() == 10)
        day_month = std::string(iso_birthdate.substr(8, 2)) + std::string(iso_birthdate.substr(5, 2));
    return ascii_letters_and_digits(first_name) + "." + ascii_letters_and_digits(last_name) + day_month;
}

// Rule: docs/rules/accounts.md "Pupils' usernames": if taken, replace the 4 digits by 4 random digits until free.
std::string free_username(std::string_view first_name, std::string_view last_name, std::string_view iso_birthdate,
                          const std::function<bool(const std::string&)>& taken) {
    const std::string base = ascii_letters_and_digits(first_name) + "." + ascii_letters_and_digits(last_name);
    std::string candidate = username_for(first_name, last_name, iso_birthdate);
    while (taken(candidate))
        candidate = base + random_digits(4);
    return candidate;
}

// Rule: docs/rules/accounts.md "Temporary passwords": 6 lower-case letters (no i/l/o) + 2 digits.
std::string generate_temporary_password() {
    static constexpr std::string_view LETTERS = "abcdefghjkmnpqrstuvwxyz";
    std::string password;
    for (int i = 0; i < 6; ++i)
        password += LETTERS[randombytes_uniform(static_cast<std::uint32_t>(LETTERS.size()))];
    return password + random_digits(2);
}

Result<TemporaryPassword> make_temporary_password(const PasswordHashing& hashing) {
    TemporaryPassword temporary;
    temporary.password = generate_temporary_password();
    NUMERIA_TRY(temporary.hash, hashing.make_hash(temporary.password));
    return temporary;
}

} // namespace numeria::identity
