#include "organizations/learners/zip_extract.hpp"

#include <zip.h>

#include <memory>
#include <regex>
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

bool is_hidden(const std::string& name) {
    std::size_t start = 0;
    while (start < name.size()) {
        if (name[start] == '.')
            return true;
        const std::size_t slash = name.find('/', start);
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    return false;
}

} // namespace

std::variant<std::string, ImportIssue> extract_single_xml(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source)
        return make_issue("INVALID_FILE", "", 0, "", "archive ZIP illisible");
    std::unique_ptr<zip_t, ArchiveCloser> archive(zip_open_from_source(source, ZIP_RDONLY, &error));
    if (!archive) {
        zip_source_free(source);
        zip_error_fini(&error);
        return make_issue("INVALID_FILE", "", 0, "", "archive ZIP illisible");
    }
    zip_error_fini(&error);

    // Rule: pix-reference.md §3.1 "Zip": exactly one entry matching this pattern (no hidden files or
    // folders); issue 5 item 1: any hidden entry refuses the archive.
    static const std::regex xml_entry(R"(^([^.][^/]*/)*[^./][^/]*\.xml$)", std::regex::icase);
    const zip_int64_t entries = zip_get_num_entries(archive.get(), 0);
    std::vector<zip_uint64_t> xml_indexes;
    std::string extra; // the first hidden or non-XML entry, which refuses an archive that has an XML file
    std::uint64_t total_uncompressed = 0;
    for (zip_int64_t i = 0; i < entries; ++i) {
        zip_stat_t stat;
        if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(i), 0, &stat) != 0 || !stat.name)
            return make_issue("INVALID_FILE", "", 0, "", "archive ZIP illisible");
        const std::string name = stat.name;
        if (is_hidden(name)) {
            if (extra.empty())
                extra = "fichier ou dossier caché « " + name + " »";
            continue;
        }
        if (!name.empty() && name.back() == '/')
            continue; // a folder entry
        if (!std::regex_match(name, xml_entry)) {
            if (extra.empty())
                extra = "fichier « " + name + " » en trop";
            continue;
        }
        xml_indexes.push_back(static_cast<zip_uint64_t>(i));
        total_uncompressed += stat.size;
    }
    if (xml_indexes.empty())
        return make_issue("ZIP_NO_XML");
    if (!extra.empty())
        return make_issue("ZIP_SEVERAL_FILES", "", 0, "", extra);
    if (xml_indexes.size() > 1)
        return make_issue("ZIP_SEVERAL_FILES", "", 0, "", std::to_string(xml_indexes.size()) + " fichiers XML");
    if (total_uncompressed > ZIP_MAX_UNCOMPRESSED || total_uncompressed > ZIP_MAX_RATIO * bytes.size())
        return make_issue("ZIP_TOO_LARGE", "", 0, "", std::to_string(total_uncompressed / (1024 * 1024)) + " Mo");

    // Reads at most the declared size (plus one byte to catch a lying header).
    std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(archive.get(), xml_indexes.front(), 0));
    if (!file)
        return make_issue("INVALID_FILE", "", 0, "", "archive ZIP illisible");
    std::string content(total_uncompressed + 1, '\0');
    std::uint64_t read_total = 0;
    while (read_total < content.size()) {
        const zip_int64_t read = zip_fread(file.get(), content.data() + read_total, content.size() - read_total);
        if (read < 0)
            return make_issue("INVALID_FILE", "", 0, "", "archive ZIP endommagée");
        if (read == 0)
            break;
        read_total += static_cast<std::uint64_t>(read);
    }
    if (read_total > total_uncompressed)
        return make_issue("ZIP_TOO_LARGE", "", 0, "", "taille annoncée fausse");
    content.resize(read_total);
    return content;
}

} // namespace numeria::organizations
