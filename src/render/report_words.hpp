#pragma once

// The sentences and tables of the report, shared by its Markdown and HTML
// renderers so that the two never say different things. Plain text: each
// renderer escapes and marks it up. Written for a clinician: short, with
// units and dates.

#include "backcare/core/report.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace backcare::report_words {

inline constexpr std::string_view k_disclaimer =
    "A summary of the person's own records in backcare (pain diary, exercise sessions, warning-sign screenings, "
    "PSFS), not a diagnosis.";

// What fits on the page with 12 weeks of data (JSON has all): the latest
// notes tagged for the clinician, each cut to a few lines; the first PSFS
// rating and the latest ones; the latest changes of phase.
inline constexpr std::size_t k_shown_notes = 4;
inline constexpr std::size_t k_shown_note_length = 160; // characters
inline constexpr std::size_t k_shown_ratings = 3;
inline constexpr std::size_t k_shown_phases = 6;

struct Table {
  std::vector<std::string> head;
  std::vector<bool> right; // numbers align right
  std::vector<std::vector<std::string>> rows;
};

std::string title(const Report& report);
std::string period(const Report& report); // "2026-09-04 to 2026-11-26 (12 weeks)"
// The line at the top of the page when an urgent or emergency sign is in
// force on `until`; empty otherwise.
std::string care_now_alert(const Report& report);
std::vector<std::string> who(const Report& report);
std::vector<std::string> pain(const Report& report);
Table locations(const Report& report);
// The screenings with a sign, and the advice in force on the last day.
std::vector<std::string> signs(const Report& report);
Table phases(const Report& report);
std::string phase_now(const Report& report);
// Whether any session was planned, done or skipped in the period.
bool has_sessions(const Report& report);
Table weeks(const Report& report);
std::string sessions_total(const Report& report);
Table psfs(const Report& report);
std::string psfs_change(const Report& report);
std::vector<std::string> notes(const Report& report);
std::string generated(const Report& report);

// "2026-11-26 07:30".
std::string when(std::string_view at);

} // namespace backcare::report_words
