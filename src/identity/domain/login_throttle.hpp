// login_throttle.hpp: the rule that slows down password guessing, per account and per address.
#pragma once

#include "core/clock.hpp"

#include <string>

namespace numeria::identity {

struct ThrottleState {
    int failures = 0;          // consecutive failures since the last success
    EpochMs blocked_until = 0; // 0: not blocked
};

// Rule: docs/rules/security.md "Log-in throttling": after 10 failures
// the key is blocked for 2 minutes; every further 10 failures block it again for twice as long
// (4, 8, 16 minutes…, capped at 24 hours).
constexpr int FAILURES_BEFORE_BLOCK = 10;
constexpr EpochMs FIRST_BLOCK_MS = 2LL * 60 * 1000;
constexpr EpochMs LONGEST_BLOCK_MS = 24LL * 60 * 60 * 1000;
// Rule: docs/rules/security.md, "Log-in throttling": a whole school shares one address (NAT), so
// an address is blocked only after 100 failures, the per-account limit staying at 10.
constexpr int ADDRESS_FAILURES_BEFORE_BLOCK = 100;

[[nodiscard]] ThrottleState after_failure(ThrottleState state, EpochMs now,
                                          int failures_before_block = FAILURES_BEFORE_BLOCK);
[[nodiscard]] bool is_blocked(const ThrottleState& state, EpochMs now);

// Keys of the throttle table: one per account (normalised log-in) and one per IP address.
[[nodiscard]] std::string account_key(const std::string& login);
[[nodiscard]] std::string address_key(const std::string& remote_address);

// Rate windows share the throttle table: `failures` counts the events of a fixed window and
// `blocked_until` holds the window's end. Counts one more event; the state to store.
[[nodiscard]] ThrottleState count_in_window(ThrottleState state, EpochMs now, EpochMs window);
// Whether the counted events are more than `limit` in the current window.
[[nodiscard]] bool over_limit(const ThrottleState& counted, int limit);

constexpr EpochMs HOUR_MS = 60LL * 60 * 1000;
// Rule: docs/rules/security.md, "Sign-up and reset limits".
constexpr int SIGN_UPS_PER_ADDRESS_HOUR = 10;
constexpr int RESETS_PER_ACCOUNT_HOUR = 3;
constexpr int RESETS_PER_ADDRESS_HOUR = 20;
[[nodiscard]] std::string sign_up_address_key(const std::string& remote_address);
[[nodiscard]] std::string reset_account_key(std::int64_t user_id);
[[nodiscard]] std::string reset_address_key(const std::string& remote_address);

} // namespace numeria::identity
