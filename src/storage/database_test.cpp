// Contract of Database::transact on both engines: SQLite always, PostgreSQL when
// NUMERIA_TEST_POSTGRES_URL names a database this test may create tables in (scripts/run_tests.sh
// runs the adapter tests a second time with the cluster it starts).
#include "storage/database.hpp"
#include "storage/engine_test_support.hpp"

#include <gtest/gtest.h>

#include <barrier>
#include <filesystem>
#include <thread>

namespace numeria::storage {
namespace {

class TransactTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        const std::optional<TestDatabase> target = test_database(GetParam(), "transact");
        if (!target)
            GTEST_SKIP() << "NUMERIA_TEST_POSTGRES_URL is not set";
        m_path = target->sqlite_file;
        const std::string& url = target->url;
        auto opened = Database::open(url, 2);
        ASSERT_TRUE(opened.has_value()) << opened.error().detail;
        m_db = std::move(*opened);
        m_db->write([](soci::session& sql) {
            sql << "DROP TABLE IF EXISTS transact_probe";
            sql << "CREATE TABLE transact_probe (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL UNIQUE)";
            sql << "INSERT INTO transact_probe (id, name) VALUES (1, 'un'), (2, 'deux')";
        });
    }
    void TearDown() override {
        if (m_db)
            m_db->write([](soci::session& sql) { sql << "DROP TABLE IF EXISTS transact_probe"; });
        m_db.reset();
        if (!m_path.empty())
            std::filesystem::remove(m_path);
    }
    int count() {
        int rows = 0;
        m_db->read([&](soci::session& sql) { sql << "SELECT COUNT(*) FROM transact_probe", soci::into(rows); });
        return rows;
    }

    std::filesystem::path m_path;
    std::unique_ptr<Database> m_db;
};

TEST_P(TransactTest, CommitsWhenTheWorkSucceeds) {
    Result<int> done = m_db->transact<int>(TxMode::Write, [](soci::session& sql) -> Result<int> {
        sql << "INSERT INTO transact_probe (id, name) VALUES (3, 'trois')";
        return 3;
    });

    ASSERT_TRUE(done.has_value());
    EXPECT_EQ(*done, 3);
    EXPECT_EQ(count(), 3);
}

TEST_P(TransactTest, LeavesNoWriteBehindWhenTheWorkFails) {
    Result<int> refused = m_db->transact<int>(TxMode::Write, [](soci::session& sql) -> Result<int> {
        sql << "INSERT INTO transact_probe (id, name) VALUES (3, 'trois')";
        sql << "DELETE FROM transact_probe WHERE id = 1";
        return fail(Error::rule("probe.refused"));
    });

    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().reason, "probe.refused");
    EXPECT_EQ(count(), 2);
}

TEST_P(TransactTest, LeavesNoWriteBehindWhenTheWorkThrows) {
    EXPECT_THROW((void)m_db->transact_status(TxMode::Durable,
                                             [](soci::session& sql) -> Status {
                                                 sql << "INSERT INTO transact_probe (id, name) VALUES (3, 'trois')";
                                                 throw std::runtime_error("lost");
                                             }),
                 std::runtime_error);

    EXPECT_EQ(count(), 2);
}

TEST_P(TransactTest, ReportsAUniqueViolationAsAlreadyExists) {
    Status clash = m_db->transact_status(TxMode::Write, [](soci::session& sql) -> Status {
        sql << "INSERT INTO transact_probe (id, name) VALUES (3, 'trois')";
        sql << "INSERT INTO transact_probe (id, name) VALUES (4, 'un')";
        return {};
    });

    ASSERT_FALSE(clash.has_value());
    EXPECT_EQ(clash.error().code, ErrorCode::AlreadyExists);
    EXPECT_EQ(clash.error().reason, "storage.unique_violation");
    EXPECT_EQ(count(), 2);
}

TEST_P(TransactTest, TheSessionServesTheNextTransactionAfterARefusal) {
    (void)m_db->transact_status(TxMode::Write, [](soci::session&) -> Status { return fail(Error::rule("x")); });
    (void)m_db->transact_status(TxMode::Write, [](soci::session& sql) -> Status {
        sql << "INSERT INTO transact_probe (id, name) VALUES (1, 'doublon')";
        return {};
    });

    Status next = m_db->transact_status(TxMode::Write, [](soci::session& sql) -> Status {
        sql << "INSERT INTO transact_probe (id, name) VALUES (5, 'cinq')";
        return {};
    });

    EXPECT_TRUE(next.has_value());
    EXPECT_EQ(count(), 3);
}

// Two writers lock the same two rows in opposite orders: PostgreSQL aborts one of them with a
// deadlock (40P01), which transact runs again, so both finish.
TEST_P(TransactTest, RunsADeadlockedTransactionAgainOnPostgresql) {
    if (GetParam() != "postgresql")
        GTEST_SKIP() << "SQLite has one writer at a time";
    std::barrier both_hold_one(2);
    auto writer = [&](int first, int second, Status& outcome, int& attempts) {
        outcome = m_db->transact_status(TxMode::Write, [&](soci::session& sql) -> Status {
            ++attempts;
            sql << "UPDATE transact_probe SET name = name || '+' WHERE id = " << first;
            if (attempts == 1)
                both_hold_one.arrive_and_wait();
            sql << "UPDATE transact_probe SET name = name || '+' WHERE id = " << second;
            return {};
        });
    };
    Status left, right;
    int left_attempts = 0, right_attempts = 0;
    std::thread one([&] { writer(1, 2, left, left_attempts); });
    std::thread two([&] { writer(2, 1, right, right_attempts); });
    one.join();
    two.join();

    EXPECT_TRUE(left.has_value());
    EXPECT_TRUE(right.has_value());
    EXPECT_EQ(left_attempts + right_attempts, 3);
    std::string name;
    m_db->read([&](soci::session& sql) { sql << "SELECT name FROM transact_probe WHERE id = 1", soci::into(name); });
    EXPECT_EQ(name, "un++");
}

INSTANTIATE_TEST_SUITE_P(Engines, TransactTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace numeria::storage
