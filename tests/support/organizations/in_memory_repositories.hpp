// in_memory_repositories.hpp: the fakes of the organizations unit tests.
#pragma once

#include "organizations/ports.hpp"

#include <map>
#include <vector>

namespace numeria::organizations::testing {

class InMemoryEstablishments final : public EstablishmentRepository {
public:
    bool upsert(const Establishment& establishment, EpochMs) override {
        const bool fresh = m_rows.count(establishment.uai) == 0;
        m_rows[establishment.uai] = establishment;
        return fresh;
    }
    std::optional<Establishment> find(const std::string& uai) override {
        auto found = m_rows.find(uai);
        return found == m_rows.end() ? std::nullopt : std::optional<Establishment>(found->second);
    }

private:
    std::map<std::string, Establishment> m_rows;
};

class InMemoryOrganizations final : public OrganizationRepository {
public:
    OrganizationId create(const Organization& organization) override {
        m_rows.push_back(organization);
        m_rows.back().id = static_cast<OrganizationId>(m_rows.size());
        return m_rows.back().id;
    }
    std::optional<Organization> find(OrganizationId id) override {
        for (const Organization& row : m_rows)
            if (row.id == id)
                return row;
        return std::nullopt;
    }
    std::optional<Organization> find_by_uai(const std::string& uai) override {
        for (const Organization& row : m_rows)
            if (row.uai == uai)
                return row;
        return std::nullopt;
    }
    std::vector<Organization> list_all() override { return m_rows; }
    [[nodiscard]] std::size_t size() const { return m_rows.size(); }

private:
    std::vector<Organization> m_rows;
};

class InMemoryMemberships final : public MembershipRepository {
public:
    void put(const Membership& membership, EpochMs) override {
        m_rows[{membership.organization_id, membership.user_id}] = Row{membership, false};
    }
    std::optional<Membership> find(OrganizationId organization, identity::UserId user) override {
        auto found = m_rows.find({organization, user});
        if (found == m_rows.end() || found->second.removed)
            return std::nullopt;
        return found->second.membership;
    }
    int count_active(OrganizationId organization) override {
        int count = 0;
        for (const auto& [key, row] : m_rows)
            count += key.first == organization && !row.removed ? 1 : 0;
        return count;
    }
    void remove(OrganizationId organization, identity::UserId user, EpochMs) override {
        m_rows[{organization, user}].removed = true;
    }
    int count_admins(OrganizationId organization) override {
        int count = 0;
        for (const auto& [key, row] : m_rows)
            count += key.first == organization && !row.removed && row.membership.role == Role::Admin ? 1 : 0;
        return count;
    }
    std::vector<MemberView> list_members(OrganizationId organization) override {
        std::vector<MemberView> result;
        for (const auto& [key, row] : m_rows) {
            if (key.first == organization && !row.removed)
                result.push_back(MemberView{key.second, "", "", "", row.membership.role});
        }
        return result;
    }
    std::vector<std::pair<Organization, Role>> list_for_user(identity::UserId user) override {
        std::vector<std::pair<Organization, Role>> result;
        for (const auto& [key, row] : m_rows) {
            if (key.second == user && !row.removed)
                result.push_back(
                    {Organization{key.first, OrganizationType::Sco, "", {}, true, 0}, row.membership.role});
        }
        return result;
    }
    [[nodiscard]] bool has_history(OrganizationId organization, identity::UserId user) const {
        return m_rows.count({organization, user}) != 0;
    }

private:
    struct Row {
        Membership membership;
        bool removed = false;
    };
    std::map<std::pair<OrganizationId, identity::UserId>, Row> m_rows;
};

class InMemoryInvitations final : public InvitationRepository {
public:
    InvitationId create(const Invitation& invitation) override {
        m_rows.push_back(invitation);
        m_rows.back().id = static_cast<InvitationId>(m_rows.size());
        return m_rows.back().id;
    }
    void update(const Invitation& invitation) override {
        for (Invitation& row : m_rows)
            if (row.id == invitation.id)
                row = invitation;
    }
    std::optional<Invitation> find(InvitationId id) override {
        for (const Invitation& row : m_rows)
            if (row.id == id)
                return row;
        return std::nullopt;
    }
    std::optional<Invitation> find_pending(OrganizationId organization, const std::string& email) override {
        for (const Invitation& row : m_rows)
            if (row.organization_id == organization && row.email == email && row.status == InvitationStatus::Pending)
                return row;
        return std::nullopt;
    }
    std::optional<Invitation> find_by_digest(const std::string& digest) override {
        for (const Invitation& row : m_rows)
            if (row.token_digest == digest)
                return row;
        return std::nullopt;
    }
    bool accept_pending(InvitationId id, EpochMs now) override {
        for (Invitation& row : m_rows)
            if (row.id == id && row.status == InvitationStatus::Pending && row.expires_at > now) {
                row.status = InvitationStatus::Accepted;
                row.updated_at = now;
                return true;
            }
        return false;
    }
    std::vector<Invitation> list_pending(OrganizationId organization) override {
        std::vector<Invitation> result;
        for (const Invitation& row : m_rows)
            if (row.organization_id == organization && row.status == InvitationStatus::Pending)
                result.push_back(row);
        return result;
    }

private:
    std::vector<Invitation> m_rows;
};

class InMemoryAuditLog final : public AuditLog {
public:
    void record(const AuditEvent& event) override { m_events.push_back(event); }
    std::vector<AuditEvent> list(OrganizationId organization, int limit) override {
        std::vector<AuditEvent> result;
        for (auto it = m_events.rbegin(); it != m_events.rend() && static_cast<int>(result.size()) < limit; ++it)
            if (it->organization_id == organization)
                result.push_back(*it);
        return result;
    }
    std::optional<identity::UserId> last_inviter(OrganizationId organization, const std::string& email) override {
        for (auto it = m_events.rbegin(); it != m_events.rend(); ++it)
            if (it->organization_id == organization && it->target == email && it->actor &&
                (it->action == "invitation.sent" || it->action == "invitation.resent"))
                return it->actor;
        return std::nullopt;
    }

private:
    std::vector<AuditEvent> m_events;
};

class InMemoryActivations final : public ActivationRepository {
public:
    void create(const std::string& digest, const std::string& uai, const std::string&, const std::string&,
                EpochMs created_at, EpochMs expires_at) override {
        m_rows[digest] = Row{uai, created_at, expires_at, false};
    }
    int count_since(const std::string& uai, EpochMs since) override {
        int count = 0;
        for (const auto& [digest, row] : m_rows)
            count += row.uai == uai && row.created_at >= since ? 1 : 0;
        return count;
    }
    std::optional<std::string> find_usable(const std::string& digest, EpochMs now) override {
        auto found = m_rows.find(digest);
        if (found == m_rows.end() || found->second.used || found->second.expires_at <= now)
            return std::nullopt;
        return found->second.uai;
    }
    bool consume(const std::string& digest, EpochMs now) override {
        if (!find_usable(digest, now))
            return false;
        m_rows[digest].used = true;
        return true;
    }

private:
    struct Row {
        std::string uai;
        EpochMs created_at = 0;
        EpochMs expires_at = 0;
        bool used = false;
    };
    std::map<std::string, Row> m_rows;
};

} // namespace numeria::organizations::testing
