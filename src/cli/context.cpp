#include "context.hpp"

#include "common.hpp"

#include "backcare/core/error.hpp"
#include "backcare/core/vocabulary.hpp"
#include "backcare/store/catalog_loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <sys/ioctl.h>
#include <unistd.h>

namespace backcare::cli {
namespace {

// Every variable backcare (not CLI11) reads.
constexpr std::array k_variables{
    "HOME", "XDG_DATA_HOME",     "XDG_CONFIG_HOME",  "NO_COLOR",         "TERM",   "LC_ALL", "LC_CTYPE",
    "LANG", "BACKCARE_DATA_DIR", "BACKCARE_PROFILE", "BACKCARE_CATALOG", "COLUMNS"};

// The width text is wrapped to on standard output: COLUMNS when it is a
// number, else the terminal's width when stdout is one, else 80. Never
// narrower than 20 columns, so that a wrapped line still holds words.
int terminal_width(const Environment& env, bool stdout_is_terminal)
{
  constexpr int k_default = 80;
  constexpr int k_narrowest = 20;
  int width = 0;
  if (const char* columns = env.value("COLUMNS")) {
    const std::string_view text(columns);
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), width);
    width = ec == std::errc() && end == text.data() + text.size() ? width : 0;
  }
  struct winsize size {};
  if (width <= 0 && stdout_is_terminal && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) {
    width = size.ws_col;
  }
  return width <= 0 ? k_default : std::max(width, k_narrowest);
}

std::tm local_time(std::time_t when)
{
  std::tm local{};
  ::localtime_r(&when, &local);
  return local;
}

} // namespace

Environment Environment::snapshot()
{
  Environment env;
  for (const char* name : k_variables) {
    if (const char* value = std::getenv(name)) {
      env.m_values[name] = value;
    }
  }
  return env;
}

std::optional<std::string> Environment::get(const std::string& name) const
{
  const auto it = m_values.find(name);
  return it == m_values.end() ? std::nullopt : std::optional<std::string>(it->second);
}

const char* Environment::value(const std::string& name) const
{
  const auto it = m_values.find(name);
  return it == m_values.end() || it->second.empty() ? nullptr : it->second.c_str();
}

CLI::Option* OptionNotes::choices(CLI::Option* option, ChoiceSource source)
{
  m_choices[option] = std::move(source);
  return option;
}

CLI::Option* OptionNotes::choices(CLI::Option* option, std::vector<std::string> values)
{
  return choices(option, [values = std::move(values)](const Catalog&) { return values; });
}

const ChoiceSource* OptionNotes::choices_of(const CLI::Option* option) const
{
  const auto it = m_choices.find(option);
  return it == m_choices.end() ? nullptr : &it->second;
}

CLI::Option* OptionNotes::allow_empty(CLI::Option* option)
{
  m_allow_empty.insert(option);
  return option;
}

Context Context::capture()
{
  Context context;
  context.invoked_at = std::time(nullptr);
  context.env = Environment::snapshot();
  context.stdin_is_terminal = ::isatty(STDIN_FILENO) != 0;
  context.stdout_is_terminal = ::isatty(STDOUT_FILENO) != 0;
  context.stderr_is_terminal = ::isatty(STDERR_FILENO) != 0;
  context.stdout_width = terminal_width(context.env, context.stdout_is_terminal);
  return context;
}

Date Context::today() const
{
  if (!global.as_of.empty()) {
    // Plans look up to 13 weeks ahead, and no date is written past 9999.
    const Date as_of = parse_date_option("--as-of", global.as_of);
    if (as_of > k_latest_as_of) {
      throw usage_error(fmt::format("--as-of {} is too late: it must be {} or earlier, so that every date a plan "
                                    "writes is in 9999 or before",
                                    global.as_of, format_date(k_latest_as_of)));
    }
    return as_of;
  }
  const std::tm local = local_time(invoked_at);
  return Date{std::chrono::year_month_day{std::chrono::year{local.tm_year + 1900},
                                          std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
                                          std::chrono::day{static_cast<unsigned>(local.tm_mday)}}};
}

std::string Context::now_at() const
{
  if (!global.as_of.empty()) {
    return format_date(today()) + "T12:00";
  }
  const std::tm local = local_time(invoked_at);
  return fmt::format("{}T{:02}:{:02}", format_date(today()), local.tm_hour, local.tm_min);
}

std::int64_t Context::stamp() const
{
  if (!global.as_of.empty()) {
    return std::chrono::duration_cast<std::chrono::seconds>(today().time_since_epoch() + std::chrono::hours{12})
        .count();
  }
  return static_cast<std::int64_t>(invoked_at);
}

std::string Context::latest_at() const
{
  return global.as_of.empty() ? now_at() : format_date(today()) + "T23:59";
}

bool Context::use_color(bool to_stdout) const
{
  const auto mode = parse_word<ColorMode>(global.color).value_or(ColorMode::automatic);
  if (!to_stdout || mode == ColorMode::never) {
    return false;
  }
  if (mode == ColorMode::always) {
    return true;
  }
  const auto term = env.get("TERM");
  return stdout_is_terminal && !env.value("NO_COLOR") && term != "dumb";
}

int Context::text_width(bool to_stdout) const
{
  return to_stdout ? stdout_width : 80;
}

bool Context::utf8_locale() const
{
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    if (const char* value = env.value(name)) {
      std::string text(value);
      std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
      return text.find("utf-8") != std::string::npos || text.find("utf8") != std::string::npos;
    }
  }
  return false;
}

std::string Context::data_dir() const
{
  return global.data_dir.empty() ? default_data_dir(env.value("XDG_DATA_HOME"), env.value("HOME")) : global.data_dir;
}

std::unique_ptr<PainLog> open_log(const Context& context, LogAccess access)
{
  auto log = PainLog::open(database_path(context.data_dir(), context.global.profile), access == LogAccess::write);
  return log ? std::move(log) : PainLog::open_empty();
}

Catalog load_catalog(const Context& context)
{
  return backcare::load_catalog(context.global.catalog);
}

} // namespace backcare::cli
