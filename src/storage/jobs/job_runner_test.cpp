// The job runner on the real jobs table (docs/rules/jobs.md "Claims", "Retries") and the import's
// stored file (docs/rules/student-import.md "Import jobs"), on SQLite and, when
// NUMERIA_TEST_POSTGRES_URL is set, on PostgreSQL.
#include "application/job_runner.hpp"
#include "core/clock.hpp"
#include "storage/database.hpp"
#include "storage/engine_test_support.hpp"
#include "storage/jobs/sql_job_queue.hpp"
#include "storage/migrations.hpp"
#include "storage/organizations/sql_learner_import_repository.hpp"
#include "storage/sql_unit_of_work.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

namespace numeria::storage {
namespace {

using namespace std::chrono_literals;

class JobRunnerTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        const std::optional<TestDatabase> target = test_database(GetParam(), "runner");
        if (!target)
            GTEST_SKIP() << "NUMERIA_TEST_POSTGRES_URL is not set";
        m_path = target->sqlite_file;
        const std::string& url = target->url;
        m_db = std::move(*Database::open(url, 4));
        ASSERT_TRUE(migrate(*m_db, std::filesystem::path(NUMERIA_SOURCE_DIR) / "src/storage/migrations"));
        m_db->write([](soci::session& sql) { sql << "DELETE FROM jobs"; });
        m_tx = std::make_unique<SqlTransactions>(*m_db);
    }
    void TearDown() override {
        m_tx.reset();
        m_db.reset();
        if (!m_path.empty())
            std::filesystem::remove(m_path);
    }
    long long enqueue(int max_attempts) {
        long long id = 0;
        m_db->write([&](soci::session& sql) {
            id = SqlJobQueue(sql).enqueue("test", "{}", max_attempts, m_clock.now(), m_clock.now());
        });
        return id;
    }
    std::string state_of(long long id) {
        std::string state;
        m_db->read([&](soci::session& sql) {
            sql << "SELECT state FROM jobs WHERE id = :i", soci::use(id), soci::into(state);
        });
        return state;
    }

    SystemClock m_clock;
    std::filesystem::path m_path;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SqlTransactions> m_tx;
};

TEST_P(JobRunnerTest, AHandlerThatOutlivesItsClaimKeepsItsJob) {
    application::JobRunnerSettings settings;
    settings.claim = 150ms;
    application::JobRunner runner(*m_tx, m_clock, settings);
    std::atomic<int> runs = 0;
    runner.handle("test", [&](const application::Job&) -> Status {
        ++runs;
        std::this_thread::sleep_for(700ms); // more than four claims long
        return {};
    });
    application::JobRunner other(*m_tx, m_clock, settings);
    other.handle("test", [&](const application::Job&) -> Status {
        ++runs;
        return {};
    });
    const long long id = enqueue(3);

    std::thread first([&] { (void)runner.run_due(); });
    std::this_thread::sleep_for(400ms);
    const int taken_by_other = other.run_due();
    first.join();

    EXPECT_EQ(taken_by_other, 0);
    EXPECT_EQ(runs.load(), 1);
    EXPECT_EQ(state_of(id), "DONE");
}

TEST_P(JobRunnerTest, AJobWhoseRunnersAllDiedIsGivenUpThroughItsHook) {
    const long long id = enqueue(1);
    // A runner claims it for 1 ms and dies.
    m_db->write([&](soci::session& sql) {
        (void)SqlJobQueue(sql).claim_next("test", m_clock.now(), m_clock.now() + 1, "dead");
    });
    std::this_thread::sleep_for(5ms);
    application::JobRunner runner(*m_tx, m_clock);
    int runs = 0;
    std::vector<long long> given_up;
    runner.handle(
        "test",
        [&](const application::Job&) -> Status {
            ++runs;
            return {};
        },
        [&](const application::Job& job, const std::string&) { given_up.push_back(job.id); });

    (void)runner.run_due();

    EXPECT_EQ(runs, 0);
    EXPECT_EQ(given_up, std::vector<long long>{id});
    EXPECT_EQ(state_of(id), "FAILED");
}

TEST_P(JobRunnerTest, AnImportFileComesBackByteForByteAndGoesWhenTheImportRests) {
    // 2.5 MB with every byte value (NULs included): four pieces.
    std::string file(2'500'000, '\0');
    for (std::size_t i = 0; i < file.size(); ++i)
        file[i] = static_cast<char>((i * 7919) % 256);
    long long id = 0;
    m_db->write([&](soci::session& sql) {
        sql << "INSERT INTO organizations (type, name, manages_students, created_at) VALUES ('SCO', 'Test', 1, 0)";
        long long organization = 0;
        sql << "SELECT MAX(id) FROM organizations", soci::into(organization);
        SqlLearnerImportRepository imports(sql);
        organizations::LearnerImport import;
        import.organization_id = organization;
        import.format = "SIECLE";
        import.file_name = "f.zip";
        id = imports.create(import);
        imports.store_file(id, file);
    });

    std::optional<std::string> read;
    int pieces = 0;
    m_db->read([&](soci::session& sql) {
        read = SqlLearnerImportRepository(sql).read_file(id);
        sql << "SELECT COUNT(*) FROM learner_import_chunks WHERE import_id = :i", soci::use(id), soci::into(pieces);
    });
    m_db->write([&](soci::session& sql) { SqlLearnerImportRepository(sql).finish(id, "IMPORTED", "{}", false, 1); });
    std::optional<std::string> after;
    m_db->read([&](soci::session& sql) { after = SqlLearnerImportRepository(sql).read_file(id); });

    ASSERT_TRUE(read.has_value());
    EXPECT_TRUE(*read == file);
    EXPECT_EQ(pieces, 4);
    EXPECT_FALSE(after.has_value());
}

INSTANTIATE_TEST_SUITE_P(Engines, JobRunnerTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace numeria::storage
