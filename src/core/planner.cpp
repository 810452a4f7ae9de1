#include "backcare/core/planner.hpp"

#include "backcare/core/error.hpp"
#include "backcare/core/screening.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

namespace backcare {
namespace {

bool has_all(const std::vector<std::string>& owned, const std::vector<std::string>& needed)
{
  return std::all_of(needed.begin(), needed.end(), [&](const std::string& item) {
    return std::find(owned.begin(), owned.end(), item) != owned.end();
  });
}

bool shares_any(const std::vector<std::string>& a, const std::vector<std::string>& b)
{
  return std::any_of(a.begin(), a.end(),
                     [&](const std::string& item) { return std::find(b.begin(), b.end(), item) != b.end(); });
}

class Builder {
public:
  Builder(const Catalog& catalog, const PlanRequest& request, Plan& plan)
    : m_catalog(catalog)
    , m_request(request)
    , m_plan(plan)
    , m_spans(sign_spans(catalog, request.screenings, request.as_of))
  {
  }

  // The highest phase whose time floor has been reached.
  int time_ceiling() const
  {
    int ceiling = 0;
    for (const Phase& phase : m_catalog.phases) {
      if (phase.min_weeks(delivery()) <= weeks()) {
        ceiling = phase.number;
      }
    }
    return ceiling;
  }

  // The ceiling on a past day: the time floors as they were then, the
  // ceiling recorded with that day's sessions (a flare or a sign then), and
  // the caps of the signs and the pain logged then, so a flare lowers the
  // phase on its day whether or not a session was recorded. Today and later,
  // the plan's own max_allowed (in a replay only, today too is a past day).
  int ceiling_on(Date day) const
  {
    if (day >= m_request.as_of && !m_replay_only) {
      return m_plan.max_allowed;
    }
    int ceiling = time_ceiling_on(day);
    if (const auto it = m_recorded.find(day); it != m_recorded.end()) {
      ceiling = std::min(ceiling, it->second);
    }
    return std::min(ceiling, ceiling_then(signs_on(day), severity_on(day)));
  }

  // The highest phase whose time floor was reached on `day`; every phase
  // when the time since birth is not known (a replay without a plan).
  int time_ceiling_on(Date day) const
  {
    const auto& s = m_request.situation;
    if (!s.days_postpartum && !s.weeks_postpartum) {
      return static_cast<int>(m_catalog.phases.size());
    }
    const int days_now = s.days_postpartum.value_or(7 * s.weeks_postpartum.value_or(0));
    const int weeks_then = std::max(0, days_now - days_between(day, m_request.as_of)) / 7;
    int ceiling = 1;
    for (const Phase& phase : m_catalog.phases) {
      if (phase.min_weeks(delivery()) <= weeks_then) {
        ceiling = phase.number;
      }
    }
    return ceiling;
  }

  // Whether the plan held on a past day: a sign of a screening was in force,
  // or the ceiling was below what time allowed (a rule capped the plan then:
  // a flare, or a ceiling recorded with a session).
  bool held_on(Date day) const { return !signs_on(day).empty() || ceiling_on(day) < time_ceiling_on(day); }

  // The pain the plan knew on a past day: the highest reading of the latest
  // logged day within the 7 days up to it (the day's highest stands in for
  // the 24 hours up to the latest entry); nullopt when none.
  std::optional<int> severity_on(Date day) const
  {
    const auto& days = m_request.pain_days;
    auto it = std::upper_bound(days.begin(), days.end(), day,
                               [](Date d, const DaySummary& summary) { return d < summary.day; });
    if (it == days.begin()) {
      return std::nullopt;
    }
    --it;
    return days_between(it->day, day) < 7 ? std::optional<int>(it->max) : std::nullopt;
  }

  // The signs of the screenings in force on a past day.
  std::vector<std::string> signs_on(Date day) const { return signs_in_force_on(m_spans, day); }

