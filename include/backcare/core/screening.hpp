#pragma once

// The warning-sign questions a person answered (`backcare screen`), and the
// signs they leave in force over time. Pure: "today" is passed in.
//
// A "yes" stays in force until a later answer to that question clears it;
// it never lapses. A "no" clears a sign, except that an emergency or urgent
// sign is cleared only by a "no" that says a clinician checked her. A sign
// of any level is also cleared by recording that a clinician checked it
// while the "yes" still stands (past cancer stays true for ever): its advice
// is then done. Only "no" answers lapse: they count as a recent screening
// for k_screening_days.

#include "backcare/core/catalog.hpp"
#include "backcare/core/date.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace backcare {

struct Screening {
  std::int64_t id = 0;            // 0 until stored
  std::string at;                 // local time, YYYY-MM-DDTHH:MM
  std::vector<std::string> asked; // the symptom ids answered, in order
  std::vector<std::string> yes;   // those answered "yes" (a subset of asked)
  // Those of `asked` a clinician has checked since they were reported
  // (`screen --checked`).
  std::vector<std::string> checked;

  bool operator==(const Screening&) const = default;
};

// A "no" counts as a recent answer for this many days, the day it was saved
// included.
constexpr int k_screening_days = 7;

// How a sign's time in force ended.
enum class SignEnd {
  in_force, // not ended
  no,       // a later "no"
  checked,  // a "no" after a clinician's check, or a "yes" a clinician has checked
};

// One warning sign from the "yes" that raised it to the answer that ended it.
struct SignSpan {
  std::string id;
  std::string since; // the "yes" that raised it
  std::string until; // the answer that ended it; empty while in force
  SignEnd end = SignEnd::in_force;
  bool still_true = false;  // ended by a "yes" that a clinician has checked
  std::string unchecked_no; // the latest "no" that could not clear it (no check said); empty when none

  bool operator==(const SignSpan&) const = default;
};

// Whether only a "no" after a clinician's check clears this sign: an
// emergency or urgent sign.
bool needs_check_to_clear(const Catalog& catalog, std::string_view id);

// Every time a sign was in force, from the screenings (sorted by `at`) up to
// `today` (later ones are ignored), in the order they began.
std::vector<SignSpan> sign_spans(const Catalog& catalog, const std::vector<Screening>& screenings, Date today);

struct ScreenedSigns {
  std::vector<std::string> signs; // in force, in the order they began
  std::string at;                 // the latest screening up to the day; empty when none
};

// The signs in force on `today`.
ScreenedSigns screened_signs(const Catalog& catalog, const std::vector<Screening>& screenings, Date today);

// The signs of `spans` (sign_spans up to a later day) in force on `day`:
// begun on or before it and not ended by then. The same as screened_signs
// on that day, without walking the answers again (the replay asks for
// every day).
std::vector<std::string> signs_in_force_on(const std::vector<SignSpan>& spans, Date day);

// Whether the latest answer to `id` up to `today` is a "no" (or a check
// that cleared it) given in the last k_screening_days.
bool answered_no_recently(const Catalog& catalog, const std::vector<Screening>& screenings, std::string_view id,
                          Date today);

// Whether any screening was saved in the last k_screening_days up to `today`.
bool screened_recently(const std::vector<Screening>& screenings, Date today);

// The warning-sign answers as they stand on `today`.
struct ScreeningStatus {
  std::string last_at; // the latest screening up to today; empty when she never screened
  // Not every question has an answer from the last k_screening_days (a
  // sign in force counts as answered): the plan cannot say that nothing
  // needs a clinician, and asks her to screen.
  bool lapsed = true;
  std::vector<std::string> unanswered; // the questions without a recent answer, in catalog order
  std::vector<SignSpan> in_force;      // the signs in force today
  std::vector<SignSpan> checked;       // still true, but a clinician has checked them: their advice is done
};

ScreeningStatus screening_status(const Catalog& catalog, const std::vector<Screening>& screenings, Date today);

} // namespace backcare
