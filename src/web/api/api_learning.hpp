// api_learning.hpp: the learner's API (docs/rules/learning.md): start a competence evaluation, the
// question to answer, an answer (its result and the next question in one round trip), the profile.
#pragma once

#include "web/http.hpp"

namespace numeria::web {

struct WebApp;

[[nodiscard]] Response api_post_competence_evaluation(const Request& request, WebApp& app);
[[nodiscard]] Response api_get_next_challenge(const Request& request, WebApp& app);
[[nodiscard]] Response api_post_answer(const Request& request, WebApp& app);
[[nodiscard]] Response api_get_profile(const Request& request, WebApp& app);

} // namespace numeria::web
