#include "organizations/learners/learner_rules.hpp"

#include <cstdio>
#include <regex>

namespace numeria::organizations {

std::optional<std::string> parse_french_date(const std::string& text) {
    static const std::regex pattern(R"(^(\d{2})/(\d{2})/(\d{4})$)");
    std::smatch match;
    if (!std::regex_match(text, match, pattern))
        return std::nullopt;
    const int day = std::stoi(match[1]);
    const int month = std::stoi(match[2]);
    const int year = std::stoi(match[3]);
    if (year < 1900 || month < 1 || month > 12 || day < 1)
        return std::nullopt;
    static const int days_in_month[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int last_day = month == 2 && leap ? 29 : days_in_month[month - 1];
    if (day > last_day)
        return std::nullopt;
    char iso[32];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
    return std::string(iso);
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return "";
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

} // namespace numeria::organizations
