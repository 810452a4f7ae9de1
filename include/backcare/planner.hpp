#pragma once

// The planner: triage first, then the phase a person may work in, the
// exercises of each phase after equipment and rule adjustments, and a weekly
// schedule with real dates. Pure: "today" is PlanRequest::as_of.

#include "backcare/catalog.hpp"
#include "backcare/date.hpp"
#include "backcare/triage.hpp"

#include <optional>
#include <string>
#include <vector>

namespace backcare {

struct PlanRequest {
  Situation situation;
  Date as_of{};
  Date start{};                        // first day of the schedule
  int weeks_ahead = 1;                 // 1-12
  std::optional<int> phase;            // --phase
  std::vector<std::string> equipment;  // what the person has; empty: not limited
  bool has_history = false;            // logged sessions allow starting above phase 2
  std::vector<std::string> from_saved; // inputs taken from the saved profile or the log, in words
};

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
  const Rule* held_by = nullptr;          // a rule that keeps this phase closed
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
  int current_phase = 0; // 0 when care is needed now and no exercise is given
  int max_allowed = 0;
  std::vector<PhasePlan> phases; // empty when care is needed now
  std::vector<ScheduleDay> schedule;
  std::vector<DroppedExercise> dropped;
};

// Builds the plan. A --phase above what the time floor and the rules allow
// is an Error(ExitCode::usage) naming the week it opens or the rule.
Plan make_plan(const Catalog& catalog, const PlanRequest& request);

// Days of the week (0 = first day of the schedule) for `days_per_week`
// sessions, spread out so that strength days are never back to back.
std::vector<int> session_days(int days_per_week);

} // namespace backcare
