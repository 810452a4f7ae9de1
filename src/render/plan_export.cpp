#include "backcare/core/entry_codec.hpp"
#include "backcare/render/plan.hpp"
#include "plan_words.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cmath>

namespace backcare {
namespace {

// ---- Markdown -------------------------------------------------------------

// Table cells keep to one line and must not close the cell early.
std::string cell(std::string_view text)
{
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

void markdown_table(std::string& out, const std::vector<PlannedExercise>& items)
{
  out += "| Exercise | Dosage | How | Easier | Harder |\n|---|---|---|---|---|\n";
  for (const PlannedExercise& item : items) {
    const Exercise& ex = *item.exercise;
    std::string name = ex.name;
    if (item.replaces) {
      name += fmt::format(" (instead of {})", item.replaces->name);
    } else if (item.for_posture) {
      name += " (for your posture)";
    }
    std::string dosage = format_dosage(ex.dosage);
    if (ex.dosage.days_per_week == 7) {
      dosage += ", daily";
    }
    out += fmt::format("| {} | {} | {} | {} | {} |\n", cell(name), cell(dosage),
                       cell(fmt::format("{}", fmt::join(ex.cues, " "))), cell(ex.regression), cell(ex.progression));
  }
  out += '\n';
}

std::string capitalized(std::string text)
{
  if (!text.empty()) {
    text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  }
  return text;
}

// ---- iCalendar (RFC 5545) ------------------------------------------------

std::string ics_text(std::string_view text)
{
  std::string out;
  for (char c : text) {
    switch (c) {
    case '\\':
      out += "\\\\";
      break;
    case ';':
      out += "\\;";
      break;
    case ',':
      out += "\\,";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      break;
    default:
      out += c;
    }
  }
  return out;
}

// "a pelvic-health physiotherapist and a GP": who to book, first first.
std::string bookings_summary(const Triage& triage)
{
  std::vector<std::string> names;
  for (const Booking& booking : bookings(triage)) {
    names.push_back(booking.refer_to);
  }
  return fmt::format("{}", fmt::join(names, ", then "));
}

std::string compact_date(Date date)
{
  std::string text = format_date(date);
  std::erase(text, '-');
  return text;
}

// 2020-01-01T00:00Z in seconds since 1970: where SEQUENCE counts from.
constexpr std::int64_t k_epoch_2020 = 1577836800;

// A UTC date-time for DTSTAMP: YYYYMMDDTHHMMSSZ.
std::string ics_utc(std::int64_t seconds)
{
  const auto day = std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{seconds}});
  const std::int64_t in_day =
      seconds - std::chrono::duration_cast<std::chrono::seconds>(day.time_since_epoch()).count();
  return fmt::format("{}T{:02}{:02}{:02}Z", compact_date(Date{day}), in_day / 3600, in_day / 60 % 60, in_day % 60);
}

// The short list of warning signs, for a calendar event's description.
std::string ics_signs(const Catalog& catalog)
{
  return fmt::format("\nWarning signs, stop and get help:\n{}", fmt::join(words::warning_sign_lines(catalog), "\n"));
}

} // namespace

std::string fold_ics_line(std::string_view line)
{
  std::string out;
  std::size_t width = 0;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t length = 1;
    const auto lead = static_cast<unsigned char>(line[i]);
    if (lead >= 0xF0) {
      length = 4;
    } else if (lead >= 0xE0) {
      length = 3;
    } else if (lead >= 0xC0) {
      length = 2;
    }
    length = std::min(length, line.size() - i);
    if (width + length > 75) {
      out += "\r\n ";
      width = 1;
    }
    out.append(line.substr(i, length));
    width += length;
    i += length;
  }
  return out + "\r\n";
}

