#include "identity/domain/login_name.hpp"

#include <gtest/gtest.h>

namespace numeria::identity {
namespace {

TEST(NormalizeEmail, TrimsAndLowerCases) {
    EXPECT_EQ(normalize_email("  Marie.Curie@College-Exemple.FR \n"), "marie.curie@college-exemple.fr");
}

TEST(PlausibleEmail, AcceptsAnOrdinaryAddress) {
    EXPECT_TRUE(is_plausible_email("ce.0750001a@ac-paris.fr"));
}

TEST(PlausibleEmail, RefusesAddressesWithoutDomainOrWithSpaces) {
    for (const char* email : {"", "marie", "@ac-paris.fr", "marie@", "marie@fr", "marie@ac-paris.", "a b@c.fr",
                              "a@b@c.fr", "a@b.fr;c@d.fr"})
        EXPECT_FALSE(is_plausible_email(email)) << email;
}

TEST(LooksLikeEmail, TellsAnEmailFromAUsername) {
    EXPECT_TRUE(looks_like_email("marie@exemple.fr"));
    EXPECT_FALSE(looks_like_email("jean.dupont2412"));
}

} // namespace
} // namespace numeria::identity
