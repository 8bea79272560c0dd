// in_memory_throttle_repository.hpp: the fake ThrottleRepository of the identity unit tests.
#pragma once

#include "identity/ports.hpp"

#include <map>

namespace numeria::identity::testing {

class InMemoryThrottleRepository final : public ThrottleRepository {
public:
    ThrottleState get(const std::string& key) override {
        auto found = m_states.find(key);
        return found == m_states.end() ? ThrottleState{} : found->second;
    }
    void put(const std::string& key, const ThrottleState& state, EpochMs) override { m_states[key] = state; }
    void clear(const std::string& key) override { m_states.erase(key); }

private:
    std::map<std::string, ThrottleState> m_states;
};

} // namespace numeria::identity::testing