std::string render_plan_markdown(const Catalog& catalog, const Plan& plan)
{
  const Situation& s = plan.request.situation;
  std::string out;
  const std::string when = s.weeks_postpartum ? time_since_birth(s) : std::string("after birth");
  const std::string preview = plan.request.phase ? words::preview_note(plan) : std::string();
  if (plan.schedule.empty()) {
    out += fmt::format("# backcare plan: {}{}\n\n", when, preview);
  } else {
    out += fmt::format("# backcare plan: {}, {} to {}{}\n\n", when, format_date(plan.schedule.front().date),
                       format_date(plan.schedule.back().date), preview);
  }
  const auto list = [&](const std::vector<std::string>& lines) {
    for (const std::string& line : lines) {
      out += fmt::format("- {}\n", line);
    }
    if (!lines.empty()) {
      out += '\n';
    }
  };
  if (seeks_care_now(plan.triage.level)) {
    out += fmt::format("**{}**\n\n", words::care_now_banner(plan.triage.level));
    for (const FiredRule& fired : plan.triage.fired) {
      if (seeks_care_now(fired.rule->level)) {
        out += fmt::format("- {} Contact: {}.\n", fired.rule->message, fired.rule->refer_to);
      }
    }
    out += fmt::format("\n{}\n\n", words::birth_reminder(s));
    for (const std::string& line : words::sign_state_lines(plan.screening)) {
      out += line + "\n\n";
    }
    for (const std::string& line : words::also_mention(plan)) {
      out += line + "\n\n";
    }
    out += fmt::format("{}\n\n", words::k_no_exercises);
    if (const std::string facts = words::situation(plan); !facts.empty()) {
      out += facts + "\n\n";
    }
    out += "Warning signs: stop the exercises and get help.\n\n";
    list(words::warning_sign_lines(catalog));
  } else {
    out += fmt::format("**{}**\n\n", words::triage_headline(plan.triage.level, plan.screening, plan.request.as_of));
    list(words::booking_lines(plan.triage));
    out += words::situation(plan) + "\n\n";
    list(words::finding_lines(plan, true));
    list(words::dropped_lines(plan));
    out += "Warning signs: stop the exercises and get help.\n\n";
    list(words::warning_sign_lines(catalog));
    const Phase& phase = *catalog.find_phase(plan.current_phase);
    out += fmt::format("## Phase {} of {}: {}\n\n{}\n\n{}\n\n", phase.number, catalog.phases.size(), phase.name,
                       words::phase_focus(catalog, plan, phase), words::phase_reason(plan));
    if (const auto needs = words::move_on_lines(plan); !needs.empty()) {
      out += fmt::format("To move on to phase {}:\n\n", plan.progress.phase + 1);
      list(needs);
    }
    out += words::adherence_line(plan) + "\n\n";
    out += fmt::format("> {}\n>\n> {}\n\n", words::k_pain_guide, words::k_stretching_note);
    for (const ScheduleDay& day : plan.schedule) {
      out += fmt::format("### {} ({}), about {} minutes and a walk\n\n", format_day(day.date), format_date(day.date),
                         words::session_minutes(day));
      markdown_table(out, day.items);
    }
    const auto ahead = words::phases_ahead(plan);
    if (!ahead.empty()) {
      out += "## Roadmap\n\n";
      for (const PhasePlan* entry : ahead) {
        out += fmt::format("### Phase {}: {}\n\n{}.\n\n{}\n\nMove on when:\n\n", entry->phase->number,
                           entry->phase->name, capitalized(words::phase_opening(plan, *entry)),
                           words::phase_focus(catalog, plan, *entry->phase));
        out += fmt::format("- {}\n", words::mastery_line(catalog.progression, entry->phase->number));
        for (const std::string& criterion : entry->phase->criteria) {
          out += fmt::format("- {}\n", criterion);
        }
        out += '\n';
      }
    }
  }
  out += fmt::format("---\n\n*{}*\n", words::k_safety_note);
  return out;
}

