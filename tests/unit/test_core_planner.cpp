#include "backcare/core/error.hpp"
#include "backcare/core/inputs.hpp"
#include "backcare/core/planner.hpp"
#include "catalog_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace backcare;

namespace {

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

} // namespace

TEST_CASE("make_plan: time floors")
{
  struct Case {
    Delivery delivery;
    int weeks;
    int max_allowed;
  };
  const std::vector<Case> cases{
      {Delivery::vaginal, 0, 1},   {Delivery::vaginal, 1, 1},   {Delivery::vaginal, 2, 2},  {Delivery::vaginal, 5, 2},
      {Delivery::vaginal, 6, 3},   {Delivery::vaginal, 11, 3},  {Delivery::vaginal, 12, 4}, {Delivery::cesarean, 0, 1},
      {Delivery::cesarean, 5, 1},  {Delivery::cesarean, 6, 2},  {Delivery::cesarean, 7, 2}, {Delivery::cesarean, 8, 3},
      {Delivery::cesarean, 11, 3}, {Delivery::cesarean, 12, 4},
  };
  for (const Case& c : cases) {
    CAPTURE(c.weeks);
    CAPTURE(name_of(c.delivery));
    const Plan plan = make_plan(builtin_catalog(), request(c.weeks, 2, c.delivery));
    CHECK(plan.max_allowed == c.max_allowed);
    CHECK(plan.current_phase == std::min(c.max_allowed, 2));
    CHECK(highest_scheduled_phase(plan) == plan.current_phase);
  }
}

TEST_CASE("make_plan: --phase")
{
  SUBCASE("may choose lower")
  {
    PlanRequest r = request(10, 3);
    r.phase = 1;
    CHECK(make_plan(builtin_catalog(), r).current_phase == 1);
  }
  SUBCASE("may choose higher up to max_allowed")
  {
    PlanRequest r = request(10, 3);
    r.phase = 3;
    const Plan plan = make_plan(builtin_catalog(), r);
    CHECK(plan.current_phase == 3);
    CHECK(scheduled(plan).count("long-lever-bridge") == 1);
  }
  SUBCASE("above the time floor is refused, naming the week it opens")
  {
    PlanRequest r = request(7, 3, Delivery::cesarean);
    r.phase = 3;
    try {
      make_plan(builtin_catalog(), r);
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::usage);
      CHECK(std::string(e.what()).find("opens at week 8 after a caesarean birth") != std::string::npos);
    }
  }
  SUBCASE("above a rule's cap is refused, naming the rule in plain words")
  {
    PlanRequest r = request(20, 8);
    r.phase = 2;
    try {
      make_plan(builtin_catalog(), r);
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::usage);
      CHECK(std::string(e.what()).find("Severe pain (7/10 or more)") != std::string::npos);
    }
  }
}

TEST_CASE("make_plan: caps from rules")
{
  SUBCASE("severity cap holds phase 1")
  {
    const Plan plan = make_plan(builtin_catalog(), request(20, 7));
    CHECK(plan.max_allowed == 1);
    CHECK(plan.current_phase == 1);
    CHECK(plan.phases[1].held_by->id == "severe-pain");
    CHECK(plan.phases[1].exercises.empty());
  }
  SUBCASE("an amber cap is a ceiling, never the phase given")
  {
    PlanRequest r = request(20, 2);
    r.situation.symptoms = {"leakage"};
    const Plan plan = make_plan(builtin_catalog(), r);
    CHECK(plan.max_allowed == 3);
    CHECK(plan.current_phase == 2);
    CHECK(highest_scheduled_phase(plan) == 2);
  }
  SUBCASE("skipping planks leaves out every plank, side planks included")
  {
    PlanRequest r = request(20, 2);
    r.phase = 3;
    r.situation.symptoms = {"abdominal-doming"};
    const Plan plan = make_plan(builtin_catalog(), r);
    for (const std::string& id : scheduled(plan)) {
      CHECK(id.find("plank") == std::string::npos);
    }
    REQUIRE(plan.dropped.size() == 2);
    CHECK(plan.dropped[0].exercise->id == "plank");
    CHECK(plan.dropped[1].exercise->id == "side-plank");
  }
  SUBCASE("only exercises that were due are reported as left out")
  {
    PlanRequest r = request(20, 2);
    r.situation.symptoms = {"abdominal-doming"};
    const Plan plan = make_plan(builtin_catalog(), r);
    CHECK(plan.current_phase == 2);
    REQUIRE(plan.dropped.size() == 1);
    CHECK(plan.dropped[0].exercise->id == "side-plank-modified");
  }
}

TEST_CASE("make_plan: a sign that contradicts an entry criterion closes the phase")
{
  PlanRequest r = request(10, 2);
  r.situation.symptoms = {"late-bleeding"};
  const Plan plan = make_plan(builtin_catalog(), r);
  CHECK(plan.max_allowed == 2);
  CHECK(plan.phases[2].closed_by == "late-bleeding");
  CHECK(plan.phases[3].closed_by == "late-bleeding");
  r.phase = 3;
  CHECK_THROWS_AS(make_plan(builtin_catalog(), r), Error);
  r.phase = 2;
  CHECK(make_plan(builtin_catalog(), r).current_phase == 2);
}

TEST_CASE("make_plan: a first plan starts at phase 1, or 2 when the ceiling allows")
{
  CHECK(make_plan(builtin_catalog(), request(20, 2)).current_phase == 2);
  CHECK(make_plan(builtin_catalog(), request(20, 0)).current_phase == 2);
  CHECK(make_plan(builtin_catalog(), request(1, 2)).current_phase == 1);
  CHECK(make_plan(builtin_catalog(), request(20, 8)).current_phase == 1);
  CHECK(make_plan(builtin_catalog(), request(4, 2, Delivery::cesarean)).current_phase == 1);
}

