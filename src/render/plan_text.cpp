#include "backcare/render/plan.hpp"
#include "plan_words.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace backcare {
namespace {

class TextWriter {
public:
  TextWriter(const Catalog& catalog, const Plan& plan, const Style& style)
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
  std::string heading(std::string_view text) const { return paint(text, Paint::bold, m_style); }

  void para(std::string_view text, std::string_view first = "", std::string_view rest = "")
  {
    m_out += wrap(text, m_style.width, first, rest);
  }

  const Situation& situation() const { return m_plan.request.situation; }

  void header()
  {
    m_out += heading(fmt::format("backcare plan for {}{}", format_date(m_plan.request.as_of),
                                 m_plan.request.phase ? words::preview_note(m_plan) : std::string()));
    m_out += '\n';
    const std::string facts = words::situation(m_plan);
    if (!facts.empty()) {
      para(facts);
    }
    const auto origins = words::origin_lines(m_plan);
    if (!origins.empty()) {
      para(fmt::format("From what you saved: {}.", fmt::join(origins, "; ")));
    }
    if (const std::string tip = words::pain_start_tip(m_plan); !tip.empty()) {
      para(tip);
    }
    m_out += '\n';
  }

  // Urgent or emergency: what to do now first, then shortly what else to
  // mention; never an exercise.
  void care_now()
  {
    m_out += paint(words::care_now_banner(m_plan.triage.level), Paint::bold_red, m_style);
    m_out += '\n';
    for (const FiredRule& fired : m_plan.triage.fired) {
      if (seeks_care_now(fired.rule->level)) {
        para(fired.rule->message, "  - ", "    ");
        para(fmt::format("Contact: {}.", fired.rule->refer_to), "    ", "    ");
      }
    }
    m_out += '\n';
    para(words::birth_reminder(situation()));
    for (const std::string& line : words::sign_state_lines(m_plan.screening)) {
      para(line);
    }
    for (const std::string& line : words::also_mention(m_plan)) {
      para(line);
    }
    para(words::k_no_exercises);
    m_out += '\n';
    warning_signs();
    if (m_style.explain) {
      explain_rules();
    }
  }

  void triage_notes()
  {
    const Level level = m_plan.triage.level;
    const bool unscreened = level != Level::refer && m_plan.screening.lapsed;
    std::string headline =
        wrap(words::triage_headline(level, m_plan.screening, m_plan.request.as_of), m_style.width, "", "");
    headline.pop_back(); // the colour ends before the line break
    m_out += paint(headline, level == Level::refer || unscreened ? Paint::bold_yellow : Paint::green, m_style);
    m_out += '\n';
    for (const std::string& line : words::booking_lines(m_plan.triage)) {
      para(line, "  - ", "    ");
    }
    for (const std::string& line : words::finding_lines(m_plan, true)) {
      para(line, "  - ", "    ");
    }
    for (const std::string& line : words::dropped_lines(m_plan)) {
      para(line, "  - ", "    ");
    }
    m_out += '\n';
    warning_signs();
  }

  // The short list of warning signs, with what to do: every plan carries it.
  void warning_signs()
  {
    m_out += heading("Warning signs: stop the exercises and get help");
    m_out += '\n';
    for (const std::string& line : words::warning_sign_lines(m_catalog)) {
      para(line, "  - ", "    ");
    }
    m_out += '\n';
  }

  void current_phase()
  {
    const Phase& phase = *m_catalog.find_phase(m_plan.current_phase);
    m_out += heading(fmt::format("Phase {} of {}: {}", phase.number, m_catalog.phases.size(), phase.name));
    m_out += '\n';
    para(words::phase_focus(m_catalog, m_plan, phase));
    para(words::phase_reason(m_plan));
    const auto needs = words::move_on_lines(m_plan);
    if (!needs.empty()) {
      para(fmt::format("To move on to phase {}:", m_plan.progress.phase + 1));
      for (const std::string& line : needs) {
        para(line, "  - ", "    ");
      }
    }
    para(words::adherence_line(m_plan));
    m_out += '\n';
    para(words::k_pain_guide);
    para(words::k_stretching_note);
    m_out += '\n';
  }

  // One exercise; its cues and easier and harder versions the first time it
  // appears in the schedule.
  void exercise(const PlannedExercise& item, std::set<const Exercise*>& shown)
  {
    std::string text = words::exercise_line(item);
    if (shown.insert(item.exercise).second) {
      text += " " + words::exercise_details(*item.exercise);
    }
    para(text, "  - ", "    ");
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
        exercise(item, shown);
      }
    }
    for (const ScheduleDay& day : days) {
      if (day.date != days.front().date && (day.date - days.front().date).count() % 7 == 0) {
        shown.clear(); // a new week: every cue again, the first time
        m_out += fmt::format("Week of {}: the every-day routine as above.\n", format_day(day.date));
      }
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
      m_out += fmt::format("{}: the every-day routine, plus (about {} min besides the walk):\n", format_day(day.date),
                           words::session_minutes(day));
      for (const PlannedExercise* item : extra) {
        exercise(*item, shown);
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
      para(words::phase_focus(m_catalog, m_plan, phase), "    ", "    ");
      para(words::mastery_line(m_catalog.progression, phase.number), "    * ", "      ");
      for (const std::string& criterion : phase.criteria) {
        para(criterion, "    * ", "      ");
      }
    }
    m_out += '\n';
  }

  void explain_rules()
  {
    m_out += heading("Why this plan");
    m_out += '\n';
    if (m_plan.triage.fired.empty()) {
      para("No rule fired.", "  - ", "    ");
    }
    for (const FiredRule& fired : m_plan.triage.fired) {
      para(fmt::format("{} ({}): {}. Source: {}.", fired.rule->title, name_of(fired.rule->level),
                       fmt::join(fired.because, "; "), fired.rule->source),
           "  - ", "    ");
    }
  }

  void explain()
  {
    explain_rules();
    para(fmt::format("Phase {}: the time floor, the rules and your signs allow up to phase {}.", m_plan.current_phase,
                     m_plan.max_allowed),
         "  - ", "    ");
    m_out += '\n';
  }

  const Catalog& m_catalog;
  const Plan& m_plan;
  const Style& m_style;
  std::string m_out;
};

} // namespace

std::string render_plan_text(const Catalog& catalog, const Plan& plan, const Style& style)
{
  return TextWriter(catalog, plan, style).write();
}

} // namespace backcare
