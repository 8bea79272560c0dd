// Contract of the jobs table (docs/rules/jobs.md) on SQLite, and on PostgreSQL when
// NUMERIA_TEST_POSTGRES_URL is set (scripts/run_tests.sh runs the adapters again against its cluster).
#include "storage/database.hpp"
#include "storage/engine_test_support.hpp"
#include "storage/jobs/sql_job_queue.hpp"
#include "storage/migrations.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace numeria::storage {
namespace {

class SqlJobQueueTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        const std::optional<TestDatabase> target = test_database(GetParam(), "jobs");
        if (!target)
            GTEST_SKIP() << "NUMERIA_TEST_POSTGRES_URL is not set";
        m_path = target->sqlite_file;
        const std::string& url = target->url;
        m_db = std::move(*Database::open(url, 1));
        ASSERT_TRUE(migrate(*m_db, std::filesystem::path(NUMERIA_SOURCE_DIR) / "src/storage/migrations"));
        m_db->write([](soci::session& sql) { sql << "DELETE FROM jobs"; });
    }
    void TearDown() override {
        m_db.reset();
        if (!m_path.empty())
            std::filesystem::remove(m_path);
    }
    template <typename Work>
    auto with_queue(Work work) {
        decltype(work(std::declval<SqlJobQueue&>())) result{};
        m_db->write([&](soci::session& sql) {
            SqlJobQueue queue(sql);
            result = work(queue);
        });
        return result;
    }

    std::filesystem::path m_path;
    std::unique_ptr<Database> m_db;
};

TEST_P(SqlJobQueueTest, AJobIsHeldByOneClaimAtATime) {
    with_queue([](SqlJobQueue& q) { return q.enqueue("mail", "{}", 3, 1000, 1000); });

    auto first = with_queue([](SqlJobQueue& q) { return q.claim_next("mail", 1000, 61'000, "a"); });
    auto second = with_queue([](SqlJobQueue& q) { return q.claim_next("mail", 2000, 62'000, "b"); });

    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->attempts, 1);
    EXPECT_FALSE(second.has_value());
}

TEST_P(SqlJobQueueTest, TellsWhetherAJobOfAKindIsDueAndFree) {
    with_queue([](SqlJobQueue& q) { return q.enqueue("mail", "{}", 3, 1000, 5000); });

    const bool early = with_queue([](SqlJobQueue& q) { return q.has_due("mail", 4999); });
    const bool other_kind = with_queue([](SqlJobQueue& q) { return q.has_due("learner_import", 5000); });
    const bool due = with_queue([](SqlJobQueue& q) { return q.has_due("mail", 5000); });
    with_queue([](SqlJobQueue& q) { return q.claim_next("mail", 5000, 65'000, "a"); });
    const bool held = with_queue([](SqlJobQueue& q) { return q.has_due("mail", 6000); });
    const bool expired = with_queue([](SqlJobQueue& q) { return q.has_due("mail", 65'001); });

    EXPECT_FALSE(early);
    EXPECT_FALSE(other_kind);
    EXPECT_TRUE(due);
    EXPECT_FALSE(held);
    EXPECT_TRUE(expired);
}

TEST_P(SqlJobQueueTest, AnExpiredClaimIsTakenAgainAndTheOldHolderCanNoLongerFinish) {
    with_queue([](SqlJobQueue& q) { return q.enqueue("mail", "{}", 3, 1000, 1000); });
    auto first = with_queue([](SqlJobQueue& q) { return q.claim_next("mail", 1000, 61'000, "a"); });

    auto again = with_queue([](SqlJobQueue& q) { return q.claim_next("mail", 61'001, 121'000, "b"); });
    const bool old_finished = with_queue([&](SqlJobQueue& q) { return q.complete(first->id, "a", 61'002); });

    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(again->attempts, 2);
    EXPECT_FALSE(old_finished);
}

TEST_P(SqlJobQueueTest, ARetryWaitsForItsTime) {
    with_queue([](SqlJobQueue& q) { return q.enqueue("mail", "{}", 3, 1000, 1000); });
    auto job = with_queue([](SqlJobQueue& q) { return q.claim_next("mail", 1000, 61'000, "a"); });
    with_queue([&](SqlJobQueue& q) { return q.retry_later(job->id, "a", "refused", 5000, 1500); });

    auto early = with_queue([](SqlJobQueue& q) { return q.claim_next("mail", 4999, 64'999, "b"); });
    auto due = with_queue([](SqlJobQueue& q) { return q.claim_next("mail", 5000, 65'000, "c"); });

    EXPECT_FALSE(early.has_value());
    ASSERT_TRUE(due.has_value());
    EXPECT_EQ(due->attempts, 2);
}

TEST_P(SqlJobQueueTest, AFinishedJobIsNeverClaimedAndItsPayloadIsDropped) {
    with_queue([](SqlJobQueue& q) { return q.enqueue("mail", "{\"to\":\"a@b.fr\"}", 3, 1000, 1000); });
    auto job = with_queue([](SqlJobQueue& q) { return q.claim_next("mail", 1000, 61'000, "a"); });
    with_queue([&](SqlJobQueue& q) { return q.complete(job->id, "a", 1500); });

    auto later = with_queue([](SqlJobQueue& q) { return q.claim_next("mail", 999'999, 1'059'999, "b"); });
    std::string payload;
    m_db->read([&](soci::session& sql) { sql << "SELECT payload FROM jobs", soci::into(payload); });

    EXPECT_FALSE(later.has_value());
    EXPECT_EQ(payload, "");
    EXPECT_EQ(with_queue([](SqlJobQueue& q) { return q.counts().done; }), 1);
}

TEST_P(SqlJobQueueTest, PurgingDeletesOnlyJobsDoneBeforeTheDate) {
    for (int i = 0; i < 2; ++i)
        with_queue([](SqlJobQueue& q) { return q.enqueue("mail", "{}", 3, 1000, 1000); });
    auto old_job = with_queue([](SqlJobQueue& q) { return q.claim_next("mail", 1000, 61'000, "a"); });
    with_queue([&](SqlJobQueue& q) { return q.complete(old_job->id, "a", 2000); });
    auto failed = with_queue([](SqlJobQueue& q) { return q.claim_next("mail", 1000, 61'000, "b"); });
    with_queue([&](SqlJobQueue& q) { return q.give_up(failed->id, "b", "bad payload", 2000); });

    const long long purged = with_queue([](SqlJobQueue& q) { return q.purge_done(3000); });

    EXPECT_EQ(purged, 1);
    EXPECT_EQ(with_queue([](SqlJobQueue& q) { return q.counts().failed; }), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, SqlJobQueueTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace numeria::storage
