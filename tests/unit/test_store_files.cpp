#include "backcare/core/error.hpp"
#include "backcare/store/files.hpp"
#include "scratch.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

using namespace backcare;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path)
{
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

} // namespace

TEST_CASE("write_output")
{
  const ScratchFolder scratch;
  const fs::path& dir = scratch.path();
  SUBCASE("writes and replaces, leaving no temporary file")
  {
    write_output((dir / "out.txt").string(), "first");
    write_output((dir / "out.txt").string(), "second");
    CHECK(slurp(dir / "out.txt") == "second");
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  }
  SUBCASE("a missing folder is cant_create and leaves nothing")
  {
    try {
      write_output((dir / "no" / "out.txt").string(), "x");
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::cant_create);
      CHECK(std::string(e.what()).find("no/out.txt") != std::string::npos);
    }
    CHECK(fs::is_empty(dir));
  }
  SUBCASE("without commit nothing is left behind")
  {
    {
      Output output((dir / "out.txt").string());
      output.write("partial");
    }
    CHECK(fs::is_empty(dir));
  }
  SUBCASE("a folder as the target is cant_create")
  {
    CHECK_THROWS_AS(write_output(dir.string(), "x"), Error);
  }
  SUBCASE("an SQLite database and its WAL are never overwritten")
  {
    std::ofstream(dir / "log.db") << std::string("SQLite format 3\0", 16) << "rest of the page";
    std::ofstream(dir / "log.db-wal") << "wal";
    for (const char* name : {"log.db", "log.db-wal"}) {
      try {
        write_output((dir / name).string(), "plan text");
        FAIL("expected an error");
      } catch (const Error& e) {
        CHECK(e.code() == ExitCode::cant_create);
        CHECK(std::string(e.what()).find("it is a database") != std::string::npos);
      }
    }
    CHECK(slurp(dir / "log.db-wal") == "wal");
  }
  SUBCASE("an existing file keeps its mode and its hard links")
  {
    write_output((dir / "out.txt").string(), "first");
    fs::permissions(dir / "out.txt", fs::perms::owner_read | fs::perms::owner_write);
    fs::create_hard_link(dir / "out.txt", dir / "link.txt");
    write_output((dir / "out.txt").string(), "second");
    CHECK(fs::status(dir / "out.txt").permissions() == (fs::perms::owner_read | fs::perms::owner_write));
    CHECK(fs::hard_link_count(dir / "out.txt") == 2);
    CHECK(slurp(dir / "link.txt") == "second");
  }
  SUBCASE("a new file is never writable by group or others")
  {
    const mode_t old = ::umask(0);
    write_output((dir / "new.txt").string(), "x");
    ::umask(old);
    CHECK((fs::status(dir / "new.txt").permissions() & (fs::perms::group_write | fs::perms::others_write))
          == fs::perms::none);
  }
  SUBCASE("a device is written directly, not replaced")
  {
    write_output("/dev/null", "x");
    CHECK(fs::is_character_file("/dev/null"));
  }
}

TEST_CASE("read_input_file")
{
  SUBCASE("a device that never ends is bad data, not an out-of-memory crash")
  {
    try {
      read_input_file("/dev/zero", "log import", 1 << 20);
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::data);
      CHECK(std::string(e.what()) == "log import: /dev/zero is larger than 1 MiB; nothing was read");
    }
  }
  SUBCASE("a missing file is no_input")
  {
    const ScratchFolder scratch;
    const std::string missing = (scratch / "x.csv").string();
    try {
      read_input_file(missing, "log import");
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::no_input);
      CHECK(std::string(e.what()).find(missing) != std::string::npos);
    }
  }
}

TEST_CASE("ScratchFolder: the tests' own folder is unique and removed with its content")
{
  fs::path kept;
  {
    const ScratchFolder a;
    const ScratchFolder b;
    CHECK(fs::is_directory(a.path()));
    CHECK(a.path() != b.path());
    CHECK(fs::equivalent(a.path().parent_path(), fs::temp_directory_path()));
    fs::create_directories(a / "sub" / "deeper");
    std::ofstream(a / "sub" / "file.txt") << "x";
    kept = a.path();
  }
  CHECK_FALSE(fs::exists(kept));
}
