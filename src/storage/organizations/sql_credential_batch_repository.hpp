// sql_credential_batch_repository.hpp: organizations::CredentialBatchRepository on SQL (tables of
// migration 0015: credential_batches, credential_batch_lines).
#pragma once

#include "organizations/learners/credential_batch.hpp"

#include <soci/soci.h>

#include <functional>

namespace numeria::storage {

class SqlCredentialBatchRepository final : public organizations::CredentialBatchRepository {
public:
    explicit SqlCredentialBatchRepository(soci::session& sql)
        : m_sql(sql) {}
    void lock_organization(organizations::OrganizationId organization) override;
    long long create(const organizations::CredentialBatch& batch,
                     const std::vector<organizations::CredentialBatchLine>& lines) override;
    std::optional<organizations::CredentialBatch> find(organizations::OrganizationId organization,
                                                       long long id) override;
    std::optional<organizations::CredentialBatch> find_any(long long id) override;
    std::optional<organizations::CredentialBatch> latest(organizations::OrganizationId organization,
                                                         const std::string& division) override;
    std::vector<organizations::CredentialBatchLine> lines(long long batch) override;
    std::optional<organizations::CredentialBatchLine> next_pending(long long batch) override;
    void record_issued(long long batch, int position, const std::string& username,
                       const std::string& sealed_password) override;
    void record_skipped(long long batch, int position, const std::string& reason) override;
    void finish(long long batch, EpochMs now) override;
    void replace_older(organizations::OrganizationId organization, const std::string& division,
                       long long newest) override;

private:
    std::optional<organizations::CredentialBatch> select_one(const std::string& where,
                                                             const std::function<void(soci::statement&)>& bind_uses);
    std::vector<organizations::CredentialBatchLine> select_lines(long long batch, bool pending_only);

    soci::session& m_sql;
};

} // namespace numeria::storage
