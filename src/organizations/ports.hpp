// ports.hpp: what the organizations use cases need from storage.
#pragma once

#include "core/clock.hpp"
#include "core/result.hpp"
#include "identity/api.hpp"
#include "organizations/domain/invitation.hpp"
#include "organizations/domain/organization.hpp"

#include <optional>
#include <string>
#include <vector>

namespace numeria::organizations {

class EstablishmentRepository {
public:
    virtual ~EstablishmentRepository() = default;
    // Inserts or updates by UAI; returns true when the row was new.
    virtual bool upsert(const Establishment& establishment, EpochMs now) = 0;
    [[nodiscard]] virtual std::optional<Establishment> find(const std::string& uai) = 0;
    // Holds the establishment's row until the transaction ends, so two processes counting its
    // activation requests at once take turns (PostgreSQL; SQLite has one writer at a time).
    virtual void lock(const std::string& /*uai*/) {}
};

class OrganizationRepository {
public:
    virtual ~OrganizationRepository() = default;
    [[nodiscard]] virtual OrganizationId create(const Organization& organization) = 0;
    [[nodiscard]] virtual std::optional<Organization> find(OrganizationId id) = 0;
    [[nodiscard]] virtual std::optional<Organization> find_by_uai(const std::string& uai) = 0;
    // Every organisation, by name (Admin space).
    [[nodiscard]] virtual std::vector<Organization> list_all() = 0;
};

struct Membership {
    OrganizationId organization_id = 0;
    identity::UserId user_id = 0;
    Role role = Role::Member;
};

struct MemberView {
    identity::UserId user_id = 0;
    std::string first_name;
    std::string last_name;
    std::string email;
    Role role = Role::Member;
};

class MembershipRepository {
public:
    virtual ~MembershipRepository() = default;
    // Adds the member, or gives an existing (even removed) membership back with this role.
    virtual void put(const Membership& membership, EpochMs now) = 0;
    [[nodiscard]] virtual std::optional<Membership> find(OrganizationId organization, identity::UserId user) = 0;
    [[nodiscard]] virtual int count_active(OrganizationId organization) = 0;
    // Soft removal: the row stays (history), the person loses access.
    virtual void remove(OrganizationId organization, identity::UserId user, EpochMs now) = 0;
    [[nodiscard]] virtual int count_admins(OrganizationId organization) = 0;
    // Holds the organisation's row until the transaction ends, so two processes changing its team
    // at once take turns and "the last admin stays" holds (PostgreSQL; SQLite has one writer).
    virtual void lock_team(OrganizationId /*organization*/) {}
    // Active members with their names, admins first, then by last name.
    [[nodiscard]] virtual std::vector<MemberView> list_members(OrganizationId organization) = 0;
    // The organisations a user is an active member of, by name.
    [[nodiscard]] virtual std::vector<std::pair<Organization, Role>> list_for_user(identity::UserId user) = 0;
};

class InvitationRepository {
public:
    virtual ~InvitationRepository() = default;
    [[nodiscard]] virtual InvitationId create(const Invitation& invitation) = 0;
    virtual void update(const Invitation& invitation) = 0;
    [[nodiscard]] virtual std::optional<Invitation> find(InvitationId id) = 0;
    [[nodiscard]] virtual std::optional<Invitation> find_pending(OrganizationId organization,
                                                                 const std::string& email) = 0;
    [[nodiscard]] virtual std::optional<Invitation> find_by_digest(const std::string& token_digest) = 0;
    [[nodiscard]] virtual std::vector<Invitation> list_pending(OrganizationId organization) = 0;
    // Marks a pending, unexpired invitation accepted in one conditional write: of two concurrent
    // calls, only one gets true (docs/rules/security.md, "Single-use links").
    [[nodiscard]] virtual bool accept_pending(InvitationId id, EpochMs now) = 0;
};

// Who did what, when, from where: activation, invitation, role and removal events
// (docs/rules/organizations.md "Audit log").
struct AuditEvent {
    OrganizationId organization_id = 0;
    std::optional<identity::UserId> actor;
    std::string action; // "activation", "invitation.sent", "invitation.cancelled", "role.changed", …
    std::string target; // e-mail or user id concerned
    std::string detail; // e.g. "MEMBER→ADMIN"
    std::string ip;
    EpochMs at = 0;
    // Read back only (AuditLog::list): the names of the acting account and of the member concerned
    // (role changes and removals name a user id), "" when none or deleted.
    std::string actor_name{};
    std::string target_name{};
};

class AuditLog {
public:
    virtual ~AuditLog() = default;
    virtual void record(const AuditEvent& event) = 0;
    [[nodiscard]] virtual std::vector<AuditEvent> list(OrganizationId organization, int limit) = 0;
    // Who sent, or last sent again, the invitation of `email` to the organisation: the actor of the
    // newest "invitation.sent" or "invitation.resent" event about it.
    [[nodiscard]] virtual std::optional<identity::UserId> last_inviter(OrganizationId organization,
                                                                       const std::string& email) = 0;
};

// Activation links: single use, valid 7 days, only their digest is stored.
class ActivationRepository {
public:
    virtual ~ActivationRepository() = default;
    virtual void create(const std::string& token_digest, const std::string& uai, const std::string& first_name,
                        const std::string& last_name, EpochMs created_at, EpochMs expires_at) = 0;
    // Requests made for this UAI since `since` (to refuse floods).
    [[nodiscard]] virtual int count_since(const std::string& uai, EpochMs since) = 0;
    // The UAI of an unused, unexpired link.
    [[nodiscard]] virtual std::optional<std::string> find_usable(const std::string& token_digest, EpochMs now) = 0;
    // Spends an unused, unexpired link in one conditional write: of two concurrent calls, only one
    // gets true (docs/rules/security.md, "Single-use links").
    [[nodiscard]] virtual bool consume(const std::string& token_digest, EpochMs now) = 0;
};

} // namespace numeria::organizations
