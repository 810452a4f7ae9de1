#include "backcare/core/error.hpp"
#include "backcare/core/psfs.hpp"

#include <doctest/doctest.h>

#include <functional>

using namespace backcare;

namespace {

const Date k_today = *parse_date("2026-11-26");

PsfsRating rating(const std::string& at, std::vector<PsfsScore> scores)
{
  return {0, at, std::move(scores)};
}

PsfsRating first_rating()
{
  return rating("2026-09-07T20:00", {{"lift the car seat", 2}, {"walk 30 minutes", 4}, {"sleep on my side", 3}});
}

std::string usage_message(const std::function<void()>& run)
{
  try {
    run();
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    return e.what();
  }
  FAIL("no error");
  return "";
}

} // namespace

TEST_CASE("parse_psfs_item")
{
  SUBCASE("an activity and its score")
  {
    CHECK(parse_psfs_item("lift the car seat=3") == PsfsScore{"lift the car seat", 3});
    CHECK(parse_psfs_item("  walk   30 minutes = 10 ") == PsfsScore{"walk 30 minutes", 10});
    CHECK(parse_psfs_item("sleep=0") == PsfsScore{"sleep", 0});
  }
  SUBCASE("split at the last '='")
  {
    CHECK(parse_psfs_item("a=b=7") == PsfsScore{"a=b", 7});
  }
  SUBCASE("refused with the argument named")
  {
    CHECK(usage_message([] { parse_psfs_item("lift the car seat"); }).find("got 'lift the car seat'")
          != std::string::npos);
    CHECK(usage_message([] { parse_psfs_item("=4"); }).find("the activity before '=' is missing") != std::string::npos);
    CHECK(usage_message([] { parse_psfs_item("walk=11"); })
          == "ACTIVITY=SCORE: the score of 'walk' must be a whole number 0 (unable) to 10 (as before the problem), got "
             "'11'");
    CHECK(usage_message([] { parse_psfs_item("walk=-1"); }).find("got '-1'") != std::string::npos);
    CHECK(usage_message([] { parse_psfs_item("walk=4.5"); }).find("got '4.5'") != std::string::npos);
    CHECK(usage_message([] { parse_psfs_item("walk="); }).find("got ''") != std::string::npos);
  }
}

TEST_CASE("activity_key ignores spaces and ASCII case only")
{
  CHECK(activity_key("  Lift  the Car seat ") == "lift the car seat");
  CHECK(activity_key("Éveil") == "Éveil");
}

TEST_CASE("psfs_problem")
{
  PsfsRating r = first_rating();
  CHECK(psfs_problem(r, k_today).empty());
  CHECK(r.mean() == doctest::Approx(3.0));

  SUBCASE("3-5 activities")
  {
    r.scores.pop_back();
    CHECK(psfs_problem(r, k_today) == "a PSFS rating has 3-5 activities, got 2");
    r.scores = {{"a", 1}, {"b", 1}, {"c", 1}, {"d", 1}, {"e", 1}};
    CHECK(psfs_problem(r, k_today).empty());
    r.scores.push_back({"f", 1});
    CHECK(psfs_problem(r, k_today) == "a PSFS rating has 3-5 activities, got 6");
  }
  SUBCASE("each activity once, whatever its case")
  {
    r.scores[2].activity = "Lift the car seat";
    CHECK(psfs_problem(r, k_today) == "activity 'Lift the car seat' is named twice");
  }
  SUBCASE("names of 1-60 characters without stray spaces or control characters")
  {
    r.scores[0].activity = std::string(60, 'x');
    CHECK(psfs_problem(r, k_today).empty());
    r.scores[0].activity = std::string(61, 'x');
    CHECK(psfs_problem(r, k_today).find("1-60 characters") != std::string::npos);
    r.scores[0].activity = " walk";
    CHECK(psfs_problem(r, k_today).find("1-60 characters") != std::string::npos);
    r.scores[0].activity = "walk\nrun";
    CHECK(psfs_problem(r, k_today).find("control characters") != std::string::npos);
    r.scores[0].activity = "\xff";
    CHECK(psfs_problem(r, k_today).find("UTF-8") != std::string::npos);
  }
  SUBCASE("scores 0-10 and a date up to today")
  {
    r.scores[1].score = 11;
    CHECK(psfs_problem(r, k_today) == "the score of 'walk 30 minutes' must be 0-10, got 11");
    r = first_rating();
    r.at = "2026-11-27T08:00";
    CHECK(psfs_problem(r, k_today) == "'at' 2026-11-27T08:00 is after today (2026-11-26)");
    r.at = "2026-11-26";
    CHECK(psfs_problem(r, k_today).find("'at' must be") != std::string::npos);
  }
}

