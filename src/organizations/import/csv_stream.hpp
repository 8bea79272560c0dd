// csv_stream.hpp: reads a CSV text record by record with Debian's libcsv (its callback API), so
// the caller holds one record at a time, never the whole table (docs/rules/student-import.md
// "Bounded errors"). Quoted fields, separators inside quotes and doubled quotes are libcsv's.
#pragma once

#include "core/result.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace numeria::organizations {

// Calls `on_record(number, cells)` for every record as libcsv ends it (number 1 is the first
// record, the header); a UTF-8 byte-order mark is skipped. Fails with csv.malformed (detail: the
// number of the record where reading stopped). An empty text gives no record.
[[nodiscard]] Status read_csv_records(std::string_view text, char delimiter,
                                      const std::function<void(std::size_t, std::vector<std::string>&)>& on_record);

} // namespace numeria::organizations
