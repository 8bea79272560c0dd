#include "organizations/learners/learner_rules.hpp"

#include <cstdio>

namespace numeria::organizations {

std::optional<std::string> parse_french_date(const std::string& text) {
    // dd/mm/yyyy, checked character by character (no pattern engine on user input).
    if (text.size() != 10 || text[2] != '/' || text[5] != '/')
        return std::nullopt;
    for (std::size_t i : {0, 1, 3, 4, 6, 7, 8, 9})
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
    const auto number = [&](std::size_t at, std::size_t length) {
        int value = 0;
        for (std::size_t i = at; i < at + length; ++i)
            value = value * 10 + (text[i] - '0');
        return value;
    };
    const int day = number(0, 2);
    const int month = number(3, 2);
    const int year = number(6, 4);
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
