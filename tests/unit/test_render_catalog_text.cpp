#include "backcare/render/catalog.hpp"
#include "tiny_catalog.hpp"

#include <doctest/doctest.h>

using namespace backcare;

TEST_CASE("render_catalog_list: every exercise under its phase, with its category and dosage")
{
  const std::string text = render_catalog_list(tiny_catalog());
  CHECK(text.starts_with("Phase 1: Start\n"
                         "  breath                             breathing          1 x 10 breaths\n"
                         "  walk                               move-more          10 min\n"
                         "  stack-check                        alignment          3 times a day\n"));
  CHECK(text.find("Phase 2: Build\n  heel-slide                         core               2 x 10 each side\n")
        != std::string::npos);
  CHECK(text.ends_with("Phase 3: Load\n"
                       "  plank                              core               3 x 20 s hold\n"
                       "  split-squat                        glutes-hamstrings  2 x 8 each side\n"));
  for (const Exercise& ex : tiny_catalog().exercises) {
    CAPTURE(ex.id);
    CHECK(text.find("  " + ex.id + " ") != std::string::npos);
  }
}

TEST_CASE("render_catalog_symptoms: each question under its id and level, in catalog order")
{
  const std::string text = render_catalog_symptoms(tiny_catalog(), 80);
  CHECK(text.starts_with("saddle-numbness (emergency)\n    Numbness between the legs?\n"
                         "chest-pain (emergency)\n    Chest pain?\n"
                         "fever (urgent)\n    A fever?\n"));
  CHECK(text.ends_with("tired (self-care)\n    Very tired?\n"));
}

TEST_CASE("render_catalog_item")
{
  const Catalog& c = tiny_catalog();
  SUBCASE("an exercise")
  {
    CHECK(render_catalog_item(c, "banded-hinge", 80)
          == "Hip hinge with a band (banded-hinge)\n"
             "Phase 2, hip-hinge. Dosage: 2 x 8, 3 days a week.\n"
             "  - Push the hips back.\n"
             "Equipment: band.\n"
             "Easier: No band.\n"
             "Harder: A stronger band.\n"
             "Without the equipment: hinge.\n"
             "Source: tiny\n");
    const std::string posture = render_catalog_item(c, "stack-check", 80);
    CHECK(posture.find("Equipment: none.\n") != std::string::npos);
    CHECK(posture.find("Helps posture: sway-back.\n") != std::string::npos);
  }
  SUBCASE("a rule")
  {
    CHECK(render_catalog_item(c, "severe-pain", 80)
          == "Rule severe-pain (refer)\n"
             "Your pain is severe: stay with phase 1.\n"
             "Refer to: pelvic-health physiotherapist\n"
             "Holds the plan at phase 1 or below.\n"
             "Source: tiny severity source\n");
    CHECK(render_catalog_item(c, "pregnancy-pain", 80).find("Refer to") == std::string::npos);
  }
  SUBCASE("a symptom, with the level of its most severe rule")
  {
    CHECK(render_catalog_item(c, "fever", 80) == "Symptom fever (urgent)\nA fever?\n");
  }
  SUBCASE("a phase by its number")
  {
    CHECK(render_catalog_item(c, "2", 80)
          == "Phase 2: Build\n"
             "Focus: core and hinge\n"
             "Opens at week 2 after a vaginal birth, week 6 after a caesarean.\n"
             "Move on when:\n"
             "  - Pain stays at 3/10 or less through phase 1.\n"
             "  - No new warning sign.\n"
             "Source: tiny phase source\n");
  }
  SUBCASE("nothing for what the catalog does not have")
  {
    CHECK(render_catalog_item(c, "toe-touch", 80).empty());
    CHECK(render_catalog_item(c, "4", 80).empty());
    CHECK(render_catalog_item(c, "2x", 80).empty());
    CHECK(render_catalog_item(c, "", 80).empty());
  }
  SUBCASE("wrapped to the width")
  {
    CHECK(render_catalog_item(c, "2", 30).find("  - Pain stays at 3/10 or less\n    through phase 1.\n")
          != std::string::npos);
  }
}
