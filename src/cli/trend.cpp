#include "backcare/render/trend.hpp"
#include "backcare/core/error.hpp"
#include "backcare/core/planner.hpp"
#include "backcare/store/files.hpp"
#include "backcare/store/log_summary.hpp"
#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>

namespace backcare::cli {
namespace {

struct TrendOptions {
  std::string since;
  std::string until;
  std::string by = "week";
  std::string format = "text";
  std::string output;
};

// What the plan asked for day by day, from the plan `plan` would print
// today; nullopt when it cannot be made (no birth date or no pain logged) or
// gives no exercise (care is needed now).
std::optional<PlannedSessions> plan_sessions(const Catalog& catalog, const ResolvedInputs& inputs,
                                             const LogSummary& summary, Date as_of)
{
  if (!inputs.missing.empty()) {
    return std::nullopt;
  }
  const Plan plan = make_plan(catalog, plan_request(inputs, summary, as_of, next_monday_after(as_of)));
  return plan.current_phase > 0 ? std::optional<PlannedSessions>(plan.planned_sessions()) : std::nullopt;
}

int run_trend(const TrendOptions& o, const Context& context)
{
  const auto by = parse_choice<PeriodKind>("--by", o.by);
  const auto format = parse_choice<TrendFormat>("--format", o.format);
  const Date as_of = context.today();
  EntryFilter filter = parse_date_range(o.since, o.until, as_of);
  if (!filter.until || *filter.until > as_of) {
    filter.until = as_of; // nothing logged after "today" counts
  }
  const Catalog catalog = load_catalog(context);
  TrendRequest request;
  request.as_of = as_of;
  request.by = by;
  request.since = filter.since;
  request.until = filter.until;
  const auto log = open_log(context, LogAccess::read);
  const LogSummary summary = read_log_summary(log.get(), as_of, catalog);
  // The same inputs (config defaults included) and rules as `plan`, so the
  // two never disagree.
  const ResolvedInputs inputs =
      resolve_inputs({}, log->profile(), summary, plan_defaults(context.global.config.plan), as_of);
  const Situation& s = inputs.situation;
  request.birth_date = s.birth_date;
  if (s.pain_days) {
    request.pain_since = as_of - std::chrono::days{*s.pain_days};
  }
  for (const FiredRule& fired : run_triage(catalog, s).fired) {
    if (fired.rule->level >= Level::refer) { // what plan says, care-now signs first
      request.referrals.push_back(fired.rule);
    }
  }
  request.sessions = summary.sessions;
  request.planned = plan_sessions(catalog, inputs, summary, as_of);
  std::vector<DaySummary> days; // the summary's days, within the range
  for (const DaySummary& day : summary.days) {
    if ((!filter.since || day.day >= *filter.since) && (!filter.until || day.day <= *filter.until)) {
      days.push_back(day);
    }
  }
  const TrendReport report = make_trend(catalog, request, std::move(days));
  Style style;
  style.color = context.use_color(o.output.empty() || is_standard_stream(o.output));
  style.width = context.text_width(o.output.empty() || is_standard_stream(o.output));
  style.unicode = context.utf8_locale();
  const PsfsTrend psfs = psfs_trend(log->psfs_ratings(filter));
  write_output(o.output, render_trend(format, {report, style, &psfs}));
  return 0;
}

} // namespace

void setup_trend(CLI::App& app, Context& context, Action& action)
{
  auto o = std::make_shared<TrendOptions>();
  CLI::App* trend = app.add_subcommand("trend", "Is the pain really getting better? Weekly figures, chart, verdict");
  trend->footer("Example:\n  backcare trend --by week\n  backcare trend --format svg --output pain.svg");
  trend->add_option("--since", o->since, "From this date")->type_name("DATE");
  trend->add_option("--until", o->until, "Up to this date")->type_name("DATE");
  context.options.choices(
      trend
          ->add_option("--by", o->by,
                       "Periods: " + choice_help<PeriodKind>(PeriodKind::week) + "; weeks are ISO weeks, from Monday")
          ->type_name("PERIOD"),
      names_of<PeriodKind>());
  context.options.choices(
      trend->add_option("--format", o->format, choice_help<TrendFormat>(TrendFormat::text))->type_name("FORMAT"),
      names_of<TrendFormat>());
  trend->add_option("--output", o->output, "Write to FILE (atomically) instead of stdout")->type_name("FILE");
  on_parsed(*trend, action, [o, &context] { return run_trend(*o, context); });
  reject_empty_values(*trend, context.options);
}

} // namespace backcare::cli
