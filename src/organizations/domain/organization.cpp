#include "organizations/domain/organization.hpp"

namespace numeria::organizations {

const char* type_code(OrganizationType type) {
    switch (type) {
    case OrganizationType::Sco:
        return "SCO";
    case OrganizationType::ScoAgri:
        return "SCO-AGRI";
    case OrganizationType::Sup:
        return "SUP";
    case OrganizationType::Pro:
        return "PRO";
    }
    return "SCO";
}

std::optional<OrganizationType> parse_type(std::string_view code) {
    for (OrganizationType type :
         {OrganizationType::Sco, OrganizationType::ScoAgri, OrganizationType::Sup, OrganizationType::Pro}) {
        if (code == type_code(type))
            return type;
    }
    return std::nullopt;
}

const char* role_code(Role role) {
    return role == Role::Admin ? "ADMIN" : "MEMBER";
}

std::optional<Role> parse_role(std::string_view code) {
    if (code == "ADMIN")
        return Role::Admin;
    if (code == "MEMBER")
        return Role::Member;
    return std::nullopt;
}

} // namespace numeria::organizations
