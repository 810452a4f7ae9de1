#pragma once

// The Patient-Specific Functional Scale (Stratford et al. 1995): the person
// names 3-5 activities they find hard and rates each from 0 (unable to do
// it) to 10 (able to do it as before the problem); later ratings re-rate the
// same activities, so that each activity becomes a series. Pure.

#include "backcare/core/date.hpp"
#include "backcare/core/vocabulary.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backcare {

struct PsfsScore {
  std::string activity; // as the person named it the first time
  int score = 0;        // 0 (unable) to 10 (as before the problem)

  bool operator==(const PsfsScore&) const = default;
};

struct PsfsRating {
  std::int64_t id = 0; // 0 until stored
  std::string at;      // local time, YYYY-MM-DDTHH:MM
  std::vector<PsfsScore> scores;

  // The PSFS score: the mean of the activities' scores.
  double mean() const;

  bool operator==(const PsfsRating&) const = default;
};

inline constexpr int k_psfs_min_activities = 3;
inline constexpr int k_psfs_max_activities = 5;
inline constexpr int k_psfs_max_score = 10;
inline constexpr std::size_t k_psfs_max_name = 60; // characters
// The smallest change that matters (Stratford 1995): 2 points for the mean
// of the activities, 3 points for one activity.
inline constexpr double k_psfs_mean_change = 2.0;
inline constexpr int k_psfs_activity_change = 3;

// Reads one "ACTIVITY=SCORE" argument, split at the last '='. The name is
// trimmed and inner runs of spaces become one. Throws a usage error naming
// the argument when it is not of that form or the score is not 0-10.
PsfsScore parse_psfs_item(std::string_view text);

// The name an activity is compared by: spaces trimmed and collapsed, ASCII
// letters in lower case ("Lift  the car seat" and "lift the car seat" are
// one activity).
std::string activity_key(std::string_view name);

// What is wrong with a rating, in words; empty when valid. It needs 3-5
// activities, each named once (by activity_key), 1-60 characters of UTF-8
// without control characters, scored 0-10, and may not be after `today`.
std::string psfs_problem(const PsfsRating& rating, Date today);

// The activities a new rating must re-rate: those of the latest of
// `ratings` (sorted by `at`), in its order. Empty when there is none.
std::vector<std::string> current_activities(const std::vector<PsfsRating>& ratings);

// `rating` with its activities matched to the current ones: spelt as they
// were first and in their order. Throws a usage error when a name matches
// no current activity (suggesting the closest, so that a typo never starts
// a new series) or a current activity is left out. With `new_set`, the
// rating starts a new set of activities instead, and is refused when its
// activities are the current ones.
PsfsRating match_activities(PsfsRating rating, const std::vector<PsfsRating>& earlier, bool new_set);

// match_activities for a rating read from a file, which may hold a set
// started with --new-activities: a rating none of whose activities is
// one of the current ones, or close to one, starts a new set; any other
// mismatch (a typo such as 'cc' for 'c', one left out) throws as
// match_activities does.
PsfsRating match_imported_activities(PsfsRating rating, const std::vector<PsfsRating>& earlier);

// One activity from the first rating of the current set to the latest.
struct PsfsActivityChange {
  std::string activity;
  int first = 0;
  int last = 0;
  int change = 0;
  bool important = false; // |change| reaches k_psfs_activity_change
};

// The PSFS series `trend` and `report` show: the ratings of the current set
// of activities (the latest run of ratings of the same activities), the
// change of the mean from the first of them to the latest, judged against
// the smallest change that matters (2 points), and each activity's change
// (3 points). Higher is better: `improved` when the mean rose 2 or more.
struct PsfsTrend {
  std::vector<std::string> activities;          // of the current set, in order
  std::vector<PsfsRating> ratings;              // of the current set, oldest first
  int earlier_ratings = 0;                      // ratings of earlier sets, not compared
  std::optional<double> change;                 // latest mean minus first mean; 2+ ratings
  Verdict verdict = Verdict::insufficient_data; // insufficient-data below 2 ratings
  std::vector<PsfsActivityChange> activity_changes;

  bool empty() const { return ratings.empty(); }
};

// `ratings` sorted by `at`.
PsfsTrend psfs_trend(const std::vector<PsfsRating>& ratings);

} // namespace backcare
