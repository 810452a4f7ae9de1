#pragma once

// Where each input of a plan comes from: the command line, the saved
// profile, the pain log, the config file or the default, first that has it.
// `plan` and `trend` both judge the log through summarize_log and
// resolve_inputs, so they never disagree. Pure: "today" is passed in.

#include "backcare/core/entry.hpp"
#include "backcare/core/screening.hpp"
#include "backcare/core/session.hpp"
#include "backcare/core/trend.hpp"
#include "backcare/core/triage.hpp"

#include <optional>
#include <string>
#include <vector>

namespace backcare {

// The values one source gives; anything may be missing.
struct PlanInputs {
  std::optional<int> weeks_postpartum;
  std::optional<Date> birth_date;
  std::optional<int> pain_days;
  std::optional<Date> pain_since;
  std::optional<int> severity;
  std::optional<Delivery> delivery;
  std::vector<std::string> postures;
  std::vector<std::string> equipment;
  std::vector<std::string> symptoms;
  bool pregnancy_back_pain = false;
};

// One logged pain reading.
struct Reading {
  int severity = 0;
  std::string at; // YYYY-MM-DDTHH:MM
};

// A sudden rise of the pain (clinical.md, red flags: sudden severe back
// pain can be a fracture of the spine): a day of the last 7 whose highest
// reading is k_sudden_min or more and k_sudden_rise or more above every
// reading of the 14 days before it, on at least 3 logged days that were
// not getting worse. It makes the plan ask the screening question; it never
// decides on its own.
struct SuddenRise {
  Date day{};
  int severity = 0;   // the day's highest reading
  int before_max = 0; // the highest reading of the 14 days before
};
constexpr int k_sudden_min = 8;
constexpr int k_sudden_rise = 4;
inline constexpr std::string_view k_sudden_sign = "sudden-severe-pain";

// The latest such rise up to `today` in `days` (day summaries in order);
// nullopt when none.
std::optional<SuddenRise> sudden_rise(const std::vector<DaySummary>& days, Date today);

// What the pain log says, in the terms of the input rules of docs/contract.md.
struct LogSummary {
  bool has_entries = false;
  // The highest reading in the 24 hours up to the latest entry of the last
  // 7 days (a morning flare is not wiped out by a calmer evening).
  std::optional<Reading> severity;
  std::string latest_at; // the latest entry of the last 7 days, when there is one
  // The first day with pain 1+ of the current episode; a logged pain-free
  // stretch of 14+ days ends an episode, days without entries do not.
  std::optional<Date> episode_start;
  // Pelvic pain (pelvis, sacroiliac, pubic) of 4+ on this many of the last
  // 14 days; it counts as a sign when on 5+ days and not improving.
  int pelvic_days = 0;
  bool pelvic_not_improving = false;
  // The verdict `backcare trend` gives over the whole log up to today.
  Verdict verdict = Verdict::insufficient_data;
  // Without a verdict for want of recent entries: the last logged day, when
  // the log was getting worse up to it (worse_when_last_logged()).
  std::optional<Date> worse_when_last_logged;
  // The warning signs in force (a yes not yet cleared).
  ScreenedSigns screened;
  // A sudden rise of the pain in the last 7 days, when there is one.
  std::optional<SuddenRise> sudden_rise;
  // Every screening up to today, oldest first (the replay asks which signs
  // were in force on each past day).
  std::vector<Screening> screenings;
  // Every exercise session up to today, oldest first, with the next-morning
  // pain taken from the log where it was not given.
  std::vector<Session> sessions;
  // Why red sessions came too close together; empty when they did not.
  std::string red_sessions;
  // Every logged day up to today (what summarize_log was given), so that a
  // caller never reads them twice.
  std::vector<DaySummary> days;
};

// The days of pelvic pain of 4+ that make the pelvic sign (our choice of
// "pain not improving within a week or two", POGP/RCOG).
constexpr int k_pelvic_sign_days = 5;
constexpr int k_pelvic_sign_severity = 4;
constexpr int k_episode_gap_days = 14;

// `days`: the log's day summaries up to today, in order; `recent`: every
// entry of the last 14 days (today - 13 to today), oldest first.
LogSummary summarize_log(const std::vector<DaySummary>& days, const std::vector<Entry>& recent, Date today);

// The sign id the log adds when pelvic pain is not improving.
inline constexpr std::string_view k_pelvic_sign = "pelvic-pain-not-improving";

enum class MissingInput { weeks, severity };

struct InputOrigin {
  std::string input;  // "weeks_postpartum", "severity", "pain_weeks", ...
  std::string source; // "command line", "profile", "log", "config" or "default"
  std::string detail; // "birth date 2026-09-01", "2026-11-24T06:00", "episode since 2026-08-20", ...
  std::string note;   // more for people, such as "latest entry 2026-11-24T21:00"

  // "log 2026-11-24T06:00": the source and its detail, as JSON's inputs_from says it.
  std::string from() const { return detail.empty() ? source : source + " " + detail; }
};

struct ResolvedInputs {
  Situation situation;
  std::vector<std::string> equipment;
  std::vector<InputOrigin> origins; // one per input that has a value
  std::vector<MissingInput> missing;
};

// Resolves each input from the first source that has it: `given` (the
// command line), `profile`, `log`, `config`, then the default. Signs from
// the log are added to the given ones. A birth or pain-start date after
// `today` is not used (the command line checks its own dates).
ResolvedInputs resolve_inputs(const PlanInputs& given, const Profile& profile, const LogSummary& log,
                              const PlanInputs& config, Date today);

} // namespace backcare
