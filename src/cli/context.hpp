#pragma once

// One run of backcare: what it was invoked with, built once in run() and
// passed to every command. The clock is read once (so a command that runs
// across midnight still has one "today"), the environment and the terminals
// are looked at once, and the options' choices are recorded here rather
// than in process-wide statics.

#include "backcare/core/catalog.hpp"
#include "backcare/core/date.hpp"
#include "backcare/store/config.hpp"
#include "backcare/store/pain_log.hpp"

#include <ctime>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace CLI {
class Option;
}

namespace backcare::cli {

// The environment variables backcare reads, as they were at start-up.
class Environment {
public:
  static Environment snapshot();
  // The value, or nullopt when unset; an empty value is "".
  std::optional<std::string> get(const std::string& name) const;
  // The value when set and not empty, else nullptr.
  const char* value(const std::string& name) const;

private:
  std::map<std::string, std::string> m_values;
};

// Values that may depend on the catalog (symptom ids, exercise ids).
using ChoiceSource = std::function<std::vector<std::string>(const Catalog&)>;

// What is recorded about options where they are declared, so that
// validation, help and completion read one list and never drift apart.
class OptionNotes {
public:
  // Records the choices of `option` and returns it, for chaining.
  CLI::Option* choices(CLI::Option* option, ChoiceSource source);
  CLI::Option* choices(CLI::Option* option, std::vector<std::string> values);
  // The recorded choices, or nullptr when the option takes free text.
  const ChoiceSource* choices_of(const CLI::Option* option) const;

  // Marks an option for which "" means something (log edit --note ""
  // clears the note). Returns it, for chaining.
  CLI::Option* allow_empty(CLI::Option* option);
  bool empty_allowed(const CLI::Option* option) const { return m_allow_empty.count(option) > 0; }

private:
  std::map<const CLI::Option*, ChoiceSource> m_choices;
  std::set<const CLI::Option*> m_allow_empty;
};

struct GlobalOptions {
  std::string data_dir;
  std::string profile = "default";
  std::string catalog;
  std::string as_of;
  std::string color = "auto";
  std::string config_path; // --config, read before the rest of the command line
  Config config;           // defaults from the config file
};

enum class LogAccess {
  read, // a missing log reads as an empty one (nothing is created)
  write // a missing log is created
};

// The latest --as-of: a plan's schedule (13 weeks at most, from the next
// Monday) then still ends in 9999.
inline const Date k_latest_as_of = Date{std::chrono::year{9999} / std::chrono::September / 1};

class Context {
public:
  // Reads the clock, the environment and the terminals, once.
  static Context capture();

  GlobalOptions global;
  OptionNotes options;
  Environment env;
  std::time_t invoked_at = 0; // the single clock read of this run
  bool stdin_is_terminal = false;
  bool stdout_is_terminal = false;
  bool stderr_is_terminal = false;
  int stdout_width = 80; // COLUMNS, else the terminal's width, else 80

  // "Today": --as-of when given, else the local date of invoked_at.
  Date today() const;
  // The time an entry is logged at when --at is not given: the local time
  // of invoked_at, or midday of the --as-of day so that scripted runs are
  // reproducible. YYYY-MM-DDTHH:MM, on the same day as today().
  std::string now_at() const;
  // The instant of this run in seconds since 1970 (UTC): invoked_at, or
  // midday (UTC) of the --as-of day, so that scripted runs are
  // reproducible. An iCalendar DTSTAMP and SEQUENCE come from it.
  std::int64_t stamp() const;
  // The latest time a record may be saved at: now_at() to the minute, or
  // the last minute of the --as-of day (a scripted run may log any time of
  // the day it pretends is today).
  std::string latest_at() const;
  // Whether to colour output. Never for an --output file (`to_stdout`
  // false), whatever --color says; on stdout, as --color, NO_COLOR and the
  // terminal say.
  bool use_color(bool to_stdout) const;
  // The width text is wrapped to: stdout's (see stdout_width), or 80 for
  // an --output file (`to_stdout` false).
  int text_width(bool to_stdout) const;
  // Whether the locale (LC_ALL, LC_CTYPE or LANG) is UTF-8.
  bool utf8_locale() const;
  // --data-dir, else $XDG_DATA_HOME/backcare, else ~/.local/share/backcare.
  std::string data_dir() const;
};

// The log of --profile; never null. Reading a profile that has no log yet
// gives an empty log in memory, so every command reads a missing log as an
// empty one without a special case; writing creates it.
std::unique_ptr<PainLog> open_log(const Context& context, LogAccess access);

// The catalog named by --catalog, or the built-in one.
Catalog load_catalog(const Context& context);

} // namespace backcare::cli
