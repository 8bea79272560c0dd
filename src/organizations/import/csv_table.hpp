// csv_table.hpp: a CSV file as a header and rows, read with Debian's libcsv (quoted fields,
// separators inside quotes, doubled quotes). A UTF-8 byte-order mark is ignored.
#pragma once

#include "core/result.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace numeria::organizations {

struct CsvRow {
    std::size_t line = 0; // 1 is the header
    std::vector<std::string> cells;
};

class CsvTable {
public:
    // Fails with csv.malformed (detail: the record number) or csv.empty.
    [[nodiscard]] static Result<CsvTable> parse(std::string_view text, char delimiter);

    [[nodiscard]] const std::vector<std::string>& header() const { return m_header; }
    [[nodiscard]] const std::vector<CsvRow>& rows() const { return m_rows; }
    // Index of a header column, compared exactly after trimming; -1 when absent.
    [[nodiscard]] int column(std::string_view name) const;
    // The cell of `row` in column `index`, trimmed; "" when the row is short or index is -1.
    [[nodiscard]] static std::string cell(const CsvRow& row, int index);

private:
    std::vector<std::string> m_header;
    std::vector<CsvRow> m_rows;
};

} // namespace numeria::organizations
