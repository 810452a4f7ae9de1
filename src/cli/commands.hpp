#pragma once

// One setup_* function per subcommand: it declares the subcommand's options
// and, once the command line has been parsed, sets `action` to the work the
// subcommand does. main runs the action after parsing has finished, so that
// global options given after the subcommand are already known.

#include "common.hpp"

#include <functional>

namespace CLI {
class App;
}

namespace backcare::cli {

// Runs a parsed subcommand and returns its exit status.
using Action = std::function<int()>;

// Makes `run` the action once `sub` has been parsed.
void on_parsed(CLI::App& sub, Action& action, Action run);

void setup_plan(CLI::App& app, const GlobalOptions& global, Action& action);
void setup_catalog(CLI::App& app, const GlobalOptions& global, Action& action);
void setup_log(CLI::App& app, const GlobalOptions& global, Action& action);
void setup_profile(CLI::App& app, const GlobalOptions& global, Action& action);
void setup_trend(CLI::App& app, const GlobalOptions& global, Action& action);
// Walks the whole tree of `app`: call it after every other setup_*.
void setup_completions(CLI::App& app, const GlobalOptions& global, Action& action);

} // namespace backcare::cli
