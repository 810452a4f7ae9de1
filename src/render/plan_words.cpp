#include "plan_words.hpp"

#include "backcare/render/trend.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace backcare::words {
namespace {

std::string lowered_first(std::string text)
{
  if (!text.empty()) {
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  }
  return text;
}

std::string and_list(const std::vector<std::string>& items)
{
  if (items.size() <= 1) {
    return items.empty() ? std::string() : items.front();
  }
  const std::string last = items.size() == 2 ? " and " : "; and ";
  return fmt::format("{}{}{}", fmt::join(items.begin(), items.end() - 1, "; "), last, items.back());
}

std::string duration(int days)
{
  if (days < 14) {
    return days == 1 ? std::string("1 day") : fmt::format("{} days", days);
  }
  return fmt::format("{} weeks", weeks_from_days(days));
}

// The plain name of a reported sign: the title of a fired rule that names it.
std::string sign_words(const Plan& plan, const std::string& id)
{
  for (const FiredRule& fired : plan.triage.fired) {
    const auto& ids = fired.rule->when.symptoms_any;
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) {
      return lowered_first(fired.rule->title);
    }
  }
  return id;
}

// Estimated minutes for one exercise: about 4 s a repetition, the holds,
// 30 s rest after each set, both sides when it is done per side.
double minutes_for(const Dosage& d)
{
  if (d.minutes) {
    return *d.minutes;
  }
  if (d.times_per_day) {
    return 0.5; // a glance in the mirror during the session
  }
  const double per_set = d.hold_seconds ? *d.hold_seconds : 4.0 * d.reps.value_or(1);
  const double sides = d.per == "side" ? 2.0 : 1.0;
  return d.sets * (per_set + 30.0) * sides / 60.0;
}

} // namespace

std::string situation(const Plan& plan)
{
  const Situation& s = plan.request.situation;
  std::string facts;
  if (s.weeks_postpartum) {
    std::string when = time_since_birth(s);
    when[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(when[0])));
    const auto after = when.find(" after birth");
    facts = when.substr(0, after) + fmt::format(" after a {} birth", delivery_word(s.delivery));
  }
  if (s.severity) {
    facts += fmt::format("{}ain now {}/10", facts.empty() ? "P" : "; p", *s.severity);
    if (s.pain_days) {
      facts += fmt::format(", for {}", duration(*s.pain_days));
    }
  }
  return facts.empty() ? std::string() : facts + ".";
}

std::string care_now_banner(Level level)
{
  return level == Level::emergency ? "EMERGENCY: call your emergency number now (for example 999, 112 or 911)."
                                   : "URGENT: get a medical check today.";
}

std::string birth_reminder(const Situation& s)
{
  if (!s.weeks_postpartum) {
    return "Tell them you have given birth, and when.";
  }
  if (!s.days_postpartum && *s.weeks_postpartum == 0) {
    return "Tell them you gave birth in the last week, and the date.";
  }
  const std::string ago =
      s.days_postpartum ? duration(*s.days_postpartum) : fmt::format("{} weeks", *s.weeks_postpartum);
  return s.birth_date ? fmt::format("Tell them you gave birth {} ago, on {}.", ago, format_date(*s.birth_date))
                      : fmt::format("Tell them you gave birth {} ago.", ago);
}

std::string triage_headline(Level level)
{
  return level == Level::refer ? "See a clinician: your plan continues, but book an appointment."
                               : "Nothing you reported needs a clinician right now.";
}

std::vector<std::string> booking_lines(const Triage& triage)
{
  std::vector<std::string> lines;
  for (const Booking& booking : bookings(triage)) {
    std::vector<std::string> why;
    for (const Rule* rule : booking.rules) {
      why.push_back(lowered_first(rule->title));
    }
    lines.push_back(fmt::format("Book: {}, for {}.", booking.refer_to, and_list(why)));
  }
  return lines;
}

std::vector<std::string> finding_lines(const Plan& plan)
{
  std::vector<std::string> lines;
  for (const FiredRule& fired : plan.triage.fired) {
    if (!seeks_care_now(fired.rule->level)) {
      lines.push_back(fired.rule->message);
    }
  }
  // What the person should know though no rule fires on it: answers that
  // have lapsed, and a log that went quiet while getting worse. In every
  // format, exports included.
  if (std::string line = screening_line(plan); !line.empty()) {
    lines.push_back(std::move(line));
  }
  if (plan.request.worse_when_last_logged) {
    lines.push_back(worse_when_last_logged_text(*plan.request.worse_when_last_logged));
  }
  return lines;
}

std::vector<std::string> also_mention(const Plan& plan)
{
  std::vector<std::string> titles;
  for (const FiredRule& fired : plan.triage.fired) {
    if (fired.rule->level == Level::refer) {
      titles.push_back(lowered_first(fired.rule->title));
    }
  }
  if (titles.empty()) {
    return {};
  }
  return {fmt::format("Also mention: {}.", and_list(titles)),
          "Once you have been checked, run backcare plan again for your routine."};
}

