// clock.hpp: time as an argument. Use cases take a `const Clock&`; the server passes SystemClock,
// tests a FixedClock. Times are milliseconds since the Unix epoch, UTC (docs/adr/0004-storage.md).
#pragma once

#include <chrono>
#include <cstdint>

namespace numeria {

using EpochMs = std::int64_t;

class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual EpochMs now() const = 0;
};

class SystemClock final : public Clock {
public:
    [[nodiscard]] EpochMs now() const override {
        using namespace std::chrono;
        return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    }
};

class FixedClock final : public Clock {
public:
    explicit FixedClock(EpochMs now)
        : m_now(now) {}
    [[nodiscard]] EpochMs now() const override { return m_now; }
    void advance(EpochMs milliseconds) { m_now += milliseconds; }

private:
    EpochMs m_now;
};

} // namespace numeria
