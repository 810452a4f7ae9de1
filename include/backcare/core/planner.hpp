#pragma once

// The planner: triage first, then the phase a person may work in, the
// exercises of each phase after equipment and rule adjustments, and a weekly
// schedule with real dates. Pure: "today" is PlanRequest::as_of.

#include "backcare/core/catalog.hpp"
#include "backcare/core/date.hpp"
#include "backcare/core/inputs.hpp"
#include "backcare/core/progression.hpp"
#include "backcare/core/screening.hpp"
#include "backcare/core/triage.hpp"

#include <optional>
#include <string>
#include <vector>

namespace backcare {

struct PlanRequest {
  Situation situation;
  Date as_of{};
  Date start{};                       // first day of the schedule
  int weeks_ahead = 1;                // 1-12
  std::optional<int> phase;           // --phase
  std::vector<std::string> equipment; // what the person has; empty: not limited
  std::vector<InputOrigin> origins;   // where each input came from
  // The person's exercise sessions up to as_of, next mornings filled in
  // (LogSummary::sessions): the phase follows them, one phase at a time.
  std::vector<Session> sessions;
  // Every screening up to as_of (LogSummary::screenings): the signs in force
  // on each past day cap and hold the replay as they did then.
  std::vector<Screening> screenings;
  // The logged days up to as_of (LogSummary::days), in order, from a week
  // before the first session (plan_request): a flare on a past day lowers
  // that day's ceiling, as the plan did then.
  std::vector<DaySummary> pain_days;
  // LogSummary::worse_when_last_logged: said under the triage.
  std::optional<Date> worse_when_last_logged;
  // LogSummary::sudden_rise, unless the screening question it raises has
  // been answered since that day: the plan asks it.
  std::optional<SuddenRise> sudden_rise;
};

// Our choice: exercises from earlier phases added for a posture, at most this
// many, so that a session stays short enough for a new parent.
constexpr int k_max_posture_extras = 2;

struct PlannedExercise {
  const Exercise* exercise = nullptr;
  const Exercise* replaces = nullptr; // set when swapped in for missing equipment
  bool for_posture = false;           // from an earlier phase, for the person's posture
};

enum class PhaseStatus { earlier, current, open, later };
std::string_view to_string(PhaseStatus status);

struct PhasePlan {
  const Phase* phase = nullptr;
  int min_weeks = 0; // for the person's delivery type
  PhaseStatus status = PhaseStatus::later;
  Date opens_on{};                        // the day the time floor is met
  const Rule* held_by = nullptr;          // a rule whose cap keeps this phase closed
  std::string closed_by;                  // a reported sign that contradicts its entry criteria
  std::vector<PlannedExercise> exercises; // empty for phases not allowed yet
};

struct ScheduleDay {
  Date date{};
  std::vector<PlannedExercise> items;
};

struct DroppedExercise {
  const Exercise* exercise = nullptr;
  std::string reason;
};

struct Plan {
  PlanRequest request;
  Triage triage;
  int current_phase = 0;      // 0 when care is needed now and no exercise is given
  int max_allowed = 0;        // the ceiling of time floors, rule caps and closed phases
  const Rule* hold = nullptr; // the rule that holds the plan where it is: a hold rule, a sign, red sessions
  Progress progress;          // where the sessions have brought the person
  bool holds = false;         // nobody moves up today: a warning sign, a hold rule, red sessions
  // The ceiling to record with a session done today: the current phase
  // while the plan holds (so that the replay never counts today as a day to
  // move up), else max_allowed.
  int session_ceiling() const { return holds ? current_phase : max_allowed; }
  int session_days = 0; // days a week with more than the every-day routine (7 when it is all of it)
  // session_days of each phase's week for this person; [0] is phase 1.
  std::vector<int> session_days_by_phase;
  Adherence adherence; // keeping to the plan, this week and the last 28 days, each day at its phase's pace
  // Whether the warning-sign answers of request.screenings still count:
  // lapsed answers no longer hold or cap the plan, and the plan says so.
  ScreeningStatus screening;
  // The plan day by day: the phase the sessions had the person in each day,
  // and the session days of each phase.
  PlannedSessions planned_sessions() const { return {progress.history, session_days_by_phase}; }
  std::vector<PhasePlan> phases; // empty when care is needed now
  std::vector<ScheduleDay> schedule;
  std::vector<DroppedExercise> dropped;
};

// What the planner is asked on `as_of` from everything known then: the
// resolved inputs, and the log's sessions and screenings to replay, with the
// schedule from `start`. plan, trend, report and session all build their
// request here, so they judge the same thing.
PlanRequest plan_request(const ResolvedInputs& inputs, const LogSummary& log, Date as_of, Date start);

// The sessions replayed up to request.as_of with each day's ceiling and
// hold as make_plan finds them (time floors when the time since birth is
// known, recorded ceilings, screened signs, logged pain), today included as
// one more such day: the phase history when no plan can be made (an urgent
// or emergency sign in force, or no pain known).
Progress replay_sessions(const Catalog& catalog, const PlanRequest& request);

// Builds the plan. Triage comes first: with an urgent or emergency sign the
// plan has no phase and no exercise, whatever else is missing. Otherwise the
// weeks after birth and the severity must be known. The phase is where the
// sessions have brought the person (progress(), never above max_allowed); a
// requested phase above what the time floor, the rules and the reported
// signs allow is an Error(ExitCode::usage) naming the week it opens, the rule
// or the sign.
Plan make_plan(const Catalog& catalog, const PlanRequest& request);

// "caesarean" or "vaginal": the one spelling used in prose.
std::string_view delivery_word(Delivery delivery);

// "4 days after birth" under two weeks, else "week 10 after birth".
std::string time_since_birth(const Situation& situation);

// Every exercise a session of phase `phase` can hold for someone, whatever
// their posture and equipment, as a week of that phase is built: the
// phase's own exercises and their stand-ins for missing equipment, and the
// earlier phases' exercises the week keeps or adds for a posture. Empty for
// a phase the catalog does not have.
std::vector<const Exercise*> possible_session_exercises(const Catalog& catalog, int phase);

// What is wrong with a session against the catalog, in words naming the
// field; empty when nothing: a phase the catalog does not have, or a
// left-out exercise the catalog does not have or that no session of that
// phase holds (what `session import` checks, without the day's plan).
std::string session_catalog_problem(const Catalog& catalog, const Session& session);

// Days of the week (0 = first day of the schedule) for `days_per_week`
// sessions, spread out so that strength days are never back to back.
std::vector<int> session_days(int days_per_week);

} // namespace backcare
