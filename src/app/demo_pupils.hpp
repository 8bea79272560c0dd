// demo_pupils.hpp: the pupils of the demo Collège Jeanne-Barret, written as the SIECLE export
// ("Élèves sans adresses") a référent would download, for the school year of a given day: collège
// classes 6A, 5A, 4A and 3A, each pupil born in the year that gives the age of their level (a 6e
// pupil turns 11 during the school year), first names matching the recorded sex. Deterministic:
// tests/support/make_siecle.py --demo writes the same pupils (and newcomers after them).
#pragma once

#include "core/clock.hpp"

#include <string>

namespace numeria::app {

inline constexpr int DEMO_PUPILS = 90;

// The year the school year of `day` started: September 1st starts a new one.
[[nodiscard]] int school_year_start(EpochMs day);

// The SIECLE export (UTF-8) of the demo's `pupils` pupils for the school year starting in September
// of `school_year`.
[[nodiscard]] std::string demo_siecle_export(int school_year, int pupils = DEMO_PUPILS);

} // namespace numeria::app
