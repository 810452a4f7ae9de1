#include "backcare/core/progression.hpp"
#include "backcare/core/trend.hpp"
#include "tiny_catalog.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace backcare;

namespace {

Date d(const char* text)
{
  return *parse_date(text);
}

DaySummary day(const char* date, double mean, int entries = 1, int min = -1, int max = -1)
{
  const int rounded = static_cast<int>(mean);
  return {d(date), entries, mean, min < 0 ? rounded : min, max < 0 ? rounded : max};
}

TrendRequest request(const char* as_of)
{
  TrendRequest r;
  r.as_of = d(as_of);
  return r;
}

bool has_flag(const TrendReport& r, std::string_view id)
{
  return std::any_of(r.flags.begin(), r.flags.end(), [&](const TrendFlagResult& f) { return f.id == id; });
}

} // namespace

TEST_CASE("make_trend with no entries")
{
  const TrendReport r = make_trend(tiny_catalog(), request("2026-11-26"), {});
  CHECK(r.entries == 0);
  CHECK_FALSE(r.first);
  CHECK(r.verdict == Verdict::insufficient_data);
  CHECK(r.periods.empty());
  CHECK(r.flags.empty());
}

TEST_CASE("make_trend with one day")
{
  const TrendReport r = make_trend(tiny_catalog(), request("2026-11-26"), {day("2026-11-26", 4.5, 2, 4, 5)});
  CHECK(r.entries == 2);
  CHECK(r.days_logged == 1);
  CHECK(r.days_in_range == 1);
  CHECK_FALSE(r.slope_per_week);
  REQUIRE(r.baseline);
  REQUIRE(r.recent);
  CHECK(r.verdict == Verdict::insufficient_data); // the windows overlap and hold one day each
}

TEST_CASE("group_periods")
{
  // Mon 2026-11-23 .. Sun 2026-11-29 is one ISO week; Mon 2026-11-30 starts the next.
  const std::vector<DaySummary> days{day("2026-11-23", 2, 1), day("2026-11-29", 5, 2, 4, 6), day("2026-11-30", 8, 1),
                                     day("2026-12-01", 1, 3, 0, 2)};
  SUBCASE("weeks start on Monday; the mean is of day values")
  {
    const auto weeks = group_periods(days, PeriodKind::week);
    REQUIRE(weeks.size() == 2);
    CHECK(format_date(weeks[0].start) == "2026-11-23");
    CHECK(weeks[0].entries == 3);
    CHECK(weeks[0].mean == doctest::Approx(3.5));
    CHECK(weeks[0].min == 2);
    CHECK(weeks[0].max == 6);
    CHECK(format_date(weeks[1].start) == "2026-11-30");
    CHECK(weeks[1].mean == doctest::Approx(4.5));
    CHECK(weeks[1].min == 0);
  }
  SUBCASE("months across a year boundary")
  {
    const auto months =
        group_periods({day("2025-12-31", 6), day("2026-01-01", 2), day("2026-01-31", 4)}, PeriodKind::month);
    REQUIRE(months.size() == 2);
    CHECK(format_date(months[0].start) == "2025-12-01");
    CHECK(format_date(months[1].start) == "2026-01-01");
    CHECK(months[1].mean == doctest::Approx(3.0));
  }
  SUBCASE("an ISO week across a year boundary starts in the old year")
  {
    const auto weeks = group_periods({day("2026-01-01", 3)}, PeriodKind::week);
    CHECK(format_date(weeks[0].start) == "2025-12-29");
  }
  SUBCASE("a leap day")
  {
    const auto by_day =
        group_periods({day("2024-02-28", 1), day("2024-02-29", 2), day("2024-03-01", 3)}, PeriodKind::day);
    REQUIRE(by_day.size() == 3);
    CHECK(format_date(by_day[1].start) == "2024-02-29");
    const auto months = group_periods({day("2024-02-29", 2), day("2024-03-01", 3)}, PeriodKind::month);
    CHECK(months.size() == 2);
  }
}

