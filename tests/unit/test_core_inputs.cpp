#include "backcare/core/inputs.hpp"

#include <doctest/doctest.h>

using namespace backcare;

namespace {

Date d(const char* text)
{
  return *parse_date(text);
}

Entry entry(const char* at, int severity, const char* location = "low-back")
{
  Entry e;
  e.at = at;
  e.severity = severity;
  e.location = location;
  return e;
}

DaySummary day(const char* date, int max, double mean = -1)
{
  return {d(date), 1, mean < 0 ? max : mean, max, max};
}

const InputOrigin* origin_of(const ResolvedInputs& r, std::string_view input)
{
  for (const InputOrigin& origin : r.origins) {
    if (origin.input == input) {
      return &origin;
    }
  }
  return nullptr;
}

} // namespace

TEST_CASE("summarize_log: severity is the highest of the 24 hours up to the latest entry")
{
  const Date today = d("2026-11-26");
  SUBCASE("a morning flare is not wiped out by a calmer evening")
  {
    const auto s = summarize_log({}, {entry("2026-11-24T06:00", 7), entry("2026-11-24T21:00", 2)}, today);
    REQUIRE(s.severity);
    CHECK(s.severity->severity == 7);
    CHECK(s.severity->at == "2026-11-24T06:00");
  }
  SUBCASE("readings more than 24 hours before the latest do not count")
  {
    const auto s = summarize_log({}, {entry("2026-11-23T06:00", 9), entry("2026-11-24T08:00", 3)}, today);
    CHECK(s.severity->severity == 3);
  }
  SUBCASE("nothing in the last 7 days: no severity")
  {
    CHECK_FALSE(summarize_log({}, {entry("2026-11-19T06:00", 5)}, today).severity);
    CHECK(summarize_log({}, {entry("2026-11-20T06:00", 5)}, today).severity->severity == 5);
  }
  SUBCASE("entries after today do not count")
  {
    const auto s = summarize_log({}, {entry("2026-11-25T06:00", 4), entry("2026-11-27T06:00", 9)}, today);
    CHECK(s.severity->severity == 4);
  }
}

TEST_CASE("summarize_log: the current pain episode")
{
  const Date today = d("2026-11-26");
  SUBCASE("days without entries do not end an episode")
  {
    const auto s = summarize_log({day("2026-08-20", 4), day("2026-11-25", 3)}, {}, today);
    CHECK(s.episode_start == d("2026-08-20"));
  }
  SUBCASE("a logged pain-free stretch of 14 days ends one")
  {
    std::vector<DaySummary> days{day("2026-08-20", 4), day("2026-09-01", 0), day("2026-09-14", 0),
                                 day("2026-09-20", 5)};
    CHECK(summarize_log(days, {}, today).episode_start == d("2026-09-20"));
    days[2] = day("2026-09-13", 0); // 13 days: the episode goes on
    CHECK(summarize_log(days, {}, today).episode_start == d("2026-08-20"));
  }
  SUBCASE("pain-free for 14 days now: no current episode")
  {
    const auto s = summarize_log({day("2026-10-01", 4), day("2026-11-10", 0), day("2026-11-25", 0)}, {}, today);
    CHECK_FALSE(s.episode_start);
  }
  SUBCASE("a log of zeros has no episode")
  {
    CHECK_FALSE(summarize_log({day("2026-11-25", 0)}, {}, today).episode_start);
  }
}

TEST_CASE("summarize_log: pelvic pain that is not improving")
{
  const Date today = d("2026-11-26");
  std::vector<Entry> recent;
  for (const char* at : {"2026-11-14T08:00", "2026-11-16T08:00", "2026-11-18T08:00", "2026-11-21T08:00",
                         "2026-11-23T08:00", "2026-11-25T08:00"}) {
    recent.push_back(entry(at, 5, "pelvis"));
  }
  const auto s = summarize_log({}, recent, today);
  CHECK(s.pelvic_days == 6);
  CHECK(s.pelvic_not_improving);
  SUBCASE("low-back pain does not count")
  {
    for (Entry& e : recent) {
      e.location = "low-back";
    }
    CHECK(summarize_log({}, recent, today).pelvic_days == 0);
  }
  SUBCASE("a clear improvement is not the sign")
  {
    recent = {entry("2026-11-13T08:00", 7, "pubic"),      entry("2026-11-14T08:00", 7, "pubic"),
              entry("2026-11-15T08:00", 7, "sacroiliac"), entry("2026-11-16T08:00", 6, "pelvis"),
              entry("2026-11-20T08:00", 4, "pelvis"),     entry("2026-11-22T08:00", 2, "pelvis"),
              entry("2026-11-24T08:00", 2, "pelvis")};
    const auto improving = summarize_log({}, recent, today);
    CHECK(improving.pelvic_days == 5);
    CHECK_FALSE(improving.pelvic_not_improving);
  }
}

