// login_name.hpp: e-mail addresses and log-in names as the accounts store them.
#pragma once

#include <string>
#include <string_view>

namespace numeria::identity {

// Rule: docs/rules/accounts.md "Log-in names": e-mails are stored lower-cased. Also trimmed.
[[nodiscard]] std::string normalize_email(std::string_view email);

// A plausible address: one '@', a non-empty local part, a dotted domain, no space, ≤ 254 bytes.
// (Deliverability is proven by the links we send, not by a pattern.)
[[nodiscard]] bool is_plausible_email(std::string_view normalized_email);

// A log-in name is an e-mail when it contains '@', otherwise a username.
[[nodiscard]] bool looks_like_email(std::string_view login);

} // namespace numeria::identity