TEST_CASE("slope_per_week")
{
  // Values fall one point every two days: -0.5 a day, -3.5 a week.
  CHECK(*slope_per_week({day("2026-11-01", 8), day("2026-11-03", 7), day("2026-11-05", 6)}) == doctest::Approx(-3.5));
  CHECK(*slope_per_week({day("2026-11-01", 2), day("2026-11-08", 2)}) == doctest::Approx(0.0));
  CHECK_FALSE(slope_per_week({day("2026-11-01", 2)}));
}

TEST_CASE("important_change")
{
  CHECK(important_change(8.0) == doctest::Approx(2.0)); // 2 points, less than 30%
  CHECK(important_change(5.0) == doctest::Approx(1.5)); // 30%, less than 2 points
  CHECK(important_change(2.0) == doctest::Approx(1.0)); // 30% is under 1 point: 1 point
  CHECK(important_change(0.0) == doctest::Approx(2.0)); // no percent of nothing
}

TEST_CASE("verdict_of")
{
  const auto w = [](const char* first, double mean, int days) {
    return std::optional<Window>(Window{d(first), d(first) + std::chrono::days{6}, mean, days});
  };
  CHECK(verdict_of(w("2026-11-01", 6, 3), w("2026-11-20", 4, 3)) == Verdict::improved);   // -2 points
  CHECK(verdict_of(w("2026-11-01", 5, 3), w("2026-11-20", 3.5, 3)) == Verdict::improved); // -30%
  CHECK(verdict_of(w("2026-11-01", 5, 3), w("2026-11-20", 3.6, 3)) == Verdict::no_meaningful_change);
  CHECK(verdict_of(w("2026-11-01", 3, 3), w("2026-11-20", 4, 3)) == Verdict::worse); // +33%, 1 point
  CHECK(verdict_of(w("2026-11-01", 3, 3), w("2026-11-20", 3.9, 3))
        == Verdict::no_meaningful_change); // +30%, 0.9 points
  CHECK(verdict_of(w("2026-11-01", 1, 3), w("2026-11-20", 0.7, 3))
        == Verdict::no_meaningful_change); // -30%, 0.3 points
  CHECK(verdict_of(w("2026-11-01", 0, 3), w("2026-11-20", 1.9, 3)) == Verdict::no_meaningful_change);
  CHECK(verdict_of(w("2026-11-01", 0, 3), w("2026-11-20", 2, 3)) == Verdict::worse); // baseline 0: points only
  CHECK(verdict_of(w("2026-11-01", 6, 2), w("2026-11-20", 1, 3)) == Verdict::insufficient_data);
  CHECK(verdict_of(w("2026-11-01", 6, 3), w("2026-11-07", 1, 3)) == Verdict::insufficient_data); // overlap
  CHECK(verdict_of(std::nullopt, w("2026-11-20", 1, 3)) == Verdict::insufficient_data);
}

TEST_CASE("make_trend: windows, change and streak")
{
  std::vector<DaySummary> days{day("2026-11-01", 6, 2, 5, 7), day("2026-11-02", 6), day("2026-11-04", 6),
                               day("2026-11-10", 0),          day("2026-11-11", 0), day("2026-11-12", 0),
                               day("2026-11-20", 3),          day("2026-11-22", 3), day("2026-11-26", 3)};
  TrendRequest r = request("2026-11-26");
  r.birth_date = d("2026-08-01");
  const TrendReport report = make_trend(tiny_catalog(), r, days);
  CHECK(report.entries == 10);
  CHECK(report.days_logged == 9);
  CHECK(report.days_in_range == 26);
  REQUIRE(report.baseline);
  CHECK(report.baseline->days == 3);
  CHECK(report.baseline->mean == doctest::Approx(6));
  REQUIRE(report.recent);
  CHECK(format_date(report.recent->first) == "2026-11-20");
  CHECK(report.recent->days == 3);
  CHECK(*report.change_points == doctest::Approx(-3));
  CHECK(*report.change_percent == doctest::Approx(-50));
  CHECK(report.verdict == Verdict::improved);
  CHECK(report.longest_pain_free_streak == 3);
  CHECK(report.weeks_postpartum == 16);
  SUBCASE("baseline 0 has no percent")
  {
    std::vector<DaySummary> zero{day("2026-11-01", 0), day("2026-11-02", 0), day("2026-11-03", 0),
                                 day("2026-11-24", 3), day("2026-11-25", 3), day("2026-11-26", 3)};
    const TrendReport worse = make_trend(tiny_catalog(), request("2026-11-26"), zero);
    CHECK(*worse.change_points == doctest::Approx(3));
    CHECK_FALSE(worse.change_percent);
    CHECK(worse.verdict == Verdict::worse);
  }
}

