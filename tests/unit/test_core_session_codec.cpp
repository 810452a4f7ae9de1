#include "backcare/core/error.hpp"
#include "backcare/core/session_codec.hpp"

#include <fmt/format.h>

#include <doctest/doctest.h>

using namespace backcare;

namespace {

const Date k_today = *parse_date("2026-11-26");

// The message of the data error that reading `text` raises.
std::string refusal(const std::string& text, const std::function<std::string(const Session&)>& check = {})
{
  try {
    read_sessions_json("sessions.json", text, k_today, check);
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::data);
    return e.what();
  }
  FAIL("expected a data error");
  return {};
}

} // namespace

TEST_CASE("read_sessions_json")
{
  const std::string text = R"([{"at": "2026-11-20T18:00", "status": "done", "phase": 2, "skipped_exercises": ["plank"]},
                               {"at": "2026-11-22T18:00", "status": "done", "phase": 7}])";
  SUBCASE("without a check: what a session is, whatever the catalog")
  {
    const auto sessions = read_sessions_json("sessions.json", text, k_today);
    REQUIRE(sessions.size() == 2);
    CHECK(sessions[0].skipped_exercises == std::vector<std::string>{"plank"});
    CHECK(sessions[1].phase == 7);
  }
  SUBCASE("the check names the session; nothing is read")
  {
    const auto check = [](const Session& s) {
      return s.phase > 4 ? fmt::format("'phase' {} is not a phase of the catalog", s.phase) : std::string();
    };
    CHECK(refusal(text, check)
          == "sessions.json: session 2: 'phase' 7 is not a phase of the catalog; nothing was imported");
  }
  SUBCASE("session_problem comes first")
  {
    CHECK(refusal(R"([{"at": "2026-11-27T18:00", "status": "done", "phase": 7}])",
                  [](const Session&) { return std::string("never asked"); })
          == "sessions.json: session 1: 'at' 2026-11-27T18:00 is after today (2026-11-26); nothing was imported");
  }
}
