// site_file.hpp: the operator's site file (`numeria serve --site-file`, default config/site.yaml):
// who publishes and hosts this server, for the legal pages (docs/rules/web.md "Legal pages").
#pragma once

#include "core/result.hpp"
#include "web/site_info.hpp"

#include <string>

namespace numeria::app {

// The path `--site-file` has when the operator names none.
inline constexpr const char* DEFAULT_SITE_FILE = "config/site.yaml";

// Parses a site file's text: a YAML mapping of the keys of config/site.example.yaml to one-line
// strings. Refuses (in French, for the start-up message) a key it does not know, a value that is not
// one line of text or longer than 500 bytes, and an e-mail without "@" or with a space. A key left
// out or empty stays empty (the pages show a placeholder).
[[nodiscard]] Result<web::SiteInfo> parse_site_file(const std::string& text);

// Reads the site file at `path`. A missing file gives empty values when `required` is false (the
// default path); otherwise, and on any refusal of parse_site_file, the server refuses to start.
[[nodiscard]] web::SiteInfo read_site_file(const std::string& path, bool required);

} // namespace numeria::app
