#pragma once

// A small RAII layer over SQLite's C API: a connection, prepared statements
// and an IMMEDIATE transaction. Every failure becomes Error(ExitCode::io)
// naming the database file.

#include "backcare/core/error.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace backcare::store {

class Database;

// The database stayed locked by another connection (SQLite gives up on some
// locks without calling the busy handler); the caller may retry.
class Busy : public Error {
public:
  using Error::Error;
};

// The disk is full or failing (SQLITE_FULL, SQLITE_IOERR).
class DiskError : public Error {
public:
  using Error::Error;
};

class Statement {
public:
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are numbered from 1, as in SQLite.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view value);
  // Without a copy (for a hot loop): `value` must stay valid until the
  // statement has been stepped and reset.
  Statement& bind_unowned(int index, std::string_view value);
  Statement& bind_null(int index);

  // Steps once; true while a row is available.
  bool step();
  // Steps a statement that returns no rows.
  void run();
  void reset();

  std::int64_t integer(int column) const;
  std::string text(int column) const;
  // The column's text without a copy; valid until the next step or reset.
  std::string_view text_view(int column) const;
  bool is_null(int column) const;

private:
  Database& m_db;
  sqlite3_stmt* m_stmt = nullptr;
};

class Database {
public:
  // Opens an existing database file (SQLite never creates it, and a
  // symbolic link is refused). Reads the header, so that a file that is not
  // a database fails here; writes nothing. Sets a busy handler that waits
  // for other writers (saying so on stderr when it takes long) and
  // foreign keys.
  // With `exclusive`, the connection locks the file for itself and keeps
  // the WAL index in memory: it needs no -shm file, so it can still read
  // when the disk is full.
  explicit Database(const std::string& path, bool exclusive = false);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Switches the file to WAL unless it is already (a write: call it only
  // once the file is known to be a backcare log).
  void use_wal();
  // Leaves the WAL for the next connection instead of checkpointing it on
  // close: every commit is already durable in the WAL (synchronous = FULL),
  // so a checkpoint per command only cost fsyncs. Instead, once a commit
  // leaves the WAL at k_checkpoint_frames or more, the connection
  // checkpoints and empties it when it closes: each command that opens the
  // log reads the whole WAL to rebuild its index, so it must stay short.
  void keep_wal_on_close();
  // Copies the WAL into the database and empties it, if nothing is in the
  // way. Never fails: what it copies is already committed.
  void checkpoint();
  // Called after each COMMIT: notes whether the WAL has grown long.
  void committed();
  // Called by SQLite after a commit with the frames in the WAL.
  void set_wal_frames(int frames) { m_wal_frames = frames; }

  // Copies the whole database into `target` (SQLite's backup API) in one
  // step, inside this connection's read transaction when one is open.
  void copy_into(Database& target);

  static constexpr int k_checkpoint_frames = 32;
  void exec(std::string_view sql);
  // Runs several statements separated by ';' (for schema migrations).
  void exec_script(const char* sql);
  std::int64_t last_insert_id() const;
  const std::string& path() const { return m_path; }
  sqlite3* handle() const { return m_db; }

  // Throws the io Error for the last failure, with `what` as context.
  [[noreturn]] void fail(std::string_view what) const;

  // Called by SQLite while another connection holds a lock.
  bool keep_waiting(int count);

private:
  std::string m_path;
  sqlite3* m_db = nullptr;
  std::chrono::steady_clock::time_point m_waiting_since;
  bool m_told_waiting = false;
  int m_wal_frames = 0;
  bool m_checkpoint_due = false;
};

// BEGIN IMMEDIATE on construction; ROLLBACK unless commit() was called.
class Transaction {
public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();

private:
  Database& m_db;
  bool m_done = false;
};

// A read transaction: every query until it ends sees the same state of the
// database, and SQLite takes its read lock once rather than once per query.
// Inside a transaction already, it does nothing.
class ReadSnapshot {
public:
  explicit ReadSnapshot(Database& db);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
  Database& m_db;
  bool m_began = false;
};

} // namespace backcare::store
