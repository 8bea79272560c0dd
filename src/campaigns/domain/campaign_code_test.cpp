#include "campaigns/domain/campaign_code.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <cctype>
#include <set>
#include <string>
#include <vector>

namespace numeria::campaigns {
namespace {

class CampaignCode : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_GE(sodium_init(), 0); }
};

TEST_F(CampaignCode, HasSixLettersThenThreeDigits) {
    for (int i = 0; i < 200; ++i) {
        std::string code = random_campaign_code();

        ASSERT_EQ(code.size(), 9U) << code;
        for (std::size_t j = 0; j < 6; ++j)
            EXPECT_TRUE(std::isupper(static_cast<unsigned char>(code[j]))) << code;
        for (std::size_t j = 6; j < 9; ++j)
            EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(code[j]))) << code;
        EXPECT_TRUE(has_campaign_code_shape(code)) << code;
    }
}

TEST_F(CampaignCode, NeverHoldsILO01OverManyDraws) {
    std::set<char> seen;
    for (int i = 0; i < 5000; ++i) {
        std::string code = random_campaign_code();
        EXPECT_EQ(code.find_first_of("ILO01"), std::string::npos) << code;
        seen.insert(code.begin(), code.end());
    }

    // Every allowed character shows up, so the test above is not passing on a narrow alphabet.
    EXPECT_EQ(seen.size(), CODE_LETTERS.size() + CODE_DIGITS.size());
}

TEST_F(CampaignCode, IsDifferentEachTime) {
    std::set<std::string> codes;
    for (int i = 0; i < 100; ++i)
        codes.insert(random_campaign_code());

    EXPECT_EQ(codes.size(), 100U);
}

TEST(CampaignCodeTyping, IgnoresCaseAndSpaces) {
    EXPECT_EQ(normalise_campaign_code("abc def 234"), "ABCDEF234");
    EXPECT_EQ(normalise_campaign_code(" AbC\tdEf 2 3 4\n"), "ABCDEF234");
}

TEST(CampaignCodeTyping, AcceptsATypedCodeInItsNormalForm) {
    Result<std::string> code = parse_campaign_code("abc def 234");

    ASSERT_TRUE(code.has_value());
    EXPECT_EQ(*code, "ABCDEF234");
}

TEST(CampaignCodeTyping, RefusesMalformedCodes) {
    const std::vector<std::string> malformed = {
        "",          "ABCDEF23",  "ABCDEF2345", "ABCDE2345", "ABCDEFG23",   "234ABCDEF", "ABCDEI234",
        "ABCDEL234", "ABCDEO234", "ABCDEF230",  "ABCDEF231", "ABC-DEF-234", "ABCDÉF234", std::string("ABCDEF23\0", 9)};
    for (const std::string& typed : malformed) {
        Result<std::string> code = parse_campaign_code(typed);

        ASSERT_FALSE(code.has_value()) << typed;
        EXPECT_EQ(code.error().code, ErrorCode::InvalidInput);
        EXPECT_EQ(code.error().reason, "campaigns.code.malformed");
    }
}

TEST(CampaignCodeTyping, RefusesLowerCaseInTheShapeCheck) {
    EXPECT_FALSE(has_campaign_code_shape("abcdef234"));
    EXPECT_TRUE(has_campaign_code_shape("ABCDEF234"));
}

TEST_F(CampaignCode, GeneratorRetriesWhileTheCodeIsTaken) {
    std::vector<std::string> offered;
    auto taken_twice = [&](const std::string& code) {
        offered.push_back(code);
        return offered.size() <= 2;
    };

    Result<std::string> code = generate_campaign_code(taken_twice, 5);

    ASSERT_TRUE(code.has_value());
    ASSERT_EQ(offered.size(), 3U);
    EXPECT_EQ(*code, offered.back());
    EXPECT_TRUE(has_campaign_code_shape(*code));
}

TEST_F(CampaignCode, GeneratorFailsAfterItsBound) {
    int offered = 0;
    auto always_taken = [&](const std::string&) {
        ++offered;
        return true;
    };

    Result<std::string> code = generate_campaign_code(always_taken, 4);

    ASSERT_FALSE(code.has_value());
    EXPECT_EQ(offered, 4);
    EXPECT_EQ(code.error().code, ErrorCode::AlreadyExists);
    EXPECT_EQ(code.error().reason, "campaigns.code.unavailable");
}

TEST_F(CampaignCode, GeneratorTriesTheDefaultNumberOfTimes) {
    int offered = 0;
    auto always_taken = [&](const std::string&) {
        ++offered;
        return true;
    };

    EXPECT_FALSE(generate_campaign_code(always_taken).has_value());
    EXPECT_EQ(offered, DEFAULT_CODE_ATTEMPTS);
}

} // namespace
} // namespace numeria::campaigns
