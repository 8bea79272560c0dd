// content_pages.hpp: the content preview of the Admin space: browse areas →
// competences → tubes → skills → challenges, show a challenge as a student sees it, answer it and
// see how the answer is judged.
#pragma once

#include "web/http.hpp"

#include <string>

namespace numeria::web {

struct WebApp;

// GET /admin/contenu: the framework (areas and competences with their counts) and the target profiles.
[[nodiscard]] Response get_content_index(const Request& request, WebApp& app);
// GET /admin/contenu/competences/:code: the tubes, skills and challenges of one competence.
[[nodiscard]] Response get_content_competence(const Request& request, WebApp& app);
// GET /admin/contenu/parcours/:id: a target profile, its documentation and its stages.
[[nodiscard]] Response get_content_profile(const Request& request, WebApp& app);
// GET and POST /admin/contenu/epreuves/:id: one challenge, answered and judged on POST.
[[nodiscard]] Response get_challenge_preview(const Request& request, WebApp& app);
[[nodiscard]] Response post_challenge_preview(const Request& request, WebApp& app);

// A 404 inside the preview ("Compétence introuvable"…), with a way back to the content index.
[[nodiscard]] Response content_not_found(const Request& request, const WebApp& app, const std::string& title,
                                         const std::string& message);

} // namespace numeria::web