  // What moving up to phase `number` on `day` still needs from the
  // warning-sign answers: a screening in the last k_screening_days that
  // answers no to the phase's entry questions (its closed_by signs).
  std::string entry_screening_on(Date day, int number) const
  {
    const Phase* phase = m_catalog.find_phase(number);
    std::vector<std::string> missing;
    for (const std::string& id : phase ? phase->closed_by : std::vector<std::string>{}) {
      if (!answered_no_recently(m_catalog, m_request.screenings, id, day)) {
        std::string words = id;
        std::replace(words.begin(), words.end(), '-', ' ');
        missing.push_back(std::move(words));
      }
    }
    if (missing.empty() && screened_recently(m_request.screenings, day)) {
      return {};
    }
    std::string needed = fmt::format("a screening in the last {} days (backcare screen)", k_screening_days);
    if (!missing.empty()) {
      const std::string last = missing.back();
      missing.pop_back();
      needed += missing.empty() ? fmt::format(" that answers no to {}", last)
                                : fmt::format(" that answers no to {} and {}", fmt::join(missing, ", "), last);
    }
    return needed;
  }

  // The highest phase the signs and the pain of a past day allowed: the
  // caps of the rules they fire and the phases the signs close (as
  // max_allowed does today).
  int ceiling_then(const std::vector<std::string>& signs, std::optional<int> severity) const
  {
    const int open = static_cast<int>(m_catalog.phases.size());
    const std::string key = fmt::format("{}|{}", fmt::join(signs, ";"), severity.value_or(-1));
    if (const auto it = m_ceilings_then.find(key); it != m_ceilings_then.end()) {
      return it->second;
    }
    Situation then = m_request.situation;
    then.symptoms = signs;
    then.severity = severity;
    then.trend_verdict.reset();
    then.red_sessions.clear();
    int ceiling = run_triage(m_catalog, then).max_phase.value_or(open);
    for (const Phase& phase : m_catalog.phases) {
      for (const std::string& id : phase.closed_by) {
        if (std::find(signs.begin(), signs.end(), id) != signs.end()) {
          ceiling = std::min(ceiling, phase.number - 1);
        }
      }
    }
    ceiling = std::max(1, ceiling);
    m_ceilings_then.emplace(key, ceiling);
    return ceiling;
  }

  // The first phase closed by a reported sign that contradicts its entry
  // criteria, with that sign; closing a phase closes every phase above it.
  std::optional<std::pair<int, std::string>> first_closed() const
  {
    const auto& symptoms = m_request.situation.symptoms;
    for (const Phase& phase : m_catalog.phases) {
      for (const std::string& id : phase.closed_by) {
        if (std::find(symptoms.begin(), symptoms.end(), id) != symptoms.end()) {
          return std::make_pair(phase.number, id);
        }
      }
    }
    return std::nullopt;
  }

  void choose_phase()
  {
    const int by_time = time_ceiling();
    m_plan.max_allowed = std::min(by_time, m_plan.triage.max_phase.value_or(by_time));
    const auto closed = first_closed();
    if (closed) {
      m_plan.max_allowed = std::min(m_plan.max_allowed, closed->first - 1);
    }
    ProgressRequest replay = replay_request();
    // Nobody moves up while a rule holds the plan, a reported warning sign
    // is in force, or sessions were too painful (the roadmap's "no warning
    // sign" criterion).
    const Rule* holding = m_plan.triage.held_by;
    for (const FiredRule& fired : m_plan.triage.fired) {
      const bool sign = !fired.rule->when.symptoms_any.empty() || fired.rule->when.red_sessions.value_or(false);
      holding = holding ? holding : (sign && fired.rule->level == Level::refer ? fired.rule : nullptr);
    }
    m_plan.hold = holding;
    m_plan.holds = holding != nullptr;
    if (holding) {
      std::string title = holding->title;
      title[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(title[0])));
      replay.hold_reason = title;
    }
    replay.holds = [this](Date day) { return day >= m_request.as_of ? m_plan.holds : held_on(day); };
    m_plan.progress = progress(m_catalog.progression, replay);
    if (!m_request.phase) {
      m_plan.current_phase = std::min(m_plan.max_allowed, m_plan.progress.phase);
      return;
    }
    const int wanted = *m_request.phase;
    const int count = static_cast<int>(m_catalog.phases.size());
    if (wanted < 1 || wanted > count) {
      throw usage_error(fmt::format("phase must be 1-{}, got {}", count, wanted));
    }
    const Phase& phase = *m_catalog.find_phase(wanted);
    if (wanted > by_time) {
      throw usage_error(fmt::format("phase {} ({}) opens at week {} after a {} birth, on {}; you are at {}", wanted,
                                    phase.name, phase.min_weeks(delivery()), delivery_word(delivery()),
                                    format_date(opens_on(phase)), time_since_birth(m_request.situation)));
    }
    if (closed && wanted >= closed->first) {
      throw usage_error(fmt::format("phase {} ({}) stays closed while you report '{}': it starts only once that "
                                    "has cleared (backcare catalog show {} lists its criteria)",
                                    wanted, phase.name, closed->second, closed->first));
    }
    if (wanted > m_plan.max_allowed) {
      const Rule& rule = *m_plan.triage.capped_by;
      throw usage_error(fmt::format("phase {} ({}) is not allowed while this applies: {}; it allows up to phase {}",
                                    wanted, phase.name, rule.title, m_plan.max_allowed));
    }
    m_plan.current_phase = wanted;
  }

