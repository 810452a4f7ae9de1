#include "backcare/core/trend.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace backcare {
namespace {

Date period_start(Date day, PeriodKind by)
{
  using namespace std::chrono;
  switch (by) {
  case PeriodKind::day:
    return day;
  case PeriodKind::week:
    return day - (weekday{day} - Monday);
  case PeriodKind::month: {
    const year_month_day ymd{day};
    return Date{ymd.year() / ymd.month() / 1};
  }
  }
  return day;
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
      periods.push_back({start, 0, 0, day.min, day.max});
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

Verdict verdict_of(const std::optional<Window>& baseline, const std::optional<Window>& recent)
{
  if (!insufficient_reason(baseline, recent).empty()) {
    return Verdict::insufficient_data;
  }
  const double change = recent->mean - baseline->mean;
  const double fraction = baseline->mean > 0 ? std::max(k_smallest_change, k_important_fraction * baseline->mean)
                                             : k_important_points; // no percent of nothing
  // A hair of tolerance so that exactly 30% or 2 points counts despite rounding.
  const double needed = std::min(k_important_points, fraction) - 1e-9;
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
  for (const Rule* rule : request.referrals) {
    report.flags.push_back({rule->id, rule->message, rule->source, rule->refer_to});
  }
  for (const TrendFlag& flag : catalog.trend_flags) {
    if (!report.days.empty() && holds(flag.when, report)) {
      report.flags.push_back({flag.id, fill(flag.message, report.weeks_postpartum), flag.source, ""});
    }
  }
  return report;
}

} // namespace backcare
