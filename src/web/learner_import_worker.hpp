// learner_import_worker.hpp: runs the student-base imports in the background (issue 5 item 3).
// The upload handler stores the file and returns at once; this thread validates, then applies each
// import in one transaction, recording UPLOADED → VALIDATED | VALIDATION_ERROR → IMPORTED |
// IMPORT_ERROR so the Orga page's banner can follow it. Imports left unfinished by a stopped
// process are taken again at start (their claim expires).
#pragma once

#include "core/clock.hpp"
#include "organizations/use_cases/import_learners.hpp"
#include "storage/database.hpp"

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace numeria::web {

// Called after an import's transaction committed, with the importing organisation and the outcome
// (e.g. to mail the schools whose pupils' accounts it linked).
using AfterImport = std::function<void(const organizations::Organization&, const organizations::ImportOutcome&)>;

class LearnerImportWorker {
public:
    LearnerImportWorker(storage::Database& db, const Clock& clock, AfterImport after_import = {})
        : m_db(db)
        , m_clock(clock)
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
    void after_import(const organizations::Organization& organization, const organizations::ImportOutcome& outcome);

    storage::Database& m_db;
    const Clock& m_clock;
    AfterImport m_after_import;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_pending = false;
};

} // namespace numeria::web