  // The replay of the sessions with each day's ceiling and hold as the plan
  // saw them then.
  ProgressRequest replay_request()
  {
    ProgressRequest replay;
    replay.sessions = m_request.sessions;
    replay.last_phase = static_cast<int>(m_catalog.phases.size());
    replay.today = m_request.as_of;
    replay.trend_worse = m_request.situation.trend_verdict == Verdict::worse;
    for (const Session& session : m_request.sessions) {
      if (session.ceiling > 0) {
        const auto [it, added] = m_recorded.emplace(date_of(session.at), session.ceiling);
        it->second = added ? it->second : std::min(it->second, session.ceiling);
      }
    }
    replay.ceiling = [this](Date day) { return ceiling_on(day); };
    replay.holds = [this](Date day) { return held_on(day); };
    replay.entry_screening = [this](Date day, int number) { return entry_screening_on(day, number); };
    return replay;
  }

  // The replay alone, for a day no plan is made (an urgent sign in force):
  // today is judged as a past day, held by its signs.
  Progress replay()
  {
    m_replay_only = true;
    return progress(m_catalog.progression, replay_request());
  }

  void list_phases()
  {
    const auto closed = first_closed();
    for (const Phase& phase : m_catalog.phases) {
      PhasePlan entry;
      entry.phase = &phase;
      entry.min_weeks = phase.min_weeks(delivery());
      entry.opens_on = opens_on(phase);
      entry.status = status_of(phase.number);
      if (phase.number > m_plan.triage.max_phase.value_or(phase.number)) {
        entry.held_by = m_plan.triage.capped_by;
      }
      if (closed && phase.number >= closed->first) {
        entry.closed_by = closed->second;
      }
      if (phase.number <= m_plan.max_allowed) {
        entry.exercises = exercises_of(phase.number, phase.number == m_plan.current_phase);
      }
      m_plan.phases.push_back(std::move(entry));
    }
  }

  // What a week of phase `number` holds: the earlier phases' exercises it
  // keeps, at most k_max_posture_extras for the person's posture, then the
  // phase's own.
  std::vector<PlannedExercise> week_of(int number)
  {
    std::vector<PlannedExercise> week;
    int extras = 0;
    for (const Exercise& ex : m_catalog.exercises) {
      if (ex.phase >= number || ex.substitute_only || m_plan.triage.avoids(ex.id)) {
        continue;
      }
      if (ex.carry_forward) {
        week.push_back({&ex, nullptr, false});
      } else if (shares_any(ex.postures, m_request.situation.postures) && extras < k_max_posture_extras) {
        week.push_back({&ex, nullptr, true});
        ++extras;
      }
    }
    for (PlannedExercise& item : exercises_of(number, false)) {
      week.push_back(item);
    }
    return week;
  }

  // A session day has more than the every-day routine; in a week that is
  // all every-day routine, every day is a session day.
  static int session_days_of(const std::vector<PlannedExercise>& week)
  {
    int count = 0;
    for (int d = 0; d < 7; ++d) {
      const bool session = std::any_of(week.begin(), week.end(), [&](const PlannedExercise& item) {
        const auto days = session_days(item.exercise->dosage.days_per_week);
        return item.exercise->dosage.days_per_week < 7 && std::find(days.begin(), days.end(), d) != days.end();
      });
      count += session ? 1 : 0;
    }
    return count == 0 ? 7 : count;
  }

