#include "backcare/core/text.hpp"
#include "backcare/render/catalog.hpp"
#include "backcare/render/plan.hpp"
#include "backcare/render/style.hpp"

#include <fmt/format.h>

#include <charconv>

namespace backcare {
namespace {

std::string exercise_details(const Exercise& ex, int width)
{
  std::string out = fmt::format("{} ({})\n", ex.name, ex.id);
  out += wrap(fmt::format("Phase {}, {}. Dosage: {}, {} a week.", ex.phase, ex.category, format_dosage(ex.dosage),
                          counted(ex.dosage.days_per_week, "day", "days")),
              width, "", "");
  for (const std::string& cue : ex.cues) {
    out += wrap(cue, width, "  - ", "    ");
  }
  out += wrap(
      fmt::format("Equipment: {}.", ex.equipment.empty() ? "none" : fmt::format("{}", fmt::join(ex.equipment, ", "))),
      width, "", "");
  out += wrap("Easier: " + ex.regression, width, "", "  ");
  out += wrap("Harder: " + ex.progression, width, "", "  ");
  if (!ex.postures.empty()) {
    out += wrap(fmt::format("Helps posture: {}.", fmt::join(ex.postures, ", ")), width, "", "  ");
  }
  if (ex.substitute) {
    out += fmt::format("Without the equipment: {}.\n", *ex.substitute);
  }
  out += wrap("Source: " + ex.source, width, "", "  ");
  return out;
}

std::string rule_details(const Rule& rule, int width)
{
  std::string out = fmt::format("Rule {} ({})\n", rule.id, name_of(rule.level));
  out += wrap(rule.message, width, "", "");
  if (!rule.refer_to.empty()) {
    out += wrap("Refer to: " + rule.refer_to, width, "", "  ");
  }
  if (rule.max_phase) {
    out += fmt::format("Holds the plan at phase {} or below.\n", *rule.max_phase);
  }
  out += wrap("Source: " + rule.source, width, "", "  ");
  return out;
}

std::string phase_details(const Phase& phase, int width)
{
  std::string out = fmt::format("Phase {}: {}\n", phase.number, phase.name);
  out += wrap("Focus: " + phase.focus, width, "", "  ");
  out += fmt::format("Opens at week {} after a vaginal birth, week {} after a caesarean.\n", phase.min_weeks_vaginal,
                     phase.min_weeks_cesarean);
  out += "Move on when:\n";
  for (const std::string& criterion : phase.criteria) {
    out += wrap(criterion, width, "  - ", "    ");
  }
  out += wrap("Source: " + phase.source, width, "", "  ");
  return out;
}

} // namespace

std::string render_catalog_list(const Catalog& catalog)
{
  std::string out;
  for (const Phase& phase : catalog.phases) {
    out += fmt::format("Phase {}: {}\n", phase.number, phase.name);
    for (const Exercise& ex : catalog.exercises) {
      if (ex.phase == phase.number) {
        out += fmt::format("  {:<34} {:<18} {}\n", ex.id, ex.category, format_dosage(ex.dosage));
      }
    }
  }
  return out;
}

std::string render_catalog_symptoms(const Catalog& catalog, int width)
{
  std::string out;
  for (const Symptom& symptom : catalog.symptoms) {
    out += fmt::format("{} ({})\n", symptom.id, name_of(catalog.symptom_level(symptom.id)));
    out += wrap(symptom.question, width, "    ", "    ");
  }
  return out;
}

std::string render_catalog_item(const Catalog& catalog, std::string_view id, int width)
{
  if (const Exercise* ex = catalog.find_exercise(id)) {
    return exercise_details(*ex, width);
  }
  if (const Rule* rule = catalog.find_rule(id)) {
    return rule_details(*rule, width);
  }
  if (const Symptom* symptom = catalog.find_symptom(id)) {
    return fmt::format("Symptom {} ({})\n", symptom->id, name_of(catalog.symptom_level(id)))
           + wrap(symptom->question, width, "", "");
  }
  int number = 0;
  auto [ptr, ec] = std::from_chars(id.data(), id.data() + id.size(), number);
  if (ec == std::errc() && ptr == id.data() + id.size()) {
    if (const Phase* phase = catalog.find_phase(number)) {
      return phase_details(*phase, width);
    }
  }
  return {};
}

} // namespace backcare
