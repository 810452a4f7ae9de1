#pragma once

// Triage: which catalog rules fire for a person's situation. Data-driven and
// pure; the rules themselves live in catalog/rules.toml.

#include "backcare/core/catalog.hpp"
#include "backcare/core/date.hpp"

#include <optional>
#include <string>
#include <vector>

namespace backcare {

// What the person told us, directly or through the profile and the log.
// A value that is not known makes the rules that need it not fire.
struct Situation {
  std::optional<int> weeks_postpartum;
  std::optional<int> days_postpartum; // when the birth date is known
  std::optional<Date> birth_date;     // for "tell them when you gave birth"
  Delivery delivery = Delivery::vaginal;
  std::optional<int> pain_days;
  std::optional<int> severity;
  std::vector<std::string> postures;
  std::vector<std::string> symptoms;
  bool pregnancy_back_pain = false;
  std::optional<Verdict> trend_verdict; // of the pain log, when there is one
  // Why red exercise sessions came too close together (progression's
  // red_sessions_referral); empty when they did not.
  std::string red_sessions;

  std::optional<int> pain_weeks() const
  {
    return pain_days ? std::optional<int>(weeks_from_days(*pain_days)) : std::nullopt;
  }
};

struct FiredRule {
  const Rule* rule = nullptr;
  std::vector<std::string> because; // the inputs that made it fire, in words
};

struct Triage {
  Level level = Level::self_care;
  std::vector<FiredRule> fired;    // most severe first, then catalog order
  std::optional<int> max_phase;    // the lowest cap among fired rules
  const Rule* capped_by = nullptr; // the rule that set max_phase
  const Rule* held_by = nullptr;   // the first fired rule that holds the plan

  bool avoids(std::string_view exercise_id) const;
};

Triage run_triage(const Catalog& catalog, const Situation& situation);

// One booking for a kind of clinician and the findings that send the person
// there, in the order to see them. A more specific clinician covers a general
// one ("pelvic-health physiotherapist" covers "physiotherapist").
struct Booking {
  std::string refer_to;
  std::vector<const Rule*> rules;
};
std::vector<Booking> bookings(const Triage& triage);

} // namespace backcare
