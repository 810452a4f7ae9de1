#include "backcare/render/plan.hpp"
#include "tiny_catalog.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace backcare;
using Json = nlohmann::json;

namespace {

// A plan at week `weeks` with pain `severity` now, asked on Thu 2026-11-26
// for the week from Mon 2026-11-30.
PlanRequest request(int weeks, int severity)
{
  PlanRequest r;
  r.situation.weeks_postpartum = weeks;
  r.situation.severity = severity;
  r.as_of = *parse_date("2026-11-26");
  r.start = *parse_date("2026-11-30");
  return r;
}

Json json_of(const PlanRequest& r)
{
  const std::string text = render_plan_json(tiny_catalog(), make_plan(tiny_catalog(), r));
  CHECK(text.ends_with("}\n"));
  return Json::parse(text);
}

std::vector<std::string> ids_of(const Json& exercises)
{
  std::vector<std::string> ids;
  for (const Json& ex : exercises) {
    ids.push_back(ex.at("id"));
  }
  return ids;
}

using Ids = std::vector<std::string>;

} // namespace

TEST_CASE("render_plan_json: the keys, in the contract's order")
{
  const nlohmann::ordered_json doc =
      nlohmann::ordered_json::parse(render_plan_json(tiny_catalog(), make_plan(tiny_catalog(), request(10, 4))));
  std::vector<std::string> keys;
  for (const auto& item : doc.items()) {
    keys.push_back(item.key());
  }
  CHECK(keys
        == Ids{"schema_version", "as_of", "input", "triage", "phase", "phases", "schedule", "dropped", "inputs_from",
               "progression", "adherence", "screening", "warning_signs", "preview", "sudden_rise", "pain_guide",
               "stretching_note", "disclaimer"});
  CHECK(doc["schema_version"] == 1);
  CHECK(doc["as_of"] == "2026-11-26");
  CHECK(doc["disclaimer"] == "This is exercise guidance, not a diagnosis.");
  CHECK(doc["pain_guide"].get<std::string>().starts_with("Pain during exercise: 3/10 or less is fine"));
  CHECK(doc["stretching_note"].get<std::string>().starts_with("Stretching the low back is not the fix"));
}

TEST_CASE("render_plan_json: the warning-sign answers as they stand, and the signs as data")
{
  PlanRequest r = request(10, 4);
  SUBCASE("never screened: lapsed, every question unanswered")
  {
    const auto doc = nlohmann::ordered_json::parse(render_plan_json(tiny_catalog(), make_plan(tiny_catalog(), r)));
    CHECK(doc["screening"]["last_at"].is_null());
    CHECK(doc["screening"]["lapsed"] == true);
    CHECK(doc["screening"]["unanswered"].size() == tiny_catalog().symptoms.size());
    CHECK(doc["screening"]["message"]
          == "You have not answered the warning-sign questions yet. Run backcare screen (or backcare plan --screen): "
             "moving up a phase needs answers from the last 7 days.");
    CHECK(doc["warning_signs"][0]["level"] == "emergency");
    CHECK(doc["warning_signs"][0]["signs"][0]["symptoms"] == nlohmann::ordered_json{"saddle-numbness", "chest-pain"});
    CHECK(doc["preview"] == false);
  }
  SUBCASE("every question answered this week")
  {
    std::vector<std::string> all;
    for (const Symptom& symptom : tiny_catalog().symptoms) {
      all.push_back(symptom.id);
    }
    r.screenings = {{1, "2026-11-20T08:00", all, {"leakage"}, {}}};
    const auto doc = nlohmann::ordered_json::parse(render_plan_json(tiny_catalog(), make_plan(tiny_catalog(), r)));
    CHECK(doc["screening"]["last_at"] == "2026-11-20T08:00");
    CHECK(doc["screening"]["lapsed"] == false);
    CHECK(doc["screening"]["message"].is_null());
    CHECK(doc["screening"]["in_force"][0]["id"] == "leakage");
  }
  SUBCASE("a yes older than 7 days stays in force")
  {
    r.screenings = {{1, "2026-11-12T08:00", {"leakage", "doming"}, {"leakage", "doming"}, {}}};
    const auto doc = nlohmann::ordered_json::parse(render_plan_json(tiny_catalog(), make_plan(tiny_catalog(), r)));
    CHECK(doc["screening"]["lapsed"] == true);
    CHECK(doc["screening"]["in_force"].size() == 2);
  }
}

