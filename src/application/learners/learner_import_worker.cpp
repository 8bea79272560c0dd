#include "application/learners/learner_import_worker.hpp"

#include "application/learners/import_outcome_json.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>

namespace numeria::application {

namespace {

// The claim went to another worker (this one stalled past its expiry): it must write nothing more.
struct ClaimLost : std::runtime_error {
    ClaimLost()
        : std::runtime_error("claim lost") {}
};

std::string decode_base64(const std::string& text) {
    std::string bytes(text.size(), '\0');
    std::size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), text.data(), text.size(),
                          nullptr, &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
        return {};
    bytes.resize(length);
    return bytes;
}

std::string new_claim_token() {
    unsigned char random[16];
    randombytes_buf(random, sizeof random);
    char hex[sizeof random * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, random, sizeof random);
    return hex;
}

void log_failure(long long id, const std::string& what) {
    spdlog::error(nlohmann::json{{"msg", "learner import failed"}, {"import", id}, {"error", what}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// Renews the claim every third of its length until destroyed: validating 20 MB takes seconds, and
// the claim must outlive every phase up to the resting state.
class ClaimHeartbeat {
public:
    ClaimHeartbeat(Transactions& tx, const Clock& clock, long long id, const std::string& token,
                   std::chrono::milliseconds claim)
        : m_thread([this, &tx, &clock, id, token, claim] {
            std::unique_lock lock(m_mutex);
            while (!m_wake.wait_for(lock, claim / 3, [this] { return m_done; })) {
                lock.unlock();
                bool held = true;
                try {
                    (void)tx.write([&](UnitOfWork& uow) -> Status {
                        held = uow.learner_imports().renew(id, token, clock.now() + claim.count());
                        return {};
                    });
                } catch (const std::exception& error) {
                    log_failure(id, std::string("claim renewal: ") + error.what()); // tried again next time
                }
                lock.lock();
                if (!held)
                    return; // another worker took it: the import's own writes will see so and stop
            }
        }) {}
    ~ClaimHeartbeat() {
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    ClaimHeartbeat(const ClaimHeartbeat&) = delete;
    ClaimHeartbeat& operator=(const ClaimHeartbeat&) = delete;

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_done = false;
    std::thread m_thread; // last: starts once the members above exist
};

} // namespace

void LearnerImportWorker::start() {
    // Rule: docs/rules/student-import.md "Import jobs": imports whose claim expired (their process
    // died) are looked for at start and then at least every 5 s, or every claim length if shorter.
    const auto poll = std::min<std::chrono::milliseconds>(std::chrono::seconds(5), m_claim);
    m_thread = std::thread([this, poll] {
        while (true) {
            run_ready();
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, poll, [this] { return m_stopping || m_pending; });
            if (m_stopping)
                return;
            m_pending = false;
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
        spdlog::error(nlohmann::json{{"msg", "after learner import failed"}, {"error", error.what()}}.dump(
            -1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
}

int LearnerImportWorker::run_ready() {
    int ran = 0;
    try {
        while (run_one())
            ++ran;
    } catch (const std::exception& error) {
        // The database is unreachable: the next poll tries again.
        spdlog::error(nlohmann::json{{"msg", "learner import queue unavailable"}, {"error", error.what()}}.dump(
            -1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
    return ran;
}

void LearnerImportWorker::finish(long long id, const std::string& token, const std::string& state,
                                 const std::string& outcome, bool keep_file) {
    bool held = false;
    (void)m_tx.durable([&](UnitOfWork& uow) -> Status {
        held = uow.learner_imports().finish(id, token, state, outcome, keep_file, m_clock.now());
        return {};
    });
    if (!held)
        throw ClaimLost();
}

bool LearnerImportWorker::run_one() {
    const std::string token = new_claim_token();
    std::optional<std::pair<organizations::LearnerImport, std::string>> claimed;
    (void)m_tx.write([&](UnitOfWork& uow) -> Status {
        claimed = uow.learner_imports().claim_next(m_clock.now(), m_clock.now() + m_claim.count(), token);
        return {};
    });
    if (!claimed)
        return false;
    const organizations::LearnerImport& import = claimed->first;
    try {
        // Rule: docs/rules/student-import.md "Import jobs": a file whose import was claimed
        // MAX_IMPORT_ATTEMPTS times without coming to rest (its process died each time) is not run
        // again: the import ends in error and the file is dropped.
        if (import.attempts > organizations::MAX_IMPORT_ATTEMPTS) {
            log_failure(import.id, "attempts exhausted");
            finish(import.id, token, "IMPORT_ERROR",
                   import_outcome_json(retries_exhausted_outcome())
                       .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                   false);
            return true;
        }
        ClaimHeartbeat heartbeat(m_tx, m_clock, import.id, token, m_claim);
        run_claimed(import, claimed->second, token);
    } catch (const ClaimLost&) {
        log_failure(import.id, "claim lost to another worker");
    } catch (const std::exception& error) {
        log_failure(import.id, error.what());
        try {
            finish(import.id, token, "IMPORT_ERROR",
                   import_outcome_json(failed_import_outcome())
                       .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                   false);
        } catch (const std::exception& again) {
            log_failure(import.id, again.what()); // the claim expires; the next attempt records it
        }
    }
    return true;
}

void LearnerImportWorker::run_claimed(const organizations::LearnerImport& import, const std::string& file_base64,
                                      const std::string& token) {
    std::optional<organizations::Organization> organization;
    (void)m_tx.read([&](UnitOfWork& uow) -> Status {
        organization = uow.organizations().find(import.organization_id);
        return {};
    });
    const auto format = organizations::parse_import_format(import.format);
    const std::string bytes = decode_base64(file_base64);
    if (!organization || !format)
        throw std::runtime_error("organisation or format missing");
    const organizations::ParsedFile file =
        organizations::validate_import_file(*format, bytes, organization->uai.value_or(""));
    if (file.refused()) {
        finish(import.id, token, "VALIDATION_ERROR",
               import_outcome_json(organizations::refused_outcome(file))
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
               false);
        return;
    }
    organizations::ImportOutcome validated;
    validated.status = "VALIDATED";
    validated.skipped = file.skipped;
    validated.imported = static_cast<int>(file.learners.size());
    bool held = false;
    (void)m_tx.write([&](UnitOfWork& uow) -> Status {
        held = uow.learner_imports().progress(
            import.id, token, "VALIDATED",
            import_outcome_json(validated).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
            m_clock.now());
        return {};
    });
    if (!held)
        throw ClaimLost();
    // Rule: docs/rules/student-import.md: all or nothing: the learners and the import's outcome in one
    // transaction, which first takes the import's row (renewing the claim), so no other worker can
    // claim it until this one commits or rolls back.
    organizations::ImportOutcome outcome;
    (void)m_tx.durable([&](UnitOfWork& uow) -> Status {
        organizations::LearnerImportQueue& imports = uow.learner_imports();
        if (!imports.renew(import.id, token, m_clock.now() + m_claim.count()))
            throw ClaimLost();
        outcome = organizations::apply_import(file, *format, *organization, import.confirmed, uow.learner_records(),
                                              uow.audit(), m_clock.now());
        const bool waiting = outcome.status == "CONFIRMATION_REQUIRED";
        if (!imports.finish(import.id, token, waiting ? "VALIDATED" : "IMPORTED",
                            import_outcome_json(outcome).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                            waiting, m_clock.now()))
            throw ClaimLost();
        return {};
    });
    after_import(*organization, outcome);
}

} // namespace numeria::application
