#include "backcare/core/report.hpp"

#include "backcare/core/planner.hpp"
#include "backcare/core/triage.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace backcare {
namespace {

using std::chrono::days;

bool is_clinician_tag(const std::string& tag)
{
  return std::equal(tag.begin(), tag.end(), k_clinician_tag.begin(), k_clinician_tag.end(),
                    [](char a, char b) { return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b; });
}

ReportAdvice advice_of(const Rule& rule)
{
  return {rule.id, rule.level, rule.title, rule.message, rule.refer_to, rule.source, rule.max_phase, rule.hold};
}

bool names_any(const Rule& rule, const std::vector<std::string>& signs)
{
  return std::any_of(signs.begin(), signs.end(), [&](const std::string& sign) {
    return std::find(rule.when.symptoms_any.begin(), rule.when.symptoms_any.end(), sign)
           != rule.when.symptoms_any.end();
  });
}

// What the rules advised for the signs of one screening: the same triage,
// on those signs and the time since birth on that day.
std::vector<ReportAdvice> advice_for(const Catalog& catalog, const Situation& now, const Screening& screening)
{
  if (screening.yes.empty()) {
    return {};
  }
  Situation then;
  then.symptoms = screening.yes;
  then.delivery = now.delivery;
  then.birth_date = now.birth_date;
  if (now.birth_date) {
    const int age = days_between(*now.birth_date, date_of(screening.at));
    if (age >= 0) {
      then.days_postpartum = age;
      then.weeks_postpartum = weeks_from_days(age);
    }
  }
  std::vector<ReportAdvice> advice;
  for (const FiredRule& fired : run_triage(catalog, then).fired) {
    if (names_any(*fired.rule, screening.yes)) {
      advice.push_back(advice_of(*fired.rule));
    }
  }
  return advice;
}

// The most severe rule that names the sign.
const Rule* rule_of_sign(const Catalog& catalog, const std::string& id)
{
  const Rule* found = nullptr;
  for (const Rule& rule : catalog.rules) {
    if (names_any(rule, {id}) && (!found || rule.level > found->level)) {
      found = &rule;
    }
  }
  return found;
}

ReportEpisode episode_of(const Rule& rule, Date start)
{
  ReportEpisode episode;
  episode.rule_id = rule.id;
  episode.level = rule.level;
  episode.title = rule.title;
  episode.refer_to = rule.refer_to;
  episode.start = start;
  return episode;
}

// The reported signs in force at some time in the range, with how each ended.
void sign_episodes(const Catalog& catalog, const ReportInput& input, std::vector<ReportEpisode>& out)
{
  for (const SignSpan& span : sign_spans(catalog, input.summary.screenings, input.until)) {
    const Rule* rule = rule_of_sign(catalog, span.id);
    const Date start = date_of(span.since);
    const std::optional<Date> end = span.until.empty() ? std::nullopt : std::optional<Date>(date_of(span.until));
    if (!rule || start > input.until || (end && *end < input.since)) {
      continue;
    }
    ReportEpisode episode = episode_of(*rule, start);
    episode.sign = span.id;
    episode.end = end;
    episode.ended_by = span.end;
    if (!span.unchecked_no.empty()) {
      episode.unchecked_no = date_of(span.unchecked_no);
    }
    out.push_back(std::move(episode));
  }
}

// The situation on a past day of the range, as the plan saw it then: the
// time since birth, the pain of the latest logged day within a week, the
// pain's duration, the log's verdict and red sessions (signs apart).
Situation situation_on(const Catalog& catalog, const ReportInput& input, Date day)
{
  const Situation& now = input.inputs.situation;
  Situation then;
  then.delivery = now.delivery;
  const int back = days_between(day, input.until);
  if (now.weeks_postpartum) {
    const int age = now.days_postpartum.value_or(7 * *now.weeks_postpartum) - back;
    then.weeks_postpartum = age >= 0 ? std::optional<int>(weeks_from_days(age)) : std::nullopt;
  }
  if (now.pain_days && *now.pain_days >= back) {
    then.pain_days = *now.pain_days - back;
  }
  const auto& days_logged = input.summary.days;
  auto it = std::upper_bound(days_logged.begin(), days_logged.end(), day,
                             [](Date d, const DaySummary& summary) { return d < summary.day; });
  if (it != days_logged.begin() && days_between(std::prev(it)->day, day) < 7) {
    then.severity = std::prev(it)->max;
    then.trend_verdict = log_verdict(days_logged, day);
  }
  then.red_sessions = red_sessions_referral(catalog.progression, input.summary.sessions, day).value_or("");
  return then;
}

// The referrals that no reported sign raised (severe pain, pain lasting,
// a worse log, red sessions), found by the triage of each day of the range.
void referral_episodes(const Catalog& catalog, const ReportInput& input, std::vector<ReportEpisode>& out)
{
  std::map<std::string, std::size_t> open; // rule id -> its episode in `out`
  for (Date day = input.since; day <= input.until; day += days{1}) {
    std::vector<std::string> fired;
    for (const FiredRule& f : run_triage(catalog, situation_on(catalog, input, day)).fired) {
      if (f.rule->level >= Level::refer && f.rule->when.symptoms_any.empty()) {
        fired.push_back(f.rule->id);
        if (!open.contains(f.rule->id)) {
          open[f.rule->id] = out.size();
          out.push_back(episode_of(*f.rule, day));
        }
      }
    }
    for (auto it = open.begin(); it != open.end();) {
      const bool still = std::find(fired.begin(), fired.end(), it->first) != fired.end();
      if (!still) {
        out[it->second].end = day;
      }
      it = still ? std::next(it) : open.erase(it);
    }
  }
}

std::vector<ReportEpisode> timeline_of(const Catalog& catalog, const ReportInput& input)
{
  std::vector<ReportEpisode> timeline;
  sign_episodes(catalog, input, timeline);
  referral_episodes(catalog, input, timeline);
  std::stable_sort(timeline.begin(), timeline.end(),
                   [](const ReportEpisode& a, const ReportEpisode& b) { return a.start < b.start; });
  return timeline;
}

ReportWho who_of(const ReportInput& input)
{
  const Situation& s = input.inputs.situation;
  ReportWho who;
  who.profile = input.profile;
  who.birth_date = s.birth_date;
  who.weeks_postpartum = s.weeks_postpartum;
  who.delivery = input.saved.delivery;
  who.pregnancy_back_pain = input.pregnancy_back_pain;
  who.pain_weeks = s.pain_weeks();
  if (s.pain_days) {
    who.pain_since = input.until - days{*s.pain_days};
  }
  for (const InputOrigin& origin : input.inputs.origins) {
    if (origin.input == "pain_weeks") {
      who.pain_since_from = origin.source;
    }
  }
  return who;
}

ReportPain pain_of(const ReportInput& input, const TrendReport& trend)
{
  ReportPain pain;
  pain.now = input.summary.severity;
  pain.best = input.entries.best();
  pain.worst = input.entries.worst();
  if (!input.days.empty()) {
    double sum = 0;
    for (const DaySummary& day : input.days) {
      sum += day.mean;
    }
    pain.average = sum / static_cast<double>(input.days.size());
  }
  if (trend.verdict != Verdict::insufficient_data && trend.change_percent) {
    pain.band = improvement_band(*trend.change_percent);
  }
  pain.locations = input.entries.locations();
  return pain;
}

// The replay's reason without its lead ("Moved up to phase 3 on Mon 21 Sep:
// "), which the report's date and phase columns already give; the start
// gets its own words (the replay's speak to the person).
std::string clinician_why(const Progression& rules, const PhaseChange& change)
{
  if (change.decision == Decision::start) {
    return change.to < rules.start_phase
               ? fmt::format("first recorded session (phase {} was not open yet)", change.to + 1)
               : std::string("first recorded session");
  }
  const auto colon = change.why.find(": ");
  std::string why = colon == std::string::npos ? change.why : change.why.substr(colon + 2);
  // An advance ends with what green means, which the report says once.
  const auto green = why.rfind(" (pain ");
  if (change.decision == Decision::advance && green != std::string::npos && why.ends_with(").")) {
    why = why.substr(0, green) + ".";
  }
  return why;
}

// The phases from the plan of `until`, or from the sessions alone, with
// what each phase's plan asks for (nothing without a plan). The history is
// empty without a session.
PlannedSessions phases_of(const Catalog& catalog, const ReportInput& input, Report& report)
{
  PlannedSessions planned;
  const ResolvedInputs& inputs = input.inputs;
  const auto& sessions = input.summary.sessions;
  Progress progress;
  if (!seeks_care_now(report.level) && inputs.missing.empty()) {
    // The signs of each past day cap and hold it, as in `plan`.
    const Plan plan = make_plan(catalog, plan_request(inputs, input.summary, input.until, monday_of(input.until)));
    progress = plan.progress;
    report.phase = plan.current_phase;
    report.max_allowed = plan.max_allowed;
    report.planned_per_week = plan.session_days;
    planned.days_per_week = plan.session_days_by_phase;
  } else {
    // The same replay as the plan's, each day as the plan saw it then, with
    // `until` held by its signs.
    progress = replay_sessions(catalog, plan_request(inputs, input.summary, input.until, monday_of(input.until)));
    if (!seeks_care_now(report.level)) {
      report.phase = progress.phase;
    }
    report.phase_note = sessions.empty() ? ""
                        : seeks_care_now(report.level)
                            ? "An urgent or emergency sign is in force; the phases are "
                              "replayed from the sessions as the plan saw each day."
                            : "No plan could be made (the birth date or a pain entry in the last 7 days is missing); "
                              "the phases are replayed from the sessions as the plan saw each day.";
  }
  if (sessions.empty()) {
    return planned; // no session: no history, only where a first plan would start
  }
  planned.history = progress.history;
  for (const PhaseChange& change : progress.history) {
    if (change.date > input.until) {
      continue;
    }
    ReportPhase phase{change.date, change.from, change.to, change.decision, clinician_why(catalog.progression, change)};
    if (change.date < input.since && !report.phases.empty() && report.phases.back().date < input.since) {
      report.phases.back() = std::move(phase); // only the change in force on `since`
      continue;
    }
    report.phases.push_back(std::move(phase));
  }
  return planned;
}

void weeks_of(const Catalog& catalog, const ReportInput& input, const PlannedSessions& planned, Report& report)
{
  const Date first = monday_of(input.since);
  // Each day at the pace of the phase in force that day, from the first
  // session on (as plan and trend count), within the range.
  for (Date monday = first; monday <= input.until; monday += days{7}) {
    ReportWeek week;
    week.monday = monday;
    const Date last = std::min(monday + days{6}, input.until);
    if (!planned.history.empty() && planned.history.front().date <= last) {
      week.phase = planned.phase_on(last);
      week.planned = planned.between(std::max({monday, input.since, planned.history.front().date}), last);
    }
    report.weeks.push_back(week);
  }
  if (!planned.history.empty() && planned.history.front().date <= input.until) {
    report.sessions_planned = planned.between(std::max(input.since, planned.history.front().date), input.until);
  }
  struct Sums {
    int during = 0;
    int during_n = 0;
    int morning = 0;
    int morning_n = 0;
    std::array<int, Vocabulary<SkipReason>::count> reasons{};
  };
  std::vector<Sums> sums(report.weeks.size());
  for (const Session& session : input.summary.sessions) {
    const Date day = date_of(session.at);
    if (day < input.since || day > input.until) {
      continue;
    }
    const auto index = static_cast<std::size_t>(days_between(first, day) / 7);
    ReportWeek& week = report.weeks[index];
    Sums& sum = sums[index];
    if (session.status == SessionStatus::skipped) {
      ++week.skipped;
      ++report.sessions_skipped;
      ++sum.reasons[static_cast<std::size_t>(session.reason.value_or(SkipReason::other))];
      continue;
    }
    ++week.done;
    ++report.sessions_done;
    switch (outcome(catalog.progression, session).value_or(Outcome::pending)) {
    case Outcome::green:
      ++week.green;
      break;
    case Outcome::amber:
      ++week.amber;
      break;
    case Outcome::red:
      ++week.red;
      break;
    case Outcome::pending:
      ++week.pending;
      break;
    }
    if (session.pain_during) {
      sum.during += *session.pain_during;
      ++sum.during_n;
      week.during_max = std::max(week.during_max.value_or(0), *session.pain_during);
    }
    if (session.next_morning) {
      sum.morning += *session.next_morning;
      ++sum.morning_n;
      week.morning_max = std::max(week.morning_max.value_or(0), *session.next_morning);
    }
  }
  for (std::size_t i = 0; i < report.weeks.size(); ++i) {
    ReportWeek& week = report.weeks[i];
    const Sums& sum = sums[i];
    if (sum.during_n > 0) {
      week.during_mean = static_cast<double>(sum.during) / sum.during_n;
    }
    if (sum.morning_n > 0) {
      week.morning_mean = static_cast<double>(sum.morning) / sum.morning_n;
    }
    for (const SkipReason reason : values_of<SkipReason>()) {
      if (const int n = sum.reasons[static_cast<std::size_t>(reason)]; n > 0) {
        week.skip_reasons.emplace_back(reason, n);
      }
    }
  }
}

} // namespace

