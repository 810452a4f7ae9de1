#include "backcare/core/triage.hpp"
#include "catalog_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace backcare;

namespace {

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

} // namespace

TEST_CASE("run_triage with no findings is self-care")
{
  const Triage triage = run_triage(builtin_catalog(), person(10, 4));
  CHECK(triage.level == Level::self_care);
  CHECK(triage.fired.empty());
  CHECK_FALSE(triage.max_phase);
}

TEST_CASE("run_triage: every contract symptom reaches its level")
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
    const Triage triage = run_triage(builtin_catalog(), s);
    CHECK(triage.level == level);
    REQUIRE_FALSE(triage.fired.empty());
    CHECK(triage.fired.front().rule->level == level);
    CHECK_FALSE(triage.fired.front().rule->source.empty());
  }
}

TEST_CASE("run_triage: the most severe rule comes first")
{
  Situation s = person(10, 8);
  s.symptoms = {"leakage", "fever", "saddle-numbness"};
  const Triage triage = run_triage(builtin_catalog(), s);
  CHECK(triage.level == Level::emergency);
  REQUIRE(triage.fired.size() == 4);
  CHECK(triage.fired[0].rule->id == "cauda-equina");
  CHECK(triage.fired[1].rule->id == "possible-infection");
  CHECK(triage.fired[0].because == std::vector<std::string>{"symptom saddle-numbness"});
}

TEST_CASE("run_triage: the six-month rule")
{
  SUBCASE("from the pain duration")
  {
    Situation s = person(30, 3);
    s.pain_days = 26 * 7;
    const Triage triage = run_triage(builtin_catalog(), s);
    CHECK(fired(triage, "pain-lasting-six-months"));
    CHECK(triage.level == Level::refer);
  }
  SUBCASE("not at 25 weeks of pain")
  {
    Situation s = person(10, 3);
    s.pain_days = 25 * 7 + 6;
    CHECK_FALSE(fired(run_triage(builtin_catalog(), s), "pain-lasting-six-months"));
  }
  SUBCASE("from the weeks after birth when there is pain")
  {
    CHECK(fired(run_triage(builtin_catalog(), person(26, 1)), "pain-six-months-after-birth"));
    CHECK_FALSE(fired(run_triage(builtin_catalog(), person(25, 5)), "pain-six-months-after-birth"));
    CHECK_FALSE(fired(run_triage(builtin_catalog(), person(40, 0)), "pain-six-months-after-birth"));
  }
  SUBCASE("an unknown pain duration does not fire duration rules")
  {
    const Triage triage = run_triage(builtin_catalog(), person(10, 3));
    CHECK_FALSE(fired(triage, "pain-lasting-six-months"));
    CHECK_FALSE(fired(triage, "chronic-pain-assessment"));
  }
}

TEST_CASE("run_triage: chronic pain from 12 weeks")
{
  Situation s = person(20, 3);
  s.pain_days = 12 * 7;
  CHECK(fired(run_triage(builtin_catalog(), s), "chronic-pain-assessment"));
  s.pain_days = 12 * 7 - 1;
  CHECK_FALSE(fired(run_triage(builtin_catalog(), s), "chronic-pain-assessment"));
}

TEST_CASE("run_triage: caps")
{
  SUBCASE("severity 7 or more holds phase 1")
  {
    const Triage triage = run_triage(builtin_catalog(), person(20, 7));
    CHECK(triage.max_phase == 1);
    REQUIRE(triage.capped_by);
    CHECK(triage.capped_by->id == "severe-pain");
    CHECK_FALSE(run_triage(builtin_catalog(), person(20, 6)).max_phase);
  }
  SUBCASE("amber signs hold phase 3")
  {
    for (const char* symptom : {"pelvic-heaviness", "leakage", "abdominal-doming", "pain-worse-with-exercise"}) {
      CAPTURE(symptom);
      Situation s = person(20, 2);
      s.symptoms = {symptom};
      CHECK(run_triage(builtin_catalog(), s).max_phase == 3);
    }
  }
  SUBCASE("the lowest cap wins")
  {
    Situation s = person(20, 2);
    s.symptoms = {"leakage", "wound-not-healing"};
    const Triage triage = run_triage(builtin_catalog(), s);
    CHECK(triage.max_phase == 1);
    CHECK(triage.capped_by->id == "wound-not-healing");
  }
  SUBCASE("abdominal doming avoids planks")
  {
    Situation s = person(20, 2);
    s.symptoms = {"abdominal-doming"};
    const Triage triage = run_triage(builtin_catalog(), s);
    CHECK(triage.avoids("plank"));
    CHECK_FALSE(triage.avoids("heel-slide"));
  }
}

TEST_CASE("run_triage: notes")
{
  Situation s = person(3, 2);
  s.delivery = Delivery::cesarean;
  s.pregnancy_back_pain = true;
  const Triage triage = run_triage(builtin_catalog(), s);
  CHECK(triage.level == Level::self_care);
  CHECK(fired(triage, "early-after-caesarean"));
  CHECK(fired(triage, "pregnancy-back-pain"));
  s.weeks_postpartum = 6;
  CHECK_FALSE(fired(run_triage(builtin_catalog(), s), "early-after-caesarean"));
}
