#include "backcare/core/report.hpp"

#include <doctest/doctest.h>

#include <array>

using namespace backcare;

namespace {

const Date k_until = *parse_date("2026-11-26");

Date day(const char* text)
{
  return *parse_date(text);
}

// A catalog built here, so that the test needs core alone: four phases
// with the contract's floors, one three-day exercise each, a sign that
// refers and caps, an urgent sign, and a rule that fires on time alone.
Catalog catalog()
{
  Catalog c;
  const std::array<const char*, 4> names{"Foundations", "Activate", "Strengthen", "Advance"};
  const std::array<int, 4> vaginal{0, 2, 6, 12};
  const std::array<int, 4> cesarean{0, 6, 8, 12};
  for (int n = 1; n <= 4; ++n) {
    const auto i = static_cast<std::size_t>(n - 1);
    Phase phase;
    phase.number = n;
    phase.name = names[i];
    phase.min_weeks_vaginal = vaginal[i];
    phase.min_weeks_cesarean = cesarean[i];
    c.phases.push_back(phase);
    Exercise exercise;
    exercise.id = "exercise-" + std::to_string(n);
    exercise.name = "Exercise " + std::to_string(n);
    exercise.phase = n;
    exercise.category = "core";
    exercise.dosage.days_per_week = 3;
    c.exercises.push_back(exercise);
  }
  c.symptoms = {{"leakage", "Leaking?"}, {"fever", "Fever?"}};
  Rule leak;
  leak.id = "pelvic-floor-warning";
  leak.title = "Heaviness or leaking";
  leak.level = Level::refer;
  leak.refer_to = "pelvic-health physiotherapist";
  leak.message = "See a pelvic-health physiotherapist.";
  leak.when.symptoms_any = {"leakage"};
  leak.max_phase = 3;
  Rule fever;
  fever.id = "possible-infection";
  fever.title = "Back pain with fever";
  fever.level = Level::urgent;
  fever.refer_to = "GP today";
  fever.when.symptoms_any = {"fever"};
  Rule weeks;
  weeks.id = "late-check";
  weeks.title = "Pain past week 12";
  weeks.level = Level::refer;
  weeks.refer_to = "physiotherapist";
  weeks.when.weeks_postpartum_min = 12;
  c.rules = {fever, leak, weeks};
  return c;
}

Entry entry(const char* at, int severity, const char* location = "low-back", std::vector<std::string> tags = {},
            const char* note = "")
{
  return {0, at, severity, location, std::move(tags), note};
}

Session done(const char* at, int during, std::optional<int> morning)
{
  Session s;
  s.at = at;
  s.phase = 2;
  s.pain_during = during;
  s.next_morning = morning;
  return s;
}

Session skipped(const char* at, SkipReason reason)
{
  Session s;
  s.at = at;
  s.status = SessionStatus::skipped;
  s.reason = reason;
  return s;
}

// A person 13 weeks after a vaginal birth, with three weeks of sessions,
// a screening with leakage and three PSFS ratings.
ReportInput person()
{
  ReportInput in;
  in.profile = "anna";
  in.saved.birth_date = day("2026-08-24");
  in.saved.delivery = Delivery::vaginal;
  in.since = day("2026-09-04");
  in.until = k_until;
  in.as_of = k_until;
  in.days = {{day("2026-09-04"), 2, 5.5, 5, 6}, {day("2026-09-05"), 1, 5, 5, 5}, {day("2026-09-06"), 1, 6, 6, 6},
             {day("2026-11-20"), 1, 2, 2, 2},   {day("2026-11-22"), 1, 2, 2, 2}, {day("2026-11-25"), 1, 2, 2, 2}};
  for (const Entry& e : {entry("2026-09-04T07:30", 5), entry("2026-09-04T19:00", 6, "pelvis"),
                         entry("2026-09-05T07:30", 5, "pelvis", {"night"}, "bad night"),
                         entry("2026-09-06T07:30", 6, "low-back", {"Clinician"}, "pubic pain turning in bed"),
                         entry("2026-11-20T07:30", 2), entry("2026-11-22T07:30", 2), entry("2026-11-25T07:30", 2)}) {
    in.entries.add(e);
  }
  in.summary.has_entries = true;
  in.summary.severity = Reading{2, "2026-11-25T07:30"};
  in.summary.verdict = Verdict::improved;
  in.summary.sessions = {done("2026-11-02T18:00", 2, 2),
                         done("2026-11-04T18:00", 4, 3),
                         skipped("2026-11-06T18:00", SkipReason::baby),
                         done("2026-11-09T18:00", 7, std::nullopt),
                         skipped("2026-11-11T18:00", SkipReason::time),
                         done("2026-11-13T18:00", 3, std::nullopt)};
  in.inputs = resolve_inputs({}, in.saved, in.summary, {}, in.until);
  in.screenings = {{1, "2026-09-05T09:00", {"leakage", "fever"}, {}, {}},
                   {2, "2026-10-14T09:00", {"leakage", "fever"}, {"leakage"}, {}}};
  in.psfs = {{1, "2026-09-07T20:00", {{"lift", 2}, {"walk", 4}, {"sleep", 3}}},
             {2, "2026-11-23T20:00", {{"lift", 7}, {"walk", 6}, {"sleep", 7}}}};
  return in;
}

} // namespace

