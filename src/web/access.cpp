#include "web/access.hpp"

namespace numeria::web {

const char* scope_parameter(Access access) {
    switch (access) {
    case Access::Member:
    case Access::OrgAdmin:
        return "org_id";
    case Access::CentreMember:
        return "centre_id";
    case Access::Anonymous:
    case Access::Learner:
    case Access::Supervisor:
    case Access::NationalAdmin:
        return nullptr;
    }
    return nullptr;
}

AccessDecision decide_access(Access access, const Viewer* viewer, PathRole role) {
    if (access != Access::Anonymous && viewer == nullptr)
        return AccessDecision::LogIn;
    switch (access) {
    case Access::Anonymous:
    case Access::Learner:
        return AccessDecision::Allow;
    case Access::Member:
        return role == PathRole::None ? AccessDecision::NotFound : AccessDecision::Allow;
    case Access::OrgAdmin:
        if (role == PathRole::None)
            return AccessDecision::NotFound;
        return role == PathRole::Admin ? AccessDecision::Allow : AccessDecision::Forbidden;
    case Access::CentreMember:
        // Every school organisation is the certification centre of its pupils: its members are the
        // centre's members.
        return role == PathRole::None ? AccessDecision::NotFound : AccessDecision::Allow;
    case Access::Supervisor:
        // Nobody supervises a session until certification sessions exist: refused, never open.
        return AccessDecision::NotFound;
    case Access::NationalAdmin:
        return viewer->national_admin ? AccessDecision::Allow : AccessDecision::NotFound;
    }
    return AccessDecision::NotFound;
}

} // namespace numeria::web
