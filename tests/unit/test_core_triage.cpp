#include "backcare/core/triage.hpp"
#include "tiny_catalog.hpp"

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

std::vector<std::string> fired_ids(const Triage& triage)
{
  std::vector<std::string> ids;
  for (const FiredRule& f : triage.fired) {
    ids.push_back(f.rule->id);
  }
  return ids;
}

const FiredRule& firing(const Triage& triage, std::string_view id)
{
  const auto it =
      std::find_if(triage.fired.begin(), triage.fired.end(), [&](const FiredRule& f) { return f.rule->id == id; });
  REQUIRE(it != triage.fired.end());
  return *it;
}

} // namespace

TEST_CASE("run_triage with no findings is self-care")
{
  const Triage triage = run_triage(tiny_catalog(), person(10, 4));
  CHECK(triage.level == Level::self_care);
  CHECK(triage.fired.empty());
  CHECK_FALSE(triage.max_phase);
  CHECK(triage.capped_by == nullptr);
  CHECK(triage.held_by == nullptr);
}

TEST_CASE("run_triage: each symptom reaches the level of its rule")
{
  const std::vector<std::pair<std::string, Level>> expected{
      {"saddle-numbness", Level::emergency},
      {"chest-pain", Level::emergency},
      {"fever", Level::urgent},
      {"late-bleeding", Level::refer},
      {"leakage", Level::refer},
      {"heaviness", Level::refer},
      {"doming", Level::refer},
      {"tired", Level::self_care},
  };
  REQUIRE(expected.size() == tiny_catalog().symptoms.size());
  for (const auto& [symptom, level] : expected) {
    CAPTURE(symptom);
    Situation s = person(10, 2);
    s.symptoms = {symptom};
    const Triage triage = run_triage(tiny_catalog(), s);
    CHECK(triage.level == level);
    REQUIRE_FALSE(triage.fired.empty());
    CHECK(triage.fired.front().rule->level == level);
    CHECK(triage.fired.front().because == std::vector<std::string>{"symptom " + symptom});
  }
}

TEST_CASE("run_triage: the most severe rule comes first, then catalog order")
{
  Situation s = person(10, 8);
  s.symptoms = {"leakage", "tired", "fever", "saddle-numbness"};
  const Triage triage = run_triage(tiny_catalog(), s);
  CHECK(triage.level == Level::emergency);
  CHECK(fired_ids(triage) == std::vector<std::string>{"red-flags", "infection", "leakage", "severe-pain", "unwell"});
  CHECK(triage.fired[0].because == std::vector<std::string>{"symptom saddle-numbness"});
  CHECK(triage.fired[4].because == std::vector<std::string>{"symptom fever, tired"}); // every symptom it matched
}

TEST_CASE("run_triage: a rule on the weeks of pain")
{
  SUBCASE("fires from the pain duration, in whole weeks")
  {
    Situation s = person(20, 3);
    s.pain_days = 12 * 7;
    const Triage triage = run_triage(tiny_catalog(), s);
    CHECK(triage.level == Level::refer);
    CHECK(firing(triage, "long-pain").because == std::vector<std::string>{"pain for 12 weeks (12 or more)"});
  }
  SUBCASE("not a day short of the weeks")
  {
    Situation s = person(20, 3);
    s.pain_days = 12 * 7 - 1;
    CHECK_FALSE(fired(run_triage(tiny_catalog(), s), "long-pain"));
  }
  SUBCASE("an unknown pain duration does not fire it")
  {
    CHECK_FALSE(fired(run_triage(tiny_catalog(), person(20, 3)), "long-pain"));
  }
}

TEST_CASE("run_triage: every condition of a rule must hold")
{
  // six-months: 26 weeks after birth or more, and pain 1/10 or more.
  CHECK(fired(run_triage(tiny_catalog(), person(26, 1)), "six-months"));
  CHECK(firing(run_triage(tiny_catalog(), person(30, 4)), "six-months").because
        == std::vector<std::string>{"30 weeks after birth (26 or more)", "pain 4/10 (1 or more)"});
  CHECK_FALSE(fired(run_triage(tiny_catalog(), person(25, 5)), "six-months"));
  CHECK_FALSE(fired(run_triage(tiny_catalog(), person(40, 0)), "six-months"));
  Situation unknown_weeks;
  unknown_weeks.severity = 5;
  CHECK_FALSE(fired(run_triage(tiny_catalog(), unknown_weeks), "six-months"));
  Situation unknown_severity;
  unknown_severity.weeks_postpartum = 30;
  CHECK_FALSE(fired(run_triage(tiny_catalog(), unknown_severity), "six-months"));
}

