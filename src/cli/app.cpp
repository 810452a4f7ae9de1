#include "app.hpp"

#include "backcare/core/edit_distance.hpp"
#include "backcare/core/error.hpp"
#include "backcare/core/text.hpp"
#include "backcare/render/style.hpp"
#include "backcare/store/catalog_loader.hpp"
#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <sstream>

namespace backcare::cli {
namespace {

// CLI11's help does not wrap; this formatter wraps descriptions so that
// every --help fits the width of standard output (80 unless COLUMNS or the
// terminal say otherwise).
class WrappingFormatter : public CLI::Formatter {
public:
  static constexpr int k_column = 30;

  explicit WrappingFormatter(int width)
    : m_width(std::max(width, k_column + 20))
  {
    column_width(k_column);
  }

  std::string make_option_desc(const CLI::Option* opt) const override
  {
    return wrapped(CLI::Formatter::make_option_desc(opt));
  }

  std::string make_subcommand(const CLI::App* sub) const override
  {
    std::stringstream out;
    CLI::detail::format_help(out, sub->get_name(), wrapped(sub->get_description()), k_column);
    return out.str();
  }

  std::string make_description(const CLI::App* app) const override
  {
    std::string out;
    std::istringstream lines(app->get_description());
    for (std::string line; std::getline(lines, line);) {
      out += wrap(line, m_width, "", "");
    }
    return out;
  }

private:
  std::string wrapped(const std::string& text) const
  {
    std::string out = wrap(text, m_width - k_column, "", "");
    out.pop_back();
    return out;
  }

  int m_width;
};

// Prints the one-line error. Messages quote what the person typed or what
// a file held: control characters are escaped so the line stays one line
// and cannot drive the terminal.
int report(const std::string& message, ExitCode code)
{
  std::fflush(stdout);
  fmt::print(stderr, "backcare: error: {}\n", escape_control(message));
  return static_cast<int>(code);
}

// The built-in catalog's version was read when it was compiled in, so the
// version costs no parsing.
std::string version_text()
{
  return fmt::format("backcare {} (catalog {})", BACKCARE_VERSION, compiled_catalog_version());
}

void add_global_options(CLI::App& app, Context& context)
{
  GlobalOptions& global = context.global;
  app.add_option("--data-dir", global.data_dir, "Where the pain log lives (default: $XDG_DATA_HOME/backcare)")
      ->envname("BACKCARE_DATA_DIR")
      ->type_name("DIR");
  app.add_option("--profile", global.profile, "One person's separate log and saved details (default: default)")
      ->envname("BACKCARE_PROFILE")
      ->type_name("NAME");
  app.add_option("--catalog", global.catalog, "A catalog file or folder that replaces the built-in one")
      ->envname("BACKCARE_CATALOG")
      ->type_name("PATH");
  app.add_option("--as-of", global.as_of, "Pretend today is DATE (YYYY-MM-DD)")->type_name("DATE");
  context.options.choices(
      app.add_option("--color", global.color, choice_help<ColorMode>(ColorMode::automatic))->type_name("WHEN"),
      names_of<ColorMode>());
  app.add_option("--config", global.config_path, "Defaults file (default: $XDG_CONFIG_HOME/backcare/config.toml)")
      ->type_name("FILE");
}

// Reads the config file before the command line is parsed, so that its
// values become defaults that the command line and environment override.
void read_config(int argc, char** argv, Context& context)
{
  GlobalOptions& global = context.global;
  std::optional<std::string> named;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--config" && i + 1 < argc) {
      named = argv[i + 1];
    } else if (arg.starts_with("--config=")) {
      named = arg.substr(9);
    }
  }
  if (named && named->empty()) {
    throw usage_error("--config must not be empty (a TOML file)");
  }
  const bool given = named.has_value();
  std::string path = named.value_or("");
  if (!given) {
    path = default_config_path(context.env.value("XDG_CONFIG_HOME"), context.env.value("HOME"));
  }
  global.config = load_config(path, given);
  const Config& c = global.config;
  global.data_dir = c.data_dir.value_or(global.data_dir);
  global.profile = c.profile.value_or(global.profile);
  global.catalog = c.catalog.value_or(global.catalog);
  global.color = c.color.value_or(global.color);
}

