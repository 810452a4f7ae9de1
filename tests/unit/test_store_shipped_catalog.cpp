// The shipped catalog's clinical behaviour: what the phases, exercises,
// rules and trend notes in catalog/*.toml make the planner, triage and trend
// do. These tests parse the catalog compiled into the binary (a store
// function), so they are store tests; the mechanics of the planner, triage
// and trend are tested in core against tests/unit/tiny_catalog.hpp.

#include "backcare/core/error.hpp"
#include "backcare/core/inputs.hpp"
#include "backcare/core/planner.hpp"
#include "backcare/core/trend.hpp"
#include "backcare/core/triage.hpp"
#include "backcare/store/catalog_loader.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace backcare;

namespace {

const Catalog& shipped_catalog()
{
  static const Catalog catalog = parse_catalog(embedded_catalog());
  return catalog;
}

Date d(const char* text)
{
  return *parse_date(text);
}

// A first plan at week `weeks` with pain `severity` now, asked on Thu 2026-11-26 for the week from Mon 2026-11-30.
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

Situation person(int weeks, int severity)
{
  Situation s;
  s.weeks_postpartum = weeks;
  s.severity = severity;
  return s;
}

bool fired(const Triage& triage, std::string_view id)
{
  return std::any_of(triage.fired.begin(), triage.fired.end(), [&](const FiredRule& f) { return f.rule->id == id; });
}

DaySummary day(const char* date, double mean, int entries = 1, int min = -1, int max = -1)
{
  const int rounded = static_cast<int>(mean);
  return {d(date), entries, mean, min < 0 ? rounded : min, max < 0 ? rounded : max};
}

TrendRequest request(const char* as_of)
{
  TrendRequest r;
  r.as_of = d(as_of);
  return r;
}

bool has_flag(const TrendReport& r, std::string_view id)
{
  return std::any_of(r.flags.begin(), r.flags.end(), [&](const TrendFlagResult& f) { return f.id == id; });
}

} // namespace

// ---- The catalog ----------------------------------------------------------

TEST_CASE("shipped catalog: Catalog lookups")
{
  const Catalog& c = shipped_catalog();
  CHECK(c.find_exercise("heel-slide")->phase == 2);
  CHECK_FALSE(c.find_exercise("toe-touch"));
  CHECK(c.find_phase(4)->name == "Advance");
  CHECK_FALSE(c.find_phase(5));
  CHECK(c.find_rule("severe-pain")->max_phase == 1);
  CHECK(c.symptom_level("saddle-numbness") == Level::emergency);
  CHECK(c.symptom_level("fever") == Level::urgent);
  CHECK(c.symptom_level("night-pain") == Level::refer);
  CHECK(c.symptom_level("not-a-symptom") == Level::self_care);
}

TEST_CASE("shipped catalog: Phase::min_weeks by delivery")
{
  const Phase& activate = *shipped_catalog().find_phase(2);
  CHECK(activate.min_weeks(Delivery::vaginal) == 2);
  CHECK(activate.min_weeks(Delivery::cesarean) == 6);
}

// ---- Triage ---------------------------------------------------------------

TEST_CASE("shipped catalog: run_triage with no findings is self-care")
{
  const Triage triage = run_triage(shipped_catalog(), person(10, 4));
  CHECK(triage.level == Level::self_care);
  CHECK(triage.fired.empty());
  CHECK_FALSE(triage.max_phase);
}

