#include "backcare/core/error.hpp"
#include "backcare/core/psfs_codec.hpp"

#include <doctest/doctest.h>

using namespace backcare;

namespace {

const Date k_today = *parse_date("2026-11-26");

PsfsRating sample()
{
  return {7, "2026-09-07T20:00", {{"lift the car seat", 2}, {"walk, then rest", 4}, {"=sleep", 3}}};
}

std::string data_message(const std::string& text)
{
  try {
    read_psfs_json("in.json", text, k_today);
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::data);
    return e.what();
  }
  FAIL("no error");
  return "";
}

} // namespace

TEST_CASE("psfs_json and read_psfs_json round-trip")
{
  const std::string json = psfs_json(sample());
  CHECK(json
        == R"({"id":7,"at":"2026-09-07T20:00","scores":[{"activity":"lift the car seat","score":2},)"
           R"({"activity":"walk, then rest","score":4},{"activity":"=sleep","score":3}],"mean":3.0})");
  const auto back = read_psfs_json("in.json", "[" + json + "]", k_today);
  REQUIRE(back.size() == 1);
  CHECK(back[0] == sample());
}

TEST_CASE("psfs_csv: one row per activity, free text guarded")
{
  CHECK(psfs_csv_header() == "id,at,activity,score,mean\r\n");
  CHECK(psfs_csv(sample())
        == "7,2026-09-07T20:00,lift the car seat,2,3.0\r\n"
           "7,2026-09-07T20:00,\"walk, then rest\",4,3.0\r\n"
           "7,2026-09-07T20:00,'=sleep,3,3.0\r\n");
}

TEST_CASE("read_psfs_json: only id and mean may be left out")
{
  const auto ratings = read_psfs_json(
      "in.json",
      R"([{"at":"2026-09-07","scores":[{"activity":"a","score":1},{"activity":"b","score":2},{"activity":"c","score":3}]}])",
      k_today);
  REQUIRE(ratings.size() == 1);
  CHECK(ratings[0].id == 0);
  CHECK(ratings[0].at == "2026-09-07T00:00");
}

TEST_CASE("read_psfs_json refuses a bad rating, naming it")
{
  const std::string three = R"([{"activity":"a","score":1},{"activity":"b","score":2},{"activity":"c","score":3}])";
  CHECK(data_message("{}")
        == "in.json: not a PSFS export (a JSON array of ratings, as backcare measure export "
           "writes); nothing was imported");
  CHECK(data_message("[1]") == "in.json: rating 1: each rating must be an object; nothing was imported");
  CHECK(data_message(R"([{"at":"2026-09-07","scores":)" + three + R"(,"x":1}])")
        == "in.json: rating 1: unknown key 'x'; nothing was imported");
  CHECK(data_message(R"([{"scores":)" + three + "}]").find("'at' is missing") != std::string::npos);
  CHECK(
      data_message(
          R"([{"at":"2026-09-07","scores":[{"activity":"a","score":11},{"activity":"b","score":2},{"activity":"c","score":3}]}])")
      == "in.json: rating 1: the score of 'a' must be 0-10, got 11; nothing was imported");
  CHECK(data_message(R"([{"at":"2026-09-07","scores":[{"activity":"a","score":1}]}])")
        == "in.json: rating 1: a PSFS rating has 3-5 activities, got 1; nothing was imported");
  CHECK(data_message(R"([{"at":"2026-12-01","scores":)" + three + "}]").find("after today") != std::string::npos);
  CHECK(data_message(R"([{"at":"2026-09-07","scores":[{"activity":"a"}]}])").find("'scores' must be an array")
        != std::string::npos);
}
