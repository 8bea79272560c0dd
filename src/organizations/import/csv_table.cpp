#include "organizations/import/csv_table.hpp"

#include "organizations/import/csv_stream.hpp"

namespace numeria::organizations {

namespace {

std::string trim(std::string text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

} // namespace

Result<CsvTable> CsvTable::parse(std::string_view text, char delimiter) {
    CsvTable table;
    std::size_t records = 0;
    Status read = read_csv_records(text, delimiter, [&](std::size_t number, std::vector<std::string>& cells) {
        records = number;
        if (number == 1) {
            for (std::string& name : cells)
                table.m_header.push_back(trim(std::move(name)));
        } else if (cells.size() != 1 || !trim(cells.front()).empty()) { // not a blank line
            table.m_rows.push_back(CsvRow{number, std::move(cells)});
        }
    });
    if (!read)
        return fail(read.error());
    if (records == 0)
        return fail(Error::invalid("csv.empty"));
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
