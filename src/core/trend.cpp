#include "backcare/core/trend.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace backcare {
namespace {

Date period_start(Date day, PeriodKind by)
{
  using namespace std::chrono;
  switch (by) {
  case PeriodKind::day:
    return day;
  case PeriodKind::week:
    return monday_of(day);
  case PeriodKind::month: {
    const year_month_day ymd{day};
    return Date{ymd.year() / ymd.month() / 1};
  }
  }
  return day;
}

// The last day of the period that starts on `start`.
Date period_end(Date start, PeriodKind by)
{
  using namespace std::chrono;
  switch (by) {
  case PeriodKind::day:
    return start;
  case PeriodKind::week:
    return start + days{6};
  case PeriodKind::month: {
    const year_month_day ymd{start};
    return Date{ymd.year() / ymd.month() / last};
  }
  }
  return start;
}

// The sessions in the range, in the order of `at` (then id); sessions whose
// `at` does not parse are left out, as the replay leaves them out.
std::vector<TrendSession> sessions_in(const Progression& rules, const std::vector<Session>& sessions,
                                      std::optional<Date> since, Date until)
{
  std::vector<TrendSession> result;
  for (const Session& session : sessions) {
    const auto at = parse_datetime(session.at);
    const Date day = date_of(session.at);
    if (!at || *at != session.at || (since && day < *since) || day > until) {
      continue;
    }
    result.push_back({session, outcome(rules, session), day});
  }
  std::sort(result.begin(), result.end(), [](const TrendSession& a, const TrendSession& b) {
    return std::tie(a.session.at, a.session.id) < std::tie(b.session.at, b.session.id);
  });
  return result;
}

// The sessions on the days from `first` to `last`, both included.
SessionCounts count_sessions(const std::vector<TrendSession>& sessions, Date first, Date last)
{
  SessionCounts counts;
  int with_pain = 0;
  double pain_sum = 0;
  for (const TrendSession& item : sessions) {
    if (item.day < first || item.day > last) {
      continue;
    }
    if (!item.outcome) {
      ++counts.skipped;
      continue;
    }
    ++counts.done;
    switch (*item.outcome) {
    case Outcome::green:
      ++counts.green;
      break;
    case Outcome::amber:
      ++counts.amber;
      break;
    case Outcome::red:
      ++counts.red;
      break;
    case Outcome::pending:
      ++counts.pending;
      break;
    }
    if (item.session.pain_during) {
      pain_sum += *item.session.pain_during;
      ++with_pain;
    }
  }
  if (with_pain > 0) {
    counts.mean_pain_during = pain_sum / with_pain;
  }
  return counts;
}

// Planned sessions from `first` to `last` (nothing when last < first), and
// the adherence that follows.
void set_planned(SessionCounts& counts, const std::optional<PlannedSessions>& planned, Date first, Date last)
{
  if (!planned) {
    return;
  }
  counts.planned = planned->between(first, last);
  counts.adherence_percent = adherence_percent(counts.done, *counts.planned);
}

// The day of the first session up to `until` whose `at` parses.
std::optional<Date> first_session_day(const std::vector<Session>& sessions, Date until)
{
  std::optional<Date> first;
  for (const Session& session : sessions) {
    const Date day = date_of(session.at);
    if (parse_datetime(session.at) && day <= until && (!first || day < *first)) {
      first = day;
    }
  }
  return first;
}

// The sessions of the range, per period and in total, measured from the
// first session ever recorded (or `since`, when later), as plan's
// adherence is: weeks before a person started are not missed sessions.
void add_sessions(TrendReport& report, const Progression& rules)
{
  const TrendRequest& request = report.request;
  const Date until = std::min(request.as_of, request.until.value_or(request.as_of));
  report.sessions_until = until;
  report.sessions = sessions_in(rules, request.sessions, request.since, until);
  report.sessions_from = first_session_day(request.sessions, until);
  if (report.sessions_from && request.since) {
    report.sessions_from = std::max(*report.sessions_from, *request.since);
  }
  // Without any session there is nothing to measure: planned 0, no percent.
  const Date from = report.sessions_from.value_or(until + std::chrono::days{1});
  for (PeriodSummary& period : report.periods) {
    const Date last = period_end(period.start, request.by);
    period.sessions = count_sessions(report.sessions, period.start, last);
    if (request.by != PeriodKind::day) {
      set_planned(period.sessions, request.planned, std::max(period.start, from), std::min(last, until));
    }
  }
  report.session_totals = count_sessions(report.sessions, from, until);
  set_planned(report.session_totals, request.planned, from, until);
  if (request.planned && !request.sessions.empty()) {
    report.last_28_days_percent = adherence(request.sessions, *request.planned, request.as_of).last_28_days_percent;
    if (const auto first = first_session_day(request.sessions, request.as_of)) {
      report.last_28_days_from = std::max(*first, request.as_of - std::chrono::days{27});
    }
  }
}

bool holds(const TrendCondition& when, const TrendReport& report)
{
  const auto& weeks = report.weeks_postpartum;
  if ((when.weeks_postpartum_min || when.weeks_postpartum_max) && !weeks) {
    return false;
  }
  if (when.weeks_postpartum_min && *weeks < *when.weeks_postpartum_min) {
    return false;
  }
  if (when.weeks_postpartum_max && *weeks > *when.weeks_postpartum_max) {
    return false;
  }
  const bool pain_present = !report.days.empty() && report.days.back().mean > 0;
  if (when.pain_present && *when.pain_present != pain_present) {
    return false;
  }
  if (when.pain_weeks_min) {
    const auto& since = report.request.pain_since;
    if (!since || days_between(*since, report.request.as_of) / 7 < *when.pain_weeks_min) {
      return false;
    }
  }
  return !when.verdict || *when.verdict == report.verdict;
}

std::string fill(std::string message, const std::optional<int>& weeks)
{
  const std::string key = "{weeks}";
  for (auto pos = message.find(key); pos != std::string::npos && weeks; pos = message.find(key)) {
    message.replace(pos, key.size(), std::to_string(*weeks));
  }
  return message;
}

} // namespace

