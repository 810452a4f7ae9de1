#include "backcare/store/backup.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace backcare {
namespace {

namespace fs = std::filesystem;

// The backups of `profile` in `folder`, oldest first (their names sort by date).
std::vector<fs::path> backups_of(const fs::path& folder, const std::string& profile)
{
  const std::string prefix = fmt::format("backcare-{}-", profile);
  std::vector<fs::path> found;
  std::error_code ec;
  for (const fs::directory_entry& item : fs::directory_iterator(folder, ec)) {
    const std::string name = item.path().filename().string();
    // The date right after the prefix keeps "anna-2" from matching "anna".
    const bool dated = name.size() > prefix.size() + 4 && std::isdigit(static_cast<unsigned char>(name[prefix.size()]));
    if (name.starts_with(prefix) && dated && name.ends_with(".db") && item.is_regular_file(ec)) {
      found.push_back(item.path());
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

} // namespace

std::string default_backup_folder(const std::string& data_dir)
{
  return (fs::path(data_dir) / "backups").string();
}

std::string backup_name(const std::string& profile, const std::string& stamp)
{
  std::string when = stamp;
  std::erase(when, ':');
  return fmt::format("backcare-{}-{}.db", profile, when);
}

BackupResult back_up(const PainLog& log, const std::string& folder, const std::string& profile,
                     const std::string& stamp, int keep)
{
  make_private_folders(folder);
  const fs::path base = fs::path(folder) / backup_name(profile, stamp);
  fs::path path = base;
  std::error_code ec;
  for (int n = 2; fs::exists(fs::symlink_status(path, ec)); ++n) {
    path = base;
    path.replace_extension(); // backcare-PROFILE-DATE
    path += fmt::format("-{}.db", n);
  }
  BackupResult result;
  result.path = path.string();
  result.contents = log.copy_to(result.path);
  std::vector<fs::path> all = backups_of(folder, profile);
  const auto excess = static_cast<std::ptrdiff_t>(all.size()) - std::max(keep, 1);
  for (std::ptrdiff_t i = 0; i < excess; ++i) {
    if (all[static_cast<std::size_t>(i)] != path && fs::remove(all[static_cast<std::size_t>(i)], ec)) {
      result.removed.push_back(all[static_cast<std::size_t>(i)].string());
    }
  }
  return result;
}

} // namespace backcare
