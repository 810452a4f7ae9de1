#include "backcare/core/progression.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <tuple>
#include <utility>

namespace backcare {
namespace {

using std::chrono::days;

std::string count_of(int n, std::string_view thing)
{
  return fmt::format("{} {}{}", n, thing, n == 1 ? "" : "s");
}

// Days from `first` to `last`, both counted.
int span(Date first, Date last)
{
  return days_between(first, last) + 1;
}

// The referral for the latest refer_reds red days (sorted) within
// refer_within_days days, while it stands.
std::optional<std::string> reds_referral(const Progression& rules, const std::vector<Date>& reds, Date today)
{
  const auto n = static_cast<std::size_t>(std::max(1, rules.refer_reds));
  for (std::size_t last = reds.size(); last >= n; --last) {
    const Date first_day = reds[last - n];
    const Date last_day = reds[last - 1];
    if (span(first_day, last_day) > rules.refer_within_days) {
      continue;
    }
    if (days_between(last_day, today) >= rules.refer_lasts_days) {
      return std::nullopt;
    }
    // How long it stands, so that it does not look stuck.
    return fmt::format("{} red sessions within {} days ({} to {}): have a physiotherapist review your exercises. "
                       "This advice stands until {} ({} days from the last of them).",
                       rules.refer_reds, rules.refer_within_days, format_day(first_day), format_day(last_day),
                       format_day(last_day + std::chrono::days{rules.refer_lasts_days - 1}), rules.refer_lasts_days);
  }
  return std::nullopt;
}

// A done session counted in the current phase.
struct Counted {
  Date date{};
  Outcome outcome = Outcome::pending;
};

// Everything an advance changes, so that a worse trend can put it off.
struct State {
  int phase = 1;
  Date since{};
  Decision decision = Decision::start;
  std::string why; // the latest decision's reason; empty for a plain hold
  std::vector<Counted> stint;
};

class Replay {
public:
  Replay(const Progression& rules, const ProgressRequest& request)
    : m_rules(rules)
    , m_request(request)
  {
  }

  Progress run();

private:
  int ceiling_on(Date day) const;
  void start(Date day);
  void follow_ceiling(Date day);
  void open_next(Date day, bool had_session);
  void count(const Session& session);
  void change(Date day, int to, Decision decision, std::string why);
  bool may_advance(Date day) const;
  bool mastered(Date day) const;
  std::string entry_screening(Date day) const;
  void put_off_advance();
  void find_referral();
  void explain();
  void explain_to_move_on();
  int trailing_greens(bool count_pending) const;
  std::string green_words() const;

