#include "backcare/store/pain_log.hpp"

#include "backcare/core/error.hpp"
#include "backcare/core/session_codec.hpp"
#include "backcare/store/sqlite.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <map>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <tuple>
#include <unistd.h>
#include <vector>

namespace backcare {
namespace {

namespace fs = std::filesystem;
using store::Database;
using store::Statement;
using store::Transaction;

// Migration i takes a database from schema version i to i + 1. Never edit a
// migration that has shipped; add a new one.
const std::vector<const char*> k_migrations{
    R"sql(
    CREATE TABLE entry (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL
        CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]'),
      severity INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 10),
      location TEXT NOT NULL
        CHECK (location IN ('low-back', 'pelvis', 'sacroiliac', 'pubic', 'hip', 'other')),
      tags TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      change_id INTEGER
    ) STRICT;
    CREATE INDEX entry_by_time ON entry (at, severity);
    CREATE INDEX entry_by_change ON entry (change_id) WHERE change_id IS NOT NULL;
    CREATE TABLE change (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('add', 'edit', 'remove', 'import')),
      summary TEXT NOT NULL,
      entry_id INTEGER,
      at TEXT,
      severity INTEGER,
      location TEXT,
      tags TEXT,
      note TEXT
    ) STRICT;
    CREATE TABLE profile (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  )sql",
    // Exercise sessions and screenings. Undo covers them: the kinds of
    // change grow, and a session's state before an edit or removal is kept
    // as JSON in `before`.
    R"sql(
    CREATE TABLE session (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL
        CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]'),
      phase INTEGER NOT NULL CHECK (phase BETWEEN 1 AND 99),
      status TEXT NOT NULL CHECK (status IN ('done', 'skipped')),
      pain_during INTEGER CHECK (pain_during BETWEEN 0 AND 10),
      next_morning INTEGER CHECK (next_morning BETWEEN 0 AND 10),
      skipped_exercises TEXT NOT NULL DEFAULT '',
      reason TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      ceiling INTEGER NOT NULL DEFAULT 0,
      change_id INTEGER
    ) STRICT;
    CREATE INDEX session_by_time ON session (at, id);
    CREATE INDEX session_by_change ON session (change_id) WHERE change_id IS NOT NULL;
    CREATE TABLE screening (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL
        CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]'),
      asked TEXT NOT NULL,
      yes TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX screening_by_time ON screening (at, id);
    CREATE TABLE change_v2 (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('add', 'edit', 'remove', 'import', 'session-add', 'session-edit',
                                         'session-remove', 'session-import', 'screen')),
      summary TEXT NOT NULL,
      entry_id INTEGER,
      at TEXT,
      severity INTEGER,
      location TEXT,
      tags TEXT,
      note TEXT,
      before TEXT
    ) STRICT;
    INSERT INTO change_v2 (id, kind, summary, entry_id, at, severity, location, tags, note)
      SELECT id, kind, summary, entry_id, at, severity, location, tags, note FROM change;
    DROP TABLE change;
    ALTER TABLE change_v2 RENAME TO change;
  )sql",
    // Version 3, for speed. The location check becomes equalities joined
    // with OR: an IN list built a temporary B-tree for every row written.
    // Entries are indexed by time alone, which with the rowid gives the
    // (at, id) order of `log list` without a sort. day_summary holds each
    // day's figures, kept up to date in the transaction of every write,
    // so that a trend reads one row per day instead of every entry.
    R"sql(
    CREATE TABLE entry_v3 (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL
        CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]'),
      severity INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 10),
      location TEXT NOT NULL
        CHECK (location = 'low-back' OR location = 'pelvis' OR location = 'sacroiliac' OR location = 'pubic'
               OR location = 'hip' OR location = 'other'),
      tags TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      change_id INTEGER
    ) STRICT;
    INSERT INTO entry_v3 (id, at, severity, location, tags, note, change_id)
      SELECT id, at, severity, location, tags, note, change_id FROM entry;
    DROP TABLE entry;
    ALTER TABLE entry_v3 RENAME TO entry;
    CREATE INDEX entry_by_time ON entry (at);
    CREATE INDEX entry_by_change ON entry (change_id) WHERE change_id IS NOT NULL;
    CREATE TABLE day_summary (
      day TEXT PRIMARY KEY,
      entries INTEGER NOT NULL,
      total INTEGER NOT NULL,
      lowest INTEGER NOT NULL,
      highest INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
    INSERT INTO day_summary (day, entries, total, lowest, highest)
      SELECT substr(at, 1, 10), count(*), sum(severity), min(severity), max(severity) FROM entry GROUP BY 1;
  )sql",
    // PSFS ratings (backcare measure psfs): a rating and its 3-5 scores,
    // added and imported as undoable changes, so the kinds of change grow
    // again (the change table is rebuilt with the longer list).
    R"sql(
    CREATE TABLE psfs_rating (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL
        CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]'),
      change_id INTEGER
    ) STRICT;
    CREATE INDEX psfs_rating_by_time ON psfs_rating (at, id);
    CREATE INDEX psfs_rating_by_change ON psfs_rating (change_id) WHERE change_id IS NOT NULL;
    CREATE TABLE psfs_score (
      rating_id INTEGER NOT NULL REFERENCES psfs_rating (id) ON DELETE CASCADE,
      position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 5),
      activity TEXT NOT NULL CHECK (length(activity) BETWEEN 1 AND 60),
      score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
      PRIMARY KEY (rating_id, position)
    ) STRICT;
    CREATE TABLE change_psfs (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('add', 'edit', 'remove', 'import', 'session-add', 'session-edit',
                                         'session-remove', 'session-import', 'screen', 'psfs-add', 'psfs-import')),
      summary TEXT NOT NULL,
      entry_id INTEGER,
      at TEXT,
      severity INTEGER,
      location TEXT,
      tags TEXT,
      note TEXT,
      before TEXT
    ) STRICT;
    INSERT INTO change_psfs (id, kind, summary, entry_id, at, severity, location, tags, note, before)
      SELECT id, kind, summary, entry_id, at, severity, location, tags, note, before FROM change;
    DROP TABLE change;
    ALTER TABLE change_psfs RENAME TO change;
  )sql",
    // The file header says it is a backcare log: opening checks two header
    // fields instead of the tables (start-up; see check_is_backcare_log).
    "PRAGMA application_id = 1650680178;", // k_application_id, 0x62636172
    // Version 6 (issue 23): a session is a fact and is always saved, even
    // when its phase cannot be judged yet (no birth date or no pain logged):
    // phase 0 is "unknown". The session table is rebuilt with the wider check.
    R"sql(
    CREATE TABLE session_v6 (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL
        CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]'),
      phase INTEGER NOT NULL CHECK (phase BETWEEN 0 AND 99),
      status TEXT NOT NULL CHECK (status IN ('done', 'skipped')),
      pain_during INTEGER CHECK (pain_during BETWEEN 0 AND 10),
      next_morning INTEGER CHECK (next_morning BETWEEN 0 AND 10),
      skipped_exercises TEXT NOT NULL DEFAULT '',
      reason TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      ceiling INTEGER NOT NULL DEFAULT 0,
      change_id INTEGER
    ) STRICT;
    INSERT INTO session_v6 (id, at, phase, status, pain_during, next_morning, skipped_exercises, reason, note, ceiling,
                            change_id)
      SELECT id, at, phase, status, pain_during, next_morning, skipped_exercises, reason, note, ceiling, change_id
      FROM session;
    DROP TABLE session;
    ALTER TABLE session_v6 RENAME TO session;
    CREATE INDEX session_by_time ON session (at, id);
    CREATE INDEX session_by_change ON session (change_id) WHERE change_id IS NOT NULL;
  )sql",
    // Version 7: a warning sign stays in force until a later answer clears
    // it; `checked` holds the answers given after a clinician's check
    // (`screen --checked`), which alone clear an emergency or urgent sign.
    "ALTER TABLE screening ADD COLUMN checked TEXT NOT NULL DEFAULT '';",
};

