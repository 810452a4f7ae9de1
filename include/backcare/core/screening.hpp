#pragma once

// The warning-sign questions a person answered (`backcare screen`), and the
// signs they leave in force. Pure: "today" is passed in.

#include "backcare/core/date.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace backcare {

struct Screening {
  std::int64_t id = 0;            // 0 until stored
  std::string at;                 // local time, YYYY-MM-DDTHH:MM
  std::vector<std::string> asked; // the symptom ids answered, in order
  std::vector<std::string> yes;   // those answered "yes" (a subset of asked)

  bool operator==(const Screening&) const = default;
};

// A screening counts for this many days, the day it was saved included.
constexpr int k_screening_days = 7;

struct ScreenedSigns {
  std::vector<std::string> signs; // in the order they were first answered
  std::string at;                 // the latest screening that counts; empty when none
};

// The signs in force on `today`: for each symptom, the latest answer of the
// screenings of the last k_screening_days (a later "no" clears an earlier
// "yes"). `screenings` are sorted by `at`; later ones are ignored.
ScreenedSigns screened_signs(const std::vector<Screening>& screenings, Date today);

// Whether the warning-sign answers still count on `today`.
struct ScreeningStatus {
  std::string last_at;          // the latest screening up to today; empty when she never screened
  bool lapsed = false;          // she screened, but more than k_screening_days ago: the answers no longer count
  std::vector<std::string> yes; // the signs in force on the day of the latest screening
};

// The status of `screenings` (sorted by `at`; later ones are ignored).
ScreeningStatus screening_status(const std::vector<Screening>& screenings, Date today);

} // namespace backcare
