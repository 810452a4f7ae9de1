#include "backcare/core/catalog.hpp"
#include "tiny_catalog.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace backcare;

TEST_CASE("seeks_care_now: urgent and emergency levels only")
{
  CHECK_FALSE(seeks_care_now(Level::self_care));
  CHECK_FALSE(seeks_care_now(Level::refer));
  CHECK(seeks_care_now(Level::urgent));
  CHECK(seeks_care_now(Level::emergency));
}

TEST_CASE("Catalog lookups")
{
  const Catalog& c = tiny_catalog();
  REQUIRE(c.find_exercise("heel-slide"));
  CHECK(c.find_exercise("heel-slide")->phase == 2);
  CHECK(c.find_exercise("hinge")->substitute_only);
  CHECK_FALSE(c.find_exercise("toe-touch"));
  CHECK_FALSE(c.find_exercise(""));
  REQUIRE(c.find_phase(3));
  CHECK(c.find_phase(3)->name == "Load");
  CHECK_FALSE(c.find_phase(0));
  CHECK_FALSE(c.find_phase(4));
  REQUIRE(c.find_symptom("doming"));
  CHECK(c.find_symptom("doming")->question == "Doming along the belly?");
  CHECK_FALSE(c.find_symptom("plank"));
  REQUIRE(c.find_rule("severe-pain"));
  CHECK(c.find_rule("severe-pain")->max_phase == 1);
  CHECK_FALSE(c.find_rule("fever")); // a symptom, not a rule
}

TEST_CASE("Catalog::symptom_level is the most severe level among the rules that name the symptom")
{
  const Catalog& c = tiny_catalog();
  CHECK(c.symptom_level("saddle-numbness") == Level::emergency);
  CHECK(c.symptom_level("fever") == Level::urgent); // named by an urgent rule and a self-care note
  CHECK(c.symptom_level("leakage") == Level::refer);
  CHECK(c.symptom_level("tired") == Level::self_care);
  CHECK(c.symptom_level("not-a-symptom") == Level::self_care);
}

TEST_CASE("Phase::min_weeks by delivery")
{
  const Phase& build = *tiny_catalog().find_phase(2);
  CHECK(build.min_weeks(Delivery::vaginal) == 2);
  CHECK(build.min_weeks(Delivery::cesarean) == 6);
}

// The fixture itself: it must hold what the store's catalog loader checks,
// or the core tests would test situations no real catalog can produce.
TEST_CASE("the tiny catalog is a valid catalog")
{
  const Catalog& c = tiny_catalog();
  for (std::size_t i = 0; i < c.phases.size(); ++i) {
    CHECK(c.phases[i].number == static_cast<int>(i) + 1);
    for (const std::string& id : c.phases[i].closed_by) {
      CHECK(c.find_symptom(id));
    }
  }
  CHECK(c.phases.front().min_weeks(Delivery::vaginal) == 0);
  CHECK(c.phases.front().min_weeks(Delivery::cesarean) == 0);
  for (const Exercise& ex : c.exercises) {
    CAPTURE(ex.id);
    CHECK(c.find_phase(ex.phase));
    CHECK(parse_word<Category>(ex.category));
    for (const std::string& item : ex.equipment) {
      CHECK(parse_word<Equipment>(item));
    }
    for (const std::string& posture : ex.postures) {
      CHECK(parse_word<Posture>(posture));
    }
    if (ex.substitute) {
      REQUIRE(c.find_exercise(*ex.substitute));
      CHECK(c.find_exercise(*ex.substitute)->equipment.empty());
    }
  }
  for (const Rule& rule : c.rules) {
    CAPTURE(rule.id);
    CHECK_FALSE(rule.source.empty());
    for (const std::string& id : rule.when.symptoms_any) {
      CHECK(c.find_symptom(id));
    }
    for (const std::string& id : rule.avoid) {
      CHECK(c.find_exercise(id));
    }
  }
  for (const Symptom& symptom : c.symptoms) {
    CAPTURE(symptom.id);
    CHECK(std::any_of(c.rules.begin(), c.rules.end(), [&](const Rule& rule) {
      const auto& ids = rule.when.symptoms_any;
      return std::find(ids.begin(), ids.end(), symptom.id) != ids.end();
    }));
  }
}
