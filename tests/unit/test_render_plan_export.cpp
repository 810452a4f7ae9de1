#include "backcare/render/plan.hpp"
#include "tiny_catalog.hpp"

#include <doctest/doctest.h>

using namespace backcare;

namespace {

// Week 5 after a vaginal birth, pain 4/10: phase 2 of the tiny catalog, with
// phase 3 opening at week 6, during the week planned.
Plan sample_plan()
{
  PlanRequest r;
  r.situation.weeks_postpartum = 5;
  r.situation.severity = 4;
  r.as_of = *parse_date("2026-11-26");
  r.start = *parse_date("2026-11-30");
  return make_plan(tiny_catalog(), r);
}

} // namespace

TEST_CASE("fold_ics_line")
{
  CHECK(fold_ics_line("SHORT:x") == "SHORT:x\r\n");
  SUBCASE("75 octets, then CRLF and a space")
  {
    const std::string line(80, 'a');
    CHECK(fold_ics_line(line) == std::string(75, 'a') + "\r\n " + std::string(5, 'a') + "\r\n");
  }
  SUBCASE("never splits a UTF-8 character")
  {
    // 74 ASCII octets, then a 2-octet character that would straddle octet 75.
    const std::string line = std::string(74, 'a') + "\xc3\xa4" + "b";
    CHECK(fold_ics_line(line) == std::string(74, 'a') + "\r\n \xc3\xa4" + "b\r\n");
  }
}

TEST_CASE("render_plan_ics")
{
  IcsOptions options;
  options.version = "9.9";
  options.profile = "anna";
  options.time_hhmm = "0645";
  options.remind_minutes = 10;
  const std::string ics = render_plan_ics(sample_plan(), options);
  CHECK(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//backcare//backcare 9.9//EN\r\n"));
  CHECK(ics.ends_with("END:VCALENDAR\r\n"));
  CHECK(ics.find("UID:backcare-anna-20261130@backcare\r\n") != std::string::npos);
  CHECK(ics.find("DTSTART:20261206T064500\r\n") != std::string::npos);
  CHECK(ics.find("TRIGGER:-PT10M\r\n") != std::string::npos);
  std::string unfolded = ics;
  for (auto pos = unfolded.find("\r\n "); pos != std::string::npos; pos = unfolded.find("\r\n ")) {
    unfolded.erase(pos, 3);
  }
  CHECK(unfolded.find("Breathe in\\, ribs wide. Breathe out\\; relax\\, then lift.") != std::string::npos);
}

TEST_CASE("render_plan_csv")
{
  const std::string csv = render_plan_csv(sample_plan());
  CHECK(csv.starts_with(
      "date,day,phase,exercise_id,name,sets,reps,hold_seconds,notes,cues,easier,harder,referrals,guidance\r\n"));
  CHECK(csv.find("\"Breathe in, ribs wide. Breathe out; relax, then lift.\"") != std::string::npos);
  CHECK(csv.find("2026-11-30,Mon,2,side-plank,\"Side plank (knees, short)\",2,,15,") != std::string::npos);
}

TEST_CASE("render_plan_markdown")
{
  const std::string md = render_plan_markdown(tiny_catalog(), sample_plan());
  CHECK(md.starts_with("# backcare plan: week 5 after birth, 2026-11-30 to 2026-12-06\n"));
  CHECK(md.find("## Phase 2 of 3: Build") != std::string::npos);
  CHECK(md.find("### Phase 3: Load\n\nOpens at week 6") != std::string::npos);
  CHECK(md.ends_with("(backcare catalog symptoms lists them).*\n"));
}
