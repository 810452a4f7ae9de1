#include "backcare/catalog.hpp"
#include "backcare/entry.hpp"
#include "backcare/error.hpp"
#include "backcare/files.hpp"
#include "backcare/planner.hpp"
#include "backcare/render.hpp"
#include "choices.hpp"
#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <unistd.h>

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

const std::vector<std::string> k_formats{"text", "json", "markdown", "csv", "ics"};

// The iCalendar options, checked: --time HH:MM and --remind MINUTES belong
// to --format ics only.
IcsOptions read_ics_options(const PlanOptions& o, const GlobalOptions& global)
{
  if (o.format != "ics" && (!o.time.empty() || !o.remind.empty())) {
    throw usage_error(fmt::format("{} only applies to --format ics", o.time.empty() ? "--remind" : "--time"));
  }
  IcsOptions ics;
  ics.version = BACKCARE_VERSION;
  ics.profile = global.profile;
  if (!o.time.empty()) {
    if (!is_clock_time(o.time)) {
      throw usage_error(fmt::format("--time must be HH:MM from 00:00 to 23:59, got '{}'", o.time));
    }
    ics.time_hhmm = o.time.substr(0, 2) + o.time.substr(3, 2);
  }
  if (!o.remind.empty()) {
    ics.remind_minutes = parse_number("--remind", o.remind, 0, 10080);
  }
  return ics;
}

template <typename T> void add_unique(std::vector<T>& items, const T& item)
{
  if (std::find(items.begin(), items.end(), item) == items.end()) {
    items.push_back(item);
  }
}

// Asks each screening question on the terminal and adds the "yes" answers.
void screen(const Catalog& catalog, std::vector<std::string>& symptoms)
{
  if (!::isatty(STDIN_FILENO)) {
    throw usage_error("--screen asks questions and needs a terminal; give --symptom ID instead "
                      "(backcare catalog symptoms lists them)");
  }
  std::cerr << "Answer y (yes) or n (no) to each question.\n";
  for (const Symptom& symptom : catalog.symptoms) {
    for (;;) {
      std::cerr << symptom.question << " [y/n] " << std::flush;
      std::string answer;
      if (!std::getline(std::cin, answer)) {
        throw usage_error("--screen: input ended before every question was answered");
      }
      if (answer == "y" || answer == "yes" || answer == "Y") {
        add_unique(symptoms, symptom.id);
        break;
      }
      if (answer == "n" || answer == "no" || answer == "N") {
        break;
      }
    }
  }
  std::cerr << "Thank you.\n\n" << std::flush;
}

Situation read_situation(const PlanOptions& o, const Catalog& catalog, Date as_of)
{
  Situation s;
  if (!o.weeks.empty() && !o.birth_date.empty()) {
    throw usage_error("give --weeks or --birth-date, not both");
  }
  if (!o.weeks.empty()) {
    s.weeks_postpartum = parse_number("--weeks", o.weeks, 0, 520);
  } else if (!o.birth_date.empty()) {
    const Date birth = parse_date_option("--birth-date", o.birth_date);
    const int days = days_between(birth, as_of);
    if (days < 0) {
      throw usage_error(fmt::format("--birth-date {} is after today ({})", o.birth_date, format_date(as_of)));
    }
    s.birth_date = birth;
    s.weeks_postpartum = weeks_from_days(days);
    if (s.weeks_postpartum > 520) {
      throw usage_error(fmt::format("--birth-date must be within 520 weeks of today, got {}", o.birth_date));
    }
  } else {
    throw usage_error("give --weeks N (weeks since birth, 0-520) or --birth-date YYYY-MM-DD, "
                      "or save it with: backcare profile set --birth-date YYYY-MM-DD");
  }

  if (!o.pain_duration.empty() && !o.pain_since.empty()) {
    throw usage_error("give --pain-duration or --pain-since, not both");
  }
  if (!o.pain_duration.empty()) {
    auto days = parse_duration_days(o.pain_duration);
    if (!days || *days > 520 * 7) {
      throw usage_error(fmt::format("--pain-duration must be a length such as 10d, 6w or 7m (a bare number means "
                                    "weeks; at most 520 weeks), got '{}'",
                                    o.pain_duration));
    }
    s.pain_days = *days;
  } else if (!o.pain_since.empty()) {
    const int days = days_between(parse_date_option("--pain-since", o.pain_since), as_of);
    if (days < 0) {
      throw usage_error(fmt::format("--pain-since {} is after today ({})", o.pain_since, format_date(as_of)));
    }
    s.pain_days = days;
  }

  if (o.severity.empty()) {
    throw usage_error("give --severity N: your pain now on a 0-10 scale (0 no pain, 10 the worst imaginable), "
                      "or log it first with: backcare log add N");
  }
  s.severity = parse_number("--severity", o.severity, 0, 10);

  const std::string delivery = o.delivery.empty() ? "vaginal" : o.delivery;
  check_choice("--delivery", delivery, k_deliveries);
  s.delivery = *parse_delivery(delivery);

  for (const std::string& posture : o.postures) {
    check_choice("--posture", posture, k_postures);
    add_unique(s.postures, posture);
  }
  for (const std::string& id : o.symptoms) {
    if (!catalog.find_symptom(id)) {
      throw usage_error(fmt::format("--symptom: unknown symptom '{}' (backcare catalog symptoms lists the ids)", id));
    }
    add_unique(s.symptoms, id);
  }
  s.pregnancy_back_pain = o.pregnancy_back_pain;
  return s;
}

