#pragma once

// Renderers for `backcare trend`: text, JSON, CSV and an SVG chart.

#include "backcare/core/psfs.hpp"
#include "backcare/core/trend.hpp"
#include "backcare/core/vocabulary.hpp"
#include "backcare/render/style.hpp"

#include <string>

namespace backcare {

std::string render_trend_text(const TrendReport& report, const Style& style);
std::string render_trend_json(const TrendReport& report);
std::string render_trend_csv(const TrendReport& report);
std::string render_trend_svg(const TrendReport& report);

struct TrendRendering {
  const TrendReport& report;
  Style style;                     // text
  const PsfsTrend* psfs = nullptr; // text and JSON: the PSFS series beside the pain (render/psfs.hpp)
};

// The report in `format`: a table maps each TrendFormat to its renderer.
std::string render_trend(TrendFormat format, const TrendRendering& rendering);

// Rounds to one decimal, as every trend figure is shown.
double round1(double value);

// A verdict in words: "improved", "worse", "no meaningful change", "not
// enough data yet".
std::string_view verdict_words(Verdict verdict);

} // namespace backcare
