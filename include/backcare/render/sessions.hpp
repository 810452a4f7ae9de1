#pragma once

// Exercise sessions for `session list` (a text table, or the interchange
// JSON and CSV of core/session_codec.hpp) and the one-line answers of
// `session add` and `session skip`.

#include "backcare/core/progression.hpp"
#include "backcare/core/session.hpp"
#include "backcare/core/vocabulary.hpp"
#include "backcare/render/style.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backcare {

struct SessionRow {
  Session session;
  std::optional<Outcome> outcome; // nullopt for a skipped session
};

std::string render_sessions(ListFormat format, const std::vector<SessionRow>& rows, const Style& style);

// What `session add` says: the outcome in plain words, and what to do next.
// `after`: the progress with this session counted.
std::string render_session_added(const SessionRow& row, const Progression& rules, const Progress& after);

// What `session skip` says.
std::string render_session_skipped(const Session& session, const Adherence& adherence);

// What `session add` and `session skip` say of a session saved with its
// phase unknown: `needs` is what working it out needs, in words ("your
// baby's birth date (backcare profile set --birth-date DATE)").
std::string render_session_saved_unjudged(const Session& session, std::string_view needs);

} // namespace backcare