// Checks the global options that every subcommand relies on.
void check_global_options(const CLI::App& app, const Context& context)
{
  const GlobalOptions& global = context.global;
  // CLI11 skips an empty environment variable as if it were unset.
  for (const CLI::Option* option : app.get_options()) {
    const std::string name = option->get_envname();
    const auto value = name.empty() ? std::nullopt : context.env.get(name);
    if (option->count() == 0 && value && value->empty()) {
      throw usage_error(
          fmt::format("{} is set but empty; set it to a value for {} or unset it", name, option->get_name()));
    }
  }
  parse_choice<ColorMode>("--color", global.color);
  context.today(); // checks --as-of
  if (!is_profile_name(global.profile)) {
    throw usage_error(fmt::format("--profile must be 1-64 letters, digits, '.', '_' or '-', got '{}'", global.profile));
  }
}

// The options of `app` that take a value, as declared: the word after one
// is its value, not a command.
std::vector<std::string> valued_options(const CLI::App& app)
{
  std::vector<std::string> valued;
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_expected_max() != 0) {
      for (const std::string& name : option->get_lnames()) {
        valued.push_back("--" + name);
      }
    }
  }
  return valued;
}

// The first word of the command line that is neither an option nor a
// global option's value: the command asked for, if any.
std::string_view command_word(const CLI::App& app, int argc, char** argv)
{
  const std::vector<std::string> valued = valued_options(app);
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") {
      return i + 1 < argc ? std::string_view(argv[i + 1]) : std::string_view();
    }
    if (std::find(valued.begin(), valued.end(), arg) != valued.end()) {
      ++i;
    } else if (!arg.starts_with("-")) {
      return arg;
    }
  }
  return {};
}

// A repeatable option takes one value per occurrence (`--tag a --tag b`):
// CLI11 lets a vector option swallow every word up to the next option, so
// that `log add --tag a 3` would take 3 for a tag, not for the severity.
// Positional arguments (`measure psfs A=1 B=2`) still take all they get.
void one_value_per_option(CLI::App& app)
{
  for (CLI::Option* option : app.get_options()) {
    if (!option->get_positional() && option->get_expected_max() > 1) {
      option->allow_extra_args(false);
    }
  }
  for (CLI::App* sub : app.get_subcommands({})) {
    one_value_per_option(*sub);
  }
}

using Setup = void (*)(CLI::App&, Context&, Action&);

struct Command {
  std::string_view name;
  Setup setup;
};

// Every subcommand, in the order --help lists them. Completions come last:
// they walk the tree the others made.
constexpr std::array k_commands{
    Command{"plan", setup_plan},       Command{"log", setup_log},         Command{"trend", setup_trend},
    Command{"screen", setup_screen},   Command{"session", setup_session}, Command{"measure", setup_measure},
    Command{"report", setup_report},   Command{"profile", setup_profile}, Command{"backup", setup_backup},
    Command{"restore", setup_restore}, Command{"catalog", setup_catalog}, Command{"completions", setup_completions},
};

// Declares the subcommand the command line names and no other, so that a
// command pays only for its own options; --help, completions, a missing or
// misspelt command get the whole tree.
void setup_commands(CLI::App& app, Context& context, Action& action, std::string_view word)
{
  const auto named =
      std::find_if(k_commands.begin(), k_commands.end(), [&](const Command& c) { return c.name == word; });
  if (named != k_commands.end() && named->name != "completions") {
    named->setup(app, context, action);
    return;
  }
  for (const Command& command : k_commands) {
    command.setup(app, context, action);
  }
}

