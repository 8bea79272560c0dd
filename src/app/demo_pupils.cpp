#include "app/demo_pupils.hpp"

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string_view>

namespace numeria::app {

namespace {

constexpr std::array<std::string_view, 20> GIRLS{"Jade",  "Louise", "Emma", "Alice", "Ambre",  "Lina",  "Rose",
                                                 "Chloé", "Mia",    "Léna", "Anna",  "Inès",   "Julia", "Zoé",
                                                 "Manon", "Lou",    "Nina", "Iris",  "Éloïse", "Agathe"};
constexpr std::array<std::string_view, 20> BOYS{"Gabriel", "Léo",   "Raphaël", "Louis", "Arthur", "Jules", "Adam",
                                                "Maël",    "Lucas", "Hugo",    "Noah",  "Nathan", "Sacha", "Théo",
                                                "Gaël",    "Tom",   "Paul",    "Yanis", "Noé",    "Malo"};
constexpr std::array<std::string_view, 30> LAST{
    "MARTIN", "BERNARD", "DUBOIS",  "THOMAS",  "ROBERT", "RICHARD", "PETIT",    "DURAND",  "LEROY",     "MOREAU",
    "SIMON",  "LAURENT", "LEFÈVRE", "MICHEL",  "GARCIA", "DAVID",   "BERTRAND", "ROUX",    "VINCENT",   "FOURNIER",
    "MOREL",  "GIRARD",  "ANDRÉ",   "MERCIER", "BLANC",  "GUÉRIN",  "BOYER",    "GARNIER", "CHEVALIER", "FRANÇOIS"};

struct Level {
    std::string_view division;
    std::string_view mef; // the MEF code of the level's general track
    int age;              // the age its pupils reach in the year their school year starts
};
constexpr std::array<Level, 4> LEVELS{{
    {"6A", "10010012110", 11},
    {"5A", "10110001110", 12},
    {"4A", "10210001110", 13},
    {"3A", "10310019110", 14},
}};

std::string two_digits(int value) {
    char text[8];
    std::snprintf(text, sizeof text, "%02d", value);
    return text;
}

// A well-mixed 32-bit number for pupil `index` and one of its traits (`salt`), the same as
// tests/support/make_siecle.py's mix().
std::uint64_t mix(int index, int salt) {
    std::uint64_t value =
        (static_cast<std::uint64_t>(index) * 2654435761ULL + static_cast<std::uint64_t>(salt) * 97ULL) & 0xffffffffULL;
    value = ((value ^ (value >> 15U)) * 2246822519ULL) & 0xffffffffULL;
    return value ^ (value >> 13U);
}

std::size_t pick(int index, int salt, std::size_t count) {
    return static_cast<std::size_t>(mix(index, salt) % count);
}

std::string pupil_xml(int index, int school_year) {
    const Level& level = LEVELS[static_cast<std::size_t>((index - 1) % 4)];
    const bool girl = mix(index, 1) % 2 == 0;
    const auto& names = girl ? GIRLS : BOYS;
    const std::size_t first = pick(index, 2, names.size());
    std::size_t second = pick(index, 3, names.size());
    if (second == first)
        second = (second + 1) % names.size();
    char ine[32];
    std::snprintf(ine, sizeof ine, "%05d%05d%c", index, static_cast<int>(mix(index, 7) % 100000),
                  "ABCDEFGHJK"[index % 10]);
    const int year = school_year - level.age;
    const std::string born = two_digits(1 + static_cast<int>(pick(index, 5, 28))) + "/" +
                             two_digits(1 + static_cast<int>(pick(index, 6, 12))) + "/" + std::to_string(year);
    std::string xml = "      <ELEVE ELEVE_ID=\"" + std::to_string(index) + "\">\n";
    xml += "        <ID_NATIONAL>" + std::string(ine) + "</ID_NATIONAL>\n";
    xml += "        <NOM_DE_FAMILLE>" + std::string(LAST[pick(index, 4, LAST.size())]) + "</NOM_DE_FAMILLE>\n";
    xml += "        <NOM_USAGE></NOM_USAGE>\n";
    xml += "        <PRENOM>" + std::string(names[first]) + "</PRENOM>\n";
    xml += "        <PRENOM2>" + std::string(names[second]) + "</PRENOM2>\n";
    xml += std::string("        <CODE_SEXE>") + (girl ? "2" : "1") + "</CODE_SEXE>\n";
    xml += "        <DATE_NAISS>" + born + "</DATE_NAISS>\n";
    xml += "        <CODE_PAYS>100</CODE_PAYS>\n";
    xml += "        <CODE_DEPARTEMENT_NAISS>075</CODE_DEPARTEMENT_NAISS>\n";
    xml += "        <CODE_COMMUNE_INSEE_NAISS>75056</CODE_COMMUNE_INSEE_NAISS>\n";
    xml += "        <CODE_MEF>" + std::string(level.mef) + "</CODE_MEF>\n";
    xml += "        <CODE_STATUT>ST</CODE_STATUT>\n";
    xml += "      </ELEVE>\n";
    return xml;
}

std::string structure_xml(int index) {
    const Level& level = LEVELS[static_cast<std::size_t>((index - 1) % 4)];
    return "      <STRUCTURES_ELEVE ELEVE_ID=\"" + std::to_string(index) + "\">\n" +
           "        <STRUCTURE><CODE_STRUCTURE>" + std::string(level.division) +
           "</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE>\n" + "      </STRUCTURES_ELEVE>\n";
}

} // namespace

int school_year_start(EpochMs day) {
    const std::chrono::sys_days date = std::chrono::floor<std::chrono::days>(
        std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(day)));
    const std::chrono::year_month_day calendar(date);
    const int year = static_cast<int>(calendar.year());
    return static_cast<unsigned>(calendar.month()) >= 9 ? year : year - 1;
}

std::string demo_siecle_export(int school_year, int pupils) {
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<BEE_ELEVES VERSION=\"2.1\">\n  <PARAMETRES>\n"
                      "    <UAJ>0759901A</UAJ>\n    <ANNEE_SCOLAIRE>" +
                      std::to_string(school_year) + "</ANNEE_SCOLAIRE>\n  </PARAMETRES>\n  <DONNEES>\n    <ELEVES>\n";
    for (int index = 1; index <= pupils; ++index)
        xml += pupil_xml(index, school_year);
    xml += "    </ELEVES>\n    <STRUCTURES>\n";
    for (int index = 1; index <= pupils; ++index)
        xml += structure_xml(index);
    xml += "    </STRUCTURES>\n  </DONNEES>\n</BEE_ELEVES>\n";
    return xml;
}

} // namespace numeria::app
