#include "storage/organizations/sql_credential_batch_repository.hpp"

#include <functional>

namespace numeria::storage {

using organizations::BatchState;
using organizations::CredentialBatch;
using organizations::CredentialBatchLine;
using organizations::LineOutcome;

namespace {

const char* state_text(BatchState state) {
    switch (state) {
    case BatchState::Running:
        return "RUNNING";
    case BatchState::Done:
        return "DONE";
    case BatchState::Replaced:
        return "REPLACED";
    }
    return "RUNNING";
}

BatchState state_of(const std::string& text) {
    return text == "DONE" ? BatchState::Done : text == "REPLACED" ? BatchState::Replaced : BatchState::Running;
}

LineOutcome outcome_of(const std::string& text) {
    return text == "ISSUED" ? LineOutcome::Issued : text == "SKIPPED" ? LineOutcome::Skipped : LineOutcome::Pending;
}

} // namespace

void SqlCredentialBatchRepository::lock_organization(organizations::OrganizationId organization) {
    if (m_sql.get_backend_name() != "postgresql")
        return;
    const long long organization_id = organization;
    long long found = 0;
    m_sql << "SELECT id FROM organizations WHERE id = :o FOR UPDATE", soci::use(organization_id), soci::into(found);
}

long long SqlCredentialBatchRepository::create(const CredentialBatch& batch,
                                               const std::vector<CredentialBatchLine>& lines) {
    long long id = 0;
    const long long organization = batch.organization_id;
    long long created_by = batch.created_by.value_or(0);
    soci::indicator created_by_ind = batch.created_by ? soci::i_ok : soci::i_null;
    const long long at = batch.created_at;
    const std::string state = state_text(batch.state);
    m_sql << "INSERT INTO credential_batches (organization_id, division, state, created_by, created_ip, created_at) "
             "VALUES (:o, :d, :s, :c, :i, :t) RETURNING id",
        soci::use(organization), soci::use(batch.division), soci::use(state), soci::use(created_by, created_by_ind),
        soci::use(batch.created_ip), soci::use(at), soci::into(id);
    int position = 0;
    long long learner = 0;
    std::string division, last_name, first_name;
    soci::statement insert =
        (m_sql.prepare << "INSERT INTO credential_batch_lines (batch_id, position, learner_id, division, last_name, "
                          "first_name, outcome) VALUES (:b, :p, :l, :d, :n, :f, 'PENDING')",
         soci::use(id), soci::use(position), soci::use(learner), soci::use(division), soci::use(last_name),
         soci::use(first_name));
    for (const CredentialBatchLine& line : lines) {
        learner = line.learner_id; // NOLINT(clang-analyzer-deadcode.DeadStores): read by execute() (soci::use)
        division = line.division;
        last_name = line.last_name;
        first_name = line.first_name;
        insert.execute(true);
        ++position;
    }
    return id;
}

std::optional<CredentialBatch>
SqlCredentialBatchRepository::select_one(const std::string& where,
                                         const std::function<void(soci::statement&)>& bind_uses) {
    CredentialBatch batch;
    long long organization = 0, created_by = 0, created_at = 0, finished_at = 0;
    std::string state, first_name, last_name;
    soci::indicator created_by_ind = soci::i_null, finished_ind = soci::i_null, first_ind = soci::i_null,
                    last_ind = soci::i_null;
    int total = 0, pending = 0, issued = 0;
    // Counts by outcome over the batch's lines (their primary key starts with the batch).
    soci::statement select(m_sql);
    select.exchange(soci::into(batch.id));
    select.exchange(soci::into(organization));
    select.exchange(soci::into(batch.division));
    select.exchange(soci::into(state));
    select.exchange(soci::into(created_by, created_by_ind));
    select.exchange(soci::into(batch.created_ip));
    select.exchange(soci::into(created_at));
    select.exchange(soci::into(finished_at, finished_ind));
    select.exchange(soci::into(first_name, first_ind));
    select.exchange(soci::into(last_name, last_ind));
    select.exchange(soci::into(total));
    select.exchange(soci::into(pending));
    select.exchange(soci::into(issued));
    bind_uses(select);
    select.alloc();
    select.prepare("SELECT b.id, b.organization_id, b.division, b.state, b.created_by, b.created_ip, b.created_at, "
                   "b.finished_at, "
                   "u.first_name, u.last_name, "
                   "(SELECT COUNT(*) FROM credential_batch_lines x WHERE x.batch_id = b.id), "
                   "(SELECT COUNT(*) FROM credential_batch_lines x WHERE x.batch_id = b.id AND x.outcome = 'PENDING'), "
                   "(SELECT COUNT(*) FROM credential_batch_lines x WHERE x.batch_id = b.id AND x.outcome = 'ISSUED') "
                   "FROM credential_batches b LEFT JOIN users u ON u.id = b.created_by WHERE " +
                   where + " ORDER BY b.id DESC LIMIT 1");
    select.define_and_bind();
    if (!select.execute(true))
        return std::nullopt;
    batch.organization_id = organization;
    batch.state = state_of(state);
    if (created_by_ind == soci::i_ok)
        batch.created_by = created_by;
    if (first_ind == soci::i_ok && last_ind == soci::i_ok)
        batch.created_by_name = first_name + " " + last_name;
    batch.created_at = created_at;
    if (finished_ind == soci::i_ok)
        batch.finished_at = finished_at;
    batch.total = total;
    batch.pending = pending;
    batch.issued = issued;
    return batch;
}

std::optional<CredentialBatch> SqlCredentialBatchRepository::find(organizations::OrganizationId organization,
                                                                  long long id) {
    const long long organization_id = organization;
    return select_one("b.id = :i AND b.organization_id = :o", [&](soci::statement& statement) {
        statement.exchange(soci::use(id));
        statement.exchange(soci::use(organization_id));
    });
}

std::optional<CredentialBatch> SqlCredentialBatchRepository::find_any(long long id) {
    return select_one("b.id = :i", [&](soci::statement& statement) { statement.exchange(soci::use(id)); });
}

std::optional<CredentialBatch> SqlCredentialBatchRepository::latest(organizations::OrganizationId organization,
                                                                    const std::string& division) {
    const long long organization_id = organization;
    return select_one("b.organization_id = :o AND b.division = :d", [&](soci::statement& statement) {
        statement.exchange(soci::use(organization_id));
        statement.exchange(soci::use(division));
    });
}

std::vector<CredentialBatchLine> SqlCredentialBatchRepository::select_lines(long long batch, bool pending_only) {
    CredentialBatchLine line;
    long long learner = 0;
    std::string outcome, sealed;
    soci::indicator sealed_ind = soci::i_null;
    int changed = 0;
    soci::statement select =
        (m_sql.prepare << "SELECT c.position, c.learner_id, c.division, c.last_name, c.first_name, c.outcome, "
                          "c.reason, c.username, c.sealed_password, "
                          "CASE WHEN c.outcome = 'ISSUED' AND u.id IS NOT NULL AND u.must_change_password = 0 "
                          "THEN 1 ELSE 0 END "
                          "FROM credential_batch_lines c LEFT JOIN learners l ON l.id = c.learner_id "
                          "LEFT JOIN users u ON u.id = l.user_id WHERE c.batch_id = :b" +
                              std::string(pending_only ? " AND c.outcome = 'PENDING'" : "") + " ORDER BY c.position",
         soci::into(line.position), soci::into(learner), soci::into(line.division), soci::into(line.last_name),
         soci::into(line.first_name), soci::into(outcome), soci::into(line.reason), soci::into(line.username),
         soci::into(sealed, sealed_ind), soci::into(changed), soci::use(batch));
    select.execute(false);
    std::vector<CredentialBatchLine> lines;
    while (select.fetch()) {
        line.learner_id = learner;
        line.outcome = outcome_of(outcome);
        line.sealed_password = sealed_ind == soci::i_ok ? sealed : "";
        line.password_changed = changed != 0;
        lines.push_back(line);
        if (pending_only)
            break;
    }
    // Read to the end: an unfinished statement would keep SQLite's read transaction open.
    while (select.fetch()) {
    }
    return lines;
}

std::vector<CredentialBatchLine> SqlCredentialBatchRepository::lines(long long batch) {
    return select_lines(batch, false);
}

std::optional<CredentialBatchLine> SqlCredentialBatchRepository::next_pending(long long batch) {
    std::vector<CredentialBatchLine> first = select_lines(batch, true);
    if (first.empty())
        return std::nullopt;
    return first.front();
}

void SqlCredentialBatchRepository::record_issued(long long batch, int position, const std::string& username,
                                                 const std::string& sealed_password) {
    m_sql << "UPDATE credential_batch_lines SET outcome = 'ISSUED', username = :u, sealed_password = :s "
             "WHERE batch_id = :b AND position = :p",
        soci::use(username), soci::use(sealed_password), soci::use(batch), soci::use(position);
}

void SqlCredentialBatchRepository::record_skipped(long long batch, int position, const std::string& reason) {
    m_sql << "UPDATE credential_batch_lines SET outcome = 'SKIPPED', reason = :r WHERE batch_id = :b AND position = :p",
        soci::use(reason), soci::use(batch), soci::use(position);
}

void SqlCredentialBatchRepository::finish(long long batch, EpochMs now) {
    const long long at = now;
    m_sql << "UPDATE credential_batches SET state = 'DONE', finished_at = :t WHERE id = :b AND state = 'RUNNING'",
        soci::use(at), soci::use(batch);
}

void SqlCredentialBatchRepository::replace_older(organizations::OrganizationId organization,
                                                 const std::string& division, long long newest) {
    const long long organization_id = organization;
    m_sql << "UPDATE credential_batch_lines SET sealed_password = NULL, "
             "outcome = CASE WHEN outcome = 'PENDING' THEN 'SKIPPED' ELSE outcome END, "
             "reason = CASE WHEN outcome = 'PENDING' THEN 'batch.replaced' ELSE reason END "
             "WHERE batch_id IN (SELECT id FROM credential_batches WHERE organization_id = :o AND division = :d "
             "AND id < :n AND state <> 'REPLACED')",
        soci::use(organization_id), soci::use(division), soci::use(newest);
    m_sql << "UPDATE credential_batches SET state = 'REPLACED' WHERE organization_id = :o AND division = :d "
             "AND id < :n AND state <> 'REPLACED'",
        soci::use(organization_id), soci::use(division), soci::use(newest);
}

} // namespace numeria::storage
