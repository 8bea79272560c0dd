#include "web/markdown.hpp"

#include <cmark.h>

#include <cstdlib>
#include <memory>

namespace numeria::web {

std::string markdown_to_html(std::string_view markdown) {
    // CMARK_OPT_DEFAULT is safe in cmark ≥ 0.29: raw HTML is omitted and unsafe links emptied.
    // CMARK_OPT_HARDBREAKS keeps the authors' line breaks inside a paragraph.
    std::unique_ptr<char, decltype(&std::free)> html(
        cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT | CMARK_OPT_HARDBREAKS), &std::free);
    return html ? std::string(html.get()) : std::string();
}

std::string markdown_inline_to_html(std::string_view markdown) {
    std::string html = markdown_to_html(markdown);
    while (!html.empty() && html.back() == '\n')
        html.pop_back();
    const std::string open = "<p>";
    const std::string close = "</p>";
    if (html.rfind(open, 0) == 0 && html.size() >= open.size() + close.size() &&
        html.compare(html.size() - close.size(), close.size(), close) == 0 &&
        html.find(open, open.size()) == std::string::npos)
        return html.substr(open.size(), html.size() - open.size() - close.size());
    return html;
}

} // namespace numeria::web
