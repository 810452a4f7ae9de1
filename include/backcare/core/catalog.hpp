#pragma once

// The catalog model: exercises, phases, symptoms and triage rules as loaded
// from catalog/*.toml. Plain data; loading and validation live in the store
// layer (catalog_loader.hpp).

#include "backcare/core/vocabulary.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backcare {

// True for the levels at which no exercise may ever be shown.
constexpr bool seeks_care_now(Level level)
{
  return level >= Level::urgent;
}

struct Dosage {
  int sets = 1;
  std::optional<int> reps;
  std::optional<int> hold_seconds;
  std::optional<int> minutes;
  std::optional<int> times_per_day; // a quick check repeated through the day
  int days_per_week = 3;
  std::string per; // e.g. "side" for "each side"; empty when not needed

  bool operator==(const Dosage&) const = default;
};

struct Exercise {
  std::string id;
  std::string name;
  int phase = 1;
  std::string category;
  Dosage dosage;
  std::vector<std::string> cues;
  std::vector<std::string> equipment;
  std::string regression;
  std::string progression;
  std::vector<std::string> postures;
  std::optional<std::string> substitute; // used when equipment is missing
  bool carry_forward = false;            // kept in the week of every later phase
  bool substitute_only = false;          // offered only in place of another
  std::string source;

  bool operator==(const Exercise&) const = default;
};

struct Phase {
  int number = 0;
  std::string name;
  std::string focus;
  int min_weeks_vaginal = 0;
  int min_weeks_cesarean = 0;
  std::vector<std::string> criteria;
  std::vector<std::string> closed_by; // signs that contradict an entry criterion
  std::string source;

  bool operator==(const Phase&) const = default;

  int min_weeks(Delivery delivery) const
  {
    return delivery == Delivery::cesarean ? min_weeks_cesarean : min_weeks_vaginal;
  }
};

struct Symptom {
  std::string id;
  std::string question;

  bool operator==(const Symptom&) const = default;
};

// All given fields must hold for a rule to fire.
struct Condition {
  std::vector<std::string> symptoms_any;
  std::optional<int> pain_weeks_min;
  std::optional<int> weeks_postpartum_min;
  std::optional<int> weeks_postpartum_max;
  std::optional<int> severity_min;
  std::optional<Delivery> delivery;
  std::optional<bool> pregnancy_back_pain;
  std::optional<Verdict> trend_verdict; // the log's verdict, as `trend` gives it
  std::optional<bool> red_sessions;     // red exercise sessions too close together

  bool operator==(const Condition&) const = default;
};

struct Rule {
  std::string id;
  std::string title; // short plain name shown to people
  Level level = Level::self_care;
  std::string refer_to;
  std::string message;
  std::string source;
  Condition when;
  std::optional<int> max_phase;   // never go above this phase while it fires
  bool hold = false;              // no moving up while it fires
  std::vector<std::string> avoid; // exercises dropped while it fires

  bool operator==(const Rule&) const = default;
};

// A note for `backcare trend`; all given conditions must hold.
struct TrendCondition {
  std::optional<int> weeks_postpartum_min;
  std::optional<int> weeks_postpartum_max;
  std::optional<int> pain_weeks_min;
  std::optional<bool> pain_present;
  std::optional<Verdict> verdict;

  bool operator==(const TrendCondition&) const = default;
};

struct TrendFlag {
  std::string id;
  std::string message; // "{weeks}" stands for the weeks after birth
  std::string source;
  TrendCondition when;

  bool operator==(const TrendFlag&) const = default;
};

// How exercise sessions move a person between phases ("master one item, then
// move on"), after the pain-monitoring model of Silbernagel & Thomee 2007.
// The catalog's [progression] table; these defaults are the shipped values,
// used when a catalog has no such table.
struct Progression {
  int green_max = 3;            // pain during and next morning at most this: green
  int amber_max = 5;            // at most this: amber; above it: red
  int next_morning_rise = 2;    // next morning this many points above during: red
  int start_phase = 2;          // the highest phase a person starts in
  int advance_sessions = 6;     // done sessions in a phase before moving on
  int advance_days = 14;        // ...spread over this many days, first and last session counted
  int advance_green_in_row = 2; // ...of which the last this many are green
  int step_back = 1;            // phases down after a red session (never below 1)
  int refer_reds = 2;           // this many red sessions...
  int refer_within_days = 7;    // ...within this many calendar days: see a physiotherapist
  int refer_lasts_days = 28;    // the referral stands this long after the last of them
  std::string source;

  bool operator==(const Progression&) const = default;
};

struct Catalog {
  std::string version;
  std::vector<Exercise> exercises;
  std::vector<Phase> phases; // sorted by number, 1..N
  std::vector<Symptom> symptoms;
  std::vector<Rule> rules;
  std::vector<TrendFlag> trend_flags;
  Progression progression;

  bool operator==(const Catalog&) const = default;

  const Exercise* find_exercise(std::string_view id) const;
  const Phase* find_phase(int number) const;
  const Symptom* find_symptom(std::string_view id) const;
  const Rule* find_rule(std::string_view id) const;

  // The most severe level among the rules that name this symptom.
  Level symptom_level(std::string_view id) const;
};

} // namespace backcare
