#include "web/pages/after_log_in.hpp"

#include <string_view>

namespace numeria::web {

namespace {

// "/orga", "/orga/3/eleves", "/orga?x" are under "/orga"; "/organisation" is not.
bool is_under(std::string_view path, std::string_view prefix) {
    if (path.substr(0, prefix.size()) != prefix)
        return false;
    return path.size() == prefix.size() || path[prefix.size()] == '/' || path[prefix.size()] == '?';
}

} // namespace

std::string landing_path(const std::optional<std::string>& safe_return,
                         const std::optional<std::int64_t>& first_organization) {
    // Rule: docs/rules/accounts.md "After log-in": the return address wins, then the Orga home of
    // the first organisation, then "Mon espace".
    if (safe_return)
        return *safe_return;
    if (first_organization)
        return "/orga/" + std::to_string(*first_organization) + "/eleves";
    return "/mon-espace";
}

std::string space_of_return(const std::optional<std::string>& safe_return) {
    if (!safe_return)
        return "";
    for (std::string_view space : {"mon-espace", "orga", "certif"})
        if (is_under(*safe_return, "/" + std::string(space)))
            return std::string(space);
    return "";
}

} // namespace numeria::web
