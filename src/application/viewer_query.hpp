// viewer_query.hpp: who is calling, in ONE query (docs/adr/0008 "Request path"): the session's
// user, whether they are a national administrator, and their memberships (the access check of
// organisation routes and the Orga menu read them without another query).
#pragma once

#include "core/clock.hpp"
#include "identity/domain/user.hpp"
#include "organizations/domain/organization.hpp"

#include <optional>
#include <string>
#include <vector>

namespace numeria::application {

struct ViewerMembership {
    organizations::OrganizationId organization_id = 0;
    std::string name;
    organizations::OrganizationType type = organizations::OrganizationType::Sco;
    organizations::Role role = organizations::Role::Member;
    bool archived = false; // an archived organisation is left out of menus
};

struct ViewerRecord {
    identity::UserId user_id = 0;
    std::string first_name;
    std::string last_name;
    bool must_change_password = false;
    bool national_admin = false;
    std::vector<ViewerMembership> memberships; // by organisation name
    std::optional<std::string> email;          // the log-in names of the account ("Mon espace")
    std::optional<std::string> username;
};

class ViewerQuery {
public:
    virtual ~ViewerQuery() = default;
    // The user of a session (or API token) neither revoked nor expired at `now`.
    [[nodiscard]] virtual std::optional<ViewerRecord> find_by_session(const std::string& token_digest, EpochMs now) = 0;
};

} // namespace numeria::application
