#include "backcare/core/error.hpp"
#include "backcare/core/inputs.hpp"
#include "backcare/core/planner.hpp"
#include "tiny_catalog.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <set>

using namespace backcare;

namespace {

// A plan at week `weeks` with pain `severity` now, asked on Thu 2026-11-26
// for the week from Mon 2026-11-30.
PlanRequest request(int weeks, int severity, Delivery delivery = Delivery::vaginal)
{
  PlanRequest r;
  r.situation.weeks_postpartum = weeks;
  r.situation.severity = severity;
  r.situation.delivery = delivery;
  r.as_of = *parse_date("2026-11-26");
  r.start = *parse_date("2026-11-30");
  return r;
}

Plan plan_of(const PlanRequest& r)
{
  return make_plan(tiny_catalog(), r);
}

std::set<std::string> scheduled(const Plan& plan)
{
  std::set<std::string> ids;
  for (const ScheduleDay& day : plan.schedule) {
    for (const PlannedExercise& item : day.items) {
      ids.insert(item.exercise->id);
    }
  }
  return ids;
}

int highest_scheduled_phase(const Plan& plan)
{
  int highest = 0;
  for (const ScheduleDay& day : plan.schedule) {
    for (const PlannedExercise& item : day.items) {
      highest = std::max(highest, item.exercise->phase);
    }
  }
  return highest;
}

const PlannedExercise* find_item(const ScheduleDay& day, std::string_view id)
{
  const auto it =
      std::find_if(day.items.begin(), day.items.end(), [&](const PlannedExercise& p) { return p.exercise->id == id; });
  return it == day.items.end() ? nullptr : &*it;
}

// The message of the usage error that planning `r` raises.
std::string refusal(const PlanRequest& r)
{
  try {
    plan_of(r);
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    return e.what();
  }
  FAIL("expected a usage error");
  return {};
}

} // namespace

TEST_CASE("plan_request: the resolved inputs and the log's sessions and screenings, for the given days")
{
  ResolvedInputs inputs;
  inputs.situation.weeks_postpartum = 10;
  inputs.situation.severity = 4;
  inputs.situation.delivery = Delivery::cesarean;
  inputs.equipment = {"band"};
  inputs.origins = {{"severity", "log", "2026-11-26T07:30", ""}};
  LogSummary log;
  Session session;
  session.at = "2026-11-23T18:00";
  session.phase = 2;
  session.pain_during = 3;
  log.sessions = {session};
  Screening screening;
  screening.at = "2026-11-20T09:00";
  screening.asked = {"leakage"};
  log.screenings = {screening};
  const PlanRequest r = plan_request(inputs, log, *parse_date("2026-11-26"), *parse_date("2026-11-23"));
  CHECK(r.as_of == *parse_date("2026-11-26"));
  CHECK(r.start == *parse_date("2026-11-23"));
  CHECK(r.situation.weeks_postpartum == 10);
  CHECK(r.situation.severity == 4);
  CHECK(r.situation.delivery == Delivery::cesarean);
  CHECK(r.equipment == std::vector<std::string>{"band"});
  REQUIRE(r.origins.size() == 1);
  CHECK(r.origins[0].detail == "2026-11-26T07:30");
  REQUIRE(r.sessions.size() == 1);
  CHECK(r.sessions[0].at == "2026-11-23T18:00");
  CHECK(r.screenings == log.screenings);
  CHECK_FALSE(r.phase);
  CHECK(r.weeks_ahead == 1);
  SUBCASE("the logged days from a week before the first session, none without a session")
  {
    for (const char* day : {"2026-11-01", "2026-11-16", "2026-11-17", "2026-11-23"}) {
      DaySummary d;
      d.day = *parse_date(day);
      log.days.push_back(d);
    }
    const PlanRequest with = plan_request(inputs, log, *parse_date("2026-11-26"), *parse_date("2026-11-23"));
    REQUIRE(with.pain_days.size() == 2);
    CHECK(with.pain_days.front().day == *parse_date("2026-11-17"));
    log.sessions.clear();
    CHECK(plan_request(inputs, log, *parse_date("2026-11-26"), *parse_date("2026-11-23")).pain_days.empty());
  }
}