TEST_CASE("shipped catalog: run_triage: every contract symptom reaches its level")
{
  const std::vector<std::pair<std::string, Level>> expected{
      {"saddle-numbness", Level::emergency},
      {"bladder-bowel-change", Level::emergency},
      {"leg-weakness", Level::emergency},
      {"chest-pain", Level::emergency},
      {"breathless", Level::emergency},
      {"heavy-bleeding", Level::emergency},
      {"seizure", Level::emergency},
      {"self-harm-thoughts", Level::emergency},
      {"fever", Level::urgent},
      {"calf-swelling", Level::urgent},
      {"severe-headache", Level::urgent},
      {"trauma", Level::urgent},
      {"cancer-history", Level::refer},
      {"weight-loss", Level::refer},
      {"night-pain", Level::refer},
      {"wound-not-healing", Level::refer},
      {"pelvic-heaviness", Level::refer},
      {"leakage", Level::refer},
      {"abdominal-doming", Level::refer},
      {"late-bleeding", Level::refer},
      {"pain-worse-with-exercise", Level::refer},
      {"pelvic-pain-not-improving", Level::refer},
  };
  for (const auto& [symptom, level] : expected) {
    CAPTURE(symptom);
    Situation s = person(10, 2);
    s.symptoms = {symptom};
    const Triage triage = run_triage(shipped_catalog(), s);
    CHECK(triage.level == level);
    REQUIRE_FALSE(triage.fired.empty());
    CHECK(triage.fired.front().rule->level == level);
    CHECK_FALSE(triage.fired.front().rule->source.empty());
  }
}

TEST_CASE("shipped catalog: run_triage: the most severe rule comes first")
{
  Situation s = person(10, 8);
  s.symptoms = {"leakage", "fever", "saddle-numbness"};
  const Triage triage = run_triage(shipped_catalog(), s);
  CHECK(triage.level == Level::emergency);
  REQUIRE(triage.fired.size() == 4);
  CHECK(triage.fired[0].rule->id == "cauda-equina");
  CHECK(triage.fired[1].rule->id == "possible-infection");
  CHECK(triage.fired[0].because == std::vector<std::string>{"symptom saddle-numbness"});
}

TEST_CASE("shipped catalog: run_triage: the six-month rule")
{
  SUBCASE("from the pain duration")
  {
    Situation s = person(30, 3);
    s.pain_days = 26 * 7;
    const Triage triage = run_triage(shipped_catalog(), s);
    CHECK(fired(triage, "pain-lasting-six-months"));
    CHECK(triage.level == Level::refer);
  }
  SUBCASE("not at 25 weeks of pain")
  {
    Situation s = person(10, 3);
    s.pain_days = 25 * 7 + 6;
    CHECK_FALSE(fired(run_triage(shipped_catalog(), s), "pain-lasting-six-months"));
  }
  SUBCASE("from the weeks after birth when there is pain")
  {
    CHECK(fired(run_triage(shipped_catalog(), person(26, 1)), "pain-six-months-after-birth"));
    CHECK_FALSE(fired(run_triage(shipped_catalog(), person(25, 5)), "pain-six-months-after-birth"));
    CHECK_FALSE(fired(run_triage(shipped_catalog(), person(40, 0)), "pain-six-months-after-birth"));
  }
  SUBCASE("an unknown pain duration does not fire duration rules")
  {
    const Triage triage = run_triage(shipped_catalog(), person(10, 3));
    CHECK_FALSE(fired(triage, "pain-lasting-six-months"));
    CHECK_FALSE(fired(triage, "chronic-pain-assessment"));
  }
}

TEST_CASE("shipped catalog: run_triage: chronic pain from 12 weeks")
{
  Situation s = person(20, 3);
  s.pain_days = 12 * 7;
  CHECK(fired(run_triage(shipped_catalog(), s), "chronic-pain-assessment"));
  s.pain_days = 12 * 7 - 1;
  CHECK_FALSE(fired(run_triage(shipped_catalog(), s), "chronic-pain-assessment"));
}

