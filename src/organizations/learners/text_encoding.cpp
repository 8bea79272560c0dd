#include "organizations/learners/text_encoding.hpp"

#include <iconv.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <optional>

namespace numeria::organizations {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_name_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == ':' || c == '-';
}

// The value of `encoding = "NAME"` starting at `at` in the declaration, or "" when it is not one.
std::string encoding_value(std::string_view declaration, std::size_t at) {
    std::size_t i = at + std::string_view("encoding").size();
    const auto skip_spaces = [&] {
        while (i < declaration.size() && is_space(declaration[i]))
            ++i;
    };
    skip_spaces();
    if (i >= declaration.size() || declaration[i] != '=')
        return "";
    ++i;
    skip_spaces();
    if (i >= declaration.size() || (declaration[i] != '"' && declaration[i] != '\''))
        return "";
    const std::size_t start = ++i;
    while (i < declaration.size() && is_name_char(declaration[i]))
        ++i;
    if (i == start || i >= declaration.size() || (declaration[i] != '"' && declaration[i] != '\''))
        return "";
    return std::string(declaration.substr(start, i - start));
}

} // namespace

std::string declared_xml_encoding(std::string_view bytes) {
    // Rule: docs/rules/student-import.md "SIECLE XML": the encoding= of an XML declaration at the start of
    // the first 128 bytes (after a byte-order mark and spaces), read by plain character checks.
    std::string_view head = bytes.substr(0, 128);
    if (head.substr(0, 3) == "\xEF\xBB\xBF")
        head.remove_prefix(3);
    while (!head.empty() && is_space(head.front()))
        head.remove_prefix(1);
    if (head.substr(0, 5) != "<?xml")
        return "UTF-8";
    const std::string_view declaration =
        head.substr(5, head.find('>') == std::string_view::npos ? std::string_view::npos : head.find('>') - 5);
    // The last "encoding" that is followed by a value wins, like the greedy pattern it replaces.
    for (std::size_t at = declaration.rfind("encoding"); at != std::string_view::npos;
         at = at == 0 ? std::string_view::npos : declaration.rfind("encoding", at - 1)) {
        std::string name = encoding_value(declaration, at);
        if (name.empty())
            continue;
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::toupper(c); });
        return name;
    }
    return "UTF-8";
}

namespace {

// Rule: docs/rules/student-import.md "SIECLE XML": ISO-8859-15 and UTF-8 (with or without BOM); the close relatives
// Latin-1 and Windows-1252 that some exports declare are read too. Anything else is refused.
bool supported(const std::string& encoding) {
    static const std::array<const char*, 7> names = {"UTF-8",  "UTF8",       "ISO-8859-15", "ISO8859-15",
                                                     "LATIN9", "ISO-8859-1", "WINDOWS-1252"};
    return std::find(names.begin(), names.end(), encoding) != names.end();
}

std::size_t line_at(std::string_view bytes, std::size_t offset) {
    return static_cast<std::size_t>(
               std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n')) +
           1;
}

Error invalid_at(std::string_view bytes, std::size_t offset) {
    return Error::invalid("INVALID_CHAR_DETECTED", std::to_string(line_at(bytes, offset)));
}

// Rule: docs/rules/security.md "Text input": strict UTF-8 (RFC 3629). glibc's iconv lets through code
// points above U+10FFFF and the old 5- and 6-byte forms, so UTF-8 is checked by ICU's decoder,
// which refuses them, overlong forms and surrogates. The offset of the first bad byte, if any.
std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
    if (text.size() > static_cast<std::size_t>(INT32_MAX)) // far above any import's limit
        return std::size_t{0};
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    std::int32_t at = 0;
    while (at < length) {
        const std::int32_t start = at;
        UChar32 code_point = 0;
        U8_NEXT(bytes, at, length, code_point);
        if (code_point < 0)
            return static_cast<std::size_t>(start);
    }
    return std::nullopt;
}

} // namespace

bool is_utf8_name(const std::string& encoding) {
    return encoding == "UTF-8" || encoding == "UTF8";
}

Result<std::string> to_utf8(std::string_view bytes, const std::string& encoding) {
    if (!supported(encoding))
        return fail(Error::invalid("ENCODING_NOT_SUPPORTED", encoding));
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF")
        bytes.remove_prefix(3);
    if (is_utf8_name(encoding)) {
        if (auto bad = first_invalid_utf8(bytes))
            return fail(invalid_at(bytes, *bad));
        return std::string(bytes);
    }
    iconv_t converter = iconv_open("UTF-8", encoding.c_str());
    if (converter == reinterpret_cast<iconv_t>(-1))
        return fail(Error::invalid("ENCODING_NOT_SUPPORTED", encoding));
    // Most of a French file is ASCII, one byte in any of these encodings: start at the input's size
    // plus a little, and grow only as needed (memory stays bounded by the file, docs/adr/0007).
    std::string output;
    output.resize(bytes.size() + bytes.size() / 16 + 64);
    char* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    char* out = output.data();
    std::size_t out_left = output.size();
    bool invalid = false;
    while (in_left > 0) {
        if (iconv(converter, &in, &in_left, &out, &out_left) != static_cast<std::size_t>(-1))
            continue;
        if (errno == E2BIG) {
            const std::size_t used = output.size() - out_left;
            output.resize(output.size() + std::max(in_left * 2, output.size() / 8) + 64);
            out = output.data() + used;
            out_left = output.size() - used;
            continue;
        }
        invalid = true; // EILSEQ or EINVAL: not text in this encoding
        break;
    }
    iconv_close(converter);
    if (invalid)
        return fail(invalid_at(bytes, static_cast<std::size_t>(in - bytes.data())));
    output.resize(output.size() - out_left);
    return output;
}

Status check_encoded(std::string_view text, const std::string& encoding) {
    if (!supported(encoding))
        return fail(Error::invalid("ENCODING_NOT_SUPPORTED", encoding));
    if (is_utf8_name(encoding)) {
        if (auto bad = first_invalid_utf8(text))
            return fail(invalid_at(text, *bad));
        return {};
    }
    iconv_t converter = iconv_open("UTF-8", encoding.c_str());
    if (converter == reinterpret_cast<iconv_t>(-1))
        return fail(Error::invalid("ENCODING_NOT_SUPPORTED", encoding));
    std::array<char, 65536> scratch{};
    char* in = const_cast<char*>(text.data());
    std::size_t in_left = text.size();
    bool invalid = false;
    while (in_left > 0) {
        char* out = scratch.data();
        std::size_t out_left = scratch.size();
        if (iconv(converter, &in, &in_left, &out, &out_left) == static_cast<std::size_t>(-1) && errno != E2BIG) {
            invalid = true;
            break;
        }
    }
    iconv_close(converter);
    if (invalid)
        return fail(invalid_at(text, static_cast<std::size_t>(in - text.data())));
    return {};
}

Status check_utf8(std::string_view text) {
    return check_encoded(text, "UTF-8");
}

ImportIssue decoding_issue(const Error& error, const std::string& encoding) {
    if (error.reason != "INVALID_CHAR_DETECTED")
        return make_issue(error.reason, "", 0, "", encoding);
    return make_issue("INVALID_CHAR_DETECTED", "", std::stoul(error.detail));
}

} // namespace numeria::organizations