TEST_CASE("make_plan: time floors")
{
  struct Case {
    Delivery delivery;
    int weeks;
    int max_allowed;
  };
  const std::vector<Case> cases{
      {Delivery::vaginal, 0, 1},  {Delivery::vaginal, 1, 1},  {Delivery::vaginal, 2, 2},  {Delivery::vaginal, 5, 2},
      {Delivery::vaginal, 6, 3},  {Delivery::vaginal, 60, 3}, {Delivery::cesarean, 0, 1}, {Delivery::cesarean, 5, 1},
      {Delivery::cesarean, 6, 2}, {Delivery::cesarean, 7, 2}, {Delivery::cesarean, 8, 3}, {Delivery::cesarean, 60, 3},
  };
  for (const Case& c : cases) {
    CAPTURE(c.weeks);
    CAPTURE(name_of(c.delivery));
    const Plan plan = plan_of(request(c.weeks, 2, c.delivery));
    CHECK(plan.max_allowed == c.max_allowed);
    CHECK(plan.current_phase == std::min(c.max_allowed, tiny_catalog().progression.start_phase));
    CHECK(highest_scheduled_phase(plan) == plan.current_phase);
  }
}

TEST_CASE("make_plan: --phase")
{
  SUBCASE("may choose lower")
  {
    PlanRequest r = request(10, 3);
    r.phase = 1;
    const Plan plan = plan_of(r);
    CHECK(plan.current_phase == 1);
    CHECK(highest_scheduled_phase(plan) == 1);
  }
  SUBCASE("may choose higher up to max_allowed")
  {
    PlanRequest r = request(10, 3);
    r.phase = 3;
    const Plan plan = plan_of(r);
    CHECK(plan.current_phase == 3);
    CHECK(scheduled(plan).count("plank") == 1);
  }
  SUBCASE("above the time floor is refused, naming the week and the day it opens")
  {
    PlanRequest r = request(7, 3, Delivery::cesarean);
    r.phase = 3;
    CHECK(refusal(r)
          == "phase 3 (Load) opens at week 8 after a caesarean birth, on 2026-12-03; you are at week 7 after birth");
  }
  SUBCASE("above a rule's cap is refused, naming the rule in plain words")
  {
    PlanRequest r = request(20, 8);
    r.phase = 2;
    CHECK(refusal(r)
          == "phase 2 (Build) is not allowed while this applies: Severe pain (7/10 or more); it allows up to phase 1");
  }
  SUBCASE("a phase the catalog does not have is refused")
  {
    PlanRequest r = request(20, 2);
    r.phase = 4;
    CHECK(refusal(r) == "phase must be 1-3, got 4");
    r.phase = 0;
    CHECK(refusal(r) == "phase must be 1-3, got 0");
  }
}

TEST_CASE("make_plan: caps from rules")
{
  SUBCASE("a severity cap holds phase 1 and closes the phases above")
  {
    const Plan plan = plan_of(request(20, 7));
    CHECK(plan.max_allowed == 1);
    CHECK(plan.current_phase == 1);
    REQUIRE(plan.phases.size() == 3);
    CHECK(plan.phases[0].held_by == nullptr);
    REQUIRE(plan.phases[1].held_by);
    CHECK(plan.phases[1].held_by->id == "severe-pain");
    CHECK(plan.phases[2].held_by->id == "severe-pain");
    CHECK(plan.phases[1].exercises.empty());
    CHECK(plan.phases[2].exercises.empty());
    CHECK(highest_scheduled_phase(plan) == 1);
  }
  SUBCASE("a cap is a ceiling, never the phase given")
  {
    PlanRequest r = request(1, 2);
    r.situation.symptoms = {"leakage"};
    const Plan plan = plan_of(r);
    CHECK(plan.triage.max_phase == 2);
    CHECK(plan.max_allowed == 1); // the time floor is lower
    CHECK(plan.current_phase == 1);
  }
  SUBCASE("an avoided exercise is left out everywhere, and reported when it was due")
  {
    PlanRequest r = request(20, 2);
    r.situation.symptoms = {"doming"};
    const Plan at_two = plan_of(r);
    CHECK(at_two.current_phase == 2);
    CHECK(scheduled(at_two).count("side-plank") == 0);
    REQUIRE(at_two.dropped.size() == 1);
    CHECK(at_two.dropped[0].exercise->id == "side-plank");
    CHECK(at_two.dropped[0].reason == "left out while a warning sign applies");
    r.phase = 3;
    const Plan at_three = plan_of(r);
    for (const std::string& id : scheduled(at_three)) {
      CHECK(id.find("plank") == std::string::npos);
    }
    for (const PhasePlan& entry : at_three.phases) {
      for (const PlannedExercise& item : entry.exercises) {
        CHECK(item.exercise->id.find("plank") == std::string::npos);
      }
    }
    REQUIRE(at_three.dropped.size() == 1);
    CHECK(at_three.dropped[0].exercise->id == "plank");
  }
}

