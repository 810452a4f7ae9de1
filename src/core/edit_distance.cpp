#include "backcare/core/edit_distance.hpp"

#include <algorithm>

namespace backcare {

std::size_t edit_distance(std::string_view a, std::string_view b)
{
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string_view closest(std::string_view word, const std::vector<std::string_view>& candidates,
                         std::size_t max_distance)
{
  std::string_view best;
  std::size_t best_distance = max_distance + 1;
  for (std::string_view candidate : candidates) {
    const std::size_t distance = candidate.starts_with(word) ? 0 : edit_distance(word, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string_view likely_meant(std::string_view word, const std::vector<std::string_view>& candidates)
{
  const auto starts = [&](std::string_view candidate) { return candidate.starts_with(word); };
  if (!word.empty() && std::count_if(candidates.begin(), candidates.end(), starts) == 1) {
    return *std::find_if(candidates.begin(), candidates.end(), starts);
  }
  std::string_view best;
  std::size_t best_distance = std::min<std::size_t>(2, word.size() / 3) + 1;
  bool tied = false;
  for (std::string_view candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
      tied = false;
    } else if (distance == best_distance && !best.empty()) {
      tied = true;
    }
  }
  return tied ? std::string_view() : best;
}

} // namespace backcare
