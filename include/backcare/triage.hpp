#pragma once

// Triage: which catalog rules fire for a person's situation. Data-driven and
// pure; the rules themselves live in catalog/rules.toml.

#include "backcare/catalog.hpp"
#include "backcare/date.hpp"

#include <optional>
#include <string>
#include <vector>

namespace backcare {

// What the person told us.
struct Situation {
  int weeks_postpartum = 0;
  std::optional<Date> birth_date; // when known, for "tell them when you gave birth"
  Delivery delivery = Delivery::vaginal;
  std::optional<int> pain_days; // unknown: rules that need it do not fire
  int severity = 0;
  std::vector<std::string> postures;
  std::vector<std::string> symptoms;
  bool pregnancy_back_pain = false;

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

  bool avoids(std::string_view exercise_id) const;
};

Triage run_triage(const Catalog& catalog, const Situation& situation);

} // namespace backcare
