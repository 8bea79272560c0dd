#include "web/learner_import_worker.hpp"

#include "storage/organizations/learner_import_runner.hpp"
#include "storage/organizations/sql_learner_import_repository.hpp"
#include "storage/organizations/sql_learner_repository.hpp"
#include "storage/organizations/sql_organization_repositories.hpp"
#include "storage/organizations/sql_team_repositories.hpp"
#include "web/learner_import_json.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

namespace numeria::web {

namespace {

// A claimed import is retried by another worker after this long (a process killed mid-import).
constexpr EpochMs CLAIM_MS = 5 * 60 * 1000;

std::string decode_base64(const std::string& text) {
    std::string bytes(text.size(), '\0');
    std::size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), text.data(), text.size(),
                          nullptr, &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
        return {};
    bytes.resize(length);
    return bytes;
}

std::string internal_error_outcome() {
    return import_outcome_json(failed_import_outcome()).dump();
}

} // namespace

void LearnerImportWorker::start() {
    m_thread = std::thread([this] {
        while (true) {
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait_for(lock, std::chrono::seconds(5), [this] { return m_stopping || m_pending; });
                if (m_stopping)
                    return;
                m_pending = false;
            }
            run_ready();
        }
    });
}

void LearnerImportWorker::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void LearnerImportWorker::notify() {
    {
        std::lock_guard lock(m_mutex);
        m_pending = true;
    }
    m_wake.notify_all();
}

// The import is committed: a failure here is logged and never turns it into an error.
void LearnerImportWorker::after_import(const organizations::Organization& organization,
                                       const organizations::ImportOutcome& outcome) {
    if (!m_after_import)
        return;
    try {
        m_after_import(organization, outcome);
    } catch (const std::exception& error) {
        spdlog::error(nlohmann::json{{"msg", "after learner import failed"}, {"error", error.what()}}.dump());
    }
}

int LearnerImportWorker::run_ready() {
    int ran = 0;
    while (run_one())
        ++ran;
    return ran;
}

bool LearnerImportWorker::run_one() {
    std::optional<std::pair<storage::LearnerImport, std::string>> claimed;
    m_db.write([&](soci::session& sql) {
        claimed = storage::SqlLearnerImportRepository(sql).claim_next(m_clock.now(), m_clock.now() + CLAIM_MS);
    });
    if (!claimed)
        return false;
    const storage::LearnerImport& import = claimed->first;
    try {
        std::optional<organizations::Organization> organization;
        m_db.read([&](soci::session& sql) {
            organization = storage::SqlOrganizationRepository(sql).find(import.organization_id);
        });
        const auto format = organizations::parse_import_format(import.format);
        const std::string bytes = decode_base64(claimed->second);
        if (!organization || !format)
            throw std::runtime_error("organisation or format missing");
        const organizations::ParsedFile file =
            organizations::validate_import_file(*format, bytes, organization->uai.value_or(""));
        if (file.refused()) {
            const std::string outcome = import_outcome_json(organizations::refused_outcome(file)).dump();
            m_db.write_durable([&](soci::session& sql) {
                storage::SqlLearnerImportRepository(sql).finish(import.id, "VALIDATION_ERROR", outcome, false,
                                                                m_clock.now());
            });
            return true;
        }
        m_db.write([&](soci::session& sql) {
            organizations::ImportOutcome validated;
            validated.status = "VALIDATED";
            validated.skipped = file.skipped;
            validated.imported = static_cast<int>(file.learners.size());
            storage::SqlLearnerImportRepository(sql).finish(import.id, "VALIDATED",
                                                            import_outcome_json(validated).dump(), true, m_clock.now());
        });
        // Rule: issue 5 item 4: all or nothing: the learners and the import's outcome in one transaction.
        organizations::ImportOutcome outcome;
        m_db.write_durable([&](soci::session& sql) {
            storage::SqlLearnerRepository learners(sql);
            storage::SqlAuditLog audit(sql);
            outcome = organizations::apply_import(file, *format, *organization, import.confirmed, learners, audit,
                                                  m_clock.now());
            const bool waiting = outcome.status == "CONFIRMATION_REQUIRED";
            storage::SqlLearnerImportRepository(sql).finish(import.id, waiting ? "VALIDATED" : "IMPORTED",
                                                            import_outcome_json(outcome).dump(), waiting,
                                                            m_clock.now());
        });
        after_import(*organization, outcome);
    } catch (const std::exception& error) {
        spdlog::error(
            nlohmann::json{{"msg", "learner import failed"}, {"import", import.id}, {"error", error.what()}}.dump());
        m_db.write([&](soci::session& sql) {
            storage::SqlLearnerImportRepository(sql).finish(import.id, "IMPORT_ERROR", internal_error_outcome(), false,
                                                            m_clock.now());
        });
    }
    return true;
}

} // namespace numeria::web
