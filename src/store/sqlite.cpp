#include "sqlite.hpp"

#include "backcare/error.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

namespace backcare::store {
namespace {

constexpr int k_busy_timeout_ms = 10000;

} // namespace

Database::Database(const std::string& path)
  : m_path(path)
{
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr) != SQLITE_OK) {
    const std::string message = m_db ? sqlite3_errmsg(m_db) : "out of memory";
    sqlite3_close(m_db);
    throw Error(ExitCode::io, fmt::format("cannot open the log {}: {}", path, message));
  }
  sqlite3_extended_result_codes(m_db, 1);
  sqlite3_busy_timeout(m_db, k_busy_timeout_ms);
  try {
    // The first statement reads the file header: a file that is not a
    // database fails here, before anything is written to it.
    exec("PRAGMA schema_version");
    exec("PRAGMA journal_mode = WAL");
    exec("PRAGMA synchronous = NORMAL");
    exec("PRAGMA foreign_keys = ON");
  } catch (...) {
    sqlite3_close(m_db);
    throw;
  }
}

Database::~Database()
{
  sqlite3_close(m_db);
}

void Database::fail(std::string_view what) const
{
  const int code = sqlite3_errcode(m_db);
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

int Database::changes() const
{
  return sqlite3_changes(m_db);
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
  if (sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT) != SQLITE_OK) {
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

double Statement::real(int column) const
{
  return sqlite3_column_double(m_stmt, column);
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
}

} // namespace backcare::store
