#include "backcare/core/catalog.hpp"
#include "catalog_fixture.hpp"

#include <doctest/doctest.h>

using namespace backcare;

TEST_CASE("levels and deliveries round-trip through text")
{
  for (Level level : {Level::self_care, Level::refer, Level::urgent, Level::emergency}) {
    CHECK(parse_word<Level>(name_of(level)) == level);
  }
  CHECK(name_of(Level::self_care) == "self-care");
  CHECK_FALSE(parse_word<Level>("severe"));
  CHECK(parse_word<Delivery>("cesarean") == Delivery::cesarean);
  CHECK(parse_word<Delivery>("caesarean") == Delivery::cesarean); // both spellings are accepted
  CHECK_FALSE(parse_word<Delivery>("c-section"));
  CHECK(seeks_care_now(Level::urgent));
  CHECK_FALSE(seeks_care_now(Level::refer));
}

TEST_CASE("Catalog lookups")
{
  const Catalog& c = builtin_catalog();
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

TEST_CASE("Phase::min_weeks by delivery")
{
  const Phase& activate = *builtin_catalog().find_phase(2);
  CHECK(activate.min_weeks(Delivery::vaginal) == 2);
  CHECK(activate.min_weeks(Delivery::cesarean) == 6);
}
