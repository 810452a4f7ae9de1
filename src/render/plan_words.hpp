#pragma once

// The words every plan renderer shares (text, Markdown, iCalendar), so that
// the formats never say different things.

#include "backcare/planner.hpp"
#include "backcare/render.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace backcare::words {

inline constexpr std::string_view k_safety_note =
    "This is exercise guidance, not a diagnosis. Stop and seek care if a warning sign appears "
    "(backcare catalog symptoms lists them).";

// "Week 10 after a vaginal birth; pain now 4/10, for 8 weeks."
std::string situation(const Plan& plan);

// The urgent or emergency banner.
std::string care_now_banner(Level level);

// "Tell them you gave birth 10 weeks ago, on 2026-09-17."
std::string birth_reminder(const Situation& situation);

inline constexpr std::string_view k_no_exercises = "No exercises are shown until a clinician has checked you.";

// The headline for refer and self-care plans.
std::string triage_headline(Level level);

// One line per fired rule and dropped exercise, for refer and self-care plans.
std::vector<std::string> triage_notes(const Plan& plan);

// "Heel slide: 2 x 10 each side." with a note when swapped or for posture.
std::string exercise_line(const PlannedExercise& item);

// The later phases, in order, with when each opens.
std::vector<const PhasePlan*> phases_ahead(const Plan& plan);
std::string phase_opening(const Plan& plan, const PhasePlan& entry);

} // namespace backcare::words
