// bank_generator.hpp: the synthetic benchmark bank (docs/rules/certification-engine.md
// "Item bank"): 16 competences × 60 items, 12 tubes of 5 items per competence, b ~ N(0, 1.5),
// a = exp(N(0, 0.3)) clipped to [0.25, 4] (the second parameter of N is the standard deviation).
// Deterministic for a seed.
#pragma once

#include "assessment/cat/irt.hpp"

#include <cstdint>

namespace numeria::assessment::cat {

[[nodiscard]] Bank generate_bank(std::uint64_t seed);

} // namespace numeria::assessment::cat
