#include "core/result.hpp"

namespace numeria {

const char* to_string(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidInput:
        return "invalid_input";
    case ErrorCode::NotFound:
        return "not_found";
    case ErrorCode::AlreadyExists:
        return "already_exists";
    case ErrorCode::RuleViolated:
        return "rule_violated";
    case ErrorCode::Forbidden:
        return "forbidden";
    case ErrorCode::Unauthenticated:
        return "unauthenticated";
    case ErrorCode::TooLarge:
        return "too_large";
    case ErrorCode::Unavailable:
        return "unavailable";
    }
    return "unknown";
}

} // namespace numeria
