#include "web/markdown.hpp"

#include <cmark.h>

#include <cstdlib>
#include <memory>

namespace numeria::web {

namespace {

void append_escaped(std::string& html, std::string_view text) {
    for (char c : text) {
        switch (c) {
        case '&':
            html += "&amp;";
            break;
        case '<':
            html += "&lt;";
            break;
        case '>':
            html += "&gt;";
            break;
        case '"':
            html += "&quot;";
            break;
        case '\'':
            html += "&#39;";
            break;
        default:
            html += c;
        }
    }
}

} // namespace

std::string markdown_to_html(std::string_view markdown) {
    // CMARK_OPT_DEFAULT is safe in cmark ≥ 0.29: raw HTML is omitted and unsafe links emptied.
    // CMARK_OPT_HARDBREAKS keeps the authors' line breaks inside a paragraph.
    std::unique_ptr<char, decltype(&std::free)> html(
        cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT | CMARK_OPT_HARDBREAKS), &std::free);
    return html ? std::string(html.get()) : std::string();
}

std::string inline_text_to_html(std::string_view text) {
    std::string html;
    std::size_t position = 0;
    while (position < text.size()) {
        const std::size_t open = text.find('`', position);
        const std::size_t close = open == std::string_view::npos ? open : text.find('`', open + 1);
        if (close == std::string_view::npos || close == open + 1) {
            const std::size_t end = close == open + 1 ? close + 1 : text.size();
            append_escaped(html, text.substr(position, end - position));
            position = end;
            continue;
        }
        append_escaped(html, text.substr(position, open - position));
        html += "<code>";
        append_escaped(html, text.substr(open + 1, close - open - 1));
        html += "</code>";
        position = close + 1;
    }
    return html;
}

} // namespace numeria::web
