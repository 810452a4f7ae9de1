#pragma once

// Trend statistics: is the pain really getting better? Pure functions over
// per-day summaries (the store aggregates entries by day in SQL, so no
// report ever holds every entry in memory).

#include "backcare/core/catalog.hpp"
#include "backcare/core/date.hpp"

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

struct PeriodSummary {
  Date start{}; // the day, the Monday of the ISO week, or the 1st of the month
  int entries = 0;
  double mean = 0; // mean of the period's day values
  int min = 0;
  int max = 0;
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
  std::string refer_to; // empty for notes
};

struct TrendRequest {
  Date as_of{};
  PeriodKind by = PeriodKind::week;
  std::optional<Date> birth_date;
  std::optional<Date> pain_since;     // start of the current pain episode, as `plan` resolves it
  std::vector<const Rule*> referrals; // refer rules fired on the log, as `plan` fires them
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
  std::optional<double> slope_per_week;
  int longest_pain_free_streak = 0; // consecutive days whose value is 0
  int days_logged = 0;
  int days_in_range = 0; // calendar days from first to last
  std::optional<int> weeks_postpartum;
  std::vector<TrendFlagResult> flags;
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

// The verdict: the
// change must reach 2 points, or 30% of baseline but never less than
// k_smallest_change (one step on the 0-10 scale).
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

} // namespace backcare
