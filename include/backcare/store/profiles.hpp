#pragma once

// The profiles of a data folder, as the files that hold them.

#include <string>
#include <vector>

namespace backcare {

// The names of the profiles that have a log in `data_dir` (each
// DATA_DIR/PROFILE.db, see database_path), sorted; none when the folder
// does not exist or cannot be read.
std::vector<std::string> profile_names(const std::string& data_dir);

} // namespace backcare
