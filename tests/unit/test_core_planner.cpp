#include "backcare/error.hpp"
#include "backcare/planner.hpp"
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
    CAPTURE(to_string(c.delivery));
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
      CHECK(std::string(e.what()).find("opens at week 8 after a cesarean birth") != std::string::npos);
    }
  }
  SUBCASE("above a rule's cap is refused, naming the rule")
  {
    PlanRequest r = request(20, 8);
    r.phase = 2;
    try {
      make_plan(builtin_catalog(), r);
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::usage);
      CHECK(std::string(e.what()).find("severe-pain") != std::string::npos);
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
  SUBCASE("amber cap holds phase 3 even with history")
  {
    PlanRequest r = request(20, 2);
    r.has_history = true;
    r.situation.symptoms = {"leakage"};
    const Plan plan = make_plan(builtin_catalog(), r);
    CHECK(plan.max_allowed == 3);
    CHECK(plan.current_phase == 3);
    CHECK(highest_scheduled_phase(plan) == 3);
  }
  SUBCASE("avoided exercises never appear")
  {
    PlanRequest r = request(20, 2);
    r.phase = 3;
    r.situation.symptoms = {"abdominal-doming"};
    const Plan plan = make_plan(builtin_catalog(), r);
    CHECK(scheduled(plan).count("plank") == 0);
    CHECK(scheduled(plan).count("side-plank") == 1);
    REQUIRE(plan.dropped.size() == 1);
    CHECK(plan.dropped[0].exercise->id == "plank");
  }
}

TEST_CASE("make_plan: a first plan starts no higher than phase 2")
{
  CHECK(make_plan(builtin_catalog(), request(20, 2)).current_phase == 2);
  PlanRequest r = request(20, 2);
  r.has_history = true;
  CHECK(make_plan(builtin_catalog(), r).current_phase == 4);
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
    r.has_history = true;
    const auto ids = scheduled(make_plan(builtin_catalog(), r));
    CHECK(ids.count("split-squat-band-rotation") == 1);
    CHECK(ids.count("split-squat") == 0);
  }
  SUBCASE("missing equipment is swapped when a substitute exists")
  {
    PlanRequest r = request(20, 2);
    r.phase = 4;
    r.has_history = true;
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