ImprovementBand improvement_band(double change_percent)
{
  const double fall = -change_percent + 1e-9; // exactly 30% or 50% counts
  if (fall >= k_substantial_percent) {
    return ImprovementBand::substantial;
  }
  if (fall >= k_moderate_percent) {
    return ImprovementBand::moderate;
  }
  return change_percent < 0 ? ImprovementBand::below_moderate : ImprovementBand::none;
}

void EntryTally::track(std::optional<PainExtreme>& extreme, bool better, const PainExtreme& group)
{
  if (!extreme || better) {
    extreme = group;
  } else if (extreme->severity == group.severity) {
    extreme->times += group.times;
    if (group.last_at >= extreme->last_at) {
      extreme->last_at = group.last_at;
      extreme->location = group.location;
    }
  }
}

void EntryTally::add_group(const std::string& location, int severity, int count, const std::string& last_at)
{
  const PainExtreme group{severity, count, last_at, location};
  track(m_best, m_best && severity < m_best->severity, group);
  track(m_worst, m_worst && severity > m_worst->severity, group);
  const Location where = parse_word<Location>(location).value_or(Location::other);
  Totals& totals = m_locations[static_cast<std::size_t>(where)];
  totals.entries += count;
  totals.sum += static_cast<long>(severity) * count;
  totals.max = std::max(totals.max, severity);
}

