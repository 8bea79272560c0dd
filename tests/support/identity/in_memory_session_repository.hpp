// in_memory_session_repository.hpp: the fake SessionRepository of the identity unit tests.
#pragma once

#include "identity/ports.hpp"

#include <map>

namespace numeria::identity::testing {

class InMemorySessionRepository final : public SessionRepository {
public:
    void create(const std::string& digest, UserId user_id, EpochMs created_at, EpochMs expires_at) override {
        m_sessions[digest] = Row{user_id, created_at, expires_at, std::nullopt};
    }
    std::optional<ActiveSession> find_active(const std::string& digest, EpochMs now) override {
        auto found = m_sessions.find(digest);
        if (found == m_sessions.end() || found->second.revoked_at || found->second.expires_at <= now)
            return std::nullopt;
        return ActiveSession{found->second.user_id, found->second.expires_at};
    }
    void revoke(const std::string& digest, EpochMs now) override {
        if (auto found = m_sessions.find(digest); found != m_sessions.end())
            found->second.revoked_at = now;
    }
    void revoke_all_of_user(UserId user_id, const std::string& kept_digest, EpochMs now) override {
        for (auto& [digest, row] : m_sessions)
            if (row.user_id == user_id && digest != kept_digest && !row.revoked_at)
                row.revoked_at = now;
    }
    [[nodiscard]] bool stores(const std::string& text) const {
        for (const auto& [digest, row] : m_sessions)
            if (digest == text)
                return true;
        return false;
    }

private:
    struct Row {
        UserId user_id;
        EpochMs created_at;
        EpochMs expires_at;
        std::optional<EpochMs> revoked_at;
    };
    std::map<std::string, Row> m_sessions;
};

} // namespace numeria::identity::testing
