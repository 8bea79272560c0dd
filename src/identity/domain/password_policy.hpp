// password_policy.hpp: what a password chosen by a person must contain.
#pragma once

#include "core/result.hpp"

#include <string_view>

namespace numeria::identity {

// Rule: docs/rules/accounts.md "Passwords" (the national platform's pattern
// ^(?=.*\p{Lu})(?=.*\p{Ll})(?=.*\d).{8,}$): at least 8 characters, with an upper-case letter,
// a lower-case letter and a digit. Letters are Unicode letters ("É" is upper case).
// At most 128 bytes (password.too_long, checked first).
// Fails with the first unmet requirement: password.too_long, password.too_short, password.missing_uppercase,
// password.missing_lowercase, password.missing_digit, or password.invalid_encoding.
[[nodiscard]] Status check_password_policy(std::string_view password);

} // namespace numeria::identity
