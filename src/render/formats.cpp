// The output formats of `plan` and `trend`, each mapped to its renderer.
// Adding a format to the word list in core/vocabulary.hpp without a line
// here does not compile.

#include "backcare/render/format_table.hpp"
#include "backcare/render/plan.hpp"
#include "backcare/render/psfs.hpp"
#include "backcare/render/trend.hpp"

namespace backcare {
namespace {

using PlanRenderer = std::string (*)(const PlanRendering&);

constexpr std::array<FormatRenderer<PlanFormat, PlanRenderer>, 5> k_plan_renderers{{
    {PlanFormat::text, [](const PlanRendering& r) { return render_plan_text(r.catalog, r.plan, r.style); }},
    {PlanFormat::json, [](const PlanRendering& r) { return render_plan_json(r.catalog, r.plan); }},
    {PlanFormat::markdown, [](const PlanRendering& r) { return render_plan_markdown(r.catalog, r.plan); }},
    {PlanFormat::csv, [](const PlanRendering& r) { return render_plan_csv(r.catalog, r.plan); }},
    {PlanFormat::ics, [](const PlanRendering& r) { return render_plan_ics(r.catalog, r.plan, r.ics); }},
}};
static_assert(covers_every_format(k_plan_renderers), "every plan format needs a renderer, in enum order");

using TrendRenderer = std::string (*)(const TrendRendering&);

constexpr std::array<FormatRenderer<TrendFormat, TrendRenderer>, 4> k_trend_renderers{{
    {TrendFormat::text,
     [](const TrendRendering& r) {
       return render_trend_text(r.report, r.style) + (r.psfs ? render_psfs_trend_text(*r.psfs, r.style) : "");
     }},
    {TrendFormat::json,
     [](const TrendRendering& r) {
       return r.psfs ? add_psfs_to_trend_json(render_trend_json(r.report), *r.psfs) : render_trend_json(r.report);
     }},
    {TrendFormat::csv, [](const TrendRendering& r) { return render_trend_csv(r.report); }},
    {TrendFormat::svg, [](const TrendRendering& r) { return render_trend_svg(r.report); }},
}};
static_assert(covers_every_format(k_trend_renderers), "every trend format needs a renderer, in enum order");

} // namespace

std::string render_plan(PlanFormat format, const PlanRendering& rendering)
{
  return k_plan_renderers[static_cast<std::size_t>(format)].render(rendering);
}

std::string render_trend(TrendFormat format, const TrendRendering& rendering)
{
  return k_trend_renderers[static_cast<std::size_t>(format)].render(rendering);
}

} // namespace backcare
