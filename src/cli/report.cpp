#include "backcare/core/report.hpp"
#include "backcare/render/report.hpp"
#include "backcare/store/files.hpp"
#include "backcare/store/log_summary.hpp"
#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>

namespace backcare::cli {
namespace {

struct ReportOptions {
  std::string since;
  std::string until;
  std::string format = "markdown";
  std::string output;
  bool pregnancy_back_pain = false;
};

int run_report(const ReportOptions& o, const Context& context)
{
  const auto format = parse_choice<ReportFormat>("--format", o.format);
  const Date as_of = context.today();
  const EntryFilter range = parse_date_range(o.since, o.until, as_of);
  ReportInput input;
  input.as_of = as_of;
  input.until = range.until && *range.until < as_of ? *range.until : as_of; // nothing after today counts
  input.since = range.since.value_or(input.until - std::chrono::days{k_report_days - 1});
  const Catalog catalog = load_catalog(context);
  const auto log = open_log(context, LogAccess::read);
  const EntryFilter filter{input.since, input.until};
  input.profile = context.global.profile;
  input.saved = log->profile();
  PlanInputs given;
  if (o.pregnancy_back_pain) {
    input.pregnancy_back_pain = true;
    given.pregnancy_back_pain = true;
  }
  // The same inputs and the same replay as `plan` on the report's last day.
  input.summary = read_log_summary(log.get(), input.until, catalog);
  input.inputs =
      resolve_inputs(given, input.saved, input.summary, plan_defaults(context.global.config.plan), input.until);
  input.days = log->days(filter);
  const PainLog::EntryDigest digest = log->digest(filter, k_clinician_tag);
  for (const PainLog::EntryGroup& group : digest.groups) {
    input.entries.add_group(group.location, group.severity, group.entries, group.last_at);
  }
  for (const Entry& entry : digest.tagged) {
    input.entries.add_note(entry);
  }
  input.screenings = log->screenings(filter);
  input.psfs = log->psfs_ratings(filter);
  write_output(o.output, render_report(format, make_report(catalog, input)));
  return 0;
}

} // namespace

void setup_report(CLI::App& app, Context& context, Action& action)
{
  auto o = std::make_shared<ReportOptions>();
  CLI::App* report = app.add_subcommand("report", "A one-page summary of your records to hand a physiotherapist or GP");
  report->footer("Pain, warning signs and advice, phases, sessions and PSFS over the last 12 weeks (or --since,\n"
                 "--until). Only the notes of log entries tagged 'clinician' are shown. It is a summary of your\n"
                 "own records, not a diagnosis.\n\n"
                 "Example:\n  backcare report --format html --output report.html\n"
                 "  backcare report --since 2026-09-01 --format markdown");
  report->add_option("--since", o->since, "From this date (default: 12 weeks before --until)")->type_name("DATE");
  report->add_option("--until", o->until, "Up to this date (default: today)")->type_name("DATE");
  context.options.choices(
      report->add_option("--format", o->format, choice_help<ReportFormat>(ReportFormat::markdown))->type_name("FORMAT"),
      names_of<ReportFormat>());
  report->add_option("--output", o->output, "Write to FILE (atomically) instead of stdout")->type_name("FILE");
  report->add_flag("--pregnancy-back-pain", o->pregnancy_back_pain,
                   "Had back pain during pregnancy (else: not recorded)");
  on_parsed(*report, action, [o, &context] { return run_report(*o, context); });
  reject_empty_values(*report, context.options);
}

} // namespace backcare::cli
