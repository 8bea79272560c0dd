#include "identity/domain/session_token.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

namespace numeria::identity {
namespace {

TEST(SessionToken, Is64HexCharactersAndNeverRepeats) {
    ASSERT_GE(sodium_init(), 0);

    std::string first = new_token();

    EXPECT_EQ(first.size(), 64U);
    EXPECT_EQ(first.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_NE(first, new_token());
}

TEST(SessionToken, DigestIsStableAndDiffersFromTheToken) {
    EXPECT_EQ(token_digest("abc"), token_digest("abc"));
    EXPECT_NE(token_digest("abc"), token_digest("abd"));
    EXPECT_NE(token_digest("abc"), "abc");
}

TEST(SessionToken, ComparesTokensExactly) {
    EXPECT_TRUE(same_token("abcd", "abcd"));
    EXPECT_FALSE(same_token("abcd", "abce"));
    EXPECT_FALSE(same_token("abcd", "abc"));
    EXPECT_FALSE(same_token("", ""));
}

} // namespace
} // namespace numeria::identity