// "bcar": the application id in the header of a log at schema 5 or later.
constexpr std::int64_t k_application_id = 0x62636172;

constexpr const char* k_entry_columns = "id, at, severity, location, tags, note";

Entry read_entry(const Statement& row, int first = 0)
{
  Entry entry;
  entry.id = row.integer(first);
  entry.at = row.text(first + 1);
  entry.severity = static_cast<int>(row.integer(first + 2));
  entry.location = row.text(first + 3);
  entry.tags = split_tags(row.text(first + 4));
  entry.note = row.text(first + 5);
  return entry;
}

// Binds at, severity, location, tags and note from parameter `first` on.
void bind_fields(Statement& statement, int first, const Entry& entry)
{
  statement.bind(first, entry.at)
      .bind(first + 1, entry.severity)
      .bind(first + 2, entry.location)
      .bind(first + 3, join_tags(entry.tags))
      .bind(first + 4, entry.note);
}

// Just above every `at` of the day: "YYYY-MM-DDU" sorts after
// "YYYY-MM-DDTHH:MM". (The day after would not do for 9999-12-31: "10000"
// sorts before "9999".)
std::string end_of_day(Date date)
{
  return format_date(date) + "U";
}

// The filter as a half-open range of `at` text: [since, end of until).
std::pair<std::string, std::string> bounds(const EntryFilter& filter)
{
  return {filter.since ? format_date(*filter.since) : std::string("0000"),
          filter.until ? end_of_day(*filter.until) : std::string("9999U")};
}

std::string describe(const Entry& entry)
{
  return fmt::format("entry {} ({}, severity {})", entry.id, entry.at, entry.severity);
}

std::int64_t pragma_value(Database& db, const char* pragma)
{
  Statement statement(db, pragma);
  statement.step();
  return statement.integer(0);
}

int user_version(Database& db)
{
  return static_cast<int>(pragma_value(db, "PRAGMA user_version"));
}

[[noreturn]] void cannot_create(const std::string& what, const std::string& path)
{
  throw Error(ExitCode::io, fmt::format("cannot create {} {}: {}", what, path, std::strerror(errno)));
}

// Makes the data folder and any missing parents, each 0700 whatever the
// umask (the folders hold health data).
void make_private_folder(const fs::path& folder)
{
  std::error_code ec;
  if (folder.empty() || fs::is_directory(folder, ec)) {
    return;
  }
  make_private_folder(folder.parent_path());
  if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) {
    cannot_create("the data folder", folder.string());
  }
}

// Refuses, before anything is written, a database that is not a backcare
// log (another program's file) or that a newer backcare wrote. An empty
// database (a new file) is fine. Every command opens the log, so this is
// part of start-up: a log stamped with backcare's application id is known
// by its header alone; an older log (no id) by its tables and columns.
void check_is_backcare_log(Database& db, int latest)
{
  const auto version = static_cast<int>(pragma_value(db, "PRAGMA user_version"));
  if (version > latest) {
    throw Error(ExitCode::io, fmt::format("{} was written by a newer backcare (schema {}, this one knows {}); "
                                          "it was left untouched. Upgrade backcare to use it",
                                          db.path(), version, latest));
  }
  const std::int64_t id = pragma_value(db, "PRAGMA application_id");
  if (id == k_application_id && version > 0) {
    return;
  }
  Statement facts(db, "SELECT (SELECT count(*) FROM sqlite_schema), "
                      "(SELECT count(*) FROM pragma_table_info('entry') "
                      " WHERE name IN ('id', 'at', 'severity', 'location', 'tags', 'note', 'change_id')), "
                      "(SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('change', 'profile'))");
  facts.step();
  const bool empty = facts.integer(0) == 0 && version == 0 && id == 0;
  const bool ours = version > 0 && id == 0 && facts.integer(1) == 7 && facts.integer(2) == 2;
  if (empty || ours) {
    return;
  }
  throw Error(ExitCode::io, fmt::format("{} is not a backcare log (another program's database?); it was left "
                                        "untouched. Move it aside or use another --data-dir",
                                        db.path()));
}

// One object of a database's schema, as sqlite_schema holds it; `sql`
// without whitespace, so that only what it says is compared.
struct SchemaObject {
  std::string type;
  std::string name;
  std::string table;
  std::string sql;
  bool operator==(const SchemaObject&) const = default;
};

// The whole schema in one query, in a fixed order.
std::vector<SchemaObject> schema_of(Database& db)
{
  Statement select(db, "SELECT type, name, tbl_name, replace(replace(replace(replace(coalesce(sql, ''), ' ', ''), "
                       "char(10), ''), char(13), ''), "
                       "char(9), '') FROM sqlite_schema ORDER BY type, name");
  std::vector<SchemaObject> objects;
  while (select.step()) {
    objects.push_back({select.text(0), select.text(1), select.text(2), select.text(3)});
  }
  return objects;
}

// The schema this version writes (k_schema_objects), as schema_of reads
// it; the SQL is not compared (see schema_problem).
const std::vector<SchemaObject>& expected_schema()
{
  static const std::vector<SchemaObject> schema = [] {
    std::vector<SchemaObject> objects;
    objects.reserve(k_schema_objects.size());
    for (const SchemaName& object : k_schema_objects) {
      objects.push_back({std::string(object.type), std::string(object.name), std::string(object.table), {}});
    }
    return objects;
  }();
  return schema;
}

// What is wrong with the schema of a log against the one this version
// writes, or empty. Every object must be one backcare makes (type, name,
// table): a view in place of a table could hang every read, a trigger
// delete entries. A table must be a plain table, and every table must be
// there. Columns, checks and index definitions are not compared: logs made
// by earlier versions differ there, harmlessly (trusted_schema is off and
// the log opens in defensive mode). The names come from a constant, not
// from running the migrations on every open (that was two thirds of a
// command's instructions).
std::string schema_problem(const std::vector<SchemaObject>& actual, const std::vector<SchemaObject>& expected)
{
  const auto find = [](const std::vector<SchemaObject>& objects, const SchemaObject& object) {
    return std::find_if(objects.begin(), objects.end(), [&](const SchemaObject& o) {
      return o.type == object.type && o.name == object.name && o.table == object.table;
    });
  };
  for (const SchemaObject& object : actual) {
    const auto ours = find(expected, object);
    if (ours == expected.end()) {
      return fmt::format("it has {} {} '{}' that backcare does not make", object.type == "index" ? "an" : "a",
                         object.type, object.name);
    }
    const bool same = object.type != "table" || object.sql.starts_with("CREATETABLE");
    if (!same) {
      return fmt::format("its {} '{}' is not as backcare makes it", object.type, object.name);
    }
  }
  for (const SchemaObject& object : expected) {
    if (object.type == "table" && find(actual, object) == actual.end()) {
      return fmt::format("it lacks the table '{}'", object.name);
    }
  }
  return {};
}

// Refuses a log whose schema is not this version's (schema_problem), in one
// query; nothing has been written when it throws.
void check_schema(Database& db)
{
  const std::vector<SchemaObject> actual = schema_of(db);
  if (const std::string problem = schema_problem(actual, expected_schema()); !problem.empty()) {
    throw Error(ExitCode::data, fmt::format("{} is not a log as backcare writes it: {}; it was left untouched. "
                                            "Move it aside (backcare restore FILE brings back a backup) or use "
                                            "another --data-dir",
                                            db.path(), problem));
  }
}