TEST_CASE("make_plan: a worse log holds the plan")
{
  PlanRequest r = request(20, 3);
  r.situation.trend_verdict = Verdict::worse;
  const Plan plan = make_plan(builtin_catalog(), r);
  REQUIRE(plan.hold != nullptr);
  CHECK(plan.hold->id == "pain-getting-worse");
  CHECK(plan.triage.level == Level::refer);
  CHECK(plan.current_phase == 2);
}

TEST_CASE("make_plan: triage comes first, whatever is missing")
{
  PlanRequest r;
  r.situation.symptoms = {"heavy-bleeding"};
  const Plan plan = make_plan(builtin_catalog(), r);
  CHECK(plan.triage.level == Level::emergency);
  CHECK(plan.phases.empty());
  PlanRequest missing;
  CHECK_THROWS_AS(make_plan(builtin_catalog(), missing), Error);
}

TEST_CASE("make_plan: sessions stay short whatever the postures")
{
  const std::vector<std::string> all{"stacked", "anterior-tilt", "sway-back", "high-hinge"};
  for (int phase = 1; phase <= 4; ++phase) {
    PlanRequest r = request(20, 2);
    r.phase = phase;
    r.situation.postures = all;
    const Plan plan = make_plan(builtin_catalog(), r);
    for (const ScheduleDay& day : plan.schedule) {
      CAPTURE(phase);
      CHECK(day.items.size() <= 11);
    }
  }
}

TEST_CASE("make_plan: no exercise beside urgent or emergency triage")
{
  for (const Symptom& symptom : builtin_catalog().symptoms) {
    const Level level = builtin_catalog().symptom_level(symptom.id);
    for (int weeks : {0, 6, 30}) {
      CAPTURE(symptom.id);
      PlanRequest r = request(weeks, 9);
      r.situation.symptoms = {symptom.id, "leakage"};
      r.phase = 1;
      const Plan plan = make_plan(builtin_catalog(), r);
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
  CHECK(scheduled(make_plan(builtin_catalog(), r)).count("rock-back-breathing") == 0);
  r.situation.postures = {"high-hinge"};
  const Plan plan = make_plan(builtin_catalog(), r);
  CHECK(scheduled(plan).count("rock-back-breathing") == 1);
  CHECK(scheduled(plan).count("breathing-360") == 1);
  const auto& monday = plan.schedule.front().items;
  auto it = std::find_if(monday.begin(), monday.end(),
                         [](const PlannedExercise& p) { return p.exercise->id == "rock-back-breathing"; });
  REQUIRE(it != monday.end());
  CHECK(it->for_posture);
}

TEST_CASE("make_plan: equipment")
{
  SUBCASE("not limited when none is given")
  {
    PlanRequest r = request(20, 2);
    r.phase = 4;
    const auto ids = scheduled(make_plan(builtin_catalog(), r));
    CHECK(ids.count("split-squat-band-rotation") == 1);
    CHECK(ids.count("split-squat") == 0);
  }
  SUBCASE("missing equipment is swapped when a substitute exists")
  {
    PlanRequest r = request(20, 2);
    r.phase = 4;
    r.equipment = {"none"};
    const Plan plan = make_plan(builtin_catalog(), r);
    const auto ids = scheduled(plan);
    CHECK(ids.count("split-squat-band-rotation") == 0);
    CHECK(ids.count("split-squat") == 1);
    CHECK(ids.count("copenhagen-side-plank-bent-knee") == 0);
    CHECK(ids.count("side-plank") == 1);
  }
  SUBCASE("and dropped when none exists")
  {
    PlanRequest r = request(10, 2);
    r.equipment = {"step"};
    const Plan plan = make_plan(builtin_catalog(), r);
    CHECK(scheduled(plan).count("pallof-press-half-kneeling") == 0);
    REQUIRE(plan.dropped.size() == 1);
    CHECK(plan.dropped[0].exercise->id == "pallof-press-half-kneeling");
  }
}

TEST_CASE("make_plan: schedule")
{
  PlanRequest r = request(10, 3);
  r.weeks_ahead = 2;
  const Plan plan = make_plan(builtin_catalog(), r);
  REQUIRE(plan.schedule.size() == 14);
  CHECK(format_date(plan.schedule.front().date) == "2026-11-30");
  CHECK(format_date(plan.schedule.back().date) == "2026-12-13");
  std::vector<std::string> heel_slide_days;
  for (const ScheduleDay& day : plan.schedule) {
    const bool walking = std::any_of(day.items.begin(), day.items.end(),
                                     [](const PlannedExercise& p) { return p.exercise->id == "walking"; });
    CHECK(walking);
    for (const PlannedExercise& item : day.items) {
      if (item.exercise->id == "heel-slide") {
        heel_slide_days.push_back(weekday_name(day.date));
      }
    }
  }
  CHECK(heel_slide_days == std::vector<std::string>{"Mon", "Wed", "Fri", "Mon", "Wed", "Fri"});
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
  const Catalog& catalog = builtin_catalog();
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
          REQUIRE(plan.current_phase <= std::min(plan.max_allowed, builtin_catalog().progression.start_phase));
          REQUIRE(plan.max_allowed <= cap);
          for (const PhasePlan& entry : plan.phases) {
            if (entry.min_weeks > *weeks || entry.phase->number > cap) {
              REQUIRE(entry.exercises.empty());
            }
          }
          REQUIRE(highest_scheduled_phase(plan) <= plan.current_phase);
        }
      }
    }
  }
  CHECK(plans > 20000);
}
