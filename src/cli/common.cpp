#include "common.hpp"

#include "backcare/core/text.hpp"
#include "backcare/store/files.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <limits>

namespace backcare::cli {
namespace {

// The usage error for `text`, refused as the value of `option`: the day or
// time it cannot be when it is written as YYYY-MM-DD (or, `with_time`,
// YYYY-MM-DDTHH:MM), such as the 30th of February or 25:00, else
// `format_message`.
Error date_error(const std::string& option, std::string_view text, bool with_time, const std::string& format_message)
{
  const bool timed = with_time && text.size() == 16 && text[10] == 'T';
  const std::string_view time = timed ? text.substr(11) : std::string_view("00:00");
  const std::string why_time = why_not_a_time(time);
  if ((text.size() == 10 || timed) && (!why_time.empty() || is_clock_time(time))) {
    if (const std::string why_date = why_not_a_date(text.substr(0, 10)); !why_date.empty()) {
      return usage_error(fmt::format("{}: {} is not a date ({})", option, text, why_date));
    }
    if (!why_time.empty()) {
      return usage_error(fmt::format("{}: {} is not a time of day ({})", option, text, why_time));
    }
  }
  return usage_error(format_message);
}

} // namespace

void tell_saved(std::string_view done, const std::function<std::string()>& text)
{
  try {
    write_output("", text());
  } catch (const Error& e) {
    throw Error(e.code(), fmt::format("{}, but could not write the confirmation: {}", done, e.what()));
  } catch (const std::exception& e) {
    throw Error(ExitCode::io, fmt::format("{}, but could not write the confirmation: {}", done, e.what()));
  }
}

std::string describe_contents(const LogContents& c)
{
  const auto count = [](std::int64_t n, const char* one, const char* many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
  };
  const std::string counts =
      fmt::format("{}, {}, {}, {}", count(c.entries, "entry", "entries"), count(c.sessions, "session", "sessions"),
                  count(c.screenings, "screening", "screenings"), count(c.psfs_ratings, "PSFS rating", "PSFS ratings"));
  if (c.first_at.empty()) {
    return counts + " (nothing saved)";
  }
  return fmt::format("{}, {} to {}", counts, c.first_at.substr(0, 10), c.last_at.substr(0, 10));
}

std::string csv_for_terminal(std::string_view csv)
{
  std::string out;
  out.reserve(csv.size());
  while (!csv.empty()) {
    const std::size_t end = csv.find("\r\n");
    out += escape_control(csv.substr(0, end));
    if (end == std::string_view::npos) {
      break;
    }
    out += "\r\n";
    csv.remove_prefix(end + 2);
  }
  return out;
}

int backups_to_keep(const Context& context)
{
  return context.global.config.backup_keep.value_or(10);
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

std::string parse_at(const std::string& text, const Context& context, std::string_view happened)
{
  const Date today = context.today();
  if (const auto day = parse_relative_day(text, today)) {
    return *parse_datetime(format_date(*day)); // midnight, as YYYY-MM-DD is
  }
  const auto at = parse_datetime(text);
  if (!at) {
    throw date_error("--at", text, true,
                     fmt::format("--at must be YYYY-MM-DD, YYYY-MM-DDTHH:MM, today, yesterday, -Nd (N days ago) or a "
                                 "weekday, got '{}'",
                                 text));
  }
  if (date_of(*at) > today) {
    throw usage_error(fmt::format("--at {} is after today ({}){}{}", text, format_date(today),
                                  happened.empty() ? "" : "; ", happened));
  }
  if (const std::string latest = context.latest_at(); *at > latest) {
    throw usage_error(
        fmt::format("--at {} is later than now ({}){}{}", text, latest, happened.empty() ? "" : "; ", happened));
  }
  return *at;
}

std::int64_t parse_id(const std::string& text)
{
  constexpr auto k_max = std::numeric_limits<std::int64_t>::max();
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || value < 1) {
    throw usage_error(fmt::format("ID must be a whole number 1-{}, got '{}'", k_max, text));
  }
  return value;
}

Date parse_date_option(const std::string& option, const std::string& text)
{
  auto date = parse_date(text);
  if (!date) {
    throw date_error(option, text, false, fmt::format("{} must be a date as YYYY-MM-DD, got '{}'", option, text));
  }
  return *date;
}

Date parse_day_option(const std::string& option, const std::string& text, Date today)
{
  if (const auto day = parse_relative_day(text, today)) {
    return *day;
  }
  if (!parse_date(text) && why_not_a_date(text).empty()) {
    throw usage_error(fmt::format(
        "{} must be a date as YYYY-MM-DD, today, yesterday, -Nd (N days ago) or a weekday, got '{}'", option, text));
  }
  return parse_date_option(option, text);
}

EntryFilter parse_date_range(const std::string& since, const std::string& until, Date today)
{
  EntryFilter filter;
  if (!since.empty()) {
    filter.since = parse_day_option("--since", since, today);
  }
  if (!until.empty()) {
    filter.until = parse_day_option("--until", until, today);
  }
  if (filter.since && *filter.since > today) {
    throw usage_error(fmt::format("--since {} is after today ({})", since, format_date(today)));
  }
  if (filter.since && filter.until && *filter.since > *filter.until) {
    throw usage_error(fmt::format("--since {} is after --until {}", since, until));
  }
  return filter;
}

void check_clock_time(const std::string& option, const std::string& text)
{
  if (is_clock_time(text)) {
    return;
  }
  if (const std::string why = why_not_a_time(text); !why.empty()) {
    throw usage_error(fmt::format("{}: {} is not a time of day ({})", option, text, why));
  }
  throw usage_error(fmt::format("{} must be HH:MM from 00:00 to 23:59, got '{}'", option, text));
}

void check_text(const std::string& option, const std::string& text)
{
  if (!is_valid_utf8(text)) {
    throw usage_error(fmt::format("{} must be UTF-8 text, got '{}'", option, text));
  }
}

namespace {

// What an option takes, for the message about an empty value: its choices
// when it has a fixed list, else its help text.
std::string what_it_takes(const CLI::Option& option, const OptionNotes& notes)
{
  if (const ChoiceSource* source = notes.choices_of(&option)) {
    if (const auto values = (*source)(Catalog{}); !values.empty()) {
      return fmt::format("one of {}", fmt::join(values, ", "));
    }
  }
  return option.get_description();
}

} // namespace

void reject_empty_values(CLI::App& app, const OptionNotes& notes)
{
  for (CLI::Option* option : app.get_options()) {
    if (option->get_expected_min() == 0 || notes.empty_allowed(option)) {
      continue;
    }
    std::string name = option->get_name();
    if (option->get_positional()) { // "SEVERITY", as the usage line shows it
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::toupper(c); });
    }
    const std::string takes = what_it_takes(*option, notes);
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
    reject_empty_values(*sub, notes);
  }
}