TEST_CASE("improvement_band: IMMPACT's 30% and 50%, both included")
{
  CHECK(improvement_band(-61.9) == ImprovementBand::substantial);
  CHECK(improvement_band(-50.0) == ImprovementBand::substantial);
  CHECK(improvement_band(-49.9) == ImprovementBand::moderate);
  CHECK(improvement_band(-30.0) == ImprovementBand::moderate);
  CHECK(improvement_band(-29.9) == ImprovementBand::below_moderate);
  CHECK(improvement_band(0.0) == ImprovementBand::none);
  CHECK(improvement_band(25.0) == ImprovementBand::none);
  CHECK(names_of<ImprovementBand>() == std::vector<std::string>{"substantial", "moderate", "below-moderate", "none"});
  CHECK(names_of<ReportFormat>() == std::vector<std::string>{"markdown", "html", "json"});
}

TEST_CASE("EntryTally")
{
  EntryTally tally;
  CHECK_FALSE(tally.best());
  CHECK(tally.locations().empty());
  for (const Entry& e : {entry("2026-09-04T07:30", 5), entry("2026-09-04T19:00", 7, "pelvis"),
                         entry("2026-09-05T07:30", 2, "hip", {"clinician"}, "hip clicks"),
                         entry("2026-09-06T07:30", 7, "low-back", {"night", "CLINICIAN"}),
                         entry("2026-09-07T07:30", 2, "low-back", {"clinicians"}, "not for the clinician")}) {
    tally.add(e);
  }
  SUBCASE("the best and the worst reading, how often, and when last")
  {
    CHECK(tally.best()->severity == 2);
    CHECK(tally.best()->times == 2);
    CHECK(tally.best()->last_at == "2026-09-07T07:30");
    CHECK(tally.worst()->severity == 7);
    CHECK(tally.worst()->times == 2);
    CHECK(tally.worst()->last_at == "2026-09-06T07:30");
    CHECK(tally.worst()->location == "low-back");
    CHECK(tally.best()->location == "low-back");
  }
  SUBCASE("pain by location, in the word list's order")
  {
    const auto places = tally.locations();
    REQUIRE(places.size() == 3);
    CHECK(places[0].location == Location::low_back);
    CHECK(places[0].entries == 3);
    CHECK(places[0].mean == doctest::Approx(14.0 / 3));
    CHECK(places[0].max == 7);
    CHECK(places[1].location == Location::pelvis);
    CHECK(places[2].location == Location::hip);
  }
  SUBCASE("groups of entries count as the entries")
  {
    EntryTally grouped;
    grouped.add_group("low-back", 5, 1, "2026-09-04T07:30");
    grouped.add_group("low-back", 7, 1, "2026-09-06T07:30");
    grouped.add_group("low-back", 2, 1, "2026-09-07T07:30");
    grouped.add_group("pelvis", 7, 1, "2026-09-04T19:00");
    grouped.add_group("hip", 2, 1, "2026-09-05T07:30");
    CHECK(grouped.best()->times == 2);
    CHECK(grouped.best()->last_at == "2026-09-07T07:30");
    CHECK(grouped.worst()->times == 2);
    CHECK(grouped.worst()->location == "low-back");
    CHECK(grouped.locations()[0].mean == doctest::Approx(tally.locations()[0].mean));
    CHECK(grouped.notes().empty());
  }
  SUBCASE("only entries tagged clinician give notes, any case, the tag exactly")
  {
    REQUIRE(tally.notes().size() == 2);
    CHECK(tally.notes()[0].at == "2026-09-05T07:30");
    CHECK(tally.notes()[0].note == "hip clicks");
    CHECK(tally.notes()[0].location == "hip");
    CHECK(tally.notes()[1].note.empty());
    CHECK(tally.notes()[1].severity == 7);
  }
}