TEST_CASE("make_plan: a sign that contradicts an entry criterion closes the phase")
{
  SUBCASE("and every phase above it")
  {
    PlanRequest r = request(10, 2);
    r.situation.symptoms = {"late-bleeding"};
    const Plan plan = plan_of(r);
    CHECK(plan.max_allowed == 1);
    CHECK(plan.phases[0].closed_by.empty());
    CHECK(plan.phases[1].closed_by == "late-bleeding");
    CHECK(plan.phases[2].closed_by == "late-bleeding");
    CHECK(plan.phases[1].exercises.empty());
    r.phase = 2;
    CHECK(refusal(r).find("phase 2 (Build) stays closed while you report 'late-bleeding'") == 0);
    r.phase = 1;
    CHECK(plan_of(r).current_phase == 1);
  }
  SUBCASE("the top phase alone")
  {
    PlanRequest r = request(10, 2);
    r.situation.symptoms = {"heaviness"};
    const Plan plan = plan_of(r);
    CHECK(plan.max_allowed == 2);
    CHECK(plan.triage.max_phase == std::nullopt); // not a cap: the phase itself is closed
    CHECK(plan.phases[1].closed_by.empty());
    CHECK(plan.phases[2].closed_by == "heaviness");
    r.phase = 3;
    CHECK_THROWS_AS(plan_of(r), Error);
  }
  SUBCASE("the lowest closed phase names the sign for every phase above")
  {
    PlanRequest r = request(10, 2);
    r.situation.symptoms = {"heaviness", "late-bleeding"};
    const Plan plan = plan_of(r);
    CHECK(plan.max_allowed == 1);
    CHECK(plan.phases[2].closed_by == "late-bleeding");
  }
}

namespace {

// Green sessions every other day from 2026-10-01 to 2026-10-31: enough to
// reach phase 3 by the end of October.
std::vector<Session> october_sessions()
{
  std::vector<Session> sessions;
  for (int day = 1; day <= 31; day += 2) {
    Session s;
    s.at = fmt::format("2026-10-{:02}T18:00", day);
    s.pain_during = 2;
    s.next_morning = 2;
    sessions.push_back(s);
  }
  return sessions;
}

// Every question answered no each Monday from 2026-09-28 to 2026-11-23:
// moving up a phase needs a screening in the last 7 days.
std::vector<Screening> weekly_screenings()
{
  std::vector<std::string> all;
  for (const Symptom& symptom : tiny_catalog().symptoms) {
    all.push_back(symptom.id);
  }
  std::vector<Screening> screenings;
  for (Date day = *parse_date("2026-09-28"); day <= *parse_date("2026-11-23"); day += std::chrono::days{7}) {
    screenings.push_back({0, format_date(day) + "T08:00", all, {}, {}});
  }
  return screenings;
}

std::vector<std::pair<std::string, int>> history_of(const Progress& p)
{
  std::vector<std::pair<std::string, int>> out;
  for (const PhaseChange& change : p.history) {
    out.emplace_back(format_date(change.date), change.to);
  }
  return out;
}

} // namespace

TEST_CASE("make_plan: a flare logged on a past day lowers the phase that day, with or without a session, and low "
          "pain after it does not raise it")
{
  PlanRequest r = request(20, 2);
  r.sessions = october_sessions();
  r.screenings = weekly_screenings();
  for (int day = 1; day <= 26; ++day) {
    DaySummary d;
    d.day = Date{std::chrono::year{2026} / std::chrono::November / day};
    d.entries = 1;
    d.mean = d.min = d.max = 2;
    r.pain_days.push_back(d);
  }
  REQUIRE(plan_of(r).current_phase == 3);
  r.pain_days[9].max = 8; // 2026-11-10: severe pain (7+) caps the plan at phase 1
  const Plan plan = plan_of(r);
  CHECK(plan.current_phase == 1);
  CHECK(history_of(plan.progress).back() == std::pair<std::string, int>{"2026-11-10", 1});
  CHECK(plan.progress.history.back().decision == Decision::step_back);

  SUBCASE("days without entries after the flare do not undo it")
  {
    r.pain_days.erase(r.pain_days.begin() + 10, r.pain_days.end()); // nothing logged after 11-10
    CHECK(plan_of(r).current_phase == 1);
  }
  SUBCASE("replay_sessions judges the last day as one more past day: held by a sign, capped by its pain")
  {
    r.pain_days[9].max = 2;
    CHECK(replay_sessions(tiny_catalog(), r).phase == 3);
    r.pain_days.back().max = 9;
    CHECK(replay_sessions(tiny_catalog(), r).phase == 1);
  }
}