void check_choice(const std::string& option, const std::string& value, const std::vector<std::string>& allowed)
{
  if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
    throw usage_error(fmt::format("{} must be one of {}, got '{}'", option, fmt::join(allowed, ", "), value));
  }
}

std::string choice_help(const std::vector<std::string>& names, const std::string& default_name)
{
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) {
    text += i == 0 ? "" : i + 1 == names.size() ? " or " : ", ";
    text += names[i];
    if (names[i] == default_name) {
      text += " (default)";
    }
  }
  return text;
}

PlanInputs plan_defaults(const Config::Plan& c)
{
  PlanInputs config;
  if (c.delivery) {
    config.delivery = parse_word<Delivery>(*c.delivery);
  }
  config.postures = c.postures;
  config.equipment = c.equipment;
  return config;
}

ProgressLine::ProgressLine(bool on_terminal, std::string what)
  : m_on_terminal(on_terminal)
  , m_what(std::move(what))
{
}

ProgressLine::~ProgressLine()
{
  done();
}

void ProgressLine::update(std::size_t count)
{
  using namespace std::chrono_literals;
  if (!m_on_terminal) {
    return;
  }
  const Clock::time_point now = Clock::now();
  if (now - m_start < 2s || now - m_drawn < 250ms) {
    return;
  }
  m_drawn = now;
  m_shown = true;
  fmt::print(stderr, "\rbackcare: {}: {}", m_what, count);
  std::fflush(stderr);
}

void ProgressLine::done()
{
  if (m_shown) {
    fmt::print(stderr, "\r\x1b[K");
    std::fflush(stderr);
    m_shown = false;
  }
}

} // namespace backcare::cli
