#include "backcare/render/psfs.hpp"
#include "backcare/render/trend.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

using namespace backcare;

namespace {

const std::vector<PsfsRating> k_ratings{
    {1, "2026-09-07T20:00", {{"lift the car seat", 2}, {"walk 30 minutes", 4}, {"sleep on my side", 3}}},
    {2, "2026-10-12T20:00", {{"lift the car seat", 4}, {"walk 30 minutes", 5}, {"sleep on my side", 5}}},
    {3, "2026-11-23T20:00", {{"lift the car seat", 7}, {"walk 30 minutes", 6}, {"sleep on my side", 7}}}};

Style plain()
{
  Style style;
  style.color = false;
  return style;
}

} // namespace

TEST_CASE("render_psfs_list")
{
  SUBCASE("text: a row per rating and the change that matters")
  {
    CHECK(render_psfs_list(ListFormat::text, k_ratings, plain())
          == "   id  at                mean  scores (0 unable - 10 as before)\n"
             "    1  2026-09-07T20:00   3.0  lift the car seat 2, walk 30 minutes 4,\n"
             "                               sleep on my side 3\n"
             "    2  2026-10-12T20:00   4.7  lift the car seat 4, walk 30 minutes 5,\n"
             "                               sleep on my side 5\n"
             "    3  2026-11-23T20:00   6.7  lift the car seat 7, walk 30 minutes 6,\n"
             "                               sleep on my side 7\n"
             "\n"
             "PSFS mean 3.0 on 2026-09-07 to 6.7 on 2026-11-23: +3.7 points, a meaningful\n"
             "improvement (the smallest change that matters is 2 points for the mean, 3 for\n"
             "one activity).\n");
    CHECK(render_psfs_list(ListFormat::text, {}, plain()).starts_with("No PSFS ratings yet."));
  }
  SUBCASE("JSON: an array of rating objects, one a line")
  {
    const std::string json = render_psfs_list(ListFormat::json, k_ratings, plain());
    const auto doc = nlohmann::json::parse(json);
    CHECK(doc.size() == 3);
    CHECK(doc[2]["mean"] == 6.7);
    CHECK(render_psfs_list(ListFormat::json, {}, plain()) == "[]\n");
  }
  SUBCASE("CSV: a row per activity")
  {
    const std::string csv = render_psfs_list(ListFormat::csv, k_ratings, plain());
    CHECK(csv.starts_with("id,at,activity,score,mean\r\n1,2026-09-07T20:00,lift the car seat,2,3.0\r\n"));
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 10);
  }
}

TEST_CASE("render_psfs_added")
{
  const std::vector<PsfsRating> one(k_ratings.begin(), k_ratings.begin() + 1);
  CHECK(render_psfs_added(one[0], psfs_trend(one))
        == "PSFS rating 1 saved (2026-09-07T20:00): mean 3.0/10. Rate the same activities again in a week or two to "
           "see the change.\n");
  CHECK(render_psfs_added(k_ratings[2], psfs_trend(k_ratings))
        == "PSFS rating 3 saved (2026-11-23T20:00): mean 6.7/10. PSFS mean 3.0 on 2026-09-07 to 6.7 on 2026-11-23: "
           "+3.7 points, a meaningful improvement (the smallest change that matters is 2 points for the mean, 3 for "
           "one activity).\n");
  // The mean short of 2 points, one activity up by 3: said.
  const std::vector<PsfsRating> small{
      {1, "2026-09-07T20:00", {{"lift the car seat", 3}, {"walk 30 minutes", 5}, {"sleep on my side", 4}}},
      {2, "2026-09-21T20:00", {{"lift the car seat", 6}, {"walk 30 minutes", 5}, {"sleep on my side", 4}}}};
  CHECK(render_psfs_added(small[1], psfs_trend(small))
        == "PSFS rating 2 saved (2026-09-21T20:00): mean 5.0/10. PSFS mean 4.0 on 2026-09-07 to 5.0 on 2026-09-21: "
           "+1.0 points, less than the 2 points that matter (the smallest change that matters is 2 points for the "
           "mean, 3 for one activity). Still, a meaningful change for one activity: lift the car seat +3.\n");
}

TEST_CASE("trend shows the PSFS beside the pain")
{
  TrendReport report;
  report.request.as_of = *parse_date("2026-11-26");
  const PsfsTrend psfs = psfs_trend(k_ratings);
  const PsfsTrend none;

  SUBCASE("text: a few lines at the end, none without ratings")
  {
    const std::string without = render_trend(TrendFormat::text, {report, plain(), nullptr});
    CHECK(render_trend(TrendFormat::text, {report, plain(), &none}) == without);
    const std::string with = render_trend(TrendFormat::text, {report, plain(), &psfs});
    CHECK(with.starts_with(without));
    CHECK(with.substr(without.size())
          == "\nFunction (PSFS: 0 unable to 10 as before, mean of your activities)\n"
             "  2026-09-07 3.0, 2026-10-12 4.7, 2026-11-23 6.7.\n"
             "  PSFS mean 3.0 on 2026-09-07 to 6.7 on 2026-11-23: +3.7 points, a meaningful\n"
             "  improvement (the smallest change that matters is 2 points for the mean, 3 for\n"
             "  one activity).\n");
  }
  SUBCASE("JSON: a psfs block after every trend key, none without ratings")
  {
    const std::string without = render_trend(TrendFormat::json, {report, plain(), nullptr});
    CHECK(render_trend(TrendFormat::json, {report, plain(), &none}) == without);
    const auto plain_doc = nlohmann::ordered_json::parse(without);
    const auto doc = nlohmann::ordered_json::parse(render_trend(TrendFormat::json, {report, plain(), &psfs}));
    CHECK(doc.size() == plain_doc.size() + 1);
    CHECK((--doc.end()).key() == "psfs");
    const auto& block = doc["psfs"];
    CHECK(block["activities"][0] == "lift the car seat");
    CHECK(block["ratings"].size() == 3);
    CHECK(block["ratings"][1]["date"] == "2026-10-12");
    CHECK(block["ratings"][1]["mean"] == 4.7);
    CHECK(block["change"] == 3.7);
    CHECK(block["verdict"] == "improved");
    CHECK(block["important_change"] == nlohmann::ordered_json{{"mean", 2.0}, {"activity", 3}});
    CHECK(block["activity_changes"][1]
          == nlohmann::ordered_json{
              {"activity", "walk 30 minutes"}, {"first", 4}, {"last", 6}, {"change", 2}, {"important", false}});
    CHECK(render_trend(TrendFormat::csv, {report, plain(), &psfs})
          == render_trend(TrendFormat::csv, {report, plain()}));
  }
}
