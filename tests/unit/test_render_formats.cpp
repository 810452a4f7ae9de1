// The format -> renderer tables of src/render/formats.cpp. Every format in a
// command's word list renders, and no two alike, without this file naming
// them: adding a format is one line in vocabulary.hpp and one in the table.
// Each format of today goes to the renderer of its name.

#include "backcare/render/plan.hpp"
#include "backcare/render/trend.hpp"
#include "tiny_catalog.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace backcare;

namespace {

Plan sample_plan(const std::vector<std::string>& symptoms = {})
{
  PlanRequest r;
  r.situation.weeks_postpartum = 10;
  r.situation.severity = 4;
  r.situation.symptoms = symptoms;
  r.as_of = *parse_date("2026-11-26");
  r.start = *parse_date("2026-11-30");
  return make_plan(tiny_catalog(), r);
}

TrendReport sample_report(bool empty = false)
{
  TrendRequest r;
  r.as_of = *parse_date("2026-11-26");
  std::vector<DaySummary> days;
  if (!empty) {
    days = {{*parse_date("2026-11-20"), 2, 4.5, 4, 5}, {*parse_date("2026-11-26"), 1, 3, 3, 3}};
  }
  return make_trend(tiny_catalog(), r, days);
}

} // namespace

TEST_CASE("render_plan: every PlanFormat renders, no two alike")
{
  for (const Plan& plan : {sample_plan(), sample_plan({"chest-pain"})}) {
    const PlanRendering rendering{tiny_catalog(), plan, Style{}, IcsOptions{}};
    std::set<std::string> outputs;
    for (const PlanFormat format : values_of<PlanFormat>()) {
      CAPTURE(name_of(format));
      const std::string out = render_plan(format, rendering);
      CHECK_FALSE(out.empty());
      outputs.insert(out);
    }
    CHECK(outputs.size() == values_of<PlanFormat>().size());
  }
}

TEST_CASE("render_plan: each format goes to the renderer of its name, with the rendering's options")
{
  const Plan plan = sample_plan();
  Style style;
  style.explain = true;
  IcsOptions ics;
  ics.version = "9.9";
  ics.profile = "anna";
  const PlanRendering r{tiny_catalog(), plan, style, ics};
  CHECK(render_plan(PlanFormat::text, r) == render_plan_text(tiny_catalog(), plan, style));
  CHECK(render_plan(PlanFormat::json, r) == render_plan_json(tiny_catalog(), plan));
  CHECK(render_plan(PlanFormat::markdown, r) == render_plan_markdown(tiny_catalog(), plan));
  CHECK(render_plan(PlanFormat::csv, r) == render_plan_csv(tiny_catalog(), plan));
  CHECK(render_plan(PlanFormat::ics, r) == render_plan_ics(tiny_catalog(), plan, ics));
  CHECK(render_plan(PlanFormat::text, r).find("Why this plan") != std::string::npos);
  CHECK(render_plan(PlanFormat::ics, r).find("UID:backcare-anna-") != std::string::npos);
}

TEST_CASE("render_trend: every TrendFormat renders, no two alike")
{
  for (const bool empty : {false, true}) {
    CAPTURE(empty);
    const TrendReport report = sample_report(empty);
    std::set<std::string> outputs;
    for (const TrendFormat format : values_of<TrendFormat>()) {
      CAPTURE(name_of(format));
      const std::string out = render_trend(format, {report, Style{}});
      CHECK_FALSE(out.empty());
      outputs.insert(out);
    }
    CHECK(outputs.size() == values_of<TrendFormat>().size());
  }
}

TEST_CASE("render_trend: each format goes to the renderer of its name, with the rendering's style")
{
  const TrendReport report = sample_report();
  Style ascii;
  ascii.unicode = false;
  const TrendRendering r{report, ascii};
  CHECK(render_trend(TrendFormat::text, r) == render_trend_text(report, ascii));
  CHECK(render_trend(TrendFormat::text, r) != render_trend_text(report, Style{}));
  CHECK(render_trend(TrendFormat::json, r) == render_trend_json(report));
  CHECK(render_trend(TrendFormat::csv, r) == render_trend_csv(report));
  CHECK(render_trend(TrendFormat::svg, r) == render_trend_svg(report));
}
