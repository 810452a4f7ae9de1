#include "backcare/core/entry_codec.hpp"
#include "backcare/core/error.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <sstream>

using namespace backcare;

namespace {

const Date k_today = *parse_date("2026-11-26");

std::vector<Entry> read_all(const std::string& text)
{
  EntryReader reader("in.csv", text, k_today);
  std::vector<Entry> entries;
  while (auto e = reader.next()) {
    entries.push_back(*e);
  }
  return entries;
}

std::string error_of(const std::string& text)
{
  try {
    read_all(text);
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::data);
    return e.what();
  }
  FAIL("expected an error");
  return {};
}

} // namespace

TEST_CASE("csv_field")
{
  CHECK(csv_field("plain", true) == "plain");
  CHECK(csv_field("a,b", true) == "\"a,b\"");
  CHECK(csv_field("say \"hi\"", true) == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines", true) == "\"two\nlines\"");
  SUBCASE("formula guard")
  {
    CHECK(csv_field("=SUM(A1)", true) == "'=SUM(A1)");
    CHECK(csv_field("+1", true) == "'+1");
    CHECK(csv_field("-1", true) == "'-1");
    CHECK(csv_field("@x", true) == "'@x");
    CHECK(csv_field("\tx", true) == "'\tx");
    CHECK(csv_field("'quoted", true) == "''quoted");
    CHECK(csv_field("-1", false) == "-1");
  }
}

TEST_CASE("CSV round trip is lossless")
{
  std::vector<Entry> entries(4);
  entries[0] = {1, "2026-11-01T08:00", 5, "pelvis", {"night", "=tag"}, "comma, \"quote\"\r\nnew line ünï"};
  entries[1] = {2, "2026-11-02T00:00", 0, "low-back", {}, "=1+2"};
  entries[2] = {5, "2026-11-03T23:59", 10, "other", {}, "'tis"};
  entries[3] = {6, "2026-11-04T12:00", 3, "hip", {}, ""};
  std::string text = entry_csv_header();
  for (const Entry& e : entries) {
    text += entry_csv(e);
  }
  CHECK(read_all(text) == entries);
}

TEST_CASE("EntryReader: JSON round trip")
{
  const Entry e{3, "2026-11-01T08:00", 5, "pelvis", {"a"}, "x\ny \"z\""};
  EntryReader reader("in.json", "[\n  " + entry_json(e) + "\n]\n", k_today);
  CHECK(reader.next() == e);
  CHECK_FALSE(reader.next());
}

TEST_CASE("EntryReader: spreadsheet CSV with only at and severity")
{
  const auto entries = read_all("\xEF\xBB\xBF"
                                "at,severity\n2026-11-01,4\n2026-11-02T07:30,2\n\n");
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].at == "2026-11-01T00:00");
  CHECK(entries[0].location == "low-back");
  CHECK(entries[1].severity == 2);
  CHECK(entries[1].id == 0);
}