TEST_CASE("shipped catalog: run_triage: caps")
{
  SUBCASE("severity 7 or more holds phase 1")
  {
    const Triage triage = run_triage(shipped_catalog(), person(20, 7));
    CHECK(triage.max_phase == 1);
    REQUIRE(triage.capped_by);
    CHECK(triage.capped_by->id == "severe-pain");
    CHECK_FALSE(run_triage(shipped_catalog(), person(20, 6)).max_phase);
  }
  SUBCASE("amber signs hold phase 3")
  {
    for (const char* symptom : {"pelvic-heaviness", "leakage", "abdominal-doming", "pain-worse-with-exercise"}) {
      CAPTURE(symptom);
      Situation s = person(20, 2);
      s.symptoms = {symptom};
      CHECK(run_triage(shipped_catalog(), s).max_phase == 3);
    }
  }
  SUBCASE("the lowest cap wins")
  {
    Situation s = person(20, 2);
    s.symptoms = {"leakage", "wound-not-healing"};
    const Triage triage = run_triage(shipped_catalog(), s);
    CHECK(triage.max_phase == 1);
    CHECK(triage.capped_by->id == "wound-not-healing");
  }
  SUBCASE("abdominal doming avoids planks")
  {
    Situation s = person(20, 2);
    s.symptoms = {"abdominal-doming"};
    const Triage triage = run_triage(shipped_catalog(), s);
    CHECK(triage.avoids("plank"));
    CHECK_FALSE(triage.avoids("heel-slide"));
  }
}

TEST_CASE("shipped catalog: run_triage: notes")
{
  Situation s = person(3, 2);
  s.delivery = Delivery::cesarean;
  s.pregnancy_back_pain = true;
  const Triage triage = run_triage(shipped_catalog(), s);
  CHECK(triage.level == Level::self_care);
  CHECK(fired(triage, "early-after-caesarean"));
  CHECK(fired(triage, "pregnancy-back-pain"));
  s.weeks_postpartum = 6;
  CHECK_FALSE(fired(run_triage(shipped_catalog(), s), "early-after-caesarean"));
}

// ---- The planner ----------------------------------------------------------

TEST_CASE("shipped catalog: make_plan: time floors")
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
    const Plan plan = make_plan(shipped_catalog(), request(c.weeks, 2, c.delivery));
    CHECK(plan.max_allowed == c.max_allowed);
    CHECK(plan.current_phase == std::min(c.max_allowed, 2));
    CHECK(highest_scheduled_phase(plan) == plan.current_phase);
  }
}

TEST_CASE("shipped catalog: make_plan: --phase")
{
  SUBCASE("may choose lower")
  {
    PlanRequest r = request(10, 3);
    r.phase = 1;
    CHECK(make_plan(shipped_catalog(), r).current_phase == 1);
  }
  SUBCASE("may choose higher up to max_allowed")
  {
    PlanRequest r = request(10, 3);
    r.phase = 3;
    const Plan plan = make_plan(shipped_catalog(), r);
    CHECK(plan.current_phase == 3);
    CHECK(scheduled(plan).count("long-lever-bridge") == 1);
  }
  SUBCASE("above the time floor is refused, naming the week it opens")
  {
    PlanRequest r = request(7, 3, Delivery::cesarean);
    r.phase = 3;
    try {
      make_plan(shipped_catalog(), r);
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
      make_plan(shipped_catalog(), r);
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::usage);
      CHECK(std::string(e.what()).find("Severe pain (7/10 or more)") != std::string::npos);
    }
  }
}

TEST_CASE("shipped catalog: make_plan: caps from rules")
{
  SUBCASE("severity cap holds phase 1")
  {
    const Plan plan = make_plan(shipped_catalog(), request(20, 7));
    CHECK(plan.max_allowed == 1);
    CHECK(plan.current_phase == 1);
    CHECK(plan.phases[1].held_by->id == "severe-pain");
    CHECK(plan.phases[1].exercises.empty());
  }
  SUBCASE("an amber cap is a ceiling, never the phase given")
  {
    PlanRequest r = request(20, 2);
    r.situation.symptoms = {"leakage"};
    const Plan plan = make_plan(shipped_catalog(), r);
    CHECK(plan.max_allowed == 3);
    CHECK(plan.current_phase == 2);
    CHECK(highest_scheduled_phase(plan) == 2);
  }
  SUBCASE("skipping planks leaves out every plank, side planks included")
  {
    PlanRequest r = request(20, 2);
    r.phase = 3;
    r.situation.symptoms = {"abdominal-doming"};
    const Plan plan = make_plan(shipped_catalog(), r);
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
    const Plan plan = make_plan(shipped_catalog(), r);
    CHECK(plan.current_phase == 2);
    REQUIRE(plan.dropped.size() == 1);
    CHECK(plan.dropped[0].exercise->id == "side-plank-modified");
  }
}

