#include "backcare/core/progression.hpp"

#include <fmt/format.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <utility>

using namespace backcare;

namespace {

using std::chrono::days;

const Date k_day0 = *parse_date("2026-10-05"); // a Monday

Date day(int n)
{
  return k_day0 + days(n);
}

// A session on day `n` after k_day0.
struct S {
  int day = 0;
  std::optional<int> during;
  std::optional<int> morning;
  bool skipped = false;
};

S green(int n)
{
  return {n, 2, 2};
}
S amber(int n)
{
  return {n, 4, 4};
}
S red(int n)
{
  return {n, 7, 2};
}
S pending(int n)
{
  return {n, 2, std::nullopt};
}
S skip(int n)
{
  return {n, std::nullopt, std::nullopt, true};
}

Session session_of(const S& s, std::int64_t id)
{
  Session session;
  session.id = id;
  session.at = format_date(day(s.day)) + "T18:00";
  session.pain_during = s.during;
  session.next_morning = s.morning;
  if (s.skipped) {
    session.status = SessionStatus::skipped;
    session.reason = SkipReason::time;
  }
  return session;
}

std::vector<Session> sessions_of(const std::vector<S>& list)
{
  std::vector<Session> sessions;
  for (const S& s : list) {
    sessions.push_back(session_of(s, static_cast<std::int64_t>(sessions.size()) + 1));
  }
  return sessions;
}

// A ceiling that changes on given days: {{0, 4}, {10, 1}} is 4 until day 9, then 1.
using Steps = std::vector<std::pair<int, int>>;

std::function<int(Date)> ceiling_of(Steps steps)
{
  return [steps = std::move(steps)](Date date) {
    int ceiling = 1;
    for (const auto& [from, value] : steps) {
      if (days_between(k_day0, date) >= from) {
        ceiling = value;
      }
    }
    return ceiling;
  };
}

// Six green sessions over 14 days: enough to move on.
std::vector<S> six_green(int from = 0)
{
  return {green(from), green(from + 3), green(from + 6), green(from + 9), green(from + 12), green(from + 13)};
}

std::vector<S> operator+(std::vector<S> a, const std::vector<S>& b)
{
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

Progress run(const std::vector<S>& list, int today, Steps steps = {{0, 4}}, bool worse = false)
{
  ProgressRequest request;
  request.sessions = sessions_of(list);
  request.ceiling = ceiling_of(std::move(steps));
  request.today = day(today);
  request.trend_worse = worse;
  return progress(Progression{}, request);
}

bool contains(const std::vector<std::string>& lines, std::string_view part)
{
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& line) { return line.find(part) != std::string::npos; });
}

} // namespace

TEST_CASE("vocabulary of decisions")
{
  CHECK(names_of<Decision>() == std::vector<std::string>{"start", "advance", "hold", "step-back"});
}

