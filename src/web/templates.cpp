#include "web/templates.hpp"

#include "core/assert.hpp"

#include <fstream>
#include <sstream>

namespace numeria::web {

Result<Templates> Templates::load(const std::filesystem::path& directory) {
    std::error_code error;
    if (!std::filesystem::is_directory(directory, error))
        return fail(Error::not_found("templates.directory", "no templates folder at " + directory.string()));
    Templates templates;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        if (entry.path().extension() != ".mustache")
            continue;
        std::ifstream in(entry.path());
        if (!in)
            return fail(Error::invalid("templates.unreadable", entry.path().string()));
        std::ostringstream text;
        text << in.rdbuf();
        templates.m_templates[entry.path().stem().string()] = text.str();
    }
    if (templates.m_templates.count("layout") == 0)
        return fail(Error::not_found("templates.layout", "layout.mustache is missing in " + directory.string()));
    return templates;
}

std::string Templates::render(const std::string& name, const mstch::map& context) const {
    auto found = m_templates.find(name);
    NUMERIA_ASSERT(found != m_templates.end(), "rendering a template that does not exist");
    // mstch parses every partial it is given on each call: only pass them to templates that use
    // partials (none yet), or every page would pay for parsing all the templates.
    return mstch::render(found->second, context);
}

} // namespace numeria::web
