// challenge_reader.hpp: one challenge of a competence file, checked against its type's rules
// (docs/content-format.md "Challenge fields" and "Solutions per type").
#pragma once

#include "content/loading/content_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <string>
#include <vector>

namespace numeria::content {

// Reads the challenge at `node` of `file`; every problem is appended to `errors`. An empty id in
// the result means the challenge could not be kept.
[[nodiscard]] Challenge read_challenge(const std::string& file, const YAML::Node& node,
                                       const std::filesystem::path& root, std::vector<LoadError>& errors);

} // namespace numeria::content