TEST_CASE("make_trend: referrals first, then the catalog's notes")
{
  std::vector<DaySummary> days{day("2026-05-01", 5), day("2026-11-26", 4)};
  TrendRequest r = request("2026-11-26");
  r.birth_date = d("2026-04-01");
  r.referrals = {tiny_catalog().find_rule("six-months")};
  const TrendReport later = make_trend(tiny_catalog(), r, days);
  CHECK(later.weeks_postpartum == 34);
  REQUIRE(later.flags.size() == 2);
  CHECK(later.flags[0].id == "six-months");
  CHECK(later.flags[0].refer_to == "physiotherapist");
  CHECK(later.flags[0].message == "Pain six months after birth deserves an assessment.");
  CHECK(later.flags[0].source == "tiny six-month source");
  CHECK(later.flags[1].id == "late");
  CHECK(later.flags[1].message == "Pain at week 34 is worth a physiotherapist's look."); // {weeks} filled in
  CHECK(later.flags[1].refer_to.empty());
  SUBCASE("a note on pain present needs pain on the latest logged day")
  {
    days.back().mean = 0;
    days.back().max = 0;
    r.referrals.clear();
    CHECK(make_trend(tiny_catalog(), r, days).flags.empty());
  }
  SUBCASE("a note on the weeks after birth needs the birth date")
  {
    r.birth_date.reset();
    r.referrals.clear();
    const TrendReport unknown = make_trend(tiny_catalog(), r, days);
    CHECK_FALSE(unknown.weeks_postpartum);
    CHECK(unknown.flags.empty());
  }
  SUBCASE("an empty log has referrals but no notes")
  {
    const TrendReport empty = make_trend(tiny_catalog(), r, {});
    REQUIRE(empty.flags.size() == 1);
    CHECK(empty.flags[0].id == "six-months");
  }
}

TEST_CASE("make_trend: notes on the weeks of pain and on the verdict")
{
  // Worse: 2 in the first week, 5 in the last 7 days.
  const std::vector<DaySummary> days{day("2026-11-01", 2), day("2026-11-02", 2), day("2026-11-03", 2),
                                     day("2026-11-24", 5), day("2026-11-25", 5), day("2026-11-26", 5)};
  TrendRequest r = request("2026-11-26");
  r.birth_date = d("2026-09-03"); // week 12: the early note's last week
  const TrendReport report = make_trend(tiny_catalog(), r, days);
  CHECK(report.verdict == Verdict::worse);
  CHECK(has_flag(report, "early"));
  CHECK(report.flags[0].message == "Most pain eases within three months; you are at week 12.");
  CHECK(has_flag(report, "rising"));
  CHECK_FALSE(has_flag(report, "long-episode"));
  r.pain_since = d("2026-09-03"); // 12 weeks of pain
  CHECK(has_flag(make_trend(tiny_catalog(), r, days), "long-episode"));
  r.pain_since = d("2026-09-04");
  CHECK_FALSE(has_flag(make_trend(tiny_catalog(), r, days), "long-episode"));
  r.birth_date = d("2026-08-27"); // week 13
  CHECK_FALSE(has_flag(make_trend(tiny_catalog(), r, days), "early"));
}

