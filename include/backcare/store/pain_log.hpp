#pragma once

// The pain diary and saved profile of one person, in one SQLite database
// per profile under the data folder. Every write runs in one IMMEDIATE
// transaction, so concurrent writers all land and a failure changes nothing.

#include "backcare/core/entry.hpp"
#include "backcare/core/psfs.hpp"
#include "backcare/core/screening.hpp"
#include "backcare/core/session.hpp"
#include "backcare/core/trend.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace backcare {

namespace store {
class Database;
}

// The data folder: --data-dir when given, else $XDG_DATA_HOME/backcare,
// else ~/.local/share/backcare (from `xdg_data_home` and `home`).
std::string default_data_dir(const char* xdg_data_home, const char* home);

// A profile name: 1-64 letters, digits, '.', '_' or '-', not starting with
// '.', '_' or '-' (it names a file in the data folder).
bool is_profile_name(std::string_view name);

// The database file of a profile: DATA_DIR/PROFILE.db.
std::string database_path(const std::string& data_dir, const std::string& profile);

// Makes `folder` and any missing parents, each 0700 whatever the umask.
void make_private_folders(const std::string& folder);

// The schema version this program writes; a newer database is refused.
constexpr int k_schema_version = 7;

struct EntryFilter {
  std::optional<Date> since; // inclusive
  std::optional<Date> until; // inclusive
};

struct EntryEdit {
  std::optional<int> severity;
  std::optional<std::string> at;
  std::optional<std::string> location;
  std::optional<std::string> note;
  std::optional<std::vector<std::string>> tags;
};

struct SessionEdit {
  std::optional<std::string> at;
  std::optional<int> pain_during;
  std::optional<int> next_morning;
  std::optional<std::vector<std::string>> skipped_exercises;
  std::optional<SkipReason> reason;
  std::optional<std::string> note;
};

struct ImportResult {
  std::size_t added = 0;
  std::size_t skipped = 0; // already in the log (same at, severity and note)
};

// The statements behind for_each and the inserts of add and import, for
// the tests that check their query plans and programs.
struct PainLogSql {
  static const char* const list;   // ?1 from `at` (inclusive), ?2 to (exclusive)
  static const char* const add;    // ?1 at, ?2 severity, ?3 location, ?4 tags, ?5 note
  static const char* const import; // ?1 id, then as add, ?7 change_id
};

// What a log holds, as backup and restore show it.
struct LogContents {
  std::int64_t entries = 0;
  std::int64_t sessions = 0;
  std::int64_t screenings = 0;
  std::int64_t psfs_ratings = 0;
  std::string first_at; // the earliest `at` of any record; empty when none
  std::string last_at;
  bool operator==(const LogContents&) const = default;
};

class PainLog {
public:
  // Opens the log at `path`. With `create`, makes the folder (0700) and the
  // file (0600) first when missing; without, a missing file gives nullptr.
  // A file that is not a backcare log, or is from a newer backcare, or is a
  // symbolic link, is refused (ExitCode::io) before anything is written.
  static std::unique_ptr<PainLog> open(const std::string& path, bool create);
  // An empty log in memory: what a profile with no log yet reads as.
  static std::unique_ptr<PainLog> open_empty();

  // Makes `temp` (a new file) a copy of the backcare log `file`, brought to
  // this version's schema, as a single file (no WAL) for restore to move
  // into place. A file that is not a whole backcare log, or one from a
  // newer backcare, is ExitCode::data; `file` itself is only read.
  static LogContents copy_for_restore(const std::string& file, const std::string& temp);
  // Replaces the log at `path` with `copy` (from copy_for_restore) in one
  // rename, once the log's WAL has been copied into it and removed, so that
  // nothing of the old log is replayed into the new one.
  static void replace(const std::string& path, const std::string& copy);

  ~PainLog();
  PainLog(const PainLog&) = delete;
  PainLog& operator=(const PainLog&) = delete;