TEST_CASE("replay_sessions: with no time since birth known, the time floors do not apply, and with it they do")
{
  PlanRequest r = request(20, 2);
  r.sessions = october_sessions();
  r.screenings = weekly_screenings();
  CHECK(replay_sessions(tiny_catalog(), r).phase == 3);
  r.situation.weeks_postpartum.reset();
  CHECK(replay_sessions(tiny_catalog(), r).phase == 3);
  // Born on 2026-09-24 by caesarean: phase 2 opens at week 6 (2026-11-05),
  // after every October session, so they all count in phase 1.
  r.situation.weeks_postpartum = 9;
  r.situation.days_postpartum = 63;
  r.situation.delivery = Delivery::cesarean;
  const Progress p = replay_sessions(tiny_catalog(), r);
  CHECK(p.phase == 2);
  CHECK(history_of(p) == std::vector<std::pair<std::string, int>>{{"2026-10-01", 1}, {"2026-11-05", 2}});
}

TEST_CASE("make_plan: moving up waits for a screening in the last 7 days that answers no to the phase's entry "
          "questions")
{
  PlanRequest r = request(20, 2);
  r.sessions = october_sessions();
  CHECK(plan_of(r).current_phase == 2); // never screened: mastered, but held
  CHECK(plan_of(r).progress.reasons.back().find("moving up first needs a screening in the last 7 days")
        != std::string::npos);
  r.screenings = weekly_screenings();
  CHECK(plan_of(r).current_phase == 3);
  // The tiny catalog's phase 3 is closed by heaviness: a screening that leaves it unanswered does not do.
  for (Screening& screening : r.screenings) {
    std::erase(screening.asked, "heaviness");
  }
  const Plan held = plan_of(r);
  CHECK(held.current_phase == 2);
  CHECK(std::any_of(held.progress.to_move_on.begin(), held.progress.to_move_on.end(), [](const std::string& line) {
    return line.find("that answers no to heaviness") != std::string::npos;
  }));
}

TEST_CASE("make_plan: a first plan starts at phase 1, or 2 when the ceiling allows")
{
  CHECK(plan_of(request(20, 2)).current_phase == 2);
  CHECK(plan_of(request(20, 0)).current_phase == 2);
  CHECK(plan_of(request(1, 2)).current_phase == 1);
  CHECK(plan_of(request(20, 8)).current_phase == 1);
  CHECK(plan_of(request(4, 2, Delivery::cesarean)).current_phase == 1);
  CHECK(plan_of(request(20, 2)).max_allowed == 3);
}

TEST_CASE("make_plan: a worse log holds the plan")
{
  PlanRequest r = request(20, 3);
  r.situation.trend_verdict = Verdict::worse;
  const Plan plan = plan_of(r);
  REQUIRE(plan.hold != nullptr);
  CHECK(plan.hold->id == "worse-log");
  CHECK(plan.triage.level == Level::refer);
  CHECK(plan.current_phase == 2);
  CHECK(plan.max_allowed == 3); // a hold keeps the phase; it is not a cap
  r.situation.trend_verdict = Verdict::no_meaningful_change;
  CHECK(plan_of(r).hold == nullptr);
}

TEST_CASE("make_plan: triage comes first, whatever is missing")
{
  for (const char* symptom : {"chest-pain", "fever"}) {
    CAPTURE(symptom);
    PlanRequest r;
    r.situation.symptoms = {symptom};
    const Plan plan = plan_of(r);
    CHECK(seeks_care_now(plan.triage.level));
    CHECK(plan.phases.empty());
    CHECK(plan.schedule.empty());
    CHECK(plan.current_phase == 0);
  }
  PlanRequest missing;
  CHECK(refusal(missing) == "a plan needs the weeks since birth and the pain now");
  PlanRequest refer_only;
  refer_only.situation.symptoms = {"leakage"};
  CHECK_THROWS_AS(plan_of(refer_only), Error);
  PlanRequest no_severity = request(10, 2);
  no_severity.situation.severity.reset();
  CHECK_THROWS_AS(plan_of(no_severity), Error);
  PlanRequest no_weeks = request(10, 2);
  no_weeks.situation.weeks_postpartum.reset();
  CHECK_THROWS_AS(plan_of(no_weeks), Error);
}

