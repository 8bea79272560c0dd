// sql_organization_repositories.hpp: the organizations ports on SQL (one text for both engines).
#pragma once

#include "organizations/ports.hpp"

#include <soci/soci.h>

namespace numeria::storage {

class SqlEstablishmentRepository final : public organizations::EstablishmentRepository {
public:
    explicit SqlEstablishmentRepository(soci::session& sql)
        : m_sql(sql) {}
    void lock(const std::string& uai) override;
    bool upsert(const organizations::Establishment& establishment, EpochMs now) override;
    std::optional<organizations::Establishment> find(const std::string& uai) override;

private:
    soci::session& m_sql;
};

class SqlOrganizationRepository final : public organizations::OrganizationRepository {
public:
    explicit SqlOrganizationRepository(soci::session& sql)
        : m_sql(sql) {}
    organizations::OrganizationId create(const organizations::Organization& organization) override;
    std::optional<organizations::Organization> find(organizations::OrganizationId id) override;
    std::optional<organizations::Organization> find_by_uai(const std::string& uai) override;
    std::vector<organizations::Organization> list_all() override;

private:
    std::optional<organizations::Organization> find_where(const std::string& condition, const std::string& value);
    soci::session& m_sql;
};

class SqlMembershipRepository final : public organizations::MembershipRepository {
public:
    explicit SqlMembershipRepository(soci::session& sql)
        : m_sql(sql) {}
    void put(const organizations::Membership& membership, EpochMs now) override;
    std::optional<organizations::Membership> find(organizations::OrganizationId organization,
                                                  identity::UserId user) override;
    int count_active(organizations::OrganizationId organization) override;
    std::vector<std::pair<organizations::Organization, organizations::Role>>
    list_for_user(identity::UserId user) override;
    void remove(organizations::OrganizationId organization, identity::UserId user, EpochMs now) override;
    int count_admins(organizations::OrganizationId organization) override;
    void lock_team(organizations::OrganizationId organization) override;
    std::vector<organizations::MemberView> list_members(organizations::OrganizationId organization) override;

private:
    soci::session& m_sql;
};

class SqlActivationRepository final : public organizations::ActivationRepository {
public:
    explicit SqlActivationRepository(soci::session& sql)
        : m_sql(sql) {}
    void create(const std::string& token_digest, const std::string& uai, const std::string& first_name,
                const std::string& last_name, EpochMs created_at, EpochMs expires_at) override;
    int count_since(const std::string& uai, EpochMs since) override;
    std::optional<std::string> find_usable(const std::string& token_digest, EpochMs now) override;
    bool consume(const std::string& token_digest, EpochMs now) override;

private:
    soci::session& m_sql;
};

} // namespace numeria::storage
