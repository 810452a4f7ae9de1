#include "backcare/render/plan.hpp"
#include "backcare/core/catalog.hpp"
#include "backcare/core/entry.hpp"
#include "backcare/core/error.hpp"
#include "backcare/core/planner.hpp"
#include "backcare/store/files.hpp"
#include "backcare/store/log_summary.hpp"
#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>

namespace backcare::cli {
namespace {

struct PlanOptions {
  std::string weeks;
  std::string birth_date;
  std::string pain_duration;
  std::string pain_since;
  std::string severity;
  std::string delivery;
  std::vector<std::string> postures;
  std::vector<std::string> symptoms;
  bool screen = false;
  std::vector<std::string> equipment;
  bool pregnancy_back_pain = false;
  std::string phase;
  std::string format;
  std::string start;
  std::string weeks_ahead;
  std::string output;
  std::string time;
  std::string remind;
  bool explain = false;
};

// The iCalendar options, checked: --time HH:MM and --remind MINUTES belong
// to --format ics only.
IcsOptions read_ics_options(const PlanOptions& o, const Context& context)
{
  if (o.format != name_of(PlanFormat::ics) && (!o.time.empty() || !o.remind.empty())) {
    throw usage_error(fmt::format("{} only applies to --format ics", o.time.empty() ? "--remind" : "--time"));
  }
  if (o.format == name_of(PlanFormat::ics) && !o.phase.empty()) {
    throw usage_error("--phase shows a preview, and a calendar file would replace your real plan's events: leave out "
                      "--phase with --format ics");
  }
  IcsOptions ics;
  ics.version = BACKCARE_VERSION;
  ics.profile = context.global.profile;
  ics.stamp = context.stamp();
  if (!o.time.empty()) {
    check_clock_time("--time", o.time);
    ics.time_hhmm = o.time.substr(0, 2) + o.time.substr(3, 2);
  }
  if (!o.remind.empty()) {
    ics.remind_minutes = parse_number("--remind", o.remind, 0, 10080);
  }
  return ics;
}

// Collects the usage errors of the plan's options instead of stopping at
// the first: a warning sign must win over any missing or invalid input, so
// the errors only count once triage has found no urgent or emergency sign.
class Problems {
public:
  template <typename Read> void check(Read read)
  {
    try {
      read();
    } catch (const Error& e) {
      if (e.code() != ExitCode::usage) {
        throw;
      }
      m_errors.push_back(e);
    }
  }

