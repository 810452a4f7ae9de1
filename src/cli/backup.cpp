#include "backcare/store/backup.hpp"
#include "backcare/core/error.hpp"
#include "backcare/store/files.hpp"
#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>

namespace backcare::cli {
namespace {

struct BackupOptions {
  std::string folder;
};

int run_backup(const BackupOptions& o, const Context& context)
{
  const std::string& profile = context.global.profile;
  const std::string path = database_path(context.data_dir(), profile);
  const auto log = PainLog::open(path, false);
  if (!log) {
    throw Error(ExitCode::no_input,
                fmt::format("profile '{}' has no log yet ({}): there is nothing to back up", profile, path));
  }
  const std::string folder = o.folder.empty() ? default_backup_folder(context.data_dir()) : o.folder;
  const BackupResult result = back_up(*log, folder, profile, context.now_at(), backups_to_keep(context));
  std::string text =
      fmt::format("Backed up profile '{}' to {}: {}.\n", profile, result.path, describe_contents(result.contents));
  for (const std::string& removed : result.removed) {
    text += fmt::format("Removed the older backup {} (keeping the newest {}).\n", removed, backups_to_keep(context));
  }
  tell_saved(fmt::format("backed up to {}", result.path), [&] { return text; });
  return 0;
}

} // namespace

void setup_backup(CLI::App& app, Context& context, Action& action)
{
  auto o = std::make_shared<BackupOptions>();
  CLI::App* backup = app.add_subcommand("backup", "Save a checked copy of the log, named by date");
  backup->footer("The copy is consistent even while another backcare writes, and is checked before it is kept.\n"
                 "The newest 10 backups of the profile are kept (config key backup-keep).\n\n"
                 "Example:\n  backcare backup\n  backcare backup /media/usb/backcare");
  backup->add_option("dir", o->folder, "Folder for the backup (default: DATA_DIR/backups)")->type_name("DIR");
  on_parsed(*backup, action, [o, &context] { return run_backup(*o, context); });
  reject_empty_values(*backup, context.options);
}

} // namespace backcare::cli
