// assert.hpp: NUMERIA_ASSERT for broken invariants (bugs). Always on, in every build type.
// Never reachable from user input: expected failures are Result values (core/result.hpp).
#pragma once

namespace numeria::detail {
[[noreturn]] void assertion_failed(const char* condition, const char* message, const char* file, int line);
} // namespace numeria::detail

#define NUMERIA_ASSERT(condition, message)                                                                             \
    do {                                                                                                               \
        if (!(condition))                                                                                              \
            ::numeria::detail::assertion_failed(#condition, message, __FILE__, __LINE__);                              \
    } while (false)
