#include "backcare/render/profile.hpp"

#include <doctest/doctest.h>

using namespace backcare;

TEST_CASE("render_profile")
{
  Profile profile;
  CHECK(render_profile(profile, "anna")
        == "No details saved for profile 'anna'. Save some with: backcare profile set --birth-date DATE\n");
  profile.birth_date = parse_date("2026-09-01");
  profile.delivery = Delivery::cesarean;
  profile.postures = {"sway-back", "high-hinge"};
  CHECK(render_profile(profile, "anna")
        == "profile:    anna\n"
           "birth date: 2026-09-01\n"
           "delivery:   cesarean\n"
           "pain since: -\n"
           "postures:   sway-back, high-hinge\n"
           "equipment:  -\n");
  Profile only_equipment;
  only_equipment.equipment = {"band"};
  CHECK(render_profile(only_equipment, "b").find("birth date: -\ndelivery:   -\n") != std::string::npos);
  CHECK(render_profile(only_equipment, "b").ends_with("equipment:  band\n"));
}
