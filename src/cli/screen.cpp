#include "backcare/core/planner.hpp"
#include "backcare/render/plan.hpp"
#include "backcare/render/screening.hpp"
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

struct ScreenOptions {
  std::vector<std::string> symptoms;
  std::vector<std::string> no;
  bool none = false;
  bool checked = false;
  std::string at;
};

std::vector<std::string> symptom_ids(const Catalog& catalog)
{
  std::vector<std::string> ids;
  for (const Symptom& symptom : catalog.symptoms) {
    ids.push_back(symptom.id);
  }
  return ids;
}

// The answers given by flags: each flag answers only the question it
// names (--symptom yes, --no no), and --none answers every question no. A
// question not named keeps its earlier answer: an emergency sign reported
// yesterday is not cleared by a leak reported today.
Screening answers_from_flags(const ScreenOptions& o, const Catalog& catalog)
{
  Screening screening;
  if (o.none) {
    screening.asked = symptom_ids(catalog);
    screening.checked = o.checked ? screening.asked : std::vector<std::string>{};
    return screening;
  }
  const auto answer = [&](const std::string& option, const std::string& id, bool yes) {
    if (!catalog.find_symptom(id)) {
      throw usage_error(fmt::format("{}: unknown symptom '{}' (backcare catalog symptoms lists the ids)", option, id));
    }
    if (std::find(screening.asked.begin(), screening.asked.end(), id) != screening.asked.end()) {
      const bool before = std::find(screening.yes.begin(), screening.yes.end(), id) != screening.yes.end();
      if (before != yes) {
        throw usage_error(fmt::format("--symptom {0} and --no {0} answer the same question both ways", id));
      }
      return;
    }
    screening.asked.push_back(id);
    if (yes) {
      screening.yes.push_back(id);
    }
  };
  for (const std::string& id : o.symptoms) {
    answer("--symptom", id, true);
  }
  for (const std::string& id : o.no) {
    answer("--no", id, false);
  }
  // In the catalog's order, as the questions are asked.
  const std::vector<std::string> order = symptom_ids(catalog);
  const auto by_order = [&](const std::string& a, const std::string& b) {
    return std::find(order.begin(), order.end(), a) < std::find(order.begin(), order.end(), b);
  };
  std::sort(screening.asked.begin(), screening.asked.end(), by_order);
  std::sort(screening.yes.begin(), screening.yes.end(), by_order);
  screening.checked = o.checked ? screening.asked : std::vector<std::string>{};
  return screening;
}

int run_screen(const ScreenOptions& o, const Context& context)
{
  const Date today = context.today();
  const Catalog catalog = load_catalog(context);
  if (o.none && (!o.symptoms.empty() || !o.no.empty())) {
    throw usage_error("give --symptom ID for each yes and --no ID for each no, or --none, not both");
  }
  const bool by_flags = o.none || !o.symptoms.empty() || !o.no.empty();
  if (o.checked && !by_flags) {
    throw usage_error("--checked goes with the answers it qualifies: --no ID, --symptom ID or --none");
  }
  const std::string at = o.at.empty() ? context.now_at() : parse_at(o.at, context);
  Screening screening = by_flags
                            ? answers_from_flags(o, catalog)
                            : ask_screening(catalog, context, "screen", "--symptom ID for each yes, or --none",
                                            signs_in_force(*open_log(context, LogAccess::read), catalog, date_of(at)));
  screening.at = at;
  const auto log = open_log(context, LogAccess::write);
  const std::int64_t id = log->add_screening(screening);
  const std::string saved = fmt::format("saved screening {}", id);

  // Judge the answers as plan does, with everything else it knows.
  PlanInputs given;
  given.symptoms = screening.yes;
  const LogSummary summary = read_log_summary(log.get(), today, catalog);
  const ResolvedInputs inputs =
      resolve_inputs(given, log->profile(), summary, plan_defaults(context.global.config.plan), today);
  const Triage triage = run_triage(catalog, inputs.situation);
  Style style;
  style.color = context.use_color(true);
  if (seeks_care_now(triage.level)) {
    const Plan plan = make_plan(catalog, plan_request(inputs, summary, today, next_monday_after(today)));
    tell_saved(saved, [&] { return render_plan(PlanFormat::text, {catalog, plan, style, {}}); });
    return static_cast<int>(ExitCode::seek_care);
  }
  const ScreeningStatus status = screening_status(catalog, summary.screenings, today);
  tell_saved(saved, [&] { return render_screening_text(catalog, screening, triage, status, today, style); });
  return 0;
}