// The path SQLite gets: folders resolved (a symbolic link to the data
// folder, or a linked home, is fine), the file itself as named.
std::string resolved(const std::string& path)
{
  std::error_code ec;
  const fs::path file(path);
  const fs::path folder = fs::canonical(file.parent_path().empty() ? "." : file.parent_path(), ec);
  return ec ? path : (folder / file.filename()).string();
}

void remove_database_files(const std::string& path)
{
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    ::unlink((path + suffix).c_str());
  }
}

// Holds an exclusive lock on a folder while it lives (best effort: a folder
// that cannot be locked is used unlocked).
class FolderLock {
public:
  explicit FolderLock(const fs::path& folder)
    : m_fd(::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC))
  {
    if (m_fd >= 0) {
      ::flock(m_fd, LOCK_EX);
    }
  }
  ~FolderLock()
  {
    if (m_fd >= 0) {
      ::close(m_fd); // releases the lock
    }
  }
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

private:
  int m_fd;
};

// Moves aside the -wal and -shm files a log that is gone left behind (its
// file deleted, they kept): SQLite would replay that WAL into a new log of
// the same name and bring back what was deleted. Says so in one line.
void move_orphans_aside(const std::string& path)
{
  std::time_t now = std::time(nullptr);
  std::tm local{};
  ::localtime_r(&now, &local);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%S", &local);
  std::vector<std::string> moved;
  for (const char* suffix : {"-wal", "-shm"}) {
    const std::string file = path + suffix;
    struct stat info {};
    if (::lstat(file.c_str(), &info) != 0) {
      continue;
    }
    const std::string aside = fmt::format("{}.orphaned-{}", file, stamp);
    if (::renameat2(AT_FDCWD, file.c_str(), AT_FDCWD, aside.c_str(), RENAME_NOREPLACE) != 0) {
      throw Error(ExitCode::cant_create,
                  fmt::format("cannot move the leftover {} aside (to {}): {}", file, aside, std::strerror(errno)));
    }
    moved.push_back(fs::path(aside).filename().string());
  }
  if (!moved.empty()) {
    std::fflush(stdout);
    fmt::print(stderr,
               "backcare: note: {} was gone but not its WAL; moved the leftovers aside ({}), never "
               "replayed into the new log\n",
               path, fmt::join(moved, ", "));
  }
}

std::int64_t record_change(Database& db, std::string_view kind, const std::string& summary, const Entry* before)
{
  Statement insert(db, "INSERT INTO change (kind, summary, entry_id, at, severity, location, tags, note) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  insert.bind(1, kind).bind(2, summary);
  if (before) {
    insert.bind(3, before->id);
    bind_fields(insert, 4, *before);
  }
  insert.run();
  return db.last_insert_id();
}

constexpr const char* k_session_columns_sql =
    "id, at, phase, status, pain_during, next_morning, skipped_exercises, reason, note, ceiling";

std::optional<int> optional_int(const Statement& row, int column)
{
  return row.is_null(column) ? std::nullopt : std::optional<int>(static_cast<int>(row.integer(column)));
}

Session read_session(const Statement& row)
{
  Session s;
  s.id = row.integer(0);
  s.at = row.text(1);
  s.phase = static_cast<int>(row.integer(2));
  s.status = parse_word<SessionStatus>(row.text(3)).value_or(SessionStatus::done);
  s.pain_during = optional_int(row, 4);
  s.next_morning = optional_int(row, 5);
  s.skipped_exercises = split_tags(row.text(6));
  s.reason = parse_word<SkipReason>(row.text(7));
  s.note = row.text(8);
  s.ceiling = static_cast<int>(row.integer(9));
  return s;
}

// Binds at .. ceiling (nine fields) from parameter `first` on.
void bind_session(Statement& statement, int first, const Session& s)
{
  statement.bind(first, s.at).bind(first + 1, s.phase).bind(first + 2, name_of(s.status));
  const auto bind_optional = [&](int index, const std::optional<int>& value) {
    if (value) {
      statement.bind(index, *value);
    } else {
      statement.bind_null(index);
    }
  };
  bind_optional(first + 3, s.pain_during);
  bind_optional(first + 4, s.next_morning);
  statement.bind(first + 5, join_tags(s.skipped_exercises))
      .bind(first + 6, s.reason ? name_of(*s.reason) : std::string_view(""))
      .bind(first + 7, s.note)
      .bind(first + 8, s.ceiling);
}

std::string describe(const Session& s)
{
  return fmt::format("session {} ({}, {})", s.id, s.at, name_of(s.status));
}

// The state of a session before a change, for undo: its interchange JSON
// plus the ceiling, which the interchange format does not carry.
std::string snapshot(const Session& s)
{
  return fmt::format("{}\n{}", s.ceiling, session_json(s, std::nullopt));
}

Session from_snapshot(const std::string& text, std::int64_t id)
{
  const auto newline = text.find('\n');
  auto sessions = read_sessions_json("the undo record", "[" + text.substr(newline + 1) + "]", Date::max());
  Session s = sessions.at(0);
  s.id = id;
  s.ceiling = std::stoi(text.substr(0, newline));
  return s;
}

void record_session_change(Database& db, std::string_view kind, const std::string& summary, const Session& before)
{
  Statement(db, "INSERT INTO change (kind, summary, entry_id, before) VALUES (?1, ?2, ?3, ?4)")
      .bind(1, kind)
      .bind(2, summary)
      .bind(3, before.id)
      .bind(4, snapshot(before))
      .run();
}

void insert_session(Database& db, const Session& s, std::optional<std::int64_t> change_id)
{
  Statement insert(db, "INSERT INTO session (id, at, phase, status, pain_during, next_morning, skipped_exercises, "
                       "reason, note, ceiling, change_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  if (s.id > 0) {
    insert.bind(1, s.id);
  } else {
    insert.bind_null(1);
  }
  bind_session(insert, 2, s);
  if (change_id) {
    insert.bind(11, *change_id);
  } else {
    insert.bind_null(11);
  }
  insert.run();
}

// What an import of sessions or PSFS ratings is called in the change table
// and in its summary, and the table whose ids it keeps.
struct ImportKind {
  const char* change; // the change's kind
  const char* table;
  const char* plural; // "imported N <plural>"
};

// Imports `records` as one undoable change, all or nothing: a record the
// log already holds (`stored`) is skipped; a record keeps its id unless the
// id is taken; `insert` writes it. An import that adds nothing leaves no
// change to undo.
template <typename Record, typename Stored, typename Insert>
ImportResult import_records(Transaction& transaction, Database& db, const ImportKind& kind,
                            const std::vector<Record>& records, Stored stored, Insert insert)
{
  const std::int64_t change_id = record_change(db, kind.change, kind.change, nullptr);
  Statement id_taken(db, fmt::format("SELECT 1 FROM {} WHERE id = ?1", kind.table));
  ImportResult result;
  for (Record record : records) {
    if (stored(record)) {
      ++result.skipped;
      continue;
    }
    if (record.id > 0) {
      id_taken.bind(1, record.id);
      if (id_taken.step()) {
        record.id = 0;
      }
      id_taken.reset();
    }
    insert(db, record, change_id);
    ++result.added;
  }
  if (result.added == 0) {
    return result; // nothing to undo: the transaction rolls back
  }
  Statement(db, "UPDATE change SET summary = ?1 WHERE id = ?2")
      .bind(1, fmt::format("imported {} {}", result.added, kind.plural))
      .bind(2, change_id)
      .run();
  transaction.commit();
  return result;
}

// The day of an `at`: its first ten characters, YYYY-MM-DD.
std::string_view day_of(std::string_view at)
{
  return at.substr(0, 10);
}

// Sums of one day's entries, as day_summary holds them.
struct DayTotals {
  std::int64_t entries = 0;
  std::int64_t total = 0;
  int lowest = 10;
  int highest = 0;

  void add(int severity)
  {
    ++entries;
    total += severity;
    lowest = std::min(lowest, severity);
    highest = std::max(highest, severity);
  }
};

// Per-day totals of new entries, by YYYY-MM-DD.
using DayTotalsMap = std::map<std::string, DayTotals, std::less<>>;

// Adds new entries to the day summaries. Only new entries: a lowest or
// highest cannot be taken back, so a change or removal recounts its day.
void add_to_days(Database& db, const DayTotalsMap& days)
{
  Statement upsert(db, "INSERT INTO day_summary (day, entries, total, lowest, highest) VALUES (?1, ?2, ?3, ?4, ?5) "
                       "ON CONFLICT (day) DO UPDATE SET entries = entries + excluded.entries, "
                       "total = total + excluded.total, lowest = min(lowest, excluded.lowest), "
                       "highest = max(highest, excluded.highest)");
  for (const auto& [day, totals] : days) {
    upsert.bind(1, day).bind(2, totals.entries).bind(3, totals.total).bind(4, totals.lowest).bind(5, totals.highest);
    upsert.run();
  }
}

void add_to_day(Database& db, const Entry& entry)
{
  DayTotalsMap days;
  days[std::string(day_of(entry.at))].add(entry.severity);
  add_to_days(db, days);
}

// Recounts the summaries of the days `first` to `last` (YYYY-MM-DD) from
// their entries, through the index on `at`.
void recount_days(Database& db, std::string_view first, std::string_view last)
{
  Statement(db, "DELETE FROM day_summary WHERE day BETWEEN ?1 AND ?2").bind(1, first).bind(2, last).run();
  Statement(db, "INSERT INTO day_summary (day, entries, total, lowest, highest) "
                "SELECT substr(at, 1, 10), count(*), sum(severity), min(severity), max(severity) FROM entry "
                "WHERE at >= ?1 AND at < ?2 GROUP BY 1")
      .bind(1, first)
      .bind(2, std::string(last) + "U")
      .run();
}

// The smallest or largest value of a column (an indexed one: SQLite then
// reads one end of the index); empty when the log is empty.
std::string column_end(Database& db, const char* sql)
{
  Statement select(db, sql);
  return select.step() ? select.text(0) : std::string();
}

void recount_day(Database& db, std::string_view at)
{
  recount_days(db, day_of(at), day_of(at));
}

} // namespace