TEST_CASE("render_plan_json: a refer plan")
{
  PlanRequest r = request(20, 2);
  r.situation.symptoms = {"leakage", "doming"};
  r.equipment = {"none"};
  r.origins = {{"severity", "log", "2026-11-24T06:00", "latest entry 2026-11-24T21:00"}};
  const Json doc = json_of(r);
  SUBCASE("input")
  {
    const Json& input = doc["input"];
    CHECK(input["weeks_postpartum"] == 20);
    CHECK(input["days_postpartum"].is_null());
    CHECK(input["birth_date"].is_null());
    CHECK(input["delivery"] == "vaginal");
    CHECK(input["pain_weeks"].is_null());
    CHECK(input["severity"] == 2);
    CHECK(input["postures"] == Json::array());
    CHECK(input["symptoms"] == Json(Ids{"leakage", "doming"}));
    CHECK(input["equipment"] == Json(Ids{"none"}));
    CHECK(input["pregnancy_back_pain"] == false);
    CHECK(input["trend_verdict"].is_null());
    CHECK(doc["inputs_from"] == Json{{"severity", "log 2026-11-24T06:00"}});
  }
  SUBCASE("triage")
  {
    const Json& triage = doc["triage"];
    CHECK(triage["level"] == "refer");
    REQUIRE(triage["rules"].size() == 2);
    const Json& leakage = triage["rules"][0];
    CHECK(leakage["id"] == "leakage");
    CHECK(leakage["title"] == "Leaking");
    CHECK(leakage["level"] == "refer");
    CHECK(leakage["message"] == "Keep the load low: phase 2 at most.");
    CHECK(leakage["refer_to"] == "pelvic-health physiotherapist");
    CHECK(leakage["source"] == "tiny leakage source");
    CHECK(leakage["because"] == Json(Ids{"symptom leakage"}));
    CHECK(leakage["max_phase"] == 2);
    CHECK(triage["rules"][1]["id"] == "doming");
    CHECK(triage["rules"][1]["max_phase"].is_null());
    CHECK(triage["bookings"]
          == Json::parse(R"([{"refer_to": "pelvic-health physiotherapist", "rules": ["leakage", "doming"]}])"));
  }
  SUBCASE("phases")
  {
    CHECK(doc["phase"] == Json{{"current", 2}, {"max_allowed", 2}});
    const Json& phases = doc["phases"];
    REQUIRE(phases.size() == 3);
    CHECK(phases[0]["status"] == "earlier");
    CHECK(phases[1]["status"] == "current");
    CHECK(phases[2]["status"] == "later");
    CHECK(phases[1]["name"] == "Build");
    CHECK(phases[1]["focus"] == "core and hinge");
    CHECK(phases[1]["min_weeks"] == 2);
    CHECK(phases[1]["opens_on"] == "2026-11-26");
    CHECK(phases[1]["criteria"] == Json(Ids{"Pain stays at 3/10 or less through phase 1.", "No new warning sign."}));
    CHECK(phases[2]["held_by"] == "leakage");
    CHECK(phases[1]["held_by"].is_null());
    CHECK(phases[2]["closed_by"].is_null());
    CHECK(ids_of(phases[0]["exercises"]) == Ids{"breath", "walk", "stack-check", "rock-back"});
    CHECK(ids_of(phases[1]["exercises"]) == Ids{"heel-slide", "hinge"});
    CHECK(phases[2]["exercises"] == Json::array());
    const Json& hinge = phases[1]["exercises"][1];
    CHECK(hinge["replaces"] == "banded-hinge");
    CHECK(hinge["category"] == "hip-hinge");
    CHECK(phases[1]["exercises"][0]["replaces"].is_null());
  }
  SUBCASE("an exercise's dosage, one field each")
  {
    const Json& breath = doc["phases"][0]["exercises"][0];
    CHECK(breath == Json::parse(R"({
      "id": "breath", "name": "Belly breathing", "category": "breathing", "sets": 1, "reps": 10,
      "hold_seconds": null, "minutes": null, "times_per_day": null, "per": "breath", "days_per_week": 7,
      "equipment": [], "cues": ["Breathe in, ribs wide.", "Breathe out; relax, then lift."],
      "regression": "Lie down.", "progression": "Sit up.", "postures": [], "replaces": null})"));
    const Json& check = doc["phases"][0]["exercises"][2];
    CHECK(check["times_per_day"] == 3);
    CHECK(check["reps"].is_null());
    CHECK(check["per"].is_null());
    CHECK(check["postures"] == Json(Ids{"sway-back"}));
  }
  SUBCASE("schedule and what was left out")
  {
    const Json& schedule = doc["schedule"];
    REQUIRE(schedule.size() == 7);
    CHECK(schedule[0]
          == Json{{"date", "2026-11-30"}, {"day", "Mon"}, {"exercises", Ids{"breath", "walk", "heel-slide", "hinge"}}});
    CHECK(schedule[1] == Json{{"date", "2026-12-01"}, {"day", "Tue"}, {"exercises", Ids{"breath", "walk"}}});
    CHECK(schedule[6]["date"] == "2026-12-06");
    CHECK(doc["dropped"] == Json::parse(R"j([
      {"id": "side-plank", "reason": "left out while a warning sign applies"},
      {"id": "step-up", "reason": "needs equipment you do not have (step)"
  }])j"));
  }
  SUBCASE("progression: where the sessions have brought the person, one phase at a time")
  {
    const Json& progression = doc["progression"];
    CHECK(progression["phase"] == 2);
    CHECK(progression["decision"] == "start");
    CHECK(progression["held_by"] == "leakage"); // the sign that holds it, as to_move_on says
    REQUIRE(progression["reasons"].size() == 1);
    CHECK(progression["reasons"][0].get<std::string>().starts_with("You start at phase 2"));
    REQUIRE_FALSE(progression["to_move_on"].empty());
    CHECK(progression["to_move_on"].back() == "on hold while this applies: leaking"); // the next phase's hold
    CHECK(doc["adherence"]["this_week"] == Json{{"planned", 3}, {"done", 0}, {"skipped", 0}});
  }
}