TEST_CASE("make_report")
{
  const Catalog c = catalog();
  const Report r = make_report(c, person());

  SUBCASE("who")
  {
    CHECK(r.who.profile == "anna");
    CHECK(r.who.weeks_postpartum == 13);
    CHECK(r.who.delivery == Delivery::vaginal);
    CHECK_FALSE(r.who.pregnancy_back_pain);
    CHECK_FALSE(r.who.pain_since); // no episode in this summary
  }
  SUBCASE("pain: now, best, worst, average, the windows, the band")
  {
    CHECK(r.pain.now->severity == 2);
    CHECK(r.pain.best->severity == 2);
    CHECK(r.pain.best->times == 3);
    CHECK(r.pain.worst->severity == 6);
    CHECK(r.pain.worst->last_at == "2026-09-06T07:30");
    CHECK(*r.pain.average == doctest::Approx((5.5 + 5 + 6 + 2 + 2 + 2) / 6));
    CHECK(r.trend.verdict == Verdict::improved);
    CHECK(r.trend.baseline->mean == doctest::Approx(5.5));
    CHECK(r.trend.recent->mean == doctest::Approx(2.0));
    CHECK(r.pain.band == ImprovementBand::substantial);
    CHECK(r.trend.flags.empty());
    CHECK(r.pain.locations.size() == 2);
  }
  SUBCASE("a screening's signs get the advice of the rules they fire, nothing else")
  {
    REQUIRE(r.screenings.size() == 2);
    CHECK(r.screenings[0].yes.empty());
    CHECK(r.screenings[0].asked == 2);
    CHECK(r.screenings[0].advice.empty());
    REQUIRE(r.screenings[1].advice.size() == 1);
    CHECK(r.screenings[1].advice[0].rule_id == "pelvic-floor-warning");
    CHECK(r.screenings[1].advice[0].max_phase == 3);
    CHECK(r.screenings[1].advice[0].refer_to == "pelvic-health physiotherapist");
  }
  SUBCASE("the advice in force on the last day")
  {
    CHECK(r.level == Level::refer);
    REQUIRE(r.advice.size() == 1);
    CHECK(r.advice[0].rule_id == "late-check");
  }
  SUBCASE("the phases as the plan replays them")
  {
    REQUIRE(r.phases.size() == 2);
    CHECK(r.phases[0].date == day("2026-11-02"));
    CHECK(r.phases[0].decision == Decision::start);
    CHECK(r.phases[0].to == 2);
    CHECK(r.phases[0].why == "first recorded session");
    CHECK(r.phases[1].date == day("2026-11-09"));
    CHECK(r.phases[1].decision == Decision::step_back);
    CHECK(r.phases[1].to == 1);
    CHECK(r.phases[1].why == "that session was red (pain 7/10 during it, above 5).");
    CHECK(r.phase == 1);
    CHECK(r.max_allowed == 4);
    CHECK(r.phase_note.empty());
    CHECK(r.phase_names[1] == "Activate");
  }
  SUBCASE("sessions week by week")
  {
    REQUIRE(r.weeks.size() == 13);
    CHECK(r.weeks[0].monday == day("2026-08-31"));
    CHECK(r.planned_per_week == 3);
    CHECK(r.weeks[8].planned == 0); // before the first session
    const ReportWeek& first = r.weeks[9];
    CHECK(first.monday == day("2026-11-02"));
    CHECK(first.planned == 3);
    CHECK(first.done == 2);
    CHECK(first.skipped == 1);
    CHECK(first.skip_reasons == std::vector<std::pair<SkipReason, int>>{{SkipReason::baby, 1}});
    CHECK(first.green == 1);
    CHECK(first.amber == 1);
    CHECK(*first.during_mean == doctest::Approx(3.0));
    CHECK(first.during_max == 4);
    CHECK(*first.morning_mean == doctest::Approx(2.5));
    CHECK(first.phase == 2);
    CHECK(r.weeks[10].phase == 1); // stepped back on Monday 9 Nov
    const ReportWeek& second = r.weeks[10];
    CHECK(second.red == 1);
    CHECK(second.pending == 1);
    CHECK_FALSE(second.morning_mean);
    CHECK(second.skip_reasons == std::vector<std::pair<SkipReason, int>>{{SkipReason::time, 1}});
    CHECK(r.weeks[12].planned == 2); // Monday to Thursday: 4 of 7 days
    CHECK(r.sessions_done == 4);
    CHECK(r.sessions_skipped == 2);
  }
  SUBCASE("PSFS and the notes for the clinician")
  {
    CHECK(r.psfs.ratings.size() == 2);
    CHECK(r.psfs.verdict == Verdict::improved);
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notes[0].note == "pubic pain turning in bed");
  }
}