std::string render_plan_csv(const Catalog& catalog, const Plan& plan)
{
  std::string out =
      "date,day,phase,exercise_id,name,sets,reps,hold_seconds,notes,cues,easier,harder,referrals,guidance,progress\r\n";
  const std::string referrals = fmt::format("{}", fmt::join(words::booking_lines(plan.triage), " "));
  std::string guidance = plan.request.phase ? fmt::format("This plan is{}. ", words::preview_note(plan)) : "";
  guidance += fmt::format("{} {}", words::k_pain_guide, words::k_stretching_note);
  for (const std::string& finding : words::finding_lines(plan)) {
    guidance += " " + finding;
  }
  const std::string signs = fmt::format(" Warning signs, stop the exercises and get help: {}",
                                        fmt::join(words::warning_sign_lines(catalog), " "));
  guidance += signs + fmt::format(" {}", words::k_safety_note);
  if (seeks_care_now(plan.triage.level)) {
    // No exercise: one row that says what to do now, never an exercise.
    std::string now;
    for (const FiredRule& fired : plan.triage.fired) {
      if (seeks_care_now(fired.rule->level)) {
        now += fmt::format("{} Contact: {}. ", fired.rule->message, fired.rule->refer_to);
      }
    }
    now += words::birth_reminder(plan.request.situation);
    for (const std::string& line : words::sign_state_lines(plan.screening)) {
      now += " " + line;
    }
    for (const std::string& mention : words::also_mention(plan)) {
      now += " " + mention;
    }
    out += fmt::format(
        "{},{},,,{},,,,{},,,,{},{},\r\n", format_date(plan.request.as_of), weekday_name(plan.request.as_of),
        csv_field(words::care_now_banner(plan.triage.level), true), csv_field(now, true), csv_field(referrals, true),
        csv_field(std::string(words::k_no_exercises) + signs + " " + std::string(words::k_safety_note), true));
    return out;
  }
  const std::string progress = words::progress_summary(plan);
  for (const ScheduleDay& day : plan.schedule) {
    for (const PlannedExercise& item : day.items) {
      const Exercise& ex = *item.exercise;
      const Dosage& d = ex.dosage;
      std::string notes = format_dosage(d) + ".";
      if (d.days_per_week == 7) {
        notes += " Daily.";
      }
      if (item.replaces) {
        notes += fmt::format(" Instead of {}.", item.replaces->name);
      } else if (item.for_posture) {
        notes += " For your posture.";
      }
      out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n", format_date(day.date),
                         weekday_name(day.date), ex.phase, ex.id, csv_field(ex.name, true), d.sets,
                         d.reps ? std::to_string(*d.reps) : "", d.hold_seconds ? std::to_string(*d.hold_seconds) : "",
                         csv_field(notes, true), csv_field(fmt::format("{}", fmt::join(ex.cues, " ")), true),
                         csv_field(ex.regression, true), csv_field(ex.progression, true), csv_field(referrals, true),
                         csv_field(guidance, true), csv_field(progress, true));
    }
  }
  return out;
}