TEST_CASE("log_verdict: the windows end on the day asked")
{
  const std::vector<DaySummary> days{day("2026-11-01", 6), day("2026-11-02", 6), day("2026-11-03", 6),
                                     day("2026-11-20", 6), day("2026-11-21", 6), day("2026-11-22", 6),
                                     day("2026-11-24", 1), day("2026-11-25", 1), day("2026-11-26", 1)};
  CHECK(log_verdict(days, d("2026-11-26")) == Verdict::improved);
  CHECK(log_verdict(days, d("2026-11-22")) == Verdict::no_meaningful_change);
  CHECK(log_verdict({days.begin(), days.begin() + 3}, d("2026-11-03")) == Verdict::insufficient_data);
  CHECK(insufficient_reason(trend_windows({days.begin(), days.begin() + 3}, d("2026-11-03")).baseline,
                            trend_windows({days.begin(), days.begin() + 3}, d("2026-11-03")).recent)
            .find("overlaps")
        != std::string::npos);
}

TEST_CASE("worse_when_last_logged: a log that was getting worse, then went quiet for 7 days or more")
{
  const std::vector<DaySummary> worse{day("2026-11-01", 2), day("2026-11-02", 2), day("2026-11-03", 2),
                                      day("2026-11-16", 6), day("2026-11-17", 6), day("2026-11-18", 6)};
  CHECK(log_verdict(worse, d("2026-11-18")) == Verdict::worse);
  CHECK_FALSE(worse_when_last_logged(worse, d("2026-11-24"))); // 6 days: still a verdict (worse)
  CHECK(log_verdict(worse, d("2026-11-25")) == Verdict::insufficient_data);
  CHECK(worse_when_last_logged(worse, d("2026-11-25")) == d("2026-11-18"));
  CHECK(worse_when_last_logged(worse, d("2027-01-10")) == d("2026-11-18"));
  std::vector<DaySummary> better = worse;
  for (std::size_t i = 3; i < better.size(); ++i) {
    better[i].mean = 0;
  }
  CHECK_FALSE(worse_when_last_logged(better, d("2026-11-25")));
  CHECK_FALSE(worse_when_last_logged({}, d("2026-11-25")));
  CHECK(worse_when_last_logged_text(d("2026-11-18"))
        == "When you last logged your pain, on Wed 18 Nov, it was getting worse, and nothing has been logged since. "
           "Log it now (backcare log add N); if it is still worse, book a physiotherapist.");
}

namespace {

Session done_at(const char* at, std::optional<int> during, std::optional<int> morning)
{
  Session s;
  s.at = at;
  s.phase = 2;
  s.pain_during = during;
  s.next_morning = morning;
  return s;
}

Session skipped_at(const char* at)
{
  Session s;
  s.at = at;
  s.status = SessionStatus::skipped;
  s.reason = SkipReason::baby;
  return s;
}

// Four ISO weeks from Mon 2026-11-02 to Thu 2026-11-26, one entry a week,
// and a person who starts exercising on Wed 2026-11-04, 3 days a week.
TrendRequest with_sessions()
{
  TrendRequest r = request("2026-11-26");
  r.planned = PlannedSessions{{{d("2026-11-04"), 0, 2, Decision::start, ""}}, {7, 3, 3, 3}};
  r.sessions = {done_at("2026-11-04T07:30", 2, 1),  done_at("2026-11-06T07:30", 4, 3),
                skipped_at("2026-11-09T07:30"),     done_at("2026-11-10T07:30", 2, 2),
                done_at("2026-11-12T07:30", 6, {}), done_at("2026-11-17T07:30", 3, 1),
                done_at("2026-11-25T20:00", 2, {})};
  return r;
}

const std::vector<DaySummary> k_weeks{day("2026-11-03", 5), day("2026-11-10", 4), day("2026-11-17", 3),
                                      day("2026-11-24", 2)};

} // namespace

