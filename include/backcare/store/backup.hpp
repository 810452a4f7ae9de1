#pragma once

// Backups of a profile's log (backcare backup and restore): consistent
// copies named by date, of which the newest few are kept.

#include "backcare/store/pain_log.hpp"

#include <string>
#include <vector>

namespace backcare {

// Where backups go unless told: DATA_DIR/backups.
std::string default_backup_folder(const std::string& data_dir);

// The file name of a backup of `profile` made at `stamp`
// (YYYY-MM-DDTHH:MM): backcare-PROFILE-YYYY-MM-DDTHHMM.db.
std::string backup_name(const std::string& profile, const std::string& stamp);

struct BackupResult {
  std::string path;
  LogContents contents;
  std::vector<std::string> removed; // older backups removed to keep `keep`
};

// Writes a checked copy of `log` into `folder` (made 0700 when missing),
// named by backup_name (a second one in the same minute gets "-2", ...),
// then removes the oldest backups of `profile` there beyond the newest
// `keep`. Never touches another profile's backups or other files.
BackupResult back_up(const PainLog& log, const std::string& folder, const std::string& profile,
                     const std::string& stamp, int keep);

} // namespace backcare
