#include "organizations/import/csv_table.hpp"

#include <csv.h>

namespace numeria::organizations {

namespace {

struct Collector {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> current;
};

void on_field(void* data, std::size_t size, void* user) {
    static_cast<Collector*>(user)->current.emplace_back(static_cast<const char*>(data), size);
}

void on_record(int /*terminator*/, void* user) {
    auto* collector = static_cast<Collector*>(user);
    collector->records.push_back(std::move(collector->current));
    collector->current.clear();
}

std::string trim(std::string text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

} // namespace

Result<CsvTable> CsvTable::parse(std::string_view text, char delimiter) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    csv_parser parser{};
    if (csv_init(&parser, CSV_APPEND_NULL) != 0)
        return fail(Error{ErrorCode::Unavailable, "csv.init", {}});
    csv_set_delim(&parser, static_cast<unsigned char>(delimiter));
    Collector collector;
    const std::size_t parsed = csv_parse(&parser, text.data(), text.size(), on_field, on_record, &collector);
    const bool broken = parsed != text.size() || csv_fini(&parser, on_field, on_record, &collector) != 0;
    csv_free(&parser);
    if (broken)
        return fail(Error::invalid("csv.malformed", std::to_string(collector.records.size() + 1)));
    if (collector.records.empty())
        return fail(Error::invalid("csv.empty"));

    CsvTable table;
    for (std::string& name : collector.records.front())
        table.m_header.push_back(trim(std::move(name)));
    for (std::size_t i = 1; i < collector.records.size(); ++i) {
        std::vector<std::string>& cells = collector.records[i];
        if (cells.size() == 1 && trim(cells.front()).empty())
            continue; // a blank line
        table.m_rows.push_back(CsvRow{i + 1, std::move(cells)});
    }
    return table;
}

int CsvTable::column(std::string_view name) const {
    for (std::size_t i = 0; i < m_header.size(); ++i) {
        if (m_header[i] == name)
            return static_cast<int>(i);
    }
    return -1;
}

std::string CsvTable::cell(const CsvRow& row, int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= row.cells.size())
        return {};
    return trim(row.cells[static_cast<std::size_t>(index)]);
}

} // namespace numeria::organizations
