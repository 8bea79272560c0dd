// Migration 0014 (docs/rules/student-import.md "Import jobs") on a database that has imports in
// every state: the one caught mid-run keeps its file, in pieces, and gets its job; the others get
// none. On SQLite, and on PostgreSQL (a database of its own) when NUMERIA_TEST_POSTGRES_URL is set.
#include "storage/migrations.hpp"
#include "storage/organizations/sql_learner_import_repository.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace numeria::storage {
namespace {

namespace fs = std::filesystem;

class ImportJobsMigrationTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("numeria-0014-" + std::to_string(::getpid()));
        fs::create_directories(m_dir / "before");
        std::string url = "sqlite:" + (m_dir / "test.db").string();
        if (GetParam() == "postgresql") {
            const char* pg = std::getenv("NUMERIA_TEST_POSTGRES_URL");
            if (pg == nullptr || *pg == '\0')
                GTEST_SKIP() << "NUMERIA_TEST_POSTGRES_URL is not set";
            const std::string name = "t_0014_" + std::to_string(::getpid());
            auto server = Database::open(pg, 1);
            ASSERT_TRUE(server.has_value());
            // Outside any transaction block, as PostgreSQL requires.
            ASSERT_TRUE((*server)->transact_status(TxMode::SingleRead, [&](soci::session& sql) -> Status {
                sql << "DROP DATABASE IF EXISTS " + name;
                sql << "CREATE DATABASE " + name;
                return {};
            }));
            url = pg;
            url.replace(url.find("/postgres?"), 10, "/" + name + "?");
        }
        const fs::path all = fs::path(NUMERIA_SOURCE_DIR) / "src/storage/migrations";
        for (const auto& entry : fs::directory_iterator(all))
            if (entry.path().filename().string() < "0014")
                fs::copy_file(entry.path(), m_dir / "before" / entry.path().filename());
        m_db = std::move(*Database::open(url, 1));
        ASSERT_TRUE(migrate(*m_db, m_dir / "before").has_value());
        m_db->write([](soci::session& sql) {
            sql << "INSERT INTO organizations (type, name, manages_students, created_at) VALUES ('SCO', 'T', 1, 0)";
            sql << "INSERT INTO learner_imports (organization_id, format, file_name, state, outcome, file_data, "
                   "claim_token, attempts, created_at, updated_at) "
                   "SELECT MAX(id), 'SIECLE', 'running.xml', 'VALIDATED', '', 'PEJFRV9FTEVWRVMvPg==', 'k', 1, 5, 6 "
                   "FROM organizations";
            sql << "INSERT INTO learner_imports (organization_id, format, file_name, state, outcome, created_at, "
                   "updated_at) SELECT MAX(id), 'SIECLE', 'done.xml', 'IMPORTED', '{}', 5, 6 FROM organizations";
        });
        m_all = all;
    }
    void TearDown() override {
        m_db.reset();
        fs::remove_all(m_dir);
    }

    fs::path m_dir;
    fs::path m_all;
    std::unique_ptr<Database> m_db;
};

TEST_P(ImportJobsMigrationTest, AnImportCaughtMidRunKeepsItsFileAndGetsItsJob) {
    ASSERT_TRUE(migrate(*m_db, m_all).has_value());

    int jobs = 0;
    std::string payload;
    int running = 0;
    int resting_running = 1;
    std::optional<std::string> file;
    std::optional<std::string> resting_file;
    m_db->read([&](soci::session& sql) {
        sql << "SELECT COUNT(*) FROM jobs WHERE kind = 'learner_import'", soci::into(jobs);
        sql << "SELECT payload FROM jobs WHERE kind = 'learner_import'", soci::into(payload);
        long long running_id = 0;
        long long resting_id = 0;
        sql << "SELECT id, running FROM learner_imports WHERE file_name = 'running.xml'", soci::into(running_id),
            soci::into(running);
        sql << "SELECT id, running FROM learner_imports WHERE file_name = 'done.xml'", soci::into(resting_id),
            soci::into(resting_running);
        file = SqlLearnerImportRepository(sql).read_file(running_id);
        resting_file = SqlLearnerImportRepository(sql).read_file(resting_id);
        payload += "|" + std::to_string(running_id);
    });

    EXPECT_EQ(jobs, 1);
    EXPECT_EQ(payload.substr(0, payload.find('|')), "{\"import\":" + payload.substr(payload.find('|') + 1) + "}");
    EXPECT_EQ(running, 1);
    EXPECT_EQ(resting_running, 0);
    EXPECT_EQ(file, std::optional<std::string>("<BEE_ELEVES/>"));
    EXPECT_FALSE(resting_file.has_value());
}

INSTANTIATE_TEST_SUITE_P(Engines, ImportJobsMigrationTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace numeria::storage