  void build_schedule()
  {
    for (const Phase& phase : m_catalog.phases) {
      m_plan.session_days_by_phase.push_back(session_days_of(week_of(phase.number)));
    }
    const std::vector<PlannedExercise> week = week_of(m_plan.current_phase);
    m_plan.session_days = session_days_of(week);
    for (int w = 0; w < m_request.weeks_ahead; ++w) {
      for (int d = 0; d < 7; ++d) {
        ScheduleDay day;
        day.date = m_request.start + std::chrono::days{7 * w + d};
        for (const PlannedExercise& item : week) {
          const auto days = session_days(item.exercise->dosage.days_per_week);
          if (std::find(days.begin(), days.end(), d) != days.end()) {
            day.items.push_back(item);
          }
        }
        m_plan.schedule.push_back(std::move(day));
      }
    }
  }

private:
  Delivery delivery() const { return m_request.situation.delivery; }
  int weeks() const { return m_request.situation.weeks_postpartum.value_or(0); }

  Date opens_on(const Phase& phase) const
  {
    const auto& birth = m_request.situation.birth_date;
    if (birth) {
      return *birth + std::chrono::days{7 * phase.min_weeks(delivery())};
    }
    const int weeks_to_go = std::max(0, phase.min_weeks(delivery()) - weeks());
    return m_request.as_of + std::chrono::days{7 * weeks_to_go};
  }

  PhaseStatus status_of(int number) const
  {
    if (number < m_plan.current_phase) {
      return PhaseStatus::earlier;
    }
    if (number == m_plan.current_phase) {
      return PhaseStatus::current;
    }
    return number <= m_plan.max_allowed ? PhaseStatus::open : PhaseStatus::later;
  }

  // The exercises of one phase after rule and equipment adjustments. Drops
  // are recorded once, when `record` is set.
  std::vector<PlannedExercise> exercises_of(int number, bool record)
  {
    std::vector<PlannedExercise> result;
    const auto& owned = m_request.equipment;
    for (const Exercise& ex : m_catalog.exercises) {
      if (ex.phase != number || ex.substitute_only) {
        continue;
      }
      if (m_plan.triage.avoids(ex.id)) {
        if (record) {
          m_plan.dropped.push_back({&ex, "left out while a warning sign applies"});
        }
        continue;
      }
      if (owned.empty() || has_all(owned, ex.equipment)) {
        result.push_back({&ex, nullptr, false});
        continue;
      }
      const Exercise* sub = ex.substitute ? m_catalog.find_exercise(*ex.substitute) : nullptr;
      const bool usable =
          sub && !m_plan.triage.avoids(sub->id)
          && std::none_of(result.begin(), result.end(), [&](const PlannedExercise& p) { return p.exercise == sub; });
      if (usable) {
        result.push_back({sub, &ex, false});
      } else if (record) {
        m_plan.dropped.push_back(
            {&ex, fmt::format("needs equipment you do not have ({})", fmt::join(ex.equipment, ", "))});
      }
    }
    return result;
  }

  const Catalog& m_catalog;
  const PlanRequest& m_request;
  Plan& m_plan;
  std::map<Date, int> m_recorded;                     // the lowest ceiling recorded with each day's sessions
  mutable std::map<std::string, int> m_ceilings_then; // ceiling_then by the signs and the pain
  bool m_replay_only = false;                         // replay(): today is judged as a past day
  std::vector<SignSpan> m_spans;                      // every sign of the screenings up to as_of, walked once
};

} // namespace

std::string_view delivery_word(Delivery delivery)
{
  return delivery == Delivery::cesarean ? "caesarean" : "vaginal";
}

std::string time_since_birth(const Situation& s)
{
  if (s.days_postpartum && *s.days_postpartum < 14) {
    return *s.days_postpartum == 1 ? std::string("1 day after birth")
                                   : fmt::format("{} days after birth", *s.days_postpartum);
  }
  if (!s.weeks_postpartum) {
    return "an unknown time after birth";
  }
  if (*s.weeks_postpartum == 0) {
    return "the first week after birth";
  }
  if (*s.weeks_postpartum == 1) {
    return "the second week after birth";
  }
  return fmt::format("week {} after birth", *s.weeks_postpartum);
}

std::string_view to_string(PhaseStatus status)
{
  switch (status) {
  case PhaseStatus::earlier:
    return "earlier";
  case PhaseStatus::current:
    return "current";
  case PhaseStatus::open:
    return "open";
  case PhaseStatus::later:
    break;
  }
  return "later";
}

