#include "backcare/core/psfs_codec.hpp"

#include "backcare/core/entry.hpp"
#include "backcare/core/entry_codec.hpp"
#include "backcare/core/error.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace backcare {
namespace {

using Json = nlohmann::ordered_json;

} // namespace

double psfs_round(double value)
{
  const double rounded = std::round(value * 10.0) / 10.0;
  return rounded == 0.0 ? 0.0 : rounded;
}

std::string psfs_json(const PsfsRating& rating)
{
  Json scores = Json::array();
  for (const PsfsScore& item : rating.scores) {
    scores.push_back({{"activity", item.activity}, {"score", item.score}});
  }
  Json j;
  j["id"] = rating.id;
  j["at"] = rating.at;
  j["scores"] = std::move(scores);
  j["mean"] = psfs_round(rating.mean());
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string psfs_csv_header()
{
  return "id,at,activity,score,mean\r\n";
}

std::string psfs_csv(const PsfsRating& rating)
{
  std::string out;
  for (const PsfsScore& item : rating.scores) {
    out += fmt::format("{},{},{},{},{:.1f}\r\n", rating.id, rating.at, csv_field(item.activity, true), item.score,
                       psfs_round(rating.mean()));
  }
  return out;
}

std::vector<PsfsRating> read_psfs_json(const std::string& name, const std::string& text, Date today)
{
  const Json doc = Json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_array()) {
    throw Error(ExitCode::data,
                fmt::format("{}: not a PSFS export (a JSON array of ratings, as backcare measure export writes); "
                            "nothing was imported",
                            name));
  }
  std::vector<PsfsRating> ratings;
  std::size_t index = 0;
  for (const Json& item : doc) {
    ++index;
    const auto bad = [&](const std::string& message) {
      throw Error(ExitCode::data, fmt::format("{}: rating {}: {}; nothing was imported", name, index, message));
    };
    if (!item.is_object()) {
      bad("each rating must be an object");
    }
    for (const auto& [key, value] : item.items()) {
      if (std::find(k_psfs_keys.begin(), k_psfs_keys.end(), key) == k_psfs_keys.end()) {
        bad(fmt::format("unknown key '{}'", key));
      }
    }
    PsfsRating rating;
    if (item.contains("id") && !item["id"].is_null()) {
      if (!item["id"].is_number_integer() || item["id"].get<std::int64_t>() < 0) {
        bad("'id' must be a whole number");
      }
      rating.id = item["id"].get<std::int64_t>();
    }
    if (!item.contains("at") || !item["at"].is_string()) {
      bad("'at' is missing or not a string");
    }
    const auto at = parse_datetime(item["at"].get<std::string>());
    if (!at) {
      bad(fmt::format("'at' must be YYYY-MM-DD or YYYY-MM-DDTHH:MM, got '{}'", item["at"].get<std::string>()));
    }
    rating.at = *at;
    if (!item.contains("scores") || !item["scores"].is_array()) {
      bad("'scores' must be an array of {\"activity\", \"score\"} objects");
    }
    for (const Json& score : item["scores"]) {
      const bool shaped = score.is_object() && score.size() == 2 && score.contains("activity")
                          && score["activity"].is_string() && score.contains("score")
                          && score["score"].is_number_integer();
      if (!shaped) {
        bad("'scores' must be an array of {\"activity\", \"score\"} objects");
      }
      const auto value = score["score"].get<std::int64_t>();
      if (value < 0 || value > k_psfs_max_score) {
        bad(fmt::format("the score of '{}' must be 0-10, got {}", score["activity"].get<std::string>(), value));
      }
      rating.scores.push_back({score["activity"].get<std::string>(), static_cast<int>(value)});
    }
    if (const std::string problem = psfs_problem(rating, today); !problem.empty()) {
      bad(problem);
    }
    ratings.push_back(std::move(rating));
  }
  return ratings;
}

} // namespace backcare