TEST_CASE("match_activities")
{
  const std::vector<PsfsRating> earlier{first_rating()};

  SUBCASE("the first rating sets the activities")
  {
    CHECK(match_activities(first_rating(), {}, false) == first_rating());
    CHECK(current_activities(earlier)
          == std::vector<std::string>{"lift the car seat", "walk 30 minutes", "sleep on my side"});
  }
  SUBCASE("a later rating is spelt and ordered as the first")
  {
    const PsfsRating later =
        rating("2026-10-12T20:00", {{"Sleep on my side", 5}, {"lift  the car seat", 4}, {"WALK 30 minutes", 5}});
    const PsfsRating matched = match_activities(later, earlier, false);
    CHECK(matched.scores
          == std::vector<PsfsScore>{{"lift the car seat", 4}, {"walk 30 minutes", 5}, {"sleep on my side", 5}});
    CHECK(matched.at == later.at);
  }
  SUBCASE("a typo is refused with the closest name")
  {
    const PsfsRating typo =
        rating("2026-10-12T20:00", {{"lift the car sear", 4}, {"walk 30 minutes", 5}, {"sleep on my side", 5}});
    CHECK(
        usage_message([&] { match_activities(typo, earlier, false); })
        == "'lift the car sear' is not one of your PSFS activities ('lift the car seat', 'walk 30 minutes', 'sleep on "
           "my side'); did you mean 'lift the car seat'? Rate the same activities each time; to start a new set of "
           "activities, add --new-activities");
  }
  SUBCASE("a name far from all of them gets no suggestion")
  {
    const PsfsRating other =
        rating("2026-10-12T20:00", {{"run 5 km", 4}, {"walk 30 minutes", 5}, {"sleep on my side", 5}});
    CHECK(usage_message([&] { match_activities(other, earlier, false); }).find("my side'). Rate the same")
          != std::string::npos);
  }
  SUBCASE("an activity left out is refused")
  {
    const PsfsRating two = rating("2026-10-12T20:00", {{"lift the car seat", 4}, {"sleep on my side", 5}});
    CHECK(usage_message([&] { match_activities(two, earlier, false); })
          == "rate each of your PSFS activities again: 'walk 30 minutes' is missing (your activities: 'lift the car "
             "seat', 'walk 30 minutes', 'sleep on my side'); to start a new set of activities, add --new-activities");
  }
  SUBCASE("--new-activities starts a new set, but not the same one again")
  {
    const PsfsRating fresh = rating("2026-10-12T20:00", {{"run 5 km", 2}, {"carry the buggy", 3}, {"swim", 4}});
    CHECK(match_activities(fresh, earlier, true) == fresh);
    PsfsRating same = first_rating();
    same.scores[0].activity = "LIFT the car seat";
    CHECK(usage_message([&] { match_activities(same, earlier, true); }).starts_with("--new-activities: these are"));
  }
}

TEST_CASE("psfs_trend")
{
  std::vector<PsfsRating> ratings{first_rating()};

  SUBCASE("no rating, one rating")
  {
    CHECK(psfs_trend({}).empty());
    const PsfsTrend one = psfs_trend(ratings);
    CHECK(one.ratings.size() == 1);
    CHECK_FALSE(one.change);
    CHECK(one.verdict == Verdict::insufficient_data);
    CHECK(one.activity_changes.empty());
  }
  SUBCASE("2 points on the mean matter, exactly 2 included")
  {
    ratings.push_back(
        rating("2026-10-12T20:00", {{"lift the car seat", 4}, {"walk 30 minutes", 6}, {"sleep on my side", 5}}));
    const PsfsTrend trend = psfs_trend(ratings);
    CHECK(*trend.change == doctest::Approx(2.0));
    CHECK(trend.verdict == Verdict::improved);
    ratings.back().scores[2].score = 4;
    CHECK(psfs_trend(ratings).verdict == Verdict::no_meaningful_change);
  }
  SUBCASE("worse, and 3 points on one activity")
  {
    ratings.push_back(
        rating("2026-10-12T20:00", {{"lift the car seat", 0}, {"walk 30 minutes", 1}, {"sleep on my side", 2}}));
    const PsfsTrend trend = psfs_trend(ratings);
    CHECK(trend.verdict == Verdict::worse);
    REQUIRE(trend.activity_changes.size() == 3);
    CHECK(trend.activity_changes[0].change == -2);
    CHECK_FALSE(trend.activity_changes[0].important);
    CHECK(trend.activity_changes[1].change == -3);
    CHECK(trend.activity_changes[1].important);
  }
  SUBCASE("only the current set of activities is compared")
  {
    ratings.push_back(rating("2026-10-12T20:00", {{"run 5 km", 2}, {"carry the buggy", 3}, {"swim", 4}}));
    ratings.push_back(rating("2026-11-23T20:00", {{"swim", 8}, {"run 5 km", 6}, {"carry the buggy", 7}}));
    const PsfsTrend trend = psfs_trend(ratings);
    CHECK(trend.earlier_ratings == 1);
    CHECK(trend.ratings.size() == 2);
    CHECK(trend.activities == std::vector<std::string>{"swim", "run 5 km", "carry the buggy"});
    CHECK(*trend.change == doctest::Approx(4.0));
    CHECK(trend.activity_changes[0].activity == "swim");
    CHECK(trend.activity_changes[0].first == 4);
    CHECK(trend.activity_changes[0].last == 8);
  }
}
