#pragma once

// Trend statistics: is the pain really getting better? Pure functions over
// per-day summaries (the store aggregates entries by day in SQL, so no
// report ever holds every entry in memory), with the exercise sessions done
// and skipped beside the pain.

#include "backcare/core/catalog.hpp"
#include "backcare/core/date.hpp"
#include "backcare/core/progression.hpp"
#include "backcare/core/session.hpp"

#include <optional>
#include <string>
#include <vector>

namespace backcare {

// One calendar day of the log.
struct DaySummary {
  Date day{};
  int entries = 0;
  double mean = 0; // the day's value: the mean of its entries
  int min = 0;
  int max = 0;
};

// The exercise sessions of a period or of the whole range, and how they
// compare with what the plan schedules.
struct SessionCounts {
  int done = 0;
  int skipped = 0;
  int green = 0; // done sessions by outcome
  int amber = 0;
  int red = 0;
  int pending = 0;
  std::optional<double> mean_pain_during; // of the done sessions that have a value
  // The plan's session days in the days the sessions are measured over;
  // nullopt when the plan is unknown, or for a single day.
  std::optional<int> planned;
  // Done over planned, rounded, at most 100; nullopt when planned is unknown or 0.
  std::optional<int> adherence_percent;

  bool operator==(const SessionCounts&) const = default;
};

struct PeriodSummary {
  Date start{}; // the day, the Monday of the ISO week, or the 1st of the month
  int entries = 0;
  double mean = 0; // mean of the period's day values
  int min = 0;
  int max = 0;
  SessionCounts sessions; // the sessions on the period's days
};

// A session in the range, with its outcome (nullopt when skipped).
struct TrendSession {
  Session session;
  std::optional<Outcome> outcome;
  Date day{}; // the day of session.at, read once
};

struct Window {
  Date first{};
  Date last{};
  double mean = 0; // mean of the day values inside the window
  int days = 0;    // days with entries
};

// A note on the trend: a referral the triage rules give for this log (the
// same ones `plan` gives) or a catalog [[trend_flag]] note.
struct TrendFlagResult {
  std::string id;
  std::string message; // with {weeks} filled in
  std::string source;
  std::string refer_to;           // empty for notes
  Level level = Level::self_care; // the rule's level; self-care for notes
};

struct TrendRequest {
  Date as_of{};
  PeriodKind by = PeriodKind::week;
  std::optional<Date> birth_date;
  std::optional<Date> pain_since;     // start of the current pain episode, as `plan` resolves it
  std::vector<const Rule*> referrals; // refer rules fired on the log, as `plan` fires them
  // The range asked for (both days included); sessions outside it are left
  // out. The log's days come already filtered. No `until` means as_of.
  std::optional<Date> since;
  std::optional<Date> until;
  // Every session up to as_of, next mornings filled in (LogSummary::sessions).
  std::vector<Session> sessions;
  // What the plan asked for day by day (Plan::planned_sessions(), as `plan`
  // makes it today); nullopt when no plan can be made.
  std::optional<PlannedSessions> planned;
};

struct TrendReport {
  TrendRequest request;
  int entries = 0;
  std::optional<Date> first;
  std::optional<Date> last;
  std::vector<DaySummary> days; // one per logged day, in order
  std::vector<PeriodSummary> periods;
  std::optional<Window> baseline;
  std::optional<Window> recent;
  std::optional<double> change_points;
  std::optional<double> change_percent;
  Verdict verdict = Verdict::insufficient_data;
  std::optional<Date> worse_when_last_logged; // see worse_when_last_logged()
  std::optional<double> slope_per_week;
  int longest_pain_free_streak = 0; // consecutive days whose value is 0
  int days_logged = 0;
  int days_in_range = 0; // calendar days from first to last
  std::optional<int> weeks_postpartum;
  std::vector<TrendFlagResult> flags;
  std::vector<TrendSession> sessions; // in the range, in the order of `at`
  // Sessions are measured from the later of `since` and the first session
  // ever recorded, to `until` (or as_of); nullopt when no session was
  // recorded by then.
  std::optional<Date> sessions_from;
  Date sessions_until{};
  SessionCounts session_totals; // over the whole range
  // Adherence() over the 28 days up to as_of, as `plan` shows it; nullopt
  // without a plan or without sessions.
  std::optional<int> last_28_days_percent;
  // The first day those 28 days count: the first session ever when that is
  // later (the range's own figure says the same when it counts the same days).
  std::optional<Date> last_28_days_from;
};

// The clinically important change for low back pain: 2 points or 30% of
// baseline (Ostelo 2008; Farrar 2001).
constexpr double k_important_points = 2.0;
constexpr double k_important_fraction = 0.30;
// Our choice: a percentage change smaller than one point (possible from a low
// baseline) is below what the 0-10 scale can show, so it never counts.
constexpr double k_smallest_change = 1.0;
// At least this many logged days in each window for a verdict.
constexpr int k_window_min_days = 3;

// Builds the report from the day summaries (sorted by day).
TrendReport make_trend(const Catalog& catalog, const TrendRequest& request, std::vector<DaySummary> days);

// Groups day summaries into periods.
std::vector<PeriodSummary> group_periods(const std::vector<DaySummary>& days, PeriodKind by);

// The window [first, last] over the day summaries; nullopt when it holds no day.
std::optional<Window> window(const std::vector<DaySummary>& days, Date first, Date last);

// Least-squares slope of the day values, in points per week; needs 2 days.
std::optional<double> slope_per_week(const std::vector<DaySummary>& days);

// The change from a baseline mean that counts as clinically important: 2
// points, or 30% of the baseline when that is less but never less than
// k_smallest_change (one step on the 0-10 scale); 2 points from a baseline
// of 0 (no percent of nothing). The verdict and the charts' improvement band
// both use it, so they never disagree.
double important_change(double baseline_mean);

// The verdict: the change must reach important_change(baseline mean).
Verdict verdict_of(const std::optional<Window>& baseline, const std::optional<Window>& recent);

// Why a verdict is insufficient-data, in words; empty when it is not.
std::string insufficient_reason(const std::optional<Window>& baseline, const std::optional<Window>& recent);

// The baseline (7 days from the first logged day) and recent (7 days up to
// `today`) windows of a log's day summaries.
struct TrendWindows {
  std::optional<Window> baseline;
  std::optional<Window> recent;
};
TrendWindows trend_windows(const std::vector<DaySummary>& days, Date today);

// The verdict over a whole log up to `today`: what `trend` says and `plan` uses.
Verdict log_verdict(const std::vector<DaySummary>& days, Date today);

// The last logged day, when nothing is logged in the 7 days up to `today`
// (so there is no verdict) and the log up to that day was getting worse:
// the silence does not mean it got better. nullopt otherwise.
std::optional<Date> worse_when_last_logged(const std::vector<DaySummary>& days, Date today);

// What to say of it: "When you last logged your pain, on Mon 23 Mar, it was
// getting worse. Log it now: ...".
std::string worse_when_last_logged_text(Date last);

} // namespace backcare
