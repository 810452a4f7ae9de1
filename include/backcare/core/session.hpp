#pragma once

// An exercise session a person did or skipped, its pain outcome by the
// pain-monitoring model (Silbernagel & Thomee 2007; thresholds from the
// catalog's [progression]), and the checks every way in (session add, skip,
// edit, import) shares. Pure.

#include "backcare/core/catalog.hpp"
#include "backcare/core/date.hpp"
#include "backcare/core/entry.hpp"
#include "backcare/core/vocabulary.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backcare {

// Each word list below is a vocabulary (vocabulary.hpp): name_of, parse_word
// and names_of give its names for the command line, JSON and CSV.
enum class SessionStatus { done, skipped };
BACKCARE_VOCABULARY(SessionStatus, 2, {{SessionStatus::done, "done"}, {SessionStatus::skipped, "skipped"}});

// Why a session was skipped; lack of time is the most common barrier.
enum class SkipReason { time, pain, baby, sick, other };
BACKCARE_VOCABULARY(SkipReason, 5,
                    {{SkipReason::time, "time"},
                     {SkipReason::pain, "pain"},
                     {SkipReason::baby, "baby"},
                     {SkipReason::sick, "sick"},
                     {SkipReason::other, "other"}});

// How a done session went: green (fine), amber (acceptable), red (too much),
// or pending (the next morning is not known yet).
enum class Outcome { green, amber, red, pending };
BACKCARE_VOCABULARY(
    Outcome, 4,
    {{Outcome::green, "green"}, {Outcome::amber, "amber"}, {Outcome::red, "red"}, {Outcome::pending, "pending"}});

struct Session {
  std::int64_t id = 0; // 0 until stored
  std::string at;      // local time, YYYY-MM-DDTHH:MM
  int phase = 1;       // the phase it was done (or planned) in; 0: unknown
  SessionStatus status = SessionStatus::done;
  std::optional<int> pain_during;             // worst pain during it, 0-10
  std::optional<int> next_morning;            // pain the next morning, 0-10
  std::vector<std::string> skipped_exercises; // exercise ids left out of a done session
  std::optional<SkipReason> reason;           // set exactly when skipped
  std::string note;
  // The plan's ceiling (phase.max_allowed) when the session was recorded;
  // 0 when unknown. The replay uses it as that day's ceiling, so a flare
  // that lowered the ceiling stays in the history after it clears.
  int ceiling = 0;
  // Not stored: the pain of the morning of the session's day, before it
  // (the first log entry from 05:00 to 12:00), her usual pain then; the
  // next morning is worse only when it rises above this too.
  std::optional<int> morning_before;

  bool operator==(const Session&) const = default;
};

// What is wrong with a session, in words naming the field; empty when valid.
// A session after `today` is refused; the phase is 1-99, or 0 when unknown (whether the catalog
// has it is for the caller to check); pain values are 0-10; a skipped session
// needs a reason and has no pain values or left-out exercises, a done one
// has no reason; exercise ids are catalog-style ids (lower-case letters,
// digits, '-'), each listed once (whether the catalog knows them is for the
// caller to check); the note must be valid UTF-8.
std::string session_problem(const Session& session, Date today);

// The outcome of a done session; nullopt for a skipped one. Red when the pain
// during or the next morning is above amber_max, or the next morning is above
// green_max and next_morning_rise or more points above the pain during (and
// above the morning before, when logged: a next morning like her usual
// morning is not worse); a pain during above
// amber_max is red at once, without waiting for the next morning. Otherwise
// pending while the next morning is unknown, green when both are at most
// green_max, else amber. When the pain during was not recorded, only a red
// next morning decides; otherwise it stays pending (session edit
// --pain-during N completes it).
std::optional<Outcome> outcome(const Progression& rules, const Session& session);

// Why a red session is red, with its numbers: "pain 7/10 during it, above
// 5", "pain 6/10 the next morning, above 5" or "pain 4/10 the next morning,
// 2 points above the 2 during it" (the first that holds); empty when the
// session is not red.
std::string red_reason(const Progression& rules, const Session& session);

// The next-morning window: from 05:00 to 12:00, both included, on the
// calendar day after the session's date (a session at 01:00 on the 3rd
// looks at the morning of the 4th).
inline constexpr std::string_view k_next_morning_from = "05:00";
inline constexpr std::string_view k_next_morning_until = "12:00";

// The first log entry in the session's next-morning window; nullptr when
// there is none. `entries` must be sorted by `at` (as the log lists them);
// of two entries at the same minute the earlier in the list wins.
const Entry* next_morning_entry(const Session& session, const std::vector<Entry>& entries);

// The first log entry in the morning window of the session's own day, before
// the session; nullptr when there is none.
const Entry* morning_before_entry(const Session& session, const std::vector<Entry>& entries);

// `sessions` with next_morning taken from the log (next_morning_entry) for
// every done session that has none (a value given on the session wins), and
// morning_before from the log (morning_before_entry).
std::vector<Session> with_mornings_from_log(std::vector<Session> sessions, const std::vector<Entry>& entries);

} // namespace backcare