TEST_CASE("render_plan_json: the birth date, the pain's weeks and a worse log")
{
  PlanRequest r = request(10, 3);
  r.situation.days_postpartum = 70;
  r.situation.birth_date = parse_date("2026-09-17");
  r.situation.pain_days = 30;
  r.situation.delivery = Delivery::cesarean;
  r.situation.trend_verdict = Verdict::worse;
  const Json doc = json_of(r);
  CHECK(doc["input"]["days_postpartum"] == 70);
  CHECK(doc["input"]["birth_date"] == "2026-09-17");
  CHECK(doc["input"]["pain_weeks"] == 4);
  CHECK(doc["input"]["delivery"] == "cesarean");
  CHECK(doc["input"]["trend_verdict"] == "worse");
  CHECK(doc["phases"][1]["opens_on"] == "2026-10-29"); // 6 weeks after a caesarean birth
  CHECK(doc["progression"]["decision"] == "hold");
  CHECK(doc["progression"]["held_by"] == "worse-log");
}

TEST_CASE("render_plan_json: a sign that closes a phase")
{
  PlanRequest r = request(10, 3);
  r.situation.symptoms = {"heaviness"};
  const Json doc = json_of(r);
  CHECK(doc["phases"][2]["closed_by"] == "heaviness");
  CHECK(doc["phases"][1]["closed_by"].is_null());
}

TEST_CASE("render_plan_json: care now has no phase, no schedule and no progression")
{
  PlanRequest r = request(10, 4);
  r.situation.symptoms = {"chest-pain"};
  const Json doc = json_of(r);
  CHECK(doc["triage"]["level"] == "emergency");
  CHECK(doc["triage"]["rules"][0]["id"] == "red-flags");
  CHECK(doc["triage"]["bookings"] == Json::array());
  CHECK(doc["phase"] == Json{{"current", 0}, {"max_allowed", 0}});
  CHECK(doc["phases"] == Json::array());
  CHECK(doc["schedule"] == Json::array());
  CHECK(doc["dropped"] == Json::array());
  CHECK(doc["inputs_from"] == Json::object());
  CHECK(doc["progression"].is_null());
}
