#include "campaigns/domain/campaign_code.hpp"

#include "core/assert.hpp"

#include <sodium.h>

#include <cstdint>
#include <string>

namespace numeria::campaigns {

namespace {

char draw_from(std::string_view alphabet) {
    return alphabet[randombytes_uniform(static_cast<std::uint32_t>(alphabet.size()))];
}

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

// Rule: docs/rules/campaigns.md "Campaign code": 6 letters then 3 digits, each uniform over its
// alphabet, from the operating system's secure random source.
std::string random_campaign_code() {
    std::string code;
    code.reserve(CODE_LENGTH);
    for (std::size_t i = 0; i < CODE_LETTER_COUNT; ++i)
        code += draw_from(CODE_LETTERS);
    for (std::size_t i = 0; i < CODE_DIGIT_COUNT; ++i)
        code += draw_from(CODE_DIGITS);
    return code;
}

// Rule: docs/rules/campaigns.md "Campaign code": the shape of a code.
bool has_campaign_code_shape(std::string_view code) {
    if (code.size() != CODE_LENGTH)
        return false;
    for (std::size_t i = 0; i < CODE_LENGTH; ++i) {
        std::string_view alphabet = i < CODE_LETTER_COUNT ? CODE_LETTERS : CODE_DIGITS;
        if (alphabet.find(code[i]) == std::string_view::npos)
            return false;
    }
    return true;
}

// Rule: docs/rules/campaigns.md "Typing a code": spaces ignored, case ignored (ASCII only, so that
// no locale can change a letter).
std::string normalise_campaign_code(std::string_view typed) {
    std::string code;
    code.reserve(typed.size());
    for (char c : typed) {
        if (is_blank(c))
            continue;
        code += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return code;
}

// Rule: docs/rules/campaigns.md "Typing a code": normalised, then refused unless it has the shape.
Result<std::string> parse_campaign_code(std::string_view typed) {
    std::string code = normalise_campaign_code(typed);
    if (!has_campaign_code_shape(code))
        return fail(Error::invalid("campaigns.code.malformed"));
    return code;
}

// Rule: docs/rules/campaigns.md "Campaign code": a bounded number of draws against the codes taken.
Result<std::string> generate_campaign_code(const std::function<bool(const std::string&)>& is_taken, int max_attempts) {
    NUMERIA_ASSERT(max_attempts >= 1, "the generator needs at least one attempt");
    for (int attempt = 0; attempt < max_attempts; ++attempt) {
        std::string code = random_campaign_code();
        if (!is_taken(code))
            return code;
    }
    return fail(Error(ErrorCode::AlreadyExists, "campaigns.code.unavailable",
                      "no free campaign code after " + std::to_string(max_attempts) + " draws"));
}

} // namespace numeria::campaigns
