#include "backcare/store/log_summary.hpp"
#include "scratch.hpp"

#include <doctest/doctest.h>

using namespace backcare;

namespace {

const Date k_today = *parse_date("2026-11-26");

Session done(const std::string& at, int pain_during, std::optional<int> next_morning = {})
{
  Session s;
  s.at = at;
  s.pain_during = pain_during;
  s.next_morning = next_morning;
  return s;
}

Session skipped(const std::string& at)
{
  Session s;
  s.at = at;
  s.status = SessionStatus::skipped;
  s.reason = SkipReason::baby;
  return s;
}

Entry entry(const std::string& at, int severity, const std::string& location = "low-back")
{
  Entry e;
  e.at = at;
  e.severity = severity;
  e.location = location;
  return e;
}

std::unique_ptr<PainLog> log_with(const ScratchFolder& scratch, const std::vector<Entry>& entries)
{
  auto log = PainLog::open((scratch / "default.db").string(), true);
  REQUIRE(log);
  for (const Entry& e : entries) {
    log->add(e);
  }
  return log;
}

} // namespace

TEST_CASE("read_log_summary: no log, or an empty one, is an empty summary")
{
  for (const LogSummary& s :
       {read_log_summary(nullptr, k_today, {}), read_log_summary(PainLog::open_empty().get(), k_today, {})}) {
    CHECK_FALSE(s.has_entries);
    CHECK_FALSE(s.severity);
    CHECK(s.latest_at.empty());
    CHECK_FALSE(s.episode_start);
    CHECK(s.pelvic_days == 0);
    CHECK(s.verdict == Verdict::insufficient_data);
    CHECK(s.sessions.empty());
    CHECK(s.screened.signs.empty());
    CHECK(s.red_sessions.empty());
  }
}

TEST_CASE("read_log_summary: the whole log up to today, as plan and trend judge it")
{
  const ScratchFolder scratch;
  const auto log =
      log_with(scratch, {entry("2026-11-01T08:00", 6), entry("2026-11-02T08:00", 6), entry("2026-11-03T08:00", 6),
                         entry("2026-11-22T08:00", 1), entry("2026-11-23T08:00", 1), entry("2026-11-24T06:00", 7),
                         entry("2026-11-24T21:00", 1), entry("2026-11-28T08:00", 9)});
  const LogSummary s = read_log_summary(log.get(), k_today, {});
  CHECK(s.has_entries);
  REQUIRE(s.severity);
  CHECK(s.severity->severity == 7); // the morning flare, not the later calm, nor the entry after today
  CHECK(s.severity->at == "2026-11-24T06:00");
  CHECK(s.latest_at == "2026-11-24T21:00");
  CHECK(s.episode_start == parse_date("2026-11-01"));
  CHECK(s.verdict == Verdict::improved); // 6 in the first week, 2 in the last 7 days
  CHECK(read_log_summary(log.get(), *parse_date("2026-11-03"), {}).verdict == Verdict::insufficient_data);
}

TEST_CASE("read_log_summary: entries after today do not count")
{
  const ScratchFolder scratch;
  const auto log = log_with(scratch, {entry("2026-11-27T08:00", 5)});
  CHECK_FALSE(read_log_summary(log.get(), k_today, {}).has_entries);
  CHECK(read_log_summary(log.get(), *parse_date("2026-11-27"), {}).has_entries);
}

TEST_CASE("read_log_summary: pelvic pain over the last 14 days")
{
  const ScratchFolder scratch;
  std::vector<Entry> entries{entry("2026-11-12T08:00", 5, "pelvis")}; // 14 days ago: outside
  for (const char* at : {"2026-11-13T08:00", "2026-11-15T08:00", "2026-11-17T08:00", "2026-11-19T08:00"}) {
    entries.push_back(entry(at, 5, "sacroiliac"));
  }
  entries.push_back(entry("2026-11-21T08:00", 3, "pubic"));    // below 4
  entries.push_back(entry("2026-11-22T08:00", 6, "low-back")); // not pelvic
  const auto log = log_with(scratch, entries);
  CHECK(read_log_summary(log.get(), k_today, {}).pelvic_days == 4);
  log->add(entry("2026-11-25T08:00", 4, "pubic"));
  const LogSummary s = read_log_summary(log.get(), k_today, {});
  CHECK(s.pelvic_days == 5);
  CHECK(s.pelvic_not_improving);
}

TEST_CASE("read_log_summary: the sessions up to today, with their next mornings from the log")
{
  const ScratchFolder scratch;
  const auto log = log_with(scratch, {entry("2026-11-21T04:59", 9), entry("2026-11-21T07:00", 4),
                                      entry("2026-11-21T13:00", 8), entry("2026-11-23T06:00", 1)});
  log->add_session(done("2026-11-20T18:00", 2));
  log->add_session(done("2026-11-22T18:00", 2, 3)); // a next morning given wins over the log's
  log->add_session(skipped("2026-11-24T18:00"));
  log->add_session(done("2026-11-27T18:00", 2)); // after today
  const LogSummary s = read_log_summary(log.get(), k_today, {});
  REQUIRE(s.sessions.size() == 3);
  CHECK(s.sessions[0].next_morning == 4); // the first entry from 05:00 to 12:00 the day after
  CHECK(s.sessions[1].next_morning == 3);
  CHECK(s.sessions[2].status == SessionStatus::skipped);
  CHECK_FALSE(s.sessions[2].next_morning);
  CHECK(s.red_sessions.empty());
}

TEST_CASE("read_log_summary: red sessions too close together, by the catalog's progression rules")
{
  const ScratchFolder scratch;
  const auto log = log_with(scratch, {});
  log->add_session(done("2026-11-23T18:00", 7)); // above amber_max: red at once
  log->add_session(done("2026-11-25T18:00", 7));
  CHECK_FALSE(read_log_summary(log.get(), k_today, {}).red_sessions.empty());
  Catalog three_reds;
  three_reds.progression.refer_reds = 3;
  CHECK(read_log_summary(log.get(), k_today, three_reds).red_sessions.empty());
}

TEST_CASE("read_log_summary: the warning signs in force, however old the yes")
{
  const ScratchFolder scratch;
  const auto log = log_with(scratch, {});
  log->add_screening({0, "2026-10-19T08:00", {"fever"}, {"fever"}, {}}); // 39 days ago, never answered since
  log->add_screening({0, "2026-11-25T08:00", {"leakage", "night-pain"}, {"leakage"}, {}});
  log->add_screening({0, "2026-11-26T08:00", {"night-pain"}, {}, {}});
  const LogSummary s = read_log_summary(log.get(), k_today, {});
  CHECK(s.screened.signs == std::vector<std::string>{"fever", "leakage"});
  CHECK(s.screened.at == "2026-11-26T08:00");
}
