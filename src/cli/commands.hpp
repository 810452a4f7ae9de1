#pragma once

// One setup_* function per subcommand: it declares the subcommand's options
// and, once the command line has been parsed, sets `action` to the work the
// subcommand does. run() runs the action after parsing has finished, so
// that global options given after the subcommand are already known.

#include "backcare/core/screening.hpp"
#include "common.hpp"
#include "context.hpp"

#include <functional>

namespace CLI {
class App;
}

namespace backcare::cli {

// Runs a parsed subcommand and returns its exit status.
using Action = std::function<int()>;

// Makes `run` the action once `sub` has been parsed.
void on_parsed(CLI::App& sub, Action& action, Action run);

// Each records its options' choices in `context` while setting up, and
// reads the rest of `context` when its action runs.
void setup_plan(CLI::App& app, Context& context, Action& action);
void setup_catalog(CLI::App& app, Context& context, Action& action);
void setup_log(CLI::App& app, Context& context, Action& action);
void setup_profile(CLI::App& app, Context& context, Action& action);
void setup_trend(CLI::App& app, Context& context, Action& action);
void setup_screen(CLI::App& app, Context& context, Action& action);
void setup_session(CLI::App& app, Context& context, Action& action);
void setup_measure(CLI::App& app, Context& context, Action& action);
void setup_report(CLI::App& app, Context& context, Action& action);
void setup_backup(CLI::App& app, Context& context, Action& action);
void setup_restore(CLI::App& app, Context& context, Action& action);
// Asks each warning-sign question on the terminal; stops at the first
// urgent or emergency yes. For a sign `in_force` it also asks whether a
// clinician has checked it since. When stdin is not a terminal, a usage
// error says that `asked_by` needs one and what to give `instead`.
Screening ask_screening(const Catalog& catalog, const Context& context, const std::string& asked_by,
                        const std::string& instead, const std::vector<std::string>& in_force);
// The warning signs in force on `day` in `log`.
std::vector<std::string> signs_in_force(const PainLog& log, const Catalog& catalog, Date day);

// Walks the whole tree of `app`: call it after every other setup_*.
void setup_completions(CLI::App& app, Context& context, Action& action);

} // namespace backcare::cli
