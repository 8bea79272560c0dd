#include "core/result.hpp"

#include <gtest/gtest.h>

namespace numeria {
namespace {

Result<int> parse_positive(int value) {
    if (value <= 0)
        return fail(Error::invalid("number.not_positive"));
    return value;
}

Result<int> doubled_positive(int value) {
    NUMERIA_TRY(int positive, parse_positive(value));
    return positive * 2;
}

TEST(Result, TryPropagatesTheValue) {
    auto result = doubled_positive(21);

    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(*result, 42);
}

TEST(Result, TryPropagatesTheErrorUnchanged) {
    auto result = doubled_positive(-1);

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(result.error().reason, "number.not_positive");
}

TEST(ErrorCode, HasAStableName) {
    EXPECT_STREQ(to_string(ErrorCode::RuleViolated), "rule_violated");
}

} // namespace
} // namespace numeria