// Asks one yes/no question until it gets an answer it takes.
bool ask_yes_no(const std::string& question, const std::string& asked_by)
{
  for (;;) {
    std::cerr << question << " [y/n] " << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer)) {
      throw usage_error(fmt::format("{}: input ended before every question was answered", asked_by));
    }
    if (answer == "y" || answer == "yes" || answer == "Y") {
      return true;
    }
    if (answer == "n" || answer == "no" || answer == "N") {
      return false;
    }
    std::cerr << "Please answer y (yes) or n (no).\n";
  }
}

} // namespace

std::vector<std::string> signs_in_force(const PainLog& log, const Catalog& catalog, Date day)
{
  return screened_signs(catalog, log.screenings({std::nullopt, day}), day).signs;
}

Screening ask_screening(const Catalog& catalog, const Context& context, const std::string& asked_by,
                        const std::string& instead, const std::vector<std::string>& in_force)
{
  if (!context.stdin_is_terminal) {
    throw usage_error(fmt::format("{} asks questions and needs a terminal; give {} instead (backcare catalog symptoms "
                                  "lists the ids)",
                                  asked_by, instead));
  }
  Screening screening;
  std::cerr << "Answer y (yes) or n (no) to each question.\n";
  for (const Symptom& symptom : catalog.symptoms) {
    const bool was_in_force = std::find(in_force.begin(), in_force.end(), symptom.id) != in_force.end();
    const bool yes = ask_yes_no(symptom.question, asked_by);
    screening.asked.push_back(symptom.id);
    if (yes) {
      screening.yes.push_back(symptom.id);
    }
    // A sign already in force: a clinician's check clears it (for an
    // urgent or emergency sign, only that does).
    const bool ask_check = was_in_force && (yes || needs_check_to_clear(catalog, symptom.id));
    if (ask_check && ask_yes_no("  You reported this before. Has a clinician checked it since?", asked_by)) {
      screening.checked.push_back(symptom.id);
      continue;
    }
    if (yes && seeks_care_now(catalog.symptom_level(symptom.id))) {
      std::cerr << "\n" << std::flush;
      return screening; // nothing else matters now
    }
  }
  std::cerr << "Thank you.\n\n" << std::flush;
  return screening;
}

void setup_screen(CLI::App& app, Context& context, Action& action)
{
  auto o = std::make_shared<ScreenOptions>();
  CLI::App* screen = app.add_subcommand("screen", "Answer the warning-sign questions and save the answers");
  screen->footer("A yes stays in force until a later no to that question; a no counts for 7 days. A sign that\n"
                 "needs care now (urgent or emergency) is cleared only by a no after a clinician has checked\n"
                 "you: --no ID --checked. Any sign is also cleared by --symptom ID --checked (still true, and\n"
                 "checked). With options, each answers only the question it names; the others keep their\n"
                 "earlier answers. A sign that needs care now prints what to do and exits with status 3.\n\n"
                 "Example:\n  backcare screen\n  backcare screen --none\n  backcare screen --symptom leakage\n"
                 "  backcare screen --no leakage\n  backcare screen --no calf-swelling --checked");
  context.options.choices(screen
                              ->add_option("--symptom", o->symptoms,
                                           "Repeatable: a yes answer, by symptom id; "
                                           "'backcare catalog symptoms' lists them")
                              ->type_name("ID"),
                          [](const Catalog& catalog) { return symptom_ids(catalog); });
  context.options.choices(
      screen->add_option("--no", o->no, "Repeatable: a no answer, by symptom id (it clears an earlier yes)")
          ->type_name("ID"),
      [](const Catalog& catalog) { return symptom_ids(catalog); });
  screen->add_flag("--none", o->none, "No to every question");
  screen->add_flag("--checked", o->checked,
                   "A clinician has checked the signs these answers name since they were reported");
  screen->add_option("--at", o->at, "When: YYYY-MM-DD or YYYY-MM-DDTHH:MM (default now)")->type_name("DATETIME");
  on_parsed(*screen, action, [o, &context] { return run_screen(*o, context); });
  reject_empty_values(*screen, context.options);
}

} // namespace backcare::cli