std::vector<const Exercise*> possible_session_exercises(const Catalog& catalog, int phase)
{
  std::vector<const Exercise*> result;
  const auto add = [&](const Exercise* ex) {
    if (ex && std::find(result.begin(), result.end(), ex) == result.end()) {
      result.push_back(ex);
    }
  };
  if (!catalog.find_phase(phase)) {
    return result;
  }
  for (const Exercise& ex : catalog.exercises) {
    if (ex.substitute_only) {
      continue;
    }
    if (ex.phase == phase) {
      add(&ex);
      add(ex.substitute ? catalog.find_exercise(*ex.substitute) : nullptr);
    } else if (ex.phase < phase && (ex.carry_forward || !ex.postures.empty())) {
      add(&ex);
    }
  }
  return result;
}

std::string session_catalog_problem(const Catalog& catalog, const Session& session)
{
  if (!catalog.find_phase(session.phase)) {
    return fmt::format("'phase' {} is not a phase of the catalog (it has phases 1-{})", session.phase,
                       catalog.phases.size());
  }
  const auto possible = possible_session_exercises(catalog, session.phase);
  for (const std::string& id : session.skipped_exercises) {
    const Exercise* ex = catalog.find_exercise(id);
    if (!ex) {
      return fmt::format("'skipped_exercises': '{}' is not an exercise of the catalog", id);
    }
    if (std::find(possible.begin(), possible.end(), ex) == possible.end()) {
      return fmt::format("'skipped_exercises': '{}' is not in a phase {} session (it is a phase {} exercise)", id,
                         session.phase, ex->phase);
    }
  }
  return {};
}

std::vector<int> session_days(int days_per_week)
{
  std::vector<int> days;
  const int n = std::clamp(days_per_week, 1, 7);
  days.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    days.push_back(i * 7 / n);
  }
  return days;
}

Progress replay_sessions(const Catalog& catalog, const PlanRequest& request)
{
  Plan plan;
  Builder builder(catalog, request, plan);
  return builder.replay();
}

PlanRequest plan_request(const ResolvedInputs& inputs, const LogSummary& log, Date as_of, Date start)
{
  PlanRequest request;
  request.situation = inputs.situation;
  request.as_of = as_of;
  request.start = start;
  request.equipment = inputs.equipment;
  request.origins = inputs.origins;
  request.sessions = log.sessions;
  request.screenings = log.screenings;
  // Only the days the replay asks about: from a week before the first
  // session (a years-long log stays out of every plan).
  std::optional<Date> first;
  for (const Session& session : log.sessions) {
    const Date day = date_of(session.at);
    first = first ? std::min(*first, day) : day;
  }
  if (first) {
    const auto from = std::lower_bound(log.days.begin(), log.days.end(), *first - std::chrono::days{6},
                                       [](const DaySummary& d, Date day) { return d.day < day; });
    request.pain_days.assign(from, log.days.end());
  }
  request.worse_when_last_logged = log.worse_when_last_logged;
  if (log.sudden_rise) {
    const bool answered = std::any_of(log.screenings.begin(), log.screenings.end(), [&](const Screening& s) {
      return date_of(s.at) >= log.sudden_rise->day
             && std::find(s.asked.begin(), s.asked.end(), k_sudden_sign) != s.asked.end();
    });
    request.sudden_rise = answered ? std::nullopt : log.sudden_rise;
  }
  return request;
}

Plan make_plan(const Catalog& catalog, const PlanRequest& request)
{
  Plan plan;
  plan.request = request;
  plan.triage = run_triage(catalog, request.situation);
  plan.screening = screening_status(catalog, request.screenings, request.as_of);
  if (seeks_care_now(plan.triage.level)) {
    return plan; // a red flag always wins: no phase, no exercise
  }
  if (!request.situation.weeks_postpartum || !request.situation.severity) {
    throw usage_error("a plan needs the weeks since birth and the pain now");
  }
  Builder builder(catalog, plan.request, plan);
  builder.choose_phase();
  builder.list_phases();
  builder.build_schedule();
  plan.adherence = adherence(request.sessions, plan.planned_sessions(), request.as_of);
  return plan;
}

} // namespace backcare