TEST_CASE("progress: session histories and their decision")
{
  struct Case {
    const char* name;
    std::vector<S> sessions;
    int today;
    Steps ceiling;
    bool worse;
    int phase;
    Decision decision;
    int in_phase;
    int since; // day the phase began
    bool refer;
  };
  const std::vector<Case> cases{
      {"start: no sessions", {}, 0, {{0, 4}}, false, 2, Decision::start, 0, 0, false},
      {"start: at 1 while phase 2 is closed", {}, 0, {{0, 1}}, false, 1, Decision::start, 0, 0, false},
      {"start: the first session's day sets it",
       {green(0)},
       5,
       {{0, 1}, {3, 4}},
       false,
       1,
       Decision::hold,
       1,
       0,
       false},
      {"advance: 6 green over 14 days", six_green(), 13, {{0, 4}}, false, 3, Decision::advance, 0, 13, false},
      {"advance: stays in force on later days", six_green(), 20, {{0, 4}}, false, 3, Decision::advance, 0, 13, false},
      {"hold at 5 sessions",
       {green(0), green(3), green(6), green(9), green(13)},
       13,
       {{0, 4}},
       false,
       2,
       Decision::hold,
       5,
       0,
       false},
      {"hold over 13 days",
       {green(0), green(2), green(4), green(6), green(8), green(12)},
       12,
       {{0, 4}},
       false,
       2,
       Decision::hold,
       6,
       0,
       false},
      {"advance on the 14th day",
       {green(0), green(2), green(4), green(6), green(8), green(12), green(13)},
       13,
       {{0, 4}},
       false,
       3,
       Decision::advance,
       0,
       13,
       false},
      {"hold when the last is amber",
       {green(0), green(3), green(6), green(9), green(12), amber(13)},
       13,
       {{0, 4}},
       false,
       2,
       Decision::hold,
       6,
       0,
       false},
      {"hold when the one before last is amber",
       {green(0), green(3), green(6), green(9), amber(12), green(13)},
       13,
       {{0, 4}},
       false,
       2,
       Decision::hold,
       6,
       0,
       false},
      {"an earlier amber does not block",
       {green(0), amber(3), green(6), green(9), green(12), green(13)},
       13,
       {{0, 4}},
       false,
       3,
       Decision::advance,
       0,
       13,
       false},
      {"step back after red", {green(0), red(3)}, 3, {{0, 4}}, false, 1, Decision::step_back, 0, 3, false},
      {"red during is red at once",
       {green(0), {3, 8, std::nullopt}},
       3,
       {{0, 4}},
       false,
       1,
       Decision::step_back,
       0,
       3,
       false},
      {"red next morning: 2 points above during, out of the green range",
       {green(0), {3, 2, 4}},
       4,
       {{0, 4}},
       false,
       1,
       Decision::step_back,
       0,
       3,
       false},
      {"never below 1", {red(0)}, 0, {{0, 1}}, false, 1, Decision::hold, 1, 0, false},
      {"never below 1 after a step back", {red(0), red(8)}, 8, {{0, 4}}, false, 1, Decision::hold, 1, 0, false},
      {"the ceiling's fall drags the phase down",
       six_green(),
       16,
       {{0, 4}, {15, 1}},
       false,
       1,
       Decision::step_back,
       0,
       15,
       false},
      {"no jump back when the ceiling rises",
       {green(0), green(6)},
       8,
       {{0, 4}, {3, 1}, {5, 4}},
       false,
       1,
       Decision::hold,
       1,
       3,
       false},
      {"advance needs the next phase open", six_green(), 13, {{0, 2}}, false, 2, Decision::hold, 6, 0, false},
      {"advance once the next phase opens",
       six_green() + std::vector<S>{green(20)},
       20,
       {{0, 2}, {20, 3}},
       false,
       3,
       Decision::advance,
       0,
       20,
       false},
      {"the day the next phase opens, the sessions must still span 14 days, first to last",
       {green(0), green(2), green(4), green(6), green(8), green(10), green(12)},
       14,
       {{0, 2}, {14, 3}},
       false,
       2,
       Decision::hold,
       7,
       0,
       false},
      {"a worse trend holds", six_green(), 13, {{0, 4}}, true, 2, Decision::hold, 6, 0, false},
      {"a worse trend holds an advance not yet trained in",
       six_green(),
       25,
       {{0, 4}},
       true,
       2,
       Decision::hold,
       6,
       0,
       false},
      {"a worse trend keeps an advance already trained in",
       six_green() + std::vector<S>{green(15)},
       15,
       {{0, 4}},
       true,
       3,
       Decision::hold,
       1,
       13,
       false},
      {"two reds in 7 days refer", {green(0), red(1), red(7)}, 7, {{0, 4}}, false, 1, Decision::hold, 1, 1, true},
      {"two reds 8 days apart do not", {green(0), red(1), red(8)}, 8, {{0, 4}}, false, 1, Decision::hold, 1, 1, false},
      {"the referral stands 28 days", {red(0), red(3)}, 30, {{0, 4}}, false, 1, Decision::hold, 1, 0, true},
      {"then lapses", {red(0), red(3)}, 31, {{0, 4}}, false, 1, Decision::hold, 1, 0, false},
      {"a pending last session is not green",
       {green(0), green(3), green(6), green(9), green(12), pending(13)},
       14,
       {{0, 4}},
       false,
       2,
       Decision::hold,
       6,
       0,
       false},
      {"a pending earlier session does not block",
       {green(0), green(3), pending(6), green(9), green(12), green(13)},
       13,
       {{0, 4}},
       false,
       3,
       Decision::advance,
       0,
       13,
       false},
      {"skipped sessions do not count",
       {green(0), green(3), skip(5), green(6), green(9), skip(11), green(13)},
       13,
       {{0, 4}},
       false,
       2,
       Decision::hold,
       5,
       0,
       false},
      {"a skip does not break two greens in a row",
       {green(0), green(3), green(6), green(9), green(12), skip(12), green(13)},
       13,
       {{0, 4}},
       false,
       3,
       Decision::advance,
       0,
       13,
       false},
      {"sessions after today are left out", six_green(), 12, {{0, 4}}, false, 2, Decision::hold, 5, 0, false},
      {"the last phase is as far as it goes",
       six_green() + six_green(14) + six_green(28),
       41,
       {{0, 4}},
       false,
       4,
       Decision::hold,
       6,
       27,
       false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const Progress p = run(c.sessions, c.today, c.ceiling, c.worse);
    CHECK(p.phase == c.phase);
    CHECK(p.decision == c.decision);
    CHECK(p.sessions_in_phase == c.in_phase);
    CHECK(p.since == day(c.since));
    CHECK(p.refer == c.refer);
  }
}

TEST_CASE("progress: reasons and what is needed to move on")
{
  SUBCASE("holding, with the numbers")
  {
    const Progress p = run({green(0), green(3), amber(6), green(8), pending(9)}, 10);
    CHECK(p.reasons
          == std::vector<std::string>{"5 of 6 sessions in phase 2 so far, over 10 of 14 days.",
                                      "Your last 2 sessions: green, pending (moving on needs the last 2 "
                                      "green)."});
    CHECK(p.to_move_on
          == std::vector<std::string>{
              "Do 1 more session in phase 2 (5 of 6 done).",
              "Keep going until at least Sun 18 Oct: the sessions need to cover 14 days, from your first in phase 2 "
              "on Mon 5 Oct.",
              "Log your pain the morning after your session on Wed 14 Oct (between 05:00 and 12:00); 3/10 or less "
              "makes it green."});
  }
  SUBCASE("a next morning that has passed unrecorded")
  {
    const Progress p = run({green(0), pending(3)}, 6);
    CHECK(contains(p.to_move_on, "Add your pain the morning after your session on Thu 8 Oct to that session; 3/10 or "
                                 "less makes it green."));
    CHECK_FALSE(contains(p.to_move_on, "Have ")); // a green next morning would make two in a row
    const Progress amber_before = run({amber(0), pending(3)}, 6);
    CHECK(contains(amber_before.to_move_on,
                   "Have 1 more session with pain 3/10 or less during it and the next morning."));
  }
  SUBCASE("an advance says why")
  {
    const Progress p = run(six_green(), 13);
    REQUIRE_FALSE(p.reasons.empty());
    CHECK(p.reasons[0]
          == "Moved up to phase 3 on Sun 18 Oct: 6 sessions in phase 2 over 14 days, the last 2 green (pain 3/10 or "
             "less during it and the next morning).");
    CHECK(contains(p.reasons, "No sessions in phase 3 yet"));
    CHECK(contains(p.to_move_on, "Do 6 more sessions in phase 3"));
    CHECK(contains(p.to_move_on, "Have 2 sessions in a row with pain 3/10 or less"));
  }
  SUBCASE("a step back names the red session")
  {
    const Progress p = run({green(0), {3, 2, 5}}, 4);
    CHECK(p.reasons[0]
          == "Back to phase 1 on Thu 8 Oct: that session was red (pain 5/10 the next morning, 3 points "
             "above the 2 during it).");
  }
  SUBCASE("a closed next phase")
  {
    const Progress p = run(six_green(), 13, {{0, 2}});
    CHECK(contains(p.reasons, "Phase 3 is not open to you yet (the most allowed today is phase 2)."));
    CHECK(p.to_move_on
          == std::vector<std::string>{"Wait for phase 3 to open for you (the roadmap says what keeps it closed)."});
  }
  SUBCASE("a worse trend")
  {
    const Progress p = run(six_green(), 13, {{0, 4}}, true);
    CHECK(p.reasons[0].find("your pain diary is getting worse (trend: worse)") != std::string::npos);
    CHECK(p.to_move_on == std::vector<std::string>{"Let your pain settle: your pain diary must stop getting worse."});
    CHECK(p.history.size() == 1); // the put-off advance is not a change
  }
  SUBCASE("a referral")
  {
    const Progress p = run({red(0), red(3)}, 3);
    CHECK(p.refer_reason
          == "2 red sessions within 7 days (Mon 5 Oct to Thu 8 Oct): have a physiotherapist review "
             "your exercises. This advice stands until Wed 4 Nov (28 days from the last of them).");
    CHECK(contains(p.reasons, p.refer_reason));
  }
  SUBCASE("the last phase")
  {
    const Progress p = run(six_green() + six_green(14), 27);
    CHECK(p.phase == 4);
    CHECK(contains(p.reasons, "Phase 4 is the last phase"));
    CHECK(p.to_move_on.empty());
  }
}

TEST_CASE("progress: history and the outcome of each session")
{
  const Progress p = run(six_green() + std::vector<S>{skip(14), red(15), pending(16)}, 20, {{0, 4}, {18, 1}});
  REQUIRE(p.history.size() == 4);
  CHECK(p.history[0].from == 0);
  CHECK(p.history[0].to == 2);
  CHECK(p.history[0].decision == Decision::start);
  CHECK(p.history[1].date == day(13));
  CHECK(p.history[1].to == 3);
  CHECK(p.history[1].decision == Decision::advance);
  CHECK(p.history[2].date == day(15));
  CHECK(p.history[2].from == 3);
  CHECK(p.history[2].to == 2);
  CHECK(p.history[2].decision == Decision::step_back);
  CHECK(p.history[3].date == day(18));
  CHECK(p.history[3].to == 1);
  CHECK(p.history[3].why.find("phase 2 closed for now") != std::string::npos);
  REQUIRE(p.sessions.size() == 9);
  CHECK(p.sessions[5].outcome == Outcome::green);
  CHECK(p.sessions[5].phase == 2);
  CHECK_FALSE(p.sessions[6].outcome);
  CHECK(p.sessions[6].phase == 3);
  CHECK(p.sessions[7].outcome == Outcome::red);
  CHECK(p.sessions[8].outcome == Outcome::pending);
  CHECK(p.sessions[8].phase == 2);
  CHECK(p.sessions[8].id == 9);
}

TEST_CASE("progress: the thresholds come from the rules")
{
  Progression rules;
  rules.advance_sessions = 3;
  rules.advance_days = 5;
  rules.advance_green_in_row = 3;
  rules.start_phase = 1;
  ProgressRequest request;
  request.sessions = sessions_of({green(0), green(2), green(4)});
  request.today = day(4);
  CHECK(progress(rules, request).phase == 2);
  request.sessions = sessions_of({green(0), amber(2), green(4), green(5)});
  request.today = day(5);
  CHECK(progress(rules, request).phase == 1);
}

TEST_CASE("progress: the ceiling is asked once a day, from the first session to today")
{
  std::vector<Date> asked;
  ProgressRequest request;
  request.sessions = sessions_of({green(2), green(4)});
  request.ceiling = [&](Date date) {
    asked.push_back(date);
    return 4;
  };
  request.today = day(6);
  progress(Progression{}, request);
  CHECK(asked == std::vector<Date>{day(2), day(3), day(4), day(5), day(6)});
}

TEST_CASE("progress: property over random histories")
{
  std::mt19937 random(20261126);
  const auto pick = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
  int advances = 0;
  int steps_back = 0;
  int top = 0;
  for (int round = 0; round < 500; ++round) {
    CAPTURE(round);
    Steps steps{{0, pick(1, 4)}};
    for (int i = pick(0, 4); i > 0; --i) {
      steps.emplace_back(pick(1, 120), pick(1, 4));
    }
    std::sort(steps.begin(), steps.end());
    std::vector<S> list;
    const int rough_percent = pick(0, 100); // some histories are mostly green and climb to the top
    for (int i = pick(0, 60); i > 0; --i) {
      const int n = pick(0, 120);
      if (pick(0, 9) == 0) {
        list.push_back(skip(n));
      } else if (pick(1, 100) > rough_percent) {
        list.push_back(green(n));
      } else if (pick(0, 2) == 0) {
        list.push_back({n, pick(0, 10), std::nullopt});
      } else if (pick(0, 1) == 0) {
        list.push_back({n, std::nullopt, pick(0, 10)});
      } else {
        list.push_back({n, pick(0, 10), pick(0, 10)});
      }
    }
    ProgressRequest request;
    request.sessions = sessions_of(list);
    request.ceiling = ceiling_of(steps);
    request.today = day(pick(0, 130));
    request.trend_worse = pick(0, 4) == 0;
    const Progress p = progress(Progression{}, request);

    CHECK(p.phase >= 1);
    CHECK(p.phase <= request.ceiling(request.today));
    CHECK(p.since <= request.today);
    const auto& results = p.sessions;
    for (std::size_t i = 0; i < results.size(); ++i) {
      const SessionResult& r = results[i];
      CHECK(r.phase >= 1);
      CHECK(r.phase <= request.ceiling(date_of(r.at)));
      const int next = i + 1 < results.size() ? results[i + 1].phase : p.phase;
      // Never more than one phase up per session (a skipped one may be
      // followed by the day a mastered phase's next one opens).
      CHECK(next <= r.phase + 1);
      if (r.outcome == Outcome::red) {
        CHECK(next <= std::max(1, r.phase - 1)); // a red session never moves up, and steps back
      }
    }
    for (const PhaseChange& change : p.history) {
      CHECK(change.to >= 1);
      CHECK(change.to <= request.ceiling(change.date));
      if (change.decision == Decision::advance) {
        CHECK(change.to == change.from + 1);
        ++advances;
      }
      steps_back += change.decision == Decision::step_back ? 1 : 0;
    }
    top = std::max(top, p.phase);
    // Replayable: the same data in another order gives the same answer.
    std::shuffle(request.sessions.begin(), request.sessions.end(), random);
    const Progress again = progress(Progression{}, request);
    CHECK(again.phase == p.phase);
    CHECK(again.since == p.since);
    CHECK(again.decision == p.decision);
    CHECK(again.reasons == p.reasons);
  }
  // The random histories reach every kind of change.
  CHECK(advances > 50);
  CHECK(steps_back > 50);
  CHECK(top == 4);
}

namespace {

// A plan of `per_week` session days a week in phase 2 (phase 1: every day),
// with nobody ever moving.
PlannedSessions steady(int per_week)
{
  return {{{*parse_date("2026-10-01"), 0, 2, Decision::start, ""}}, {7, per_week, 3, 3}};
}

} // namespace

TEST_CASE("PlannedSessions")
{
  // Phase 2 (3 a week) from Mon 2 Nov, back to phase 1 (every day) on Mon
  // 23 Nov after a red session.
  const PlannedSessions planned{{{*parse_date("2026-11-02"), 0, 2, Decision::start, ""},
                                 {*parse_date("2026-11-23"), 2, 1, Decision::step_back, ""}},
                                {7, 3, 3, 4}};
  SUBCASE("the phase of each day")
  {
    CHECK(planned.phase_on(*parse_date("2026-10-30")) == 2); // before the start: the phase it starts in
    CHECK(planned.phase_on(*parse_date("2026-11-22")) == 2);
    CHECK(planned.phase_on(*parse_date("2026-11-23")) == 1);
    CHECK(planned.days_per_week_on(*parse_date("2026-11-22")) == 3);
    CHECK(planned.days_per_week_on(*parse_date("2026-11-30")) == 7);
    CHECK(PlannedSessions{}.phase_on(*parse_date("2026-11-23")) == 0);
    CHECK(PlannedSessions{}.between(*parse_date("2026-11-01"), *parse_date("2026-11-30")) == 0);
  }
  SUBCASE("one phase: its days a week for every 7 days, rounded up")
  {
    const auto from = *parse_date("2026-11-02");
    CHECK(planned.between(from, from + days(6)) == 3);
    CHECK(planned.between(from, from + days(20)) == 9);
    CHECK(planned.between(from, from) == 1);           // a session on the first day is 1 of 1
    CHECK(planned.between(from, from + days(4)) == 3); // 15/7 rounded up
    CHECK(planned.between(from, from + days(3)) == 2);
    CHECK(planned.between(from, from - days(1)) == 0);
  }
  SUBCASE("each day at the pace of its own phase")
  {
    // 21 days at 3 a week and 4 days of every day: 9 + 4, not 25.
    CHECK(planned.between(*parse_date("2026-11-02"), *parse_date("2026-11-26")) == 13);
    using Pace = PlannedSessions::Pace;
    CHECK(planned.paces(*parse_date("2026-11-02"), *parse_date("2026-11-26"))
          == std::vector<Pace>{{*parse_date("2026-11-02"), 3, 2}, {*parse_date("2026-11-23"), 7, 1}});
    CHECK(planned.paces(*parse_date("2026-11-05"), *parse_date("2026-11-20"))
          == std::vector<Pace>{{*parse_date("2026-11-05"), 3, 2}});
  }
  SUBCASE("at most every day")
  {
    const PlannedSessions many{{{*parse_date("2026-11-02"), 0, 1, Decision::start, ""}}, {9}};
    CHECK(many.between(*parse_date("2026-11-02"), *parse_date("2026-11-08")) == 7);
  }
}

TEST_CASE("adherence")
{
  const Date wednesday = *parse_date("2026-11-25");
  const auto at = [](const char* date, SessionStatus status) {
    Session s;
    s.at = std::string(date) + "T18:00";
    s.status = status;
    if (status == SessionStatus::skipped) {
      s.reason = SkipReason::baby;
    }
    return s;
  };
  const auto done = SessionStatus::done;
  const auto skipped = SessionStatus::skipped;
  SUBCASE("this week: Monday to Sunday, up to today")
  {
    const std::vector<Session> sessions{at("2026-11-22", done), at("2026-11-23", done), at("2026-11-24", skipped),
                                        at("2026-11-25", done), at("2026-11-27", done)};
    const Adherence a = adherence(sessions, steady(3), wednesday);
    CHECK(a.this_week.monday == *parse_date("2026-11-23"));
    CHECK(a.this_week.planned == 3);
    CHECK(a.this_week.done == 2);
    CHECK(a.this_week.skipped == 1);
    CHECK(week_adherence(sessions, steady(3), *parse_date("2026-11-29"), wednesday).monday
          == *parse_date("2026-11-23"));
    CHECK(week_adherence(sessions, steady(3), *parse_date("2026-11-22"), wednesday).done == 1);
  }
  SUBCASE("the last 28 days")
  {
    std::vector<Session> sessions{at("2026-10-01", done)}; // before the 28 days: only counts as a start
    for (const char* date : {"2026-10-29", "2026-11-02", "2026-11-04", "2026-11-06", "2026-11-10", "2026-11-13",
                             "2026-11-17", "2026-11-20", "2026-11-24"}) {
      sessions.push_back(at(date, done));
    }
    sessions.push_back(at("2026-11-18", skipped));
    const Adherence a = adherence(sessions, steady(3), wednesday);
    CHECK(a.last_28_days_planned == 12);
    CHECK(a.last_28_days_done == 9);
    CHECK(a.last_28_days_percent == 75);
  }
  SUBCASE("measured from the first session when that is later")
  {
    const std::vector<Session> sessions{at("2026-11-20", skipped), at("2026-11-22", done), at("2026-11-25", done)};
    const Adherence a = adherence(sessions, steady(3), wednesday);
    CHECK(a.last_28_days_planned == 3); // 6 days: 18/7 rounded up
    CHECK(a.last_28_days_percent == 67);
    CHECK(adherence({at("2026-11-25", done)}, steady(3), wednesday).last_28_days_percent == 100);
  }
  SUBCASE("capped at 100")
  {
    const std::vector<Session> sessions{at("2026-11-24", done), at("2026-11-24", done), at("2026-11-25", done)};
    CHECK(adherence(sessions, steady(1), wednesday).last_28_days_percent == 100);
  }
  SUBCASE("after a step back to a daily phase, the days before it count at their own pace")
  {
    // Phase 2 (3 a week) from Mon 2 Nov, three sessions a week; a red one on
    // Mon 23 Nov steps back to phase 1, whose routine is every day.
    std::vector<Session> sessions;
    for (const char* date : {"2026-11-02", "2026-11-04", "2026-11-06", "2026-11-09", "2026-11-11", "2026-11-13",
                             "2026-11-16", "2026-11-18", "2026-11-20", "2026-11-23", "2026-11-24"}) {
      sessions.push_back(at(date, done));
    }
    const PlannedSessions planned{{{*parse_date("2026-11-02"), 0, 2, Decision::start, ""},
                                   {*parse_date("2026-11-23"), 2, 1, Decision::step_back, ""}},
                                  {7, 3, 3, 3}};
    const Adherence a = adherence(sessions, planned, wednesday);
    CHECK(a.last_28_days_planned == 12); // 21 days at 3 a week and 3 days every day, not 24 days every day
    CHECK(a.last_28_days_done == 11);
    CHECK(a.last_28_days_percent == 92);
    CHECK(a.this_week.planned == 7); // the whole week is phase 1
  }
  SUBCASE("nothing recorded")
  {
    const Adherence a = adherence({}, steady(3), wednesday);
    CHECK(a.this_week.planned == 3);
    CHECK(a.last_28_days_planned == 0);
    CHECK_FALSE(a.last_28_days_percent); // nothing planned: no percent, as trend says
  }
}

TEST_CASE("progress: moving up waits for the next phase's screening")
{
  ProgressRequest request;
  request.sessions = sessions_of(six_green());
  request.ceiling = ceiling_of({{0, 4}});
  // Screened from day 15 on only.
  request.entry_screening = [](Date date, int phase) {
    return days_between(k_day0, date) >= 15 ? std::string() : fmt::format("a screening for phase {}", phase);
  };
  SUBCASE("mastered but not screened: holds, and says what is needed")
  {
    request.today = day(14);
    const Progress p = progress(Progression{}, request);
    CHECK(p.phase == 2);
    CHECK(contains(p.reasons, "moving up first needs a screening for phase 3"));
    CHECK(contains(p.to_move_on, "Answer the warning-sign questions: moving up needs a screening for phase 3"));
  }
  SUBCASE("moves up on the day the screening comes, with no new session")
  {
    request.today = day(16);
    const Progress p = progress(Progression{}, request);
    CHECK(p.phase == 3);
    CHECK(p.since == day(15));
    REQUIRE_FALSE(p.history.empty());
    CHECK(p.history.back().why.find("once you had screened") != std::string::npos);
  }
  SUBCASE("not before the phase is mastered")
  {
    request.sessions = sessions_of({green(0), green(3)});
    request.today = day(20);
    CHECK(progress(Progression{}, request).phase == 2);
  }
}

TEST_CASE("progress: a phase mastered while the plan held says what is still needed")
{
  ProgressRequest request;
  request.sessions = sessions_of(six_green());
  request.ceiling = ceiling_of({{0, 1}, {14, 4}}); // phase 2 opens on day 14, after the last session
  request.holds = [](Date date) { return days_between(k_day0, date) < 14; };
  request.today = day(15);
  const Progress p = progress(Progression{}, request);
  CHECK(p.phase == 1);
  REQUIRE(p.to_move_on.size() == 1);
  CHECK(
      p.to_move_on[0].starts_with("Do one more green session in phase 1: your last one was done while the plan held"));
}