TEST_CASE("make_plan: no exercise beside urgent or emergency triage")
{
  for (const Symptom& symptom : tiny_catalog().symptoms) {
    const Level level = tiny_catalog().symptom_level(symptom.id);
    for (int weeks : {0, 6, 30}) {
      CAPTURE(symptom.id);
      CAPTURE(weeks);
      PlanRequest r = request(weeks, 9);
      r.situation.symptoms = {symptom.id, "leakage"};
      r.phase = 1;
      const Plan plan = plan_of(r);
      CHECK(plan.triage.level == std::max(level, Level::refer));
      if (seeks_care_now(level)) {
        CHECK(plan.phases.empty());
        CHECK(plan.schedule.empty());
        CHECK(plan.current_phase == 0);
      } else {
        CHECK_FALSE(plan.schedule.empty());
      }
    }
  }
}

TEST_CASE("make_plan: posture tailoring")
{
  PlanRequest r = request(10, 3);
  CHECK(scheduled(plan_of(r)).count("rock-back") == 0);
  r.situation.postures = {"high-hinge"};
  const Plan plan = plan_of(r);
  CHECK(scheduled(plan).count("rock-back") == 1);
  CHECK(scheduled(plan).count("stack-check") == 0); // for another posture
  const ScheduleDay& monday = plan.schedule.front();
  REQUIRE(find_item(monday, "rock-back"));
  CHECK(find_item(monday, "rock-back")->for_posture);
  REQUIRE(find_item(monday, "breath")); // carried forward, whatever the posture
  CHECK_FALSE(find_item(monday, "breath")->for_posture);
}

TEST_CASE("make_plan: sessions stay short whatever the postures")
{
  // Three earlier exercises suit one of these postures; only the first
  // k_max_posture_extras of them, in catalog order, are added.
  PlanRequest r = request(20, 2);
  r.phase = 3;
  r.situation.postures = {"sway-back", "high-hinge", "anterior-tilt", "stacked"};
  const Plan plan = plan_of(r);
  std::vector<std::string> extras;
  for (const PlannedExercise& item : plan.schedule.front().items) {
    if (item.for_posture) {
      extras.push_back(item.exercise->id);
    }
  }
  CHECK(extras.size() == static_cast<std::size_t>(k_max_posture_extras));
  CHECK(extras == std::vector<std::string>{"stack-check", "rock-back"});
  CHECK(scheduled(plan).count("heel-slide") == 0);
}

TEST_CASE("make_plan: equipment")
{
  SUBCASE("not limited when none is given")
  {
    const auto ids = scheduled(plan_of(request(20, 2)));
    CHECK(ids.count("banded-hinge") == 1);
    CHECK(ids.count("step-up") == 1);
    CHECK(ids.count("hinge") == 0); // a substitute only
  }
  SUBCASE("missing equipment is swapped when a substitute exists, and dropped when none does")
  {
    PlanRequest r = request(20, 2);
    r.equipment = {"none"};
    const Plan plan = plan_of(r);
    const auto ids = scheduled(plan);
    CHECK(ids.count("banded-hinge") == 0);
    CHECK(ids.count("step-up") == 0);
    const PlannedExercise* hinge = find_item(plan.schedule.front(), "hinge");
    REQUIRE(hinge);
    REQUIRE(hinge->replaces);
    CHECK(hinge->replaces->id == "banded-hinge");
    REQUIRE(plan.dropped.size() == 1);
    CHECK(plan.dropped[0].exercise->id == "step-up");
    CHECK(plan.dropped[0].reason == "needs equipment you do not have (step)");
  }
  SUBCASE("what is owned is used")
  {
    PlanRequest r = request(20, 2);
    r.equipment = {"band", "step"};
    const Plan plan = plan_of(r);
    CHECK(scheduled(plan).count("banded-hinge") == 1);
    CHECK(scheduled(plan).count("step-up") == 1);
    CHECK(plan.dropped.empty());
  }
}

