#pragma once

// Calendar dates and durations. Pure: nothing here reads the clock; "today"
// is always passed in by the caller.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace backcare {

using Date = std::chrono::sys_days;

// Parses a strict YYYY-MM-DD calendar date; nullopt for anything else,
// including impossible dates such as 2026-02-30.
std::optional<Date> parse_date(std::string_view text);

// Why `text`, written as YYYY-MM-DD, is not a day of the calendar:
// "February 2026 has 28 days", "there is no month 13" or "there is no day
// 00"; empty when it is a date or is not written that way.
std::string why_not_a_date(std::string_view text);

// A day named relative to `today`: "today", "yesterday", "-Nd" (N days
// before today), or a weekday's name, whole or in three letters, in any
// case ("monday", "Mon"): the most recent such day before today (1-7 days
// ago). nullopt for anything else.
std::optional<Date> parse_relative_day(std::string_view text, Date today);

// YYYY-MM-DD.
std::string format_date(Date date);

// "Mon 30 Nov" (short, for schedules).
std::string format_day(Date date);

// "Mon", "Tue", ...
std::string weekday_name(Date date);

// The first Monday strictly after `date`.
Date next_monday_after(Date date);

// The Monday of the ISO week (Monday to Sunday) that holds `date`.
Date monday_of(Date date);

// Whole days from `from` to `to` (negative when `to` is earlier).
int days_between(Date from, Date to);

// A length of time such as "10d", "6w", "7m" or a bare number of weeks,
// converted to whole days. Months use the mean Gregorian month (30.44 days)
// so that "6m" is 26 weeks, as the six-month rule expects.
std::optional<int> parse_duration_days(std::string_view text);

// Whole weeks in a number of days (rounded down).
constexpr int weeks_from_days(int days)
{
  return days / 7;
}

} // namespace backcare