// CLI11 reports an unknown subcommand as a missing one; follow the words
// that are not options (or global options' values) down the subcommand
// tree and name the first one that is not a subcommand where one is due.
void check_subcommand_name(const CLI::App& app, int argc, char** argv)
{
  const std::vector<std::string> valued = valued_options(app);
  const CLI::App* level = &app;
  std::string path = "backcare";
  for (int i = 1; i < argc && !level->get_subcommands({}).empty(); ++i) {
    const std::string_view arg = argv[i];
    if (std::find(valued.begin(), valued.end(), arg) != valued.end()) {
      ++i;
      continue;
    }
    if (arg.starts_with("-")) {
      continue;
    }
    std::vector<std::string_view> names;
    const CLI::App* next = nullptr;
    for (const CLI::App* sub : level->get_subcommands({})) {
      names.push_back(sub->get_name());
      next = sub->get_name() == arg ? sub : next;
    }
    if (!next) {
      const std::string_view near = closest(arg, names);
      const std::string suggestion = near.empty() ? "" : fmt::format("; did you mean '{}'?", near);
      throw usage_error(
          fmt::format("unknown command '{}'{} ({} commands: {})", arg, suggestion, path, fmt::join(names, ", ")));
    }
    level = next;
    path += " " + next->get_name();
  }
}

// Whether CLI11 takes `word` for an option: "--name", "--name=value" or
// "-n", not a negative number nor "--".
bool looks_like_option(std::string_view word)
{
  const auto name_char = [](char c) { return c != '-' && c != '!' && c != ' ' && c != '\n'; };
  if (word.starts_with("--")) {
    return word.size() > 2 && name_char(word[2]);
  }
  return word.size() > 1 && word[0] == '-' && name_char(word[1]) && (word[1] < '0' || word[1] > '9');
}

// The long options `command` takes, without their dashes: its own and, as
// they fall through, those of the commands above it.
std::vector<std::string> long_options(const CLI::App& command)
{
  std::vector<std::string> names;
  for (const CLI::App* level = &command; level != nullptr; level = level->get_parent()) {
    for (const CLI::Option* option : level->get_options()) {
      const std::vector<std::string>& lnames = option->get_lnames();
      names.insert(names.end(), lnames.begin(), lnames.end());
    }
  }
  return names;
}

// The words CLI11 could not place, in words: the first unknown option, with
// the option it most likely misspells, else every extra argument, in the
// order given; empty when there are none. CLI11 itself says only "The
// following arguments were not expected", in reverse order, and may first
// complain of a missing argument that the unknown option took the place of.
std::string unexpected_arguments(const CLI::App& app, int argc, char** argv)
{
  const std::vector<std::string> extras = app.remaining(true);
  if (extras.empty()) {
    return {};
  }
  const CLI::App* command = &app;
  std::string path;
  while (!command->get_subcommands().empty()) {
    command = command->get_subcommands().front();
    path += (path.empty() ? "" : " ") + command->get_name();
  }
  const std::string help = path.empty() ? "backcare --help" : fmt::format("backcare {} --help", path);
  const std::string where = path.empty() ? "" : " for " + path;
  // After "--" every word is an argument, whatever it looks like.
  char** const separator = std::find(argv + 1, argv + argc, std::string_view("--"));
  const auto after_separator = [&](const std::string& word) {
    return std::find(separator, argv + argc, std::string_view(word)) != argv + argc;
  };
  const std::vector<std::string> names = long_options(*command);
  for (const std::string& word : extras) {
    if (!looks_like_option(word) || after_separator(word)) {
      continue;
    }
    const std::string_view name = std::string_view(word).substr(0, word.find('='));
    const std::string_view meant =
        name.starts_with("--") ? likely_meant(name.substr(2), {names.begin(), names.end()}) : std::string_view();
    if (!meant.empty()) {
      return fmt::format("unknown option {}{}; did you mean --{}?", name, where, meant);
    }
    return fmt::format("unknown option {}{}; {} lists them", name, where, help);
  }
  return fmt::format("unexpected argument{}{}: '{}'; {} lists what it takes", extras.size() > 1 ? "s" : "", where,
                     fmt::join(extras, "', '"), help);
}

