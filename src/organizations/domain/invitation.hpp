// invitation.hpp: an invitation to join an organisation's team (Orga "Équipe" tab).
#pragma once

#include "core/clock.hpp"
#include "organizations/domain/organization.hpp"

#include <optional>
#include <string>

namespace numeria::organizations {

using InvitationId = std::int64_t;

enum class InvitationStatus { Pending, Accepted, Cancelled };

[[nodiscard]] const char* status_code(InvitationStatus status);
[[nodiscard]] InvitationStatus parse_status(std::string_view code);

struct Invitation {
    InvitationId id = 0;
    OrganizationId organization_id = 0;
    std::string email;        // normalised
    std::optional<Role> role; // empty: decided on acceptance (ADMIN for the first member)
    InvitationStatus status = InvitationStatus::Pending;
    std::string token_digest;
    EpochMs created_at = 0;
    EpochMs updated_at = 0;
    EpochMs expires_at = 0;
};

// Rule: docs/rules/organizations.md "Invitations": an invitation is valid 7 days (from its last sending).
constexpr EpochMs INVITATION_LIFETIME_MS = 7LL * 24 * 60 * 60 * 1000;

// Rule: docs/rules/organizations.md "Invitations": the role on acceptance is the invitation's role,
// otherwise ADMIN if the organisation has no member yet, else MEMBER.
[[nodiscard]] Role role_on_acceptance(const std::optional<Role>& invited_role, int active_members);

} // namespace numeria::organizations
