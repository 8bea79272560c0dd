// dsfr_bundle.hpp: the parts of the French state's design system (DSFR) the pages use, joined once
// at start into one style sheet and one script (docs/rules/web.md "DSFR bundle"): the core, the
// components the templates use, with the script of each component that has one, and only the icon
// classes the templates name. tests/integration/test_dsfr_bundle.py fails when a template uses a
// DSFR class the bundle lacks.
#pragma once

#include "core/result.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace numeria::web {

struct DsfrParts {
    // Paths under the package's dist/ folder, without ".main.min.css" (or ".min.css" for a part
    // without legacy rules) / ".module.min.js", in the DSFR's own order (core first): a later part
    // may override an earlier one.
    std::vector<std::string> css;
    std::vector<std::string> js;
    // Icon names without "fr-icon-", e.g. "arrow-right-line".
    std::vector<std::string> icons;
};

// The parts Numeria's pages use.
[[nodiscard]] const DsfrParts& dsfr_parts_of_the_pages();

struct DsfrBundle {
    std::string css;
    std::string js;
};

// Reads `parts` from `dist` (node_modules/@gouvfr/dsfr/dist); the fonts and icons the style sheet
// points to are rewritten under `dsfr_prefix`, the URL prefix of the whole package (e.g.
// "/assets/dsfr-0f1e2d3c"). Error `dsfr.part_missing` (detail: the path) for an absent part.
[[nodiscard]] Result<DsfrBundle> build_dsfr_bundle(const std::filesystem::path& dist, const DsfrParts& parts,
                                                   std::string_view dsfr_prefix);

// `css` of a part of `part_dir` (e.g. "component/alert") with each relative url(...) made absolute
// under `dsfr_prefix`; data: and absolute URLs are left as they are.
[[nodiscard]] std::string rebase_css_urls(std::string_view css, std::string_view part_dir,
                                          std::string_view dsfr_prefix);

// Only the rules of `css` (the DSFR's icons style sheet) that style one of `icons`, each rule keeping
// only its selectors that name one of them; at-rules keep what is left inside them.
[[nodiscard]] std::string keep_icon_rules(std::string_view css, const std::vector<std::string>& icons);

} // namespace numeria::web
