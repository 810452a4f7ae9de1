#include "backcare/core/error.hpp"
#include "backcare/store/pain_log.hpp"
#include "scratch.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <sys/stat.h>
#include <unistd.h>

using namespace backcare;
namespace fs = std::filesystem;

namespace {

// Each test gets its own scratch folder, removed afterwards; the log goes
// in data/ inside it, which is not made until a test makes it.
struct Scratch {
  ScratchFolder folder;
  fs::path dir = folder.path();
  std::string db() const { return (dir / "data" / "default.db").string(); }
};

const Date k_today = *parse_date("2026-11-26");

Entry entry(const std::string& at, int severity, const std::string& note = "")
{
  Entry e;
  e.at = at;
  e.severity = severity;
  e.note = note;
  return e;
}

std::vector<Entry> all(const PainLog& log)
{
  std::vector<Entry> entries;
  log.for_each({}, [&](const Entry& e) { entries.push_back(e); });
  return entries;
}

// Feeds a list of entries to PainLog::import.
struct Feed {
  std::vector<Entry> entries;
  std::size_t next = 0;
  std::optional<Entry> operator()()
  {
    return next < entries.size() ? std::optional<Entry>(entries[next++]) : std::nullopt;
  }
};

std::int64_t raw_pragma(const std::string& path, const std::string& pragma)
{
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, ("PRAGMA " + pragma).c_str(), -1, &stmt, nullptr);
  sqlite3_step(stmt);
  const std::int64_t value = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

int raw_user_version(const std::string& path)
{
  return static_cast<int>(raw_pragma(path, "user_version"));
}

// "bcar": the file header's mark of a backcare log (schema 5 on).
constexpr std::int64_t k_backcare_application_id = 0x62636172;

void raw_exec(const std::string& path, const char* sql)
{
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  REQUIRE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

} // namespace

TEST_CASE("default_data_dir")
{
  CHECK(default_data_dir("/x/data", "/home/a") == "/x/data/backcare");
  CHECK(default_data_dir(nullptr, "/home/a") == "/home/a/.local/share/backcare");
  CHECK(default_data_dir("relative", "/home/a") == "/home/a/.local/share/backcare");
  CHECK(database_path("/d", "client-2") == "/d/client-2.db");
}

TEST_CASE("PainLog::open")
{
  Scratch scratch;
  SUBCASE("without create, a missing log is nullptr and nothing is made")
  {
    CHECK(PainLog::open(scratch.db(), false) == nullptr);
    CHECK_FALSE(fs::exists(scratch.dir / "data"));
  }
  SUBCASE("creates a private folder and file, migrated from version 0")
  {
    REQUIRE(PainLog::open(scratch.db(), true));
    struct stat info {};
    REQUIRE(::stat((scratch.dir / "data").c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0700);
    REQUIRE(::stat(scratch.db().c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    CHECK(raw_user_version(scratch.db()) == k_schema_version);
    CHECK(raw_pragma(scratch.db(), "application_id") == k_backcare_application_id);
  }
  SUBCASE("a database with backcare's schema version but not its application id or tables is refused")
  {
    fs::create_directories(scratch.dir / "data");
    raw_exec(scratch.db(), "CREATE TABLE entry (x TEXT); PRAGMA user_version = 5");
    CHECK_THROWS_WITH_AS(PainLog::open(scratch.db(), false), doctest::Contains("is not a backcare log"), Error);
    CHECK(raw_pragma(scratch.db(), "application_id") == 0);
  }
  SUBCASE("a newer database is refused")
  {
    PainLog::open(scratch.db(), true);
    raw_exec(scratch.db(), "PRAGMA user_version = 99");
    try {
      PainLog::open(scratch.db(), false);
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::io);
      CHECK(std::string(e.what()).find("newer backcare (schema 99") != std::string::npos);
    }
  }
  SUBCASE("a file that is not a database is refused and left untouched")
  {
    fs::create_directories(scratch.dir / "data");
    const std::string junk = "this is not a database, just some text that is long enough to matter\n";
    std::ofstream(scratch.db()) << junk;
    CHECK_THROWS_AS(PainLog::open(scratch.db(), true), Error);
    std::ifstream in(scratch.db());
    const std::string after((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(after == junk);
    CHECK_FALSE(fs::exists(scratch.db() + "-wal"));
  }
  SUBCASE("another program's database is refused before anything is written")
  {
    fs::create_directories(scratch.dir / "data");
    raw_exec(scratch.db(), "CREATE TABLE entry (x TEXT); INSERT INTO entry VALUES ('theirs')");
    const auto before = fs::file_size(scratch.db());
    const auto time = fs::last_write_time(scratch.db());
    for (bool create : {false, true}) {
      try {
        PainLog::open(scratch.db(), create);
        FAIL("expected an error");
      } catch (const Error& e) {
        CHECK(e.code() == ExitCode::io);
        CHECK(std::string(e.what()).find("is not a backcare log") != std::string::npos);
      }
    }
    CHECK(fs::file_size(scratch.db()) == before);
    CHECK(fs::last_write_time(scratch.db()) == time);
    CHECK_FALSE(fs::exists(scratch.db() + "-wal"));
    CHECK(raw_user_version(scratch.db()) == 0);
  }
  SUBCASE("a newer database keeps its journal mode")
  {
    fs::create_directories(scratch.dir / "data");
    raw_exec(scratch.db(), "CREATE TABLE t (x); PRAGMA user_version = 6");
    CHECK_THROWS_AS(PainLog::open(scratch.db(), false), Error);
    CHECK_FALSE(fs::exists(scratch.db() + "-wal"));
    std::ifstream in(scratch.db(), std::ios::binary);
    std::string header(20, '\0');
    in.read(header.data(), 20);
    CHECK(header[18] == 1); // 1: rollback journal; WAL would be 2
  }
  SUBCASE("a linked data folder works")
  {
    fs::create_directories(scratch.dir / "real");
    fs::create_directory_symlink("real", scratch.dir / "data");
    REQUIRE(PainLog::open(scratch.db(), true));
    CHECK(fs::is_regular_file(scratch.dir / "real" / "default.db"));
    REQUIRE(PainLog::open(scratch.db(), false));
  }
  SUBCASE("a linked log file is refused, and nothing is made through it")
  {
    fs::create_directories(scratch.dir / "data");
    fs::create_symlink(scratch.dir / "elsewhere.db", scratch.db());
    try {
      PainLog::open(scratch.db(), true);
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::io);
      CHECK(std::string(e.what()).find("is a symbolic link") != std::string::npos);
    }
    CHECK_FALSE(fs::exists(scratch.dir / "elsewhere.db"));
  }
  SUBCASE("a new log is made whole, with no hidden file left")
  {
    REQUIRE(PainLog::open(scratch.db(), true));
    std::vector<std::string> names;
    for (const auto& item : fs::directory_iterator(scratch.dir / "data")) {
      names.push_back(item.path().filename().string());
    }
    // The WAL stays beside the log between commands (no checkpoint on close).
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"default.db", "default.db-shm", "default.db-wal"});
  }
}

TEST_CASE("is_profile_name")
{
  CHECK(is_profile_name("default"));
  CHECK(is_profile_name("client-2.b_c"));
  CHECK_FALSE(is_profile_name(""));
  CHECK_FALSE(is_profile_name("../x"));
  CHECK_FALSE(is_profile_name(".hidden"));
  CHECK_FALSE(is_profile_name("a/b"));
  CHECK_FALSE(is_profile_name(std::string(65, 'a')));
}

TEST_CASE("PainLog: a change is committed when it returns")
{
  // The CLI tells the person only after the change returns: by then
  // another connection must already see it.
  Scratch scratch;
  auto log = PainLog::open(scratch.db(), true);
  const std::int64_t id = log->add(entry("2026-11-20T08:00", 3));
  CHECK(PainLog::open(scratch.db(), false)->find(id));
  EntryEdit edit;
  edit.severity = 5;
  log->edit(id, edit, k_today);
  CHECK(PainLog::open(scratch.db(), false)->find(id)->severity == 5);
  log->remove(id);
  CHECK_FALSE(PainLog::open(scratch.db(), false)->find(id));
  CHECK(log->undo());
  CHECK(PainLog::open(scratch.db(), false)->find(id));
}

TEST_CASE("PainLog: the whole id range and the last day")
{
  Scratch scratch;
  auto log = PainLog::open(scratch.db(), true);
  constexpr std::int64_t k_max = std::numeric_limits<std::int64_t>::max();
  Entry big = entry("2026-11-20T08:00", 3);
  big.id = k_max;
  Feed feed{{big}};
  CHECK(log->import(std::ref(feed)).added == 1);
  REQUIRE(log->find(k_max));
  EntryEdit edit;
  edit.severity = 6;
  CHECK(log->edit(k_max, edit, k_today).severity == 6);
  CHECK(log->add(entry("2026-11-21T08:00", 2)) > 0); // a new id although the largest is taken
  std::size_t until_end = 0;
  log->for_each({std::nullopt, *parse_date("9999-12-31")}, [&](const Entry&) { ++until_end; });
  CHECK(until_end == 2);
  CHECK(log->latest(*parse_date("2026-11-01"), *parse_date("9999-12-31")));
  CHECK(log->remove(k_max).id == k_max);
}

TEST_CASE("PainLog constraints")
{
  Scratch scratch;
  PainLog::open(scratch.db(), true);
  const std::string db = scratch.db();
  sqlite3* raw = nullptr;
  sqlite3_open(db.c_str(), &raw);
  CHECK(sqlite3_exec(raw, "INSERT INTO entry (at, severity, location) VALUES ('2026-11-26T08:00', 11, 'hip')", nullptr,
                     nullptr, nullptr)
        == SQLITE_CONSTRAINT);
  CHECK(sqlite3_exec(raw, "INSERT INTO entry (at, severity, location) VALUES ('2026-11-26T08:00', 3, 'knee')", nullptr,
                     nullptr, nullptr)
        == SQLITE_CONSTRAINT);
  CHECK(sqlite3_exec(raw, "INSERT INTO entry (at, severity, location) VALUES ('yesterday', 3, 'hip')", nullptr, nullptr,
                     nullptr)
        == SQLITE_CONSTRAINT);
  CHECK(sqlite3_exec(raw, "INSERT INTO entry (at, severity, location) VALUES ('2026-11-26T08:00', '3x', 'hip')",
                     nullptr, nullptr, nullptr)
        != SQLITE_OK);
  sqlite3_close(raw);
}

TEST_CASE("PainLog add, edit, remove and undo")
{
  Scratch scratch;
  auto log = PainLog::open(scratch.db(), true);
  Entry first = entry("2026-11-20T08:00", 6, "line one\nline \"two\", with commas, and ünïcode");
  first.tags = {"night", "lifting"};
  first.location = "sacroiliac";
  first.id = log->add(first);
  const std::int64_t second = log->add(entry("2026-11-21T08:00", 4));
  REQUIRE(all(*log).size() == 2);
  CHECK(*log->find(first.id) == first);

  SUBCASE("undo an add")
  {
    CHECK(log->undo() == "added entry 2 (2026-11-21T08:00, severity 4)");
    CHECK(all(*log) == std::vector<Entry>{first});
  }
  SUBCASE("undo an edit")
  {
    EntryEdit edit;
    edit.severity = 2;
    edit.note = "better";
    const Entry edited = log->edit(first.id, edit, k_today);
    CHECK(edited.severity == 2);
    CHECK(log->find(first.id)->note == "better");
    CHECK(log->undo() == "edited entry 1 (2026-11-20T08:00, severity 6)");
    CHECK(*log->find(first.id) == first);
  }
  SUBCASE("an invalid edit changes nothing")
  {
    EntryEdit edit;
    edit.at = "2026-12-01T08:00";
    CHECK_THROWS_AS(log->edit(first.id, edit, k_today), Error);
    CHECK(*log->find(first.id) == first);
    CHECK(log->undo() == "added entry 2 (2026-11-21T08:00, severity 4)");
  }
  SUBCASE("undo a removal restores the same entry and id")
  {
    log->remove(first.id);
    CHECK_FALSE(log->find(first.id));
    CHECK(log->undo() == "removed entry 1 (2026-11-20T08:00, severity 6)");
    CHECK(*log->find(first.id) == first);
  }
  SUBCASE("unknown ids")
  {
    CHECK_THROWS_AS(log->remove(99), Error);
    CHECK_THROWS_AS(log->edit(99, {}, k_today), Error);
  }
  SUBCASE("undo until nothing is left")
  {
    CHECK(log->undo());
    CHECK(log->undo());
    CHECK_FALSE(log->undo());
    CHECK(all(*log).empty());
  }
  (void)second;
}

TEST_CASE("PainLog import")
{
  Scratch scratch;
  auto log = PainLog::open(scratch.db(), true);
  log->add(entry("2026-11-01T08:00", 5, "kept"));
  Feed feed{{entry("2026-11-01T08:00", 5, "kept"), entry("2026-11-02T08:00", 4, "new"),
             entry("2026-11-02T08:00", 4, "new"), entry("2026-11-03T08:00", 3)}};

  SUBCASE("adds what is new, once")
  {
    const ImportResult result = log->import(std::ref(feed));
    CHECK(result.added == 2);
    CHECK(result.skipped == 2);
    CHECK(all(*log).size() == 3);
    Feed again{feed.entries};
    CHECK(log->import(std::ref(again)).added == 0);
    CHECK(all(*log).size() == 3);
  }
  SUBCASE("undo removes the whole import")
  {
    log->import(std::ref(feed));
    CHECK(log->undo() == "imported 2 entries");
    CHECK(all(*log).size() == 1);
  }
  SUBCASE("a failing row rolls everything back")
  {
    std::size_t calls = 0;
    const auto failing = [&]() -> std::optional<Entry> {
      if (++calls == 3) {
        throw Error(ExitCode::data, "bad row");
      }
      return entry("2026-11-1" + std::to_string(calls) + "T08:00", 2);
    };
    CHECK_THROWS_AS(log->import(failing), Error);
    CHECK(all(*log).size() == 1);
  }
  SUBCASE("keeps imported ids when they are free")
  {
    Entry with_id = entry("2026-11-05T08:00", 1);
    with_id.id = 40;
    Entry clash = entry("2026-11-06T08:00", 1);
    clash.id = 1;
    Feed ids{{with_id, clash}};
    log->import(std::ref(ids));
    CHECK(log->find(40)->at == "2026-11-05T08:00");
    CHECK(log->find(1)->note == "kept");
  }
}

TEST_CASE("PainLog queries")
{
  Scratch scratch;
  auto log = PainLog::open(scratch.db(), true);
  log->add(entry("2026-11-20T08:00", 6));
  log->add(entry("2026-11-24T21:00", 5));
  log->add(entry("2026-11-24T07:00", 4));
  SUBCASE("for_each filters inclusively and orders by time")
  {
    std::vector<std::string> seen;
    log->for_each({parse_date("2026-11-21"), parse_date("2026-11-24")}, [&](const Entry& e) { seen.push_back(e.at); });
    CHECK(seen == std::vector<std::string>{"2026-11-24T07:00", "2026-11-24T21:00"});
  }
  SUBCASE("latest")
  {
    CHECK(log->latest(*parse_date("2026-11-20"), k_today)->severity == 5);
    CHECK(log->latest(*parse_date("2026-11-20"), *parse_date("2026-11-23"))->severity == 6);
    CHECK_FALSE(log->latest(*parse_date("2026-11-25"), k_today));
  }
}

TEST_CASE("PainLog::first_entries: the first entry of each day within the clock times, both included")
{
  Scratch scratch;
  auto log = PainLog::open(scratch.db(), true);
  for (const char* at : {"2026-11-20T04:59", "2026-11-20T07:00", "2026-11-20T05:00", "2026-11-21T12:01",
                         "2026-11-22T12:00", "2026-11-23T09:00", "2026-11-23T09:00"}) {
    log->add(entry(at, 3));
  }
  const auto days = std::vector<Date>{*parse_date("2026-11-20"), *parse_date("2026-11-21"), *parse_date("2026-11-22"),
                                      *parse_date("2026-11-23"), *parse_date("2026-11-24")};
  const std::vector<Entry> first = log->first_entries(days, "05:00", "12:00");
  std::vector<std::pair<std::string, std::int64_t>> seen;
  for (const Entry& e : first) {
    seen.emplace_back(e.at, e.id);
  }
  // The 04:59 and 12:01 entries are outside; of two at 09:00 the first added.
  CHECK(seen
        == std::vector<std::pair<std::string, std::int64_t>>{
            {"2026-11-20T05:00", 3}, {"2026-11-22T12:00", 5}, {"2026-11-23T09:00", 6}});
}

TEST_CASE("PainLog profile")
{
  Scratch scratch;
  auto log = PainLog::open(scratch.db(), true);
  CHECK(log->profile().empty());
  Profile p;
  p.birth_date = parse_date("2026-09-01");
  p.delivery = Delivery::cesarean;
  p.postures = {"high-hinge", "sway-back"};
  log->save_profile(p);
  const Profile read = log->profile();
  CHECK(read.birth_date == p.birth_date);
  CHECK(read.delivery == Delivery::cesarean);
  CHECK(read.postures == p.postures);
  CHECK_FALSE(read.pain_since);
  log->clear_profile();
  CHECK(log->profile().empty());
}

namespace {

// The opcodes of a statement's program, or the details of its query plan
// (with `query_plan`), one per line.
std::string explain(const std::string& path, const std::string& sql, bool query_plan)
{
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* stmt = nullptr;
  const std::string prefix = query_plan ? "EXPLAIN QUERY PLAN " : "EXPLAIN ";
  REQUIRE(sqlite3_prepare_v2(db, (prefix + sql).c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  std::string out;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    out += reinterpret_cast<const char*>(sqlite3_column_text(stmt, query_plan ? 3 : 1));
    out += '\n';
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

// The day summaries computed from every entry, the slow way.
std::vector<DaySummary> days_from_entries(const PainLog& log, const EntryFilter& filter = {})
{
  std::vector<DaySummary> days;
  std::vector<int> severities;
  const auto close_day = [&] {
    if (!days.empty()) {
      DaySummary& day = days.back();
      day.entries = static_cast<int>(severities.size());
      int sum = 0;
      for (int severity : severities) {
        sum += severity;
      }
      day.mean = static_cast<double>(sum) / day.entries;
      day.min = *std::min_element(severities.begin(), severities.end());
      day.max = *std::max_element(severities.begin(), severities.end());
    }
  };
  log.for_each(filter, [&](const Entry& e) {
    if (days.empty() || days.back().day != date_of(e.at)) {
      close_day();
      days.push_back({date_of(e.at), 0, 0, 0, 0});
      severities.clear();
    }
    severities.push_back(e.severity);
  });
  close_day();
  return days;
}

void check_same_days(const std::vector<DaySummary>& got, const std::vector<DaySummary>& want)
{
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    CAPTURE(format_date(want[i].day));
    CHECK(got[i].day == want[i].day);
    CHECK(got[i].entries == want[i].entries);
    CHECK(got[i].mean == doctest::Approx(want[i].mean));
    CHECK(got[i].min == want[i].min);
    CHECK(got[i].max == want[i].max);
  }
}

// The schema of version 1, as it shipped.
constexpr const char* k_schema_v1 = R"sql(
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
  PRAGMA journal_mode = WAL;
)sql";

} // namespace

TEST_CASE("PainLog: listing uses the index, with no sort")
{
  Scratch scratch;
  PainLog::open(scratch.db(), true);
  const std::string plan = explain(scratch.db(), PainLogSql::list, true);
  CAPTURE(plan);
  CHECK(plan.find("USING INDEX entry_by_time") != std::string::npos);
  CHECK(plan.find("TEMP B-TREE") == std::string::npos);
}

TEST_CASE("PainLog: inserting an entry builds no temporary table")
{
  Scratch scratch;
  PainLog::open(scratch.db(), true);
  for (const char* sql : {PainLogSql::add, PainLogSql::import}) {
    const std::string program = explain(scratch.db(), sql, false);
    CAPTURE(sql);
    CHECK(program.find("Insert") != std::string::npos);
    CHECK(program.find("OpenEphemeral") == std::string::npos);
  }
}

TEST_CASE("PainLog: the day summaries equal a full scan, whatever the writes")
{
  Scratch scratch;
  auto log = PainLog::open(scratch.db(), true);
  // A fixed seed: a failure replays the same way.
  std::uint32_t state = 20261126;
  const auto random = [&](std::uint32_t n) {
    state = state * 1664525u + 1013904223u;
    return (state >> 8) % n;
  };
  const auto random_entry = [&] {
    // Few days and times, so that days gather several entries and imports
    // meet entries already in the log.
    return entry(fmt::format("2026-11-{:02}T{:02}:00", 1 + random(6), random(3) * 8), static_cast<int>(random(11)),
                 random(2) ? "" : "n");
  };
  std::vector<std::int64_t> ids;
  for (int step = 0; step < 400; ++step) {
    const auto choice = random(10);
    if (choice < 3 || ids.empty()) {
      ids.push_back(log->add(random_entry()));
    } else if (choice < 5) {
      EntryEdit edit;
      if (random(2)) {
        edit.severity = static_cast<int>(random(11));
      } else {
        edit.at = random_entry().at;
      }
      const std::int64_t id = ids[random(static_cast<std::uint32_t>(ids.size()))];
      if (log->find(id)) {
        log->edit(id, edit, k_today);
      }
    } else if (choice < 7) {
      const std::int64_t id = ids[random(static_cast<std::uint32_t>(ids.size()))];
      if (log->find(id)) {
        log->remove(id);
      }
    } else if (choice < 8) {
      Feed feed;
      for (auto n = random(8); n > 0; --n) {
        feed.entries.push_back(random_entry());
      }
      log->import(std::ref(feed));
    } else {
      log->undo();
    }
    CAPTURE(step);
    check_same_days(log->days({}), days_from_entries(*log));
  }
  const EntryFilter some{parse_date("2026-11-02"), parse_date("2026-11-04")};
  check_same_days(log->days(some), days_from_entries(*log, some));
}

TEST_CASE("PainLog: a version-1 log is migrated with nothing lost")
{
  Scratch scratch;
  fs::create_directories(scratch.dir / "data");
  ::close(::open(scratch.db().c_str(), O_CREAT | O_WRONLY, 0600));
  raw_exec(scratch.db(), k_schema_v1);
  raw_exec(scratch.db(), R"sql(
    INSERT INTO entry (id, at, severity, location, tags, note) VALUES
      (1, '2026-11-20T08:00', 6, 'pelvis', 'night;lifting', 'first'),
      (2, '2026-11-20T21:00', 3, 'low-back', '', ''),
      (5, '2026-11-22T07:30', 4, 'hip', '', 'x');
    INSERT INTO change (kind, summary, entry_id) VALUES ('add', 'added entry 5 (2026-11-22T07:30, severity 4)', 5);
    INSERT INTO profile (key, value) VALUES ('delivery', 'cesarean');
    PRAGMA user_version = 1;
  )sql");

  CHECK(raw_pragma(scratch.db(), "application_id") == 0); // known by its tables
  auto log = PainLog::open(scratch.db(), false);
  REQUIRE(log);
  CHECK(raw_user_version(scratch.db()) == k_schema_version);
  CHECK(raw_pragma(scratch.db(), "application_id") == k_backcare_application_id);
  const auto entries = all(*log);
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].id == 1);
  CHECK(entries[0].location == "pelvis");
  CHECK(entries[0].tags == std::vector<std::string>{"night", "lifting"});
  CHECK(entries[2].id == 5);
  CHECK(log->profile().delivery == Delivery::cesarean);
  const auto days = log->days({});
  REQUIRE(days.size() == 2);
  CHECK(days[0].day == *parse_date("2026-11-20"));
  CHECK(days[0].entries == 2);
  CHECK(days[0].mean == doctest::Approx(4.5));
  CHECK(days[0].min == 3);
  CHECK(days[0].max == 6);
  check_same_days(days, days_from_entries(*log));
  // The history came along: undo still knows the last change.
  CHECK(log->undo() == "added entry 5 (2026-11-22T07:30, severity 4)");
  check_same_days(log->days({}), days_from_entries(*log));
  CHECK(log->days({}).size() == 1);
  log.reset();
  CHECK(explain(scratch.db(), PainLogSql::add, false).find("OpenEphemeral") == std::string::npos);
}

TEST_CASE("PainLog: the WAL stays short between commands")
{
  // Each command that opens the log reads the whole WAL: commits leave it
  // for the next command (no checkpoint on close), until it grows long.
  Scratch scratch;
  std::uintmax_t longest = 0;
  for (int i = 0; i < 60; ++i) {
    PainLog::open(scratch.db(), true)->add(entry(fmt::format("2026-11-{:02}T08:00", 1 + i % 20), i % 11));
    longest = std::max(longest, fs::file_size(scratch.db() + "-wal"));
  }
  CHECK(longest > 0);
  CHECK(longest < 48 * 4120); // 32 frames and one add, of 4096 bytes and a 24-byte header each
  CHECK(all(*PainLog::open(scratch.db(), false)).size() == 60);
  Feed feed;
  for (int i = 0; i < 3000; ++i) {
    feed.entries.push_back(entry(fmt::format("2025-{:02}-{:02}T{:02}:00", 1 + i % 12, 1 + i % 28, i % 24), i % 11,
                                 fmt::format("row {}", i)));
  }
  CHECK(PainLog::open(scratch.db(), false)->import(std::ref(feed)).added == 3000);
  CHECK(fs::file_size(scratch.db() + "-wal") == 0); // a large import leaves no long WAL behind
  CHECK(all(*PainLog::open(scratch.db(), false)).size() == 3060);
}
