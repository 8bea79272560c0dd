#include "web/error_mapping.hpp"

#include <gtest/gtest.h>

namespace numeria::web {
namespace {

TEST(ErrorMapping, MapsEachCodeToItsStatus) {
    EXPECT_EQ(http_status(ErrorCode::InvalidInput), 400);
    EXPECT_EQ(http_status(ErrorCode::NotFound), 404);
    EXPECT_EQ(http_status(ErrorCode::AlreadyExists), 409);
    EXPECT_EQ(http_status(ErrorCode::RuleViolated), 422);
    EXPECT_EQ(http_status(ErrorCode::Unauthenticated), 401);
}

TEST(ErrorMapping, SpeaksFrenchForKnownReasons) {
    EXPECT_EQ(french_message("password.missing_digit"), "Votre mot de passe doit contenir au moins un chiffre.");
}

TEST(ErrorMapping, HasAGenericSentenceForUnknownReasons) {
    EXPECT_EQ(french_message("nope"), "Votre demande n'a pas pu être traitée.");
}

} // namespace
} // namespace numeria::web
