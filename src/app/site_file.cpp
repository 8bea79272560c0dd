#include "app/site_file.hpp"

#include "app/storage_setup.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>
#include <yaml-cpp/yaml.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

namespace numeria::app {

namespace {

constexpr std::size_t MAX_VALUE_BYTES = 500;

struct Field {
    const char* key;
    std::string web::SiteInfo::*member;
    bool email;
};

constexpr std::array<Field, 12> FIELDS{{
    {"publisher_name", &web::SiteInfo::publisher_name, false},
    {"publisher_address", &web::SiteInfo::publisher_address, false},
    {"publication_director", &web::SiteInfo::publication_director, false},
    {"host_name", &web::SiteInfo::host_name, false},
    {"host_address", &web::SiteInfo::host_address, false},
    {"host_phone", &web::SiteInfo::host_phone, false},
    {"accessibility_email", &web::SiteInfo::accessibility_email, true},
    {"personal_data_email", &web::SiteInfo::personal_data_email, true},
    {"dpo_name", &web::SiteInfo::dpo_name, false},
    {"dpo_email", &web::SiteInfo::dpo_email, true},
    {"accessibility_statement_date", &web::SiteInfo::accessibility_statement_date, false},
    {"data_retention", &web::SiteInfo::data_retention, false},
}};

const Field* field_named(const std::string& key) {
    for (const Field& field : FIELDS)
        if (key == field.key)
            return &field;
    return nullptr;
}

// One line of printable text: no control character (a line break included).
bool one_line(const std::string& value) {
    for (char c : value)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            return false;
    return true;
}

bool plausible_email(const std::string& value) {
    const std::size_t at = value.find('@');
    return at != std::string::npos && at > 0 && at + 1 < value.size() && value.find('@', at + 1) == std::string::npos &&
           value.find(' ') == std::string::npos;
}

Error refused(const YAML::Node& node, const std::string& reason) {
    return Error::invalid("site_file.invalid", "ligne " + std::to_string(node.Mark().line + 1) + " : " + reason);
}

// Rule: docs/rules/web.md "Legal pages": the operator's details come from the site file, checked at
// start; an empty or absent value stays empty and the page shows a placeholder.
Result<web::SiteInfo> parse_site_yaml(const YAML::Node& root) {
    web::SiteInfo site;
    if (root.IsNull())
        return site;
    if (!root.IsMap())
        return fail(refused(root, "le fichier doit être une liste de clés « clé: valeur »"));
    for (const auto& entry : root) {
        const std::string key = entry.first.as<std::string>();
        const Field* field = field_named(key);
        if (field == nullptr)
            return fail(refused(entry.first, "clé inconnue « " + key + " » (voir config/site.example.yaml)"));
        const YAML::Node& value = entry.second;
        if (value.IsNull())
            continue;
        if (!value.IsScalar())
            return fail(refused(value, "la valeur de « " + key + " » doit être un texte"));
        std::string text_value = value.as<std::string>();
        if (!one_line(text_value) || text_value.size() > MAX_VALUE_BYTES)
            return fail(refused(value, "la valeur de « " + key + " » doit tenir sur une ligne de 500 octets au plus"));
        if (field->email && !text_value.empty() && !plausible_email(text_value))
            return fail(refused(value, "« " + key + " » doit être une adresse e-mail"));
        site.*(field->member) = std::move(text_value);
    }
    return site;
}

} // namespace

Result<web::SiteInfo> parse_site_file(const std::string& text) {
    try {
        return parse_site_yaml(YAML::Load(text));
    } catch (const YAML::Exception& error) {
        return fail(Error::invalid("site_file.invalid", std::string("YAML invalide : ") + error.what()));
    }
}

web::SiteInfo read_site_file(const std::string& path, bool required) {
    std::error_code error;
    if (!std::filesystem::exists(path, error)) {
        if (required)
            refuse_to_start("le fichier du site « " + path + " » est introuvable");
        spdlog::warn(nlohmann::json{{"msg", "no site file: the legal pages show placeholders"}, {"path", path}}.dump());
        return {};
    }
    std::ifstream in(path, std::ios::binary);
    if (!in.is_open())
        refuse_to_start("le fichier du site « " + path + " » est illisible");
    std::ostringstream text;
    text << in.rdbuf();
    Result<web::SiteInfo> site = parse_site_file(text.str());
    if (!site)
        refuse_to_start("fichier du site « " + path + " » : " + site.error().detail);
    return std::move(*site);
}

} // namespace numeria::app
