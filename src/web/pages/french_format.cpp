#include "web/pages/french_format.hpp"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <cstdio>
#include <memory>

namespace numeria::web {

namespace {

struct ParisTime {
    int day = 0, month = 0, year = 0, hour = 0, minute = 0;
};

// Rule: docs/rules/web.md "French formatting" (dates dd/mm/yyyy, Europe/Paris): the zone is ICU's, whatever the
// process's TZ, so every server of a deployment shows the same local time.
ParisTime in_paris(EpochMs at) {
    UErrorCode status = U_ZERO_ERROR;
    // One calendar per thread (an icu::Calendar is not thread-safe; creating one costs ~2.5 µs).
    thread_local const std::unique_ptr<icu::Calendar> calendar(icu::Calendar::createInstance(
        icu::TimeZone::createTimeZone(icu::UnicodeString("Europe/Paris")), icu::Locale::getRoot(), status));
    if (!calendar || U_FAILURE(status))
        return {};
    calendar->setTime(static_cast<UDate>(at), status);
    ParisTime time;
    time.day = calendar->get(UCAL_DATE, status);
    time.month = calendar->get(UCAL_MONTH, status) + 1;
    time.year = calendar->get(UCAL_YEAR, status);
    time.hour = calendar->get(UCAL_HOUR_OF_DAY, status);
    time.minute = calendar->get(UCAL_MINUTE, status);
    return U_FAILURE(status) ? ParisTime{} : time;
}

} // namespace

std::string paris_time(EpochMs at) {
    const ParisTime time = in_paris(at);
    char text[32];
    std::snprintf(text, sizeof text, "%02d/%02d/%04d %02d:%02d", time.day, time.month, time.year, time.hour,
                  time.minute);
    return text;
}

std::string paris_date(EpochMs at) {
    const ParisTime time = in_paris(at);
    char text[16];
    std::snprintf(text, sizeof text, "%02d/%02d/%04d", time.day, time.month, time.year);
    return text;
}

std::string french_date(const std::string& iso_date) {
    if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-')
        return iso_date;
    return iso_date.substr(8, 2) + "/" + iso_date.substr(5, 2) + "/" + iso_date.substr(0, 4);
}

std::string paris_file_stamp(EpochMs at) {
    const std::string paris = paris_time(at); // "dd/mm/yyyy HH:MM"
    return paris.substr(6, 4) + paris.substr(3, 2) + paris.substr(0, 2) + "_" + paris.substr(11, 2) +
           paris.substr(14, 2);
}

namespace {

bool starts_with_word(const std::string& name, std::initializer_list<const char*> words) {
    for (const char* word : words) {
        const std::string w(word);
        if (name.size() >= w.size() && name.compare(0, w.size(), w) == 0 &&
            (name.size() == w.size() || name[w.size()] == ' ' || name[w.size()] == '-'))
            return true;
    }
    return false;
}

} // namespace

// Rule: docs/rules/web.md "French formatting": the article of the school's kind of name.
std::string of_name(const std::string& name) {
    if (starts_with_word(name, {"Collège", "College", "Lycée", "Lycee", "Centre", "Campus", "Groupe", "Groupement",
                                "Conservatoire", "CFA", "Greta", "GRETA", "Pôle", "Service", "Rectorat"}))
        return "du " + name;
    if (starts_with_word(name, {"Collèges", "Lycées", "Centres", "Services"}))
        return "des " + name;
    if (starts_with_word(name, {"École", "Ecole", "Établissement", "Etablissement", "Université", "Universite",
                                "Institut", "Académie", "Academie", "Unité", "Ensemble", "EREA", "IUT", "INSPE"}))
        return "de l'" + name;
    if (starts_with_word(name, {"Cité", "Cite", "Maison", "Section", "Faculté", "Direction", "Région"}))
        return "de la " + name;
    return "de " + name;
}

std::string type_label(organizations::OrganizationType type) {
    switch (type) {
    case organizations::OrganizationType::Sco:
        return "collège ou lycée";
    case organizations::OrganizationType::ScoAgri:
        return "établissement agricole";
    case organizations::OrganizationType::Sup:
        return "enseignement supérieur";
    case organizations::OrganizationType::Pro:
        return "organisation professionnelle";
    }
    return "organisation";
}

} // namespace numeria::web
