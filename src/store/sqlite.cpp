#include "backcare/store/sqlite.hpp"

#include "backcare/core/error.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <thread>

namespace backcare::store {
namespace {

// A long import holds the write lock for as long as it takes; others wait
// for it (saying so after a while) rather than fail and lose an entry.
constexpr auto k_tell_after = std::chrono::seconds{3};
constexpr auto k_give_up_after = std::chrono::minutes{10};

int on_busy(void* database, int count)
{
  return static_cast<Database*>(database)->keep_waiting(count) ? 1 : 0;
}

int on_wal_commit(void* database, sqlite3* /*db*/, const char* /*name*/, int frames)
{
  static_cast<Database*>(database)->set_wal_frames(frames);
  return SQLITE_OK;
}

} // namespace

bool Database::keep_waiting(int count)
{
  const auto now = std::chrono::steady_clock::now();
  if (count == 0) {
    m_waiting_since = now;
  }
  const auto waited = now - m_waiting_since;
  if (waited > k_give_up_after) {
    return false;
  }
  if (waited > k_tell_after && !m_told_waiting) {
    m_told_waiting = true;
    std::fprintf(stderr, "backcare: waiting for another backcare that is writing this log (an import can take a "
                         "while)...\n");
    std::fflush(stderr);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds{std::min(count + 1, 20)});
  return true;
}

Database::Database(const std::string& path, bool exclusive)
  : m_path(path)
{
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr) != SQLITE_OK) {
    const std::string message = m_db ? sqlite3_errmsg(m_db) : "out of memory";
    sqlite3_close(m_db);
    throw Error(ExitCode::io, fmt::format("cannot open the log {}: {}", path, message));
  }
  sqlite3_extended_result_codes(m_db, 1);
  // A log is a file anyone could have made: its schema may not change the
  // database's own records, nor run functions with side effects.
  sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(m_db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  sqlite3_busy_handler(m_db, on_busy, this);
  try {
    if (exclusive) {
      exec("PRAGMA locking_mode = EXCLUSIVE");
    }
    // The first statement reads the file header: a file that is not a
    // database fails here, before anything is written to it.
    exec("PRAGMA schema_version");
    // In WAL mode FULL syncs the WAL at every commit: an entry is durable,
    // even across a power cut, when the command that wrote it returns.
    // (NORMAL would only sync at checkpoints.)
    exec("PRAGMA synchronous = FULL");
    exec("PRAGMA foreign_keys = ON");
  } catch (...) {
    sqlite3_close(m_db);
    throw;
  }
}

Database::~Database()
{
  // Here, not at the commit, because a statement still open (a SELECT
  // stepped to a row) holds a snapshot that would stop the checkpoint.
  if (m_checkpoint_due) {
    checkpoint();
  }
  sqlite3_close(m_db);
}

void Database::use_wal()
{
  Statement mode(*this, "PRAGMA journal_mode");
  if (mode.step() && mode.text_view(0) == "wal") {
    return;
  }
  mode.reset();
  exec("PRAGMA journal_mode = WAL");
}

void Database::keep_wal_on_close()
{
  if (sqlite3_db_config(m_db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr) != SQLITE_OK) {
    fail("configuring the connection");
  }
  sqlite3_wal_hook(m_db, on_wal_commit, this); // replaces SQLite's checkpoint at 1000 pages
}

void Database::committed()
{
  m_checkpoint_due = m_checkpoint_due || m_wal_frames >= k_checkpoint_frames;
  m_wal_frames = 0;
}

void Database::checkpoint()
{
  // Best effort: what it copies is already committed, and a failure (a
  // reader in the way, a full disk) leaves the WAL for a later checkpoint.
  // Without the busy handler, so that it never waits for a long reader.
  sqlite3_busy_handler(m_db, nullptr, nullptr);
  sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
  sqlite3_busy_handler(m_db, on_busy, this);
}

void Database::copy_into(Database& target)
{
  sqlite3_backup* backup = sqlite3_backup_init(target.m_db, "main", m_db, "main");
  if (!backup) {
    target.fail("starting a copy");
  }
  const int rc = sqlite3_backup_step(backup, -1);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    target.fail("copying the log");
  }
}