const char* const PainLogSql::list =
    "SELECT id, at, severity, location, tags, note FROM entry WHERE at >= ?1 AND at < ?2 ORDER BY at, id";
const char* const PainLogSql::add =
    "INSERT INTO entry (at, severity, location, tags, note) VALUES (?1, ?2, ?3, ?4, ?5)";
const char* const PainLogSql::import = "INSERT INTO entry (id, at, severity, location, tags, note, change_id) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

std::string default_data_dir(const char* xdg_data_home, const char* home)
{
  if (xdg_data_home && *xdg_data_home == '/') {
    return (fs::path(xdg_data_home) / "backcare").string();
  }
  return (fs::path(home && *home ? home : ".") / ".local" / "share" / "backcare").string();
}

bool is_profile_name(std::string_view name)
{
  const auto allowed = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
           || c == '-';
  };
  return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), allowed) && name.front() != '.'
         && name.front() != '_' && name.front() != '-';
}

void make_private_folders(const std::string& folder)
{
  make_private_folder(fs::path(folder));
}

std::string database_path(const std::string& data_dir, const std::string& profile)
{
  return (fs::path(data_dir) / (profile + ".db")).string();
}

std::unique_ptr<PainLog> PainLog::open(const std::string& path, bool create)
{
  std::error_code ec;
  const auto status = fs::symlink_status(path, ec);
  if (fs::is_symlink(status)) {
    throw Error(ExitCode::io, fmt::format("{} is a symbolic link; backcare only opens a real file as the log (a "
                                          "linked data folder is fine). Replace the link with the file",
                                          path));
  }
  if (!fs::exists(status)) {
    if (!create) {
      return nullptr;
    }
    make_private_folder(fs::path(path).parent_path());
    create_log(resolved(path));
  }
  try {
    return open_existing(resolved(path));
  } catch (const store::DiskError& error) {
    if (create) {
      throw;
    }
    // A full disk: reading must still work, so that the person can export
    // and rescue the log.
    try {
      std::unique_ptr<PainLog> log(new PainLog(std::make_unique<Database>(resolved(path), true)));
      check_is_backcare_log(*log->m_db, static_cast<int>(k_migrations.size()));
      if (user_version(*log->m_db) == static_cast<int>(k_migrations.size())) {
        check_schema(*log->m_db);
      }
      log->m_db->keep_wal_on_close();
      log->m_summarized = user_version(*log->m_db) >= 3;
      return log;
    } catch (const Error&) {
      throw error; // the first failure says more
    }
  }
}

namespace {

LogContents contents_of(Database& db)
{
  Statement select(db, "SELECT (SELECT count(*) FROM entry), (SELECT count(*) FROM session), "
                       "(SELECT count(*) FROM screening), (SELECT count(*) FROM psfs_rating), "
                       "(SELECT min(m) FROM (SELECT min(at) AS m FROM entry UNION ALL SELECT min(at) FROM session "
                       " UNION ALL SELECT min(at) FROM screening UNION ALL SELECT min(at) FROM psfs_rating)), "
                       "(SELECT max(m) FROM (SELECT max(at) AS m FROM entry UNION ALL SELECT max(at) FROM session "
                       " UNION ALL SELECT max(at) FROM screening UNION ALL SELECT max(at) FROM psfs_rating))");
  select.step();
  return {select.integer(0), select.integer(1), select.integer(2), select.integer(3), select.text(4), select.text(5)};
}

// Throws ExitCode::data unless SQLite finds the whole file sound.
void check_integrity(Database& db)
{
  Statement check(db, "PRAGMA integrity_check(1)");
  if (!check.step() || check.text_view(0) != "ok") {
    throw Error(ExitCode::data, fmt::format("{} is damaged ({})", db.path(), check.text(0)));
  }
}

// A new empty file, 0600, for SQLite to fill; never replaces one.
void create_empty_file(const std::string& path, const char* what)
{
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    cannot_create(what, path);
  }
  ::close(fd);
}

} // namespace

LogContents PainLog::contents() const
{
  return contents_of(*m_db);
}

LogContents PainLog::copy_to(const std::string& path) const
{
  create_empty_file(path, "the backup");
  try {
    LogContents contents;
    {
      Database copy(path);
      {
        const store::ReadSnapshot snapshot(*m_db);
        contents = contents_of(*m_db);
        m_db->copy_into(copy);
      }
      copy.exec("PRAGMA journal_mode = DELETE"); // one self-contained file
    }
    Database copy(path);
    check_integrity(copy);
    check_schema(copy);
    if (contents_of(copy) != contents) {
      throw Error(ExitCode::io, fmt::format("the backup {} does not hold what the log held; it was removed", path));
    }
    return contents;
  } catch (...) {
    remove_database_files(path);
    throw;
  }
}

