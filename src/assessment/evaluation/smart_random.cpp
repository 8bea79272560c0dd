// smart_random.cpp: the filters, the predicted level, the reward and the deterministic pick of the
// smart-random positioning (docs/rules/positioning.md).
#include "assessment/evaluation/smart_random.hpp"

#include "core/assert.hpp"

#include <algorithm>
#include <climits>

namespace numeria::assessment::evaluation {

namespace {

std::size_t at(int index) {
    return static_cast<std::size_t>(index);
}

// Keeps the skills for which `keep` holds.
template <typename Keep>
void keep_if(std::vector<int>& skills, Keep keep) {
    skills.erase(std::remove_if(skills.begin(), skills.end(), [&](int skill) { return !keep(skill); }), skills.end());
}

// Keeps the skills for which `keep` holds, unless none would be left.
template <typename Keep>
void prefer(std::vector<int>& skills, Keep keep) {
    if (std::any_of(skills.begin(), skills.end(), keep)) {
        keep_if(skills, keep);
    }
}

// Rule: docs/rules/positioning.md "First question": steps 1 to 3 are shared with the next questions.
std::vector<int> playable_untested_easy_first(const PositioningTargets& targets, const PositioningState& state) {
    std::vector<int> skills;
    skills.reserve(targets.skills().size());
    for (std::size_t i = 0; i < state.skills.size(); ++i) {
        if (state.skills[i].playable && !state.skills[i].assessed) {
            skills.push_back(static_cast<int>(i));
        }
    }
    prefer(skills, [&](int skill) { return state.easy_tube[at(targets.skills()[at(skill)].tube)] != 0; });
    return skills;
}

// Rule: docs/rules/positioning.md "First question": difficulty 2 counts as the lowest.
int first_question_rank(int level) {
    return level == DEFAULT_LEVEL_FOR_FIRST_CHALLENGE ? INT_MIN : level;
}

} // namespace

std::uint64_t positioning_hash(std::int64_t value) {
    // Rule: docs/rules/positioning.md "Choosing the challenge": the 64-bit finalizer of SplitMix64 over
    // the two's-complement bits of the value, after adding the golden-ratio increment.
    std::uint64_t z = static_cast<std::uint64_t>(value) + 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
}

PositioningState positioning_state(const PositioningTargets& targets,
                                   const std::vector<std::string>& answered_challenge_ids,
                                   const std::vector<KnowledgeElement>& kes_in_scope,
                                   const std::optional<LastAnswer>& last) {
    PositioningState state;
    state.answered.assign(targets.challenges().size(), 0);
    for (const std::string& id : answered_challenge_ids) {
        const int challenge = targets.challenge_index(id);
        if (challenge >= 0) {
            state.answered[at(challenge)] = 1;
        }
    }
    std::vector<int> latest;
    latest_per_target_skill(targets, kes_in_scope, latest);
    state.skills.resize(targets.skills().size());
    for (std::size_t i = 0; i < targets.skills().size(); ++i) {
        const TargetSkill& skill = targets.skills()[i];
        SkillState& skill_state = state.skills[i];
        for (int challenge = skill.first_challenge; challenge < skill.end_challenge; ++challenge) {
            if (state.answered[at(challenge)] == 0) {
                skill_state.playable = true;
                skill_state.timed = targets.challenges()[at(challenge)].timed;
                break;
            }
        }
        if (latest[i] >= 0) {
            const KnowledgeElement& element = kes_in_scope[at(latest[i])];
            skill_state.assessed = true;
            skill_state.validated = element.status == KeStatus::Validated;
            skill_state.direct = element.source == KeSource::Direct;
        }
    }
    // Rule: docs/rules/positioning.md "Easy tubes": a tube whose hardest playable skill is at most level 3.
    state.easy_tube.assign(targets.tubes().size(), 0);
    for (std::size_t t = 0; t < targets.tubes().size(); ++t) {
        int hardest = 0;
        for (int skill = targets.tubes()[t].first_skill; skill < targets.tubes()[t].end_skill; ++skill) {
            if (state.skills[at(skill)].playable) {
                hardest = std::max(hardest, targets.skills()[at(skill)].level);
            }
        }
        state.easy_tube[t] = hardest > 0 && hardest <= MAX_LEVEL_TO_BE_AN_EASY_TUBE ? 1 : 0;
    }
    state.started = last.has_value();
    if (last) {
        const int challenge = targets.challenge_index(last->challenge_id);
        state.last_timed = challenge >= 0 && targets.challenges()[at(challenge)].timed;
    }
    return state;
}

double best_level(const std::array<double, LEVEL_COUNT>& scores) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < scores.size(); ++i) {
        if (scores[i] > scores[best]) {
            best = i;
        }
    }
    return 0.5 * static_cast<double>(best + 1);
}

