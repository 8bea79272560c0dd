#include "web/pages/french_format.hpp"

#include <cstdlib>
#include <ctime>

namespace numeria::web {

namespace {

std::string paris_format(EpochMs at, const char* format) {
    static const bool zone_set = [] {
        setenv("TZ", "Europe/Paris", 0);
        tzset();
        return true;
    }();
    (void)zone_set;
    std::time_t seconds = static_cast<std::time_t>(at / 1000);
    std::tm local{};
    localtime_r(&seconds, &local);
    char text[32];
    std::strftime(text, sizeof text, format, &local);
    return text;
}

} // namespace

std::string paris_time(EpochMs at) {
    return paris_format(at, "%d/%m/%Y %H:%M");
}

std::string paris_date(EpochMs at) {
    return paris_format(at, "%d/%m/%Y");
}

std::string french_date(const std::string& iso_date) {
    if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-')
        return iso_date;
    return iso_date.substr(8, 2) + "/" + iso_date.substr(5, 2) + "/" + iso_date.substr(0, 4);
}

} // namespace numeria::web
