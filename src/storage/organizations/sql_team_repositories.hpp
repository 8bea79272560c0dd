// sql_team_repositories.hpp: invitations and the audit log on SQL (one text for both engines).
#pragma once

#include "organizations/ports.hpp"

#include <soci/soci.h>

namespace numeria::storage {

class SqlInvitationRepository final : public organizations::InvitationRepository {
public:
    explicit SqlInvitationRepository(soci::session& sql)
        : m_sql(sql) {}
    organizations::InvitationId create(const organizations::Invitation& invitation) override;
    void update(const organizations::Invitation& invitation) override;
    std::optional<organizations::Invitation> find(organizations::InvitationId id) override;
    std::optional<organizations::Invitation> find_pending(organizations::OrganizationId organization,
                                                          const std::string& email) override;
    std::optional<organizations::Invitation> find_by_digest(const std::string& token_digest) override;
    bool accept_pending(organizations::InvitationId id, EpochMs now) override;
    std::vector<organizations::Invitation> list_pending(organizations::OrganizationId organization) override;

private:
    std::vector<organizations::Invitation> select(const std::string& condition, const std::string& a,
                                                  const std::string& b);
    soci::session& m_sql;
};

class SqlAuditLog final : public organizations::AuditLog {
public:
    explicit SqlAuditLog(soci::session& sql)
        : m_sql(sql) {}
    void record(const organizations::AuditEvent& event) override;
    std::vector<organizations::AuditEvent> list(organizations::OrganizationId organization, int limit) override;
    std::optional<identity::UserId> last_inviter(organizations::OrganizationId organization,
                                                 const std::string& email) override;

private:
    soci::session& m_sql;
};

} // namespace numeria::storage
