// The RAII layer over SQLite (store/sqlite.hpp), through its public
// behaviour only: what a caller binds, reads, commits and is told.

#include "backcare/core/error.hpp"
#include "backcare/store/sqlite.hpp"
#include "scratch.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <future>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace backcare;
using namespace backcare::store;
namespace fs = std::filesystem;

namespace {

// An empty file, which SQLite opens as an empty database (Database never
// creates one).
std::string new_database(const ScratchFolder& scratch, const std::string& name = "test.db")
{
  const std::string path = (scratch / name).string();
  std::ofstream(path).close();
  return path;
}

std::int64_t count_rows(Database& db, std::string_view table = "t")
{
  Statement count(db, "SELECT count(*) FROM " + std::string(table));
  REQUIRE(count.step());
  return count.integer(0);
}

std::string slurp(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The message of the io Error that `run` throws; it must not be a Busy or
// DiskError, which mean something else to the caller.
template <typename Run> std::string io_error_of(Run run)
{
  try {
    run();
  } catch (const Busy& e) {
    FAIL("a Busy error: " << e.what());
  } catch (const DiskError& e) {
    FAIL("a DiskError: " << e.what());
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::io);
    return e.what();
  }
  FAIL("expected an io error");
  return {};
}

} // namespace

TEST_CASE("Database: opens an existing file and never creates one")
{
  const ScratchFolder scratch;
  const std::string missing = (scratch / "missing.db").string();
  const std::string message = io_error_of([&] { Database db(missing); });
  CHECK(message.find(missing) != std::string::npos);
  CHECK(message.find('\n') == std::string::npos);
  CHECK(fs::is_empty(scratch.path()));
  Database db(new_database(scratch));
  CHECK(db.path() == (scratch / "test.db").string());
}

TEST_CASE("Database: a file that is not a database fails on open, before anything is written")
{
  const ScratchFolder scratch;
  const std::string path = (scratch / "notes.db").string();
  const std::string junk(2048, 'x');
  std::ofstream(path) << junk;
  const auto time = fs::last_write_time(path);
  const std::string message = io_error_of([&] { Database db(path); });
  CHECK(message.find(path) != std::string::npos);
  CHECK(message.find("is not a backcare log or is damaged") != std::string::npos);
  CHECK(message.find("left untouched") != std::string::npos);
  CHECK(slurp(path) == junk);
  CHECK(fs::last_write_time(path) == time);
  std::vector<std::string> names;
  for (const auto& item : fs::directory_iterator(scratch.path())) {
    names.push_back(item.path().filename().string());
  }
  CHECK(names == std::vector<std::string>{"notes.db"}); // no -journal, -wal or -shm
}

TEST_CASE("Database: a symbolic link is refused")
{
  const ScratchFolder scratch;
  const std::string real = new_database(scratch, "real.db");
  fs::create_symlink(real, scratch / "link.db");
  const std::string message = io_error_of([&] { Database db((scratch / "link.db").string()); });
  CHECK(message.find((scratch / "link.db").string()) != std::string::npos);
}

TEST_CASE("Statement: integers, text and NULL go in and come back out")
{
  const ScratchFolder scratch;
  Database db(new_database(scratch));
  db.exec("CREATE TABLE t (i INTEGER, s TEXT)");
  constexpr std::int64_t k_max = std::numeric_limits<std::int64_t>::max();
  constexpr std::int64_t k_min = std::numeric_limits<std::int64_t>::min();
  const std::string with_nul("a\0b", 3);
  Statement insert(db, "INSERT INTO t (i, s) VALUES (?1, ?2)");
  insert.bind(1, k_max).bind(2, std::string_view("text")).run(); // run() leaves it ready for the next row
  insert.bind(1, k_min).bind(2, std::string_view(with_nul)).run();
  insert.bind(1, std::int64_t{0}).bind_null(2).run();
  insert.bind_null(1)
      .bind(2, std::string_view("\xc3\xbcn\xc3\xaf"
                                "code"))
      .run();
  CHECK(db.last_insert_id() == 4);
  CHECK(count_rows(db) == 4);

  Statement select(db, "SELECT i, s, i IS NULL, s IS NULL FROM t ORDER BY rowid");
  REQUIRE(select.step());
  CHECK(select.integer(0) == k_max);
  CHECK(select.text(1) == "text");
  CHECK(select.text_view(1) == "text");
  CHECK(select.integer(2) == 0);
  REQUIRE(select.step());
  CHECK(select.integer(0) == k_min);
  CHECK(select.text(1) == with_nul); // the length is kept, past a NUL byte
  CHECK(select.text_view(1).size() == 3);
  REQUIRE(select.step());
  CHECK(select.integer(0) == 0);
  CHECK(select.integer(3) == 1); // stored as NULL
  CHECK(select.text(1).empty());
  CHECK(select.text_view(1).empty());
  REQUIRE(select.step());
  CHECK(select.integer(2) == 1);
  CHECK(select.integer(0) == 0); // NULL reads as 0
  CHECK(select.text(1)
        == "\xc3\xbcn\xc3\xaf"
           "code");
  CHECK_FALSE(select.step());
}

