#pragma once

// The interchange format of exercise sessions: one JSON object per session
// (`session list --format json`, `session export`, read back by `session
// import`) and a CSV row with the same names. Pure.

#include "backcare/core/session.hpp"

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backcare {

// The keys of a session object and the CSV columns, in order. `outcome` is
// computed (never stored) and ignored on import.
inline constexpr std::array<std::string_view, 10> k_session_columns{
    "id", "at", "phase", "status", "pain_during", "next_morning", "outcome", "skipped_exercises", "reason", "note"};

// One object on one line; `outcome` null when not given (a skipped session).
std::string session_json(const Session& session, std::optional<Outcome> outcome);
std::string session_csv_header(); // the columns, CRLF-terminated
std::string session_csv(const Session& session, std::optional<Outcome> outcome);

// Reads a JSON array of session objects as session_json writes them (only
// `at`, `status` and, for a done session, `phase` are required). Every
// session is checked with session_problem, then with `check` when given
// (words naming the field, empty when fine; session_catalog_problem for an
// import); a bad one throws Error(ExitCode::data) naming `name` and the
// session's number (from 1).
std::vector<Session> read_sessions_json(const std::string& name, const std::string& text, Date today,
                                        const std::function<std::string(const Session&)>& check = {});

} // namespace backcare
