// login_throttle.hpp: the rule that slows down password guessing, per account and per address.
#pragma once

#include "core/clock.hpp"

#include <string>

namespace numeria::identity {

struct ThrottleState {
    int failures = 0;          // consecutive failures since the last success
    EpochMs blocked_until = 0; // 0: not blocked
};

// Rule: issue 3 and shared/reference/pix-reference.md §1.1 (config `login`): after 10 failures
// the key is blocked for 2 minutes; every further 10 failures block it again for twice as long
// (4, 8, 16 minutes…, capped at 24 hours).
constexpr int FAILURES_BEFORE_BLOCK = 10;
constexpr EpochMs FIRST_BLOCK_MS = 2 * 60 * 1000;
constexpr EpochMs LONGEST_BLOCK_MS = 24LL * 60 * 60 * 1000;

[[nodiscard]] ThrottleState after_failure(ThrottleState state, EpochMs now);
[[nodiscard]] bool is_blocked(const ThrottleState& state, EpochMs now);

// Keys of the throttle table: one per account (normalised log-in) and one per IP address.
[[nodiscard]] std::string account_key(const std::string& login);
[[nodiscard]] std::string address_key(const std::string& remote_address);

} // namespace numeria::identity
