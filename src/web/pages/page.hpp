// page.hpp: renders a page inside the layout (header with the three spaces, skip links, footer).
#pragma once

#include <mstch/mstch.hpp>

#include <string>

namespace numeria::web {

struct WebApp;

struct PageMeta {
    std::string title;        // the <title> and the page's h1 usually
    std::string active_space; // "", "mon-espace", "orga", "certif": marks the header link as current
};

// Renders `template_name` with `context`, then the layout around it.
[[nodiscard]] std::string render_page(const WebApp& app, const PageMeta& meta, const std::string& template_name,
                                      mstch::map context);

} // namespace numeria::web
