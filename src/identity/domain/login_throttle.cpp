#include "identity/domain/login_throttle.hpp"

#include "identity/domain/login_name.hpp"

#include <algorithm>

namespace numeria::identity {

ThrottleState after_failure(ThrottleState state, EpochMs now, int failures_before_block) {
    ++state.failures;
    if (state.failures % failures_before_block == 0) {
        const int doublings = std::min(state.failures / failures_before_block - 1, 20);
        const EpochMs duration = std::min(FIRST_BLOCK_MS << doublings, LONGEST_BLOCK_MS);
        state.blocked_until = now + duration;
    }
    return state;
}

bool is_blocked(const ThrottleState& state, EpochMs now) {
    return state.blocked_until > now;
}

std::string account_key(const std::string& login) {
    return "login:" + normalize_email(login);
}

std::string address_key(const std::string& remote_address) {
    return "ip:" + remote_address;
}

ThrottleState count_in_window(ThrottleState state, EpochMs now, EpochMs window) {
    if (now >= state.blocked_until)
        return ThrottleState{1, now + window};
    ++state.failures;
    return state;
}

bool over_limit(const ThrottleState& counted, int limit) {
    return counted.failures > limit;
}

std::string sign_up_address_key(const std::string& remote_address) {
    return "signup-ip:" + remote_address;
}

std::string reset_account_key(std::int64_t user_id) {
    return "reset:" + std::to_string(user_id);
}

std::string reset_address_key(const std::string& remote_address) {
    return "reset-ip:" + remote_address;
}

} // namespace numeria::identity
