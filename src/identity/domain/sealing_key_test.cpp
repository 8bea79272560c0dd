#include "identity/domain/sealing_key.hpp"

#include <gtest/gtest.h>

namespace numeria::identity {
namespace {

const std::string MASTER(32, 'k');

TEST(SealingKey, ASealedTextOpensUnderTheSameKey) {
    const SealingKey key = SealingKey::derive(MASTER, "credbtch");
    EXPECT_EQ(key.open(key.seal("Xk7-pt3q")), "Xk7-pt3q");
}

TEST(SealingKey, TheSameKeyIsDerivedAfterARestart) {
    const std::string sealed = SealingKey::derive(MASTER, "credbtch").seal("Xk7-pt3q");
    EXPECT_EQ(SealingKey::derive(MASTER, "credbtch").open(sealed), "Xk7-pt3q");
}

TEST(SealingKey, TwoSealsOfOneTextDiffer) {
    const SealingKey key = SealingKey::derive(MASTER, "credbtch");
    EXPECT_NE(key.seal("Xk7-pt3q"), key.seal("Xk7-pt3q"));
}

TEST(SealingKey, AnotherSecretOrPurposeCannotOpen) {
    const std::string sealed = SealingKey::derive(MASTER, "credbtch").seal("Xk7-pt3q");
    EXPECT_FALSE(SealingKey::derive(std::string(32, 'x'), "credbtch").open(sealed));
    EXPECT_FALSE(SealingKey::derive(MASTER, "othrpurp").open(sealed));
}

TEST(SealingKey, AnAlteredOrTruncatedTextDoesNotOpen) {
    const SealingKey key = SealingKey::derive(MASTER, "credbtch");
    std::string sealed = key.seal("Xk7-pt3q");
    sealed[10] = sealed[10] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(key.open(sealed));
    EXPECT_FALSE(key.open("AAAA"));
    EXPECT_FALSE(key.open("not base64 !"));
}

} // namespace
} // namespace numeria::identity
