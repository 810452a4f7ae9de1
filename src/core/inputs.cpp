#include "backcare/core/inputs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace backcare {
namespace {

// Minutes since the epoch of a normalised YYYY-MM-DDTHH:MM.
long minutes_of(std::string_view at)
{
  const long days = date_of(at).time_since_epoch().count();
  const int hour = (at[11] - '0') * 10 + (at[12] - '0');
  const int minute = (at[14] - '0') * 10 + (at[15] - '0');
  return (days * 24 + hour) * 60 + minute;
}

std::optional<Reading> log_severity(const std::vector<Entry>& recent, Date today, std::string& latest_at)
{
  const Date first = today - std::chrono::days{6};
  const Entry* latest = nullptr;
  for (const Entry& entry : recent) {
    const Date day = date_of(entry.at);
    if (day >= first && day <= today && (!latest || entry.at >= latest->at)) {
      latest = &entry;
    }
  }
  if (!latest) {
    return std::nullopt;
  }
  latest_at = latest->at;
  const long end = minutes_of(latest->at);
  Reading highest{latest->severity, latest->at};
  for (const Entry& entry : recent) {
    const long at = minutes_of(entry.at);
    const bool inside = at <= end && at >= end - 24L * 60;
    // The highest wins; among equals the latest, the one closest to now.
    if (inside
        && (entry.severity > highest.severity || (entry.severity == highest.severity && entry.at > highest.at))) {
      highest = {entry.severity, entry.at};
    }
  }
  return highest;
}

std::optional<Date> episode_start(const std::vector<DaySummary>& days)
{
  std::optional<Date> start;
  std::optional<Date> calm_first; // the current run of pain-free logged days
  std::optional<Date> calm_last;
  for (const DaySummary& day : days) {
    if (day.max == 0) {
      if (!calm_first) {
        calm_first = day.day;
      }
      calm_last = day.day;
      continue;
    }
    const bool ended = calm_first && days_between(*calm_first, *calm_last) + 1 >= k_episode_gap_days;
    if (!start || ended) {
      start = day.day;
    }
    calm_first.reset();
    calm_last.reset();
  }
  if (calm_first && days_between(*calm_first, *calm_last) + 1 >= k_episode_gap_days) {
    return std::nullopt; // pain-free for two weeks or more: no current episode
  }
  return start;
}

bool is_pelvic(const std::string& location)
{
  const auto where = parse_word<Location>(location);
  return where == Location::pelvis || where == Location::sacroiliac || where == Location::pubic;
}

void pelvic_sign(const std::vector<Entry>& recent, Date today, LogSummary& summary)
{
  const Date first = today - std::chrono::days{13};
  std::map<Date, std::pair<int, int>> by_day; // day -> (sum, count) of pelvic readings
  std::map<Date, bool> high_days;
  for (const Entry& entry : recent) {
    const Date day = date_of(entry.at);
    if (!is_pelvic(entry.location) || day < first || day > today) {
      continue;
    }
    auto& [sum, count] = by_day[day];
    sum += entry.severity;
    ++count;
    if (entry.severity >= k_pelvic_sign_severity) {
      high_days[day] = true;
    }
  }
  summary.pelvic_days = static_cast<int>(high_days.size());
  std::vector<DaySummary> days;
  days.reserve(by_day.size());
  for (const auto& [day, totals] : by_day) {
    days.push_back({day, totals.second, static_cast<double>(totals.first) / totals.second, 0, 0});
  }
  // Not improving: the second week is not better than the first by the
  // clinically important change, judged as `trend` judges any log.
  const auto earlier = window(days, first, first + std::chrono::days{6});
  const auto later = window(days, first + std::chrono::days{7}, today);
  summary.pelvic_not_improving = verdict_of(earlier, later) != Verdict::improved;
}

template <typename T> void add_unique(std::vector<T>& items, const T& item)
{
  if (std::find(items.begin(), items.end(), item) == items.end()) {
    items.push_back(item);
  }
}

} // namespace

std::optional<SuddenRise> sudden_rise(const std::vector<DaySummary>& days, Date today)
{
  std::optional<SuddenRise> found;
  const auto from = std::lower_bound(days.begin(), days.end(), today - std::chrono::days{6},
                                     [](const DaySummary& d, Date day) { return d.day < day; });
  for (auto it = from; it != days.end() && it->day <= today; ++it) {
    if (it->max < k_sudden_min) {
      continue;
    }
    const auto before = std::lower_bound(days.begin(), it, it->day - std::chrono::days{14},
                                         [](const DaySummary& d, Date day) { return d.day < day; });
    if (std::distance(before, it) < 3) {
      continue;
    }
    int before_max = 0;
    for (auto b = before; b != it; ++b) {
      before_max = std::max(before_max, b->max);
    }
    const bool not_worsening = std::prev(it)->mean <= before->mean;
    if (not_worsening && it->max - before_max >= k_sudden_rise) {
      found = SuddenRise{it->day, it->max, before_max};
    }
  }
  return found;
}

