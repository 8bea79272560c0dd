// csv_fuzz.cpp: libFuzzer target for the CSV readers: the Fregata and SUP formats (through
// validate_import_file, the entry point every import goes through: the reader, then the text rule of
// every field) and the table under them (CsvTable, also used for the national
// directory of establishments, with ';' and ',').
#include "fuzz_support.hpp"
#include "import_checks.hpp"
#include "organizations/import/csv_table.hpp"
#include "organizations/use_cases/import_learners.hpp"

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
    using organizations::ImportFormat;
    fuzz::check_parsed_file(organizations::validate_import_file(ImportFormat::Fregata, bytes, ""));
    fuzz::check_parsed_file(organizations::validate_import_file(ImportFormat::SupReplace, bytes, ""));
    read_table(bytes, ';');
    read_table(bytes, ',');
    return 0;
}