std::vector<std::string> dropped_lines(const Plan& plan)
{
  std::vector<std::string> lines;
  for (const DroppedExercise& dropped : plan.dropped) {
    lines.push_back(fmt::format("Left out: {} ({}).", dropped.exercise->name, dropped.reason));
  }
  return lines;
}

std::vector<std::string> origin_lines(const Plan& plan)
{
  std::vector<std::string> lines;
  const Situation& s = plan.request.situation;
  for (const InputOrigin& origin : plan.request.origins) {
    if (origin.source == "command line" || origin.source == "default") {
      continue;
    }
    const std::string where = origin.source == "log" ? "your log" : "your " + origin.source;
    if (origin.input == "severity" && s.severity) {
      const std::string latest = origin.note.empty() ? std::string("your latest entry") : origin.note;
      lines.push_back(fmt::format("pain now {}/10 from {} ({}, the highest reading in the 24 hours up to {})",
                                  *s.severity, where, origin.detail, latest));
    } else if (origin.input == "pain_weeks" && s.pain_days) {
      lines.push_back(fmt::format("pain for {} from {} ({}{})", duration(*s.pain_days), where, origin.detail,
                                  origin.note.empty() ? "" : ", " + origin.note));
    } else if (origin.input == "weeks_postpartum") {
      lines.push_back(fmt::format("{} from {} ({})", time_since_birth(s), where, origin.detail));
    } else if (origin.input == "trend_verdict" && s.trend_verdict) {
      lines.push_back(fmt::format("pain trend in {}: {}", where, verdict_words(*s.trend_verdict)));
    } else if (origin.input == "screened_signs") {
      lines.push_back(fmt::format("warning signs from your screening of {} (they count for {} days)", origin.detail,
                                  k_screening_days));
    } else if (origin.input == "red_sessions") {
      lines.push_back("two sessions too painful within a week, from your sessions");
    } else if (origin.input == "log_signs") {
      lines.push_back(fmt::format("{} in {}", origin.detail, where));
    } else if (origin.input == "delivery") {
      lines.push_back(fmt::format("{} birth from {}", delivery_word(s.delivery), where));
    } else if (origin.input == "postures") {
      lines.push_back(fmt::format("posture {} from {}", fmt::join(s.postures, ", "), where));
    } else {
      lines.push_back(fmt::format("{} from {}", origin.input, where));
    }
  }
  return lines;
}

std::string pain_start_tip(const Plan& plan)
{
  for (const InputOrigin& origin : plan.request.origins) {
    if (origin.input == "pain_weeks" && origin.source == "log" && !origin.note.empty()) {
      return "If the pain began before your log did, save when: backcare profile set --pain-since DATE. The advice "
             "for pain that has lasted 12 weeks or more depends on it.";
    }
  }
  return {};
}

std::string phase_reason(const Plan& plan)
{
  const Progress& p = plan.progress;
  if (plan.request.phase) {
    return fmt::format("You asked to see phase {} for this plan only; your sessions have you at phase {} (the time "
                       "floor and your signs allow up to phase {}).",
                       plan.current_phase, p.phase, plan.max_allowed);
  }
  std::vector<std::string> parts;
  if (plan.current_phase < p.phase) {
    const Rule* cap = plan.triage.capped_by;
    parts.push_back(cap ? fmt::format("The plan is at phase {} while this applies: {}; your sessions had you at "
                                      "phase {}.",
                                      plan.current_phase, lowered_first(cap->title), p.phase)
                        : fmt::format("The plan is at phase {}: phase {} is closed for now; your sessions had you at "
                                      "phase {}.",
                                      plan.current_phase, plan.current_phase + 1, p.phase));
  }
  for (const std::string& reason : p.reasons) {
    parts.push_back(reason);
  }
  if (plan.hold) {
    parts.push_back(fmt::format("The plan holds here and does not move up: {}.", lowered_first(plan.hold->title)));
  }
  return fmt::format("{}", fmt::join(parts, " "));
}

std::vector<std::string> move_on_lines(const Plan& plan)
{
  return plan.progress.to_move_on;
}

std::string progress_summary(const Plan& plan)
{
  std::string text = phase_reason(plan);
  const auto needs = move_on_lines(plan);
  if (!needs.empty()) {
    text += fmt::format(" To move on to phase {}: {}", plan.progress.phase + 1, fmt::join(needs, " "));
  }
  return text + " " + adherence_line(plan);
}