LogContents PainLog::copy_for_restore(const std::string& file, const std::string& temp)
{
  const auto refuse = [&](const Error& e) {
    return Error(ExitCode::data, fmt::format("cannot restore {}: {}", file, e.what()));
  };
  create_empty_file(temp, "the restored log");
  try {
    {
      std::unique_ptr<Database> source;
      try {
        source = std::make_unique<Database>(file);
        check_is_backcare_log(*source, static_cast<int>(k_migrations.size()));
        check_integrity(*source);
        if (user_version(*source) == 0) {
          throw Error(ExitCode::data, fmt::format("{} is an empty database, not a backcare log", file));
        }
      } catch (const store::DiskError&) {
        throw;
      } catch (const Error& e) {
        throw refuse(e);
      }
      Database copy(temp);
      source->copy_into(copy);
      copy.exec("PRAGMA journal_mode = DELETE");
    }
    std::unique_ptr<PainLog> log;
    try {
      log = open_existing(temp); // migrates an older log and checks the schema
    } catch (const Error& e) {
      throw refuse(e);
    }
    LogContents contents = log->contents();
    log->m_db->exec("PRAGMA journal_mode = DELETE");
    return contents;
  } catch (...) {
    remove_database_files(temp);
    throw;
  }
}

void PainLog::replace(const std::string& path, const std::string& copy)
{
  {
    std::unique_ptr<PainLog> log = open(path, false);
    if (log) {
      // Copies the WAL into the file and empties it; a reader in the way
      // leaves it, and then the log is in use.
      log->m_db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
  }
  std::error_code ec;
  if (fs::exists(path + "-wal", ec) && fs::file_size(path + "-wal", ec) > 0) {
    throw Error(ExitCode::io, fmt::format("the log {} is in use by another backcare; nothing was restored. Try "
                                          "again when it is done",
                                          path));
  }
  ::unlink((path + "-wal").c_str());
  ::unlink((path + "-shm").c_str());
  if (::rename(copy.c_str(), path.c_str()) != 0) {
    cannot_create("the log", path);
  }
}

std::unique_ptr<PainLog> PainLog::open_empty()
{
  std::unique_ptr<PainLog> log(new PainLog(std::make_unique<Database>(":memory:")));
  log->migrate();
  return log;
}

// A new log is made complete (WAL, tables) under a hidden name and then
// moved into place without replacing anything: concurrent first writers
// never see a half-made log, and a failure (a full disk) leaves nothing.
void PainLog::create_log(const std::string& path)
{
  const fs::path file(path);
  std::string temp = (file.parent_path() / ("." + file.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temp.data()); // 0600
  if (fd < 0) {
    cannot_create("the log", path);
  }
  ::close(fd);
  try {
    PainLog log(std::make_unique<Database>(temp));
    log.m_db->use_wal();
    log.migrate();
  } catch (const Error& e) {
    remove_database_files(temp);
    std::string message = e.what();
    if (const auto at = message.find(temp); at != std::string::npos) {
      message.replace(at, temp.size(), path); // name the log, not the hidden file
    }
    throw Error(e.code(), message);
  }
  // The log is closed: its WAL was checkpointed and removed. Under the
  // folder's lock, so that no other first writer is between its own move
  // into place and its first open when leftovers are moved aside.
  const FolderLock lock(file.parent_path());
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec))) {
    move_orphans_aside(path);
  }
  if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) == 0) {
    return;
  }
  int error = errno;
  if (error == EINVAL) { // a file system that cannot rename without replacing
    error = ::link(temp.c_str(), path.c_str()) == 0 ? 0 : errno;
  }
  remove_database_files(temp);
  if (error != 0 && error != EEXIST) { // EEXIST: another backcare made it first
    errno = error;
    cannot_create("the log", path);
  }
}

std::unique_ptr<PainLog> PainLog::open_existing(const std::string& path)
{
  // SQLite gives up on some locks (taking a fresh file into WAL, recovery)
  // without calling the busy handler: try again, as a busy handler would.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes{1};
  for (int attempt = 0;; ++attempt) {
    try {
      std::unique_ptr<PainLog> log(new PainLog(std::make_unique<Database>(path)));
      check_is_backcare_log(*log->m_db, static_cast<int>(k_migrations.size()));
      // A current log is checked before anything is written; an older one
      // (hand-made by earlier versions' tables) once its migrations ran.
      const bool current = user_version(*log->m_db) == static_cast<int>(k_migrations.size());
      if (current) {
        check_schema(*log->m_db);
      }
      log->m_db->use_wal();
      log->m_db->keep_wal_on_close();
      log->migrate();
      if (!current) {
        check_schema(*log->m_db);
      }
      return log;
    } catch (const store::Busy&) {
      if (std::chrono::steady_clock::now() > deadline) {
        throw;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds{5 + attempt % 20});
    }
  }
}

PainLog::PainLog(std::unique_ptr<store::Database> db)
  : m_db(std::move(db))
{
}

PainLog::~PainLog() = default;

void PainLog::migrate()
{
  const int latest = static_cast<int>(k_migrations.size());
  if (user_version(*m_db) == latest) {
    return;
  }
  Transaction transaction(*m_db);
  int version = user_version(*m_db); // another process may have migrated meanwhile
  check_is_backcare_log(*m_db, latest);
  for (; version < latest; ++version) {
    m_db->exec_script(k_migrations[static_cast<std::size_t>(version)]);
  }
  m_db->exec(fmt::format("PRAGMA user_version = {}", latest));
  transaction.commit();
}

std::int64_t PainLog::add(const Entry& entry)
{
  Transaction transaction(*m_db);
  Statement insert(*m_db, PainLogSql::add);
  bind_fields(insert, 1, entry);
  insert.run();
  Entry stored = entry;
  stored.id = m_db->last_insert_id();
  add_to_day(*m_db, entry);
  Statement change(*m_db, "INSERT INTO change (kind, summary, entry_id) VALUES ('add', ?1, ?2)");
  change.bind(1, "added " + describe(stored)).bind(2, stored.id).run();
  transaction.commit();
  return stored.id;
}

std::optional<Entry> PainLog::find(std::int64_t id) const
{
  Statement select(*m_db, fmt::format("SELECT {} FROM entry WHERE id = ?1", k_entry_columns));
  select.bind(1, id);
  if (!select.step()) {
    return std::nullopt;
  }
  return read_entry(select);
}

Entry PainLog::edit(std::int64_t id, const EntryEdit& edit, Date today)
{
  Transaction transaction(*m_db);
  const auto before = find(id);
  if (!before) {
    throw usage_error(fmt::format("no entry with id {} (backcare log list shows the ids)", id));
  }
  Entry after = *before;
  after.severity = edit.severity.value_or(after.severity);
  after.at = edit.at.value_or(after.at);
  after.location = edit.location.value_or(after.location);
  after.note = edit.note.value_or(after.note);
  after.tags = edit.tags.value_or(after.tags);
  if (const std::string problem = entry_problem(after, today); !problem.empty()) {
    throw usage_error(problem);
  }
  record_change(*m_db, "edit", "edited " + describe(*before), &*before);
  Statement update(*m_db, "UPDATE entry SET at = ?1, severity = ?2, location = ?3, tags = ?4, note = ?5 WHERE id = ?6");
  bind_fields(update, 1, after);
  update.bind(6, id).run();
  recount_day(*m_db, before->at);
  if (day_of(after.at) != day_of(before->at)) {
    recount_day(*m_db, after.at);
  }
  transaction.commit();
  return after;
}

