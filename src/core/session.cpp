#include "backcare/core/session.hpp"

#include "backcare/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

namespace backcare {
namespace {

bool is_exercise_id(std::string_view text)
{
  return !text.empty() && text.front() != '-' && text.back() != '-'
         && std::all_of(text.begin(), text.end(),
                        [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::string pain_problem(std::string_view field, const std::optional<int>& pain)
{
  if (pain && (*pain < 0 || *pain > 10)) {
    return fmt::format("'{}' must be 0-10, got {}", field, *pain);
  }
  return {};
}

std::string skipped_exercises_problem(const std::vector<std::string>& ids)
{
  for (auto it = ids.begin(); it != ids.end(); ++it) {
    if (!is_exercise_id(*it)) {
      return fmt::format("'skipped_exercises': '{}' is not an exercise id (lower-case letters, digits and '-')",
                         escape_control(*it));
    }
    if (std::find(ids.begin(), it, *it) != it) {
      return fmt::format("'skipped_exercises': '{}' is listed twice", *it);
    }
  }
  return {};
}

std::string status_problem(const Session& session)
{
  if (session.status == SessionStatus::done) {
    return session.reason ? "'reason' is only for a skipped session" : "";
  }
  if (!session.reason) {
    return fmt::format("a skipped session needs a 'reason' ({})", fmt::join(names_of<SkipReason>(), ", "));
  }
  if (session.pain_during || session.next_morning) {
    return "a skipped session has no 'pain_during' or 'next_morning'";
  }
  if (!session.skipped_exercises.empty()) {
    return "a skipped session has no 'skipped_exercises' (the whole session was left out)";
  }
  return {};
}

} // namespace

std::string session_problem(const Session& session, Date today)
{
  const auto at = parse_datetime(session.at);
  if (!at || *at != session.at) {
    return fmt::format("'at' must be YYYY-MM-DD or YYYY-MM-DDTHH:MM, got '{}'", escape_control(session.at));
  }
  if (date_of(session.at) > today) {
    return fmt::format("'at' {} is after today ({})", session.at, format_date(today));
  }
  if (session.phase < 0 || session.phase > 99) {
    return fmt::format("'phase' must be 1-99 (or unknown), got {}", session.phase);
  }
  for (std::string problem :
       {pain_problem("pain_during", session.pain_during), pain_problem("next_morning", session.next_morning),
        status_problem(session), skipped_exercises_problem(session.skipped_exercises)}) {
    if (!problem.empty()) {
      return problem;
    }
  }
  if (!is_valid_utf8(session.note)) {
    return fmt::format("'note' is not valid UTF-8 text: '{}'", escape_control(session.note));
  }
  return {};
}

std::optional<Outcome> outcome(const Progression& rules, const Session& session)
{
  if (session.status == SessionStatus::skipped) {
    return std::nullopt;
  }
  const auto& during = session.pain_during;
  const auto& morning = session.next_morning;
  if (during && *during > rules.amber_max) {
    return Outcome::red;
  }
  if (!morning) {
    return Outcome::pending;
  }
  // A rise counts only out of the green range: 0 during and 2 the next
  // morning stay within what is safe both times (a morning is often
  // stiffer than an evening), so that is green, not red.
  const int base = during ? std::max(*during, session.morning_before.value_or(*during)) : 0;
  const bool rose = during && *morning > rules.green_max && *morning - base >= rules.next_morning_rise;
  if (*morning > rules.amber_max || rose) {
    return Outcome::red;
  }
  if (!during) {
    return Outcome::pending; // green or amber needs the pain during it too
  }
  return std::max(*during, *morning) <= rules.green_max ? Outcome::green : Outcome::amber;
}

std::string red_reason(const Progression& rules, const Session& session)
{
  if (outcome(rules, session) != Outcome::red) {
    return {};
  }
  const auto& during = session.pain_during;
  if (during && *during > rules.amber_max) {
    return fmt::format("pain {}/10 during it, above {}", *during, rules.amber_max);
  }
  const int morning = *session.next_morning; // red without a red pain during: the next morning is known
  if (morning > rules.amber_max) {
    return fmt::format("pain {}/10 the next morning, above {}", morning, rules.amber_max);
  }
  if (session.morning_before && *session.morning_before > *during) {
    return fmt::format("pain {}/10 the next morning, {} above the {} of that day's morning", morning,
                       counted(morning - *session.morning_before, "point", "points"), *session.morning_before);
  }
  return fmt::format("pain {}/10 the next morning, {} above the {} during it", morning,
                     counted(morning - *during, "point", "points"), *during);
}

const Entry* next_morning_entry(const Session& session, const std::vector<Entry>& entries)
{
  const std::string day = format_date(date_of(session.at) + std::chrono::days(1));
  const std::string from = fmt::format("{}T{}", day, k_next_morning_from);
  const std::string until = fmt::format("{}T{}", day, k_next_morning_until);
  auto it = std::lower_bound(entries.begin(), entries.end(), from,
                             [](const Entry& entry, const std::string& at) { return entry.at < at; });
  return it != entries.end() && it->at <= until ? &*it : nullptr;
}

const Entry* morning_before_entry(const Session& session, const std::vector<Entry>& entries)
{
  const std::string day = format_date(date_of(session.at));
  const std::string from = fmt::format("{}T{}", day, k_next_morning_from);
  const std::string until = std::min(fmt::format("{}T{}", day, k_next_morning_until), session.at);
  auto it = std::lower_bound(entries.begin(), entries.end(), from,
                             [](const Entry& entry, const std::string& at) { return entry.at < at; });
  return it != entries.end() && it->at < until ? &*it : nullptr;
}

std::vector<Session> with_mornings_from_log(std::vector<Session> sessions, const std::vector<Entry>& entries)
{
  for (Session& session : sessions) {
    if (session.status != SessionStatus::done) {
      continue;
    }
    if (const Entry* entry = morning_before_entry(session, entries)) {
      session.morning_before = entry->severity;
    }
    if (session.next_morning) {
      continue;
    }
    if (const Entry* entry = next_morning_entry(session, entries)) {
      session.next_morning = entry->severity;
    }
  }
  return sessions;
}

} // namespace backcare