TEST_CASE("summarize_log: the verdict is trend's")
{
  const std::vector<DaySummary> days{day("2026-11-01", 2), day("2026-11-02", 2), day("2026-11-03", 2),
                                     day("2026-11-24", 6), day("2026-11-25", 5), day("2026-11-26", 6)};
  CHECK(summarize_log(days, {}, d("2026-11-26")).verdict == Verdict::worse);
  CHECK(summarize_log(days, {}, d("2026-11-26")).verdict == log_verdict(days, d("2026-11-26")));
  CHECK(summarize_log({}, {}, d("2026-11-26")).verdict == Verdict::insufficient_data);
}

TEST_CASE("resolve_inputs: first source that has it")
{
  const Date today = d("2026-11-26");
  PlanInputs given;
  Profile profile;
  LogSummary log;
  PlanInputs config;
  SUBCASE("nothing known: weeks and severity are missing, delivery is the default")
  {
    const auto r = resolve_inputs(given, profile, log, config, today);
    CHECK(r.missing == std::vector<MissingInput>{MissingInput::weeks, MissingInput::severity});
    CHECK(r.situation.delivery == Delivery::vaginal);
    CHECK(origin_of(r, "delivery")->source == "default");
    CHECK_FALSE(r.situation.pain_days);
  }
  SUBCASE("the command line wins over the profile, the profile over the log and config")
  {
    profile.birth_date = d("2026-09-01");
    profile.delivery = Delivery::cesarean;
    profile.pain_since = d("2026-10-01");
    log.severity = Reading{6, "2026-11-25T07:00"};
    log.episode_start = d("2026-11-01");
    config.delivery = Delivery::vaginal;
    auto r = resolve_inputs(given, profile, log, config, today);
    CHECK(r.missing.empty());
    CHECK(r.situation.weeks_postpartum == 12);
    CHECK(r.situation.days_postpartum == 86);
    CHECK(origin_of(r, "weeks_postpartum")->from() == "profile birth date 2026-09-01");
    CHECK(r.situation.delivery == Delivery::cesarean);
    CHECK(r.situation.pain_days == 56);
    CHECK(origin_of(r, "pain_weeks")->from() == "profile since 2026-10-01");
    CHECK(r.situation.severity == 6);
    CHECK(origin_of(r, "severity")->from() == "log 2026-11-25T07:00");

    given.weeks_postpartum = 3;
    given.severity = 2;
    given.delivery = Delivery::vaginal;
    r = resolve_inputs(given, profile, log, config, today);
    CHECK(r.situation.weeks_postpartum == 3);
    CHECK_FALSE(r.situation.birth_date);
    CHECK(r.situation.severity == 2);
    CHECK(origin_of(r, "severity")->source == "command line");
    CHECK(r.situation.delivery == Delivery::vaginal);
  }
  SUBCASE("the log's pain episode when nothing else gives the duration")
  {
    log.episode_start = d("2026-08-20");
    const auto r = resolve_inputs(given, profile, log, config, today);
    CHECK(r.situation.pain_days == 98);
    CHECK(origin_of(r, "pain_weeks")->from() == "log episode since 2026-08-20");
  }
  SUBCASE("signs from the log add to the given ones")
  {
    given.symptoms = {"leakage"};
    log.has_entries = true;
    log.pelvic_days = 5;
    log.pelvic_not_improving = true;
    log.verdict = Verdict::worse;
    const auto r = resolve_inputs(given, profile, log, config, today);
    CHECK(r.situation.symptoms == std::vector<std::string>{"leakage", "pelvic-pain-not-improving"});
    CHECK(r.situation.trend_verdict == Verdict::worse);
    log.pelvic_days = 4;
    CHECK(resolve_inputs(given, profile, log, config, today).situation.symptoms == std::vector<std::string>{"leakage"});
  }
  SUBCASE("a saved birth date after today is not used")
  {
    profile.birth_date = d("2026-12-01");
    const auto r = resolve_inputs(given, profile, log, config, today);
    CHECK_FALSE(r.situation.weeks_postpartum);
    CHECK(r.missing.front() == MissingInput::weeks);
  }
  SUBCASE("lists come whole from one source")
  {
    profile.postures = {"sway-back"};
    config.postures = {"high-hinge"};
    config.equipment = {"band"};
    const auto r = resolve_inputs(given, profile, log, config, today);
    CHECK(r.situation.postures == std::vector<std::string>{"sway-back"});
    CHECK(r.equipment == std::vector<std::string>{"band"});
    CHECK(origin_of(r, "equipment")->source == "config");
  }
}
