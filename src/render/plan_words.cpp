#include "plan_words.hpp"

#include <fmt/format.h>

namespace backcare::words {

std::string situation(const Plan& plan)
{
  const Situation& s = plan.request.situation;
  std::string facts = fmt::format("Week {} after a {} birth; pain now {}/10", s.weeks_postpartum,
                                  s.delivery == Delivery::cesarean ? "caesarean" : "vaginal", s.severity);
  if (s.pain_weeks()) {
    facts += fmt::format(", for {} weeks", *s.pain_weeks());
  }
  return facts + ".";
}

std::string care_now_banner(Level level)
{
  return level == Level::emergency ? "EMERGENCY: call your emergency number now (for example 999, 112 or 911)."
                                   : "URGENT: get a medical check today.";
}

std::string birth_reminder(const Situation& s)
{
  return s.birth_date ? fmt::format("Tell them you gave birth {} weeks ago, on {}.", s.weeks_postpartum,
                                    format_date(*s.birth_date))
                      : fmt::format("Tell them you gave birth {} weeks ago.", s.weeks_postpartum);
}

std::string triage_headline(Level level)
{
  return level == Level::refer ? "See a clinician: your plan continues, but book an appointment."
                               : "Nothing you reported needs a clinician right now.";
}

std::vector<std::string> triage_notes(const Plan& plan)
{
  std::vector<std::string> notes;
  for (const FiredRule& fired : plan.triage.fired) {
    const Rule& rule = *fired.rule;
    notes.push_back(rule.refer_to.empty() ? rule.message : fmt::format("Book: {}. {}", rule.refer_to, rule.message));
  }
  for (const DroppedExercise& dropped : plan.dropped) {
    notes.push_back(fmt::format("Left out: {} ({}).", dropped.exercise->name, dropped.reason));
  }
  return notes;
}

std::string exercise_line(const PlannedExercise& item)
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

std::vector<const PhasePlan*> phases_ahead(const Plan& plan)
{
  std::vector<const PhasePlan*> ahead;
  for (const PhasePlan& entry : plan.phases) {
    if (entry.phase->number > plan.current_phase) {
      ahead.push_back(&entry);
    }
  }
  return ahead;
}

std::string phase_opening(const Plan& plan, const PhasePlan& entry)
{
  if (entry.status == PhaseStatus::open) {
    return "open now, once you have mastered the phase before it";
  }
  if (entry.held_by && entry.min_weeks <= plan.request.situation.weeks_postpartum) {
    return fmt::format("on hold while '{}' applies", entry.held_by->id);
  }
  const Date last_day = plan.schedule.empty() ? plan.request.as_of : plan.schedule.back().date;
  std::string when = fmt::format("opens at week {} ({})", entry.min_weeks, format_day(entry.opens_on));
  if (entry.opens_on <= last_day) {
    when += ", during these weeks: the schedule stays at your current phase until you move on";
  }
  if (entry.held_by) {
    when += fmt::format(", and only once '{}' no longer applies", entry.held_by->id);
  }
  return when;
}

} // namespace backcare::words
