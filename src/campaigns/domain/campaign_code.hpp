// campaign_code.hpp: the code a learner types to join a campaign (docs/rules/campaigns.md
// "Campaign code"): 6 letters and 3 digits without look-alikes, drawn at random by libsodium, and
// the reading of a typed code ("Typing a code").
#pragma once

#include "core/result.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace numeria::campaigns {

// Rule: docs/rules/campaigns.md "Campaign code": the letters (no I, L, O) and digits (no 0, 1) a
// code is made of.
inline constexpr std::string_view CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr std::string_view CODE_DIGITS = "23456789";
inline constexpr std::size_t CODE_LETTER_COUNT = 6;
inline constexpr std::size_t CODE_DIGIT_COUNT = 3;
inline constexpr std::size_t CODE_LENGTH = CODE_LETTER_COUNT + CODE_DIGIT_COUNT;
// How many codes the generator draws before giving up (docs/rules/campaigns.md "Campaign code").
inline constexpr int DEFAULT_CODE_ATTEMPTS = 10;

// A new code: 6 letters then 3 digits, each drawn uniformly with randombytes_uniform. libsodium
// must have been started (sodium_init) by the program.
[[nodiscard]] std::string random_campaign_code();

// Whether `code` is exactly a campaign code: 6 letters of CODE_LETTERS then 3 digits of
// CODE_DIGITS, upper case, nothing else.
[[nodiscard]] bool has_campaign_code_shape(std::string_view code);

// Rule: docs/rules/campaigns.md "Typing a code": the typed text without its spaces, tabs and line
// breaks, ASCII letters upper-cased; every other byte kept as is.
[[nodiscard]] std::string normalise_campaign_code(std::string_view typed);

// The code a learner typed, normalised, or the error "campaigns.code.malformed" (InvalidInput)
// when it does not have the shape of a code.
[[nodiscard]] Result<std::string> parse_campaign_code(std::string_view typed);

// Rule: docs/rules/campaigns.md "Campaign code": draws codes until `is_taken` says one is free, at
// most `max_attempts` times (≥ 1); then fails with "campaigns.code.unavailable" (AlreadyExists).
[[nodiscard]] Result<std::string> generate_campaign_code(const std::function<bool(const std::string&)>& is_taken,
                                                         int max_attempts = DEFAULT_CODE_ATTEMPTS);

} // namespace numeria::campaigns
