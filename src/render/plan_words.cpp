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

// The plain names of rules, in order: "a painful, swollen calf".
std::vector<std::string> titles_of(const std::vector<const Rule*>& rules)
{
  std::vector<std::string> titles;
  titles.reserve(rules.size());
  for (const Rule* rule : rules) {
    titles.push_back(lowered_first(rule->title));
  }
  return titles;
}

std::string and_list(const std::vector<std::string>& items)
{
  if (items.size() <= 1) {
    return items.empty() ? std::string() : items.front();
  }
  const std::string last = items.size() == 2 ? " and " : "; and ";
  return fmt::format("{}{}{}", fmt::join(items.begin(), items.end() - 1, "; "), last, items.back());
}

std::string days_ago(int days)
{
  return days == 0 ? std::string("today") : days == 1 ? std::string("yesterday") : fmt::format("{} days ago", days);
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

std::string preview_note(const Plan& plan)
{
  return fmt::format(" (a preview of phase {}; nothing recorded changes)", plan.current_phase);
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

std::string triage_headline(Level level, const ScreeningStatus& status, Date today)
{
  if (level == Level::refer) {
    return "See a clinician: your plan continues, but book an appointment.";
  }
  if (!status.lapsed) {
    return "Nothing you reported needs a clinician right now.";
  }
  if (status.last_at.empty()) {
    return "You have not been asked about warning signs yet: run backcare screen (it takes a minute).";
  }
  const Date day = date_of(status.last_at);
  return fmt::format("Your warning-sign answers are not up to date (last asked {}, {}): run backcare screen.",
                     format_day(day), days_ago(days_between(day, today)));
}

std::vector<SignGroup> warning_sign_groups(const Catalog& catalog)
{
  std::vector<SignGroup> groups{{Level::emergency, "Call your emergency number now for", {}},
                                {Level::urgent, "Get a medical check today for", {}},
                                {Level::refer, "Book a clinician (backcare plan says whom) for", {}}};
  for (const Rule& rule : catalog.rules) {
    for (SignGroup& group : groups) {
      if (group.level == rule.level && !rule.when.symptoms_any.empty()) {
        group.rules.push_back(&rule);
      }
    }
  }
  std::erase_if(groups, [](const SignGroup& g) { return g.rules.empty(); });
  return groups;
}

std::vector<std::string> warning_sign_lines(const Catalog& catalog)
{
  std::vector<std::string> lines;
  for (const SignGroup& group : warning_sign_groups(catalog)) {
    lines.push_back(fmt::format("{}: {}.", group.action, fmt::join(titles_of(group.rules), "; ")));
  }
  return lines;
}

std::string sign_name(std::string_view id)
{
  std::string name(id);
  std::replace(name.begin(), name.end(), '-', ' ');
  return name;
}

std::string sudden_rise_line(const Plan& plan)
{
  const auto& rise = plan.request.sudden_rise;
  if (!rise) {
    return {};
  }
  return fmt::format("Your pain rose suddenly to {}/10 on {}, from at most {}/10 in the two weeks before. Rarely, a "
                     "sudden severe back pain after birth is a break in a bone of the spine, so please answer: did it "
                     "begin suddenly and severely (often mid or upper back), do simple painkillers not ease it, or "
                     "have you lost height? If yes: backcare screen --symptom {}. If not: backcare screen --no {}.",
                     rise->severity, format_day(rise->day), rise->before_max, k_sudden_sign, k_sudden_sign);
}

std::vector<std::string> sign_state_lines(const ScreeningStatus& status)
{
  std::vector<std::string> lines;
  for (const SignSpan& span : status.in_force) {
    if (!span.unchecked_no.empty()) {
      lines.push_back(fmt::format("You answered no to {} on {}, but this sign needs a clinician's check before it "
                                  "clears, so it stays in force until you say you have been checked.",
                                  sign_name(span.id), format_day(date_of(span.unchecked_no))));
    }
  }
  for (const SignSpan& span : status.checked) {
    lines.push_back(fmt::format("{}: reported {}, checked by a clinician {} (done; it no longer holds your plan).",
                                sign_name(span.id), format_day(date_of(span.since)), format_day(date_of(span.until))));
  }
  if (!lines.empty()) {
    lines.front()[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(lines.front()[0])));
  }
  return lines;
}

std::vector<std::string> booking_lines(const Triage& triage)
{
  std::vector<std::string> lines;
  for (const Booking& booking : bookings(triage)) {
    lines.push_back(fmt::format("Book: {}, for {}.", booking.refer_to, and_list(titles_of(booking.rules))));
  }
  return lines;
}

std::vector<std::string> finding_lines(const Plan& plan, bool headline_said)
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
  if (std::string line = sudden_rise_line(plan); !line.empty()) {
    lines.push_back(std::move(line));
  }
  const bool said = headline_said && plan.triage.level != Level::refer;
  if (std::string line = screening_line(plan); !line.empty() && !said) {
    lines.push_back(std::move(line));
  }
  for (std::string& line : sign_state_lines(plan.screening)) {
    lines.push_back(std::move(line));
  }
  if (plan.request.worse_when_last_logged) {
    lines.push_back(worse_when_last_logged_text(*plan.request.worse_when_last_logged));
  }
  return lines;
}