TEST_CASE("run_triage: caps")
{
  SUBCASE("a severity rule caps the phase")
  {
    const Triage triage = run_triage(tiny_catalog(), person(20, 7));
    CHECK(triage.max_phase == 1);
    REQUIRE(triage.capped_by);
    CHECK(triage.capped_by->id == "severe-pain");
    CHECK_FALSE(run_triage(tiny_catalog(), person(20, 6)).max_phase);
  }
  SUBCASE("a symptom rule caps the phase")
  {
    Situation s = person(20, 2);
    s.symptoms = {"leakage"};
    const Triage triage = run_triage(tiny_catalog(), s);
    CHECK(triage.max_phase == 2);
    CHECK(triage.capped_by->id == "leakage");
  }
  SUBCASE("the lowest cap wins, whatever the catalog order")
  {
    Situation s = person(20, 8);
    s.symptoms = {"leakage"};
    const Triage triage = run_triage(tiny_catalog(), s);
    CHECK(triage.max_phase == 1);
    CHECK(triage.capped_by->id == "severe-pain");
  }
  SUBCASE("a rule can leave exercises out")
  {
    Situation s = person(20, 2);
    s.symptoms = {"doming"};
    const Triage triage = run_triage(tiny_catalog(), s);
    CHECK_FALSE(triage.max_phase);
    CHECK(triage.avoids("plank"));
    CHECK(triage.avoids("side-plank"));
    CHECK_FALSE(triage.avoids("heel-slide"));
    CHECK_FALSE(run_triage(tiny_catalog(), person(20, 2)).avoids("plank"));
  }
}

TEST_CASE("run_triage: a worse log holds the plan")
{
  Situation s = person(20, 3);
  s.trend_verdict = Verdict::worse;
  const Triage triage = run_triage(tiny_catalog(), s);
  CHECK(triage.level == Level::refer);
  REQUIRE(triage.held_by);
  CHECK(triage.held_by->id == "worse-log");
  CHECK(firing(triage, "worse-log").because == std::vector<std::string>{"the log's verdict is worse"});
  s.trend_verdict = Verdict::improved;
  CHECK(run_triage(tiny_catalog(), s).held_by == nullptr);
  s.trend_verdict.reset(); // no log
  CHECK(run_triage(tiny_catalog(), s).held_by == nullptr);
}

TEST_CASE("run_triage: notes")
{
  Situation s = person(3, 2);
  s.delivery = Delivery::cesarean;
  s.pregnancy_back_pain = true;
  const Triage triage = run_triage(tiny_catalog(), s);
  CHECK(triage.level == Level::self_care);
  CHECK(fired_ids(triage) == std::vector<std::string>{"early-caesarean", "pregnancy-pain"});
  CHECK(triage.fired[0].because == std::vector<std::string>{"3 weeks after birth (5 or fewer)", "cesarean birth"});
  s.weeks_postpartum = 6;
  CHECK_FALSE(fired(run_triage(tiny_catalog(), s), "early-caesarean"));
  s.weeks_postpartum = 3;
  s.delivery = Delivery::vaginal;
  CHECK_FALSE(fired(run_triage(tiny_catalog(), s), "early-caesarean"));
  s.pregnancy_back_pain = false;
  CHECK(run_triage(tiny_catalog(), s).fired.empty());
}

TEST_CASE("bookings")
{
  const auto booked = [](const std::vector<std::string>& symptoms, int severity = 2) {
    Situation s = person(20, severity);
    s.symptoms = symptoms;
    std::vector<std::pair<std::string, std::vector<std::string>>> result;
    for (const Booking& booking : bookings(run_triage(tiny_catalog(), s))) {
      std::vector<std::string> ids;
      for (const Rule* rule : booking.rules) {
        ids.push_back(rule->id);
      }
      result.emplace_back(booking.refer_to, ids);
    }
    return result;
  };
  using Expected = std::vector<std::pair<std::string, std::vector<std::string>>>;
  SUBCASE("one booking per clinician, with every finding for them")
  {
    CHECK(booked({"leakage", "late-bleeding"})
          == Expected{{"pelvic-health physiotherapist", {"late-bleeding", "leakage"}}});
  }
  SUBCASE("a specific clinician covers a general one")
  {
    CHECK(booked({"doming", "leakage"}) == Expected{{"pelvic-health physiotherapist", {"leakage", "doming"}}});
  }
  SUBCASE("a general clinician alone is booked")
  {
    CHECK(booked({"doming"}) == Expected{{"physiotherapist", {"doming"}}});
  }
  SUBCASE("only refer rules are booked")
  {
    CHECK(booked({"fever", "tired"}).empty());
    CHECK(booked({"chest-pain"}).empty());
  }
}
