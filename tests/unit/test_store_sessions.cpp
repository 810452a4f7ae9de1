// Sessions in the pain log: PainLog::add_session, import_sessions and their
// undo.

#include "backcare/store/pain_log.hpp"
#include "scratch.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

using namespace backcare;

namespace {

Session done(const std::string& at, int phase, int pain_during)
{
  Session session;
  session.at = at;
  session.phase = phase;
  session.pain_during = pain_during;
  return session;
}

} // namespace

TEST_CASE("PainLog::import_sessions adds what is new, all at once, keeps free ids, and undoes as one")
{
  const ScratchFolder scratch;
  auto log = PainLog::open((scratch / "default.db").string(), true);
  log->add_session(done("2026-11-20T18:00", 2, 2));
  Session kept = done("2026-11-22T18:00", 2, 3);
  kept.id = 40;
  Session taken = done("2026-11-24T18:00", 2, 1);
  taken.id = 1; // the session already stored has id 1
  const std::vector<Session> file{done("2026-11-20T18:00", 2, 2), kept, taken};

  const ImportResult result = log->import_sessions(file);
  CHECK(result.added == 2);
  CHECK(result.skipped == 1);
  const auto all = log->sessions({});
  REQUIRE(all.size() == 3);
  CHECK(all[1].id == 40);
  CHECK(all[2].id == 41); // id 1 was taken: a new one
  CHECK(all[2].pain_during == 1);

  CHECK(log->import_sessions(file).added == 0);
  CHECK(log->undo() == "imported 2 sessions"); // an import that added nothing left no change
  CHECK(log->sessions({}).size() == 1);
}
