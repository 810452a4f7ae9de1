#pragma once

// How text output looks: one style for every text renderer, and one way to
// colour text.

#include <string>
#include <string_view>

namespace backcare {

struct Style {
  bool color = false;   // ANSI colours (the CLI decides: --color, NO_COLOR, a terminal)
  bool unicode = true;  // block characters in charts; ASCII when the locale is not UTF-8
  bool explain = false; // plan: show which rules fired and why
  int width = 80;
};

// Red for what needs care, yellow for a caution, green for what is fine.
enum class Paint { bold, red, yellow, green, bold_red, bold_yellow };

// `text` in the colour of `paint` when `style.color`, else unchanged.
std::string paint(std::string_view text, Paint paint, const Style& style);

// Word-wraps `text` to `width` columns; the first line starts with `first`,
// the rest with `rest` (both count toward the width).
std::string wrap(std::string_view text, int width, std::string_view first, std::string_view rest);

} // namespace backcare
