#include "backcare/core/error.hpp"
#include "backcare/store/backup.hpp"
#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <unistd.h>

namespace backcare::cli {
namespace {

struct RestoreOptions {
  std::string file;
};

int run_restore(const RestoreOptions& o, const Context& context)
{
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_regular_file(o.file, ec)) {
    throw Error(ExitCode::no_input,
                fmt::format("cannot read {}: not a file (give a backup made by backcare backup)", o.file));
  }
  const std::string& profile = context.global.profile;
  const std::string data_dir = context.data_dir();
  const std::string path = database_path(data_dir, profile);
  make_private_folders(data_dir);
  const std::string temp = (fs::path(data_dir) / fmt::format(".{}.db.restoring-{}", profile, ::getpid())).string();
  try {
    const LogContents incoming = PainLog::copy_for_restore(o.file, temp);
    LogContents replaced;
    std::string kept;
    if (const auto log = PainLog::open(path, false)) {
      replaced = log->contents();
      kept = back_up(*log, default_backup_folder(data_dir), profile, context.now_at(), backups_to_keep(context)).path;
    }
    PainLog::replace(path, temp);
    tell_saved(fmt::format("restored {}", o.file), [&] {
      std::string text = fmt::format("Restored profile '{}' from {}.\n  it had: {}\n  it has: {}\n", profile, o.file,
                                     describe_contents(replaced), describe_contents(incoming));
      return text
             + (kept.empty() ? std::string()
                             : fmt::format("The log it replaced is kept as {} (backcare restore {} brings it "
                                           "back).\n",
                                           kept, kept));
    });
  } catch (...) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      fs::remove(temp + suffix, ec);
    }
    throw;
  }
  return 0;
}

} // namespace

void setup_restore(CLI::App& app, Context& context, Action& action)
{
  auto o = std::make_shared<RestoreOptions>();
  CLI::App* restore = app.add_subcommand("restore", "Replace the log with a backup (the current log is kept)");
  restore->footer("Says what the log held and what it holds now. The current log is first backed up to\n"
                  "DATA_DIR/backups, so a restore can itself be undone with another restore.\n\n"
                  "Example:\n  backcare restore ~/.local/share/backcare/backups/backcare-default-2026-12-07T0930.db");
  restore->add_option("file", o->file, "A backup made by backcare backup")->required()->type_name("FILE");
  on_parsed(*restore, action, [o, &context] { return run_restore(*o, context); });
  reject_empty_values(*restore, context.options);
}

} // namespace backcare::cli