std::vector<std::string> also_mention(const Plan& plan)
{
  std::vector<std::string> lines;
  std::vector<std::string> titles;
  for (const FiredRule& fired : plan.triage.fired) {
    if (fired.rule->level == Level::refer) {
      titles.push_back(lowered_first(fired.rule->title));
    }
  }
  if (!titles.empty()) {
    lines.push_back(fmt::format("Also mention: {}.", and_list(titles)));
  }
  for (const Booking& booking : bookings(plan.triage)) {
    lines.push_back(fmt::format("Once you have been checked, book: {} (for {}).", booking.refer_to,
                                and_list(titles_of(booking.rules))));
  }
  // The signs that need care now, as she can clear them once checked.
  std::vector<std::string> clear;
  const auto& reported = plan.request.situation.symptoms;
  for (const FiredRule& fired : plan.triage.fired) {
    for (const std::string& id : fired.rule->when.symptoms_any) {
      const bool now = seeks_care_now(fired.rule->level);
      if (now && std::find(reported.begin(), reported.end(), id) != reported.end()) {
        clear.push_back("--no " + id);
      }
    }
  }
  lines.push_back(fmt::format("Once a clinician has checked you, tell backcare (backcare screen {} --checked) and "
                              "run backcare plan again for your routine.",
                              clear.empty() ? std::string("--no ID") : fmt::format("{}", fmt::join(clear, " "))));
  return lines;
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
      lines.push_back(
          fmt::format("warning signs you reported, in force until you answer no (latest screening {})", origin.detail));
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

std::string screening_line(const ScreeningStatus& status, Date today)
{
  if (!status.lapsed) {
    return {};
  }
  if (status.last_at.empty()) {
    return "You have not answered the warning-sign questions yet. Run backcare screen (or backcare plan --screen): "
           "moving up a phase needs answers from the last 7 days.";
  }
  const Date day = date_of(status.last_at);
  const int ago = days_between(day, today);
  // Within half a year the weekday and the day read best; beyond, the year matters.
  const std::string when = fmt::format("{}, {}", ago <= 180 ? format_day(day) : format_date(day), days_ago(ago));
  std::vector<std::string> unanswered;
  for (const std::string& id : status.unanswered) {
    unanswered.push_back(sign_name(id));
  }
  return fmt::format("You were last asked about warning signs on {}; a no counts for {} days, so {} no up-to-date "
                     "answer. Run backcare screen to answer again: moving up a phase needs it.",
                     when, k_screening_days,
                     unanswered.size() <= 3 ? and_list(unanswered) + (unanswered.size() == 1 ? " has" : " have")
                                            : fmt::format("{} questions have", unanswered.size()));
}

std::string screening_line(const Plan& plan)
{
  return screening_line(plan.screening, plan.request.as_of);
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