TEST_CASE("shipped catalog: make_plan: a sign that contradicts an entry criterion closes the phase")
{
  PlanRequest r = request(10, 2);
  r.situation.symptoms = {"late-bleeding"};
  const Plan plan = make_plan(shipped_catalog(), r);
  CHECK(plan.max_allowed == 2);
  CHECK(plan.phases[2].closed_by == "late-bleeding");
  CHECK(plan.phases[3].closed_by == "late-bleeding");
  r.phase = 3;
  CHECK_THROWS_AS(make_plan(shipped_catalog(), r), Error);
  r.phase = 2;
  CHECK(make_plan(shipped_catalog(), r).current_phase == 2);
}

TEST_CASE("shipped catalog: make_plan: a first plan starts at phase 1, or 2 when the ceiling allows")
{
  CHECK(make_plan(shipped_catalog(), request(20, 2)).current_phase == 2);
  CHECK(make_plan(shipped_catalog(), request(20, 0)).current_phase == 2);
  CHECK(make_plan(shipped_catalog(), request(1, 2)).current_phase == 1);
  CHECK(make_plan(shipped_catalog(), request(20, 8)).current_phase == 1);
  CHECK(make_plan(shipped_catalog(), request(4, 2, Delivery::cesarean)).current_phase == 1);
}

TEST_CASE("shipped catalog: make_plan: a worse log holds the plan")
{
  PlanRequest r = request(20, 3);
  r.situation.trend_verdict = Verdict::worse;
  const Plan plan = make_plan(shipped_catalog(), r);
  REQUIRE(plan.hold != nullptr);
  CHECK(plan.hold->id == "pain-getting-worse");
  CHECK(plan.triage.level == Level::refer);
  CHECK(plan.current_phase == 2);
}

TEST_CASE("shipped catalog: make_plan: triage comes first, whatever is missing")
{
  PlanRequest r;
  r.situation.symptoms = {"heavy-bleeding"};
  const Plan plan = make_plan(shipped_catalog(), r);
  CHECK(plan.triage.level == Level::emergency);
  CHECK(plan.phases.empty());
  PlanRequest missing;
  CHECK_THROWS_AS(make_plan(shipped_catalog(), missing), Error);
}

TEST_CASE("shipped catalog: make_plan: sessions stay short whatever the postures")
{
  const std::vector<std::string> all{"stacked", "anterior-tilt", "sway-back", "high-hinge"};
  for (int phase = 1; phase <= 4; ++phase) {
    PlanRequest r = request(20, 2);
    r.phase = phase;
    r.situation.postures = all;
    const Plan plan = make_plan(shipped_catalog(), r);
    for (const ScheduleDay& day : plan.schedule) {
      CAPTURE(phase);
      CHECK(day.items.size() <= 11);
    }
  }
}

