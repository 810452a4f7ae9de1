#pragma once

// The config file: defaults for the global options and for `plan`, in TOML.
// Command-line values (and environment variables) always win over it.
//
//   data-dir = "/path"        profile = "anna"      catalog = "/path"
//   color = "auto"            backup-keep = 10
//   [plan]
//   delivery = "cesarean"     posture = ["high-hinge"]   equipment = ["band"]
//   format = "text"           weeks-ahead = 2            time = "07:30"
//   remind = 15               explain = false

#include <optional>
#include <string>
#include <vector>

namespace backcare {

struct Config {
  std::optional<std::string> data_dir;
  std::optional<std::string> profile;
  std::optional<std::string> catalog;
  std::optional<std::string> color;
  std::optional<int> backup_keep; // how many backups of a profile to keep

  struct Plan {
    std::optional<std::string> delivery;
    std::vector<std::string> postures;
    std::vector<std::string> equipment;
    std::optional<std::string> format;
    std::optional<int> weeks_ahead;
    std::optional<std::string> time;
    std::optional<int> remind;
    std::optional<bool> explain;
  } plan;
};

// The default path: $XDG_CONFIG_HOME/backcare/config.toml, else
// ~/.config/backcare/config.toml.
std::string default_config_path(const char* xdg_config_home, const char* home);

// Reads a config file. A missing file at the default path is no config (an
// empty Config); a missing file named with --config (`required`) is
// ExitCode::no_input. A bad file is ExitCode::config with "file:line: ...".
Config load_config(const std::string& path, bool required);

// Parses the text of a config file reported as `path` (ExitCode::config on
// any problem).
Config parse_config(const std::string& text, const std::string& path);

} // namespace backcare
