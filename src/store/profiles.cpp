#include "backcare/store/profiles.hpp"

#include "backcare/store/pain_log.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace backcare {

std::vector<std::string> profile_names(const std::string& data_dir)
{
  namespace fs = std::filesystem;
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(data_dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& file = it->path();
    const std::string name = file.stem().string();
    // A name the store would give that file, and nothing else (a backup, a
    // -wal or -shm file, a stray .db).
    if (is_profile_name(name) && fs::path(database_path(data_dir, name)) == file && it->is_regular_file(ec)) {
      names.push_back(name);
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

} // namespace backcare
