#include "identity/domain/password_hashing_pool.hpp"

#include <future>

namespace numeria::identity {

namespace {

Error overloaded() {
    return Error{ErrorCode::Unavailable, "password.hashing_overloaded", "password hashing queue full"};
}

} // namespace

PasswordHashingPool::PasswordHashingPool(HashStrength strength, unsigned workers, std::size_t queue_capacity)
    : m_hasher(strength)
    , m_capacity(queue_capacity) {
    for (unsigned i = 0; i < std::max(1U, workers); ++i)
        m_workers.emplace_back([this] { work(); });
}

PasswordHashingPool::~PasswordHashingPool() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (auto& worker : m_workers)
        worker.join();
}

void PasswordHashingPool::work() {
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return;
            task = std::move(m_queue.front());
            m_queue.pop_front();
        }
        task();
    }
}

bool PasswordHashingPool::run(const std::function<void()>& task) const {
    std::packaged_task<void()> packaged(task);
    std::future<void> done = packaged.get_future();
    auto shared = std::make_shared<std::packaged_task<void()>>(std::move(packaged));
    {
        std::lock_guard lock(m_mutex);
        if (m_queue.size() >= m_capacity)
            return false;
        m_queue.emplace_back([shared] { (*shared)(); });
    }
    m_wake.notify_one();
    done.wait();
    return true;
}

Result<std::string> PasswordHashingPool::make_hash(std::string_view password) const {
    Result<std::string> result = fail(overloaded());
    if (!run([&] { result = m_hasher.make_hash(password); }))
        return fail(overloaded());
    return result;
}

Result<bool> PasswordHashingPool::matches(std::string_view password, const std::string& encoded_hash) const {
    Result<bool> result = fail(overloaded());
    if (!run([&] { result = m_hasher.matches(password, encoded_hash); }))
        return fail(overloaded());
    return result;
}

} // namespace numeria::identity