PlanRequest read_request(PlanOptions& o, const Catalog& catalog, Date as_of)
{
  check_choice("--format", o.format, k_formats);
  PlanRequest request;
  request.as_of = as_of;
  if (o.screen) {
    screen(catalog, o.symptoms);
  }
  request.situation = read_situation(o, catalog, as_of);
  for (const std::string& item : o.equipment) {
    check_choice("--equipment", item, k_equipment);
    add_unique(request.equipment, item);
  }
  if (!o.phase.empty()) {
    request.phase = parse_number("--phase", o.phase, 1, static_cast<int>(catalog.phases.size()));
  }
  request.start = o.start.empty() ? next_monday_after(as_of) : parse_date_option("--start", o.start);
  request.weeks_ahead = o.weeks_ahead.empty() ? 1 : parse_number("--weeks-ahead", o.weeks_ahead, 1, 12);
  return request;
}

// Fills the options not given on the command line from the saved profile
// and the log, and says which were taken. Flags always win.
std::vector<std::string> fill_from_saved(PlanOptions& o, const PainLog* log, Date as_of, bool& has_history)
{
  std::vector<std::string> taken;
  if (!log) {
    return taken;
  }
  const Profile profile = log->profile();
  if (o.weeks.empty() && o.birth_date.empty() && profile.birth_date) {
    o.birth_date = format_date(*profile.birth_date);
    taken.push_back("birth date " + o.birth_date);
  }
  if (o.delivery.empty() && profile.delivery) {
    o.delivery = to_string(*profile.delivery);
    taken.push_back("delivery " + o.delivery);
  }
  if (o.pain_duration.empty() && o.pain_since.empty() && profile.pain_since) {
    o.pain_since = format_date(*profile.pain_since);
    taken.push_back("pain since " + o.pain_since);
  }
  if (o.postures.empty() && !profile.postures.empty()) {
    o.postures = profile.postures;
    taken.push_back(fmt::format("posture {}", fmt::join(o.postures, ", ")));
  }
  if (o.equipment.empty() && !profile.equipment.empty()) {
    o.equipment = profile.equipment;
    taken.push_back(fmt::format("equipment {}", fmt::join(o.equipment, ", ")));
  }
  if (o.severity.empty()) {
    if (const auto latest = log->latest(as_of - std::chrono::days{6}, as_of)) {
      o.severity = std::to_string(latest->severity);
      taken.push_back(fmt::format("severity {} from your log entry of {}", latest->severity, latest->at));
    }
  }
  // Two sessions in a row at 3/10 or less in the last two weeks: the
  // "move on" criterion, so the plan may start above phase 2.
  std::vector<int> recent;
  log->for_each({as_of - std::chrono::days{13}, as_of}, [&](const Entry& e) { recent.push_back(e.severity); });
  has_history = recent.size() >= 2 && recent[recent.size() - 1] <= 3 && recent[recent.size() - 2] <= 3;
  return taken;
}

