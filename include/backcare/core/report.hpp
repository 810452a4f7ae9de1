#pragma once

// The report a person hands a physiotherapist or GP (`backcare report`):
// who, the pain (now, best, worst, average, the first week against the last
// 7 days with its verdict, slope, by location), the warning signs reported
// with the advice given, the phase history, adherence and the pain response
// to exercise week by week, the PSFS over time, and the notes the person
// tagged for the clinician. Built from what the log holds, with the same
// core code as `plan` and `trend`, so the three never disagree. Pure: the
// renderers turn it into Markdown, HTML or JSON.

#include "backcare/core/catalog.hpp"
#include "backcare/core/date.hpp"
#include "backcare/core/entry.hpp"
#include "backcare/core/inputs.hpp"
#include "backcare/core/progression.hpp"
#include "backcare/core/psfs.hpp"
#include "backcare/core/screening.hpp"
#include "backcare/core/session.hpp"
#include "backcare/core/trend.hpp"
#include "backcare/core/vocabulary.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backcare {

enum class ReportFormat { markdown, html, json };
BACKCARE_VOCABULARY(ReportFormat, 3,
                    {{ReportFormat::markdown, "markdown"}, {ReportFormat::html, "html"}, {ReportFormat::json, "json"}});

// How much the pain fell from the first week to the last 7 days, in the
// IMMPACT bands (Dworkin 2008): 50% or more substantial, 30% or more
// moderate, less than that below-moderate; none when it did not fall.
enum class ImprovementBand { substantial, moderate, below_moderate, none };
BACKCARE_VOCABULARY(ImprovementBand, 4,
                    {{ImprovementBand::substantial, "substantial"},
                     {ImprovementBand::moderate, "moderate"},
                     {ImprovementBand::below_moderate, "below-moderate"},
                     {ImprovementBand::none, "none"}});

inline constexpr double k_moderate_percent = 30.0;
inline constexpr double k_substantial_percent = 50.0;

// The band of a change in percent of the baseline (negative: less pain).
ImprovementBand improvement_band(double change_percent);

// The default range of a report: 12 weeks (84 days) up to the last day.
inline constexpr int k_report_days = 84;

// Entries tagged with this (case-insensitively) are notes for the
// clinician: the report shows them, and no other note.
inline constexpr std::string_view k_clinician_tag = "clinician";

// One pain reading with how often it occurred.
struct PainExtreme {
  int severity = 0;
  int times = 0;        // entries with this severity in the range
  std::string last_at;  // the latest of them
  std::string location; // where the latest of them was
};

struct LocationPain {
  Location location = Location::low_back;
  int entries = 0;
  double mean = 0; // of the entries
  int max = 0;
};

struct ClinicianNote {
  std::string at;
  int severity = 0;
  std::string location;
  std::string note;
};

// What the entries of the range say beyond the day summaries: the best and
// the worst reading, the pain by location and the notes tagged for the
// clinician. Entries are streamed in (in time order) so that a long range
// never holds every entry in memory; a store can instead give the entries
// grouped by location and severity, and the tagged entries alone.
class EntryTally {
public:
  // One entry: add_group() of it, then add_note().
  void add(const Entry& entry);
  // `count` entries of one severity at one location, the latest at `last_at`.
  void add_group(const std::string& location, int severity, int count, const std::string& last_at);
  // The note of an entry tagged for the clinician; other entries are ignored.
  void add_note(const Entry& entry);

  std::optional<PainExtreme> best() const { return m_best; }
  std::optional<PainExtreme> worst() const { return m_worst; }
  // The locations with entries, in the order of the Location word list.
  std::vector<LocationPain> locations() const;
  const std::vector<ClinicianNote>& notes() const { return m_notes; }

private:
  static void track(std::optional<PainExtreme>& extreme, bool better, const PainExtreme& group);

  std::optional<PainExtreme> m_best;
  std::optional<PainExtreme> m_worst;
  struct Totals {
    int entries = 0;
    long sum = 0;
    int max = 0;
  };
  std::array<Totals, Vocabulary<Location>::count> m_locations{};
  std::vector<ClinicianNote> m_notes;
};

// What the CLI reads from the log for a report.
struct ReportInput {
  std::string profile; // the profile's name
  Profile saved;       // birth date, delivery, pain start
  std::optional<bool> pregnancy_back_pain;
  Date since{}; // the range, both days included; `until` is the report's "today"
  Date until{};
  Date as_of{};                      // the day the report is made (--as-of)
  ResolvedInputs inputs;             // resolve_inputs on `until`, as `plan` resolves them
  LogSummary summary;                // read on `until`: the sessions with their next mornings
  std::vector<DaySummary> days;      // of the range
  EntryTally entries;                // of the range
  std::vector<Screening> screenings; // of the range, oldest first
  std::vector<PsfsRating> psfs;      // of the range, oldest first
};

