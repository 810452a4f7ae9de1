#include "backcare/render/report.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace backcare;

namespace {

Date day(const char* text)
{
  return *parse_date(text);
}

// Field by field, so that a field added to PeriodSummary needs no change here.
PeriodSummary period(const char* start, int entries, double mean, int min, int max)
{
  PeriodSummary p;
  p.start = day(start);
  p.entries = entries;
  p.mean = mean;
  p.min = min;
  p.max = max;
  return p;
}

// A report built by hand: two weeks, a sign with advice, a phase change,
// a PSFS change and a note with characters Markdown and HTML act on.
Report report()
{
  Report r;
  r.since = day("2026-11-09");
  r.until = day("2026-11-22");
  r.as_of = day("2026-11-26");
  r.who = {"anna", day("2026-08-24"), 12, Delivery::cesarean, true, day("2026-09-04"), 11, "log"};
  r.pain.now = Reading{3, "2026-11-22T07:30"};
  r.pain.best = PainExtreme{2, 3, "2026-11-21T07:30", "low-back"};
  r.pain.worst = PainExtreme{6, 1, "2026-11-09T19:00", "pelvis"};
  r.pain.average = 3.66;
  r.pain.band = ImprovementBand::moderate;
  r.pain.locations = {{Location::low_back, 12, 3.5, 6}, {Location::pelvis, 2, 4.0, 5}};
  r.trend.request.as_of = r.until;
  r.trend.entries = 14;
  r.trend.first = r.since;
  r.trend.last = r.until;
  r.trend.days_logged = 12;
  r.trend.days_in_range = 14;
  r.trend.days = {{day("2026-11-09"), 2, 5.0, 4, 6}, {day("2026-11-22"), 1, 3.0, 3, 3}};
  r.trend.periods = {period("2026-11-09", 8, 4.6, 3, 6), period("2026-11-16", 6, 3.4, 3, 4)};
  r.trend.baseline = Window{day("2026-11-09"), day("2026-11-15"), 4.6, 6};
  r.trend.recent = Window{day("2026-11-16"), day("2026-11-22"), 3.2, 6};
  r.trend.change_points = -1.4;
  r.trend.change_percent = -30.4;
  r.trend.verdict = Verdict::improved;
  r.trend.slope_per_week = -0.75;
  r.level = Level::refer;
  const ReportAdvice leak{"pelvic-floor-warning",
                          Level::refer,
                          "Heaviness or leaking",
                          "See a physio.",
                          "pelvic-health physiotherapist",
                          "Goom 2019",
                          3,
                          false};
  r.advice = {leak};
  r.screenings = {{"2026-11-10T09:00", 16, {"leakage"}, {leak}, {}}, {"2026-11-17T09:00", 16, {}, {}, {}}};
  r.phases = {{day("2026-11-02"), 0, 2, Decision::start, "first recorded session"},
              {day("2026-11-16"), 2, 3, Decision::advance, "6 sessions in phase 2 over 14 days, the last 2 green."}};
  r.phase = 3;
  r.max_allowed = 3;
  r.phase_names = {"Foundations", "Activate", "Strengthen", "Advance"};
  r.planned_per_week = 3;
  ReportWeek first{day("2026-11-09"), 2, 3, 2, 1, {{SkipReason::baby, 1}}, 1, 1, 0, 0, 3.5, 4, 3.0, 3};
  ReportWeek second{day("2026-11-16"), 3, 3, 3, 0, {}, 3, 0, 0, 0, 2.0, 2, 2.0, 2};
  r.weeks = {first, second};
  r.sessions_done = 5;
  r.sessions_skipped = 1;
  r.sessions_planned = 6;
  r.psfs.activities = {"lift the car seat", "walk 30 minutes", "sleep on my side"};
  r.psfs.ratings = {
      {1, "2026-11-09T20:00", {{"lift the car seat", 2}, {"walk 30 minutes", 4}, {"sleep on my side", 3}}},
      {2, "2026-11-22T20:00", {{"lift the car seat", 6}, {"walk 30 minutes", 5}, {"sleep on my side", 4}}}};
  r.psfs.change = 2.0;
  r.psfs.verdict = Verdict::improved;
  r.psfs.activity_changes = {
      {"lift the car seat", 2, 6, 4, true}, {"walk 30 minutes", 4, 5, 1, false}, {"sleep on my side", 3, 4, 1, false}};
  r.notes = {{"2026-11-12T21:00", 4, "pubic", "pain <b>at</b> the *pubic* bone | \"turning\" & [rolling]"}};
  return r;
}

bool has(const std::string& text, const std::string& part)
{
  return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("render_report: a table maps each format to its renderer")
{
  const Report r = report();
  CHECK(render_report(ReportFormat::markdown, r) == render_report_markdown(r));
  CHECK(render_report(ReportFormat::html, r) == render_report_html(r));
  CHECK(render_report(ReportFormat::json, r) == render_report_json(r));
}

TEST_CASE("render_report_markdown")
{
  const std::string md = render_report_markdown(report());
  CHECK(md.starts_with("# Back pain after birth: report for anna\n\n2026-11-09 to 2026-11-22 (2 weeks). A summary "
                       "of the person's own records in backcare"));
  CHECK(has(md, "- Week 12 after a caesarean birth on 2026-08-24\n- Back pain in pregnancy: yes\n"
                "- Current pain episode since 2026-09-04 (11 weeks; from its first logged pain)\n"));
  CHECK(has(md, "- Now: 3/10 (2026-11-22 07:30)\n"));
  CHECK(has(md, "- Best 2/10 (3 entries, last 2026-11-21 07:30, low-back); worst 6/10 (1 entry, last 2026-11-09 19:00, "
                "pelvis)\n"));
  CHECK(has(md, "- Average 3.7/10 (mean of the daily means); 12 of 14 days logged (2026-11-09 to 2026-11-22), 14 "
                "entries\n"));
  CHECK(has(md, "- Change -1.4 points (-30.4%): improved, a moderate improvement (30% or more, under 50%)."));
  CHECK(has(md, "- Slope -0.8 points a week"));
  CHECK(has(md, "| low-back |      12 |      3.5 |       6 |\n"));
  CHECK(has(md, "- Screenings: 2026-11-10 (yes to leakage); 2026-11-17 (no sign)\n- In force on 2026-11-22: Heaviness "
                "or leaking"));
  CHECK(has(
      md, "| 2026-11-16 | 3 (Strengthen) | advance from 2 | 6 sessions in phase 2 over 14 days, the last 2 green. |"));
  CHECK(has(md, "Phase on 2026-11-22: 3 (Strengthen); allowed up to 3."));
  CHECK(has(md, "| 2026-11-09 |     2 |  2/3 | 1 (baby) | 3.5 (4) |      3.0 (3) |                    1/1/0 |\n"));
  CHECK(has(md, "5 done of 6 planned (83%), 1 skipped; 4 green, 1 amber, 0 red, 0 pending"));
  CHECK(has(md, "(no next-morning entry). Planned: each day at the pace of the phase in force that day. Pain"));
  CHECK(has(md, "| lift the car seat |          2 |          6 |   +4 * |\n"));
  CHECK(has(md, "| Mean              |        3.0 |        5.0 | +2.0 * |\n"));
  CHECK(has(md, "Mean +2.0 points from 2026-11-09 to 2026-11-22: a meaningful improvement."));
  SUBCASE("the timeline says how each sign and referral began and ended")
  {
    Report r = report();
    ReportEpisode calf{"possible-blood-clot-leg", Level::urgent,
                       "A painful, swollen calf", "GP today",
                       "calf-swelling",           *parse_date("2026-11-02"),
                       parse_date("2026-11-05"),  SignEnd::checked,
                       parse_date("2026-11-03")};
    ReportEpisode leak{"leakage",    Level::refer,
                       "Leaking",    "pelvic-health physiotherapist",
                       "leakage",    *parse_date("2026-11-10"),
                       std::nullopt, SignEnd::in_force,
                       std::nullopt};
    ReportEpisode severe{"severe-pain",
                         Level::refer,
                         "Severe pain",
                         "physiotherapist",
                         "",
                         *parse_date("2026-11-12"),
                         parse_date("2026-11-14"),
                         SignEnd::in_force,
                         std::nullopt};
    r.timeline = {calf, leak, severe};
    const std::string again = render_report_markdown(r);
    CHECK(has(again, "- Sign calf-swelling: A painful, swollen calf (urgent; GP today), from 2026-11-02 to "
                     "2026-11-05, cleared after a clinician's check\n"));
    CHECK(has(again, "- Sign leakage: Leaking (refer; pelvic-health physiotherapist), from 2026-11-10, still in force "
                     "on 2026-11-22\n"));
    CHECK(has(again, "- Referral: Severe pain (refer; physiotherapist), from 2026-11-12 to 2026-11-14, no longer "
                     "applying\n"));
  }
  SUBCASE("the person's text is escaped where Markdown would act on it, and only there")
  {
    CHECK(has(md,
              "- 2026-11-12 21:00, pubic 4/10: pain \\<b>at\\</b> the \\*pubic* bone \\| \"turning\" & \\[rolling]\n"));
  }
  CHECK(md.ends_with("Made with backcare on 2026-11-26 from the person's own records; not a diagnosis.\n"));
}

TEST_CASE("render_report_markdown: a screening that answered some questions no is not 'screened with no sign'")
{
  Report r = report();
  r.screenings.back().asked = 1;
  r.screenings.back().no = {"leakage"};
  const std::string md = render_report_markdown(r);
  CHECK(has(md, "- Screenings: 2026-11-10 (yes to leakage); 2026-11-17 (no to leakage; the other questions not "
                "asked)\n"));
  CHECK_FALSE(has(md, "2026-11-17 (no sign)"));
}

TEST_CASE("render_report_markdown: a diary begun inside the range counts its days from its first entry, and the "
          "session table starts at the first week with a session")
{
  Report r = report();
  r.since = day("2026-10-26"); // two weeks before the first entry and the first session
  ReportWeek empty;
  empty.monday = day("2026-10-26");
  ReportWeek also_empty;
  also_empty.monday = day("2026-11-02");
  r.weeks.insert(r.weeks.begin(), {empty, also_empty});
  const std::string md = render_report_markdown(r);
  CHECK(has(md, "; 12 of 14 days logged (from the first entry, 2026-11-09 to 2026-11-22), 14 entries\n"));
  CHECK_FALSE(has(md, "| 2026-10-26 |     - |"));
  CHECK_FALSE(has(md, "| 2026-11-02 |     - |"));
  CHECK(has(md, "| 2026-11-09 |     2 |  2/3 |"));
  CHECK(has(md, "(no next-morning entry). The weeks before 2026-11-09 had no session. Planned:"));
  CHECK(has(render_report_html(r), "The weeks before 2026-11-09 had no session."));

  SUBCASE("a week with nothing after the first session still has its row")
  {
    ReportWeek quiet;
    quiet.monday = day("2026-11-23");
    quiet.phase = 3;
    r.weeks.push_back(quiet);
    CHECK(has(render_report_markdown(r), "| 2026-11-23 |     3 |    - | -        |"));
  }
}

TEST_CASE("render_report_html: one page, self-contained, nothing runs or loads")
{
  const std::string html = render_report_html(report());
  CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"));
  CHECK(has(html, "@page { margin: 10mm 12mm; }"));
  CHECK(has(html, "@media print"));
  CHECK(has(html, "<svg width=\"800\""));
  CHECK_FALSE(has(html, "http"));
  CHECK_FALSE(has(html, "<script"));
  CHECK_FALSE(has(html, "url("));
  CHECK_FALSE(has(html, "src="));
  CHECK_FALSE(has(html, "href="));
  CHECK(has(html, "pain &lt;b&gt;at&lt;/b&gt; the *pubic* bone | &quot;turning&quot; &amp; [rolling]"));
  CHECK(has(html, "<td><span class=\"nw\">2026-11-16</span></td><td>3 (Strengthen)</td>"));
  CHECK(has(html, "<table class=\"dated\">"));
  CHECK(has(html, "<p class=\"who\">Week 12 after a caesarean birth on 2026-08-24. Back pain in pregnancy: yes. "
                  "Current pain episode since 2026-09-04 (11 weeks; from its first logged pain).</p>"));
  CHECK(html.ends_with("</footer>\n</body>\n</html>\n"));
  // Only pain and its chart share a row: the sessions table (seven columns)
  // and the PSFS table (a column per rating) overflowed half the page.
  const auto grid = html.find("<div class=\"grid\">");
  REQUIRE(grid != std::string::npos);
  CHECK(html.find("<div class=\"grid", grid + 1) == std::string::npos);
  const auto grid_end = html.find("</div>\n</div>\n", grid);
  CHECK(html.find("<h2>Sessions by week") > grid_end);
  CHECK(html.find("<h2>Function: PSFS") > grid_end);
  SUBCASE("an urgent sign in force is said at the top")
  {
    Report r = report();
    r.level = Level::urgent;
    CHECK(has(render_report_html(r), "<p class=\"alert\">An urgent warning sign is in force on 2026-11-22"));
    // The Markdown says it at the top too, under the period.
    const std::string md = render_report_markdown(r);
    CHECK(has(md, "not a diagnosis.\n\n**An urgent warning sign is in force on 2026-11-22: see \"Warning signs and "
                  "advice\".**\n\n## Who\n"));
    CHECK_FALSE(has(render_report_markdown(report()), "warning sign is in force"));
  }
}

TEST_CASE("render_report_json")
{
  const auto doc = nlohmann::ordered_json::parse(render_report_json(report()));
  std::vector<std::string> keys;
  for (const auto& [key, value] : doc.items()) {
    keys.push_back(key);
  }
  CHECK(keys
        == std::vector<std::string>{"schema_version", "as_of", "since", "until", "who", "pain", "triage", "screenings",
                                    "timeline", "phases", "sessions", "psfs", "clinician_notes", "disclaimer"});
  CHECK(doc["who"]["delivery"] == "cesarean");
  CHECK(doc["who"]["pregnancy_back_pain"] == true);
  CHECK(doc["pain"]["average"] == 3.7);
  CHECK(doc["pain"]["improvement_band"] == "moderate");
  CHECK(doc["pain"]["change"]["percent"] == -30.4);
  CHECK(doc["pain"]["locations"][1]["location"] == "pelvis");
  CHECK(doc["triage"]["advice"][0]["max_phase"] == 3);
  CHECK(doc["screenings"][0]["yes"][0] == "leakage");
  CHECK(doc["phases"]["history"][1]["decision"] == "advance");
  CHECK(doc["sessions"]["weeks"][0]["skip_reasons"] == nlohmann::ordered_json{{"baby", 1}});
  CHECK(doc["sessions"]["weeks"][1]["pain_during"]["mean"] == 2.0);
  CHECK(doc["psfs"]["change"] == 2.0);
  CHECK(doc["psfs"]["activity_changes"][0]["important"] == true);
  CHECK(doc["clinician_notes"][0]["location"] == "pubic");
  SUBCASE("nulls, not zeros, for what is unknown")
  {
    Report r;
    r.since = r.until = r.as_of = day("2026-11-26");
    const auto empty = nlohmann::ordered_json::parse(render_report_json(r));
    CHECK(empty["pain"]["now"].is_null());
    CHECK(empty["pain"]["average"].is_null());
    CHECK(empty["pain"]["verdict"] == "insufficient-data");
    CHECK(empty["who"]["birth_date"].is_null());
    CHECK(empty["phases"]["current"].is_null());
    CHECK(empty["psfs"].is_null());
  }
}
