#include "web/dsfr_bundle.hpp"

#include "web/assets.hpp"

#include <cctype>
#include <optional>

namespace numeria::web {

namespace {

// The "/*! DSFR vX | license */" comment a part starts with (kept once, at the top of the bundle).
std::string_view leading_licence(std::string_view text) {
    if (text.rfind("/*!", 0) != 0)
        return {};
    const std::size_t end = text.find("*/");
    return end == std::string_view::npos ? std::string_view() : text.substr(0, end + 2);
}

std::string_view without_licence(std::string_view text) {
    text.remove_prefix(leading_licence(text).size());
    while (!text.empty() && (text.front() == '\n' || text.front() == '\r' || text.front() == ' '))
        text.remove_prefix(1);
    return text;
}

// A script part without its source map line (the maps describe the parts, not the bundle).
std::string without_source_map(std::string_view script) {
    std::string out(script);
    const std::size_t map = out.find("//# sourceMappingURL=");
    if (map != std::string::npos)
        out.erase(map, out.find('\n', map) == std::string::npos ? std::string::npos : out.find('\n', map) - map);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
        out.pop_back();
    return out;
}

// The index just past the block opened at `open` ('{'), skipping strings and comments.
std::size_t block_end(std::string_view css, std::size_t open) {
    int depth = 0;
    for (std::size_t at = open; at < css.size(); ++at) {
        const char c = css[at];
        if (c == '"' || c == '\'') {
            const std::size_t close = css.find(c, at + 1);
            if (close == std::string_view::npos)
                return css.size();
            at = close;
        } else if (c == '/' && at + 1 < css.size() && css[at + 1] == '*') {
            const std::size_t close = css.find("*/", at + 2);
            if (close == std::string_view::npos)
                return css.size();
            at = close + 1;
        } else if (c == '{') {
            ++depth;
        } else if (c == '}' && --depth == 0) {
            return at + 1;
        }
    }
    return css.size();
}

// The selectors of a list, split at the commas outside parentheses.
std::vector<std::string_view> split_selectors(std::string_view list) {
    std::vector<std::string_view> selectors;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t at = 0; at < list.size(); ++at) {
        if (list[at] == '(')
            ++depth;
        else if (list[at] == ')')
            --depth;
        else if (list[at] == ',' && depth == 0) {
            selectors.push_back(list.substr(start, at - start));
            start = at + 1;
        }
    }
    selectors.push_back(list.substr(start));
    return selectors;
}

bool names_an_icon(std::string_view selector, const std::vector<std::string>& icons) {
    for (const std::string& icon : icons) {
        const std::string wanted = ".fr-icon-" + icon;
        for (std::size_t at = selector.find(wanted); at != std::string_view::npos; at = selector.find(wanted, at + 1)) {
            const std::size_t after = at + wanted.size();
            const bool whole =
                after == selector.size() || !(std::isalnum(static_cast<unsigned char>(selector[after])) ||
                                              selector[after] == '-' || selector[after] == '_');
            if (whole)
                return true;
        }
    }
    return false;
}

} // namespace

const DsfrParts& dsfr_parts_of_the_pages() {
    // Rule: docs/rules/web.md "DSFR bundle": the core, the components the templates use (in the
    // DSFR's order), the script of each of them that has one, and the icons the templates name.
    static const DsfrParts parts{
        // The scheme holds the colours of the dark theme.
        {"core/core",
         "scheme/scheme",
         "component/upload/upload",
         "component/badge/badge",
         "component/button/button",
         "component/breadcrumb/breadcrumb",
         "component/form/form",
         "component/link/link",
         "component/callout/callout",
         "component/pagination/pagination",
         "component/tag/tag",
         "component/alert/alert",
         "component/radio/radio",
         "component/card/card",
         "component/checkbox/checkbox",
         "component/input/input",
         "component/content/content",
         "component/skiplink/skiplink",
         "component/select/select",
         "component/modal/modal",
         "component/navigation/navigation",
         "component/footer/footer",
         "component/table/table",
         "component/header/header"},
        // The scheme follows the system's light or dark mode (<html data-fr-scheme="system">).
        {"core/core", "scheme/scheme", "component/button/button", "component/card/card", "component/checkbox/checkbox",
         "component/breadcrumb/breadcrumb", "component/modal/modal", "component/navigation/navigation",
         "component/tag/tag", "component/header/header", "component/table/table"},
        {"account-circle-line", "arrow-left-line", "arrow-right-line", "download-line", "logout-box-r-line",
         "lock-line", "settings-5-line", "upload-line", "user-add-line"},
    };
    return parts;
}

