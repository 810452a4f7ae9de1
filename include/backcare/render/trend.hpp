#pragma once

// Renderers for `backcare trend`: text, JSON, CSV and an SVG chart.

#include "backcare/core/trend.hpp"

#include <string>

namespace backcare {

struct TrendStyle {
  bool color = false;
  bool unicode = true; // block characters; ASCII when the locale is not UTF-8
  int width = 80;
};

std::string render_trend_text(const TrendReport& report, const TrendStyle& style);
std::string render_trend_json(const TrendReport& report);
std::string render_trend_csv(const TrendReport& report);
std::string render_trend_svg(const TrendReport& report);

// Rounds to one decimal, as every trend figure is shown.
double round1(double value);

} // namespace backcare
