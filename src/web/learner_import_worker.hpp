// learner_import_worker.hpp: runs the student-base imports in the background
// (docs/rules/student-import.md "Import states", "Import jobs").
// The upload handler stores the file and returns at once; this thread validates, then applies each
// import in one transaction, recording UPLOADED → VALIDATED | VALIDATION_ERROR → IMPORTED |
// IMPORT_ERROR so the Orga page's banner can follow it. An import is claimed with a token and a
// short expiry, renewed by a heartbeat until it rests, so one whose process died, at any phase, is
// taken again by the periodic poll; after MAX_IMPORT_ATTEMPTS claims it ends in error instead
// (docs/rules/student-import.md "Import jobs").
#pragma once

#include "core/clock.hpp"
#include "organizations/use_cases/import_learners.hpp"
#include "storage/database.hpp"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace numeria::storage {
struct LearnerImport;
}

namespace numeria::web {

// Called after an import's transaction committed, with the importing organisation and the outcome
// (e.g. to mail the schools whose pupils' accounts it linked).
using AfterImport = std::function<void(const organizations::Organization&, const organizations::ImportOutcome&)>;

// Rule: docs/rules/student-import.md "Import jobs": a claim lasts 60 s and is renewed every third of
// that while the import runs.
constexpr std::chrono::milliseconds DEFAULT_IMPORT_CLAIM = std::chrono::seconds(60);

class LearnerImportWorker {
public:
    LearnerImportWorker(storage::Database& db, const Clock& clock,
                        std::chrono::milliseconds claim = DEFAULT_IMPORT_CLAIM, AfterImport after_import = {})
        : m_db(db)
        , m_clock(clock)
        , m_claim(claim)
        , m_after_import(std::move(after_import)) {}
    ~LearnerImportWorker() { stop(); }
    LearnerImportWorker(const LearnerImportWorker&) = delete;
    LearnerImportWorker& operator=(const LearnerImportWorker&) = delete;

    void start();
    void stop();
    // Wakes the thread: a file was uploaded or an import confirmed.
    void notify();
    // Runs every import that is ready, one after the other; returns how many ran.
    int run_ready();

private:
    bool run_one();
    void run_claimed(const storage::LearnerImport& import, const std::string& file_base64, const std::string& token);
    void finish(long long id, const std::string& token, const std::string& state, const std::string& outcome,
                bool keep_file);
    void after_import(const organizations::Organization& organization, const organizations::ImportOutcome& outcome);

    storage::Database& m_db;
    const Clock& m_clock;
    std::chrono::milliseconds m_claim;
    AfterImport m_after_import;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_pending = false;
};

} // namespace numeria::web
