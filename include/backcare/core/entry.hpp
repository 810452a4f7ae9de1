#pragma once

// A pain-diary entry and a saved profile: the plain data the log stores,
// with the checks every way in (log add, edit, import) shares. Pure.

#include "backcare/core/catalog.hpp"
#include "backcare/core/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backcare {

struct Entry {
  std::int64_t id = 0;               // 0 until stored
  std::string at;                    // local time, YYYY-MM-DDTHH:MM
  int severity = 0;                  // 0-10 numeric rating scale
  std::string location = "low-back"; // a Location name (vocabulary.hpp)
  std::vector<std::string> tags;
  std::string note;

  bool operator==(const Entry&) const = default;
};

// Accepts YYYY-MM-DD (midnight) or YYYY-MM-DDTHH:MM; returns the normalised
// YYYY-MM-DDTHH:MM, or nullopt for anything else or an impossible time.
std::optional<std::string> parse_datetime(std::string_view text);

// True for a time of day as HH:MM, 00:00 to 23:59.
bool is_clock_time(std::string_view text);

// Why `text`, written as HH:MM, is not a time of day: "hours run 00-23" or
// "minutes run 00-59"; empty when it is one or is not written that way.
std::string why_not_a_time(std::string_view text);

// The calendar date of a normalised datetime.
Date date_of(std::string_view at);

// "none", "mild" (1-4), "moderate" (5-6) or "severe" (7-10), after Serlin 1995.
std::string_view severity_band(int severity);

// What is wrong with an entry, in words naming the field; empty when valid.
// An entry dated after `today` is refused, and so is a note or tag that is
// not valid UTF-8 (the same rule for add, edit and import: text is never
// stored that a JSON export could not write).
std::string entry_problem(const Entry& entry, Date today);

// entry_problem with the field it is about: a k_entry_columns name ("at",
// "severity", "location", "tags" or "note"), so that an import can point at
// the column that holds it.
struct EntryProblem {
  std::string_view field;
  std::string message; // empty when the entry is valid
};
EntryProblem entry_field_problem(const Entry& entry, Date today);

// Tags are stored and exported joined with ';'.
std::string join_tags(const std::vector<std::string>& tags);
std::vector<std::string> split_tags(std::string_view text);

// One person's saved details; every field is optional.
struct Profile {
  std::optional<Date> birth_date;
  std::optional<Delivery> delivery;
  std::optional<Date> pain_since;
  std::vector<std::string> postures;
  std::vector<std::string> equipment;

  bool empty() const { return !birth_date && !delivery && !pain_since && postures.empty() && equipment.empty(); }
};

} // namespace backcare
