#pragma once

// What every subcommand shares: the helpers that turn option text into
// checked values with the contract's messages.

#include "backcare/core/date.hpp"
#include "backcare/core/error.hpp"
#include "backcare/core/inputs.hpp"
#include "backcare/core/vocabulary.hpp"
#include "backcare/store/pain_log.hpp"
#include "context.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
class Option;
} // namespace CLI

namespace backcare::cli {

// The rule of every writing command (docs/contract.md, "Saved means
// saved"): the person is told of a change only after its commit, so that
// nothing is said to be saved that a failed commit took back. When telling
// fails (stdout on a full disk, a closed pipe), the change stands and the
// error says so: "<done>, but could not write the confirmation: <why>".
// `text` is made after the commit too: it may read what was saved.
void tell_saved(std::string_view done, const std::function<std::string()>& text);

// "3 entries, 1 session, 0 screenings, 1 PSFS rating, 2026-11-01 to
// 2026-11-25", or "nothing".
std::string describe_contents(const LogContents& contents);

// How many backups of a profile to keep: the config's backup-keep, else 10.
int backups_to_keep(const Context& context);

// CSV for a terminal: the control characters of every line escaped as
// the text formats escape them (a note's escape sequence never reaches the
// terminal raw), line ends kept. Files and pipes get the data as it is.
std::string csv_for_terminal(std::string_view csv);

// Parses a whole number for `option` in [min, max], or throws a usage error
// such as "--severity must be 0-10, got 11".
int parse_number(const std::string& option, const std::string& text, int min, int max);

// Parses --at (YYYY-MM-DD or YYYY-MM-DDTHH:MM, or a day relative to today
// such as "yesterday", "-3d" or "monday", at midnight: see
// parse_relative_day), which must not be later than the minute backcare
// was run (with --as-of, than the end of that day); `happened` ends the
// message for a later time ("log pain that has happened"), or nothing when
// empty.
std::string parse_at(const std::string& text, const Context& context, std::string_view happened = {});

// An entry, session or rating id: any id SQLite can hold (an import may
// bring large ones), or a usage error.
std::int64_t parse_id(const std::string& text);

// Parses YYYY-MM-DD for `option`, or throws a usage error: "--since:
// 2026-02-30 is not a date (February 2026 has 28 days)" when it is written
// right but names no day, else one that says the format. parse_at says the
// same, and "is not a time of day" for a time such as 25:00.
Date parse_date_option(const std::string& option, const std::string& text);

// parse_date_option, or a day relative to `today` ("today", "yesterday",
// "-3d", "monday": see parse_relative_day).
Date parse_day_option(const std::string& option, const std::string& text, Date today);

// --since and --until (either may be empty; each as parse_day_option),
// checked in order. A --since
// after `today` is a usage error: no command has anything to show from a
// day that has not come. An --until after it is allowed (each command
// counts up to today).
EntryFilter parse_date_range(const std::string& since, const std::string& until, Date today);

// Throws a usage error naming `option` unless `text` is a time of day as
// HH:MM.
void check_clock_time(const std::string& option, const std::string& text);

// Throws a usage error naming `option` unless `text` is valid UTF-8.
void check_text(const std::string& option, const std::string& text);

// An empty value is a bad value, not a missing one: makes every option of
// `app` and of its subcommands (given so far) refuse "" with a usage error
// naming the option and what it takes. Call it at the end of a setup_*
// function. Options marked allow_empty() are left alone.
void reject_empty_values(CLI::App& app, const OptionNotes& notes);

// Throws a usage error unless `value` is one of `allowed`.
void check_choice(const std::string& option, const std::string& value, const std::vector<std::string>& allowed);

// The value of a word-list option, or a usage error naming the option and
// the words it takes.
template <typename E> E parse_choice(const std::string& option, const std::string& text)
{
  check_choice(option, text, names_of<E>(true));
  return *parse_word<E>(text);
}

// The config file's plan defaults as plan inputs (the config reader checked them).
PlanInputs plan_defaults(const Config::Plan& plan);

// "text (default), json, markdown, csv or ics" for a help text.
std::string choice_help(const std::vector<std::string>& names, const std::string& default_name = "");

template <typename E> std::string choice_help(std::optional<E> default_value = std::nullopt)
{
  return choice_help(names_of<E>(), default_value ? std::string(name_of(*default_value)) : std::string());
}

// A line on stderr that says how far a long task has come ("backcare:
// importing, entries read: 120000"): shown only on a terminal and once the
// task has taken more than 2 seconds, redrawn at most 4 times a second,
// and erased by done() or when it goes out of scope.
class ProgressLine {
public:
  ProgressLine(bool on_terminal, std::string what);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  void update(std::size_t count);
  void done();

private:
  using Clock = std::chrono::steady_clock;
  bool m_on_terminal;
  std::string m_what;
  Clock::time_point m_start = Clock::now();
  Clock::time_point m_drawn{};
  bool m_shown = false;
};

} // namespace backcare::cli