  // Each of these is one transaction and one undoable change, committed
  // when it returns: the caller tells the person only after that, so that
  // nothing is ever said to be saved that a failed commit took back.
  std::int64_t add(const Entry& entry);
  Entry edit(std::int64_t id, const EntryEdit& edit, Date today);
  Entry remove(std::int64_t id);
  // Reads entries from `next` (which returns nullopt at the end and throws
  // on a bad row) and adds those not already in the log, all or nothing.
  ImportResult import(const std::function<std::optional<Entry>()>& next);
  // Reverses the last change and says what it undid; nullopt when none.
  std::optional<std::string> undo();

  std::optional<Entry> find(std::int64_t id) const;
  // Calls `visit` for each entry in time order (oldest first), streaming.
  void for_each(const EntryFilter& filter, const std::function<void(const Entry&)>& visit) const;
  // Runs `read` with every query seeing the same state of the log (one read
  // transaction), so that what it reads cannot be torn by another writer.
  void read_snapshot(const std::function<void()>& read) const;
  // The first entry of each of `days` (in the order given) whose time of day
  // is from `from` to `until` (HH:MM, both included); a day without one
  // adds nothing. One indexed read per day, with one prepared statement.
  std::vector<Entry> first_entries(const std::vector<Date>& days, std::string_view from, std::string_view until) const;
  // Per-day summaries (count, mean, min, max) in date order, read from the
  // summary table that every write keeps up to date: one row per day.
  std::vector<DaySummary> days(const EntryFilter& filter) const;
  // The most recent entry between the two dates, inclusive.
  std::optional<Entry> latest(Date from, Date to) const;

  // Exercise sessions, done or skipped: each change is one transaction and
  // one undoable change, as for entries.
  std::int64_t add_session(const Session& session);
  Session edit_session(std::int64_t id, const SessionEdit& edit, Date today);
  Session remove_session(std::int64_t id);
  // Adds the sessions not already in the log (same at, status and phase), all or nothing.
  ImportResult import_sessions(const std::vector<Session>& sessions);
  std::optional<Session> find_session(std::int64_t id) const;
  // The sessions in the filter's dates, oldest first.
  std::vector<Session> sessions(const EntryFilter& filter) const;

  // Saves the answers of one screening (one undoable change).
  std::int64_t add_screening(const Screening& screening);
  // The screenings in the filter's dates, oldest first.
  std::vector<Screening> screenings(const EntryFilter& filter) const;

  // What the log holds, read at once.
  LogContents contents() const;
  // Writes a consistent copy of the log to `path` (a new file, 0600, no
  // WAL) even while others write: one read transaction. The copy is then
  // checked (integrity, schema, the same contents); on any failure it is
  // removed and the error thrown. Returns what it holds.
  LogContents copy_to(const std::string& path) const;

  Profile profile() const;
  void save_profile(const Profile& profile);
  void clear_profile();

  // PSFS ratings (`measure psfs`): each add or import is one transaction and
  // one undoable change, as for entries.
  std::int64_t add_psfs(const PsfsRating& rating);
  // Adds the ratings not already in the log (same at and scores), all or nothing.
  ImportResult import_psfs(const std::vector<PsfsRating>& ratings);
  // The ratings in the filter's dates, oldest first.
  std::vector<PsfsRating> psfs_ratings(const EntryFilter& filter) const;

  // What a report reads of the entries in the filter's dates, in one pass
  // (a report over years never builds every entry): the entries grouped by
  // location and severity, each group's count and latest `at`, in no
  // particular order; and in full, in time order, the entries whose tags
  // hold `tag` (compared without regard to ASCII case).
  struct EntryGroup {
    std::string location;
    int severity = 0;
    int entries = 0;
    std::string last_at;
  };
  struct EntryDigest {
    std::vector<EntryGroup> groups;
    std::vector<Entry> tagged;
  };
  EntryDigest digest(const EntryFilter& filter, std::string_view tag) const;

private:
  explicit PainLog(std::unique_ptr<store::Database> db);
  static void create_log(const std::string& path);
  static std::unique_ptr<PainLog> open_existing(const std::string& path);
  void migrate();
  std::vector<DaySummary> days_by_scan(const EntryFilter& filter) const;

  std::unique_ptr<store::Database> m_db;
  bool m_summarized = true; // day_summary exists (schema 3 and later)
};

} // namespace backcare