void EntryTally::add_note(const Entry& entry)
{
  if (std::any_of(entry.tags.begin(), entry.tags.end(), is_clinician_tag)) {
    m_notes.push_back({entry.at, entry.severity, entry.location, entry.note});
  }
}

void EntryTally::add(const Entry& entry)
{
  add_group(entry.location, entry.severity, 1, entry.at);
  add_note(entry);
}

std::vector<LocationPain> EntryTally::locations() const
{
  std::vector<LocationPain> result;
  for (const Location where : values_of<Location>()) {
    const Totals& totals = m_locations[static_cast<std::size_t>(where)];
    if (totals.entries > 0) {
      result.push_back({where, totals.entries, static_cast<double>(totals.sum) / totals.entries, totals.max});
    }
  }
  return result;
}

Report make_report(const Catalog& catalog, const ReportInput& input)
{
  Report report;
  report.since = input.since;
  report.until = input.until;
  report.as_of = input.as_of;
  report.who = who_of(input);
  const Situation& situation = input.inputs.situation;
  TrendRequest trend;
  trend.as_of = input.until;
  trend.by = PeriodKind::week;
  trend.birth_date = situation.birth_date;
  if (situation.pain_days) {
    trend.pain_since = input.until - days{*situation.pain_days};
  }
  report.trend = make_trend(catalog, trend, input.days);
  report.trend.flags.clear(); // notes worded for the person; the advice below is the clinician's
  report.pain = pain_of(input, report.trend);
  const Triage triage = run_triage(catalog, situation);
  report.level = triage.level;
  for (const FiredRule& fired : triage.fired) {
    if (fired.rule->level >= Level::refer) {
      report.advice.push_back(advice_of(*fired.rule));
    }
  }
  for (const Screening& screening : input.screenings) {
    ReportScreening& saved = report.screenings.emplace_back();
    saved.at = screening.at;
    saved.asked = static_cast<int>(screening.asked.size());
    saved.yes = screening.yes;
    saved.advice = advice_for(catalog, situation, screening);
    if (screening.asked.size() < catalog.symptoms.size()) {
      for (const std::string& id : screening.asked) {
        if (std::find(screening.yes.begin(), screening.yes.end(), id) == screening.yes.end()) {
          saved.no.push_back(id);
        }
      }
    }
  }
  report.timeline = timeline_of(catalog, input);
  for (const Phase& phase : catalog.phases) {
    report.phase_names.push_back(phase.name);
  }
  report.progression = catalog.progression;
  const PlannedSessions planned = phases_of(catalog, input, report);
  weeks_of(catalog, input, planned, report);
  report.psfs = psfs_trend(input.psfs);
  report.notes = input.entries.notes();
  return report;
}

} // namespace backcare
