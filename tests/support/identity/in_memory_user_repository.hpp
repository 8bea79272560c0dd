// in_memory_user_repository.hpp: the fake UserRepository of the identity unit tests.
#pragma once

#include "identity/ports.hpp"

#include <vector>

namespace numeria::identity::testing {

class InMemoryUserRepository final : public UserRepository {
public:
    Result<UserId> create(const NewUser& user) override {
        if (user.email && find_by_email(*user.email))
            return fail(Error{ErrorCode::AlreadyExists, "user.email_taken", {}});
        if (user.username && find_by_username(*user.username))
            return fail(Error{ErrorCode::AlreadyExists, "user.username_taken", {}});
        User stored{static_cast<UserId>(m_users.size() + 1),
                    user.first_name,
                    user.last_name,
                    user.email,
                    user.username,
                    user.password_hash,
                    user.must_change_password,
                    user.terms_accepted_at,
                    user.created_at};
        m_users.push_back(stored);
        return stored.id;
    }
    std::optional<User> find_by_email(const std::string& email) override {
        for (const User& user : m_users)
            if (user.email == email)
                return user;
        return std::nullopt;
    }
    std::optional<User> find_by_username(const std::string& username) override {
        for (const User& user : m_users)
            if (user.username == username)
                return user;
        return std::nullopt;
    }
    std::optional<User> find(UserId id) override {
        for (const User& user : m_users)
            if (user.id == id)
                return user;
        return std::nullopt;
    }
    void set_password_hash(UserId id, const std::string& password_hash, bool must_change_password) override {
        for (User& user : m_users) {
            if (user.id == id) {
                user.password_hash = password_hash;
                user.must_change_password = must_change_password;
            }
        }
    }
    void set_username(UserId id, const std::string& username) override {
        for (User& user : m_users)
            if (user.id == id)
                user.username = username;
    }
    [[nodiscard]] const std::vector<User>& all() const { return m_users; }

private:
    std::vector<User> m_users;
};

} // namespace numeria::identity::testing
