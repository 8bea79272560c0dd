// password_hashing_pool.hpp: argon2id on a bounded pool of its own threads, so hashing runs
// neither on the HTTP threads' time budget unbounded nor inside a database transaction
// (docs/rules/security.md, "Password hashing"). The caller waits for its result; when the queue is
// full the call fails at once with Unavailable ("password.hashing_overloaded").
#pragma once

#include "identity/domain/password_hasher.hpp"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace numeria::identity {

class PasswordHashingPool final : public PasswordHashing {
public:
    // `workers` threads (at least 1); at most `queue_capacity` tasks wait for a worker.
    PasswordHashingPool(HashStrength strength, unsigned workers, std::size_t queue_capacity);
    ~PasswordHashingPool() override;
    PasswordHashingPool(const PasswordHashingPool&) = delete;
    PasswordHashingPool& operator=(const PasswordHashingPool&) = delete;

    [[nodiscard]] Result<std::string> make_hash(std::string_view password) const override;
    [[nodiscard]] Result<bool> matches(std::string_view password, const std::string& encoded_hash) const override;
    [[nodiscard]] const PasswordHasher& hasher() const { return m_hasher; }

private:
    // Runs `task` on a worker and waits for it; false when the queue was full.
    bool run(const std::function<void()>& task) const;
    void work();

    PasswordHasher m_hasher;
    std::size_t m_capacity;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_wake;
    mutable std::deque<std::function<void()>> m_queue;
    bool m_stopping = false;
    std::vector<std::thread> m_workers;
};

} // namespace numeria::identity
