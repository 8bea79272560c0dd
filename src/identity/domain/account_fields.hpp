// account_fields.hpp: the length and shape limits of what a person types into an account.
#pragma once

#include "core/result.hpp"

#include <string>
#include <string_view>

namespace numeria::identity {

// Rule: docs/rules/security.md, "Length limits": a first or last name is one line of at most 100
// characters (code points, so "é" counts once); an e-mail address at most 254 characters (RFC 5321's
// limit on a path).
constexpr std::size_t NAME_MAX_CHARACTERS = 100;
constexpr std::size_t EMAIL_MAX_CHARACTERS = 254;

// Fails with `<field>_too_long` or `<field>_not_one_line` (e.g. "user.first_name_too_long").
[[nodiscard]] Status check_name(std::string_view name, const std::string& field);
[[nodiscard]] Status check_email_length(std::string_view email);
// Code points of a UTF-8 text (continuation bytes are not counted).
[[nodiscard]] std::size_t code_points(std::string_view text);

} // namespace numeria::identity
