#include "identity/domain/login_throttle.hpp"

#include "identity/domain/login_name.hpp"

#include <algorithm>

namespace numeria::identity {

ThrottleState after_failure(ThrottleState state, EpochMs now) {
    ++state.failures;
    if (state.failures % FAILURES_BEFORE_BLOCK == 0) {
        const int doublings = std::min(state.failures / FAILURES_BEFORE_BLOCK - 1, 20);
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

} // namespace numeria::identity
