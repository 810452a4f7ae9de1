#include "backcare/render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace backcare {
namespace {

constexpr std::string_view k_safety_note =
    "This is exercise guidance, not a diagnosis. Stop and seek care if a warning sign appears "
    "(backcare catalog symptoms lists them).";

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
    m_out += wrap(k_safety_note, m_style.width, "", "");
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
    const Situation& s = situation();
    std::string facts = fmt::format("Week {} after a {} birth; pain now {}/10", s.weeks_postpartum,
                                    s.delivery == Delivery::cesarean ? "caesarean" : "vaginal", s.severity);
    if (s.pain_weeks()) {
      facts += fmt::format(", for {} weeks", *s.pain_weeks());
    }
    m_out += heading(fmt::format("backcare plan for {}", format_date(m_plan.request.as_of)));
    m_out += '\n';
    para(facts + ".");
    if (!m_plan.request.from_saved.empty()) {
      para(fmt::format("From your saved details: {}.", fmt::join(m_plan.request.from_saved, "; ")));
    }
    m_out += '\n';
  }

  // Urgent or emergency: only what to do now, whom to call, and the birth.
  void care_now()
  {
    const bool emergency = m_plan.triage.level == Level::emergency;
    const std::string banner = emergency ? "EMERGENCY: call your emergency number now (for example 999, 112 or 911)."
                                         : "URGENT: get a medical check today.";
    m_out += paint(banner, "1;31");
    m_out += '\n';
    for (const FiredRule& fired : m_plan.triage.fired) {
      if (!seeks_care_now(fired.rule->level)) {
        continue;
      }
      para(fired.rule->message, "  - ", "    ");
      para(fmt::format("Contact: {}.", fired.rule->refer_to), "    ", "    ");
    }
    const Situation& s = situation();
    const std::string birth = s.birth_date ? fmt::format("Tell them you gave birth {} weeks ago, on {}.",
                                                         s.weeks_postpartum, format_date(*s.birth_date))
                                           : fmt::format("Tell them you gave birth {} weeks ago.", s.weeks_postpartum);
    m_out += '\n';
    para(birth);
    para("No exercises are shown until a clinician has checked you.");
  }

  void triage_notes()
  {
    const Level level = m_plan.triage.level;
    if (level == Level::refer) {
      m_out += paint("See a clinician: your plan continues, but book an appointment.", "1;33");
    } else {
      m_out += paint("Nothing you reported needs a clinician right now.", "32");
    }
    m_out += '\n';
    for (const FiredRule& fired : m_plan.triage.fired) {
      const Rule& rule = *fired.rule;
      if (rule.refer_to.empty()) {
        para(rule.message, "  - ", "    ");
      } else {
        para(fmt::format("Book: {}. {}", rule.refer_to, rule.message), "  - ", "    ");
      }
    }
    for (const DroppedExercise& dropped : m_plan.dropped) {
      para(fmt::format("Left out: {} ({}).", dropped.exercise->name, dropped.reason), "  - ", "    ");
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

  std::string line_for(const PlannedExercise& item) const
  {
    const Exercise& ex = *item.exercise;
    std::string text = fmt::format("{}: {}.", ex.name, format_dosage(ex.dosage));
    if (item.replaces) {
      text += fmt::format(" (Instead of {}.)", item.replaces->name);
    } else if (item.for_posture) {
      text += " (For your posture.)";
    }
    return text;
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
        para(line_for(item) + " " + item.exercise->cues.front(), "  - ", "    ");
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
        std::string text = line_for(*item);
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
    std::vector<const PhasePlan*> ahead;
    for (const PhasePlan& entry : m_plan.phases) {
      if (entry.phase->number > m_plan.current_phase) {
        ahead.push_back(&entry);
      }
    }
    if (ahead.empty()) {
      return;
    }
    m_out += heading("Roadmap");
    m_out += '\n';
    const Date last_day = m_plan.schedule.empty() ? m_plan.request.as_of : m_plan.schedule.back().date;
    for (const PhasePlan* entry : ahead) {
      const Phase& phase = *entry->phase;
      std::string when;
      if (entry->status == PhaseStatus::open) {
        when = "open now, once you have mastered the phase before it";
      } else if (entry->held_by && entry->min_weeks <= situation().weeks_postpartum) {
        when = fmt::format("on hold while '{}' applies", entry->held_by->id);
      } else {
        when = fmt::format("opens at week {} ({})", entry->min_weeks, format_day(entry->opens_on));
        if (entry->opens_on <= last_day) {
          when += ", during these weeks: the schedule above stays at your current phase until you move on";
        }
        if (entry->held_by) {
          when += fmt::format(", and only once '{}' no longer applies", entry->held_by->id);
        }
      }
      para(fmt::format("Phase {} {}: {}.", phase.number, phase.name, when), "  ", "    ");
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
