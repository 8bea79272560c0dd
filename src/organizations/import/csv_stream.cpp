#include "organizations/import/csv_stream.hpp"

#include <csv.h>

namespace numeria::organizations {

namespace {

struct Reader {
    const std::function<void(std::size_t, std::vector<std::string>&)>& on_record;
    std::vector<std::string> cells;
    std::size_t records = 0;
};

void on_field(void* data, std::size_t size, void* user) {
    static_cast<Reader*>(user)->cells.emplace_back(static_cast<const char*>(data), size);
}

void on_record_end(int /*terminator*/, void* user) {
    auto* reader = static_cast<Reader*>(user);
    ++reader->records;
    reader->on_record(reader->records, reader->cells);
    reader->cells.clear();
}

} // namespace

Status read_csv_records(std::string_view text, char delimiter,
                        const std::function<void(std::size_t, std::vector<std::string>&)>& on_record) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    csv_parser parser{};
    if (csv_init(&parser, CSV_APPEND_NULL) != 0)
        return fail(Error{ErrorCode::Unavailable, "csv.init", {}});
    csv_set_delim(&parser, static_cast<unsigned char>(delimiter));
    Reader reader{on_record, {}, 0};
    const std::size_t parsed = csv_parse(&parser, text.data(), text.size(), on_field, on_record_end, &reader);
    const bool broken = parsed != text.size() || csv_fini(&parser, on_field, on_record_end, &reader) != 0;
    csv_free(&parser);
    if (broken)
        return fail(Error::invalid("csv.malformed", std::to_string(reader.records + 1)));
    return {};
}

} // namespace numeria::organizations
