#include "common.hpp"

#include "backcare/core/error.hpp"
#include "backcare/core/text.hpp"
#include "backcare/store/catalog_loader.hpp"
#include "backcare/store/files.hpp"
#include "choices.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <set>
#include <unistd.h>

namespace backcare::cli {

Date today(const GlobalOptions& global)
{
  if (!global.as_of.empty()) {
    return parse_date_option("--as-of", global.as_of);
  }
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  ::localtime_r(&now, &local);
  const std::chrono::year_month_day ymd{std::chrono::year{local.tm_year + 1900},
                                        std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
                                        std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
  return Date{ymd};
}

bool use_color(const GlobalOptions& global, bool to_stdout)
{
  if (!to_stdout || global.color == "never") {
    return false;
  }
  if (global.color == "always") {
    return true;
  }
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  const bool dumb = term && std::string_view(term) == "dumb";
  return ::isatty(STDOUT_FILENO) && !(no_color && *no_color) && !dumb;
}

Catalog load_catalog(const GlobalOptions& global)
{
  return backcare::load_catalog(global.catalog);
}

bool utf8_locale()
{
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* value = std::getenv(name);
    if (value && *value) {
      std::string text(value);
      std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
      return text.find("utf-8") != std::string::npos || text.find("utf8") != std::string::npos;
    }
  }
  return false;
}

std::unique_ptr<PainLog> open_log(const GlobalOptions& global, bool create)
{
  const std::string data_dir =
      global.data_dir.empty() ? default_data_dir(std::getenv("XDG_DATA_HOME"), std::getenv("HOME")) : global.data_dir;
  return PainLog::open(database_path(data_dir, global.profile), create);
}

int parse_number(const std::string& option, const std::string& text, int min, int max)
{
  int value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) {
    throw usage_error(fmt::format("{} must be a whole number {}-{}, got '{}'", option, min, max, text));
  }
  if (value < min || value > max) {
    throw usage_error(fmt::format("{} must be {}-{}, got {}", option, min, max, value));
  }
  return value;
}

Date parse_date_option(const std::string& option, const std::string& text)
{
  auto date = parse_date(text);
  if (!date) {
    throw usage_error(fmt::format("{} must be a date as YYYY-MM-DD, got '{}'", option, text));
  }
  return *date;
}

EntryFilter parse_date_range(const std::string& since, const std::string& until)
{
  EntryFilter filter;
  if (!since.empty()) {
    filter.since = parse_date_option("--since", since);
  }
  if (!until.empty()) {
    filter.until = parse_date_option("--until", until);
  }
  if (filter.since && filter.until && *filter.since > *filter.until) {
    throw usage_error(fmt::format("--since {} is after --until {}", since, until));
  }
  return filter;
}

void check_text(const std::string& option, const std::string& text)
{
  if (!is_valid_utf8(text)) {
    throw usage_error(fmt::format("{} must be UTF-8 text, got '{}'", option, text));
  }
}

namespace {

std::set<const CLI::Option*>& empty_allowed()
{
  static std::set<const CLI::Option*> options;
  return options;
}

// What an option takes, for the message about an empty value: its choices
// when it has a fixed list, else its help text.
std::string what_it_takes(const CLI::Option& option)
{
  if (const ChoiceSource* source = choices_of(&option)) {
    if (const auto values = (*source)(Catalog{}); !values.empty()) {
      return fmt::format("one of {}", fmt::join(values, ", "));
    }
  }
  return option.get_description();
}

} // namespace

CLI::Option* allow_empty(CLI::Option* option)
{
  empty_allowed().insert(option);
  return option;
}

void reject_empty_values(CLI::App& app)
{
  for (CLI::Option* option : app.get_options()) {
    if (option->get_expected_min() == 0 || empty_allowed().count(option) > 0) {
      continue;
    }
    std::string name = option->get_name();
    if (option->get_positional()) { // "SEVERITY", as the usage line shows it
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::toupper(c); });
    }
    const std::string takes = what_it_takes(*option);
    option->check(CLI::Validator(
        [name, takes](std::string& value) {
          if (value.empty()) {
            throw usage_error(fmt::format("{} must not be empty ({})", name, takes));
          }
          return std::string();
        },
        ""));
  }
  for (CLI::App* sub : app.get_subcommands({})) {
    reject_empty_values(*sub);
  }
}

void check_choice(const std::string& option, const std::string& value, const std::vector<std::string>& allowed)
{
  if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
    throw usage_error(fmt::format("{} must be one of {}, got '{}'", option, fmt::join(allowed, ", "), value));
  }
}

} // namespace backcare::cli
