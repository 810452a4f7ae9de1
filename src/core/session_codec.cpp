#include "backcare/core/session_codec.hpp"

#include "backcare/core/entry_codec.hpp"
#include "backcare/core/error.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace backcare {
namespace {

using Json = nlohmann::ordered_json;

Json pain(const std::optional<int>& value)
{
  return value ? Json(*value) : Json(nullptr);
}

std::string number(const std::optional<int>& value)
{
  return value ? std::to_string(*value) : std::string();
}

} // namespace

std::string session_json(const Session& s, std::optional<Outcome> outcome)
{
  Json j;
  j["id"] = s.id;
  j["at"] = s.at;
  j["phase"] = s.phase > 0 ? Json(s.phase) : Json(nullptr); // 0: unknown
  j["status"] = name_of(s.status);
  j["pain_during"] = pain(s.pain_during);
  j["next_morning"] = pain(s.next_morning);
  j["outcome"] = outcome ? Json(name_of(*outcome)) : Json(nullptr);
  j["skipped_exercises"] = s.skipped_exercises;
  j["reason"] = s.reason ? Json(name_of(*s.reason)) : Json(nullptr);
  j["note"] = s.note;
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string session_csv_header()
{
  return fmt::format("{}\r\n", fmt::join(k_session_columns, ","));
}

std::string session_csv(const Session& s, std::optional<Outcome> outcome)
{
  return fmt::format(
      "{},{},{},{},{},{},{},{},{},{}\r\n", s.id, s.at, number(s.phase > 0 ? std::optional<int>(s.phase) : std::nullopt),
      name_of(s.status), number(s.pain_during), number(s.next_morning), outcome ? name_of(*outcome) : "",
      csv_field(join_tags(s.skipped_exercises), true), s.reason ? name_of(*s.reason) : "", csv_field(s.note, true));
}

std::vector<Session> read_sessions_json(const std::string& name, const std::string& text, Date today,
                                        const std::function<std::string(const Session&)>& check)
{
  const Json doc = Json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_array()) {
    throw Error(ExitCode::data,
                fmt::format("{}: not a session export (a JSON array of sessions, as backcare session export "
                            "writes); nothing was imported",
                            name));
  }
  std::vector<Session> sessions;
  std::size_t index = 0;
  for (const Json& item : doc) {
    ++index;
    const auto bad = [&](const std::string& message) {
      throw Error(ExitCode::data, fmt::format("{}: session {}: {}; nothing was imported", name, index, message));
    };
    if (!item.is_object()) {
      bad("each session must be an object");
    }
    for (const auto& [key, value] : item.items()) {
      if (std::find(k_session_columns.begin(), k_session_columns.end(), key) == k_session_columns.end()) {
        bad(fmt::format("unknown key '{}'", key));
      }
    }
    const auto has = [&](const char* key) { return item.contains(key) && !item[key].is_null(); };
    const auto text_of = [&](const char* key) {
      if (!item[key].is_string()) {
        bad(fmt::format("'{}' must be a string", key));
      }
      return item[key].get<std::string>();
    };
    const auto int_of = [&](const char* key, int min, int max) {
      if (!item[key].is_number_integer() || item[key].get<std::int64_t>() < min
          || item[key].get<std::int64_t>() > max) {
        bad(fmt::format("'{}' must be a whole number {}-{}", key, min, max));
      }
      return static_cast<int>(item[key].get<std::int64_t>());
    };
    Session s;
    if (has("id")) {
      if (!item["id"].is_number_integer() || item["id"].get<std::int64_t>() < 0) {
        bad("'id' must be a whole number");
      }
      s.id = item["id"].get<std::int64_t>();
    }
    if (!has("at")) {
      bad("'at' is missing");
    }
    const auto at = parse_datetime(text_of("at"));
    if (!at) {
      bad(fmt::format("'at' must be YYYY-MM-DD or YYYY-MM-DDTHH:MM, got '{}'", text_of("at")));
    }
    s.at = *at;
    if (!has("status")) {
      bad("'status' is missing");
    }
    const auto status = parse_word<SessionStatus>(text_of("status"));
    if (!status) {
      bad(fmt::format("'status' must be {}", fmt::join(names_of<SessionStatus>(), " or ")));
    }
    s.status = *status;
    if (item.contains("phase") && item["phase"].is_null()) {
      s.phase = 0; // unknown: it could not be judged when the session was saved
    } else if (has("phase")) {
      s.phase = int_of("phase", 1, 99);
    } else if (s.status == SessionStatus::done) {
      bad("'phase' is missing");
    }
    if (has("pain_during")) {
      s.pain_during = int_of("pain_during", 0, 10);
    }
    if (has("next_morning")) {
      s.next_morning = int_of("next_morning", 0, 10);
    }
    if (has("skipped_exercises")) {
      if (!item["skipped_exercises"].is_array()) {
        bad("'skipped_exercises' must be an array of exercise ids");
      }
      for (const Json& id : item["skipped_exercises"]) {
        if (!id.is_string()) {
          bad("'skipped_exercises' must be an array of exercise ids");
        }
        s.skipped_exercises.push_back(id.get<std::string>());
      }
    }
    if (has("reason")) {
      s.reason = parse_word<SkipReason>(text_of("reason"));
      if (!s.reason) {
        bad(fmt::format("'reason' must be one of {}", fmt::join(names_of<SkipReason>(), ", ")));
      }
    }
    if (has("note")) {
      s.note = text_of("note");
    }
    if (const std::string problem = session_problem(s, today); !problem.empty()) {
      bad(problem);
    }
    if (const std::string problem = check ? check(s) : std::string(); !problem.empty()) {
      bad(problem);
    }
    sessions.push_back(std::move(s));
  }
  return sessions;
}

} // namespace backcare
