// api_support.hpp: JSON in and out for the API handlers.
#pragma once

#include "core/result.hpp"
#include "web/error_mapping.hpp"
#include "web/http.hpp"
#include "web/text_input.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace numeria::web::api {

using web::error_json; // the one envelope: web/error_mapping.hpp

[[nodiscard]] inline Response invalid_body() {
    return error_json(400, "invalid_body",
                      "Le corps de la requête doit être un objet JSON valide, en UTF-8, sans caractère de contrôle.");
}

// The request's body as a JSON object of clean text (docs/rules/security.md "Text input"), or nothing.
[[nodiscard]] inline std::optional<nlohmann::json> body_json(const Request& request) {
    nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object() || !is_clean_json(body))
        return std::nullopt;
    return body;
}

[[nodiscard]] inline std::string text(const nlohmann::json& body, const char* key) {
    auto found = body.find(key);
    return found != body.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// A numeric path parameter; 0 when malformed.
[[nodiscard]] inline std::int64_t id_param(const Request& request, const std::string& name) {
    auto found = request.params.find(name);
    if (found == request.params.end() || found->second.empty() || found->second.size() > 18 ||
        found->second.find_first_not_of("0123456789") != std::string::npos)
        return 0;
    return std::stoll(found->second);
}

} // namespace numeria::web::api
