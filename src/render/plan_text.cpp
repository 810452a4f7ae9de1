#include "backcare/render.hpp"
#include "plan_words.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace backcare {
namespace {

class TextWriter {
public:
  TextWriter(const Catalog& catalog, const Plan& plan, const TextStyle& style)
    : m_catalog(catalog)
    , m_plan(plan)
    , m_style(style)
  {
  }

  std::string write()
  {
    header();
    if (seeks_care_now(m_plan.triage.level)) {
      care_now();
    } else {
      triage_notes();
      current_phase();
      week();
      roadmap();
      if (m_style.explain) {
        explain();
      }
    }
    if (!m_out.ends_with("\n\n")) {
      m_out += '\n';
    }
    m_out += wrap(words::k_safety_note, m_style.width, "", "");
    return m_out;
  }

private:
  std::string paint(std::string_view text, std::string_view code) const
  {
    return m_style.color ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
  }

  std::string heading(std::string_view text) const { return paint(text, "1"); }

  void para(std::string_view text, std::string_view first = "", std::string_view rest = "")
  {
    m_out += wrap(text, m_style.width, first, rest);
  }

  const Situation& situation() const { return m_plan.request.situation; }

  void header()
  {
    m_out += heading(fmt::format("backcare plan for {}", format_date(m_plan.request.as_of)));
    m_out += '\n';
    para(words::situation(m_plan));
    if (!m_plan.request.from_saved.empty()) {
      para(fmt::format("From your saved details: {}.", fmt::join(m_plan.request.from_saved, "; ")));
    }
    m_out += '\n';
  }

  // Urgent or emergency: only what to do now, whom to call, and the birth.
  void care_now()
  {
    m_out += paint(words::care_now_banner(m_plan.triage.level), "1;31");
    m_out += '\n';
    for (const FiredRule& fired : m_plan.triage.fired) {
      if (seeks_care_now(fired.rule->level)) {
        para(fired.rule->message, "  - ", "    ");
        para(fmt::format("Contact: {}.", fired.rule->refer_to), "    ", "    ");
      }
    }
    m_out += '\n';
    para(words::birth_reminder(situation()));
    para(words::k_no_exercises);
  }

  void triage_notes()
  {
    const Level level = m_plan.triage.level;
    m_out += paint(words::triage_headline(level), level == Level::refer ? "1;33" : "32");
    m_out += '\n';
    for (const std::string& note : words::triage_notes(m_plan)) {
      para(note, "  - ", "    ");
    }
    m_out += '\n';
  }

  void current_phase()
  {
    const Phase& phase = *m_catalog.find_phase(m_plan.current_phase);
    m_out += heading(fmt::format("Phase {} of {}: {}", phase.number, m_catalog.phases.size(), phase.name));
    m_out += '\n';
    para(fmt::format("Focus: {}.", phase.focus));
    if (m_plan.max_allowed > m_plan.current_phase) {
      para(fmt::format("Phase {} is open to you too; master this one first, then move on.", m_plan.current_phase + 1));
    }
    m_out += '\n';
  }

  void week()
  {
    const auto& days = m_plan.schedule;
    if (days.empty()) {
      return;
    }
    m_out += heading(fmt::format("Your week{}: {} to {}", m_plan.request.weeks_ahead > 1 ? "s" : "",
                                 format_day(days.front().date), format_day(days.back().date)));
    m_out += '\n';
    m_out += "Every day:\n";
    std::set<const Exercise*> shown;
    for (const PlannedExercise& item : days.front().items) {
      if (item.exercise->dosage.days_per_week == 7) {
        para(words::exercise_line(item) + " " + item.exercise->cues.front(), "  - ", "    ");
        shown.insert(item.exercise);
      }
    }
    for (const ScheduleDay& day : days) {
      std::vector<const PlannedExercise*> extra;
      for (const PlannedExercise& item : day.items) {
        if (item.exercise->dosage.days_per_week < 7) {
          extra.push_back(&item);
        }
      }
      if (extra.empty()) {
        m_out += fmt::format("{}: the every-day routine only.\n", format_day(day.date));
        continue;
      }
      m_out += fmt::format("{}: the every-day routine, plus:\n", format_day(day.date));
      for (const PlannedExercise* item : extra) {
        std::string text = words::exercise_line(*item);
        if (shown.insert(item->exercise).second) {
          text += " " + item->exercise->cues.front();
        }
        para(text, "  - ", "    ");
      }
    }
    m_out += '\n';
  }

  void roadmap()
  {
    const auto ahead = words::phases_ahead(m_plan);
    if (ahead.empty()) {
      return;
    }
    m_out += heading("Roadmap");
    m_out += '\n';
    for (const PhasePlan* entry : ahead) {
      const Phase& phase = *entry->phase;
      para(fmt::format("Phase {} {}: {}.", phase.number, phase.name, words::phase_opening(m_plan, *entry)), "  ",
           "    ");
      para(fmt::format("Focus: {}.", phase.focus), "    ", "    ");
      for (const std::string& criterion : phase.criteria) {
        para(criterion, "    * ", "      ");
      }
    }
    m_out += '\n';
  }

  void explain()
  {
    m_out += heading("Why this plan");
    m_out += '\n';
    if (m_plan.triage.fired.empty()) {
      para("No rule fired.", "  - ", "    ");
    }
    for (const FiredRule& fired : m_plan.triage.fired) {
      para(fmt::format("{} ({}): {}. Source: {}.", fired.rule->id, to_string(fired.rule->level),
                       fmt::join(fired.because, "; "), fired.rule->source),
           "  - ", "    ");
    }
    const std::string chosen =
        m_plan.request.phase
            ? std::string("you chose it with --phase")
            : std::string("a first plan starts no higher than phase 2 (master one item, then move on)");
    para(fmt::format("Phase {}: the time floor and rules allow up to phase {}; {}.", m_plan.current_phase,
                     m_plan.max_allowed, chosen),
         "  - ", "    ");
    m_out += '\n';
  }

  const Catalog& m_catalog;
  const Plan& m_plan;
  const TextStyle& m_style;
  std::string m_out;
};

} // namespace

std::string render_plan_text(const Catalog& catalog, const Plan& plan, const TextStyle& style)
{
  return TextWriter(catalog, plan, style).write();
}

} // namespace backcare