TEST_CASE("make_plan: schedule")
{
  PlanRequest r = request(10, 3);
  r.weeks_ahead = 2;
  const Plan plan = plan_of(r);
  REQUIRE(plan.schedule.size() == 14);
  CHECK(format_date(plan.schedule.front().date) == "2026-11-30");
  CHECK(format_date(plan.schedule.back().date) == "2026-12-13");
  std::vector<std::string> heel_slide_days;
  for (const ScheduleDay& day : plan.schedule) {
    CHECK(find_item(day, "walk")); // 7 days a week
    CHECK(find_item(day, "breath"));
    if (find_item(day, "heel-slide")) {
      heel_slide_days.push_back(weekday_name(day.date));
    }
  }
  CHECK(heel_slide_days == std::vector<std::string>{"Mon", "Wed", "Fri", "Mon", "Wed", "Fri"}); // 3 days a week
}

TEST_CASE("make_plan: the phases, their status and the day each opens")
{
  SUBCASE("from the weeks after birth")
  {
    PlanRequest r = request(4, 2);
    const Plan plan = plan_of(r);
    REQUIRE(plan.phases.size() == 3);
    CHECK(plan.phases[0].status == PhaseStatus::earlier);
    CHECK(plan.phases[1].status == PhaseStatus::current);
    CHECK(plan.phases[2].status == PhaseStatus::later);
    CHECK(plan.phases[2].min_weeks == 6);
    CHECK(format_date(plan.phases[2].opens_on) == "2026-12-10"); // 2 weeks after 2026-11-26
    CHECK(format_date(plan.phases[0].opens_on) == "2026-11-26");
    CHECK(plan.phases[0].exercises.size() == 4);
  }
  SUBCASE("from the birth date when it is known")
  {
    PlanRequest r = request(4, 2, Delivery::cesarean);
    r.situation.birth_date = parse_date("2026-10-29");
    const Plan plan = plan_of(r);
    CHECK(plan.phases[1].min_weeks == 6);
    CHECK(format_date(plan.phases[1].opens_on) == "2026-12-10");
    CHECK(format_date(plan.phases[2].opens_on) == "2026-12-24");
  }
  SUBCASE("a phase allowed above the current one is open")
  {
    PlanRequest r = request(20, 2);
    r.phase = 1;
    const Plan plan = plan_of(r);
    CHECK(plan.phases[0].status == PhaseStatus::current);
    CHECK(plan.phases[1].status == PhaseStatus::open);
    CHECK(plan.phases[2].status == PhaseStatus::open);
    CHECK_FALSE(plan.phases[2].exercises.empty());
  }
}

TEST_CASE("to_string(PhaseStatus)")
{
  CHECK(to_string(PhaseStatus::earlier) == "earlier");
  CHECK(to_string(PhaseStatus::current) == "current");
  CHECK(to_string(PhaseStatus::open) == "open");
  CHECK(to_string(PhaseStatus::later) == "later");
}

TEST_CASE("delivery_word and time_since_birth")
{
  CHECK(delivery_word(Delivery::vaginal) == "vaginal");
  CHECK(delivery_word(Delivery::cesarean) == "caesarean");
  Situation s;
  CHECK(time_since_birth(s) == "an unknown time after birth");
  s.weeks_postpartum = 0;
  CHECK(time_since_birth(s) == "the first week after birth");
  s.weeks_postpartum = 1;
  CHECK(time_since_birth(s) == "the second week after birth");
  s.days_postpartum = 1;
  CHECK(time_since_birth(s) == "1 day after birth");
  s.days_postpartum = 13;
  CHECK(time_since_birth(s) == "13 days after birth");
  s.days_postpartum = 70;
  s.weeks_postpartum = 10;
  CHECK(time_since_birth(s) == "week 10 after birth");
}

TEST_CASE("possible_session_exercises")
{
  const auto ids = [](int phase) {
    std::set<std::string> result;
    for (const Exercise* ex : possible_session_exercises(tiny_catalog(), phase)) {
      result.insert(ex->id);
    }
    return result;
  };
  CHECK(ids(1) == std::set<std::string>{"breath", "walk", "stack-check", "rock-back"});
  // Phase 2: its own, the stand-in for missing equipment, the earlier ones
  // carried forward or added for a posture.
  CHECK(ids(2)
        == std::set<std::string>{"breath", "walk", "stack-check", "rock-back", "heel-slide", "banded-hinge", "hinge",
                                 "side-plank", "step-up"});
  CHECK(ids(3).count("plank") == 1);
  CHECK(ids(3).count("side-plank") == 0); // not carried forward
  CHECK(ids(3).count("heel-slide") == 1); // a posture extra
  CHECK(ids(4).empty());
  CHECK(ids(0).empty());
}

