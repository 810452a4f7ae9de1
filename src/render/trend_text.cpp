#include "backcare/core/text.hpp"
#include "backcare/render/style.hpp"
#include "backcare/render/trend.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <utility>
#include <vector>

namespace backcare {
namespace {

using Json = nlohmann::ordered_json;

constexpr int k_bar_width = 30;
constexpr int k_spark_days = 72;

std::string signed1(double value)
{
  return fmt::format("{:+.1f}", round1(value));
}

std::string verdict_text(const TrendReport& r)
{
  const std::string rule =
      "the clinically important change (2 points, or 30% of the first week but never under 1 point)";
  if (r.verdict == Verdict::insufficient_data) {
    std::string text =
        fmt::format("Not enough data for a verdict yet: {}. Keep logging.", insufficient_reason(r.baseline, r.recent));
    if (r.worse_when_last_logged) {
      text += " " + worse_when_last_logged_text(*r.worse_when_last_logged);
    }
    return text;
  }
  const std::string percent = r.change_percent ? fmt::format(", {}%", signed1(*r.change_percent)) : "";
  const std::string numbers =
      fmt::format("from {:.1f} in the first week to {:.1f} in the last 7 days ({} points{})", round1(r.baseline->mean),
                  round1(r.recent->mean), signed1(*r.change_points), percent);
  if (r.verdict == Verdict::improved) {
    return fmt::format("Improved: pain fell {}. That is at least {}.", numbers, rule);
  }
  if (r.verdict == Verdict::worse) {
    return fmt::format("Worse: pain rose {}. That is at least {}.", numbers, rule);
  }
  return fmt::format("No meaningful change: pain went {}, less than {}.", numbers, rule);
}

// Appends a bar of up to k_bar_width cells for a 0-10 value, in eighths
// of a cell with Unicode.
void append_bar(std::string& out, double value, bool unicode)
{
  const double cells = std::clamp(value, 0.0, 10.0) / 10.0 * k_bar_width;
  if (!unicode) {
    out.append(static_cast<std::size_t>(std::lround(cells)), '#');
    return;
  }
  static constexpr std::array<std::string_view, 8> k_eighths{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  const auto whole = static_cast<int>(cells);
  for (int i = 0; i < whole; ++i) {
    out += "█";
  }
  out += k_eighths[static_cast<std::size_t>(std::lround((cells - whole) * 7))];
}

// The last day the daily rows show: the last entry, or a later session.
Date last_shown(const TrendReport& r)
{
  Date last = *r.last;
  for (const TrendSession& item : r.sessions) {
    last = std::max(last, item.day);
  }
  return last;
}

// One character a day for the last days of the log: a level for a logged
// day, a space for a day without entries.
std::string sparkline(const TrendReport& r, bool unicode, Date from, Date last)
{
  static constexpr std::array<const char*, 8> k_levels{"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  std::string out;
  auto it = r.days.begin();
  for (Date day = from; day <= last; day += std::chrono::days{1}) {
    while (it != r.days.end() && it->day < day) {
      ++it;
    }
    if (it == r.days.end() || it->day != day) {
      out += ' ';
      continue;
    }
    const double v = std::clamp(it->mean, 0.0, 10.0);
    if (unicode) {
      out += k_levels[static_cast<std::size_t>(std::lround(v / 10.0 * 7))];
    } else {
      const auto level = std::lround(v);
      out += level == 10 ? 'X' : static_cast<char>('0' + level);
    }
  }
  return out;
}

// How much a session's mark says: of two sessions on one day, the row
// shows the one that matters most.
int weight(const TrendSession& item)
{
  if (!item.outcome) {
    return 0;
  }
  switch (*item.outcome) {
  case Outcome::green:
    return 1;
  case Outcome::pending:
    return 2;
  case Outcome::amber:
    return 3;
  case Outcome::red:
    break;
  }
  return 4;
}

// Under the daily values, a letter on each day with a session: g green,
// a amber, r red, p pending, s skipped. Empty when none is in view.
std::string session_row(const TrendReport& r, Date from, Date last)
{
  std::string out(static_cast<std::size_t>(days_between(from, last) + 1), ' ');
  std::vector<int> weights(out.size(), -1);
  for (const TrendSession& item : r.sessions) {
    const Date day = item.day;
    if (day < from || day > last) {
      continue;
    }
    const auto i = static_cast<std::size_t>(days_between(from, day));
    if (weight(item) > weights[i]) {
      weights[i] = weight(item);
      out[i] = item.outcome ? name_of(*item.outcome).front() : 's';
    }
  }
  return out.find_first_not_of(' ') == std::string::npos ? "" : out;
}

std::string count_words(int n, std::string_view what)
{
  return fmt::format("{} {}", n, what);
}

// What the plan asked for over the measured days: "(3 a week from DATE)",
// or, when a change of phase changed the pace, "from DATE (3 a week; 7 a
// week from DATE, in phase 1)".
std::string planned_words(const TrendReport& r)
{
  const auto paces = r.request.planned->paces(*r.sessions_from, r.sessions_until);
  const std::string from = format_date(*r.sessions_from);
  if (paces.size() <= 1) {
    return fmt::format("({} a week from {})", paces.empty() ? 0 : paces.front().days_per_week, from);
  }
  std::vector<std::string> parts;
  parts.reserve(paces.size());
  for (const PlannedSessions::Pace& pace : paces) {
    parts.push_back(parts.empty() ? fmt::format("{} a week", pace.days_per_week)
                                  : fmt::format("{} a week from {}, in phase {}", pace.days_per_week,
                                                format_date(pace.from), pace.phase));
  }
  return fmt::format("from {} ({})", from, fmt::join(parts, "; "));
}

// "Sessions: 9 done (7 green, 1 amber, 1 red), 1 skipped; ..." over the range.
std::string sessions_text(const TrendReport& r)
{
  const SessionCounts& t = r.session_totals;
  std::vector<std::string> outcomes;
  for (const auto& [n, name] : {std::pair{t.green, "green"}, std::pair{t.amber, "amber"}, std::pair{t.red, "red"},
                                std::pair{t.pending, "pending"}}) {
    if (n > 0) {
      outcomes.push_back(count_words(n, name));
    }
  }
  std::string text = fmt::format("Sessions: {} done", t.done);
  if (!outcomes.empty()) {
    text += fmt::format(" ({})", fmt::join(outcomes, ", "));
  }
  text += fmt::format(", {} skipped", t.skipped);
  if (t.mean_pain_during) {
    text += fmt::format("; pain during them {:.1f} on average", round1(*t.mean_pain_during));
  }
  if (t.adherence_percent) {
    text += fmt::format("; {} of {} planned {}, {}%", t.done, *t.planned, planned_words(r), *t.adherence_percent);
  }
  // The plan's own figure, when the range does not already say it.
  const bool same_days = r.sessions_until == r.request.as_of && r.sessions_from == r.last_28_days_from;
  if (r.last_28_days_percent && !(same_days && t.adherence_percent)) {
    text += fmt::format("; {}% of planned in the last 28 days", *r.last_28_days_percent);
  }
  return text + ".";
}

// Periods exist only where pain was logged; says so when sessions fell
// outside them. Empty when every session has a row.
std::string rowless_sessions_text(const TrendReport& r)
{
  int in_rows = 0;
  for (const PeriodSummary& p : r.periods) {
    in_rows += p.sessions.done + p.sessions.skipped;
  }
  const int rowless = static_cast<int>(r.sessions.size()) - in_rows;
  if (rowless <= 0) {
    return "";
  }
  const std::string_view period = r.request.by == PeriodKind::day    ? "days"
                                  : r.request.by == PeriodKind::week ? "weeks"
                                                                     : "months";
  return fmt::format("{} {} on {} without a pain entry, so not in the table (the totals above count {}).", rowless,
                     rowless == 1 ? "session falls" : "sessions fall", period, rowless == 1 ? "it" : "them");
}

// The sessions of a period in 8 columns: "2 of 3", "1 done", "skipped" or "-".
std::string sessions_cell(const SessionCounts& c)
{
  if (c.planned && (*c.planned > 0 || c.done > 0)) {
    return fmt::format("{} of {}", c.done, *c.planned);
  }
  if (c.done > 0) {
    return count_words(c.done, "done");
  }
  return c.skipped > 0 ? "skipped" : "-";
}

std::string period_heading(PeriodKind by)
{
  switch (by) {
  case PeriodKind::day:
    return "Day";
  case PeriodKind::week:
    return "Week of";
  case PeriodKind::month:
    break;
  }
  return "Month of";
}

Json optional_number(const std::optional<double>& value)
{
  return value ? Json(round1(*value)) : Json(nullptr);
}

Json window_json(const std::optional<Window>& w)
{
  if (!w) {
    return nullptr;
  }
  Json j;
  j["mean"] = round1(w->mean);
  j["days"] = w->days;
  j["first"] = format_date(w->first);
  j["last"] = format_date(w->last);
  return j;
}

Json optional_int(const std::optional<int>& value)
{
  return value ? Json(*value) : Json(nullptr);
}

Json sessions_json(const SessionCounts& c)
{
  return {{"done", c.done},
          {"skipped", c.skipped},
          {"green", c.green},
          {"amber", c.amber},
          {"red", c.red},
          {"pending", c.pending},
          {"planned", optional_int(c.planned)},
          {"adherence_percent", optional_int(c.adherence_percent)},
          {"mean_pain_during", optional_number(c.mean_pain_during)}};
}

// The range's sessions: the counts, then what they are measured over.
Json session_totals_json(const TrendReport& r)
{
  Json j = sessions_json(r.session_totals);
  j["from"] = r.sessions_from ? Json(format_date(*r.sessions_from)) : Json(nullptr);
  j["until"] = format_date(r.sessions_until);
  j["days_per_week"] = r.request.planned ? Json(r.request.planned->days_per_week_on(r.request.as_of)) : Json(nullptr);
  j["last_28_days_percent"] = optional_int(r.last_28_days_percent);
  return j;
}

std::string by_name(PeriodKind by)
{
  return by == PeriodKind::day ? "day" : by == PeriodKind::week ? "week" : "month";
}

} // namespace

std::string_view verdict_words(Verdict verdict)
{
  switch (verdict) {
  case Verdict::improved:
    return "improved";
  case Verdict::worse:
    return "worse";
  case Verdict::no_meaningful_change:
    return "no meaningful change";
  case Verdict::insufficient_data:
    break;
  }
  return "not enough data yet";
}

double round1(double value)
{
  const double rounded = std::round(value * 10.0) / 10.0;
  return rounded == 0.0 ? 0.0 : rounded; // no "-0.0"
}

std::string render_trend_text(const TrendReport& r, const Style& style)
{
  const auto para = [&](std::string_view text, std::string_view first = "", std::string_view rest = "") {
    return wrap(text, style.width, first, rest);
  };
  const auto bold = [&](const std::string& text) { return paint(text, Paint::bold, style); };
  std::string out = bold(fmt::format("backcare trend for {}", format_date(r.request.as_of))) + "\n";
  if (r.entries == 0) {
    out += "No entries in this range yet. Log your pain with: backcare log add SEVERITY\n";
    return r.sessions.empty() ? out : out + para(sessions_text(r));
  }
  std::string summary =
      fmt::format("{} on {} of {}, {} to {}", counted(r.entries, "entry", "entries"), r.days_logged,
                  counted(r.days_in_range, "day", "days"), format_date(*r.first), format_date(*r.last));
  if (r.weeks_postpartum) {
    summary += fmt::format("; week {} after birth", *r.weeks_postpartum);
  }
  out += para(summary + ".") + "\n";
  std::string verdict = verdict_text(r);
  if (r.verdict != Verdict::insufficient_data) {
    out += paint(para(verdict),
                 r.verdict == Verdict::improved ? Paint::green
                 : r.verdict == Verdict::worse  ? Paint::red
                                                : Paint::yellow,
                 style);
  } else {
    out += para(verdict);
  }
  std::string slope = r.slope_per_week ? fmt::format("Trend: {} points a week.", signed1(*r.slope_per_week))
                                       : std::string("Trend: needs at least 2 logged days.");
  out += para(fmt::format("{} Longest pain-free streak: {} {}.", slope, r.longest_pain_free_streak,
                          r.longest_pain_free_streak == 1 ? "day" : "days"));
  const bool sessions = !r.sessions.empty();
  if (sessions) {
    out += para(sessions_text(r));
  }
  out += '\n';
  out += bold(fmt::format("{:<10}  {:>7}  {:>4}  {:>3}  {:>3}{}", period_heading(r.request.by), "entries", "mean",
                          "min", "max", sessions ? "  sessions" : ""))
         + "\n";
  // A row per period: over years of weeks these rows are most of trend's
  // work, so their formats are compiled and they are written in place.
  for (const PeriodSummary& p : r.periods) {
    fmt::format_to(std::back_inserter(out), FMT_COMPILE("{:<10}  {:>7}  {:>4.1f}  {:>3}  {:>3}"), format_date(p.start),
                   p.entries, round1(p.mean), p.min, p.max);
    if (sessions) {
      fmt::format_to(std::back_inserter(out), FMT_COMPILE("  {:>8}"), sessions_cell(p.sessions));
    }
    out += "  ";
    append_bar(out, p.mean, style.unicode);
    out += '\n';
  }
  if (const std::string rowless = rowless_sessions_text(r); !rowless.empty()) {
    out += para(rowless);
  }
  const Date last = last_shown(r);
  const Date from = std::max(*r.first, last - std::chrono::days{k_spark_days - 1});
  out += fmt::format("\nDaily values, {} to {} (0-10; blank: not logged):\n", format_date(from), format_date(last));
  out += sparkline(r, style.unicode, from, last) + "\n";
  if (const std::string row = session_row(r, from, last); !row.empty()) {
    out += row + "\n" + para("Sessions under their day: g green, a amber, r red, p pending, s skipped.");
  }
  if (!r.flags.empty()) {
    out += "\n" + bold("Notes") + "\n";
    for (const TrendFlagResult& flag : r.flags) {
      out += para(flag.refer_to.empty()        ? flag.message
                  : seeks_care_now(flag.level) ? fmt::format("Now: {} Contact: {}.", flag.message, flag.refer_to)
                                               : fmt::format("Book: {}. {}", flag.refer_to, flag.message),
                  "  - ", "    ");
    }
  }
  out += "\n" + para("This is a summary of your own log, not a diagnosis.");
  return out;
}

std::string render_trend_json(const TrendReport& r)
{
  Json periods = Json::array();
  for (const PeriodSummary& p : r.periods) {
    periods.push_back({{"start", format_date(p.start)},
                       {"entries", p.entries},
                       {"mean", round1(p.mean)},
                       {"min", p.min},
                       {"max", p.max},
                       {"sessions", sessions_json(p.sessions)}});
  }
  Json flags = Json::array();
  for (const TrendFlagResult& f : r.flags) {
    flags.push_back({{"id", f.id},
                     {"message", f.message},
                     {"source", f.source},
                     {"refer_to", f.refer_to},
                     {"level", name_of(f.level)}});
  }
  Json doc;
  doc["schema_version"] = 1;
  doc["as_of"] = format_date(r.request.as_of);
  doc["entries"] = r.entries;
  doc["first"] = r.first ? Json(format_date(*r.first)) : Json(nullptr);
  doc["last"] = r.last ? Json(format_date(*r.last)) : Json(nullptr);
  doc["periods"] = std::move(periods);
  doc["baseline"] = window_json(r.baseline);
  doc["recent"] = window_json(r.recent);
  doc["change"] = r.change_points
                      ? Json{{"points", round1(*r.change_points)}, {"percent", optional_number(r.change_percent)}}
                      : Json(nullptr);
  doc["verdict"] = name_of(r.verdict);
  doc["slope_per_week"] = optional_number(r.slope_per_week);
  doc["flags"] = std::move(flags);
  doc["by"] = by_name(r.request.by);
  doc["days_logged"] = r.days_logged;
  doc["days_in_range"] = r.days_in_range;
  doc["longest_pain_free_streak"] = r.longest_pain_free_streak;
  doc["weeks_postpartum"] = r.weeks_postpartum ? Json(*r.weeks_postpartum) : Json(nullptr);
  doc["sessions"] = session_totals_json(r);
  return doc.dump(2) + "\n";
}

std::string render_trend_csv(const TrendReport& r)
{
  std::string out = "start,entries,mean,min,max,sessions_done,sessions_skipped,sessions_red,adherence_percent\r\n";
  for (const PeriodSummary& p : r.periods) {
    const SessionCounts& c = p.sessions;
    fmt::format_to(std::back_inserter(out), FMT_COMPILE("{},{},{:.1f},{},{},{},{},{},"), format_date(p.start),
                   p.entries, round1(p.mean), p.min, p.max, c.done, c.skipped, c.red);
    if (c.adherence_percent) {
      fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}"), *c.adherence_percent);
    }
    out += "\r\n";
  }
  return out;
}

} // namespace backcare
