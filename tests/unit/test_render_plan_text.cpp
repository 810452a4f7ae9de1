#include "backcare/render/plan.hpp"
#include "tiny_catalog.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

using namespace backcare;

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

// The request with every warning-sign question answered no on its day.
PlanRequest screened(PlanRequest r)
{
  std::vector<std::string> all;
  for (const Symptom& symptom : tiny_catalog().symptoms) {
    all.push_back(symptom.id);
  }
  r.screenings.push_back({1, format_date(r.as_of) + "T08:00", all, {}, {}});
  return r;
}

// The text with every run of white space made one space.
std::string flat(const std::string& text)
{
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n';
    if (!space || (!out.empty() && out.back() != ' ')) {
      out += space ? ' ' : c;
    }
  }
  return out;
}

std::string text_of(const PlanRequest& r, const Style& style = {})
{
  return render_plan_text(tiny_catalog(), make_plan(tiny_catalog(), r), style);
}

bool has(const std::string& text, std::string_view part)
{
  return text.find(part) != std::string::npos;
}

std::size_t count(const std::string& text, std::string_view part)
{
  std::size_t n = 0;
  for (auto pos = text.find(part); pos != std::string::npos; pos = text.find(part, pos + 1)) {
    ++n;
  }
  return n;
}

// The longest line, in code points.
std::size_t widest_line(const std::string& text)
{
  std::istringstream lines(text);
  std::size_t widest = 0;
  for (std::string line; std::getline(lines, line);) {
    const auto points = static_cast<std::size_t>(
        std::count_if(line.begin(), line.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    widest = std::max(widest, points);
  }
  return widest;
}

constexpr std::string_view k_safety_note =
    "This is exercise guidance, not a diagnosis. Stop and seek care if any of the\nwarning signs appears.\n";

constexpr std::string_view k_signs = "Warning signs: stop the exercises and get help\n"
                                     "  - Call your emergency number now for: numbness or chest pain.\n"
                                     "  - Get a medical check today for: a fever.\n"
                                     "  - Book a clinician (backcare plan says whom) for: late bleeding; leaking;\n"
                                     "    heaviness; doming.\n\n";

} // namespace

TEST_CASE("render_plan_text: a self-care plan")
{
  const std::string text = text_of(screened(request(10, 4)));
  CHECK(text.starts_with("backcare plan for 2026-11-26\n"
                         "Week 10 after a vaginal birth; pain now 4/10.\n\n"
                         "Nothing you reported needs a clinician right now.\n\n"
                         + std::string(k_signs)
                         + "Phase 2 of 3: Build\n"
                           "Focus: heel slide, hip hinge with a band, side plank (knees, short), step-up.\n"
                           "You start at phase 2"));
  CHECK(has(text, "\nTo move on to phase 3:\n"));
  CHECK(has(text, "\n\nPain during exercise: 3/10 or less is fine"));
  CHECK(has(text, "Stretching the low back is not the fix"));
  CHECK(has(text, "Your week: Mon 30 Nov to Sun 6 Dec\n"
                  "Every day:\n"
                  "  - Belly breathing: 1 x 10 breaths. Breathe in, ribs wide. Breathe out; relax,\n"
                  "    then lift. Easier: Lie down. Harder: Sit up.\n"
                  "  - Walking: 10 min. Walk at a pace you can talk at. Easier: Walk for 5 minutes.\n"
                  "    Harder: Walk for 20 minutes.\n"
                  "Mon 30 Nov: the every-day routine, plus (about 20 min besides the walk):\n"
                  "  - Heel slide: 2 x 10 each side. Slide one heel away. Easier: Smaller slides.\n"));
  CHECK(has(text, "Tue 1 Dec: the every-day routine only.\n"));
  CHECK(has(text, "Wed 2 Dec: the every-day routine, plus (about 20 min besides the walk):\n"
                  "  - Heel slide: 2 x 10 each side.\n")); // the cues only the first time
  CHECK(has(text, "Roadmap\n"
                  "  Phase 3 Load: open once you have mastered the phase before it.\n"
                  "    Focus: plank, split squat.\n"
                  "    * At least 6 sessions in phase 2, spread over at least 14 days.\n"
                  "    * Pain stays at 3/10 or less through phase 2.\n\n"));
  CHECK(text.ends_with(k_safety_note));
  CHECK_FALSE(has(text, "Why this plan"));
  CHECK_FALSE(has(text, "Rock-back")); // for a posture not reported
  CHECK(widest_line(text) <= 80);
}

TEST_CASE("render_plan_text: each week shows the cues again, the first time")
{
  PlanRequest r = request(10, 4);
  r.weeks_ahead = 2;
  const std::string text = text_of(r);
  CHECK(has(text, "Your weeks: Mon 30 Nov to Sun 13 Dec\n"));
  CHECK(has(text, "Week of Mon 7 Dec: the every-day routine as above.\n"));
  CHECK(count(text, "Slide one heel away.") == 2);
  CHECK(count(text, "Breathe in, ribs wide.") == 1); // the every-day list is written once
}

TEST_CASE("render_plan_text: a refer plan books first, then the findings and what was left out")
{
  PlanRequest r = screened(request(20, 2));
  r.situation.symptoms = {"leakage", "doming"};
  r.situation.pain_days = 30;
  r.equipment = {"none"};
  const std::string text = text_of(r);
  CHECK(has(text, "Week 20 after a vaginal birth; pain now 2/10, for 4 weeks.\n"));
  CHECK(has(text, "See a clinician: your plan continues, but book an appointment.\n"
                  "  - Book: pelvic-health physiotherapist, for leaking and doming.\n"
                  "  - Keep the load low: phase 2 at most.\n"
                  "  - Leave out the planks.\n"
                  "  - Left out: Side plank (knees, short) (left out while a warning sign applies).\n"
                  "  - Left out: Step-up (needs equipment you do not have (step)).\n\n"));
  CHECK(has(text, "Focus: heel slide, hip hinge with a band, step-up.\n")); // less what a rule leaves out
  CHECK(has(text, "  - Hip hinge: 2 x 8. (Instead of Hip hinge with a band.) Push the hips back.\n"));
  CHECK_FALSE(has(text, "Side plank (knees, short): "));
  CHECK(has(text, "  Phase 3 Load: on hold while this applies: leaking.\n"));
  CHECK(widest_line(text) <= 80);
}

TEST_CASE("render_plan_text: why the plan is at its phase")
{
  SUBCASE("a cap")
  {
    const std::string text = text_of(request(20, 8));
    CHECK(has(text, "Phase 1 of 3: Start\n"));
    CHECK(has(text, "(the most allowed today is phase 1)"));
    CHECK(has(text, "  Phase 2 Build: on hold while this applies: severe pain (7/10 or more).\n"));
    // A sign that holds the plan too: both named, once, as "to move on" names the hold.
    PlanRequest r = request(20, 8);
    r.situation.symptoms = {"leakage"};
    const std::string both = text_of(r);
    CHECK(has(both, "  Phase 2 Build: on hold while these apply: severe pain (7/10 or more); leaking.\n"));
    CHECK(has(both, "(holding it now: leaking)"));
  }
  SUBCASE("a hold")
  {
    PlanRequest r = request(20, 3);
    r.situation.trend_verdict = Verdict::worse;
    const std::string text = text_of(r);
    CHECK(has(text, "The plan holds here and does not move up: pain getting\nworse in your log.\n"));
    CHECK(has(text, "  Phase 3 Load: on hold while this applies: pain getting worse in your log.\n"));
  }
  SUBCASE("a phase chosen, and one closed by a sign")
  {
    PlanRequest r = request(10, 3);
    r.situation.symptoms = {"heaviness"};
    r.phase = 1;
    const std::string text = text_of(r);
    CHECK(has(text, "You asked to see phase 1 for this plan only; your sessions have you at phase 2\n"
                    "(the time floor and your signs allow up to phase 2).\n"));
    CHECK(has(text, "  Phase 2 Build: open once you have mastered the phase before it.\n"));
    CHECK(has(text, "  Phase 3 Load: closed while you report heaviness.\n"));
  }
  SUBCASE("a phase that opens during the weeks planned")
  {
    const std::string text = text_of(request(5, 3));
    CHECK(has(text, "  Phase 3 Load: opens at week 6 (Thu 3 Dec), within the weeks shown; until your\n"
                    "    sessions move you on, the schedule stays at your current phase.\n"));
    CHECK(has(text_of(request(3, 3)), "  Phase 3 Load: opens at week 6 (Thu 17 Dec).\n"));
  }
}

TEST_CASE("render_plan_text: where the inputs came from")
{
  PlanRequest r = request(10, 3);
  r.origins = {{"severity", "log", "2026-11-24T06:00", "latest entry 2026-11-24T21:00"},
               {"weeks_postpartum", "profile", "birth date 2026-09-17", ""},
               {"delivery", "command line", "", ""}};
  const std::string text = text_of(r);
  CHECK(has(text, "Week 10 after a vaginal birth; pain now 3/10.\n"
                  "From what you saved: pain now 3/10 from your log (2026-11-24T06:00, the highest\n"
                  "reading in the 24 hours up to latest entry 2026-11-24T21:00); week 10 after\n"
                  "birth from your profile (birth date 2026-09-17).\n\n"));
  CHECK_FALSE(has(text, "command line")); // what was typed is not repeated
}

TEST_CASE("render_plan_text: without recent answers to every question, the plan asks her to screen")
{
  std::vector<std::string> all;
  for (const Symptom& symptom : tiny_catalog().symptoms) {
    all.push_back(symptom.id);
  }
  PlanRequest r = request(10, 4);
  CHECK(
      has(text_of(r), "You have not been asked about warning signs yet: run backcare screen (it takes a\nminute).\n"));
  CHECK_FALSE(has(text_of(r), "Nothing you reported needs a clinician"));
  r.screenings = {{1, "2026-11-19T08:00", all, {}, {}}};
  r.as_of = *parse_date("2026-11-25");
  CHECK(has(text_of(r), "Nothing you reported needs a clinician right now.\n")); // the 7th day, the day saved included
  r.as_of = *parse_date("2026-11-26");
  CHECK_FALSE(has(text_of(r), "Nothing you reported needs a clinician"));
  CHECK(has(flat(text_of(r)),
            "Your warning-sign answers are not up to date (last asked Thu 19 Nov, 7 days ago): run backcare screen."));
  CHECK(has(text_of(r), k_signs));
}

TEST_CASE("render_plan_text: --explain shows each rule, why it fired and its source")
{
  Style style;
  style.explain = true;
  PlanRequest r = request(20, 2);
  r.situation.symptoms = {"leakage", "doming"};
  CHECK(has(text_of(r, style), "Why this plan\n"
                               "  - Leaking (refer): symptom leakage. Source: tiny leakage source.\n"
                               "  - Doming (refer): symptom doming. Source: tiny doming source.\n"
                               "  - Phase 2: the time floor, the rules and your signs allow up to phase 2.\n"));
  CHECK(has(text_of(request(10, 2), style), "Why this plan\n  - No rule fired.\n"));
}

TEST_CASE("render_plan_text: care now says what to do, never an exercise")
{
  SUBCASE("emergency")
  {
    PlanRequest r = request(10, 4);
    r.situation.symptoms = {"chest-pain", "leakage"};
    r.situation.birth_date = parse_date("2026-09-17");
    const std::string text = text_of(r);
    CHECK(text
          == "backcare plan for 2026-11-26\n"
             "Week 10 after a vaginal birth; pain now 4/10.\n\n"
             "EMERGENCY: call your emergency number now (for example 999, 112 or 911).\n"
             "  - Call your emergency number now.\n"
             "    Contact: emergency services.\n\n"
             "Tell them you gave birth 10 weeks ago, on 2026-09-17.\n"
             "Also mention: leaking.\n"
             "Once you have been checked, book: pelvic-health physiotherapist (for leaking).\n"
             "Once a clinician has checked you, tell backcare (backcare screen --no chest-pain\n"
             "--checked) and run backcare plan again for your routine.\n"
             "No exercises are shown until a clinician has checked you.\n\n"
                 + std::string(k_signs) + std::string(k_safety_note));
  }
  SUBCASE("urgent, explained")
  {
    PlanRequest r = request(10, 3);
    r.situation.symptoms = {"fever"};
    Style style;
    style.explain = true;
    const std::string text = text_of(r, style);
    CHECK(has(text, "URGENT: get a medical check today.\n"
                    "  - Get a medical check today.\n"
                    "    Contact: GP today.\n\n"
                    "Tell them you gave birth 10 weeks ago.\n"));
    CHECK(has(text, "Why this plan\n  - A fever (urgent): symptom fever. Source: tiny infection source.\n"));
    for (const Exercise& ex : tiny_catalog().exercises) {
      CAPTURE(ex.id);
      CHECK_FALSE(has(text, ex.name));
    }
    CHECK_FALSE(has(text, "Your week"));
  }
}

TEST_CASE("render_plan_text: colour only when the style asks for it")
{
  PlanRequest care = request(10, 4);
  care.situation.symptoms = {"chest-pain"};
  PlanRequest refer = request(20, 2);
  refer.situation.symptoms = {"leakage"};
  for (const PlanRequest& r : {care, refer, request(10, 4)}) {
    CHECK_FALSE(has(text_of(r), "\x1b["));
  }
  Style color;
  color.color = true;
  CHECK(has(text_of(care, color), "\x1b[1;31mEMERGENCY: call your emergency number now"));
  CHECK(has(text_of(refer, color), "\x1b[1;33mSee a clinician"));
  CHECK(has(text_of(screened(request(10, 4)), color),
            "\x1b[32mNothing you reported needs a clinician right now.\x1b[0m"));
  CHECK(has(text_of(request(10, 4), color), "\x1b[1;33mYou have not been asked about warning signs yet"));
  CHECK(has(text_of(request(10, 4), color), "\x1b[1mPhase 2 of 3: Build\x1b[0m"));
}

TEST_CASE("render_plan_text: adherence with nothing planned yet has no percent")
{
  // The line as one paragraph, however it is wrapped.
  const auto flat = [](std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
  };
  Plan plan = make_plan(tiny_catalog(), request(10, 3));
  plan.adherence.this_week = {};
  plan.adherence.this_week.done = 1;
  plan.adherence.last_28_days_done = 1;
  plan.adherence.last_28_days_planned = 0;
  plan.adherence.last_28_days_percent.reset();
  CHECK(has(flat(render_plan_text(tiny_catalog(), plan, {})), "Last 28 days: 1 session done, none planned yet. "));
  plan.adherence.last_28_days_planned = 4;
  plan.adherence.last_28_days_percent = 25;
  CHECK(has(flat(render_plan_text(tiny_catalog(), plan, {})), "Last 28 days: 25% of planned sessions done (1 of 4). "));
}
