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
    "This is exercise guidance, not a diagnosis. Stop and seek care if a warning sign appears "
    "(backcare catalog symptoms lists them).";

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

// The urgent or emergency banner.
std::string care_now_banner(Level level);

// "Tell them you gave birth 10 weeks ago, on 2026-09-17."
std::string birth_reminder(const Situation& situation);

// The headline for refer and self-care plans.
std::string triage_headline(Level level);

// One line per kind of clinician to book, the one to see first first:
// "Book: pelvic-health physiotherapist, for severe pain (7/10 or more)."
std::vector<std::string> booking_lines(const Triage& triage);

// The messages of the fired rules below urgent, most severe first.
std::vector<std::string> finding_lines(const Plan& plan);

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

// When the last warning-sign answers have lapsed: when they were given and
// that `backcare screen` asks again; empty when they still count or she
// never screened.
std::string screening_line(const Plan& plan);

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
