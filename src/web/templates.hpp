// templates.hpp: server-rendered HTML. Every *.mustache file of src/web/templates is loaded at
// start (a missing or unreadable folder stops the server); `{{x}}` escapes HTML, so user data can
// only be shown escaped. Pages render into layout.mustache (header, skip links, footer).
#pragma once

#include "core/result.hpp"

#include <mstch/mstch.hpp>

#include <filesystem>
#include <map>
#include <string>

namespace numeria::web {

class Templates {
public:
    [[nodiscard]] static Result<Templates> load(const std::filesystem::path& directory);

    // Renders template `name` (file name without .mustache) with `context`. Partials are not
    // offered (mstch would parse them all on every call).
    [[nodiscard]] std::string render(const std::string& name, const mstch::map& context) const;
    [[nodiscard]] bool has(const std::string& name) const { return m_templates.count(name) != 0; }

private:
    std::map<std::string, std::string> m_templates;
};

} // namespace numeria::web
