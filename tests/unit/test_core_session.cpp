#include "backcare/core/session.hpp"

#include <doctest/doctest.h>

using namespace backcare;

namespace {

Session done(std::optional<int> during, std::optional<int> morning)
{
  Session session;
  session.at = "2026-11-24T18:00";
  session.phase = 2;
  session.pain_during = during;
  session.next_morning = morning;
  return session;
}

Entry entry(const std::string& at, int severity)
{
  Entry e;
  e.at = at;
  e.severity = severity;
  return e;
}

} // namespace

TEST_CASE("vocabularies of statuses, skip reasons and outcomes")
{
  CHECK(name_of(SessionStatus::skipped) == "skipped");
  CHECK(parse_word<SessionStatus>("done") == SessionStatus::done);
  CHECK_FALSE(parse_word<SessionStatus>("Done"));
  CHECK(names_of<SkipReason>() == std::vector<std::string>{"time", "pain", "baby", "sick", "other"});
  CHECK_FALSE(parse_word<SkipReason>("tired"));
  CHECK(names_of<Outcome>() == std::vector<std::string>{"green", "amber", "red", "pending"});
}

TEST_CASE("session_problem")
{
  const Date today = *parse_date("2026-11-26");
  Session s = done(2, 3);
  s.skipped_exercises = {"plank", "side-plank"};
  CHECK(session_problem(s, today).empty());
  SUBCASE("at")
  {
    s.at = "2026-11-24 18:00";
    CHECK(session_problem(s, today) == "'at' must be YYYY-MM-DD or YYYY-MM-DDTHH:MM, got '2026-11-24 18:00'");
    s.at = "2026-11-24";
    CHECK(session_problem(s, today).find("'at' must be") == 0); // normalised by the caller
  }
  SUBCASE("after today")
  {
    s.at = "2026-11-27T07:00";
    CHECK(session_problem(s, today) == "'at' 2026-11-27T07:00 is after today (2026-11-26)");
  }
  SUBCASE("phase")
  {
    s.phase = 0; // unknown: saved when no plan could judge it
    CHECK(session_problem(s, today).empty());
    s.phase = -1;
    CHECK(session_problem(s, today) == "'phase' must be 1-99 (or unknown), got -1");
    s.phase = 100;
    CHECK(session_problem(s, today) == "'phase' must be 1-99 (or unknown), got 100");
  }
  SUBCASE("pain values")
  {
    s.pain_during = 11;
    CHECK(session_problem(s, today) == "'pain_during' must be 0-10, got 11");
    s.pain_during = 0;
    s.next_morning = -1;
    CHECK(session_problem(s, today) == "'next_morning' must be 0-10, got -1");
  }
  SUBCASE("a done session has no reason")
  {
    s.reason = SkipReason::time;
    CHECK(session_problem(s, today) == "'reason' is only for a skipped session");
  }
  SUBCASE("a skipped session")
  {
    Session skip;
    skip.at = "2026-11-25T00:00";
    skip.status = SessionStatus::skipped;
    CHECK(session_problem(skip, today) == "a skipped session needs a 'reason' (time, pain, baby, sick, other)");
    skip.reason = SkipReason::baby;
    CHECK(session_problem(skip, today).empty());
    skip.pain_during = 4;
    CHECK(session_problem(skip, today) == "a skipped session has no 'pain_during' or 'next_morning'");
    skip.pain_during.reset();
    skip.skipped_exercises = {"plank"};
    CHECK(session_problem(skip, today).find("a skipped session has no 'skipped_exercises'") == 0);
  }
  SUBCASE("exercise ids")
  {
    s.skipped_exercises = {"Plank"};
    CHECK(session_problem(s, today).find("'skipped_exercises': 'Plank' is not an exercise id") == 0);
    s.skipped_exercises = {"plank", "plank"};
    CHECK(session_problem(s, today) == "'skipped_exercises': 'plank' is listed twice");
  }
  SUBCASE("note")
  {
    s.note = "tired \xff";
    CHECK(session_problem(s, today) == "'note' is not valid UTF-8 text: 'tired \\xff'");
  }
}