TEST_CASE("make_report without a plan")
{
  const Catalog c = catalog();

  SUBCASE("no birth date: the phases from the sessions, and a note")
  {
    ReportInput in = person();
    in.saved.birth_date.reset();
    in.inputs = resolve_inputs({}, in.saved, in.summary, {}, in.until);
    const Report r = make_report(c, in);
    CHECK_FALSE(r.who.weeks_postpartum);
    CHECK(r.phase == 1);
    CHECK_FALSE(r.max_allowed);
    CHECK(r.phase_note.find("No plan could be made") == 0);
    CHECK(r.planned_per_week == 0);
    CHECK(r.weeks[9].planned == 0);
    CHECK(r.weeks[9].done == 2);
  }
  SUBCASE("an urgent sign in force: no phase today, the history kept")
  {
    ReportInput in = person();
    in.summary.screened = {{"fever"}, "2026-11-25T09:00"};
    in.inputs = resolve_inputs({}, in.saved, in.summary, {}, in.until);
    const Report r = make_report(c, in);
    CHECK(r.level == Level::urgent);
    CHECK(r.advice[0].rule_id == "possible-infection");
    CHECK_FALSE(r.phase);
    CHECK(r.phases.size() == 2);
    CHECK(r.phase_note.find("urgent or emergency sign") != std::string::npos);
  }
  SUBCASE("no session at all: no history and no note")
  {
    ReportInput in = person();
    in.summary.sessions.clear();
    in.inputs = resolve_inputs({}, in.saved, in.summary, {}, in.until);
    const Report r = make_report(c, in);
    CHECK(r.phases.empty());
    CHECK(r.sessions_done == 0);
    CHECK(r.weeks.back().planned == 0);
  }
  SUBCASE("a period that starts after the first change keeps the change in force then")
  {
    ReportInput in = person();
    in.since = day("2026-11-10");
    const Report r = make_report(c, in);
    REQUIRE(r.phases.size() == 1);
    CHECK(r.phases[0].date == day("2026-11-09"));
    CHECK(r.weeks.front().monday == day("2026-11-09"));
    CHECK(r.weeks.front().planned == 3); // Tuesday to Sunday: 6 of 7 days, rounded up
  }
}
