#include "backcare/render/entries.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include <set>

using namespace backcare;

namespace {

std::string list(ListFormat format, const std::vector<Entry>& entries, Style style = {})
{
  EntryListWriter writer(format, style);
  std::string out = writer.begin();
  for (const Entry& e : entries) {
    out += writer.row(e);
  }
  return out + writer.end();
}

const Entry k_entry{7, "2026-11-01T08:00", 4, "pelvis", {"night", "car seat"}, "=SUM(A1)"};

} // namespace

// The widest line of `text`, in bytes (the rows tested are ASCII).
std::size_t widest_line(const std::string& text)
{
  std::size_t widest = 0;
  for (std::size_t start = 0, end = 0; start < text.size(); start = end + 1) {
    end = text.find('\n', start);
    widest = std::max(widest, end - start);
  }
  return widest;
}

TEST_CASE("entry_table_row shows the note and tags whole, wrapped to the width")
{
  const Entry e{12345, "2026-11-01T08:00", 7, "sacroiliac", {"night", "clinician"}, std::string(200, 'x') + " end"};
  Style style;
  for (int width : {80, 120, 30}) {
    CAPTURE(width);
    style.width = width;
    const std::string row = entry_table_row(e, style);
    CHECK(widest_line(row) <= static_cast<std::size_t>(std::max(width, 52 + 20)));
    CHECK(std::count(row.begin(), row.end(), 'x') == 200);
    CHECK(row.find("severe") != std::string::npos);
    std::string joined = row; // the note column's lines joined again
    for (std::size_t at = 0; (at = joined.find("\n" + std::string(52, ' '), at)) != std::string::npos;) {
      joined.replace(at, 53, " ");
    }
    CHECK(joined.ends_with("x end [night, clinician]\n"));
  }
  style.width = 80;
  CHECK(entry_table_row(e, style).find("\n" + std::string(52, ' ') + "xxx") != std::string::npos);
  style.color = true;
  CHECK(entry_table_row(e, style).find("\x1b[31m") != std::string::npos);
}

TEST_CASE("EntryListWriter frames every entry format")
{
  SUBCASE("text")
  {
    CHECK(list(ListFormat::text, {})
          == entry_table_header() + "No entries yet. Add one with: backcare log add SEVERITY\n");
    const std::string text = list(ListFormat::text, {k_entry});
    CHECK(text.find("    7  2026-11-01T08:00   4 mild        pelvis      =SUM(A1) [night, car seat]\n")
          != std::string::npos);
  }
  SUBCASE("json")
  {
    CHECK(list(ListFormat::json, {}) == "[]\n");
    CHECK(list(ListFormat::json, {k_entry, k_entry})
          == "[\n  {\"id\":7,\"at\":\"2026-11-01T08:00\",\"severity\":4,\"location\":\"pelvis\",\"tags\":[\"night\","
             "\"car seat\"],\"note\":\"=SUM(A1)\"},\n  {\"id\":7,\"at\":\"2026-11-01T08:00\",\"severity\":4,"
             "\"location\":\"pelvis\",\"tags\":[\"night\",\"car seat\"],\"note\":\"=SUM(A1)\"}\n]\n");
  }
  SUBCASE("csv: the formula guard applies")
  {
    CHECK(list(ListFormat::csv, {}) == "id,at,severity,location,tags,note\r\n");
    CHECK(list(ListFormat::csv, {k_entry})
          == "id,at,severity,location,tags,note\r\n7,2026-11-01T08:00,4,pelvis,night;car seat,'=SUM(A1)\r\n");
  }
  SUBCASE("every format in the word list has a framing")
  {
    for (ListFormat format : values_of<ListFormat>()) {
      CAPTURE(name_of(format));
      CHECK_FALSE(list(format, {k_entry}).empty());
    }
  }
}

TEST_CASE("EntryListWriter: every ListFormat frames an empty list and a long one, no two alike")
{
  std::set<std::string> empty_lists;
  std::set<std::string> lists;
  for (const ListFormat format : values_of<ListFormat>()) {
    CAPTURE(name_of(format));
    const std::string none = list(format, {});
    const std::string three = list(format, {k_entry, k_entry, k_entry});
    CHECK_FALSE(none.empty());
    CHECK(three.size() > list(format, {k_entry}).size());
    CHECK(three.ends_with("\n"));
    empty_lists.insert(none);
    lists.insert(three);
  }
  CHECK(empty_lists.size() == values_of<ListFormat>().size());
  CHECK(lists.size() == values_of<ListFormat>().size());
}

TEST_CASE("EntryListWriter: the JSON list is one valid array")
{
  const std::string json = list(ListFormat::json, {k_entry, k_entry, k_entry});
  const nlohmann::json parsed = nlohmann::json::parse(json);
  REQUIRE(parsed.is_array());
  CHECK(parsed.size() == 3);
  CHECK(parsed[2]["note"] == "=SUM(A1)"); // JSON needs no formula guard
}
