// markdown.hpp: renders the Markdown subset of content statements (docs/content-format.md
// "Markdown subset") to HTML with cmark, Debian's CommonMark library, in its safe mode: raw HTML
// and javascript: links are dropped, never passed through.
#pragma once

#include <string>
#include <string_view>

namespace numeria::web {

// Block HTML (paragraphs, lists) for a statement.
[[nodiscard]] std::string markdown_to_html(std::string_view markdown);

// Inline HTML for a proposal or a label: the same rendering without the enclosing <p>.
[[nodiscard]] std::string markdown_inline_to_html(std::string_view markdown);

} // namespace numeria::web
