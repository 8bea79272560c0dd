// Contract of the single-use links and of session revocation on SQLite (PostgreSQL's concurrent case
// runs through tests/integration/test_password_security.py).
#include "storage/database.hpp"
#include "storage/identity/sql_session_repository.hpp"
#include "storage/identity/sql_token_repository.hpp"
#include "storage/identity/sql_user_repository.hpp"
#include "storage/migrations.hpp"

#include <gtest/gtest.h>

namespace numeria::storage {
namespace {

class SqlTokenRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_path = std::filesystem::temp_directory_path() / ("numeria-tokens-" + std::to_string(::getpid()) + ".db");
        std::filesystem::remove(m_path);
        m_db = std::move(*Database::open("sqlite:" + m_path.string(), 1));
        ASSERT_TRUE(migrate(*m_db, std::filesystem::path(NUMERIA_SOURCE_DIR) / "src/storage/migrations"));
        m_db->write([this](soci::session& sql) {
            SqlUserRepository users(sql);
            identity::NewUser user;
            user.first_name = "Zoé";
            user.last_name = "Lefèvre";
            user.email = "zoe@exemple.fr";
            user.password_hash = "$argon2id$v=19$fake";
            m_user = *users.create(user);
        });
    }
    void TearDown() override {
        m_db.reset();
        std::filesystem::remove(m_path);
    }

    std::filesystem::path m_path;
    std::unique_ptr<Database> m_db;
    identity::UserId m_user = 0;
};

TEST_F(SqlTokenRepositoryTest, ALinkIsConsumedOnceOnly) {
    m_db->write([this](soci::session& sql) {
        SqlAccountUnlockRepository unlocks(sql);
        unlocks.create("digest", m_user, 1000, 5000);

        EXPECT_TRUE(unlocks.consume("digest", 2000));
        EXPECT_FALSE(unlocks.consume("digest", 2001));
    });
}

TEST_F(SqlTokenRepositoryTest, AnExpiredLinkIsNotConsumed) {
    m_db->write([this](soci::session& sql) {
        SqlPasswordResetRepository resets(sql);
        resets.create("digest", m_user, 1000, 5000);

        EXPECT_FALSE(resets.consume("digest", 5000));
    });
}

TEST_F(SqlTokenRepositoryTest, SpendingAllOfAUserLeavesNoUsableLink) {
    m_db->write([this](soci::session& sql) {
        SqlPasswordResetRepository resets(sql);
        resets.create("first", m_user, 1000, 5000);
        resets.create("second", m_user, 1000, 5000);

        resets.spend_all_of_user(m_user, 2000);

        EXPECT_FALSE(resets.find_usable("first", 2001).has_value());
        EXPECT_FALSE(resets.find_usable("second", 2001).has_value());
    });
}

TEST_F(SqlTokenRepositoryTest, RevokingAUsersSessionsKeepsTheOneInUse) {
    m_db->write([this](soci::session& sql) {
        SqlSessionRepository sessions(sql);
        sessions.create("current", m_user, 1000, 9000);
        sessions.create("other", m_user, 1000, 9000);

        sessions.revoke_all_of_user(m_user, "current", 2000);

        EXPECT_TRUE(sessions.find_active("current", 2001).has_value());
        EXPECT_FALSE(sessions.find_active("other", 2001).has_value());
    });
}

} // namespace
} // namespace numeria::storage