TEST_CASE("outcome")
{
  const Progression rules;
  SUBCASE("green up to 3, amber 4-5, red above 5, during and next morning alike")
  {
    CHECK(outcome(rules, done(0, 0)) == Outcome::green);
    CHECK(outcome(rules, done(3, 3)) == Outcome::green);
    CHECK(outcome(rules, done(4, 3)) == Outcome::amber);
    CHECK(outcome(rules, done(3, 4)) == Outcome::amber);
    CHECK(outcome(rules, done(5, 5)) == Outcome::amber);
    CHECK(outcome(rules, done(6, 5)) == Outcome::red);
    CHECK(outcome(rules, done(5, 6)) == Outcome::red);
    CHECK(outcome(rules, done(10, 0)) == Outcome::red);
  }
  SUBCASE("a next morning above 3 and 2 or more points above the pain during is red")
  {
    CHECK(outcome(rules, done(1, 2)) == Outcome::green);
    CHECK(outcome(rules, done(1, 3)) == Outcome::green); // a rise within the green range both times
    CHECK(outcome(rules, done(0, 3)) == Outcome::green);
    CHECK(outcome(rules, done(2, 4)) == Outcome::red);
    CHECK(outcome(rules, done(0, 4)) == Outcome::red);
    CHECK(outcome(rules, done(2, 3)) == Outcome::green);
    CHECK(outcome(rules, done(3, 4)) == Outcome::amber);
    CHECK(outcome(rules, done(3, 5)) == Outcome::red);
    CHECK(outcome(rules, done(5, 3)) == Outcome::amber); // better next morning: no rise
  }
  SUBCASE("red_reason names the limit that made it red, the first that holds")
  {
    CHECK(red_reason(rules, done(7, 2)) == "pain 7/10 during it, above 5");
    CHECK(red_reason(rules, done(7, std::nullopt)) == "pain 7/10 during it, above 5");
    CHECK(red_reason(rules, done(2, 6)) == "pain 6/10 the next morning, above 5");
    CHECK(red_reason(rules, done(2, 4)) == "pain 4/10 the next morning, 2 points above the 2 during it");
    CHECK(red_reason(rules, done(std::nullopt, 6)) == "pain 6/10 the next morning, above 5");
    CHECK(red_reason(rules, done(3, 4)).empty());            // amber
    CHECK(red_reason(rules, done(2, std::nullopt)).empty()); // pending
  }
  SUBCASE("pending until the next morning is known, except a red pain during")
  {
    CHECK(outcome(rules, done(0, std::nullopt)) == Outcome::pending);
    CHECK(outcome(rules, done(5, std::nullopt)) == Outcome::pending);
    CHECK(outcome(rules, done(6, std::nullopt)) == Outcome::red);
    CHECK(outcome(rules, done(std::nullopt, std::nullopt)) == Outcome::pending);
  }
  SUBCASE("without the pain during, only a red next morning decides: never green unjudged")
  {
    CHECK(outcome(rules, done(std::nullopt, 3)) == Outcome::pending);
    CHECK(outcome(rules, done(std::nullopt, 4)) == Outcome::pending);
    CHECK(outcome(rules, done(std::nullopt, 6)) == Outcome::red);
  }
  SUBCASE("a skipped session has none")
  {
    Session skip;
    skip.status = SessionStatus::skipped;
    skip.reason = SkipReason::time;
    CHECK_FALSE(outcome(rules, skip));
  }
  SUBCASE("thresholds come from the rules")
  {
    Progression strict;
    strict.green_max = 2;
    strict.amber_max = 4;
    strict.next_morning_rise = 1;
    CHECK(outcome(strict, done(3, 3)) == Outcome::amber);
    CHECK(outcome(strict, done(5, std::nullopt)) == Outcome::red);
    CHECK(outcome(strict, done(1, 2)) == Outcome::green); // within green_max both times
    CHECK(outcome(strict, done(2, 3)) == Outcome::red);
  }
}