Entry PainLog::remove(std::int64_t id)
{
  Transaction transaction(*m_db);
  const auto before = find(id);
  if (!before) {
    throw usage_error(fmt::format("no entry with id {} (backcare log list shows the ids)", id));
  }
  record_change(*m_db, "remove", "removed " + describe(*before), &*before);
  Statement(*m_db, "DELETE FROM entry WHERE id = ?1").bind(1, id).run();
  recount_day(*m_db, before->at);
  transaction.commit();
  return *before;
}

ImportResult PainLog::import(const std::function<std::optional<Entry>()>& next)
{
  Transaction transaction(*m_db);
  const std::int64_t change_id = record_change(*m_db, "import", "import", nullptr);
  Statement exists(*m_db, "SELECT 1 FROM entry WHERE at = ?1 AND severity = ?2 AND note = ?3 LIMIT 1");
  Statement id_taken(*m_db, "SELECT 1 FROM entry WHERE id = ?1");
  Statement insert(*m_db, PainLogSql::import);
  // What the log holds, kept up to date as rows go in: a row whose `at` is
  // outside [first_at, last_at] repeats no entry, and an id above max_id is
  // free, so neither needs a lookup. A file in time order (an export) into
  // an older or empty log needs none at all.
  std::string first_at = column_end(*m_db, "SELECT min(at) FROM entry");
  std::string last_at = column_end(*m_db, "SELECT max(at) FROM entry");
  Statement largest_id(*m_db, "SELECT max(id) FROM entry");
  largest_id.step();
  std::int64_t max_id = largest_id.integer(0);
  ImportResult result;
  std::string tags;
  DayTotalsMap days;
  auto day = days.end(); // the day of the previous entry: files come in time order
  while (auto entry = next()) {
    if (!first_at.empty() && entry->at >= first_at && entry->at <= last_at) {
      exists.bind(1, entry->at).bind(2, entry->severity).bind(3, entry->note);
      const bool duplicate = exists.step();
      exists.reset();
      if (duplicate) {
        ++result.skipped;
        continue;
      }
    }
    bool keep_id = entry->id > 0;
    if (keep_id && entry->id <= max_id) {
      id_taken.bind(1, entry->id);
      keep_id = !id_taken.step();
      id_taken.reset();
    }
    if (keep_id) {
      insert.bind(1, entry->id);
    } else {
      insert.bind_null(1);
    }
    // The text is bound without a copy: `entry` and `tags` outlive run().
    tags = entry->tags.empty() ? std::string() : join_tags(entry->tags);
    insert.bind_unowned(2, entry->at)
        .bind(3, entry->severity)
        .bind_unowned(4, entry->location)
        .bind_unowned(5, tags)
        .bind_unowned(6, entry->note)
        .bind(7, change_id)
        .run();
    ++result.added;
    max_id = std::max(max_id, m_db->last_insert_id());
    if (first_at.empty() || entry->at < first_at) {
      first_at = entry->at;
    }
    if (entry->at > last_at) {
      last_at = entry->at;
    }
    if (day == days.end() || day->first != day_of(entry->at)) {
      day = days.try_emplace(std::string(day_of(entry->at))).first;
    }
    day->second.add(entry->severity);
  }
  if (result.added > 0) {
    Statement(*m_db, "UPDATE change SET summary = ?1 WHERE id = ?2")
        .bind(1, fmt::format("imported {} entries", result.added))
        .bind(2, change_id)
        .run();
    add_to_days(*m_db, days);
  }
  if (result.added == 0) {
    return result; // nothing to undo: the transaction rolls back
  }
  transaction.commit(); // the long WAL it leaves is checkpointed on close
  return result;
}