double predicted_level(const PositioningTargets& targets, const PositioningState& state) {
    std::array<double, LEVEL_COUNT> scores{};
    for (std::size_t k = 0; k < scores.size(); ++k) {
        const double level = 0.5 * static_cast<double>(k + 1);
        // Rule: docs/rules/positioning.md "Predicted level": the two virtual answers.
        double residual = (1.0 - success_probability(level, 0)) + (0.0 - success_probability(level, 7));
        for (std::size_t i = 0; i < state.skills.size(); ++i) {
            const SkillState& skill = state.skills[i];
            if (skill.assessed && skill.direct) {
                residual += (skill.validated ? 1.0 : 0.0) - success_probability(level, targets.skills()[i].level);
            }
        }
        scores[k] = -std::abs(residual);
    }
    return best_level(scores);
}

double predicted_level(const PositioningTargets& targets, const std::vector<KnowledgeElement>& kes_in_scope) {
    return predicted_level(targets, positioning_state(targets, {}, kes_in_scope, std::nullopt));
}

double reward(const PositioningTargets& targets, const PositioningState& state, int skill, double level) {
    const TargetSkill& asked = targets.skills()[at(skill)];
    const TargetTube& tube = targets.tubes()[at(asked.tube)];
    int easier_or_equal = 0;
    int harder_or_equal = 0;
    for (int other = tube.first_skill; other < tube.end_skill; ++other) {
        const SkillState& other_state = state.skills[at(other)];
        if (!other_state.playable || other_state.assessed) {
            continue;
        }
        const int other_level = targets.skills()[at(other)].level;
        easier_or_equal += other_level <= asked.level ? 1 : 0;
        harder_or_equal += other_level >= asked.level ? 1 : 0;
    }
    const double p = success_probability(level, asked.level);
    return p * easier_or_equal + (1.0 - p) * harder_or_equal;
}

Candidates candidate_skills(const PositioningTargets& targets, const PositioningState& state) {
    Candidates candidates;
    candidates.skills = playable_untested_easy_first(targets, state);
    std::vector<int>& skills = candidates.skills;
    const auto untimed = [&](int skill) { return !state.skills[at(skill)].timed; };
    if (!state.started) {
        // Rule: docs/rules/positioning.md "First question": no timed skill unless all are, then the lowest.
        prefer(skills, untimed);
        int lowest = INT_MAX;
        for (const int skill : skills) {
            lowest = std::min(lowest, first_question_rank(targets.skills()[at(skill)].level));
        }
        keep_if(skills, [&](int skill) { return first_question_rank(targets.skills()[at(skill)].level) == lowest; });
        candidates.predicted_level = DEFAULT_LEVEL_FOR_FIRST_CHALLENGE;
        return candidates;
    }
    // Rule: docs/rules/positioning.md "Next questions": the filters after the predicted level.
    const double level = predicted_level(targets, state);
    candidates.predicted_level = level;
    if (state.last_timed) {
        prefer(skills, untimed);
    }
    keep_if(skills, [&](int skill) {
        return targets.skills()[at(skill)].level - level <= MAX_DIFF_BETWEEN_USER_LEVEL_AND_SKILL_LEVEL;
    });
    // Rule: docs/rules/positioning.md "Reward": every skill of the greatest reward, unless it is 0.
    std::vector<double> rewards(skills.size());
    double best = 0;
    for (std::size_t i = 0; i < skills.size(); ++i) {
        rewards[i] = reward(targets, state, skills[i], level);
        best = std::max(best, rewards[i]);
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < skills.size(); ++i) {
        if (rewards[i] == best && best > 0) {
            skills[kept++] = skills[i];
        }
    }
    skills.resize(kept);
    return candidates;
}

NextChallenge next_challenge(const PositioningTargets& targets, const std::vector<std::string>& answered_challenge_ids,
                             const std::vector<KnowledgeElement>& kes_in_scope, const std::optional<LastAnswer>& last,
                             std::int64_t assessment_id) {
    const PositioningState state = positioning_state(targets, answered_challenge_ids, kes_in_scope, last);
    const Candidates candidates = candidate_skills(targets, state);
    NextChallenge next;
    next.predicted_level = candidates.predicted_level;
    // Rule: docs/rules/positioning.md "Stop": no surviving skill ends the positioning.
    if (candidates.skills.empty()) {
        return next;
    }
    // Rule: docs/rules/positioning.md "Choosing the challenge": skill, then challenge, from the id's hash.
    const auto seed = static_cast<std::uint64_t>(assessment_id);
    const int skill = candidates.skills[positioning_hash(assessment_id) % candidates.skills.size()];
    const TargetSkill& chosen = targets.skills()[at(skill)];
    std::uint64_t open = 0;
    for (int challenge = chosen.first_challenge; challenge < chosen.end_challenge; ++challenge) {
        open += state.answered[at(challenge)] == 0 ? 1U : 0U;
    }
    NUMERIA_ASSERT(open > 0, "a candidate skill is playable, so it has a challenge not answered");
    std::uint64_t wanted = positioning_hash(static_cast<std::int64_t>(seed + 1U)) % open;
    for (int challenge = chosen.first_challenge; challenge < chosen.end_challenge; ++challenge) {
        if (state.answered[at(challenge)] == 0 && wanted-- == 0) {
            next.challenge_id = targets.challenges()[at(challenge)].id;
            break;
        }
    }
    next.skill = chosen.name;
    return next;
}

} // namespace numeria::assessment::evaluation
