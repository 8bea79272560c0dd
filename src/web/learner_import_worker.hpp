// learner_import_worker.hpp: runs the student-base imports in the background (issue 5 item 3).
// The upload handler stores the file and returns at once; this thread validates, then applies each
// import in one transaction, recording UPLOADED → VALIDATED | VALIDATION_ERROR → IMPORTED |
// IMPORT_ERROR so the Orga page's banner can follow it. Imports left unfinished by a stopped
// process are taken again at start (their claim expires).
#pragma once

#include "core/clock.hpp"
#include "storage/database.hpp"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace numeria::web {

class LearnerImportWorker {
public:
    LearnerImportWorker(storage::Database& db, const Clock& clock)
        : m_db(db)
        , m_clock(clock) {}
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

    storage::Database& m_db;
    const Clock& m_clock;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_pending = false;
};

} // namespace numeria::web