TEST_CASE("make_trend: sessions per period")
{
  const TrendReport r = make_trend(tiny_catalog(), with_sessions(), k_weeks);
  REQUIRE(r.periods.size() == 4);
  REQUIRE(r.sessions.size() == 7);
  CHECK(r.sessions[2].session.status == SessionStatus::skipped);
  CHECK_FALSE(r.sessions[2].outcome);
  CHECK(r.sessions[4].outcome == Outcome::red);
  CHECK(format_date(*r.sessions_from) == "2026-11-04");
  CHECK(format_date(r.sessions_until) == "2026-11-26");

  SUBCASE("the first week counts from the first session: 5 days, 3 planned")
  {
    const SessionCounts& c = r.periods[0].sessions;
    CHECK(c.done == 2);
    CHECK(c.skipped == 0);
    CHECK(c.green == 1);
    CHECK(c.amber == 1);
    CHECK(c.red == 0);
    CHECK(c.pending == 0);
    CHECK(*c.mean_pain_during == doctest::Approx(3.0));
    CHECK(c.planned == 3);
    CHECK(c.adherence_percent == 67);
  }
  SUBCASE("a skipped session is not done; a red one counts as done")
  {
    const SessionCounts& c = r.periods[1].sessions;
    CHECK(c.done == 2);
    CHECK(c.skipped == 1);
    CHECK(c.green == 1);
    CHECK(c.red == 1);
    CHECK(*c.mean_pain_during == doctest::Approx(4.0));
    CHECK(c.planned == 3);
    CHECK(c.adherence_percent == 67);
  }
  SUBCASE("the current week counts up to today: 4 days, 2 planned")
  {
    const SessionCounts& c = r.periods[3].sessions;
    CHECK(c.done == 1);
    CHECK(c.pending == 1);
    CHECK(c.planned == 2);
    CHECK(c.adherence_percent == 50);
  }
  SUBCASE("totals over the range, and the plan's own 28-day figure")
  {
    const SessionCounts& t = r.session_totals;
    CHECK(t.done == 6);
    CHECK(t.skipped == 1);
    CHECK(t.green == 3);
    CHECK(t.amber == 1);
    CHECK(t.red == 1);
    CHECK(t.pending == 1);
    CHECK(*t.mean_pain_during == doctest::Approx(19.0 / 6));
    CHECK(t.planned == 10); // 23 days from 2026-11-04
    CHECK(t.adherence_percent == 60);
    CHECK(r.last_28_days_percent
          == adherence(with_sessions().sessions, *with_sessions().planned, d("2026-11-26")).last_28_days_percent);
    CHECK(r.last_28_days_percent == 60);
  }
  SUBCASE("the pain figures are those of a log without sessions")
  {
    const TrendReport plain = make_trend(tiny_catalog(), request("2026-11-26"), k_weeks);
    REQUIRE(plain.periods.size() == r.periods.size());
    for (std::size_t i = 0; i < r.periods.size(); ++i) {
      CHECK(plain.periods[i].start == r.periods[i].start);
      CHECK(plain.periods[i].entries == r.periods[i].entries);
      CHECK(plain.periods[i].mean == r.periods[i].mean);
      CHECK(plain.periods[i].min == r.periods[i].min);
      CHECK(plain.periods[i].max == r.periods[i].max);
      CHECK(plain.periods[i].sessions == SessionCounts{});
    }
    CHECK(plain.verdict == r.verdict);
    CHECK(plain.flags.size() == r.flags.size());
    CHECK(plain.sessions.empty());
    CHECK_FALSE(plain.sessions_from);
    CHECK_FALSE(plain.last_28_days_percent);
  }
}