  const Progression& m_rules;
  const ProgressRequest& m_request;
  Progress m_result;
  State m_state;
  int m_ceiling = 1;       // the ceiling of the day being replayed
  int m_last_ceiling = 99; // the ceiling of the day before
  std::vector<Date> m_reds;
  std::optional<State> m_before_advance; // while no session has been done in the new phase
  std::size_t m_results_before_advance = 0;
  bool m_awaiting_screening = false; // mastered, but the next phase's screening is missing
};

int Replay::ceiling_on(Date day) const
{
  const int ceiling = m_request.ceiling ? m_request.ceiling(day) : m_request.last_phase;
  return std::clamp(ceiling, 1, std::max(1, m_request.last_phase));
}

// The first day's ceiling is already known (m_ceiling).
void Replay::start(Date day)
{
  const int phase = std::max(1, std::min(m_rules.start_phase, m_ceiling));
  std::string why = phase < m_rules.start_phase
                        ? fmt::format("You start at phase {}: phase {} is not open to you yet.", phase, phase + 1)
                        : fmt::format("You start at phase {}: a first plan starts no higher than phase {}, and your "
                                      "sessions move you on from there.",
                                      phase, m_rules.start_phase);
  m_state = State{phase, day, Decision::start, why, {}};
  m_result.history.push_back({day, 0, phase, Decision::start, std::move(why)});
}

// After the day's sessions: a phase mastered while the next one was closed
// moves up on the day the next one opens (only when the last session was
// not done while the plan held).
void Replay::open_next(Date day, bool had_session)
{
  const bool opened = m_last_ceiling <= m_state.phase && m_ceiling > m_state.phase;
  m_last_ceiling = m_ceiling;
  const bool last_held = !m_state.stint.empty() && m_request.holds && m_request.holds(m_state.stint.back().date);
  if (had_session || !(opened || m_awaiting_screening) || last_held || !may_advance(day)) {
    return;
  }
  const int sessions = static_cast<int>(m_state.stint.size());
  const std::string when = opened ? std::string("the day it opened") : std::string("once you had screened");
  change(day, m_state.phase + 1, Decision::advance,
         fmt::format("Moved up to phase {} on {}, {}: {} in phase {} already, the last {} green.", m_state.phase + 1,
                     format_day(day), when, count_of(sessions, "session"), m_state.phase,
                     m_rules.advance_green_in_row));
}

void Replay::follow_ceiling(Date day)
{
  if (m_state.phase <= m_ceiling) {
    return;
  }
  change(day, m_ceiling, Decision::step_back,
         fmt::format("Back to phase {} on {}: phase {} closed for now (a new sign or a flare allowed at most phase {} "
                     "that day).",
                     m_ceiling, format_day(day), m_state.phase, m_ceiling));
}

void Replay::change(Date day, int to, Decision decision, std::string why)
{
  m_result.history.push_back({day, m_state.phase, to, decision, why});
  m_state = State{to, day, decision, std::move(why), {}};
  m_before_advance.reset();
  m_awaiting_screening = false;
}

// Everything moving up needs but the warning-sign answers.
bool Replay::mastered(Date day) const
{
  const auto& stint = m_state.stint;
  return m_state.phase < m_request.last_phase && m_ceiling > m_state.phase && !(m_request.holds && m_request.holds(day))
         && !stint.empty() && static_cast<int>(stint.size()) >= m_rules.advance_sessions
         && span(stint.front().date, stint.back().date) >= m_rules.advance_days
         && trailing_greens(false) >= m_rules.advance_green_in_row;
}

// What the next phase's entry questions still need on `day`; empty when nothing.
std::string Replay::entry_screening(Date day) const
{
  return m_request.entry_screening ? m_request.entry_screening(day, m_state.phase + 1) : std::string();
}

bool Replay::may_advance(Date day) const
{
  return mastered(day) && entry_screening(day).empty();
}

void Replay::count(const Session& session)
{
  const std::optional<Outcome> result = outcome(m_rules, session);
  m_result.sessions.push_back({session.id, session.at, m_state.phase, result});
  if (!result) {
    return; // skipped sessions do not count
  }
  m_before_advance.reset();
  const Date day = date_of(session.at);
  m_state.stint.push_back({day, *result});
  if (*result == Outcome::red) {
    m_reds.push_back(day);
    const int to = std::max(1, m_state.phase - m_rules.step_back);
    if (to < m_state.phase) {
      change(day, to, Decision::step_back,
             fmt::format("Back to phase {} on {}: that session was red ({}).", to, format_day(day),
                         red_reason(m_rules, session)));
      return;
    }
    m_state.decision = Decision::hold;
    m_state.why = fmt::format("Your session on {} was red ({}); phase 1 is the gentlest, so stay here and go easier.",
                              format_day(day), red_reason(m_rules, session));
    return;
  }
  if (!may_advance(day)) {
    m_state.decision = Decision::hold;
    m_state.why.clear();
    m_awaiting_screening = mastered(day);
    return;
  }
  const State before = m_state;
  const std::size_t results = m_result.sessions.size();
  const int sessions = static_cast<int>(m_state.stint.size());
  change(day, m_state.phase + 1, Decision::advance,
         fmt::format("Moved up to phase {} on {}: {} in phase {} over {} days, the last {} green ({}).",
                     m_state.phase + 1, format_day(day), count_of(sessions, "session"), m_state.phase,
                     span(m_state.stint.front().date, day), m_rules.advance_green_in_row, green_words()));
  m_before_advance = before;
  m_results_before_advance = results;
}

// A worse trend holds: an advance nobody has trained in yet is undone.
void Replay::put_off_advance()
{
  const bool held = m_request.trend_worse || (m_request.holds && m_request.holds(m_request.today));
  if (!held || !m_before_advance) {
    return;
  }
  m_state = *m_before_advance;
  m_result.history.pop_back();
  for (std::size_t i = m_results_before_advance; i < m_result.sessions.size(); ++i) {
    m_result.sessions[i].phase = m_state.phase;
  }
  m_state.decision = Decision::hold;
  const std::string because = m_request.trend_worse ? std::string("your pain diary is getting worse (trend: worse)")
                              : m_request.hold_reason.empty() ? std::string("the plan holds for now")
                                                              : m_request.hold_reason;
  m_state.why = fmt::format("You stay in phase {} for now, although your sessions would move you on: {}.",
                            m_state.phase, because);
}

// The latest group of refer_reds red sessions within refer_within_days days.
void Replay::find_referral()
{
  if (auto reason = reds_referral(m_rules, m_reds, m_request.today)) {
    m_result.refer = true;
    m_result.refer_reason = std::move(*reason);
  }
}

// The done sessions at the end of the phase that are green; a pending last
// session counts when `count_pending`, as the one that may still make it.
int Replay::trailing_greens(bool count_pending) const
{
  const auto& stint = m_state.stint;
  int greens = 0;
  for (auto it = stint.rbegin(); it != stint.rend(); ++it) {
    const bool pending_last = count_pending && it == stint.rbegin() && it->outcome == Outcome::pending;
    if (it->outcome != Outcome::green && !pending_last) {
      break;
    }
    ++greens;
  }
  return greens;
}

std::string Replay::green_words() const
{
  return fmt::format("pain {}/10 or less during it and the next morning", m_rules.green_max);
}

void Replay::explain()
{
  auto& reasons = m_result.reasons;
  if (!m_state.why.empty()) {
    reasons.push_back(m_state.why);
  }
  const int phase = m_state.phase;
  const auto& stint = m_state.stint;
  const int done = static_cast<int>(stint.size());
  if (phase >= m_request.last_phase) {
    reasons.push_back(fmt::format("Phase {} is the last phase: keep it up.", phase));
  } else if (done == 0) {
    reasons.push_back(fmt::format("No sessions in phase {} yet: moving on needs {} over at least {} days.", phase,
                                  m_rules.advance_sessions, m_rules.advance_days));
  } else {
    const int covered = span(stint.front().date, stint.back().date);
    reasons.push_back(
        fmt::format("{} in phase {} so far, over {} days.",
                    done < m_rules.advance_sessions ? fmt::format("{} of {} sessions", done, m_rules.advance_sessions)
                                                    : count_of(done, "session"),
                    phase,
                    covered < m_rules.advance_days ? fmt::format("{} of {}", covered, m_rules.advance_days)
                                                   : std::to_string(covered)));
    std::vector<std::string> last;
    const auto shown = std::min<std::size_t>(stint.size(), static_cast<std::size_t>(m_rules.advance_green_in_row));
    for (auto it = stint.end() - static_cast<std::ptrdiff_t>(shown); it != stint.end(); ++it) {
      last.emplace_back(name_of(it->outcome));
    }
    reasons.push_back(fmt::format("Your last {}: {} (moving on needs the last {} green).",
                                  shown == 1 ? std::string("session") : fmt::format("{} sessions", shown),
                                  fmt::join(last, ", "), m_rules.advance_green_in_row));
  }
  if (phase < m_request.last_phase && m_ceiling <= phase) {
    reasons.push_back(
        fmt::format("Phase {} is not open to you yet (the most allowed today is phase {}).", phase + 1, m_ceiling));
  }
  if (mastered(m_request.today)) {
    if (const std::string needed = entry_screening(m_request.today); !needed.empty()) {
      reasons.push_back(
          fmt::format("Your sessions are ready for phase {}, but moving up first needs {}.", phase + 1, needed));
    }
  }
  if (m_result.refer) {
    reasons.push_back(m_result.refer_reason);
  }
}

void Replay::explain_to_move_on()
{
  const int phase = m_state.phase;
  if (phase >= m_request.last_phase) {
    return;
  }
  auto& needs = m_result.to_move_on;
  const auto& stint = m_state.stint;
  const int done = static_cast<int>(stint.size());
  if (done < m_rules.advance_sessions) {
    const int more = m_rules.advance_sessions - done;
    needs.push_back(fmt::format("Do {} more session{} in phase {} ({} of {} done).", more, more == 1 ? "" : "s", phase,
                                done, m_rules.advance_sessions));
  }
  if (done == 0) {
    needs.push_back(fmt::format("Spread your sessions over at least {} days.", m_rules.advance_days));
  } else if (span(stint.front().date, stint.back().date) < m_rules.advance_days) {
    const Date until = stint.front().date + days(m_rules.advance_days - 1);
    needs.push_back(fmt::format("Keep going until at least {}: the sessions need to cover {} days, from your first "
                                "in phase {} on {}.",
                                format_day(until), m_rules.advance_days, phase, format_day(stint.front().date)));
  }
  if (done > 0 && stint.back().outcome == Outcome::pending) {
    const Date last = stint.back().date;
    // Once that morning has passed, a log entry can no longer be made in time.
    needs.push_back(days_between(last, m_request.today) <= 1
                        ? fmt::format("Log your pain the morning after your session on {} (between {} and {}); {}/10 "
                                      "or less makes it green.",
                                      format_day(last), k_next_morning_from, k_next_morning_until, m_rules.green_max)
                        : fmt::format("Add your pain the morning after your session on {} to that session; {}/10 or "
                                      "less makes it green.",
                                      format_day(last), m_rules.green_max));
  }
  const int greens_needed = m_rules.advance_green_in_row - trailing_greens(true);
  if (greens_needed > 0) {
    needs.push_back(greens_needed == m_rules.advance_green_in_row
                        ? fmt::format("Have {} in a row with {}.", count_of(greens_needed, "session"), green_words())
                        : fmt::format("Have {} more session{} with {}.", greens_needed, greens_needed == 1 ? "" : "s",
                                      green_words()));
  }
  if (m_ceiling <= phase) {
    needs.push_back(
        fmt::format("Wait for phase {} to open for you (the roadmap says what keeps it closed).", phase + 1));
  }
  if (const std::string needed = entry_screening(m_request.today); !needed.empty()) {
    needs.push_back(fmt::format("Answer the warning-sign questions: moving up needs {}.", needed));
  }
  if (m_request.trend_worse) {
    needs.push_back("Let your pain settle: your pain diary must stop getting worse.");
  } else if (m_request.holds && m_request.holds(m_request.today)) {
    needs.push_back(fmt::format("Have no warning sign and nothing holding the plan{}.",
                                m_request.hold_reason.empty() ? std::string()
                                                              : " (holding it now: " + m_request.hold_reason + ")"));
  }
}

Progress Replay::run()
{
  std::vector<Session> sessions;
  for (const Session& session : m_request.sessions) {
    const auto at = parse_datetime(session.at);
    if (at && *at == session.at && date_of(session.at) <= m_request.today) {
      sessions.push_back(session);
    }
  }
  std::sort(sessions.begin(), sessions.end(),
            [](const Session& a, const Session& b) { return std::tie(a.at, a.id) < std::tie(b.at, b.id); });
  const Date first = sessions.empty() ? m_request.today : date_of(sessions.front().at);
  m_ceiling = ceiling_on(first);
  start(first);
  auto next = sessions.begin();
  for (Date day = first; day <= m_request.today; day += days(1)) {
    if (day != first) {
      m_ceiling = ceiling_on(day);
    }
    follow_ceiling(day);
    bool had_session = false;
    for (; next != sessions.end() && date_of(next->at) == day; ++next) {
      count(*next);
      had_session = true;
    }
    open_next(day, had_session);
  }
  put_off_advance();
  find_referral();
  m_result.phase = m_state.phase;
  m_result.since = m_state.since;
  m_result.sessions_in_phase = static_cast<int>(m_state.stint.size());
  m_result.decision = m_state.decision;
  explain();
  explain_to_move_on();
  return m_result;
}

} // namespace

Progress progress(const Progression& rules, const ProgressRequest& request)
{
  return Replay(rules, request).run();
}

int PlannedSessions::phase_on(Date day) const
{
  if (history.empty()) {
    return 0;
  }
  int phase = history.front().to;
  for (const PhaseChange& change : history) {
    if (change.date > day) {
      break;
    }
    phase = change.to;
  }
  return phase;
}

int PlannedSessions::days_per_week_on(Date day) const
{
  const int phase = phase_on(day);
  if (phase < 1 || phase > static_cast<int>(days_per_week.size())) {
    return 0;
  }
  return std::clamp(days_per_week[static_cast<std::size_t>(phase - 1)], 0, 7);
}

int PlannedSessions::between(Date first, Date last) const
{
  int sevenths = 0;
  for (Date day = first; day <= last; day += days(1)) {
    sevenths += days_per_week_on(day);
  }
  return (sevenths + 6) / 7;
}

std::vector<PlannedSessions::Pace> PlannedSessions::paces(Date first, Date last) const
{
  std::vector<Pace> result;
  for (Date day = first; day <= last; day += days(1)) {
    const int per_week = days_per_week_on(day);
    if (result.empty() || result.back().days_per_week != per_week) {
      result.push_back({day, per_week, phase_on(day)});
    }
  }
  return result;
}

std::optional<int> adherence_percent(int done, int planned)
{
  if (planned <= 0) {
    return std::nullopt;
  }
  return std::min(100, static_cast<int>(std::lround(100.0 * done / planned)));
}

WeekAdherence week_adherence(const std::vector<Session>& sessions, const PlannedSessions& planned, Date day, Date today)
{
  WeekAdherence week;
  week.monday = monday_of(day);
  const Date sunday = week.monday + days(6);
  week.planned = planned.between(week.monday, sunday);
  for (const Session& session : sessions) {
    const Date at = date_of(session.at);
    if (at < week.monday || at > sunday || at > today) {
      continue;
    }
    if (session.status == SessionStatus::done) {
      ++week.done;
    } else {
      ++week.skipped;
    }
  }
  return week;
}

Adherence adherence(const std::vector<Session>& sessions, const PlannedSessions& planned, Date today)
{
  Adherence result;
  result.this_week = week_adherence(sessions, planned, today, today);
  std::optional<Date> first;
  for (const Session& session : sessions) {
    const Date at = date_of(session.at);
    if (at <= today && (!first || at < *first)) {
      first = at;
    }
  }
  if (!first) {
    return result;
  }
  const Date from = std::max(*first, today - days(27));
  result.last_28_days_planned = planned.between(from, today);
  for (const Session& session : sessions) {
    const Date at = date_of(session.at);
    if (session.status == SessionStatus::done && at >= from && at <= today) {
      ++result.last_28_days_done;
    }
  }
  result.last_28_days_percent = adherence_percent(result.last_28_days_done, result.last_28_days_planned);
  return result;
}

std::optional<std::string> red_sessions_referral(const Progression& rules, const std::vector<Session>& sessions,
                                                 Date today)
{
  std::vector<Date> reds;
  for (const Session& session : sessions) {
    const auto at = parse_datetime(session.at);
    if (at && date_of(*at) <= today && outcome(rules, session) == Outcome::red) {
      reds.push_back(date_of(*at));
    }
  }
  std::sort(reds.begin(), reds.end());
  return reds_referral(rules, reds, today);
}

} // namespace backcare
