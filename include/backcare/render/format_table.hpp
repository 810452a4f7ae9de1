#pragma once

// A table from each output format of a command to its renderer, as ninja's
// kTools maps each tool's name to its function. The formats' names live in
// core (vocabulary.hpp); a table that misses a format, or lists one out of
// order, fails to compile.

#include "backcare/core/vocabulary.hpp"

#include <array>
#include <cstddef>

namespace backcare {

template <typename Format, typename Renderer> struct FormatRenderer {
  Format format;
  Renderer render;
};

// True when `table` has one renderer per format, in the enum's order.
template <typename Format, typename Renderer, std::size_t N>
constexpr bool covers_every_format(const std::array<FormatRenderer<Format, Renderer>, N>& table)
{
  if (N != Vocabulary<Format>::count) {
    return false;
  }
  for (std::size_t i = 0; i < N; ++i) {
    // (Not also `render != nullptr`: under the sanitizers a function's
    // address is not a constant expression.)
    if (static_cast<std::size_t>(table[i].format) != i) {
      return false;
    }
  }
  return true;
}

} // namespace backcare