TEST_CASE("session_catalog_problem")
{
  Session s;
  s.at = "2026-11-24T18:00";
  s.phase = 2;
  s.skipped_exercises = {"side-plank", "hinge", "walk"};
  CHECK(session_catalog_problem(tiny_catalog(), s).empty());
  SUBCASE("a phase the catalog does not have")
  {
    s.phase = 4;
    CHECK(session_catalog_problem(tiny_catalog(), s) == "'phase' 4 is not a phase of the catalog (it has phases 1-3)");
  }
  SUBCASE("an exercise the catalog does not have")
  {
    s.skipped_exercises = {"side-plank", "plonk"};
    CHECK(session_catalog_problem(tiny_catalog(), s)
          == "'skipped_exercises': 'plonk' is not an exercise of the catalog");
  }
  SUBCASE("an exercise of another phase")
  {
    s.skipped_exercises = {"plank"};
    CHECK(session_catalog_problem(tiny_catalog(), s)
          == "'skipped_exercises': 'plank' is not in a phase 2 session (it is a phase 3 exercise)");
  }
}

TEST_CASE("session_days")
{
  CHECK(session_days(7) == std::vector<int>{0, 1, 2, 3, 4, 5, 6});
  CHECK(session_days(3) == std::vector<int>{0, 2, 4});
  CHECK(session_days(2) == std::vector<int>{0, 3});
  CHECK(session_days(1) == std::vector<int>{0});
}

TEST_CASE("make_plan: property over every symptom, week, delivery, severity and missing input")
{
  const Catalog& catalog = tiny_catalog();
  std::vector<std::optional<int>> weeks_values{std::nullopt};
  for (int w = 0; w <= 60; ++w) {
    weeks_values.emplace_back(w);
  }
  std::vector<std::optional<int>> severities{std::nullopt};
  for (int s = 0; s <= 10; ++s) {
    severities.emplace_back(s);
  }
  int plans = 0;
  for (const Symptom& symptom : catalog.symptoms) {
    const bool care_now = seeks_care_now(catalog.symptom_level(symptom.id));
    for (const Delivery delivery : {Delivery::vaginal, Delivery::cesarean}) {
      for (const auto& weeks : weeks_values) {
        for (const auto& severity : severities) {
          PlanInputs given;
          given.weeks_postpartum = weeks;
          given.severity = severity;
          given.delivery = delivery;
          given.symptoms = {symptom.id};
          PlanRequest r = request(0, 0);
          r.situation = resolve_inputs(given, {}, {}, {}, r.as_of).situation;
          CAPTURE(symptom.id);
          CAPTURE(weeks.value_or(-1));
          CAPTURE(severity.value_or(-1));
          if (!care_now && (!weeks || !severity)) {
            CHECK_THROWS_AS(make_plan(catalog, r), Error);
            continue;
          }
          const Plan plan = make_plan(catalog, r);
          ++plans;
          if (care_now) {
            REQUIRE(seeks_care_now(plan.triage.level));
            REQUIRE(plan.phases.empty());
            REQUIRE(plan.schedule.empty());
            continue;
          }
          REQUIRE_FALSE(seeks_care_now(plan.triage.level));
          const int cap = plan.triage.max_phase.value_or(99);
          REQUIRE(plan.current_phase >= 1);
          REQUIRE(plan.current_phase <= std::min(plan.max_allowed, catalog.progression.start_phase));
          REQUIRE(plan.max_allowed <= cap);
          for (const PhasePlan& entry : plan.phases) {
            if (entry.min_weeks > *weeks || entry.phase->number > cap || !entry.closed_by.empty()) {
              REQUIRE(entry.exercises.empty());
            }
          }
          REQUIRE(highest_scheduled_phase(plan) <= plan.current_phase);
        }
      }
    }
  }
  // 3 care-now symptoms x 2 deliveries x 62 weeks x 12 severities, and
  // 5 others x 2 x 61 x 11 with both inputs known.
  CHECK(plans == 3 * 2 * 62 * 12 + 5 * 2 * 61 * 11);
}