std::optional<std::string> PainLog::undo()
{
  Transaction transaction(*m_db);
  Statement last(*m_db, "SELECT id, kind, summary, entry_id, at, severity, location, tags, note "
                        "FROM change ORDER BY id DESC LIMIT 1");
  if (!last.step()) {
    return std::nullopt;
  }
  const std::int64_t change_id = last.integer(0);
  const std::string kind = last.text(1);
  const std::string summary = last.text(2);
  if (kind == "screen") {
    Statement(*m_db, "DELETE FROM screening WHERE id = ?1").bind(1, last.integer(3)).run();
  } else if (kind == "session-add") {
    Statement(*m_db, "DELETE FROM session WHERE id = ?1").bind(1, last.integer(3)).run();
  } else if (kind == "session-import") {
    Statement(*m_db, "DELETE FROM session WHERE change_id = ?1").bind(1, change_id).run();
  } else if (kind == "session-edit" || kind == "session-remove") {
    Statement before(*m_db, "SELECT before FROM change WHERE id = ?1");
    before.bind(1, change_id).step();
    const Session restored = from_snapshot(before.text(0), last.integer(3));
    Statement(*m_db, "DELETE FROM session WHERE id = ?1").bind(1, restored.id).run();
    insert_session(*m_db, restored, std::nullopt);
  } else if (kind == "psfs-add") { // the scores go with the rating (ON DELETE CASCADE)
    Statement(*m_db, "DELETE FROM psfs_rating WHERE id = ?1").bind(1, last.integer(3)).run();
  } else if (kind == "psfs-import") {
    Statement(*m_db, "DELETE FROM psfs_rating WHERE change_id = ?1").bind(1, change_id).run();
  } else if (kind == "add") {
    if (const auto added = find(last.integer(3))) {
      Statement(*m_db, "DELETE FROM entry WHERE id = ?1").bind(1, added->id).run();
      recount_day(*m_db, added->at);
    }
  } else if (kind == "import") {
    Statement span(*m_db, "SELECT min(at), max(at) FROM entry WHERE change_id = ?1");
    span.bind(1, change_id).step();
    const std::string first = span.text(0);
    const std::string last_at = span.text(1);
    Statement(*m_db, "DELETE FROM entry WHERE change_id = ?1").bind(1, change_id).run();
    if (!first.empty()) {
      recount_days(*m_db, day_of(first), day_of(last_at));
    }
  } else {
    // The snapshot of the entry before the edit or removal.
    const Entry before = read_entry(last, 3);
    if (kind == "edit") {
      const auto edited = find(before.id);
      Statement update(*m_db,
                       "UPDATE entry SET at = ?1, severity = ?2, location = ?3, tags = ?4, note = ?5 WHERE id = ?6");
      bind_fields(update, 1, before);
      update.bind(6, before.id).run();
      recount_day(*m_db, before.at);
      if (edited && day_of(edited->at) != day_of(before.at)) {
        recount_day(*m_db, edited->at);
      }
    } else {
      Statement insert(*m_db,
                       "INSERT INTO entry (id, at, severity, location, tags, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
      insert.bind(1, before.id);
      bind_fields(insert, 2, before);
      insert.run();
      add_to_day(*m_db, before);
    }
  }
  Statement(*m_db, "DELETE FROM change WHERE id = ?1").bind(1, change_id).run();
  transaction.commit();
  return summary;
}

void PainLog::for_each(const EntryFilter& filter, const std::function<void(const Entry&)>& visit) const
{
  const auto [since, until] = bounds(filter);
  Statement select(*m_db, PainLogSql::list);
  select.bind(1, since).bind(2, until);
  while (select.step()) {
    visit(read_entry(select));
  }
}

void PainLog::read_snapshot(const std::function<void()>& read) const
{
  const store::ReadSnapshot snapshot(*m_db);
  read();
}

std::vector<Entry> PainLog::first_entries(const std::vector<Date>& days, std::string_view from,
                                          std::string_view until) const
{
  Statement select(
      *m_db, fmt::format("SELECT {} FROM entry WHERE at BETWEEN ?1 AND ?2 ORDER BY at, id LIMIT 1", k_entry_columns));
  std::vector<Entry> entries;
  for (const Date day : days) {
    const std::string date = format_date(day);
    select.bind(1, fmt::format("{}T{}", date, from)).bind(2, fmt::format("{}T{}", date, until));
    if (select.step()) {
      entries.push_back(read_entry(select));
    }
    select.reset();
  }
  return entries;
}

std::vector<DaySummary> PainLog::days(const EntryFilter& filter) const
{
  if (!m_summarized) {
    return days_by_scan(filter);
  }
  Statement select(*m_db, "SELECT day, entries, total, lowest, highest FROM day_summary "
                          "WHERE day BETWEEN ?1 AND ?2 ORDER BY day");
  select.bind(1, filter.since ? format_date(*filter.since) : std::string("0000"))
      .bind(2, filter.until ? format_date(*filter.until) : std::string("9999-99-99"));
  std::vector<DaySummary> days;
  while (select.step()) {
    DaySummary& day = days.emplace_back();
    day.day = parse_date(select.text_view(0)).value_or(Date{});
    day.entries = static_cast<int>(select.integer(1));
    day.mean = static_cast<double>(select.integer(2)) / static_cast<double>(day.entries);
    day.min = static_cast<int>(select.integer(3));
    day.max = static_cast<int>(select.integer(4));
  }
  return days;
}

// One streaming pass over the entries in time order, for a log opened
// read-only before its migration to day summaries (on a full disk).
std::vector<DaySummary> PainLog::days_by_scan(const EntryFilter& filter) const
{
  const auto [since, until] = bounds(filter);
  Statement select(*m_db, "SELECT at, severity FROM entry WHERE at >= ?1 AND at < ?2 ORDER BY at");
  select.bind(1, since).bind(2, until);
  std::vector<DaySummary> days;
  std::string current;
  DayTotals totals;
  const auto close_day = [&] {
    if (!days.empty()) {
      days.back().entries = static_cast<int>(totals.entries);
      days.back().mean = static_cast<double>(totals.total) / static_cast<double>(totals.entries);
      days.back().min = totals.lowest;
      days.back().max = totals.highest;
    }
  };
  while (select.step()) {
    if (const std::string_view day = day_of(select.text_view(0)); day != current) {
      close_day();
      days.push_back({parse_date(day).value_or(Date{}), 0, 0, 0, 0});
      current = day;
      totals = {};
    }
    totals.add(static_cast<int>(select.integer(1)));
  }
  close_day();
  return days;
}

std::optional<Entry> PainLog::latest(Date from, Date to) const
{
  Statement select(*m_db, fmt::format("SELECT {} FROM entry WHERE at >= ?1 AND at < ?2 ORDER BY at DESC, id DESC "
                                      "LIMIT 1",
                                      k_entry_columns));
  select.bind(1, format_date(from)).bind(2, end_of_day(to));
  if (!select.step()) {
    return std::nullopt;
  }
  return read_entry(select);
}

std::int64_t PainLog::add_screening(const Screening& screening)
{
  Transaction transaction(*m_db);
  Statement(*m_db, "INSERT INTO screening (at, asked, yes, checked) VALUES (?1, ?2, ?3, ?4)")
      .bind(1, screening.at)
      .bind(2, join_tags(screening.asked))
      .bind(3, join_tags(screening.yes))
      .bind(4, join_tags(screening.checked))
      .run();
  Screening stored = screening;
  stored.id = m_db->last_insert_id();
  Statement(*m_db, "INSERT INTO change (kind, summary, entry_id) VALUES ('screen', ?1, ?2)")
      .bind(1, fmt::format("saved the screening of {}", stored.at))
      .bind(2, stored.id)
      .run();
  transaction.commit();
  return stored.id;
}

std::vector<Screening> PainLog::screenings(const EntryFilter& filter) const
{
  const auto [since, until] = bounds(filter);
  Statement select(*m_db,
                   "SELECT id, at, asked, yes, checked FROM screening WHERE at >= ?1 AND at < ?2 ORDER BY at, id");
  select.bind(1, since).bind(2, until);
  std::vector<Screening> screenings;
  while (select.step()) {
    screenings.push_back({select.integer(0), select.text(1), split_tags(select.text(2)), split_tags(select.text(3)),
                          split_tags(select.text(4))});
  }
  return screenings;
}

Profile PainLog::profile() const
{
  Profile profile;
  Statement select(*m_db, "SELECT key, value FROM profile");
  while (select.step()) {
    const std::string key = select.text(0);
    const std::string value = select.text(1);
    if (key == "birth_date") {
      profile.birth_date = parse_date(value);
    } else if (key == "delivery") {
      profile.delivery = parse_word<Delivery>(value);
    } else if (key == "pain_since") {
      profile.pain_since = parse_date(value);
    } else if (key == "postures") {
      profile.postures = split_tags(value);
    } else if (key == "equipment") {
      profile.equipment = split_tags(value);
    }
  }
  return profile;
}

void PainLog::save_profile(const Profile& profile)
{
  Transaction transaction(*m_db);
  m_db->exec("DELETE FROM profile");
  Statement insert(*m_db, "INSERT INTO profile (key, value) VALUES (?1, ?2)");
  const auto put = [&](std::string_view key, const std::string& value) {
    if (!value.empty()) {
      insert.bind(1, key).bind(2, value).run();
    }
  };
  put("birth_date", profile.birth_date ? format_date(*profile.birth_date) : "");
  put("delivery", profile.delivery ? std::string(name_of(*profile.delivery)) : "");
  put("pain_since", profile.pain_since ? format_date(*profile.pain_since) : "");
  put("postures", join_tags(profile.postures));
  put("equipment", join_tags(profile.equipment));
  transaction.commit();
}

void PainLog::clear_profile()
{
  save_profile(Profile{});
}

std::int64_t PainLog::add_session(const Session& session)
{
  Transaction transaction(*m_db);
  Session stored = session;
  stored.id = 0;
  insert_session(*m_db, stored, std::nullopt);
  stored.id = m_db->last_insert_id();
  Statement(*m_db, "INSERT INTO change (kind, summary, entry_id) VALUES ('session-add', ?1, ?2)")
      .bind(1, "added " + describe(stored))
      .bind(2, stored.id)
      .run();
  transaction.commit();
  return stored.id;
}

std::optional<Session> PainLog::find_session(std::int64_t id) const
{
  Statement select(*m_db, fmt::format("SELECT {} FROM session WHERE id = ?1", k_session_columns_sql));
  select.bind(1, id);
  if (!select.step()) {
    return std::nullopt;
  }
  return read_session(select);
}

Session PainLog::edit_session(std::int64_t id, const SessionEdit& edit, Date today)
{
  Transaction transaction(*m_db);
  const auto before = find_session(id);
  if (!before) {
    throw usage_error(fmt::format("no session with id {} (backcare session list shows the ids)", id));
  }
  Session after = *before;
  after.at = edit.at.value_or(after.at);
  after.pain_during = edit.pain_during ? edit.pain_during : after.pain_during;
  after.next_morning = edit.next_morning ? edit.next_morning : after.next_morning;
  after.skipped_exercises = edit.skipped_exercises.value_or(after.skipped_exercises);
  after.reason = edit.reason ? edit.reason : after.reason;
  after.note = edit.note.value_or(after.note);
  if (const std::string problem = session_problem(after, today); !problem.empty()) {
    throw usage_error(problem);
  }
  record_session_change(*m_db, "session-edit", "edited " + describe(*before), *before);
  Statement update(*m_db, "UPDATE session SET at = ?1, phase = ?2, status = ?3, pain_during = ?4, next_morning = ?5, "
                          "skipped_exercises = ?6, reason = ?7, note = ?8, ceiling = ?9 WHERE id = ?10");
  bind_session(update, 1, after);
  update.bind(10, id).run();
  transaction.commit();
  return after;
}

Session PainLog::remove_session(std::int64_t id)
{
  Transaction transaction(*m_db);
  const auto before = find_session(id);
  if (!before) {
    throw usage_error(fmt::format("no session with id {} (backcare session list shows the ids)", id));
  }
  record_session_change(*m_db, "session-remove", "removed " + describe(*before), *before);
  Statement(*m_db, "DELETE FROM session WHERE id = ?1").bind(1, id).run();
  transaction.commit();
  return *before;
}

ImportResult PainLog::import_sessions(const std::vector<Session>& sessions)
{
  Transaction transaction(*m_db);
  Statement exists(*m_db, "SELECT 1 FROM session WHERE at = ?1 AND status = ?2 AND phase = ?3 LIMIT 1");
  const auto stored = [&](const Session& s) {
    exists.bind(1, s.at).bind(2, name_of(s.status)).bind(3, s.phase);
    const bool found = exists.step();
    exists.reset();
    return found;
  };
  return import_records(transaction, *m_db, {"session-import", "session", "sessions"}, sessions, stored,
                        insert_session);
}

std::vector<Session> PainLog::sessions(const EntryFilter& filter) const
{
  const auto [since, until] = bounds(filter);
  Statement select(
      *m_db, fmt::format("SELECT {} FROM session WHERE at >= ?1 AND at < ?2 ORDER BY at, id", k_session_columns_sql));
  select.bind(1, since).bind(2, until);
  std::vector<Session> sessions;
  while (select.step()) {
    sessions.push_back(read_session(select));
  }
  return sessions;
}

namespace {

// Stores a rating and its scores; `change_id` marks the rows of an import.
std::int64_t insert_psfs(Database& db, const PsfsRating& rating, std::optional<std::int64_t> change_id)
{
  Statement insert(db, "INSERT INTO psfs_rating (id, at, change_id) VALUES (?1, ?2, ?3)");
  if (rating.id > 0) {
    insert.bind(1, rating.id);
  } else {
    insert.bind_null(1);
  }
  insert.bind(2, rating.at);
  if (change_id) {
    insert.bind(3, *change_id);
  } else {
    insert.bind_null(3);
  }
  insert.run();
  const std::int64_t id = db.last_insert_id();
  Statement score(db, "INSERT INTO psfs_score (rating_id, position, activity, score) VALUES (?1, ?2, ?3, ?4)");
  int position = 0;
  for (const PsfsScore& item : rating.scores) {
    score.bind(1, id).bind(2, ++position).bind(3, item.activity).bind(4, item.score).run();
  }
  return id;
}

// The ratings whose `at` is in [since, until), oldest first, with their scores.
std::vector<PsfsRating> select_psfs(Database& db, const std::string& since, const std::string& until)
{
  Statement select(db, "SELECT r.id, r.at, s.activity, s.score FROM psfs_rating r JOIN psfs_score s "
                       "ON s.rating_id = r.id WHERE r.at >= ?1 AND r.at < ?2 ORDER BY r.at, r.id, s.position");
  select.bind(1, since).bind(2, until);
  std::vector<PsfsRating> ratings;
  while (select.step()) {
    if (ratings.empty() || ratings.back().id != select.integer(0)) {
      ratings.push_back({select.integer(0), select.text(1), {}});
    }
    ratings.back().scores.push_back({select.text(2), static_cast<int>(select.integer(3))});
  }
  return ratings;
}

std::string describe(const PsfsRating& rating)
{
  return fmt::format("PSFS rating {} ({}, mean {:.1f})", rating.id, rating.at, rating.mean());
}

} // namespace

std::int64_t PainLog::add_psfs(const PsfsRating& rating)
{
  Transaction transaction(*m_db);
  PsfsRating stored = rating;
  stored.id = 0;
  stored.id = insert_psfs(*m_db, stored, std::nullopt);
  Statement(*m_db, "INSERT INTO change (kind, summary, entry_id) VALUES ('psfs-add', ?1, ?2)")
      .bind(1, "added " + describe(stored))
      .bind(2, stored.id)
      .run();
  transaction.commit();
  return stored.id;
}

ImportResult PainLog::import_psfs(const std::vector<PsfsRating>& ratings)
{
  Transaction transaction(*m_db);
  const auto stored = [&](const PsfsRating& rating) {
    const auto same_time = select_psfs(*m_db, rating.at, rating.at + " ");
    return std::any_of(same_time.begin(), same_time.end(),
                       [&](const PsfsRating& other) { return other.scores == rating.scores; });
  };
  return import_records(transaction, *m_db, {"psfs-import", "psfs_rating", "PSFS ratings"}, ratings, stored,
                        insert_psfs);
}

std::vector<PsfsRating> PainLog::psfs_ratings(const EntryFilter& filter) const
{
  const auto [since, until] = bounds(filter);
  return select_psfs(*m_db, since, until);
}

PainLog::EntryDigest PainLog::digest(const EntryFilter& filter, std::string_view tag) const
{
  // One pass in no particular order, grouped here (a GROUP BY or an ORDER
  // BY would sort every row of the range first), reading only the columns
  // every row needs. LIKE picks the rows that may hold the tag in SQL, ASCII
  // case aside as LIKE compares; those few are read whole afterwards, and
  // the exact tag is checked on the split tags.
  const auto [since, until] = bounds(filter);
  Statement select(*m_db, "SELECT location, severity, at, tags LIKE ?3 ESCAPE '\\', id FROM entry "
                          "WHERE at >= ?1 AND at < ?2");
  std::string pattern = "%";
  for (const char c : tag) {
    pattern += c == '%' || c == '_' || c == '\\' ? std::string("\\") + c : std::string(1, c);
  }
  select.bind(1, since).bind(2, until).bind(3, pattern + "%");
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  const auto same = [&](const std::string& candidate) {
    return std::equal(candidate.begin(), candidate.end(), tag.begin(), tag.end(),
                      [&](char a, char b) { return lower(a) == lower(b); });
  };
  EntryDigest digest;
  auto& groups = digest.groups;
  std::vector<std::int64_t> maybe_tagged;
  while (select.step()) {
    const std::string_view location = select.text_view(0);
    const auto severity = static_cast<int>(select.integer(1));
    auto group = std::find_if(groups.begin(), groups.end(),
                              [&](const EntryGroup& g) { return g.severity == severity && g.location == location; });
    if (group == groups.end()) {
      groups.push_back({std::string(location), severity, 0, ""});
      group = groups.end() - 1;
    }
    ++group->entries;
    if (const std::string_view at = select.text_view(2); at > group->last_at) {
      group->last_at = at;
    }
    if (select.integer(3) != 0) {
      maybe_tagged.push_back(select.integer(4));
    }
  }
  Statement whole(*m_db, fmt::format("SELECT {} FROM entry WHERE id = ?1", k_entry_columns));
  for (const std::int64_t id : maybe_tagged) {
    whole.bind(1, id);
    if (whole.step()) {
      Entry entry = read_entry(whole);
      if (std::any_of(entry.tags.begin(), entry.tags.end(), same)) {
        digest.tagged.push_back(std::move(entry));
      }
    }
    whole.reset();
  }
  std::sort(digest.tagged.begin(), digest.tagged.end(),
            [](const Entry& a, const Entry& b) { return std::tie(a.at, a.id) < std::tie(b.at, b.id); });
  return digest;
}

} // namespace backcare
