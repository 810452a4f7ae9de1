#pragma once

// Where a person is: the phase their sessions have
// earned, replayed from the start of the history, and how well they keep to
// the plan. Pure: the same sessions, ceiling and dates always give the same
// answer; "today" is passed in.

#include "backcare/core/catalog.hpp"
#include "backcare/core/date.hpp"
#include "backcare/core/session.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backcare {

// What the latest session (or a change of the ceiling) did to the phase.
enum class Decision { start, advance, hold, step_back };
BACKCARE_VOCABULARY(Decision, 4,
                    {{Decision::start, "start"},
                     {Decision::advance, "advance"},
                     {Decision::hold, "hold"},
                     {Decision::step_back, "step-back"}});

// One change of phase, for a clinician's phase history.
struct PhaseChange {
  Date date{};
  int from = 0; // 0 for the start
  int to = 1;
  Decision decision = Decision::start;
  std::string why; // a sentence with the numbers behind it
};

// A session as the replay counted it.
struct SessionResult {
  std::int64_t id = 0;
  std::string at;
  int phase = 1;                  // the phase it counted in, as replayed
  std::optional<Outcome> outcome; // nullopt for a skipped session
};

struct ProgressRequest {
  // In any order (the replay sorts them by `at`, then `id`); sessions after
  // `today` and sessions whose `at` does not parse are left out.
  std::vector<Session> sessions;
  // The ceiling on a date: `phase.max_allowed` from the time floors, the
  // rules and the reported signs. Called once for each day from the first
  // session to `today`, in order; values are kept within 1..last_phase.
  // Empty: every phase is open.
  std::function<int(Date)> ceiling;
  int last_phase = 4; // the catalog's number of phases
  Date today{};
  bool trend_worse = false; // the log's trend verdict today is "worse"
  // Days on which nobody moves up (a warning sign in force, a rule that
  // holds the plan); empty: none. Today's hold also puts off an advance no
  // session has been done in yet, with `hold_reason` as the words.
  std::function<bool(Date)> holds;
  std::string hold_reason; // "you reported leakage", ...
  // What moving up to a phase on a day still needs from the warning-sign
  // answers (a screening in the last 7 days that answers no to the phase's
  // entry questions), in words; empty when nothing. Empty function: nothing.
  std::function<std::string(Date, int)> entry_screening;
};

struct Progress {
  int phase = 1;
  Date since{};              // the day the current phase began
  int sessions_in_phase = 0; // done sessions since then
  Decision decision = Decision::start;
  std::vector<std::string> reasons;    // why, with the numbers behind it
  std::vector<std::string> to_move_on; // what is still needed; empty in the last phase
  bool refer = false;                  // red sessions too close together: review with a physiotherapist
  std::string refer_reason;            // the red sessions behind it
  std::vector<PhaseChange> history;    // the start, then every change, oldest first
  std::vector<SessionResult> sessions; // every session replayed, sorted by `at`
};

// Replays the sessions from the first one (or from today when there are
// none), following the catalog's [progression] thresholds:
// - start at phase start_phase, or lower when the ceiling of the first day
//   is lower;
// - each day, a ceiling below the phase brings the phase down to it; a
//   ceiling that rises again moves no one up, sessions do;
// - after each done session (skipped ones do not count): a red one steps
//   back step_back phases (never below 1); else it advances one phase when
//   the phase has advance_sessions done sessions over advance_days days
//   (from its first session's day to this one's, both counted), the last
//   advance_green_in_row of them green, the ceiling of that day opens
//   the next phase and its entry_screening is met; else it holds. A
//   pending session is not green. A phase mastered while only its
//   screening was missing moves up on the day the screening comes.
// A worse trend today holds: an advance that no session has been done in
// yet is put off, so the person stays where they were. refer_reds red
// sessions within refer_within_days calendar days set `refer` until
// refer_lasts_days after the last of them.
Progress progress(const Progression& rules, const ProgressRequest& request);

// The referral that refer_reds red sessions within refer_within_days days
// give, while it stands (what Progress::refer says, without a replay: plan
// and trend fire the same rule from it). nullopt when none.
std::optional<std::string> red_sessions_referral(const Progression& rules, const std::vector<Session>& sessions,
                                                 Date today);

// What the plan asked for on each day: the phase the replay had the person
// in that day and the session days a week of that phase's plan. The one
// account of planned sessions that plan, trend and report all count with,
// so that after a step back to a daily phase the days before it still
// count at their own phase's pace.
struct PlannedSessions {
  std::vector<PhaseChange> history; // Progress::history: the phase from each change on, oldest first
  std::vector<int> days_per_week;   // the session days a week of each phase's plan; [0] is phase 1

  // The phase in force on `day`: the latest change on or before it; before
  // the history starts, the phase it starts in; 0 without a history.
  int phase_on(Date day) const;
  // The session days a week of the phase in force on `day` (0-7; 0 for a
  // phase without a known plan).
  int days_per_week_on(Date day) const;
  // The sessions planned from `first` to `last`, both counted: each day
  // counts days_per_week_on(day) sevenths of a session and the sum is
  // rounded up, so 7 days of one phase plan its days a week, and a first
  // day of a 3-a-week phase plans 1. 0 when `last` is before `first`.
  int between(Date first, Date last) const;
  // The paces from `first` to `last`: a new one on each day the session
  // days a week change, with the phase in force that day; the first starts
  // on `first`. Empty when `last` is before `first`.
  struct Pace {
    Date from{};
    int days_per_week = 0;
    int phase = 0;
    bool operator==(const Pace&) const = default;
  };
  std::vector<Pace> paces(Date first, Date last) const;
};

// Keeping to the plan in the week (Monday to Sunday) that holds a day.
struct WeekAdherence {
  Date monday{};
  int planned = 0; // the whole week's planned sessions (PlannedSessions::between), whatever the day of the week
  int done = 0;    // done sessions recorded that week, up to today
  int skipped = 0; // skipped sessions recorded that week, up to today
};

struct Adherence {
  WeekAdherence this_week;
  // The 28 days ending today, from the first recorded session (done or
  // skipped) when that is later: a person who began 10 days ago is measured
  // over those 10 days. Planned: PlannedSessions::between over those days,
  // each day at the pace of its own phase; the percent is done sessions
  // over planned, rounded, capped at 100; nullopt when nothing was planned
  // (as trend says it).
  int last_28_days_planned = 0;
  int last_28_days_done = 0;
  std::optional<int> last_28_days_percent;
};

// Done over planned in percent, rounded, at most 100; nullopt when nothing
// was planned.
std::optional<int> adherence_percent(int done, int planned);

// The week holding `day`, counting sessions up to `today`.
WeekAdherence week_adherence(const std::vector<Session>& sessions, const PlannedSessions& planned, Date day,
                             Date today);

Adherence adherence(const std::vector<Session>& sessions, const PlannedSessions& planned, Date today);

} // namespace backcare