TEST_CASE("shipped catalog: make_plan: no exercise beside urgent or emergency triage")
{
  for (const Symptom& symptom : shipped_catalog().symptoms) {
    const Level level = shipped_catalog().symptom_level(symptom.id);
    for (int weeks : {0, 6, 30}) {
      CAPTURE(symptom.id);
      PlanRequest r = request(weeks, 9);
      r.situation.symptoms = {symptom.id, "leakage"};
      r.phase = 1;
      const Plan plan = make_plan(shipped_catalog(), r);
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

TEST_CASE("shipped catalog: make_plan: posture tailoring")
{
  PlanRequest r = request(10, 3);
  CHECK(scheduled(make_plan(shipped_catalog(), r)).count("rock-back-breathing") == 0);
  r.situation.postures = {"high-hinge"};
  const Plan plan = make_plan(shipped_catalog(), r);
  CHECK(scheduled(plan).count("rock-back-breathing") == 1);
  CHECK(scheduled(plan).count("breathing-360") == 1);
  const auto& monday = plan.schedule.front().items;
  auto it = std::find_if(monday.begin(), monday.end(),
                         [](const PlannedExercise& p) { return p.exercise->id == "rock-back-breathing"; });
  REQUIRE(it != monday.end());
  CHECK(it->for_posture);
}

TEST_CASE("shipped catalog: make_plan: equipment")
{
  SUBCASE("not limited when none is given")
  {
    PlanRequest r = request(20, 2);
    r.phase = 4;
    const auto ids = scheduled(make_plan(shipped_catalog(), r));
    CHECK(ids.count("split-squat-band-rotation") == 1);
    CHECK(ids.count("split-squat") == 0);
  }
  SUBCASE("missing equipment is swapped when a substitute exists")
  {
    PlanRequest r = request(20, 2);
    r.phase = 4;
    r.equipment = {"none"};
    const Plan plan = make_plan(shipped_catalog(), r);
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
    const Plan plan = make_plan(shipped_catalog(), r);
    CHECK(scheduled(plan).count("pallof-press-half-kneeling") == 0);
    REQUIRE(plan.dropped.size() == 1);
    CHECK(plan.dropped[0].exercise->id == "pallof-press-half-kneeling");
  }
}

TEST_CASE("shipped catalog: make_plan: schedule")
{
  PlanRequest r = request(10, 3);
  r.weeks_ahead = 2;
  const Plan plan = make_plan(shipped_catalog(), r);
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

TEST_CASE("shipped catalog: make_plan: property over every symptom, week, delivery, severity and missing input")
{
  const Catalog& catalog = shipped_catalog();
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
          REQUIRE(plan.current_phase <= std::min(plan.max_allowed, shipped_catalog().progression.start_phase));
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

// ---- Trend notes ----------------------------------------------------------

TEST_CASE("shipped catalog: make_trend: notes come from the catalog")
{
  std::vector<DaySummary> days{day("2026-11-01", 6, 2, 5, 7), day("2026-11-02", 6), day("2026-11-04", 6),
                               day("2026-11-10", 0),          day("2026-11-11", 0), day("2026-11-12", 0),
                               day("2026-11-20", 3),          day("2026-11-22", 3), day("2026-11-26", 3)};
  TrendRequest r = request("2026-11-26");
  r.birth_date = d("2026-08-01");
  const TrendReport report = make_trend(shipped_catalog(), r, days);
  CHECK(report.weeks_postpartum == 16);
  CHECK(has_flag(report, "typical-recovery-middle"));
  CHECK_FALSE(has_flag(report, "typical-recovery-late"));
  REQUIRE_FALSE(report.flags.empty());
  const auto& flag = report.flags.front();
  CHECK(flag.message.find("you are at week 16") != std::string::npos);
}

TEST_CASE("shipped catalog: make_trend: referrals first, then notes that never contradict them")
{
  std::vector<DaySummary> days{day("2026-05-01", 5), day("2026-11-26", 4)};
  TrendRequest r = request("2026-11-26");
  const Rule* six_months = shipped_catalog().find_rule("pain-six-months-after-birth");
  r.referrals = {six_months};
  r.birth_date = d("2026-04-01");
  const TrendReport later = make_trend(shipped_catalog(), r, days);
  REQUIRE(later.flags.size() == 2);
  CHECK(later.flags[0].id == "pain-six-months-after-birth");
  CHECK(later.flags[0].refer_to == "physiotherapist");
  CHECK(later.flags[1].id == "typical-recovery-late");
  CHECK(later.flags[1].message.find("physiotherapist") != std::string::npos);
  days.back().mean = 0;
  days.back().max = 0;
  r.referrals.clear();
  CHECK_FALSE(has_flag(make_trend(shipped_catalog(), r, days), "typical-recovery-late"));
}