std::string render_plan_ics(const Catalog& catalog, const Plan& plan, const IcsOptions& options)
{
  std::string out;
  const auto line = [&](std::string_view text) { out += fold_ics_line(text); };
  const std::string stamp = ics_utc(options.stamp);
  // Minutes from 2020 to the export: a newer file of the same events always
  // has the higher SEQUENCE.
  const std::string sequence =
      fmt::format("SEQUENCE:{}", std::max<std::int64_t>(0, (options.stamp - k_epoch_2020) / 60));
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line(fmt::format("PRODID:-//backcare//backcare {}//EN", options.version));
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line("X-WR-CALNAME:backcare exercise plan");
  if (seeks_care_now(plan.triage.level)) {
    // No session: one all-day event that says to seek care, never an exercise.
    std::string description = words::care_now_banner(plan.triage.level);
    for (const FiredRule& fired : plan.triage.fired) {
      if (seeks_care_now(fired.rule->level)) {
        description += fmt::format("\n{} Contact: {}.", fired.rule->message, fired.rule->refer_to);
      }
    }
    description += "\n" + words::birth_reminder(plan.request.situation);
    for (const std::string& state : words::sign_state_lines(plan.screening)) {
      description += "\n" + state;
    }
    for (const std::string& mention : words::also_mention(plan)) {
      description += "\n" + mention;
    }
    description += fmt::format("\n{}{}", words::k_no_exercises, ics_signs(catalog));
    line("BEGIN:VEVENT");
    line(fmt::format("UID:backcare-{}-care-{}@backcare", options.profile, compact_date(plan.request.as_of)));
    line("DTSTAMP:" + stamp);
    line(sequence);
    line("DTSTART;VALUE=DATE:" + compact_date(plan.request.as_of));
    line("DURATION:P1D");
    line("SUMMARY:" + ics_text("backcare: see a clinician before exercising"));
    line("DESCRIPTION:" + ics_text(description));
    line("END:VEVENT");
    // The session events of the days this file covers, cancelled: an
    // earlier export must not keep asking her to exercise.
    const Date first = std::min(plan.request.as_of, plan.request.start);
    const Date last = plan.request.start + std::chrono::days{7 * plan.request.weeks_ahead - 1};
    for (Date day = first; day <= last; day += std::chrono::days{1}) {
      line("BEGIN:VEVENT");
      line(fmt::format("UID:backcare-{}-{}@backcare", options.profile, compact_date(day)));
      line("DTSTAMP:" + stamp);
      line(sequence);
      line(fmt::format("DTSTART:{}T{}00", compact_date(day), options.time_hhmm));
      line("DURATION:PT15M");
      line("STATUS:CANCELLED");
      line("SUMMARY:" + ics_text("backcare: cancelled until a clinician has checked you"));
      line("END:VEVENT");
    }
  }
  const auto bookings = words::booking_lines(plan.triage);
  if (!bookings.empty() && !plan.schedule.empty()) {
    // The referrals first, as an all-day event on the first day.
    const Date first = plan.schedule.front().date;
    line("BEGIN:VEVENT");
    line(fmt::format("UID:backcare-{}-book-{}@backcare", options.profile, compact_date(first)));
    line("DTSTAMP:" + stamp);
    line(sequence);
    line("DTSTART;VALUE=DATE:" + compact_date(first));
    line("DURATION:P1D");
    line("SUMMARY:" + ics_text(fmt::format("backcare: book {}", bookings_summary(plan.triage))));
    line("DESCRIPTION:"
         + ics_text(fmt::format("{}\n{}", fmt::join(bookings, "\n"), fmt::join(words::finding_lines(plan), "\n"))));
    line("END:VEVENT");
  }
  for (const ScheduleDay& day : plan.schedule) {
    std::string description;
    for (const std::string& booking : bookings) {
      description += booking + "\n";
    }
    for (const PlannedExercise& item : day.items) {
      description += words::exercise_line(item) + " " + words::exercise_details(*item.exercise) + "\n";
    }
    for (const std::string& finding : words::finding_lines(plan)) {
      description += finding + "\n";
    }
    description += fmt::format("{}\n{}\n{}{}\n{}", words::progress_summary(plan), words::k_pain_guide,
                               words::k_stretching_note, ics_signs(catalog), words::k_safety_note);
    line("BEGIN:VEVENT");
    line(fmt::format("UID:backcare-{}-{}@backcare", options.profile, compact_date(day.date)));
    line("DTSTAMP:" + stamp);
    line(sequence);
    line(fmt::format("DTSTART:{}T{}00", compact_date(day.date), options.time_hhmm));
    line(fmt::format("DURATION:PT{}M", words::session_minutes(day)));
    line("SUMMARY:"
         + ics_text(fmt::format("backcare: phase {} session ({} exercises)", plan.current_phase, day.items.size())));
    line("DESCRIPTION:" + ics_text(description));
    if (options.remind_minutes) {
      line("BEGIN:VALARM");
      line("ACTION:DISPLAY");
      line("DESCRIPTION:" + ics_text("backcare exercise session"));
      line(fmt::format("TRIGGER:-PT{}M", *options.remind_minutes));
      line("END:VALARM");
    }
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

} // namespace backcare