std::vector<PeriodSummary> group_periods(const std::vector<DaySummary>& days, PeriodKind by)
{
  std::vector<PeriodSummary> periods;
  int day_count = 0;
  double day_sum = 0;
  for (const DaySummary& day : days) {
    const Date start = period_start(day.day, by);
    if (periods.empty() || periods.back().start != start) {
      if (!periods.empty()) {
        periods.back().mean = day_sum / day_count;
      }
      PeriodSummary period;
      period.start = start;
      period.min = day.min;
      period.max = day.max;
      periods.push_back(period);
      day_count = 0;
      day_sum = 0;
    }
    PeriodSummary& period = periods.back();
    period.entries += day.entries;
    period.min = std::min(period.min, day.min);
    period.max = std::max(period.max, day.max);
    day_sum += day.mean;
    ++day_count;
  }
  if (!periods.empty()) {
    periods.back().mean = day_sum / day_count;
  }
  return periods;
}

std::optional<Window> window(const std::vector<DaySummary>& days, Date first, Date last)
{
  Window result{first, last, 0, 0};
  double sum = 0;
  for (const DaySummary& day : days) {
    if (day.day >= first && day.day <= last) {
      sum += day.mean;
      ++result.days;
    }
  }
  if (result.days == 0) {
    return std::nullopt;
  }
  result.mean = sum / result.days;
  return result;
}

std::optional<double> slope_per_week(const std::vector<DaySummary>& days)
{
  if (days.size() < 2) {
    return std::nullopt;
  }
  const Date origin = days.front().day;
  double sum_x = 0;
  double sum_y = 0;
  for (const DaySummary& day : days) {
    sum_x += days_between(origin, day.day);
    sum_y += day.mean;
  }
  const double n = static_cast<double>(days.size());
  const double mean_x = sum_x / n;
  const double mean_y = sum_y / n;
  double sxy = 0;
  double sxx = 0;
  for (const DaySummary& day : days) {
    const double dx = days_between(origin, day.day) - mean_x;
    sxy += dx * (day.mean - mean_y);
    sxx += dx * dx;
  }
  return sxy / sxx * 7.0;
}

std::string insufficient_reason(const std::optional<Window>& baseline, const std::optional<Window>& recent)
{
  if (!baseline) {
    return "the log has no entries";
  }
  if (!recent) {
    return "nothing is logged in the last 7 days";
  }
  if (baseline->last >= recent->first) {
    return fmt::format("the first week of the log ({} to {}) overlaps the last 7 days; a verdict needs at least two "
                       "weeks of logging",
                       format_date(baseline->first), format_date(baseline->last));
  }
  if (baseline->days < k_window_min_days || recent->days < k_window_min_days) {
    return fmt::format("it needs at least {} logged days in the first week of the log and in the last 7 days "
                       "(now {} and {})",
                       k_window_min_days, baseline->days, recent->days);
  }
  return "";
}