LogSummary summarize_log(const std::vector<DaySummary>& days, const std::vector<Entry>& recent, Date today)
{
  LogSummary summary;
  summary.has_entries = !days.empty() || !recent.empty();
  summary.severity = log_severity(recent, today, summary.latest_at);
  summary.episode_start = episode_start(days);
  summary.verdict = log_verdict(days, today);
  summary.worse_when_last_logged = worse_when_last_logged(days, today);
  summary.sudden_rise = sudden_rise(days, today);
  pelvic_sign(recent, today, summary);
  return summary;
}

ResolvedInputs resolve_inputs(const PlanInputs& given, const Profile& profile, const LogSummary& log,
                              const PlanInputs& config, Date today)
{
  ResolvedInputs result;
  Situation& s = result.situation;
  const auto origin = [&](std::string input, std::string source, std::string detail = {}) {
    result.origins.push_back({std::move(input), std::move(source), std::move(detail), {}});
  };
  const auto from_birth = [&](Date birth, const std::string& where) {
    const int days = days_between(birth, today);
    if (days < 0) {
      return false;
    }
    s.birth_date = birth;
    s.days_postpartum = days;
    s.weeks_postpartum = weeks_from_days(days);
    origin("weeks_postpartum", where, "birth date " + format_date(birth));
    return true;
  };

  if (given.weeks_postpartum) {
    s.weeks_postpartum = given.weeks_postpartum;
    origin("weeks_postpartum", "command line");
  } else if (!(given.birth_date && from_birth(*given.birth_date, "command line"))
             && !(profile.birth_date && from_birth(*profile.birth_date, "profile"))) {
    result.missing.push_back(MissingInput::weeks);
  }

  const auto from_pain_since = [&](Date since, const std::string& where) {
    const int days = days_between(since, today);
    if (days < 0) {
      return false;
    }
    s.pain_days = days;
    origin("pain_weeks", where, "since " + format_date(since));
    return true;
  };
  if (given.pain_days) {
    s.pain_days = given.pain_days;
    origin("pain_weeks", "command line");
  } else if (!(given.pain_since && from_pain_since(*given.pain_since, "command line"))
             && !(profile.pain_since && from_pain_since(*profile.pain_since, "profile")) && log.episode_start
             && from_pain_since(*log.episode_start, "log")) {
    result.origins.back().detail = "episode " + result.origins.back().detail;
    if (!log.days.empty() && log.days.front().day == *log.episode_start) {
      // The log cannot say whether the pain began before it did.
      result.origins.back().note = "the day your log begins";
    }
  }

  if (given.severity) {
    s.severity = given.severity;
    origin("severity", "command line");
  } else if (log.severity) {
    s.severity = log.severity->severity;
    origin("severity", "log", log.severity->at);
    if (log.latest_at != log.severity->at) {
      result.origins.back().note = "latest entry " + log.latest_at;
    }
  } else {
    result.missing.push_back(MissingInput::severity);
  }

  if (given.delivery) {
    s.delivery = *given.delivery;
    origin("delivery", "command line");
  } else if (profile.delivery) {
    s.delivery = *profile.delivery;
    origin("delivery", "profile");
  } else if (config.delivery) {
    s.delivery = *config.delivery;
    origin("delivery", "config");
  } else {
    origin("delivery", "default");
  }

  const auto pick_list = [&](const char* input, const std::vector<std::string>& a, const std::vector<std::string>& b,
                             const std::vector<std::string>& c, std::vector<std::string>& out) {
    const std::vector<std::pair<const std::vector<std::string>*, const char*>> sources{
        {&a, "command line"}, {&b, "profile"}, {&c, "config"}};
    for (const auto& [list, where] : sources) {
      if (!list->empty()) {
        for (const std::string& item : *list) {
          add_unique(out, item);
        }
        origin(input, where);
        return;
      }
    }
  };
  pick_list("postures", given.postures, profile.postures, config.postures, s.postures);
  pick_list("equipment", given.equipment, profile.equipment, config.equipment, result.equipment);

  for (const std::string& id : given.symptoms) {
    add_unique(s.symptoms, id);
  }
  if (!given.symptoms.empty()) {
    origin("symptoms", "command line");
  }
  if (!log.screened.signs.empty()) {
    for (const std::string& id : log.screened.signs) {
      add_unique(s.symptoms, id);
    }
    origin("screened_signs", "screening", log.screened.at);
  }
  if (log.pelvic_days >= k_pelvic_sign_days && log.pelvic_not_improving) {
    add_unique(s.symptoms, std::string(k_pelvic_sign));
    origin("log_signs", "log",
           fmt::format("pelvic pain of {}+ on {} of the last 14 days, not improving", k_pelvic_sign_severity,
                       log.pelvic_days));
  }
  if (!log.red_sessions.empty()) {
    s.red_sessions = log.red_sessions;
    origin("red_sessions", "sessions", "too painful within 7 days");
  }
  if (log.has_entries) {
    s.trend_verdict = log.verdict;
    origin("trend_verdict", "log", std::string(name_of(log.verdict)));
  }
  s.pregnancy_back_pain = given.pregnancy_back_pain || config.pregnancy_back_pain;
  return result;
}

} // namespace backcare