TEST_CASE("Statement: empty text binds as '', never as NULL")
{
  const ScratchFolder scratch;
  Database db(new_database(scratch));
  db.exec("CREATE TABLE t (s TEXT NOT NULL)");
  Statement insert(db, "INSERT INTO t (s) VALUES (?1)");
  insert.bind(1, std::string_view()).run(); // a view with no data at all
  insert.bind(1, std::string_view("")).run();
  insert.bind(1, std::string_view(std::string())).run();
  Statement select(db, "SELECT count(*) FROM t WHERE s = ''");
  REQUIRE(select.step());
  CHECK(select.integer(0) == 3);
}

TEST_CASE("Statement: reset starts a query again")
{
  const ScratchFolder scratch;
  Database db(new_database(scratch));
  db.exec("CREATE TABLE t (x INTEGER)");
  db.exec("INSERT INTO t VALUES (1), (2)");
  Statement select(db, "SELECT x FROM t WHERE x >= ?1 ORDER BY x");
  select.bind(1, std::int64_t{1});
  REQUIRE(select.step());
  CHECK(select.integer(0) == 1);
  select.reset();
  select.bind(1, std::int64_t{2});
  REQUIRE(select.step());
  CHECK(select.integer(0) == 2);
  CHECK_FALSE(select.step());
}

TEST_CASE("Database::exec_script runs every statement")
{
  const ScratchFolder scratch;
  Database db(new_database(scratch));
  db.exec_script("CREATE TABLE a (x INTEGER); CREATE TABLE b (y TEXT);\nINSERT INTO a VALUES (7);");
  Statement read(db, "SELECT x FROM a");
  REQUIRE(read.step());
  CHECK(read.integer(0) == 7);
  CHECK(count_rows(db, "b") == 0);
}

