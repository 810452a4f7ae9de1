#include "backcare/render/plan.hpp"
#include "tiny_catalog.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

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

// Chest pain (emergency) and leaking (refer) at week 10.
Plan care_now_plan()
{
  PlanRequest r;
  r.situation.weeks_postpartum = 10;
  r.situation.severity = 4;
  r.situation.symptoms = {"chest-pain", "leakage"};
  r.as_of = *parse_date("2026-11-26");
  r.start = *parse_date("2026-11-30");
  return make_plan(tiny_catalog(), r);
}

// The tiny catalog with text in its first exercise that each format must
// escape: a '|', a line break, a backslash and a spreadsheet formula.
const Catalog& awkward_catalog()
{
  static const Catalog catalog = [] {
    Catalog c = make_tiny_catalog();
    Exercise& breath = c.exercises.front();
    REQUIRE(breath.id == "breath");
    breath.cues = {"in | out\nnext", "back\\slash"};
    breath.regression = "=HYPERLINK(\"x\")";
    return c;
  }();
  return catalog;
}

Plan awkward_plan()
{
  PlanRequest r;
  r.situation.weeks_postpartum = 10;
  r.situation.severity = 2;
  r.as_of = *parse_date("2026-11-26");
  r.start = *parse_date("2026-11-30");
  return make_plan(awkward_catalog(), r);
}

std::string unfolded(std::string ics)
{
  for (auto pos = ics.find("\r\n "); pos != std::string::npos; pos = ics.find("\r\n ")) {
    ics.erase(pos, 3);
  }
  return ics;
}

