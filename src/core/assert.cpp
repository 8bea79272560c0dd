#include "core/assert.hpp"

#include <cstdio>
#include <cstdlib>

namespace numeria::detail {

void assertion_failed(const char* condition, const char* message, const char* file, int line) {
    std::fprintf(stderr, "numeria: assertion failed at %s:%d: %s (%s)\n", file, line, message, condition);
    std::abort();
}

} // namespace numeria::detail