TEST_CASE("outcome: a next morning like the morning before is not worse")
{
  const Progression rules;
  Session usual = done(2, 4);
  CHECK(outcome(rules, usual) == Outcome::red); // 2 points above the pain during, no morning logged
  usual.morning_before = 4;                     // her mornings are 4/10: no worse than usual
  CHECK(outcome(rules, usual) == Outcome::amber);
  usual.morning_before = 2;
  CHECK(outcome(rules, usual) == Outcome::red);
  CHECK(red_reason(rules, usual) == "pain 4/10 the next morning, 2 points above the 2 during it");
  Session worse = done(2, 6);
  worse.morning_before = 4;
  CHECK(outcome(rules, worse) == Outcome::red); // above 5 whatever the morning
  worse.next_morning = 5;
  worse.morning_before = 3;
  CHECK(outcome(rules, worse) == Outcome::red);
  CHECK(red_reason(rules, worse) == "pain 5/10 the next morning, 2 points above the 3 of that day's morning");
}

TEST_CASE("morning_before_entry: the morning window of the session's day, before the session")
{
  const Session session = done(2, std::nullopt); // 2026-11-24T18:00
  const std::vector<Entry> log{entry("2026-11-24T04:59", 7), entry("2026-11-24T07:30", 4), entry("2026-11-24T09:00", 5),
                               entry("2026-11-25T07:30", 3)};
  REQUIRE(morning_before_entry(session, log));
  CHECK(morning_before_entry(session, log)->severity == 4);
  Session early = session;
  early.at = "2026-11-24T07:00"; // before any entry of the morning window
  CHECK_FALSE(morning_before_entry(early, log));
  const auto filled = with_mornings_from_log({session}, log);
  CHECK(filled[0].morning_before == 4);
  CHECK(filled[0].next_morning == 3);
}

TEST_CASE("next_morning_entry")
{
  const Session session = done(2, std::nullopt);
  SUBCASE("from 05:00 to 12:00 on the day after, both included")
  {
    const std::vector<Entry> log{entry("2026-11-24T21:00", 6), entry("2026-11-25T04:59", 7),
                                 entry("2026-11-25T05:00", 2), entry("2026-11-25T09:00", 4)};
    REQUIRE(next_morning_entry(session, log));
    CHECK(next_morning_entry(session, log)->at == "2026-11-25T05:00");
    const std::vector<Entry> noon{entry("2026-11-25T12:00", 3), entry("2026-11-25T12:01", 5)};
    REQUIRE(next_morning_entry(session, noon));
    CHECK(next_morning_entry(session, noon)->severity == 3);
  }
  SUBCASE("nothing in the window")
  {
    CHECK_FALSE(next_morning_entry(session, {}));
    CHECK_FALSE(next_morning_entry(session, {entry("2026-11-25T04:59", 1), entry("2026-11-25T12:01", 1)}));
    CHECK_FALSE(next_morning_entry(session, {entry("2026-11-24T07:00", 1), entry("2026-11-26T07:00", 1)}));
  }
  SUBCASE("a session just after midnight looks at the next day's morning")
  {
    Session late = session;
    late.at = "2026-11-25T01:00";
    CHECK_FALSE(next_morning_entry(late, {entry("2026-11-25T07:00", 1)}));
    CHECK(next_morning_entry(late, {entry("2026-11-26T07:00", 1)}));
  }
  SUBCASE("across a month end")
  {
    Session last = session;
    last.at = "2026-11-30T19:00";
    CHECK(next_morning_entry(last, {entry("2026-12-01T08:00", 1)}));
  }
}

TEST_CASE("with_mornings_from_log")
{
  Session missing = done(2, std::nullopt);
  Session given = done(2, 1);
  given.at = "2026-11-25T18:00";
  Session skip;
  skip.at = "2026-11-24T00:00";
  skip.status = SessionStatus::skipped;
  skip.reason = SkipReason::sick;
  const std::vector<Entry> log{entry("2026-11-25T07:00", 3), entry("2026-11-26T07:00", 5)};
  const auto filled = with_mornings_from_log({missing, given, skip}, log);
  CHECK(filled[0].next_morning == 3);
  CHECK(filled[1].next_morning == 1); // a value given on the session wins
  CHECK_FALSE(filled[2].next_morning);
}
