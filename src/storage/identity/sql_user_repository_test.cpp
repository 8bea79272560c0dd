// Contract of UserRepository on SQLite (the PostgreSQL side runs through the HTTP integration tests
// once the pages use it).
#include "storage/database.hpp"
#include "storage/identity/sql_user_repository.hpp"
#include "storage/migrations.hpp"

#include <gtest/gtest.h>

namespace numeria::storage {
namespace {

class SqlUserRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_path = std::filesystem::temp_directory_path() / ("numeria-users-" + std::to_string(::getpid()) + ".db");
        std::filesystem::remove(m_path);
        m_db = std::move(*Database::open("sqlite:" + m_path.string(), 1));
        ASSERT_TRUE(migrate(*m_db, std::filesystem::path(NUMERIA_SOURCE_DIR) / "src/storage/migrations"));
    }
    void TearDown() override {
        m_db.reset();
        std::filesystem::remove(m_path);
    }
    static identity::NewUser a_user(std::optional<std::string> email, std::optional<std::string> username) {
        identity::NewUser user;
        user.first_name = "Zoé";
        user.last_name = "Lefèvre";
        user.email = std::move(email);
        user.username = std::move(username);
        user.password_hash = "$argon2id$v=19$fake";
        user.created_at = 1'700'000'000'000;
        return user;
    }

    std::filesystem::path m_path;
    std::unique_ptr<Database> m_db;
};

TEST_F(SqlUserRepositoryTest, CreatesAndFindsByEmailUsernameAndId) {
    m_db->write([](soci::session& sql) {
        SqlUserRepository users(sql);
        auto id = users.create(a_user("zoe@exemple.fr", "zoe.lefevre0101"));
        ASSERT_TRUE(id.has_value());

        auto by_email = users.find_by_email("zoe@exemple.fr");
        auto by_username = users.find_by_username("zoe.lefevre0101");
        auto by_id = users.find(*id);

        ASSERT_TRUE(by_email && by_username && by_id);
        EXPECT_EQ(by_email->id, *id);
        EXPECT_EQ(by_id->last_name, "Lefèvre");
        EXPECT_FALSE(by_id->terms_accepted_at.has_value());
    });
}

TEST_F(SqlUserRepositoryTest, KeepsAMissingEmailAsNull) {
    m_db->write([](soci::session& sql) {
        SqlUserRepository users(sql);
        auto first = users.create(a_user(std::nullopt, "a.b0101"));
        auto second = users.create(a_user(std::nullopt, "c.d0202"));

        ASSERT_TRUE(first && second);
        EXPECT_FALSE(users.find(*first)->email.has_value());
    });
}

TEST_F(SqlUserRepositoryTest, RefusesATakenEmail) {
    m_db->write([](soci::session& sql) {
        SqlUserRepository users(sql);
        ASSERT_TRUE(users.create(a_user("zoe@exemple.fr", std::nullopt)));

        auto again = users.create(a_user("zoe@exemple.fr", std::nullopt));

        ASSERT_FALSE(again.has_value());
        EXPECT_EQ(again.error().reason, "user.email_taken");
    });
}

TEST_F(SqlUserRepositoryTest, UpdatesThePasswordHash) {
    m_db->write([](soci::session& sql) {
        SqlUserRepository users(sql);
        auto id = *users.create(a_user("zoe@exemple.fr", std::nullopt));

        users.set_password_hash(id, "$argon2id$new", true);

        EXPECT_EQ(users.find(id)->password_hash, "$argon2id$new");
        EXPECT_TRUE(users.find(id)->must_change_password);
    });
}

} // namespace
} // namespace numeria::storage