double important_change(double baseline_mean)
{
  if (baseline_mean <= 0) {
    return k_important_points; // no percent of nothing
  }
  return std::min(k_important_points, std::max(k_smallest_change, k_important_fraction * baseline_mean));
}

Verdict verdict_of(const std::optional<Window>& baseline, const std::optional<Window>& recent)
{
  if (!insufficient_reason(baseline, recent).empty()) {
    return Verdict::insufficient_data;
  }
  const double change = recent->mean - baseline->mean;
  // A hair of tolerance so that exactly 30% or 2 points counts despite rounding.
  const double needed = important_change(baseline->mean) - 1e-9;
  if (change <= -needed) {
    return Verdict::improved;
  }
  if (change >= needed) {
    return Verdict::worse;
  }
  return Verdict::no_meaningful_change;
}

TrendWindows trend_windows(const std::vector<DaySummary>& days, Date today)
{
  if (days.empty()) {
    return {};
  }
  const Date first = days.front().day;
  return {window(days, first, first + std::chrono::days{6}), window(days, today - std::chrono::days{6}, today)};
}

Verdict log_verdict(const std::vector<DaySummary>& days, Date today)
{
  const TrendWindows windows = trend_windows(days, today);
  return verdict_of(windows.baseline, windows.recent);
}

std::optional<Date> worse_when_last_logged(const std::vector<DaySummary>& days, Date today)
{
  if (days.empty() || days_between(days.back().day, today) < 7
      || log_verdict(days, today) != Verdict::insufficient_data) {
    return std::nullopt;
  }
  const Date last = days.back().day;
  return log_verdict(days, last) == Verdict::worse ? std::optional<Date>(last) : std::nullopt;
}

std::string worse_when_last_logged_text(Date last)
{
  return fmt::format("When you last logged your pain, on {}, it was getting worse, and nothing has been logged "
                     "since. Log it now (backcare log add N); if it is still worse, book a physiotherapist.",
                     format_day(last));
}

TrendReport make_trend(const Catalog& catalog, const TrendRequest& request, std::vector<DaySummary> days)
{
  TrendReport report;
  report.request = request;
  report.days = std::move(days);
  if (request.birth_date) {
    report.weeks_postpartum = days_between(*request.birth_date, request.as_of) / 7;
  }
  if (!report.days.empty()) {
    const auto& all = report.days;
    report.first = all.front().day;
    report.last = all.back().day;
    for (const DaySummary& day : all) {
      report.entries += day.entries;
    }
    report.days_logged = static_cast<int>(all.size());
    report.days_in_range = days_between(*report.first, *report.last) + 1;
    report.periods = group_periods(all, request.by);
    const TrendWindows windows = trend_windows(all, request.as_of);
    report.baseline = windows.baseline;
    report.recent = windows.recent;
    if (report.baseline && report.recent) {
      report.change_points = report.recent->mean - report.baseline->mean;
      if (report.baseline->mean > 0) {
        report.change_percent = *report.change_points / report.baseline->mean * 100.0;
      }
    }
    report.verdict = verdict_of(report.baseline, report.recent);
    report.worse_when_last_logged = worse_when_last_logged(all, request.as_of);
    report.slope_per_week = slope_per_week(all);
    int streak = 0;
    std::optional<Date> previous;
    for (const DaySummary& day : all) {
      const bool continues = previous && days_between(*previous, day.day) == 1;
      streak = day.mean == 0 ? (continues ? streak + 1 : 1) : 0;
      report.longest_pain_free_streak = std::max(report.longest_pain_free_streak, streak);
      previous = day.day;
    }
  }
  add_sessions(report, catalog.progression);
  for (const Rule* rule : request.referrals) {
    report.flags.push_back({rule->id, rule->message, rule->source, rule->refer_to, rule->level});
  }
  for (const TrendFlag& flag : catalog.trend_flags) {
    if (!report.days.empty() && holds(flag.when, report)) {
      report.flags.push_back({flag.id, fill(flag.message, report.weeks_postpartum), flag.source, ""});
    }
  }
  return report;
}

} // namespace backcare
