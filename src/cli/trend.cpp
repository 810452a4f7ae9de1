#include "backcare/render/trend.hpp"
#include "backcare/core/error.hpp"
#include "backcare/store/files.hpp"
#include "backcare/store/log_summary.hpp"
#include "choices.hpp"
#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>

namespace backcare::cli {
namespace {

const std::vector<std::string> k_periods{"day", "week", "month"};
const std::vector<std::string> k_formats{"text", "json", "csv", "svg"};

struct TrendOptions {
  std::string since;
  std::string until;
  std::string by = "week";
  std::string format = "text";
  std::string output;
};

int run_trend(const TrendOptions& o, const GlobalOptions& global)
{
  check_choice("--by", o.by, k_periods);
  check_choice("--format", o.format, k_formats);
  EntryFilter filter = parse_date_range(o.since, o.until);
  const Date as_of = today(global);
  if (!filter.until || *filter.until > as_of) {
    filter.until = as_of; // nothing logged after "today" counts
  }
  const Catalog catalog = load_catalog(global);
  TrendRequest request;
  request.as_of = as_of;
  request.by = *parse_period_kind(o.by);
  std::vector<DaySummary> days;
  if (const auto log = open_log(global, false)) {
    // The same inputs and rules as `plan`, so the two never disagree.
    const ResolvedInputs inputs = resolve_inputs({}, log->profile(), read_log_summary(log.get(), as_of), {}, as_of);
    const Situation& s = inputs.situation;
    request.birth_date = s.birth_date;
    if (s.pain_days) {
      request.pain_since = as_of - std::chrono::days{*s.pain_days};
    }
    for (const FiredRule& fired : run_triage(catalog, s).fired) {
      if (fired.rule->level == Level::refer) {
        request.referrals.push_back(fired.rule);
      }
    }
    days = log->days(filter);
  }
  const TrendReport report = make_trend(catalog, request, std::move(days));
  std::string content;
  if (o.format == "json") {
    content = render_trend_json(report);
  } else if (o.format == "csv") {
    content = render_trend_csv(report);
  } else if (o.format == "svg") {
    content = render_trend_svg(report);
  } else {
    TrendStyle style;
    style.color = use_color(global, o.output.empty());
    style.unicode = utf8_locale();
    content = render_trend_text(report, style);
  }
  write_output(o.output, content);
  return 0;
}

} // namespace

void setup_trend(CLI::App& app, const GlobalOptions& global, Action& action)
{
  auto o = std::make_shared<TrendOptions>();
  CLI::App* trend = app.add_subcommand("trend", "Is the pain really getting better? Weekly figures, chart, verdict");
  trend->footer("Example:\n  backcare trend --by week\n  backcare trend --format svg --output pain.svg");
  trend->add_option("--since", o->since, "From this date")->type_name("DATE");
  trend->add_option("--until", o->until, "Up to this date")->type_name("DATE");
  with_choices(trend->add_option("--by", o->by, "Periods: day, week (default; ISO weeks from Monday) or month")
                   ->type_name("PERIOD"),
               k_periods);
  with_choices(trend->add_option("--format", o->format, "text (default), json, csv or svg")->type_name("FORMAT"),
               k_formats);
  trend->add_option("--output", o->output, "Write to FILE (atomically) instead of stdout")->type_name("FILE");
  on_parsed(*trend, action, [o, &global] { return run_trend(*o, global); });
  reject_empty_values(*trend);
}

} // namespace backcare::cli
