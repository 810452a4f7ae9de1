#include "backcare/render/sessions.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <set>

using namespace backcare;

namespace {

// A done session (green) and a skipped one.
std::vector<SessionRow> sample_rows(const std::string& note = "tired\x1b[2J")
{
  Session done;
  done.id = 1;
  done.at = "2026-11-20T18:00";
  done.phase = 2;
  done.pain_during = 2;
  done.next_morning = 1;
  done.skipped_exercises = {"heel-slide"};
  done.note = note;
  Session skipped;
  skipped.id = 2;
  skipped.at = "2026-11-22T18:00";
  skipped.phase = 2;
  skipped.status = SessionStatus::skipped;
  skipped.reason = SkipReason::baby;
  return {{done, Outcome::green}, {skipped, std::nullopt}};
}

} // namespace

TEST_CASE("render_sessions: every ListFormat renders an empty list and a list, no two alike")
{
  std::set<std::string> empty_lists;
  std::set<std::string> lists;
  for (const ListFormat format : values_of<ListFormat>()) {
    CAPTURE(name_of(format));
    const std::string none = render_sessions(format, {}, Style{});
    const std::string two = render_sessions(format, sample_rows(), Style{});
    CHECK_FALSE(none.empty());
    CHECK(two.size() > none.size());
    empty_lists.insert(none);
    lists.insert(two);
  }
  CHECK(empty_lists.size() == values_of<ListFormat>().size());
  CHECK(lists.size() == values_of<ListFormat>().size());
}

TEST_CASE("render_sessions: text")
{
  CHECK(render_sessions(ListFormat::text, sample_rows(), Style{})
        == "   id  at                phase  outcome   during  morning  left out / reason, note\n"
           "    1  2026-11-20T18:00      2  green       2/10     1/10  heel-slide; tired\\x1b[2J\n"
           "    2  2026-11-22T18:00      2  skipped        -        -  baby\n");
  CHECK(render_sessions(ListFormat::text, {}, Style{})
        == "No sessions yet. After a session, record it with: backcare session add --pain-during N\n");
  Style color;
  color.color = true;
  CHECK(render_sessions(ListFormat::text, sample_rows(), color).find("\x1b[32mgreen   \x1b[0m") != std::string::npos);
}

TEST_CASE("render_sessions: JSON and CSV")
{
  const nlohmann::json json = nlohmann::json::parse(render_sessions(ListFormat::json, sample_rows(), Style{}));
  REQUIRE(json.size() == 2);
  CHECK(json[0]["outcome"] == "green");
  CHECK(json[0]["note"] == "tired\x1b[2J");
  CHECK(json[1]["status"] == "skipped");
  CHECK(json[1]["outcome"].is_null());
  CHECK(json[1]["reason"] == "baby");
  CHECK(render_sessions(ListFormat::json, {}, Style{}) == "[]\n");
  CHECK(render_sessions(ListFormat::csv, sample_rows("=SUM(A1)"), Style{})
        == "id,at,phase,status,pain_during,next_morning,outcome,skipped_exercises,reason,note\r\n"
           "1,2026-11-20T18:00,2,done,2,1,green,heel-slide,,'=SUM(A1)\r\n"
           "2,2026-11-22T18:00,2,skipped,,,,,baby,\r\n");
}

TEST_CASE("render_session_added: the outcome in words, and what next")
{
  const Session s = sample_rows().front().session;
  const Progression rules;
  Progress after;
  after.phase = 2;
  CHECK(render_session_added({s, Outcome::green}, rules, after)
        == "Session 1 saved (phase 2). Green: 2/10 during, 1/10 the next morning. Well done.\n");
  CHECK(render_session_added({s, Outcome::amber}, rules, after)
        == "Session 1 saved (phase 2). Amber: 2/10 during, 1/10 the next morning. That is acceptable: keep the same "
           "exercises, no harder, next time.\n");
  Session red = s;
  red.pain_during = 7;
  red.next_morning.reset();
  after.phase = 1;
  CHECK(render_session_added({red, Outcome::red}, rules, after)
        == "Session 1 saved (phase 2). Red: pain 7/10 during it, above 5. That was too much; the plan goes back to "
           "phase 1 for the next sessions.\n");
  // Already in phase 1: nowhere to step back to.
  red.phase = 1;
  CHECK(render_session_added({red, Outcome::red}, rules, after)
        == "Session 1 saved (phase 1). Red: pain 7/10 during it, above 5. That was too much; next time, do the easier "
           "versions of phase 1.\n");
  Session pending = s;
  pending.next_morning.reset();
  CHECK(render_session_added({pending, Outcome::pending}, rules, after)
        == "Session 1 saved (phase 2). So far: 2/10 during. Tell me tomorrow morning's pain with: backcare log add N "
           "(between 05:00 and 12:00).\n");
  SUBCASE("moving on, and a referral")
  {
    after.phase = 3;
    after.decision = Decision::advance;
    after.since = *parse_date("2026-11-20");
    after.refer = true;
    after.refer_reason = "Two red sessions in 7 days: see a physiotherapist.";
    CHECK(render_session_added({s, Outcome::green}, rules, after)
              .ends_with("Well done. You have mastered the phase: your next plan is phase 3. Two red sessions in 7 "
                         "days: see a physiotherapist.\n"));
    after.since = *parse_date("2026-11-19"); // moved on before this session
    CHECK(render_session_added({s, Outcome::green}, rules, after).find("mastered") == std::string::npos);
  }
}

TEST_CASE("render_session_skipped")
{
  Adherence adherence;
  adherence.this_week.done = 1;
  adherence.this_week.planned = 3;
  CHECK(render_session_skipped(sample_rows().back().session, adherence)
        == "Skipped session 2 saved (baby). That happens; this week so far: 1 of 3 sessions done.\n");
  // Nothing planned (beside an urgent sign): no "3 of 0".
  adherence.this_week.planned = 0;
  adherence.this_week.done = 3;
  CHECK(render_session_skipped(sample_rows().back().session, adherence)
        == "Skipped session 2 saved (baby). That happens; this week so far: 3 sessions done.\n");
  adherence.this_week.done = 1;
  CHECK(render_session_skipped(sample_rows().back().session, adherence)
        == "Skipped session 2 saved (baby). That happens; this week so far: 1 session done.\n");
}