// The command line with each "--name=" (an empty value) split into
// "--name" and "": CLI11 would take the next word as the value instead.
// Then "" is what the option got: refused as empty, or, for an option
// where it means something (log edit --note=), taken.
std::vector<std::string> split_empty_values(int argc, char** argv)
{
  std::vector<std::string> args;
  bool after_separator = false;
  args.reserve(2 * static_cast<std::size_t>(argc)); // an empty --name= becomes two words
  for (int i = 0; i < argc; ++i) {
    std::string arg = argv[i];
    after_separator = after_separator || arg == "--";
    const bool empty_value =
        !after_separator && arg.size() > 3 && arg.starts_with("--") && arg.find('=') == arg.size() - 1;
    if (empty_value) {
      arg.pop_back();
    }
    args.push_back(std::move(arg));
    if (empty_value) {
      args.emplace_back();
    }
  }
  return args;
}

} // namespace

void on_parsed(CLI::App& sub, Action& action, Action run)
{
  sub.callback([&action, run = std::move(run)] { action = run; });
}

int run(int argc, char** given_argv)
{
  std::vector<std::string> args = split_empty_values(argc, given_argv);
  std::vector<char*> pointers;
  pointers.reserve(args.size() + 1);
  for (std::string& arg : args) {
    pointers.push_back(arg.data());
  }
  pointers.push_back(nullptr);
  argc = static_cast<int>(args.size());
  char** argv = pointers.data();
  // `backcare --version` alone is answered before the command line is set
  // up: scripts probe it, and it should cost no more than starting.
  if (argc == 2 && std::string_view(argv[1]) == "--version") {
    std::puts(version_text().c_str());
    return 0;
  }
  Context context = Context::capture();
  Action action;
  CLI::App app("backcare: exercise guidance for low back pain after giving birth.\n"
               "Not a diagnosis: stop and seek care if a warning sign appears.",
               "backcare");
  // Settings that subcommands copy must be made before add_subcommand.
  app.formatter(std::make_shared<WrappingFormatter>(context.text_width(true)));
  app.fallthrough();
  app.require_subcommand(1);
  app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.set_version_flag("--version", version_text, "Print the version and the catalog version");
  app.footer("Run 'backcare SUBCOMMAND --help' for the options of each subcommand.");
  add_global_options(app, context);
  reject_empty_values(app, context.options);
  const std::string_view word = command_word(app, argc, argv);
  setup_commands(app, context, action, word);
  one_value_per_option(app);

  // A bad config file must not stop --help, --version or completions:
  // hold its error until the command line says what is wanted.
  std::optional<Error> config_error;
  try {
    read_config(argc, argv, context);
  } catch (const Error& e) {
    if (e.code() != ExitCode::config && e.code() != ExitCode::no_input) {
      return report(e.what(), e.code());
    }
    config_error = e;
  }
  try {
    check_subcommand_name(app, argc, argv);
    app.parse(argc, argv);
    if (config_error && word != "completions") {
      throw *config_error;
    }
    check_global_options(app, context);
    return action ? action() : 0;
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {
      return app.exit(e);
    }
    if (config_error) {
      return report(config_error->what(), config_error->code());
    }
    const std::string unexpected = unexpected_arguments(app, argc, argv);
    return report(unexpected.empty() ? e.what() : unexpected, ExitCode::usage);
  } catch (const Error& e) {
    return report(e.what(), e.code());
  } catch (const std::exception& e) {
    return report(e.what(), ExitCode::io);
  }
}

} // namespace backcare::cli
