#include "web/pages/french_format.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

namespace numeria::web {
namespace {

TEST(ParisTime, IsTwoHoursAheadOfUtcInSummer) {
    EXPECT_EQ(paris_time(1782858600000), "01/07/2026 00:30"); // 2026-06-30T22:30:00Z
}

TEST(ParisTime, IsOneHourAheadOfUtcInWinter) {
    EXPECT_EQ(paris_time(1798759800000), "01/01/2027 00:30"); // 2026-12-31T23:30:00Z
}

TEST(ParisDate, IgnoresTheProcessTimeZone) {
    setenv("TZ", "America/New_York", 1); // NOLINT(concurrency-mt-unsafe): no other thread runs yet
    tzset();

    EXPECT_EQ(paris_date(1798759800000), "01/01/2027");

    unsetenv("TZ"); // NOLINT(concurrency-mt-unsafe): no other thread runs yet
    tzset();
}

TEST(FrenchDate, TurnsAnIsoDateIntoDayMonthYear) {
    EXPECT_EQ(french_date("2012-03-07"), "07/03/2012");
}

TEST(OfName, ACollegeOrALyceeTakesDu) {
    EXPECT_EQ(of_name("Collège Jeanne-Barret"), "du Collège Jeanne-Barret");
    EXPECT_EQ(of_name("Lycée Sophie-Germain"), "du Lycée Sophie-Germain");
}

TEST(OfName, AVowelTakesAnElision) {
    EXPECT_EQ(of_name("École élémentaire Jaurès"), "de l'École élémentaire Jaurès");
    EXPECT_EQ(of_name("Université de Lille"), "de l'Université de Lille");
}

TEST(OfName, AFeminineOrPluralNounTakesItsArticle) {
    EXPECT_EQ(of_name("Cité scolaire Hoche"), "de la Cité scolaire Hoche");
    EXPECT_EQ(of_name("Lycées du Val"), "des Lycées du Val");
}

TEST(OfName, AProperNameTakesDe) {
    EXPECT_EQ(of_name("Sciences Po"), "de Sciences Po");
    EXPECT_EQ(of_name("Collégiale"), "de Collégiale");
}

} // namespace
} // namespace numeria::web
