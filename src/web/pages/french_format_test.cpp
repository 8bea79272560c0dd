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

} // namespace
} // namespace numeria::web
