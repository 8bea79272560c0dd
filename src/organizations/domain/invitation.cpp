#include "organizations/domain/invitation.hpp"

namespace numeria::organizations {

const char* status_code(InvitationStatus status) {
    switch (status) {
    case InvitationStatus::Pending:
        return "pending";
    case InvitationStatus::Accepted:
        return "accepted";
    case InvitationStatus::Cancelled:
        return "cancelled";
    }
    return "pending";
}

InvitationStatus parse_status(std::string_view code) {
    if (code == "accepted")
        return InvitationStatus::Accepted;
    if (code == "cancelled")
        return InvitationStatus::Cancelled;
    return InvitationStatus::Pending;
}

Role role_on_acceptance(const std::optional<Role>& invited_role, int active_members) {
    if (invited_role)
        return *invited_role;
    return active_members == 0 ? Role::Admin : Role::Member;
}

} // namespace numeria::organizations
