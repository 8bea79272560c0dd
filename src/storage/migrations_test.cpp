#include "storage/migrations.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace numeria::storage {
namespace {

class MigrationsTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = std::filesystem::temp_directory_path() / ("numeria-migrations-" + std::to_string(::getpid()));
        std::filesystem::create_directories(m_dir / "migrations");
        auto opened = Database::open("sqlite:" + (m_dir / "test.db").string(), 2);
        ASSERT_TRUE(opened.has_value()) << opened.error().detail;
        m_db = std::move(*opened);
    }
    void TearDown() override {
        m_db.reset();
        std::filesystem::remove_all(m_dir);
    }
    void write(const std::string& name, const std::string& sql) { std::ofstream(m_dir / "migrations" / name) << sql; }

    std::filesystem::path m_dir;
    std::unique_ptr<Database> m_db;
};

TEST_F(MigrationsTest, AppliesTheRealMigrationsOnSqlite) {
    auto report = migrate(*m_db, std::filesystem::path(NUMERIA_SOURCE_DIR) / "src/storage/migrations");

    ASSERT_TRUE(report.has_value()) << report.error().detail;
    EXPECT_GE(report->current_version, 1);
    EXPECT_EQ(describe_schema(*m_db).count("settings"), 1U);
}

TEST_F(MigrationsTest, AppliesEachVersionOnce) {
    write("0001_a.sqlite.sql", "CREATE TABLE a (id INTEGER PRIMARY KEY);\n");
    write("0001_a.pg.sql", "CREATE TABLE a (id INTEGER PRIMARY KEY);\n");

    auto first = migrate(*m_db, m_dir / "migrations");
    auto second = migrate(*m_db, m_dir / "migrations");

    ASSERT_TRUE(first && second);
    EXPECT_EQ(first->applied.size(), 1U);
    EXPECT_TRUE(second->applied.empty());
    EXPECT_EQ(second->current_version, 1);
}

TEST_F(MigrationsTest, RefusesAVersionWithoutItsPostgresqlFile) {
    write("0001_a.sqlite.sql", "CREATE TABLE a (id INTEGER PRIMARY KEY);\n");

    auto report = migrate(*m_db, m_dir / "migrations");

    ASSERT_FALSE(report.has_value());
    EXPECT_EQ(report.error().reason, "migrations.missing_engine_file");
}

TEST_F(MigrationsTest, RollsBackAFailingMigrationEntirely) {
    write("0001_a.sqlite.sql", "CREATE TABLE a (id INTEGER PRIMARY KEY);\nCREATE TABLE broken (;\n");
    write("0001_a.pg.sql", "CREATE TABLE a (id INTEGER PRIMARY KEY);\n");

    auto report = migrate(*m_db, m_dir / "migrations");

    ASSERT_FALSE(report.has_value());
    EXPECT_NE(report.error().detail.find("0001_a.sqlite.sql"), std::string::npos);
    EXPECT_EQ(describe_schema(*m_db).count("a"), 0U);
}

TEST(Database, RefusesAnUnknownUrlScheme) {
    auto opened = Database::open("mysql://localhost/x");

    ASSERT_FALSE(opened.has_value());
    EXPECT_EQ(opened.error().reason, "database.url");
}

TEST(Database, ReportsPoolStatistics) {
    auto path = std::filesystem::temp_directory_path() / ("numeria-pool-" + std::to_string(::getpid()) + ".db");
    auto db = Database::open("sqlite:" + path.string(), 3);
    ASSERT_TRUE(db.has_value());

    (*db)->read([](soci::session& sql) { sql << "SELECT 1"; });

    PoolStats stats = (*db)->pool_stats();
    EXPECT_EQ(stats.size, 3U);
    EXPECT_EQ(stats.in_use, 0U);
    EXPECT_EQ(stats.leases, 1U);
    db->reset();
    std::filesystem::remove(path);
}

} // namespace
} // namespace numeria::storage
