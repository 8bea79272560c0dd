// csv_fuzz.cpp: libFuzzer target for the CSV readers: the Fregata and SUP formats
// (parse_fregata_csv, parse_sup_csv) and the table under them (CsvTable, also used for the national
// directory of establishments, with ';' and ',').
#include "fuzz_support.hpp"
#include "import_checks.hpp"
#include "organizations/import/csv_table.hpp"
#include "organizations/learners/csv_learners.hpp"

using namespace numeria;

namespace {

void read_table(std::string_view text, char delimiter) {
    const Result<organizations::CsvTable> table = organizations::CsvTable::parse(text, delimiter);
    if (!table)
        return;
    std::size_t previous_line = 1;
    for (const organizations::CsvRow& row : table->rows()) {
        NUMERIA_ASSERT(row.line > previous_line, "rows come in file order after the header");
        previous_line = row.line;
        for (int column = -1; column <= static_cast<int>(table->header().size()); ++column)
            (void)organizations::CsvTable::cell(row, column);
    }
    (void)table->column("Identifiant unique");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = fuzz::as_text(data, size);
    fuzz::check_parsed_file(organizations::parse_fregata_csv(bytes));
    fuzz::check_parsed_file(organizations::parse_sup_csv(bytes));
    read_table(bytes, ';');
    read_table(bytes, ',');
    return 0;
}
