#pragma once

// How far apart two words are, for "did you mean ...?" suggestions.

#include <cstddef>
#include <string_view>
#include <vector>

namespace backcare {

// The Levenshtein distance: the fewest single-character insertions,
// deletions and substitutions that turn `a` into `b` (bytes, not letters).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` that starts with it or is at most
// `max_distance` edits away; empty when none is. Ties go to the first.
std::string_view closest(std::string_view word, const std::vector<std::string_view>& candidates,
                         std::size_t max_distance = 2);

// The one candidate that `word` most likely misspells: the only one that
// starts with it, else the only one nearest to it within min(2, size / 3)
// edits (a short word is near to too much); empty when there is none, or
// more than one.
std::string_view likely_meant(std::string_view word, const std::vector<std::string_view>& candidates);

} // namespace backcare