// Fills what neither the command line nor the profile gave from the config
// file, then the built-in defaults.
void fill_from_config(PlanOptions& o, const Config::Plan& c)
{
  const auto fill = [](std::string& value, const std::optional<std::string>& fallback) {
    if (value.empty() && fallback) {
      value = *fallback;
    }
  };
  fill(o.delivery, c.delivery);
  fill(o.format, c.format);
  if (o.format.empty()) {
    o.format = "text";
  }
  if (o.postures.empty()) {
    o.postures = c.postures;
  }
  if (o.equipment.empty()) {
    o.equipment = c.equipment;
  }
  if (o.weeks_ahead.empty() && c.weeks_ahead) {
    o.weeks_ahead = std::to_string(*c.weeks_ahead);
  }
  if (o.format == "ics") {
    fill(o.time, c.time);
    if (o.remind.empty() && c.remind) {
      o.remind = std::to_string(*c.remind);
    }
  }
  o.explain = o.explain || c.explain.value_or(false);
}

int run_plan(PlanOptions& o, const GlobalOptions& global)
{
  const Date as_of = today(global);
  const Catalog catalog = load_catalog(global);
  bool has_history = false;
  const auto log = open_log(global, false);
  auto from_saved = fill_from_saved(o, log.get(), as_of, has_history);
  fill_from_config(o, global.config.plan);
  PlanRequest request = read_request(o, catalog, as_of);
  request.has_history = has_history;
  request.from_saved = std::move(from_saved);
  const IcsOptions ics = read_ics_options(o, global);
  const Plan plan = make_plan(catalog, request);
  std::string content;
  if (o.format == "json") {
    content = render_plan_json(plan);
  } else if (o.format == "markdown") {
    content = render_plan_markdown(catalog, plan);
  } else if (o.format == "csv") {
    content = render_plan_csv(plan);
  } else if (o.format == "ics") {
    content = render_plan_ics(plan, ics);
  } else {
    TextStyle style;
    style.color = use_color(global, o.output.empty());
    style.explain = o.explain;
    content = render_plan_text(catalog, plan, style);
  }
  write_output(o.output, content);
  return seeks_care_now(plan.triage.level) ? static_cast<int>(ExitCode::seek_care) : 0;
}

} // namespace

void setup_plan(CLI::App& app, const GlobalOptions& global, Action& action)
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
  with_choices(plan->add_option("--delivery", options->delivery, "vaginal (default) or cesarean")->type_name("TYPE"),
               k_deliveries);
  with_choices(
      plan->add_option("--posture", options->postures, "Repeatable: stacked, anterior-tilt, sway-back, high-hinge")
          ->type_name("P"),
      k_postures);
  with_choices(plan->add_option("--symptom", options->symptoms,
                                "Repeatable warning symptom id; 'backcare catalog symptoms' lists them")
                   ->type_name("ID"),
               [](const Catalog& catalog) {
                 std::vector<std::string> ids;
                 for (const Symptom& symptom : catalog.symptoms) {
                   ids.push_back(symptom.id);
                 }
                 return ids;
               });
  plan->add_flag("--screen", options->screen, "Ask each screening question (on a terminal only)");
  with_choices(plan->add_option("--equipment", options->equipment,
                                "Repeatable: band, dumbbell, kettlebell, step, none; missing items are swapped or "
                                "left out")
                   ->type_name("E"),
               k_equipment);
  plan->add_flag("--pregnancy-back-pain", options->pregnancy_back_pain, "Had back pain during pregnancy");
  plan->add_option("--phase", options->phase, "Start at phase N (up to what the time floor and rules allow)")
      ->type_name("N");
  with_choices(
      plan->add_option("--format", options->format, "text (default), json, markdown, csv or ics")->type_name("FORMAT"),
      k_formats);
  plan->add_option("--start", options->start, "First day of the schedule (default: next Monday)")->type_name("DATE");
  plan->add_option("--weeks-ahead", options->weeks_ahead, "Weeks of schedule, 1-12 (default 1)")->type_name("N");
  plan->add_option("--time", options->time, "iCalendar: session time, HH:MM (default 07:30)")->type_name("HH:MM");
  plan->add_option("--remind", options->remind, "iCalendar: a reminder this many minutes before")->type_name("MINUTES");
  plan->add_option("--output", options->output, "Write to FILE (atomically) instead of stdout")->type_name("FILE");
  plan->add_flag("--explain", options->explain, "Show which rules fired and why");
  on_parsed(*plan, action, [options, &global] { return run_plan(*options, global); });
}

} // namespace backcare::cli
