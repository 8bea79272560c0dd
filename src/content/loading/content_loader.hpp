// content_loader.hpp: reads content/ (docs/content-format.md) into a Content, reporting every
// problem as "file:line: reason" so an author can fix them all in one pass.
#pragma once

#include "content/model/content_model.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace numeria::content {

struct LoadError {
    std::string file; // relative to the content folder
    int line = 0;     // 1-based; 0 when the whole file is concerned
    std::string reason;
};

struct LoadResult {
    Content content;
    std::vector<LoadError> errors; // empty: the content is valid
};

[[nodiscard]] LoadResult load_content(const std::filesystem::path& directory);

} // namespace numeria::content