TEST_CASE("make_trend: sessions in --since and --until only")
{
  TrendRequest req = with_sessions();
  req.since = d("2026-11-09");
  req.until = d("2026-11-15");
  const TrendReport r = make_trend(tiny_catalog(), req, {day("2026-11-10", 4)});
  REQUIRE(r.sessions.size() == 3);
  CHECK(r.sessions.front().session.at == "2026-11-09T07:30");
  CHECK(format_date(*r.sessions_from) == "2026-11-09"); // the later of --since and the first session
  CHECK(format_date(r.sessions_until) == "2026-11-15");
  CHECK(r.session_totals.done == 2);
  CHECK(r.session_totals.skipped == 1);
  CHECK(r.session_totals.planned == 3);
  CHECK(r.session_totals.adherence_percent == 67);
  REQUIRE(r.periods.size() == 1);
  CHECK(r.periods[0].sessions.planned == 3);
  // The plan's figure stays the 28 days up to today, whatever the range.
  CHECK(r.last_28_days_percent == 60);
}

TEST_CASE("make_trend: planned sessions follow the phase of each day")
{
  // A red session on Thu 12 Nov steps back from phase 2 (3 a week) to phase 1
  // (every day): the weeks before count 3 a week, the days after it 7.
  TrendRequest req = with_sessions();
  req.planned->history.push_back({d("2026-11-12"), 2, 1, Decision::step_back, ""});
  const TrendReport r = make_trend(tiny_catalog(), req, k_weeks);
  REQUIRE(r.periods.size() == 4);
  CHECK(r.periods[0].sessions.planned == 3); // Wed 4 to Sun 8 Nov, phase 2
  CHECK(r.periods[1].sessions.planned == 6); // Mon 9 to Wed 11 at 3 a week, Thu 12 to Sun 15 every day
  CHECK(r.periods[2].sessions.planned == 7); // phase 1
  CHECK(r.periods[3].sessions.planned == 4); // Mon 23 to Thu 26
  CHECK(r.session_totals.planned == 19);     // 8 days at 3 a week and 15 every day: 129 sevenths
  CHECK(r.session_totals.adherence_percent == 32);
  CHECK(r.last_28_days_percent == adherence(req.sessions, *req.planned, d("2026-11-26")).last_28_days_percent);
  CHECK(r.last_28_days_percent == 32);
}

TEST_CASE("make_trend: planned is unknown without a plan, and per day")
{
  SUBCASE("no plan")
  {
    TrendRequest req = with_sessions();
    req.planned.reset();
    const TrendReport r = make_trend(tiny_catalog(), req, k_weeks);
    CHECK(r.session_totals.done == 6);
    CHECK_FALSE(r.session_totals.planned);
    CHECK_FALSE(r.session_totals.adherence_percent);
    CHECK_FALSE(r.periods[0].sessions.planned);
    CHECK_FALSE(r.last_28_days_percent);
  }
  SUBCASE("by day")
  {
    TrendRequest req = with_sessions();
    req.by = PeriodKind::day;
    const TrendReport r = make_trend(tiny_catalog(), req, {day("2026-11-10", 4), day("2026-11-11", 4)});
    REQUIRE(r.periods.size() == 2);
    CHECK(r.periods[0].sessions.done == 1);
    CHECK_FALSE(r.periods[0].sessions.planned);
    CHECK(r.periods[1].sessions == SessionCounts{});
    CHECK(r.session_totals.planned == 10);
  }
  SUBCASE("weeks before the first session plan nothing")
  {
    TrendRequest req = with_sessions();
    const TrendReport r = make_trend(tiny_catalog(), req, {day("2026-10-27", 6), day("2026-11-03", 5)});
    CHECK(r.periods[0].sessions.planned == 0);
    CHECK_FALSE(r.periods[0].sessions.adherence_percent);
    CHECK(r.periods[1].sessions.planned == 3);
  }
  SUBCASE("sessions without log entries still count in the totals")
  {
    const TrendReport r = make_trend(tiny_catalog(), with_sessions(), {});
    CHECK(r.entries == 0);
    CHECK(r.periods.empty());
    CHECK(r.session_totals.done == 6);
    CHECK(r.session_totals.adherence_percent == 60);
  }
}
