#pragma once

// What every subcommand shares: the global options and the small helpers
// that turn option text into checked values with the contract's messages.

#include "backcare/core/catalog.hpp"
#include "backcare/core/date.hpp"
#include "backcare/store/config.hpp"
#include "backcare/store/pain_log.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
class Option;
} // namespace CLI

namespace backcare::cli {

inline const std::vector<std::string> k_colors{"auto", "always", "never"};
inline const std::vector<std::string> k_deliveries{"vaginal", "cesarean", "caesarean"};

struct GlobalOptions {
  std::string data_dir;
  std::string profile = "default";
  std::string catalog;
  std::string as_of;
  std::string color = "auto";
  std::string config_path; // --config, read before the rest of the command line
  Config config;           // defaults from the config file
};

// "Today": --as-of when given, else the local calendar date.
Date today(const GlobalOptions& global);

// Whether to colour output. Never for an --output file (`to_stdout`
// false), whatever --color says; on stdout, as --color, NO_COLOR and the
// terminal say.
bool use_color(const GlobalOptions& global, bool to_stdout);

// Whether the locale (LC_ALL, LC_CTYPE or LANG) is UTF-8.
bool utf8_locale();

// The log of --profile under --data-dir. With `create`, makes it when
// missing; without, returns nullptr when there is none yet.
std::unique_ptr<PainLog> open_log(const GlobalOptions& global, bool create);

// The catalog named by --catalog, or the built-in one. Parsed once per run.
Catalog load_catalog(const GlobalOptions& global);

// Parses a whole number for `option` in [min, max], or throws a usage error
// such as "--severity must be 0-10, got 11".
int parse_number(const std::string& option, const std::string& text, int min, int max);

// Parses YYYY-MM-DD for `option`, or throws a usage error.
Date parse_date_option(const std::string& option, const std::string& text);

// --since and --until (either may be empty), checked in order.
EntryFilter parse_date_range(const std::string& since, const std::string& until);

// Throws a usage error naming `option` unless `text` is valid UTF-8.
void check_text(const std::string& option, const std::string& text);

// An empty value is a bad value, not a missing one: makes every option of
// `app` and of its subcommands (given so far) refuse "" with a usage error
// naming the option and what it takes. Call it at the end of a setup_*
// function. Options marked allow_empty() are left alone.
void reject_empty_values(CLI::App& app);

// Marks an option for which "" means something (log edit --note "" clears
// the note). Returns it, for chaining.
CLI::Option* allow_empty(CLI::Option* option);

// Throws a usage error unless `value` is one of `allowed`.
void check_choice(const std::string& option, const std::string& value, const std::vector<std::string>& allowed);

} // namespace backcare::cli
