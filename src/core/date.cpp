#include "backcare/core/date.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>

namespace backcare {
namespace {

constexpr std::array<const char*, 7> k_weekdays{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 7> k_weekday_names{"sunday",   "monday", "tuesday", "wednesday",
                                                          "thursday", "friday", "saturday"};
constexpr std::array<const char*, 12> k_months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<const char*, 12> k_month_names{"January",   "February", "March",    "April",
                                                    "May",       "June",     "July",     "August",
                                                    "September", "October",  "November", "December"};
constexpr double k_days_per_month = 365.2425 / 12.0;

// Parses all of `text` as a non-negative decimal integer.
std::optional<int> parse_whole(std::string_view text)
{
  // Digits only: from_chars alone would take "-000" as 0.
  if (text.empty() || text.front() < '0' || text.front() > '9') {
    return std::nullopt;
  }
  int value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || value < 0) {
    return std::nullopt;
  }
  return value;
}

// Reads `count` decimal digits from `text` at `at`; nothing else counts.
std::optional<int> fixed_digits(std::string_view text, std::size_t at, std::size_t count)
{
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return std::nullopt;
    }
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

} // namespace

std::optional<Date> parse_date(std::string_view text)
{
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  const auto year = fixed_digits(text, 0, 4);
  const auto month = fixed_digits(text, 5, 2);
  const auto day = fixed_digits(text, 8, 2);
  if (!year || !month || !day || *year < 1) { // years run 0001-9999
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
                                        std::chrono::day{static_cast<unsigned>(*day)}};
  if (!ymd.ok()) {
    return std::nullopt;
  }
  return Date{ymd};
}

std::string why_not_a_date(std::string_view text)
{
  if (parse_date(text) || text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return {};
  }
  const auto year = fixed_digits(text, 0, 4);
  const auto month = fixed_digits(text, 5, 2);
  const auto day = fixed_digits(text, 8, 2);
  if (!year || !month || !day) {
    return {};
  }
  if (*year < 1) {
    return "years run 0001-9999";
  }
  if (*month < 1 || *month > 12) {
    return fmt::format("there is no month {:02}", *month);
  }
  if (*day < 1) {
    return "there is no day 00";
  }
  const std::chrono::year_month_day_last last{
      std::chrono::year{*year}, std::chrono::month_day_last{std::chrono::month{static_cast<unsigned>(*month)}}};
  return fmt::format("{} {:04} has {} days", k_month_names[static_cast<std::size_t>(*month - 1)], *year,
                     static_cast<unsigned>(last.day()));
}

std::string format_date(Date date)
{
  const std::chrono::year_month_day ymd{date};
  const int year = static_cast<int>(ymd.year());
  if (year >= 0 && year <= 9999) { // every date the program meets; written by hand, it is a table row's main cost
    const auto month = static_cast<unsigned>(ymd.month());
    const auto day = static_cast<unsigned>(ymd.day());
    return {static_cast<char>('0' + year / 1000),
            static_cast<char>('0' + year / 100 % 10),
            static_cast<char>('0' + year / 10 % 10),
            static_cast<char>('0' + year % 10),
            '-',
            static_cast<char>('0' + month / 10),
            static_cast<char>('0' + month % 10),
            '-',
            static_cast<char>('0' + day / 10),
            static_cast<char>('0' + day % 10)};
  }
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

namespace {

std::string lower(std::string_view text)
{
  std::string out(text);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// "-3d": 3, or nullopt.
std::optional<int> days_back(std::string_view text)
{
  if (text.size() < 3 || text.front() != '-' || text.back() != 'd') {
    return std::nullopt;
  }
  const std::string_view digits = text.substr(1, text.size() - 2);
  int days = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), days);
  if (ec != std::errc() || end != digits.data() + digits.size() || days > 36500) {
    return std::nullopt;
  }
  return days;
}

} // namespace

std::optional<Date> parse_relative_day(std::string_view text, Date today)
{
  const std::string word = lower(text);
  if (word == "today") {
    return today;
  }
  if (word == "yesterday") {
    return today - std::chrono::days{1};
  }
  if (const auto days = days_back(word)) {
    return today - std::chrono::days{*days};
  }
  for (unsigned i = 0; i < k_weekday_names.size(); ++i) {
    if (word == k_weekday_names[i] || (word.size() == 3 && k_weekday_names[i].starts_with(word))) {
      const std::chrono::weekday wanted{i};
      const std::chrono::days back = std::chrono::weekday{today} - wanted;
      return today - (back.count() == 0 ? std::chrono::days{7} : back);
    }
  }
  return std::nullopt;
}

std::string weekday_name(Date date)
{
  return k_weekdays[std::chrono::weekday{date}.c_encoding()];
}

std::string format_day(Date date)
{
  const std::chrono::year_month_day ymd{date};
  return fmt::format("{} {} {}", weekday_name(date), static_cast<unsigned>(ymd.day()),
                     k_months[static_cast<unsigned>(ymd.month()) - 1]);
}

Date monday_of(Date date)
{
  return date - (std::chrono::weekday{date} - std::chrono::Monday);
}

Date next_monday_after(Date date)
{
  const auto ahead = std::chrono::Monday - std::chrono::weekday{date};
  const auto days = ahead.count() == 0 ? std::chrono::days{7} : ahead;
  return date + days;
}

int days_between(Date from, Date to)
{
  return static_cast<int>((to - from).count());
}

std::optional<int> parse_duration_days(std::string_view text)
{
  if (text.empty()) {
    return std::nullopt;
  }
  const bool bare = text.back() >= '0' && text.back() <= '9';
  const char unit = bare ? 'w' : text.back();
  auto count = parse_whole(bare ? text : text.substr(0, text.size() - 1));
  if (!count || *count > 100000) {
    return std::nullopt;
  }
  switch (unit) {
  case 'd':
    return *count;
  case 'w':
    return *count * 7;
  case 'm':
    return static_cast<int>(std::lround(*count * k_days_per_month));
  default:
    return std::nullopt;
  }
}

} // namespace backcare
