#pragma once

// The words every plan renderer shares (text, Markdown, CSV, iCalendar), so
// that the formats never say different things.

#include "backcare/core/planner.hpp"
#include "backcare/render/plan.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace backcare::words {

inline constexpr std::string_view k_safety_note =
    "This is exercise guidance, not a diagnosis. Stop and seek care if any of the warning signs appears.";

// The pain traffic light for exercise (Silbernagel & Thomee 2007).
inline constexpr std::string_view k_pain_guide =
    "Pain during exercise: 3/10 or less is fine, 4-5/10 is acceptable, above 5/10 stop. "
    "If pain or stiffness is worse the next morning, step back to the easier versions.";

// The seed article's central message (Owen et al. 2020 agrees).
inline constexpr std::string_view k_stretching_note =
    "Stretching the low back is not the fix and can make pain worse; alignment, breathing, "
    "strength and moving more are.";

inline constexpr std::string_view k_no_exercises = "No exercises are shown until a clinician has checked you.";

// "Week 10 after a vaginal birth; pain now 4/10, for 8 weeks." Unknown
// values are left out.
std::string situation(const Plan& plan);

// After a title, for a plan shown with --phase: " (a preview of phase 4;
// nothing recorded changes)".
std::string preview_note(const Plan& plan);

// The urgent or emergency banner.
std::string care_now_banner(Level level);

// "Tell them you gave birth 10 weeks ago, on 2026-09-17."
std::string birth_reminder(const Situation& situation);

// The headline for refer and self-care plans. A self-care plan says that
// nothing needs a clinician only when every warning-sign question has an
// answer from the last 7 days; otherwise it asks her to screen.
std::string triage_headline(Level level, const ScreeningStatus& status, Date today);

// The warning signs in plain words, one line per level, most severe first:
// what to do, then the signs ("Call your emergency number now for: ...").
// Every plan carries them.
struct SignGroup {
  Level level = Level::refer;
  std::string action;             // "Call your emergency number now"
  std::vector<const Rule*> rules; // the catalog's rules at that level that name a sign
};
std::vector<SignGroup> warning_sign_groups(const Catalog& catalog);
std::vector<std::string> warning_sign_lines(const Catalog& catalog);

// When the log shows a sudden rise of the pain: what it saw, the screening
// question, and the two commands that answer it; empty otherwise.
std::string sudden_rise_line(const Plan& plan);

// A sign id in words: "calf swelling".
std::string sign_name(std::string_view id);

// Signs in force that a bare "no" did not clear, and signs whose advice is
// done (a clinician checked them), each with what to do next.
std::vector<std::string> sign_state_lines(const ScreeningStatus& status);

// One line per kind of clinician to book, the one to see first first:
// "Book: pelvic-health physiotherapist, for severe pain (7/10 or more)."
std::vector<std::string> booking_lines(const Triage& triage);

// The messages of the fired rules below urgent, most severe first, then
// what the person should know though no rule fired. `headline_said`: the
// triage headline already asked her to screen (text and Markdown).
std::vector<std::string> finding_lines(const Plan& plan, bool headline_said = false);

// The other findings of an urgent or emergency plan, shortly: "Also mention: ...".
std::vector<std::string> also_mention(const Plan& plan);

// Exercises left out of this week, with why.
std::vector<std::string> dropped_lines(const Plan& plan);

// Where the inputs came from, for people: "pain now 7/10 from your log entry of 2026-11-24T06:00".
std::vector<std::string> origin_lines(const Plan& plan);

// Why the plan is at its phase, with the numbers: where the sessions have
// brought the person, and what holds or caps the plan.
// When the pain's duration comes from a log that begins with it: to save
// when the pain really began. Empty otherwise.
std::string pain_start_tip(const Plan& plan);
std::string phase_reason(const Plan& plan);

// What is still needed to move up one phase, in plain words; empty in the last phase.
std::vector<std::string> move_on_lines(const Plan& plan);

// Where the person is, in one paragraph for the exports: phase_reason, what
// is needed to move on, and adherence_line.
std::string progress_summary(const Plan& plan);

// When not every warning-sign question has an answer from the last 7 days:
// when she was last asked (or that she never was) and that `backcare
// screen` asks again; empty when the answers are up to date.
std::string screening_line(const Plan& plan);
std::string screening_line(const ScreeningStatus& status, Date today);

// "This week: 2 of 3 sessions done, 1 skipped. Last 28 days: 75% ..."
std::string adherence_line(const Plan& plan);

// "Heel slide: 2 x 10 each side." with a note when swapped or for posture.
std::string exercise_line(const PlannedExercise& item);

// Every cue, then "Easier: ... Harder: ...".
std::string exercise_details(const Exercise& exercise);

// The later phases, in order, with when each opens.
std::vector<const PhasePlan*> phases_ahead(const Plan& plan);
// The session count for moving on to phase `number`, as a roadmap line:
// "At least 6 sessions in phase 2, spread over at least 14 days."
std::string mastery_line(const Progression& rules, int number);
std::string phase_opening(const Plan& plan, const PhasePlan& entry);

// "Focus: heel slide, ...": the phase's exercises, less those a rule leaves out.
std::string phase_focus(const Catalog& catalog, const Plan& plan, const Phase& phase);

// Estimated minutes of a day's session (walking is apart from it).
int session_minutes(const ScheduleDay& day);

} // namespace backcare::words
