#include "identity/domain/password_hashing_pool.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <atomic>
#include <thread>

namespace numeria::identity {
namespace {

TEST(PasswordHashingPool, HashesAndVerifiesOnItsWorkers) {
    ASSERT_GE(sodium_init(), 0);
    PasswordHashingPool pool(HashStrength::Minimum, 2, 4);

    auto hash = pool.make_hash("Radium1898");

    ASSERT_TRUE(hash.has_value());
    EXPECT_TRUE(*pool.matches("Radium1898", *hash));
    EXPECT_FALSE(*pool.matches("Radium1899", *hash));
}

TEST(PasswordHashingPool, AnEmptyHashNeverMatches) {
    ASSERT_GE(sodium_init(), 0);
    PasswordHashingPool pool(HashStrength::Minimum, 1, 1);

    EXPECT_FALSE(*pool.matches("", ""));
}

TEST(PasswordHashingPool, RefusesWhenTheQueueIsFull) {
    ASSERT_GE(sodium_init(), 0);
    // One worker and no waiting room: of many simultaneous calls, some are refused at once.
    PasswordHashingPool pool(HashStrength::Minimum, 1, 0);
    std::atomic<int> refused = 0;
    std::vector<std::thread> callers;
    callers.reserve(8);
    for (int i = 0; i < 8; ++i)
        callers.emplace_back([&] {
            auto hash = pool.make_hash("Radium1898");
            if (!hash && hash.error().reason == "password.hashing_overloaded")
                ++refused;
        });
    for (auto& caller : callers)
        caller.join();

    EXPECT_EQ(refused.load(), 8);
}

} // namespace
} // namespace numeria::identity
