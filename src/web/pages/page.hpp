// page.hpp: renders a page inside the layout (header with the three spaces, skip links, footer).
#pragma once

#include "web/http.hpp"

#include <mstch/mstch.hpp>

#include <string>

namespace numeria::web {

struct WebApp;

struct PageMeta {
    std::string title;        // the <title> and the page's h1 usually
    std::string active_space; // "", "mon-espace", "orga", "certif": marks the header link as current
    std::string script{};     // a file of src/web/static loaded by the page ("" = none)
};

// Renders `template_name` with `context`, then the layout around it (the header shows who is
// signed in and carries the log-out form with the request's CSRF token).
[[nodiscard]] std::string render_page(const WebApp& app, const Request& request, const PageMeta& meta,
                                      const std::string& template_name, mstch::map context);

} // namespace numeria::web
