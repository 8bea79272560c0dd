// after_log_in.hpp: where the log-in pages lead (docs/rules/accounts.md "After log-in") and which
// space of the header they belong to.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace numeria::web {

// The page a person lands on once logged in: the safe return address of the form if there is one,
// else the first organisation's Orga home, else "Mon espace".
[[nodiscard]] std::string landing_path(const std::optional<std::string>& safe_return,
                                       const std::optional<std::int64_t>& first_organization);

// The space of the header ("mon-espace", "orga", "certif" or "" for none) of a log-in page opened
// to return to `safe_return`: the log-in page reached from Orga belongs to Orga, not to "Mon espace".
[[nodiscard]] std::string space_of_return(const std::optional<std::string>& safe_return);

} // namespace numeria::web