  // Throws the first error when care is not needed now; otherwise notes on
  // stderr what was left out.
  void settle(bool care_now) const
  {
    if (m_errors.empty()) {
      return;
    }
    if (!care_now) {
      throw m_errors.front();
    }
    for (const Error& e : m_errors) {
      std::cerr << "backcare: note: left out because a warning sign comes first: " << e.what() << '\n';
    }
  }

private:
  std::vector<Error> m_errors;
};

template <typename T> void add_unique(std::vector<T>& items, const T& item)
{
  if (std::find(items.begin(), items.end(), item) == items.end()) {
    items.push_back(item);
  }
}

// The command line's values, typed. Each bad value is a problem, not a stop.
PlanInputs read_given(const PlanOptions& o, const Catalog& catalog, Date as_of, Problems& problems)
{
  PlanInputs given;
  for (const std::string& id : o.symptoms) {
    problems.check([&] {
      if (!catalog.find_symptom(id)) {
        throw usage_error(fmt::format("--symptom: unknown symptom '{}' (backcare catalog symptoms lists the ids)", id));
      }
      add_unique(given.symptoms, id);
    });
  }
  problems.check([&] {
    if (!o.weeks.empty() && !o.birth_date.empty()) {
      throw usage_error("give --weeks or --birth-date, not both");
    }
    if (!o.weeks.empty()) {
      given.weeks_postpartum = parse_number("--weeks", o.weeks, 0, 520);
    } else if (!o.birth_date.empty()) {
      const Date birth = parse_date_option("--birth-date", o.birth_date);
      const int days = days_between(birth, as_of);
      if (days < 0) {
        throw usage_error(fmt::format("--birth-date {} is after today ({})", o.birth_date, format_date(as_of)));
      }
      if (weeks_from_days(days) > 520) {
        throw usage_error(fmt::format("--birth-date must be within 520 weeks of today, got {}", o.birth_date));
      }
      given.birth_date = birth;
    }
  });
  problems.check([&] {
    if (!o.pain_duration.empty() && !o.pain_since.empty()) {
      throw usage_error("give --pain-duration or --pain-since, not both");
    }
    if (!o.pain_duration.empty()) {
      const auto days = parse_duration_days(o.pain_duration);
      if (!days || *days > 520 * 7) {
        throw usage_error(fmt::format("--pain-duration must be a length such as 10d, 6w or 7m (a bare number means "
                                      "weeks; at most 520 weeks), got '{}'",
                                      o.pain_duration));
      }
      given.pain_days = *days;
    } else if (!o.pain_since.empty()) {
      const Date since = parse_date_option("--pain-since", o.pain_since);
      if (since > as_of) {
        throw usage_error(fmt::format("--pain-since {} is after today ({})", o.pain_since, format_date(as_of)));
      }
      given.pain_since = since;
    }
  });
  problems.check([&] {
    if (!o.severity.empty()) {
      given.severity = parse_number("--severity", o.severity, 0, 10);
    }
  });
  problems.check([&] {
    if (!o.delivery.empty()) {
      given.delivery = parse_choice<Delivery>("--delivery", o.delivery);
    }
  });
  for (const std::string& posture : o.postures) {
    problems.check(
        [&] { add_unique(given.postures, std::string(name_of(parse_choice<Posture>("--posture", posture)))); });
  }
  for (const std::string& item : o.equipment) {
    problems.check(
        [&] { add_unique(given.equipment, std::string(name_of(parse_choice<Equipment>("--equipment", item)))); });
  }
  given.pregnancy_back_pain = o.pregnancy_back_pain;
  return given;
}

// Fills the output options not given on the command line from the config
// file, then the built-in defaults.
void fill_from_config(PlanOptions& o, const Config::Plan& c)
{
  const auto fill = [](std::string& value, const std::optional<std::string>& fallback) {
    if (value.empty() && fallback) {
      value = *fallback;
    }
  };
  fill(o.format, c.format);
  if (o.format.empty()) {
    o.format = name_of(PlanFormat::text);
  }
  if (o.weeks_ahead.empty() && c.weeks_ahead) {
    o.weeks_ahead = std::to_string(*c.weeks_ahead);
  }
  if (o.format == name_of(PlanFormat::ics)) {
    fill(o.time, c.time);
    if (o.remind.empty() && c.remind) {
      o.remind = std::to_string(*c.remind);
    }
  }
  o.explain = o.explain || c.explain.value_or(false);
}

// The plan; a --phase the planner refuses is a bad value of that option.
Plan plan_for(const Catalog& catalog, const PlanRequest& request)
{
  try {
    return make_plan(catalog, request);
  } catch (const Error& e) {
    if (e.code() == ExitCode::usage && request.phase) {
      throw usage_error(fmt::format("--{}", e.what()));
    }
    throw;
  }
}

std::string missing_message(MissingInput missing)
{
  if (missing == MissingInput::weeks) {
    return "give --weeks N (weeks since birth, 0-520) or --birth-date YYYY-MM-DD, "
           "or save it with: backcare profile set --birth-date YYYY-MM-DD";
  }
  return "give --severity N: your pain now on a 0-10 scale (0 no pain, 10 the worst imaginable), "
         "or log it first with: backcare log add N";
}

int run_plan(PlanOptions& o, const Context& context, const CLI::App& app)
{
  const Date as_of = context.today();
  const Catalog catalog = load_catalog(context);
  Problems problems;
  for (const CLI::Option* option : app.get_options()) {
    const auto& given = option->results();
    if (option->get_expected_min() > 0 && std::find(given.begin(), given.end(), "") != given.end()) {
      problems.check([&] { throw usage_error(fmt::format("{} must not be empty", option->get_name())); });
    }
  }
  PlanInputs given = read_given(o, catalog, as_of, problems);
  if (o.screen) {
    problems.check([&] {
      Screening screening = ask_screening(catalog, context, "--screen", "--symptom ID",
                                          signs_in_force(*open_log(context, LogAccess::read), catalog, as_of));
      screening.at = context.now_at();
      open_log(context, LogAccess::write)->add_screening(screening);
      for (const std::string& id : screening.yes) {
        add_unique(given.symptoms, id);
      }
    });
  }
  const auto log = open_log(context, LogAccess::read);
  const Config::Plan& defaults = context.global.config.plan;
  const LogSummary summary = read_log_summary(log.get(), as_of, catalog);
  const ResolvedInputs inputs = resolve_inputs(given, log->profile(), summary, plan_defaults(defaults), as_of);
  const bool care_now = seeks_care_now(run_triage(catalog, inputs.situation).level);

  fill_from_config(o, defaults);
  std::optional<PlanFormat> format;
  problems.check([&] { format = parse_choice<PlanFormat>("--format", o.format); });
  PlanRequest request = plan_request(inputs, summary, as_of, next_monday_after(as_of));
  IcsOptions ics;
  problems.check([&] {
    if (!o.phase.empty()) {
      request.phase = parse_number("--phase", o.phase, 1, static_cast<int>(catalog.phases.size()));
    }
  });
  problems.check([&] {
    if (!o.start.empty()) {
      request.start = parse_date_option("--start", o.start);
    }
  });
  problems.check(
      [&] { request.weeks_ahead = o.weeks_ahead.empty() ? 1 : parse_number("--weeks-ahead", o.weeks_ahead, 1, 12); });
  problems.check([&] { ics = read_ics_options(o, context); });
  problems.settle(care_now);
  if (!care_now && !inputs.missing.empty()) {
    throw usage_error(missing_message(inputs.missing.front()));
  }
  const Plan plan = plan_for(catalog, request);
  Style style;
  style.color = context.use_color(o.output.empty() || is_standard_stream(o.output));
  style.width = context.text_width(o.output.empty() || is_standard_stream(o.output));
  style.explain = o.explain;
  // A bad --format is only left out with a warning sign: the banner in plain text.
  write_output(o.output, render_plan(format.value_or(PlanFormat::text), {catalog, plan, style, ics}));
  return care_now ? static_cast<int>(ExitCode::seek_care) : 0;
}

} // namespace

void setup_plan(CLI::App& app, Context& context, Action& action)
{
  auto options = std::make_shared<PlanOptions>();
  CLI::App* plan = app.add_subcommand("plan", "Check for warning signs, then print a phased exercise routine");
  plan->footer("Example:\n  backcare plan --weeks 10 --pain-duration 8w --severity 4\n"
               "  backcare plan --birth-date 2026-09-01 --delivery cesarean --severity 3\n"
               "  backcare plan --weeks 10 --severity 4 --format ics --output plan.ics");
  plan->add_option("--weeks", options->weeks, "Weeks since birth, 0-520")->type_name("N");
  plan->add_option("--birth-date", options->birth_date, "Date of birth of the baby (instead of --weeks)")
      ->type_name("DATE");
  plan->add_option("--pain-duration", options->pain_duration,
                   "How long this back pain has lasted: 10d, 6w, 7m; a bare number means weeks")
      ->type_name("D");
  plan->add_option("--pain-since", options->pain_since, "Date the pain started (instead of --pain-duration)")
      ->type_name("DATE");
  plan->add_option("--severity", options->severity, "Pain now, 0 (none) to 10 (worst imaginable)")->type_name("N");
  context.options.choices(
      plan->add_option("--delivery", options->delivery, choice_help<Delivery>(Delivery::vaginal))->type_name("TYPE"),
      names_of<Delivery>(true));
  context.options.choices(
      plan->add_option("--posture", options->postures, "Repeatable: " + choice_help<Posture>())->type_name("P"),
      names_of<Posture>());
  context.options.choices(plan->add_option("--symptom", options->symptoms,
                                           "Repeatable warning symptom id; 'backcare catalog symptoms' lists them")
                              ->type_name("ID"),
                          [](const Catalog& catalog) {
                            std::vector<std::string> ids;
                            for (const Symptom& symptom : catalog.symptoms) {
                              ids.push_back(symptom.id);
                            }
                            return ids;
                          });
  plan->add_flag("--screen", options->screen, "Ask each screening question and save the answers (on a terminal only)");
  context.options.choices(
      plan->add_option("--equipment", options->equipment,
                       "Repeatable: " + choice_help<Equipment>() + "; missing items are swapped or left out")
          ->type_name("E"),
      names_of<Equipment>());
  plan->add_flag("--pregnancy-back-pain", options->pregnancy_back_pain, "Had back pain during pregnancy");
  plan->add_option("--phase", options->phase, "Start at phase N (up to what the time floor and rules allow)")
      ->type_name("N");
  context.options.choices(
      plan->add_option("--format", options->format, choice_help<PlanFormat>(PlanFormat::text))->type_name("FORMAT"),
      names_of<PlanFormat>());
  plan->add_option("--start", options->start, "First day of the schedule (default: next Monday)")->type_name("DATE");
  plan->add_option("--weeks-ahead", options->weeks_ahead, "Weeks of schedule, 1-12 (default 1)")->type_name("N");
  plan->add_option("--time", options->time, "iCalendar: session time, HH:MM (default 07:30)")->type_name("HH:MM");
  plan->add_option("--remind", options->remind, "iCalendar: a reminder this many minutes before")->type_name("MINUTES");
  plan->add_option("--output", options->output, "Write to FILE (atomically) instead of stdout")->type_name("FILE");
  plan->add_flag("--explain", options->explain, "Show which rules fired and why");
  // Empty values are bad values, but checked in run_plan, after triage: a
  // warning sign must win over any bad input.
  for (CLI::Option* option : plan->get_options()) {
    context.options.allow_empty(option);
  }
  on_parsed(*plan, action, [options, &context, plan] { return run_plan(*options, context, *plan); });
}

} // namespace backcare::cli
