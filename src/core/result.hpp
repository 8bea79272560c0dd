// result.hpp: expected outcomes as values.
//
// A use case that can be refused by the user or the data returns `Result<T>`, which holds
// either a `T` or an `Error` (a closed `ErrorCode` and a stable reason key such as
// "session.already_finalized"). Web code maps the code to an HTTP status and the reason to
// a French message in one table (web/error_mapping.cpp). Bugs are NUMERIA_ASSERT, never Result.
//
//     Result<Campaign> find_campaign(CampaignCode code);
//     NUMERIA_TRY(campaign, find_campaign(code));   // returns the error to the caller
#pragma once

#include <tl/expected.hpp>

#include <cstdint>
#include <string>
#include <utility>

namespace numeria {

// Modelled on Abseil's canonical codes; each maps to exactly one HTTP status.
enum class ErrorCode {
    InvalidInput,    // 400: malformed or missing input
    NotFound,        // 404: absent, or belongs to another organisation
    AlreadyExists,   // 409: unique key clash
    RuleViolated,    // 422: a business rule refuses the request
    Forbidden,       // 403: authenticated but not allowed
    Unauthenticated, // 401: no valid credentials
    TooLarge,        // 413: input above a size limit
    Unavailable,     // 503: a dependency is down or overloaded
};

struct Error {
    Error(ErrorCode error_code, std::string error_reason, std::string error_detail = {}, std::int64_t ends_at_ms = 0)
        : code(error_code)
        , reason(std::move(error_reason))
        , detail(std::move(error_detail))
        , until_ms(ends_at_ms) {}

    ErrorCode code;
    std::string reason; // stable key, e.g. "content.duplicate_id"
    std::string detail; // optional free text for logs and CLI output (never shown raw to users, never parsed)
    // A refusal that ends at a known time (a blocked log-in): when, in milliseconds since the epoch.
    std::int64_t until_ms;

    [[nodiscard]] static Error invalid(std::string reason, std::string detail = {}) {
        return {ErrorCode::InvalidInput, std::move(reason), std::move(detail)};
    }
    [[nodiscard]] static Error not_found(std::string reason, std::string detail = {}) {
        return {ErrorCode::NotFound, std::move(reason), std::move(detail)};
    }
    [[nodiscard]] static Error rule(std::string reason, std::string detail = {}) {
        return {ErrorCode::RuleViolated, std::move(reason), std::move(detail)};
    }
};

template <typename T>
using Result = tl::expected<T, Error>;

using Status = tl::expected<void, Error>;

[[nodiscard]] inline tl::unexpected<Error> fail(Error error) {
    return tl::unexpected<Error>(std::move(error));
}

[[nodiscard]] const char* to_string(ErrorCode code);

} // namespace numeria

#define NUMERIA_CONCAT_INNER(a, b) a##b
#define NUMERIA_CONCAT(a, b) NUMERIA_CONCAT_INNER(a, b)

// NUMERIA_TRY(auto value, expression): evaluates `expression` (a Result), returns its error
// from the enclosing function if it failed, otherwise declares `value` from its content.
// NOLINTBEGIN(bugprone-macro-parentheses): `tmp` and `lhs` are declarations, not expressions.
#define NUMERIA_TRY_IMPL(tmp, lhs, expr)                                                                               \
    auto tmp = (expr);                                                                                                 \
    if (!tmp.has_value())                                                                                              \
        return ::tl::unexpected<::numeria::Error>(std::move(tmp.error()));                                             \
    lhs = std::move(*tmp)
// NOLINTEND(bugprone-macro-parentheses)
#define NUMERIA_TRY(lhs, expr) NUMERIA_TRY_IMPL(NUMERIA_CONCAT(numeria_try_, __LINE__), lhs, expr)

// NUMERIA_TRY_STATUS(expression): for Results without a value to keep.
#define NUMERIA_TRY_STATUS(expr)                                                                                       \
    do {                                                                                                               \
        auto numeria_status_ = (expr);                                                                                 \
        if (!numeria_status_.has_value())                                                                              \
            return ::tl::unexpected<::numeria::Error>(std::move(numeria_status_.error()));                             \
    } while (false)