struct ReportWho {
  std::string profile;
  std::optional<Date> birth_date;
  std::optional<int> weeks_postpartum; // on `until`
  std::optional<Delivery> delivery;    // as saved; nullopt when not saved
  std::optional<bool> pregnancy_back_pain;
  std::optional<Date> pain_since; // the current episode, as `plan` resolves it
  std::optional<int> pain_weeks;
  std::string pain_since_from; // "profile" (a saved pain start) or "log" (its first entry with pain)
};

struct ReportPain {
  std::optional<Reading> now;          // as `plan` reads the severity on `until`
  std::optional<PainExtreme> best;     // the lowest entry of the range
  std::optional<PainExtreme> worst;    // the highest entry of the range
  std::optional<double> average;       // mean of the day values of the range
  std::optional<ImprovementBand> band; // with a verdict and a baseline above 0
  std::vector<LocationPain> locations;
};

// One piece of advice the triage gives: a fired catalog rule.
struct ReportAdvice {
  std::string rule_id;
  Level level = Level::self_care;
  std::string title;
  std::string message;
  std::string refer_to;
  std::string source;
  std::optional<int> max_phase; // the plan goes no higher while it fires
  bool hold = false;            // the plan does not move up while it fires
};

// A saved screening and, for its "yes" answers, what the rules advised.
struct ReportScreening {
  std::string at;
  int asked = 0;
  std::vector<std::string> yes;     // symptom ids
  std::vector<ReportAdvice> advice; // the rules those signs fire
  // The ids answered no when not every question was answered (`screen
  // --no ID`); empty when all were.
  std::vector<std::string> no;
};

// A warning sign or a referral in force during the range, from the day it
// began to the day it ended.
struct ReportEpisode {
  std::string rule_id; // the catalog rule in force
  Level level = Level::refer;
  std::string title;
  std::string refer_to;
  std::string sign;        // the reported symptom that raised it; empty for a referral from the log or sessions
  Date start{};            // its first day (may be before the range)
  std::optional<Date> end; // the day it ended; nullopt while still in force on `until`
  SignEnd ended_by = SignEnd::in_force; // for a sign: a no, or a clinician's check; for a referral: in_force
  std::optional<Date> unchecked_no;     // a no without a clinician's check that left an urgent sign in force
};

// One ISO week of sessions (Monday to Sunday).
struct ReportWeek {
  Date monday{};
  int phase = 0; // in force at the end of the week; 0 before the first session
  // The sessions planned that week (PlannedSessions::between): each day at
  // the pace of the phase in force then (every day in a phase of daily
  // exercises; nothing without a plan), from the first session on and
  // within the range.
  int planned = 0;
  int done = 0;
  int skipped = 0;
  std::vector<std::pair<SkipReason, int>> skip_reasons; // the reasons given, in word-list order
  int green = 0;
  int amber = 0;
  int red = 0;
  int pending = 0;
  std::optional<double> during_mean; // of the done sessions with a value
  std::optional<int> during_max;
  std::optional<double> morning_mean;
  std::optional<int> morning_max;
};

// One change of phase, worded for a clinician: `why` holds the numbers
// behind it (sessions, days, the pain of a red session).
struct ReportPhase {
  Date date{};
  int from = 0; // 0 for the start
  int to = 1;
  Decision decision = Decision::start;
  std::string why;
};

struct Report {
  Date since{};
  Date until{};
  Date as_of{};
  ReportWho who;
  ReportPain pain;
  TrendReport trend; // the range as `trend --by week` sees it up to `until`: windows, verdict, slope, chart
  Level level = Level::self_care;   // the triage on `until`
  std::vector<ReportAdvice> advice; // rules fired on `until` at refer level or above
  std::vector<ReportScreening> screenings;
  // Every sign and referral in force at some time in the range, by start.
  std::vector<ReportEpisode> timeline;
  // The phase history up to `until`: the change in force on `since`, then
  // every change in the range.
  std::vector<ReportPhase> phases;
  std::optional<int> phase;             // the phase on `until`; nullopt when no exercise is given
  std::optional<int> max_allowed;       // its ceiling
  std::string phase_note;               // how the phases were found, when not from a plan
  std::vector<std::string> phase_names; // of the catalog: [0] is phase 1
  Progression progression;              // the thresholds of green, amber and red
  int planned_per_week = 0;             // in the plan on `until`
  std::vector<ReportWeek> weeks;        // every ISO week of the range
  int sessions_done = 0;
  int sessions_skipped = 0;
  // The sessions planned over the range from the first session, counted at
  // once as `trend` counts its totals (not the sum of the rounded weeks).
  int sessions_planned = 0;
  PsfsTrend psfs;
  std::vector<ClinicianNote> notes; // entries tagged "clinician", oldest first
};

// Builds the report. The phases come from the plan `plan` would make on
// `until` (the same replay of the sessions); when no plan can be made (an
// urgent sign, or no birth date or recent pain), from the sessions replayed
// with the ceilings recorded with them, and `phase_note` says so.
Report make_report(const Catalog& catalog, const ReportInput& input);

} // namespace backcare
