// PSFS ratings in the pain log: PainLog::add_psfs, import_psfs,
// psfs_ratings and their undo.

#include "backcare/core/error.hpp"
#include "backcare/store/pain_log.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <stdexcept>
#include <unistd.h>

using namespace backcare;
namespace fs = std::filesystem;

namespace {

struct Scratch {
  fs::path dir;
  Scratch()
    : dir(fs::temp_directory_path() / fs::path("backcare-psfs-" + std::to_string(::getpid())))
  {
    fs::remove_all(dir);
  }
  ~Scratch() { fs::remove_all(dir); }
  std::string db() const { return (dir / "data" / "default.db").string(); }
};

PsfsRating rating(const std::string& at, int lift, int walk, int sleep)
{
  return {0, at, {{"lift the car seat", lift}, {"walk 30 minutes", walk}, {"sleep on my side", sleep}}};
}

} // namespace

TEST_CASE("PainLog: PSFS ratings")
{
  Scratch scratch;
  auto log = PainLog::open(scratch.db(), true);
  REQUIRE(log);

  SUBCASE("added, read back in time order with their scores in order, undone")
  {
    const auto second = log->add_psfs(rating("2026-10-12T20:00", 4, 5, 5));
    const auto first = log->add_psfs(rating("2026-09-07T20:00", 2, 4, 3));
    CHECK(first == second + 1);
    const auto all = log->psfs_ratings({});
    REQUIRE(all.size() == 2);
    CHECK(all[0].id == first);
    CHECK(all[0].at == "2026-09-07T20:00");
    CHECK(all[0].scores == rating("", 2, 4, 3).scores);
    CHECK(all[1].scores[2] == PsfsScore{"sleep on my side", 5});
    CHECK(log->psfs_ratings({parse_date("2026-10-01"), parse_date("2026-10-12")}).size() == 1);
    CHECK(log->psfs_ratings({parse_date("2026-10-13"), std::nullopt}).empty());
    CHECK(log->undo() == "added PSFS rating 2 (2026-09-07T20:00, mean 3.0)");
    CHECK(log->psfs_ratings({}).size() == 1);
  }
  SUBCASE("the database refuses a score out of range")
  {
    CHECK_THROWS_AS(log->add_psfs(rating("2026-09-07T20:00", 11, 4, 3)), Error);
    CHECK(log->psfs_ratings({}).empty());
  }
  SUBCASE("an import adds what is new, all at once, and undoes as one")
  {
    log->add_psfs(rating("2026-09-07T20:00", 2, 4, 3));
    PsfsRating kept = rating("2026-10-12T20:00", 4, 5, 5);
    kept.id = 40;
    const std::vector<PsfsRating> file{rating("2026-09-07T20:00", 2, 4, 3), kept, rating("2026-09-07T20:00", 2, 4, 4)};
    const ImportResult result = log->import_psfs(file);
    CHECK(result.added == 2);
    CHECK(result.skipped == 1);
    const auto all = log->psfs_ratings({});
    REQUIRE(all.size() == 3);
    CHECK(all[2].id == 40);
    CHECK(log->import_psfs(file).added == 0);
    CHECK(log->undo() == "imported 2 PSFS ratings");
    CHECK(log->psfs_ratings({}).size() == 1);
    CHECK(log->undo() == "added PSFS rating 1 (2026-09-07T20:00, mean 3.0)");
    CHECK(log->psfs_ratings({}).empty());
  }
  SUBCASE("entries, sessions and ratings undo in the order they were made")
  {
    Entry entry;
    entry.at = "2026-09-07T07:30";
    entry.severity = 4;
    log->add(entry);
    log->add_psfs(rating("2026-09-07T20:00", 2, 4, 3));
    Session session;
    session.at = "2026-09-07T18:00";
    session.pain_during = 2;
    log->add_session(session);
    CHECK(log->undo()->starts_with("added session"));
    CHECK(log->undo()->starts_with("added PSFS rating"));
    CHECK(log->undo()->starts_with("added entry"));
  }
  SUBCASE("an empty log in memory has the tables")
  {
    CHECK(PainLog::open_empty()->psfs_ratings({}).empty());
  }
}