std::size_t count(const std::string& text, std::string_view part)
{
  std::size_t n = 0;
  for (auto pos = text.find(part); pos != std::string::npos; pos = text.find(part, pos + 1)) {
    ++n;
  }
  return n;
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
  const std::string ics = render_plan_ics(tiny_catalog(), sample_plan(), options);
  CHECK(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//backcare//backcare 9.9//EN\r\n"));
  CHECK(ics.ends_with("END:VCALENDAR\r\n"));
  CHECK(ics.find("UID:backcare-anna-20261130@backcare\r\n") != std::string::npos);
  CHECK(ics.find("DTSTART:20261206T064500\r\n") != std::string::npos);
  CHECK(ics.find("TRIGGER:-PT10M\r\n") != std::string::npos);
  CHECK(unfolded(ics).find("Breathe in\\, ribs wide. Breathe out\\; relax\\, then lift.") != std::string::npos);
}

TEST_CASE("render_plan_csv")
{
  const std::string csv = render_plan_csv(tiny_catalog(), sample_plan());
  CHECK(csv.starts_with("date,day,phase,exercise_id,name,sets,reps,hold_seconds,notes,cues,easier,harder,referrals,"
                        "guidance,progress\r\n"));
  CHECK(csv.find("\"Breathe in, ribs wide. Breathe out; relax, then lift.\"") != std::string::npos);
  CHECK(csv.find("2026-11-30,Mon,2,side-plank,\"Side plank (knees, short)\",2,,15,") != std::string::npos);
}

TEST_CASE("render_plan_markdown")
{
  const std::string md = render_plan_markdown(tiny_catalog(), sample_plan());
  CHECK(md.starts_with("# backcare plan: week 5 after birth, 2026-11-30 to 2026-12-06\n"));
  CHECK(md.find("## Phase 2 of 3: Build") != std::string::npos);
  CHECK(md.find("### Phase 3: Load\n\nOpens at week 6") != std::string::npos);
  CHECK(md.ends_with("Stop and seek care if any of the warning signs appears.*\n"));
  CHECK(md.find("- Get a medical check today for: a fever.\n") != std::string::npos);
}

TEST_CASE("render_plan_markdown: lapsed warning-sign answers, as the text plan says it")
{
  PlanRequest r;
  r.situation.weeks_postpartum = 5;
  r.situation.severity = 4;
  r.as_of = *parse_date("2026-11-26");
  r.start = *parse_date("2026-11-30");
  r.screenings = {{1, "2026-11-12T08:00", {"leakage"}, {}, {}}};
  const std::string md = render_plan_markdown(tiny_catalog(), make_plan(tiny_catalog(), r));
  CHECK(md.find("**Your warning-sign answers are not up to date (last asked Thu 12 Nov, 14 days ago): run backcare "
                "screen.**")
        != std::string::npos);
  CHECK(md.find("You were last asked") == std::string::npos); // the headline says it once
  const std::string csv = render_plan_csv(tiny_catalog(), make_plan(tiny_catalog(), r));
  CHECK(csv.find("You were last asked about warning signs on Thu 12 Nov, 14 days ago; a no counts for 7 days, so 8 "
                 "questions have no up-to-date answer. Run backcare screen to answer again: moving up a phase needs "
                 "it.")
        != std::string::npos);
  CHECK(md.find("Nothing you reported needs a clinician") == std::string::npos);
  CHECK(md.find("- Call your emergency number now for: numbness or chest pain.\n") != std::string::npos);
  CHECK(md.find("- Get a medical check today for: a fever.\n") != std::string::npos);
}

TEST_CASE("render_plan_ics: every line is CRLF-terminated and at most 75 octets, and every UID is unique")
{
  PlanRequest r;
  r.situation.weeks_postpartum = 20;
  r.situation.severity = 2;
  r.situation.symptoms = {"leakage"};
  r.as_of = *parse_date("2026-11-26");
  r.start = *parse_date("2026-11-30");
  r.weeks_ahead = 2;
  const std::string ics = render_plan_ics(tiny_catalog(), make_plan(tiny_catalog(), r), {});
  REQUIRE(ics.ends_with("\r\n"));
  std::vector<std::string> uids;
  for (std::size_t start = 0; start < ics.size();) {
    const std::size_t end = ics.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    const std::string line = ics.substr(start, end - start);
    CHECK(line.size() <= 75);
    CHECK(line.find('\n') == std::string::npos);
    if (line.starts_with("UID:")) {
      uids.push_back(line);
    }
    start = end + 2;
  }
  std::sort(uids.begin(), uids.end());
  CHECK(std::adjacent_find(uids.begin(), uids.end()) == uids.end());
  SUBCASE("the referrals first, as an all-day event on the first day")
  {
    CHECK(count(ics, "BEGIN:VEVENT") == 15);
    const std::string text = unfolded(ics);
    const auto booking = text.find("BEGIN:VEVENT\r\nUID:backcare-default-book-20261130@backcare\r\n");
    CHECK(booking != std::string::npos);
    CHECK(booking < text.find("UID:backcare-default-20261130@backcare"));
    CHECK(text.find("DTSTART;VALUE=DATE:20261130\r\nDURATION:P1D\r\nSUMMARY:backcare: book pelvic-health "
                    "physiotherapist\r\nDESCRIPTION:Book: pelvic-health physiotherapist\\, for leaking.\\nKeep the "
                    "load low: phase 2 at most.\\n")
          != std::string::npos);
    CHECK(text.find("DTSTART:20261130T073000\r\nDURATION:PT20M\r\nSUMMARY:backcare: phase 2 session (6 exercises)")
          != std::string::npos);
    CHECK(text.find("VALARM") == std::string::npos); // no reminder unless asked
  }
}

TEST_CASE("render_plan_ics: care now is one all-day event, never a session, and cancels the sessions")
{
  IcsOptions options;
  options.stamp = 1796126400; // 2026-12-01T12:00:00Z
  const std::string ics = unfolded(render_plan_ics(tiny_catalog(), care_now_plan(), options));
  // The care event, then Thu 26 Nov to Sun 6 Dec cancelled (11 days).
  CHECK(count(ics, "BEGIN:VEVENT") == 12);
  CHECK(count(ics, "STATUS:CANCELLED\r\n") == 11);
  CHECK(ics.find("UID:backcare-default-20261206@backcare\r\nDTSTAMP:20261201T120000Z\r\nSEQUENCE:3638160\r\n"
                 "DTSTART:20261206T073000\r\nDURATION:PT15M\r\nSTATUS:CANCELLED\r\n")
        != std::string::npos);
  CHECK(ics.find("UID:backcare-default-care-20261126@backcare\r\n") != std::string::npos);
  CHECK(ics.find("DTSTART;VALUE=DATE:20261126\r\nDURATION:P1D\r\n") != std::string::npos);
  CHECK(ics.find("SUMMARY:backcare: see a clinician before exercising\r\n") != std::string::npos);
  CHECK(ics.find("DESCRIPTION:EMERGENCY: call your emergency number now (for example 999\\, 112 or 911).\\nCall "
                 "your emergency number now. Contact: emergency services.\\n")
        != std::string::npos);
  CHECK(ics.find("Also mention: leaking.") != std::string::npos);
  CHECK(ics.find("phase") == std::string::npos);
  for (const Exercise& ex : tiny_catalog().exercises) {
    CHECK(ics.find(ex.name) == std::string::npos);
  }
}

TEST_CASE("render_plan_ics: text is escaped as RFC 5545 asks")
{
  const std::string ics = unfolded(render_plan_ics(tiny_catalog(), awkward_plan(), {}));
  CHECK(ics.find("Belly breathing: 1 x 10 breaths. in | out\\nnext back\\\\slash Easier: =HYPERLINK(\"x\")")
        != std::string::npos);
}

TEST_CASE("render_plan_csv: care now is one row that says what to do, never an exercise")
{
  const std::string csv = render_plan_csv(tiny_catalog(), care_now_plan());
  CHECK(count(csv, "\r\n") == 2);
  const std::string row = csv.substr(csv.find("\r\n") + 2);
  CHECK(row.starts_with("2026-11-26,Thu,,,\"EMERGENCY: call your emergency number now (for example 999, 112 or "
                        "911).\",,,,\"Call your emergency number now. Contact: emergency services. Tell them you gave "
                        "birth 10 weeks ago. Also mention: leaking."));
  CHECK(row.find("No exercises are shown until a clinician has checked you.") != std::string::npos);
  for (const Exercise& ex : tiny_catalog().exercises) {
    CHECK(row.find(ex.name) == std::string::npos);
  }
}

TEST_CASE("render_plan_csv: one row per exercise per day, free text guarded against formulas")
{
  const std::string csv = render_plan_csv(tiny_catalog(), awkward_plan());
  CHECK(count(csv, "\r\n") == 1 + 7 * 2 + 3 * 4); // header, the daily two, four exercises on three days
  CHECK(csv.find("2026-11-30,Mon,1,breath,Belly breathing,1,10,,1 x 10 breaths. Daily.,\"in | out\nnext "
                 "back\\slash\",\"'=HYPERLINK(\"\"x\"\")\",Sit up.,,")
        != std::string::npos);
}

TEST_CASE("render_plan_markdown: table cells stay one line and never close early")
{
  const std::string md = render_plan_markdown(awkward_catalog(), awkward_plan());
  CHECK(md.find("| Belly breathing | 1 x 10 breaths, daily | in \\| out next back\\slash | =HYPERLINK(\"x\") | Sit "
                "up. |\n")
        != std::string::npos);
}

TEST_CASE("render_plan_markdown: care now")
{
  const std::string md = render_plan_markdown(tiny_catalog(), care_now_plan());
  CHECK(md
        == "# backcare plan: week 10 after birth\n\n"
           "**EMERGENCY: call your emergency number now (for example 999, 112 or 911).**\n\n"
           "- Call your emergency number now. Contact: emergency services.\n\n"
           "Tell them you gave birth 10 weeks ago.\n\n"
           "Also mention: leaking.\n\n"
           "Once you have been checked, book: pelvic-health physiotherapist (for leaking).\n\n"
           "Once a clinician has checked you, tell backcare (backcare screen --no chest-pain --checked) and run "
           "backcare plan again for your routine.\n\n"
           "No exercises are shown until a clinician has checked you.\n\n"
           "Week 10 after a vaginal birth; pain now 4/10.\n\n"
           "Warning signs: stop the exercises and get help.\n\n"
           "- Call your emergency number now for: numbness or chest pain.\n"
           "- Get a medical check today for: a fever.\n"
           "- Book a clinician (backcare plan says whom) for: late bleeding; leaking; heaviness; doming.\n\n"
           "---\n\n"
           "*This is exercise guidance, not a diagnosis. Stop and seek care if any of the warning signs appears.*\n");
}
