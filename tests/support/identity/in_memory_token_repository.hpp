// in_memory_token_repository.hpp: the fake OneTimeTokenRepository of the identity unit tests.
#pragma once

#include "identity/ports.hpp"

#include <map>

namespace numeria::identity::testing {

class InMemoryTokenRepository final : public OneTimeTokenRepository {
public:
    void create(const std::string& digest, UserId user_id, EpochMs, EpochMs expires_at) override {
        m_tokens[digest] = Row{user_id, expires_at, false};
    }
    std::optional<UserId> find_usable(const std::string& digest, EpochMs now) override {
        auto found = m_tokens.find(digest);
        if (found == m_tokens.end() || found->second.used || found->second.expires_at <= now)
            return std::nullopt;
        return found->second.user_id;
    }
    bool consume(const std::string& digest, EpochMs now) override {
        if (!find_usable(digest, now))
            return false;
        m_tokens[digest].used = true;
        return true;
    }
    void spend_all_of_user(UserId user_id, EpochMs) override {
        for (auto& [digest, row] : m_tokens)
            if (row.user_id == user_id)
                row.used = true;
    }

private:
    struct Row {
        UserId user_id = 0;
        EpochMs expires_at = 0;
        bool used = false;
    };
    std::map<std::string, Row> m_tokens;
};

} // namespace numeria::identity::testing
