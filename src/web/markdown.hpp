// markdown.hpp: renders the Markdown subset of content statements (docs/content-format.md
// "Markdown subset") to HTML with cmark, Debian's CommonMark library, in its safe mode: raw HTML
// and javascript: links are dropped, never passed through. Proposals and labels are not Markdown:
// they are plain text with `inline code` at most.
#pragma once

#include <string>
#include <string_view>

namespace numeria::web {

// Block HTML (paragraphs, lists, fenced code blocks) for a statement.
[[nodiscard]] std::string markdown_to_html(std::string_view markdown);

// Inline HTML for a proposal or a label: the text escaped as it is written ("#", "=A1*A2*A3" and
// "*titre*" stay those characters), except that a pair of backticks makes an inline <code>.
[[nodiscard]] std::string inline_text_to_html(std::string_view text);

} // namespace numeria::web
