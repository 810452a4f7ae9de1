// The WAL handling of the SQLite layer (store/sqlite.hpp) that keeps `log
// add` at one WAL fsync: commits are durable in the WAL, the WAL outlives
// the connection, and a long one is emptied when the connection closes.

#include "backcare/store/sqlite.hpp"
#include "scratch.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace backcare::store;
namespace fs = std::filesystem;

namespace {

std::string new_wal_database(const ScratchFolder& scratch)
{
  const std::string path = (scratch / "wal.db").string();
  std::ofstream(path).close();
  Database db(path);
  db.use_wal();
  db.exec("CREATE TABLE t (x TEXT)");
  return path;
}

void insert_rows(Database& db, int rows)
{
  Transaction transaction(db);
  Statement insert(db, "INSERT INTO t (x) VALUES (?1)");
  for (int i = 0; i < rows; ++i) {
    insert.bind(1, std::string(1000, 'x')).run();
  }
  transaction.commit();
}

} // namespace

TEST_CASE("keep_wal_on_close: a short WAL stays for the next connection, with the commit in it")
{
  ScratchFolder scratch;
  const std::string path = new_wal_database(scratch);
  {
    Database db(path);
    db.keep_wal_on_close();
    insert_rows(db, 1);
  }
  CHECK(fs::file_size(path + "-wal") > 0);
  Database reader(path);
  Statement count(reader, "SELECT count(*) FROM t");
  REQUIRE(count.step());
  CHECK(count.integer(0) == 1);
}

TEST_CASE("keep_wal_on_close: a long WAL is emptied when the connection closes")
{
  ScratchFolder scratch;
  const std::string path = new_wal_database(scratch);
  {
    Database db(path);
    db.keep_wal_on_close();
    insert_rows(db, 4 * Database::k_checkpoint_frames); // a page for every four rows at least
    // A query still stepped to a row holds a snapshot: the checkpoint waits
    // for the close, where no statement is left.
    Statement open_query(db, "SELECT x FROM t");
    REQUIRE(open_query.step());
  }
  CHECK(fs::file_size(path + "-wal") == 0);
  Database reader(path);
  Statement count(reader, "SELECT count(*) FROM t");
  REQUIRE(count.step());
  CHECK(count.integer(0) == 4 * Database::k_checkpoint_frames);
}

TEST_CASE("bind_unowned: the text as bind gives it, empty text as ''")
{
  ScratchFolder scratch;
  const std::string path = new_wal_database(scratch);
  Database db(path);
  const std::string text = "kept";
  Statement insert(db, "INSERT INTO t (x) VALUES (?1)");
  insert.bind_unowned(1, text).run();
  insert.bind_unowned(1, std::string_view()).run();
  Statement rows(db, "SELECT x IS NULL, x FROM t ORDER BY rowid");
  REQUIRE(rows.step());
  CHECK(rows.text(1) == "kept");
  REQUIRE(rows.step());
  CHECK(rows.integer(0) == 0);
  CHECK(rows.text(1).empty());
}
