#include "organizations/learners/zip_extract.hpp"

#include <zip.h>

#include <memory>
#include <vector>

namespace numeria::organizations {

bool looks_like_zip(std::string_view bytes) {
    return bytes.size() >= 4 && bytes.substr(0, 2) == "PK" &&
           ((bytes[2] == '\x03' && bytes[3] == '\x04') || (bytes[2] == '\x05' && bytes[3] == '\x06'));
}

namespace {

struct ArchiveCloser {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct FileCloser {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};

bool ends_with_xml(std::string_view name) {
    if (name.size() < 4)
        return false;
    const std::string_view end = name.substr(name.size() - 4);
    return end[0] == '.' && (end[1] == 'x' || end[1] == 'X') && (end[2] == 'm' || end[2] == 'M') &&
           (end[3] == 'l' || end[3] == 'L');
}

} // namespace

ZipEntryKind classify_entry_name(std::string_view name) {
    if (name.size() > ZIP_MAX_NAME)
        return ZipEntryKind::TooLong;
    const bool folder = !name.empty() && name.back() == '/';
    if (folder)
        name.remove_suffix(1);
    // Rule: docs/rules/student-import.md "ZIP archives" (the national platform's pattern
    // ^([^.][^/]*/)*[^./][^/]*\.xml$, case-insensitive), read part by part: any part starting with '.' is hidden; an
    // empty part is not a plain file.
    bool empty_part = false;
    std::string_view last;
    for (std::size_t start = 0; start <= name.size();) {
        std::size_t slash = name.find('/', start);
        if (slash == std::string_view::npos)
            slash = name.size();
        const std::string_view part = name.substr(start, slash - start);
        if (part.size() > ZIP_MAX_NAME_PART)
            return ZipEntryKind::TooLong;
        if (part.empty())
            empty_part = true;
        else if (part.front() == '.')
            return ZipEntryKind::Hidden;
        last = part;
        start = slash + 1;
    }
    if (folder)
        return ZipEntryKind::Folder;
    if (empty_part || last.size() <= 4 || !ends_with_xml(last))
        return ZipEntryKind::Other;
    return ZipEntryKind::Xml;
}

std::variant<std::string, ImportIssue> extract_single_xml(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source)
        return make_issue("INVALID_FILE", "", 0, "", "", "ZIP_UNREADABLE");
    std::unique_ptr<zip_t, ArchiveCloser> archive(zip_open_from_source(source, ZIP_RDONLY, &error));
    if (!archive) {
        zip_source_free(source);
        zip_error_fini(&error);
        return make_issue("INVALID_FILE", "", 0, "", "", "ZIP_UNREADABLE");
    }
    zip_error_fini(&error);

    // Rule: docs/rules/student-import.md "ZIP archives": exactly one XML entry (classify_entry_name),
    // no hidden files or folders; any hidden entry refuses the archive.
    const zip_int64_t entries = zip_get_num_entries(archive.get(), 0);
    std::vector<zip_uint64_t> xml_indexes;
    std::string extra; // the first hidden or non-XML entry, which refuses an archive that has an XML file
    std::string extra_reason;
    std::uint64_t total_uncompressed = 0;
    for (zip_int64_t i = 0; i < entries; ++i) {
        zip_stat_t stat;
        if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(i), 0, &stat) != 0 || !stat.name)
            return make_issue("INVALID_FILE", "", 0, "", "", "ZIP_UNREADABLE");
        const std::string_view name = stat.name;
        const ZipEntryKind kind = classify_entry_name(name);
        if (kind == ZipEntryKind::TooLong)
            return make_issue("ZIP_NAME_TOO_LONG", "", 0, "", std::to_string(name.size()));
        if (kind == ZipEntryKind::Folder)
            continue;
        if (kind != ZipEntryKind::Xml) {
            if (extra.empty()) {
                extra = name;
                extra_reason = kind == ZipEntryKind::Hidden ? "HIDDEN_ENTRY" : "EXTRA_ENTRY";
            }
            continue;
        }
        xml_indexes.push_back(static_cast<zip_uint64_t>(i));
        total_uncompressed += stat.size;
    }
    if (xml_indexes.empty())
        return make_issue("ZIP_NO_XML");
    if (!extra.empty())
        return make_issue("ZIP_SEVERAL_FILES", "", 0, "", extra, extra_reason);
    if (xml_indexes.size() > 1)
        return make_issue("ZIP_SEVERAL_FILES", "", 0, "", std::to_string(xml_indexes.size()), "SEVERAL_XML");
    if (total_uncompressed > ZIP_MAX_UNCOMPRESSED || total_uncompressed > ZIP_MAX_RATIO * bytes.size())
        return make_issue("ZIP_TOO_LARGE", "", 0, "", std::to_string(total_uncompressed / 1024 / 1024));

    // Reads at most the declared size (plus one byte to catch a lying header).
    std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(archive.get(), xml_indexes.front(), 0));
    if (!file)
        return make_issue("INVALID_FILE", "", 0, "", "", "ZIP_UNREADABLE");
    std::string content(total_uncompressed + 1, '\0');
    std::uint64_t read_total = 0;
    while (read_total < content.size()) {
        const zip_int64_t read = zip_fread(file.get(), content.data() + read_total, content.size() - read_total);
        if (read < 0)
            return make_issue("INVALID_FILE", "", 0, "", "", "ZIP_DAMAGED");
        if (read == 0)
            break;
        read_total += static_cast<std::uint64_t>(read);
    }
    if (read_total > total_uncompressed)
        return make_issue("ZIP_TOO_LARGE", "", 0, "", "", "DECLARED_SIZE_WRONG");
    content.resize(read_total);
    return content;
}

} // namespace numeria::organizations