TEST_CASE("a failed statement is an io Error naming the database and the cause")
{
  const ScratchFolder scratch;
  const std::string path = new_database(scratch);
  Database db(path);
  db.exec("CREATE TABLE t (x INTEGER PRIMARY KEY CHECK (x > 0))");
  const auto check_message = [&](const std::string& message, std::string_view cause) {
    CAPTURE(message);
    CHECK(message.find(path) != std::string::npos);
    CHECK(message.find(cause) != std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
  };
  SUBCASE("SQL that does not parse")
  {
    check_message(io_error_of([&] { Statement bad(db, "SELEC 1"); }), "syntax error");
  }
  SUBCASE("an unknown table")
  {
    check_message(io_error_of([&] { Statement bad(db, "SELECT * FROM nope"); }), "no such table: nope");
  }
  SUBCASE("a constraint, when the statement runs")
  {
    Statement insert(db, "INSERT INTO t (x) VALUES (?1)");
    insert.bind(1, std::int64_t{0});
    check_message(io_error_of([&] { insert.step(); }), "CHECK constraint failed");
    insert.reset();
    insert.bind(1, std::int64_t{1}).run();
    insert.bind(1, std::int64_t{1});
    check_message(io_error_of([&] { insert.run(); }), "UNIQUE constraint failed: t.x");
    CHECK(count_rows(db) == 1);
  }
  SUBCASE("a parameter the statement does not have")
  {
    Statement insert(db, "INSERT INTO t (x) VALUES (?1)");
    check_message(io_error_of([&] { insert.bind(2, std::int64_t{1}); }), "out of range");
    check_message(io_error_of([&] { insert.bind(2, std::string_view("x")); }), "out of range");
    check_message(io_error_of([&] { insert.bind_null(2); }), "out of range");
  }
  SUBCASE("a script")
  {
    check_message(io_error_of([&] { db.exec_script("CREATE TABLE t (y);"); }), "table t already exists");
  }
}

TEST_CASE("Transaction")
{
  const ScratchFolder scratch;
  const std::string path = new_database(scratch);
  Database db(path);
  db.exec("CREATE TABLE t (x INTEGER)");
  const auto insert = [&](std::int64_t x) { Statement(db, "INSERT INTO t VALUES (?1)").bind(1, x).run(); };
  SUBCASE("commit keeps the changes, and another connection sees them only then")
  {
    Database other(path);
    {
      Transaction transaction(db);
      insert(1);
      insert(2);
      CHECK(count_rows(db) == 2);
      CHECK(count_rows(other) == 0);
      transaction.commit();
    }
    CHECK(count_rows(db) == 2);
    CHECK(count_rows(other) == 2);
  }
  SUBCASE("without commit, the changes are rolled back")
  {
    {
      Transaction transaction(db);
      insert(1);
    }
    CHECK(count_rows(db) == 0);
  }
  SUBCASE("an exception rolls back and goes on; the next transaction starts cleanly")
  {
    const auto failing = [&] {
      Transaction transaction(db);
      insert(1);
      throw std::runtime_error("the confirmation failed");
    };
    CHECK_THROWS_WITH_AS(failing(), "the confirmation failed", std::runtime_error);
    CHECK(count_rows(db) == 0);
    Transaction again(db);
    insert(2);
    again.commit();
    CHECK(count_rows(db) == 1);
  }
  SUBCASE("a failed statement inside rolls back what came before it")
  {
    db.exec("CREATE UNIQUE INDEX t_x ON t (x)");
    const auto failing = [&] {
      Transaction transaction(db);
      insert(1);
      insert(1);
      transaction.commit();
    };
    CHECK_THROWS_AS(failing(), Error);
    CHECK(count_rows(db) == 0);
  }
  SUBCASE("one transaction at a time on a connection")
  {
    Transaction outer(db);
    CHECK(io_error_of([&] { Transaction inner(db); }).find("within a transaction") != std::string::npos);
  }
}

TEST_CASE(
    "ReadSnapshot: every query sees the database as it was at the first, and inside a transaction it does nothing")
{
  const ScratchFolder scratch;
  const std::string path = new_database(scratch);
  Database db(path);
  db.use_wal(); // a reader and a writer at once
  db.exec("CREATE TABLE t (x INTEGER)");
  Database writer(path);
  const auto insert = [&](Database& into) { Statement(into, "INSERT INTO t VALUES (1)").run(); };
  {
    const ReadSnapshot snapshot(db);
    CHECK(count_rows(db) == 0);
    insert(writer);
    CHECK(count_rows(writer) == 1);
    CHECK(count_rows(db) == 0); // the same state as the first query
  }
  CHECK(count_rows(db) == 1); // ended: the writer's row is seen
  {
    Transaction transaction(db);
    insert(db);
    {
      const ReadSnapshot inside(db);
      CHECK(count_rows(db) == 2);
    }
    transaction.commit(); // still open after the snapshot ended
  }
  CHECK(count_rows(writer) == 2);
}

TEST_CASE("use_wal switches the file to WAL, once")
{
  const ScratchFolder scratch;
  const std::string path = new_database(scratch);
  const auto journal_mode = [](Database& db) {
    Statement mode(db, "PRAGMA journal_mode");
    REQUIRE(mode.step());
    return mode.text(0);
  };
  {
    Database db(path);
    CHECK(journal_mode(db) == "delete");
    db.use_wal();
    db.use_wal();
    CHECK(journal_mode(db) == "wal");
    db.exec("CREATE TABLE t (x INTEGER)");
  }
  Database again(path);
  CHECK(journal_mode(again) == "wal"); // kept in the file
}

TEST_CASE("an exclusive connection needs no -shm file")
{
  const ScratchFolder scratch;
  const std::string path = new_database(scratch);
  Database db(path, true);
  db.use_wal();
  db.exec("CREATE TABLE t (x INTEGER)");
  db.exec("INSERT INTO t VALUES (1)");
  CHECK(count_rows(db) == 1);
  CHECK_FALSE(fs::exists(path + "-shm"));
}

TEST_CASE("Busy: a write on a stale snapshot fails at once, as Busy, and the caller may retry")
{
  // SQLite cannot wait this one out (the reader's snapshot is already old),
  // so it gives up without calling the busy handler.
  const ScratchFolder scratch;
  const std::string path = new_database(scratch);
  Database reader(path);
  reader.use_wal();
  reader.exec("CREATE TABLE t (x INTEGER)");
  Database writer(path);
  reader.exec("BEGIN");
  CHECK(count_rows(reader) == 0);
  writer.exec("INSERT INTO t VALUES (1)");
  try {
    reader.exec("INSERT INTO t VALUES (2)");
    FAIL("expected the log to be busy");
  } catch (const Busy& e) {
    CHECK(e.code() == ExitCode::io);
    CHECK(std::string(e.what()).find("the log " + path + " is busy") == 0);
  }
  reader.exec("ROLLBACK");
  reader.exec("INSERT INTO t VALUES (2)"); // the retry
  CHECK(count_rows(reader) == 2);
}

TEST_CASE("Busy: a writer waits for another writer instead of failing")
{
  const ScratchFolder scratch;
  const std::string path = new_database(scratch);
  Database first(path);
  first.use_wal();
  first.exec("CREATE TABLE t (x INTEGER)");
  Transaction holding(first);
  first.exec("INSERT INTO t VALUES (1)");

  std::promise<void> starting;
  std::atomic<bool> finished{false};
  std::exception_ptr failure;
  std::thread second_writer([&] {
    starting.set_value();
    try {
      Database second(path);
      Transaction transaction(second); // waits here while `first` holds the lock
      second.exec("INSERT INTO t VALUES (2)");
      transaction.commit();
    } catch (...) {
      failure = std::current_exception();
    }
    finished = true;
  });
  starting.get_future().wait();
  CHECK_FALSE(finished); // it cannot be done while the first transaction is open
  holding.commit();
  second_writer.join();
  CHECK(finished);
  CHECK_FALSE(failure);
  CHECK(count_rows(first) == 2);
}
