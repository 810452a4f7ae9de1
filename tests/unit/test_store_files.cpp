#include "backcare/error.hpp"
#include "backcare/files.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

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
  const fs::path dir = fs::temp_directory_path() / "backcare-test-files";
  fs::remove_all(dir);
  fs::create_directories(dir);
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
  fs::remove_all(dir);
}
