#include "backcare/render/sessions.hpp"

#include "backcare/core/session_codec.hpp"
#include "backcare/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace backcare {
namespace {

std::string pain(const std::optional<int>& value)
{
  return value ? fmt::format("{}/10", *value) : std::string("-");
}

Paint outcome_paint(Outcome outcome)
{
  switch (outcome) {
  case Outcome::green:
    return Paint::green;
  case Outcome::amber:
    return Paint::yellow;
  case Outcome::red:
    return Paint::red;
  case Outcome::pending:
    break;
  }
  return Paint::bold;
}

std::string table(const std::vector<SessionRow>& rows, const Style& style)
{
  if (rows.empty()) {
    return "No sessions yet. After a session, record it with: backcare session add --pain-during N\n";
  }
  std::string out = fmt::format("{:>5}  {:<16}  {:>5}  {:<8}  {:>6}  {:>7}  {}\n", "id", "at", "phase", "outcome",
                                "during", "morning", "left out / reason, note");
  for (const SessionRow& row : rows) {
    const Session& s = row.session;
    const std::string word = row.outcome ? std::string(name_of(*row.outcome)) : "skipped";
    const std::string shown = row.outcome ? paint(fmt::format("{:<8}", word), outcome_paint(*row.outcome), style)
                                          : fmt::format("{:<8}", word);
    std::string detail =
        s.reason ? std::string(name_of(*s.reason)) : fmt::format("{}", fmt::join(s.skipped_exercises, ", "));
    if (!s.note.empty()) {
      detail += (detail.empty() ? "" : "; ") + escape_control(s.note);
    }
    const std::string phase = s.phase > 0 ? std::to_string(s.phase) : std::string("?");
    std::string line = fmt::format("{:>5}  {:<16}  {:>5}  {}  {:>6}  {:>7}  {}", s.id, s.at, phase, shown,
                                   pain(s.pain_during), pain(s.next_morning), detail);
    line.erase(line.find_last_not_of(' ') + 1);
    out += line + '\n';
  }
  if (std::any_of(rows.begin(), rows.end(), [](const SessionRow& row) { return row.session.phase == 0; })) {
    out += "Phase ?: unknown; it could not be worked out when the session was saved (no birth date or no pain "
           "logged then).\n";
  }
  return out;
}

} // namespace

std::string render_sessions(ListFormat format, const std::vector<SessionRow>& rows, const Style& style)
{
  switch (format) {
  case ListFormat::json: {
    std::string out = "[";
    for (std::size_t i = 0; i < rows.size(); ++i) {
      out += (i == 0 ? "\n  " : ",\n  ") + session_json(rows[i].session, rows[i].outcome);
    }
    return out + (rows.empty() ? "]\n" : "\n]\n");
  }
  case ListFormat::csv: {
    std::string out = session_csv_header();
    for (const SessionRow& row : rows) {
      out += session_csv(row.session, row.outcome);
    }
    return out;
  }
  case ListFormat::text:
    break;
  }
  return table(rows, style);
}

std::string render_session_added(const SessionRow& row, const Progression& rules, const Progress& after)
{
  const Session& s = row.session;
  const std::string head = fmt::format("Session {} saved (phase {}", s.id, s.phase);
  std::string numbers = s.pain_during ? fmt::format("{}/10 during", *s.pain_during) : std::string("no pain given");
  if (s.next_morning) {
    numbers += fmt::format(", {}/10 the next morning", *s.next_morning);
  }
  std::string out;
  switch (row.outcome.value_or(Outcome::pending)) {
  case Outcome::green:
    out = fmt::format("{}). Green: {}. Well done.", head, numbers);
    break;
  case Outcome::amber:
    out = fmt::format("{}). Amber: {}. That is acceptable: keep the same exercises, no harder, next time.", head,
                      numbers);
    break;
  case Outcome::red:
    // Said when the session is saved, which may be the next day: no "stop now".
    out = after.phase < s.phase
              ? fmt::format("{}). Red: {}. That was too much; the plan goes back to phase {} for the next sessions.",
                            head, red_reason(rules, s), after.phase)
              : fmt::format("{}). Red: {}. That was too much; next time, do the easier versions of phase {}.", head,
                            red_reason(rules, s), s.phase);
    break;
  case Outcome::pending:
    out = fmt::format("{}). So far: {}. Tell me tomorrow morning's pain with: backcare log add N (between {} and {}).",
                      head, numbers, k_next_morning_from, k_next_morning_until);
    break;
  }
  if (after.decision == Decision::advance && after.since == date_of(s.at)) {
    out += fmt::format(" You have mastered the phase: your next plan is phase {}.", after.phase);
  }
  if (after.refer) {
    out += " " + after.refer_reason;
  }
  return out + '\n';
}

std::string render_session_saved_unjudged(const Session& s, std::string_view needs)
{
  const std::string what = s.reason ? fmt::format("Skipped session {} saved ({})", s.id, name_of(*s.reason))
                                    : fmt::format("Session {} saved", s.id);
  return fmt::format("{}, its phase unknown for now: working it out needs {}.\n", what, needs);
}

std::string render_session_skipped(const Session& session, const Adherence& adherence)
{
  const WeekAdherence& week = adherence.this_week;
  // Nothing planned (no plan beside an urgent sign): the sessions done alone.
  const std::string done = week.planned > 0
                               ? fmt::format("{} of {} done", week.done, counted(week.planned, "session", "sessions"))
                               : counted(week.done, "session", "sessions") + " done";
  return fmt::format("Skipped session {} saved ({}). That happens; this week so far: {}.\n", session.id,
                     name_of(*session.reason), done);
}

} // namespace backcare