std::string rebase_css_urls(std::string_view css, std::string_view part_dir, std::string_view dsfr_prefix) {
    std::string out;
    out.reserve(css.size() + css.size() / 8);
    std::size_t at = 0;
    while (true) {
        const std::size_t found = css.find("url(", at);
        if (found == std::string_view::npos) {
            out.append(css.substr(at));
            return out;
        }
        std::size_t start = found + 4;
        out.append(css.substr(at, start - at));
        const char quote = start < css.size() && (css[start] == '"' || css[start] == '\'') ? css[start] : '\0';
        if (quote)
            ++start;
        const std::size_t end = css.find(quote ? quote : ')', start);
        if (end == std::string_view::npos) {
            out.append(css.substr(found + 4));
            return out;
        }
        const std::string_view target = css.substr(start, end - start);
        const bool relative = !target.empty() && target.front() != '/' && target.front() != '#' &&
                              target.find(':') == std::string_view::npos;
        std::string rewritten(target);
        if (relative) {
            const std::string normal = (std::filesystem::path(std::string(part_dir)) / std::string(target))
                                           .lexically_normal()
                                           .generic_string();
            if (normal.rfind("..", 0) != 0)
                rewritten = std::string(dsfr_prefix) + "/" + normal;
        }
        if (quote)
            out += quote;
        out += rewritten;
        at = end; // the closing quote or parenthesis is copied with what follows
    }
}

std::string keep_icon_rules(std::string_view css, const std::vector<std::string>& icons) {
    std::string out;
    std::size_t at = 0;
    while (at < css.size()) {
        const char c = css[at];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            ++at;
            continue;
        }
        if (css.compare(at, 2, "/*") == 0) {
            const std::size_t close = css.find("*/", at + 2);
            at = close == std::string_view::npos ? css.size() : close + 2;
            continue;
        }
        const std::size_t open = css.find_first_of("{;", at);
        if (open == std::string_view::npos)
            break;
        if (css[open] == ';') { // a statement such as @charset: the bundle has its own
            at = open + 1;
            continue;
        }
        const std::size_t end = block_end(css, open);
        const std::string_view prelude = css.substr(at, open - at);
        const std::string_view body = css.substr(open + 1, end - open - 2);
        if (c == '@') {
            const std::string inner = keep_icon_rules(body, icons);
            if (!inner.empty())
                out += std::string(prelude) + "{" + inner + "}";
        } else {
            std::string kept;
            for (std::string_view selector : split_selectors(prelude))
                if (names_an_icon(selector, icons))
                    kept += (kept.empty() ? "" : ",") + std::string(selector);
            if (!kept.empty())
                out += kept + "{" + std::string(body) + "}";
        }
        at = end;
    }
    return out;
}

Result<DsfrBundle> build_dsfr_bundle(const std::filesystem::path& dist, const DsfrParts& parts,
                                     std::string_view dsfr_prefix) {
    DsfrBundle bundle;
    std::string licence;
    std::string css;
    auto add_css = [&](const std::string& part, const std::filesystem::path& file) -> Status {
        auto text = read_file(dist / file);
        if (!text)
            return fail(Error::not_found("dsfr.part_missing", (dist / file).string()));
        if (licence.empty())
            licence = leading_licence(*text);
        const std::string_view body = without_licence(*text);
        const std::string dir = std::filesystem::path(part).parent_path().generic_string();
        css += "\n" + rebase_css_urls(part.rfind("utility/icons", 0) == 0 ? keep_icon_rules(body, parts.icons) : body,
                                      dir, dsfr_prefix);
        return {};
    };
    for (const std::string& part : parts.css) {
        // A part without legacy rules (the scheme) has no ".main" file.
        const bool main = std::filesystem::exists(dist / (part + ".main.min.css"));
        if (Status added = add_css(part, part + (main ? ".main.min.css" : ".min.css")); !added)
            return fail(added.error());
    }
    if (!parts.icons.empty())
        if (Status added = add_css("utility/icons/icons", "utility/icons/icons.main.min.css"); !added)
            return fail(added.error());
    bundle.css = "@charset \"UTF-8\";\n" + licence + css + "\n";

    std::string js;
    for (const std::string& part : parts.js) {
        auto text = read_file(dist / (part + ".module.min.js"));
        if (!text)
            return fail(Error::not_found("dsfr.part_missing", (dist / (part + ".module.min.js")).string()));
        // Each part declares its own top-level names (const e = window.dsfr, …): a block keeps them apart.
        js += "{\n" + without_source_map(without_licence(*text)) + "\n}\n";
    }
    bundle.js = licence + "\n" + js;
    return bundle;
}

} // namespace numeria::web