TEST_CASE("EntryReader: errors name the line and the column of the field")
{
  CHECK(error_of("at,severity\n2026-11-01,4\n2026-11-02,11\n")
        == "in.csv:3:12: 'severity' must be a whole number 0-10, got '11'; nothing was imported");
  CHECK(error_of("severity,at\n4,2026-11-01\n1,2026-11-31\n").find("in.csv:3:3: 'at' must be") == 0);
  CHECK(error_of("severity,at\n4,2026-12-01\n").find("in.csv:2:3: 'at' 2026-12-01T00:00 is after today") == 0);
  CHECK(error_of("at,severity,note\n2026-11-01,4,\"open\n").find("in.csv:2:14: a quoted field is never closed") == 0);
  CHECK(error_of("at,severity\n2026-11-01,4,extra\n").find("in.csv:2:14: the row has 3 fields, the header 2") == 0);
  CHECK(error_of("at,severity,note\n2026-11-01,4\n").find("in.csv:2:13: the row has 2 fields, the header 3") == 0);
  CHECK(error_of("at,severity,when\n").find("in.csv:1:13: unknown column 'when'") == 0);
  CHECK(error_of("at,severity,at\n").find("in.csv:1:13: column 'at' appears twice") == 0);
  CHECK(error_of("severity\n4\n").find("in.csv:1:1: the header row has no 'at' column") == 0);
  CHECK(error_of("").find("in.csv:1:1: the file is empty") == 0);
  CHECK(error_of("id,at,severity,location\n,2026-11-01,4,knee\n").find("in.csv:2:15: 'location' must be one of") == 0);
  CHECK(error_of("at,severity,tags\n2026-11-01,4,\"a\nb\"\n").find("in.csv:2:14: tag 'a\nb' must be") == 0);
  CHECK(error_of("at,severity,id\n2026-11-01,4,0\n").find("in.csv:2:14: 'id' must be a whole number") == 0);
  SUBCASE("a multi-line quoted note counts its lines")
  {
    CHECK(error_of("at,severity,note\n2026-11-01,4,\"a\nb\"\n2026-11-02,x,\n").find("in.csv:4:12:") == 0);
    CHECK(error_of("note,severity,at\n\"a\nbc\",4,2026-11-01T25:00\n").find("in.csv:3:7: 'at' must be") == 0);
  }
  SUBCASE("the column counts characters, not bytes")
  {
    CHECK(error_of("note,severity,at\n\xc3\xbc\xc3\xbc,x,2026-11-01\n").find("in.csv:2:4: 'severity'") == 0);
    CHECK(error_of("\xEF\xBB\xBF"
                   "at,severity\n2026-11-01,x\n")
              .find("in.csv:2:12: 'severity'")
          == 0);
    CHECK(error_of("\xEF\xBB\xBF\"at\",sev\n").find("in.csv:1:6: unknown column 'sev'") == 0);
  }
  SUBCASE("JSON names the entry")
  {
    CHECK(error_of("[{\"at\":\"2026-11-01\",\"severity\":4},{\"at\":\"2026-11-01\",\"severity\":-1}]")
          == "in.csv: entry 2: 'severity' must be 0-10, got -1; nothing was imported");
    CHECK(error_of("[{\"at\":\"2026-11-01\",\"severity\":4,\"mood\":1}]").find("entry 1: unknown key 'mood'")
          != std::string::npos);
    CHECK(error_of("[{\"at\":\"2026-11-01\",\n\"severity\":4,]").find("in.csv:2:14: not valid JSON: syntax error")
          == 0);
  }
  SUBCASE("a JSON number too large is bad data with its line and column")
  {
    CHECK(error_of("[{\"at\":\"2026-11-01\",\n\"severity\":1e999}]")
          == "in.csv:2:16: not valid JSON: number overflow parsing '1e999'; nothing was imported");
  }
  SUBCASE("a JSON object is reported as JSON, not as CSV")
  {
    CHECK(error_of("{\"at\":\"2026-11-01\"}")
          == "in.csv:1:1: a JSON import must be an array of entries; nothing was imported");
  }
  SUBCASE("a JSON number above the int64 range is quoted as written")
  {
    CHECK(error_of("[{\"at\":\"2026-11-01\",\"severity\":18446744073709551615}]")
          == "in.csv: entry 1: 'severity' must be 0-10, got 18446744073709551615; nothing was imported");
    CHECK(error_of("[{\"at\":\"2026-11-01\",\"severity\":1,\"id\":9223372036854775808}]")
          == "in.csv: entry 1: 'id' must be a whole number 1-9223372036854775807, got 9223372036854775808; nothing "
             "was imported");
  }
  SUBCASE("CR-only line ends count lines")
  {
    CHECK(error_of("at,severity\r2026-11-01,4\r2026-11-02,x\r").find("in.csv:3:12:") == 0);
    CHECK(error_of("at,severity,note\r2026-11-01,4,\"a\rb\"\r2026-11-02,x,\r").find("in.csv:4:12:") == 0);
  }
  SUBCASE("invalid UTF-8 in a note is refused, naming the line and column")
  {
    CHECK(error_of("at,severity,note\n2026-11-01,4,ok\n2026-11-02,4,\xff\n")
              .find("in.csv:3:14: 'note' is not valid UTF-8")
          == 0);
  }
}

TEST_CASE("EntryReader: a stream is read one record at a time")
{
  SUBCASE("many records across block boundaries, with quoted line breaks")
  {
    std::string text = "at,severity,note\r\n";
    for (int i = 0; i < 20000; ++i) {
      text += fmt::format("2026-10-{:02}T08:00,{},\"line one\r\nline {}\"\r\n", 1 + i % 28, i % 11, i);
    }
    std::istringstream in(text);
    EntryReader reader("in.csv", in, k_today);
    int count = 0;
    while (auto e = reader.next()) {
      CHECK(e->note == fmt::format("line one\r\nline {}", count));
      ++count;
    }
    CHECK(count == 20000);
  }
  SUBCASE("a row that never ends is refused")
  {
    std::istringstream in("at,severity,note\n2026-11-01,3," + std::string(3 << 20, 'x'));
    try {
      EntryReader reader("in.csv", in, k_today);
      while (reader.next()) {
      }
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::data);
      CHECK(std::string(e.what()) == "in.csv:2:1: a row longer than 1 MiB; nothing was imported");
    }
  }
  SUBCASE("a JSON stream is read whole")
  {
    std::istringstream in("  [{\"at\": \"2026-11-01\", \"severity\": 3}]");
    EntryReader reader("in.json", in, k_today);
    CHECK(reader.next()->severity == 3);
    CHECK_FALSE(reader.next());
  }
}