void Database::fail(std::string_view what) const
{
  const int code = sqlite3_errcode(m_db);
  if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) {
    throw Busy(ExitCode::io,
               fmt::format("the log {} is busy: another program is writing it ({})", m_path, sqlite3_errmsg(m_db)));
  }
  if ((code & 0xff) == SQLITE_FULL) {
    throw DiskError(ExitCode::io, fmt::format("log {}: {}: the disk is full; nothing was changed", m_path, what));
  }
  if ((code & 0xff) == SQLITE_IOERR) {
    throw DiskError(ExitCode::io,
                    fmt::format("log {}: {}: {} (is the disk full?)", m_path, what, sqlite3_errmsg(m_db)));
  }
  if ((code & 0xff) == SQLITE_NOTADB || (code & 0xff) == SQLITE_CORRUPT) {
    throw Error(ExitCode::io, fmt::format("{} is not a backcare log or is damaged ({}); it was left untouched. "
                                          "Move it aside or use another --data-dir",
                                          m_path, sqlite3_errmsg(m_db)));
  }
  if ((code & 0xff) == SQLITE_READONLY || (code & 0xff) == SQLITE_CANTOPEN || (code & 0xff) == SQLITE_PERM) {
    throw Error(ExitCode::io, fmt::format("cannot use the log {}: backcare needs write access to the file and its "
                                          "folder, even to read ({})",
                                          m_path, sqlite3_errmsg(m_db)));
  }
  throw Error(ExitCode::io, fmt::format("log {}: {}: {}", m_path, what, sqlite3_errmsg(m_db)));
}

void Database::exec(std::string_view sql)
{
  Statement statement(*this, sql);
  while (statement.step()) {
  }
}

void Database::exec_script(const char* sql)
{
  if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
    fail("updating the schema");
  }
}

std::int64_t Database::last_insert_id() const
{
  return sqlite3_last_insert_rowid(m_db);
}

Statement::Statement(Database& db, std::string_view sql)
  : m_db(db)
{
  if (sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr) != SQLITE_OK) {
    db.fail("preparing a statement");
  }
}

Statement::~Statement()
{
  sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, std::int64_t value)
{
  if (sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK) {
    m_db.fail("binding a value");
  }
  return *this;
}

Statement& Statement::bind(int index, std::string_view value)
{
  // An empty view may have no data: bind it as "", never as NULL.
  const char* text = value.data() != nullptr ? value.data() : "";
  if (sqlite3_bind_text(m_stmt, index, text, static_cast<int>(value.size()), SQLITE_TRANSIENT) != SQLITE_OK) {
    m_db.fail("binding a value");
  }
  return *this;
}

Statement& Statement::bind_unowned(int index, std::string_view value)
{
  const char* text = value.data() != nullptr ? value.data() : ""; // "", never NULL, as bind()
  if (sqlite3_bind_text(m_stmt, index, text, static_cast<int>(value.size()), SQLITE_STATIC) != SQLITE_OK) {
    m_db.fail("binding a value");
  }
  return *this;
}

Statement& Statement::bind_null(int index)
{
  if (sqlite3_bind_null(m_stmt, index) != SQLITE_OK) {
    m_db.fail("binding a value");
  }
  return *this;
}

bool Statement::step()
{
  const int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) {
    return true;
  }
  if (rc != SQLITE_DONE) {
    m_db.fail("running a statement");
  }
  return false;
}

void Statement::run()
{
  step();
  reset();
}

void Statement::reset()
{
  sqlite3_reset(m_stmt);
  sqlite3_clear_bindings(m_stmt);
}

std::int64_t Statement::integer(int column) const
{
  return sqlite3_column_int64(m_stmt, column);
}

std::string Statement::text(int column) const
{
  return std::string(text_view(column));
}

std::string_view Statement::text_view(int column) const
{
  const auto* data = sqlite3_column_text(m_stmt, column);
  const int size = sqlite3_column_bytes(m_stmt, column);
  return data ? std::string_view(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size))
              : std::string_view();
}

bool Statement::is_null(int column) const
{
  return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

Transaction::Transaction(Database& db)
  : m_db(db)
{
  m_db.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
  if (!m_done) {
    sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

void Transaction::commit()
{
  m_db.exec("COMMIT");
  m_done = true;
  m_db.committed();
}

ReadSnapshot::ReadSnapshot(Database& db)
  : m_db(db)
  , m_began(sqlite3_get_autocommit(db.handle()) != 0)
{
  if (m_began) {
    m_db.exec("BEGIN");
  }
}

ReadSnapshot::~ReadSnapshot()
{
  if (m_began) {
    sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr); // nothing was written
  }
}

} // namespace backcare::store
