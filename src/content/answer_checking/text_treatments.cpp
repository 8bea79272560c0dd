#include "content/answer_checking/text_treatments.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace numeria::content {

namespace {

icu::UnicodeString from_utf8(std::string_view text) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

std::string to_utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

icu::UnicodeString normalize(const icu::UnicodeString& text, bool decompose) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer =
        decompose ? icu::Normalizer2::getNFDInstance(status) : icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status))
        return text;
    icu::UnicodeString result = normalizer->normalize(text, status);
    return U_FAILURE(status) ? text : result;
}

std::vector<UChar32> code_points(std::string_view text) {
    std::vector<UChar32> points;
    const icu::UnicodeString unicode = from_utf8(text);
    for (int32_t i = 0; i < unicode.length(); i = unicode.moveIndex32(i, 1))
        points.push_back(unicode.char32At(i));
    return points;
}

} // namespace

// Rule: docs/rules/content.md "Before any comparison": NFC normalisation and NBSP→space.
// The national platform trims only inside t1, and knows one apostrophe only; spaces around an answer never carry
// meaning (a phone keyboard adds one after a word), so they are removed here too, for challenges that turn t1 off.
std::string pre_treat(std::string_view text) {
    icu::UnicodeString unicode = normalize(from_utf8(text), false);
    unicode.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x00A0)), icu::UnicodeString(" "));
    unicode.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x202F)), icu::UnicodeString(" "));
    // Phones type the typographic apostrophe (U+2019) where authors write ' : both are one apostrophe.
    unicode.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x2019)), icu::UnicodeString("'"));
    int32_t start = 0;
    int32_t end = unicode.length();
    while (start < end && u_isUWhiteSpace(unicode.char32At(start)))
        start = unicode.moveIndex32(start, 1);
    while (end > start && u_isUWhiteSpace(unicode.char32At(unicode.moveIndex32(end, -1))))
        end = unicode.moveIndex32(end, -1);
    return to_utf8(unicode.tempSubStringBetween(start, end));
}

std::string treatment_t1(std::string_view text) {
    const icu::UnicodeString decomposed = normalize(from_utf8(text), true);
    icu::UnicodeString kept;
    for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
        const UChar32 c = decomposed.char32At(i);
        if (u_charType(c) == U_NON_SPACING_MARK || u_isUWhiteSpace(c))
            continue;
        kept.append(u_tolower(c));
    }
    return to_utf8(normalize(kept, false));
}

// Rule: docs/rules/content.md "Tolerances" (the national platform's t2 removes every character not in
// [a-zA-Z0-9 ]).
// Pix runs t2 after t1 has already folded accents to ASCII; applied alone, that ASCII class would
// erase "É" or "ç" and make a variant empty. So t2 keeps every Unicode letter (with its combining
// marks), every digit and whitespace, and removes the rest: punctuation and symbols.
std::string treatment_t2(std::string_view text) {
    const icu::UnicodeString unicode = from_utf8(text);
    icu::UnicodeString kept;
    for (int32_t i = 0; i < unicode.length(); i = unicode.moveIndex32(i, 1)) {
        const UChar32 c = unicode.char32At(i);
        const int32_t category = U_GET_GC_MASK(c);
        if ((category & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) != 0 || u_isUWhiteSpace(c))
            kept.append(c);
    }
    return to_utf8(kept);
}

std::size_t levenshtein(std::string_view a, std::string_view b) {
    const std::vector<UChar32> left = code_points(a);
    const std::vector<UChar32> right = code_points(b);
    std::vector<std::size_t> previous(right.size() + 1);
    std::vector<std::size_t> current(right.size() + 1);
    for (std::size_t j = 0; j <= right.size(); ++j)
        previous[j] = j;
    for (std::size_t i = 1; i <= left.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= right.size(); ++j) {
            const std::size_t substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[right.size()];
}

std::optional<double> parse_number(std::string_view text) {
    std::string cleaned;
    for (char c : text) {
        if (c == ' ' || c == '\t')
            continue;
        cleaned += c == ',' ? '.' : c;
    }
    if (cleaned.empty() || cleaned.find_first_not_of("+-.0123456789") != std::string::npos)
        return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(cleaned.c_str(), &end);
    if (end != cleaned.c_str() + cleaned.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace numeria::content