std::string screening_line(const Plan& plan)
{
  const ScreeningStatus& status = plan.screening;
  if (!status.lapsed) {
    return {};
  }
  const Date day = date_of(status.last_at);
  const int ago = days_between(day, plan.request.as_of);
  // Within half a year the weekday and the day read best; beyond, the year matters.
  std::string when = fmt::format("{}, {} days ago", ago <= 180 ? format_day(day) : format_date(day), ago);
  if (!status.yes.empty()) {
    std::vector<std::string> signs;
    signs.reserve(status.yes.size());
    for (std::string sign : status.yes) {
      std::replace(sign.begin(), sign.end(), '-', ' ');
      signs.push_back(std::move(sign));
    }
    when += fmt::format(" (you said yes to {} then)", and_list(signs));
  }
  return fmt::format("Your warning-sign answers are from {}; they count for {} days, so this plan no longer uses "
                     "them. Run backcare screen to answer the questions again.",
                     when, k_screening_days);
}

std::string adherence_line(const Plan& plan)
{
  const Adherence& a = plan.adherence;
  if (a.last_28_days_planned == 0 && a.this_week.done == 0 && a.this_week.skipped == 0) {
    return fmt::format("No sessions recorded yet: after each one, run backcare session add --pain-during N "
                       "(or backcare session skip --reason R). {} session days a week are planned.",
                       plan.session_days);
  }
  const std::string last_28 = a.last_28_days_percent
                                  ? fmt::format("{}% of planned sessions done ({} of {})", *a.last_28_days_percent,
                                                a.last_28_days_done, a.last_28_days_planned)
                                  : fmt::format("{} {} done, none planned yet", a.last_28_days_done,
                                                a.last_28_days_done == 1 ? "session" : "sessions");
  return fmt::format("This week: {} of {} sessions done, {} skipped. Last 28 days: {}.", a.this_week.done,
                     a.this_week.planned, a.this_week.skipped, last_28);
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

std::string exercise_details(const Exercise& ex)
{
  return fmt::format("{} Easier: {} Harder: {}", fmt::join(ex.cues, " "), ex.regression, ex.progression);
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

std::string mastery_line(const Progression& rules, int number)
{
  // The catalog's criteria say how those sessions must feel.
  return fmt::format("At least {} sessions in phase {}, spread over at least {} days.", rules.advance_sessions,
                     number - 1, rules.advance_days);
}

std::string phase_opening(const Plan& plan, const PhasePlan& entry)
{
  const int weeks = plan.request.situation.weeks_postpartum.value_or(0);
  std::vector<std::string> holds;
  if (!entry.closed_by.empty()) {
    holds.push_back("closed while you report " + sign_words(plan, entry.closed_by));
  }
  // The rules that hold it, each once: its own cap, and the hold that keeps
  // the person where her sessions and the ceiling have her (not where
  // --phase shows her) from moving up.
  std::vector<std::string> rules;
  const auto add_rule = [&](const Rule* rule) {
    const auto& signs = rule->when.symptoms_any;
    if (!entry.closed_by.empty() && std::find(signs.begin(), signs.end(), entry.closed_by) != signs.end()) {
      return; // the sign that closes the phase, said already
    }
    const std::string title = lowered_first(rule->title);
    if (std::find(rules.begin(), rules.end(), title) == rules.end()) {
      rules.push_back(title);
    }
  };
  if (entry.held_by) {
    add_rule(entry.held_by);
  }
  if (plan.hold && entry.phase->number == std::min(plan.max_allowed, plan.progress.phase) + 1) {
    add_rule(plan.hold);
  }
  if (!rules.empty()) {
    holds.push_back(fmt::format("on hold while {}: {}", rules.size() == 1 ? "this applies" : "these apply",
                                fmt::join(rules, "; ")));
  }
  if (entry.min_weeks > weeks) {
    const Date last_day = plan.schedule.empty() ? plan.request.as_of : plan.schedule.back().date;
    std::string when = fmt::format("opens at week {} ({})", entry.min_weeks, format_day(entry.opens_on));
    if (entry.opens_on <= last_day) {
      when += ", within the weeks shown; until your sessions move you on, the schedule stays at your current phase";
    }
    holds.insert(holds.begin(), when);
  }
  if (holds.empty()) {
    return "open once you have mastered the phase before it";
  }
  return fmt::format("{}", fmt::join(holds, "; "));
}

std::string phase_focus(const Catalog& catalog, const Plan& plan, const Phase& phase)
{
  std::vector<std::string> names;
  for (const Exercise& ex : catalog.exercises) {
    if (ex.phase == phase.number && !ex.substitute_only && !plan.triage.avoids(ex.id)) {
      names.push_back(lowered_first(ex.name));
    }
  }
  return fmt::format("Focus: {}.", fmt::join(names, ", "));
}

int session_minutes(const ScheduleDay& day)
{
  double total = 0;
  for (const PlannedExercise& item : day.items) {
    if (item.exercise->category != "move-more") {
      total += minutes_for(item.exercise->dosage);
    }
  }
  return std::max(5, static_cast<int>(std::ceil(total / 5.0)) * 5);
}

} // namespace backcare::words
