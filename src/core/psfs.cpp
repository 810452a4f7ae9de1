#include "backcare/core/psfs.hpp"

#include "backcare/core/edit_distance.hpp"
#include "backcare/core/entry.hpp"
#include "backcare/core/error.hpp"
#include "backcare/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace backcare {
namespace {

bool is_space(char c)
{
  return c == ' ' || c == '\t';
}

// Spaces trimmed and inner runs made one.
std::string normalised(std::string_view name)
{
  std::string out;
  bool space = false;
  for (const char c : name) {
    if (is_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    out += c;
  }
  return out;
}

std::size_t characters(std::string_view text)
{
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool has_control(std::string_view text)
{
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7F;
  });
}

std::vector<std::string> keys_of(const std::vector<PsfsScore>& scores)
{
  std::vector<std::string> keys;
  keys.reserve(scores.size());
  for (const PsfsScore& score : scores) {
    keys.push_back(activity_key(score.activity));
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::string quoted_list(const std::vector<std::string>& names)
{
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    out += fmt::format("{}'{}'", i == 0 ? "" : ", ", names[i]);
  }
  return out;
}

} // namespace

double PsfsRating::mean() const
{
  if (scores.empty()) {
    return 0;
  }
  double sum = 0;
  for (const PsfsScore& score : scores) {
    sum += score.score;
  }
  return sum / static_cast<double>(scores.size());
}

PsfsScore parse_psfs_item(std::string_view text)
{
  const auto equals = text.rfind('=');
  if (equals == std::string_view::npos) {
    throw usage_error(fmt::format("ACTIVITY=SCORE: give each activity with its score 0-10, such as "
                                  "\"lift the car seat=4\"; got '{}'",
                                  text));
  }
  PsfsScore item;
  item.activity = normalised(text.substr(0, equals));
  const std::string score = normalised(text.substr(equals + 1));
  if (item.activity.empty()) {
    throw usage_error(fmt::format("ACTIVITY=SCORE: the activity before '=' is missing in '{}'", text));
  }
  const char* end = score.data() + score.size();
  const auto [ptr, ec] = std::from_chars(score.data(), end, item.score);
  if (score.empty() || ec != std::errc() || ptr != end || item.score < 0 || item.score > k_psfs_max_score) {
    throw usage_error(fmt::format("ACTIVITY=SCORE: the score of '{}' must be a whole number 0 (unable) to 10 (as "
                                  "before the problem), got '{}'",
                                  item.activity, score));
  }
  return item;
}

std::string activity_key(std::string_view name)
{
  std::string key = normalised(name);
  std::transform(key.begin(), key.end(), key.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return key;
}

std::string psfs_problem(const PsfsRating& rating, Date today)
{
  const auto at = parse_datetime(rating.at);
  if (!at || *at != rating.at) {
    return fmt::format("'at' must be YYYY-MM-DD or YYYY-MM-DDTHH:MM, got '{}'", rating.at);
  }
  if (date_of(rating.at) > today) {
    return fmt::format("'at' {} is after today ({})", rating.at, format_date(today));
  }
  const auto count = static_cast<int>(rating.scores.size());
  if (count < k_psfs_min_activities || count > k_psfs_max_activities) {
    return fmt::format("a PSFS rating has {}-{} activities, got {}", k_psfs_min_activities, k_psfs_max_activities,
                       count);
  }
  std::vector<std::string> seen;
  for (const PsfsScore& item : rating.scores) {
    if (!is_valid_utf8(item.activity) || has_control(item.activity)) {
      return fmt::format("activity '{}' must be UTF-8 text without control characters", item.activity);
    }
    if (item.activity.empty() || item.activity != normalised(item.activity)
        || characters(item.activity) > k_psfs_max_name) {
      return fmt::format("activity '{}' must be 1-{} characters, without leading, trailing or double spaces",
                         item.activity, k_psfs_max_name);
    }
    if (item.score < 0 || item.score > k_psfs_max_score) {
      return fmt::format("the score of '{}' must be 0-10, got {}", item.activity, item.score);
    }
    const std::string key = activity_key(item.activity);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      return fmt::format("activity '{}' is named twice", item.activity);
    }
    seen.push_back(key);
  }
  return {};
}

std::vector<std::string> current_activities(const std::vector<PsfsRating>& ratings)
{
  std::vector<std::string> names;
  if (!ratings.empty()) {
    for (const PsfsScore& item : ratings.back().scores) {
      names.push_back(item.activity);
    }
  }
  return names;
}

PsfsRating match_activities(PsfsRating rating, const std::vector<PsfsRating>& earlier, bool new_set)
{
  const std::vector<std::string> current = current_activities(earlier);
  if (current.empty()) {
    return rating;
  }
  if (new_set) {
    if (keys_of(rating.scores) == keys_of(earlier.back().scores)) {
      throw usage_error(fmt::format("--new-activities: these are the activities you rate already ({}); leave "
                                    "--new-activities out to rate them again",
                                    quoted_list(current)));
    }
    return rating;
  }
  std::vector<std::string> keys;
  keys.reserve(current.size());
  std::vector<std::string_view> candidates;
  for (const std::string& name : current) {
    keys.push_back(activity_key(name));
  }
  candidates.assign(keys.begin(), keys.end());
  std::vector<PsfsScore> matched(current.size(), PsfsScore{});
  std::vector<bool> rated(current.size(), false);
  for (const PsfsScore& item : rating.scores) {
    const std::string key = activity_key(item.activity);
    const auto found = std::find(keys.begin(), keys.end(), key);
    if (found == keys.end()) {
      const std::string_view near = closest(key, candidates, std::max<std::size_t>(2, key.size() / 4));
      const std::string suggestion =
          near.empty() ? std::string(".")
                       : fmt::format(
                           "; did you mean '{}'?",
                           current[static_cast<std::size_t>(std::find(keys.begin(), keys.end(), near) - keys.begin())]);
      throw usage_error(fmt::format("'{}' is not one of your PSFS activities ({}){} Rate the same activities each "
                                    "time; to start a new set of activities, add --new-activities",
                                    item.activity, quoted_list(current), suggestion));
    }
    const auto index = static_cast<std::size_t>(found - keys.begin());
    matched[index] = {current[index], item.score};
    rated[index] = true;
  }
  std::vector<std::string> missing;
  for (std::size_t i = 0; i < current.size(); ++i) {
    if (!rated[i]) {
      missing.push_back(current[i]);
    }
  }
  if (!missing.empty()) {
    throw usage_error(fmt::format("rate each of your PSFS activities again: {} {} missing (your activities: {}); to "
                                  "start a new set of activities, add --new-activities",
                                  quoted_list(missing), missing.size() == 1 ? "is" : "are", quoted_list(current)));
  }
  rating.scores = std::move(matched);
  return rating;
}

PsfsRating match_imported_activities(PsfsRating rating, const std::vector<PsfsRating>& earlier)
{
  std::vector<std::string> keys;
  for (const std::string& name : current_activities(earlier)) {
    keys.push_back(activity_key(name));
  }
  const std::vector<std::string_view> candidates(keys.begin(), keys.end());
  const bool related = std::any_of(rating.scores.begin(), rating.scores.end(), [&](const PsfsScore& item) {
    const std::string key = activity_key(item.activity);
    return !closest(key, candidates, std::max<std::size_t>(2, key.size() / 4)).empty();
  });
  return related ? match_activities(std::move(rating), earlier, false) : rating;
}

PsfsTrend psfs_trend(const std::vector<PsfsRating>& ratings)
{
  PsfsTrend trend;
  if (ratings.empty()) {
    return trend;
  }
  const std::vector<std::string> current = keys_of(ratings.back().scores);
  auto first = ratings.end();
  while (first != ratings.begin() && keys_of(std::prev(first)->scores) == current) {
    --first;
  }
  trend.earlier_ratings = static_cast<int>(first - ratings.begin());
  trend.ratings.assign(first, ratings.end());
  trend.activities = current_activities(ratings);
  if (trend.ratings.size() < 2) {
    return trend;
  }
  const PsfsRating& from = trend.ratings.front();
  const PsfsRating& to = trend.ratings.back();
  trend.change = to.mean() - from.mean();
  // A hair of tolerance, as for the pain verdict: exactly 2 points counts.
  const double needed = k_psfs_mean_change - 1e-9;
  trend.verdict = *trend.change >= needed    ? Verdict::improved
                  : *trend.change <= -needed ? Verdict::worse
                                             : Verdict::no_meaningful_change;
  for (const PsfsScore& latest : to.scores) {
    const auto earlier = std::find_if(from.scores.begin(), from.scores.end(), [&](const PsfsScore& item) {
      return activity_key(item.activity) == activity_key(latest.activity);
    });
    const int change = latest.score - earlier->score;
    trend.activity_changes.push_back(
        {latest.activity, earlier->score, latest.score, change, std::abs(change) >= k_psfs_activity_change});
  }
  return trend;
}

} // namespace backcare
