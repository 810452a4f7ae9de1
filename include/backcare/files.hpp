#pragma once

// File output that never leaves a half-written file behind.

#include <string>

namespace backcare {

// Writes `content` to `path` through a temporary file in the same folder,
// then renames it into place. On failure nothing is left behind and an
// Error(ExitCode::cant_create) names the path.
void write_file_atomically(const std::string& path, const std::string& content);

} // namespace backcare
