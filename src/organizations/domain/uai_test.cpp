#include "organizations/domain/uai.hpp"

#include <gtest/gtest.h>

namespace numeria::organizations {
namespace {

TEST(Uai, NormalisesCaseAndSpaces) {
    EXPECT_EQ(normalize_uai(" 0750001a "), "0750001A");
}

TEST(Uai, RefusesOtherShapes) {
    for (const char* text : {"", "075001A", "07500012A", "A7500012", "0750001", "07500O1A", "0750001É"})
        EXPECT_FALSE(normalize_uai(text).has_value()) << text;
}

} // namespace
} // namespace numeria::organizations
