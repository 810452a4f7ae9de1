#include "backcare/core/entry.hpp"

#include <doctest/doctest.h>

using namespace backcare;

TEST_CASE("parse_datetime")
{
  CHECK(parse_datetime("2026-11-26") == "2026-11-26T00:00");
  CHECK(parse_datetime("2026-11-26T07:05") == "2026-11-26T07:05");
  CHECK(parse_datetime("2024-02-29T23:59") == "2024-02-29T23:59");
  CHECK_FALSE(parse_datetime("2026-02-29T10:00"));
  CHECK_FALSE(parse_datetime("2026-11-26T24:00"));
  CHECK_FALSE(parse_datetime("2026-11-26T10:60"));
  CHECK_FALSE(parse_datetime("2026-11-26 10:00"));
  CHECK_FALSE(parse_datetime("2026-11-26T1:00"));
  CHECK_FALSE(parse_datetime("2026-11-26T10:00:00"));
}

TEST_CASE("why_not_a_time says what a well-written time cannot be")
{
  CHECK(why_not_a_time("24:00") == "hours run 00-23");
  CHECK(why_not_a_time("99:99") == "hours run 00-23");
  CHECK(why_not_a_time("08:60") == "minutes run 00-59");
  CHECK(why_not_a_time("23:59").empty());
  CHECK(why_not_a_time("7:30").empty());
  CHECK(why_not_a_time("07-30").empty());
  CHECK(why_not_a_time("").empty());
}

TEST_CASE("is_clock_time")
{
  CHECK(is_clock_time("00:00"));
  CHECK(is_clock_time("23:59"));
  CHECK_FALSE(is_clock_time("24:00"));
  CHECK_FALSE(is_clock_time("7:30"));
  CHECK_FALSE(is_clock_time("07:30:00"));
  CHECK_FALSE(is_clock_time("07-30"));
}

TEST_CASE("severity_band")
{
  CHECK(severity_band(0) == "none");
  CHECK(severity_band(1) == "mild");
  CHECK(severity_band(4) == "mild");
  CHECK(severity_band(5) == "moderate");
  CHECK(severity_band(6) == "moderate");
  CHECK(severity_band(7) == "severe");
  CHECK(severity_band(10) == "severe");
}

TEST_CASE("entry_problem")
{
  const Date today = *parse_date("2026-11-26");
  Entry e;
  e.at = "2026-11-26T08:00";
  e.severity = 4;
  CHECK(entry_problem(e, today).empty());
  SUBCASE("after today")
  {
    e.at = "2026-11-27T00:00";
    CHECK(entry_problem(e, today) == "'at' 2026-11-27T00:00 is after today (2026-11-26)");
  }
  SUBCASE("severity")
  {
    e.severity = 11;
    CHECK(entry_problem(e, today) == "'severity' must be 0-10, got 11");
  }
  SUBCASE("location")
  {
    e.location = "knee";
    CHECK(entry_problem(e, today).find("'location' must be one of low-back") == 0);
  }
  SUBCASE("tags")
  {
    e.tags = {"a;b"};
    CHECK_FALSE(entry_problem(e, today).empty());
  }
}

TEST_CASE("entry_field_problem names the field of the problem")
{
  const Date today = *parse_date("2026-11-26");
  Entry e;
  e.at = "2026-11-26T08:00";
  e.severity = 4;
  CHECK(entry_field_problem(e, today).field.empty());
  CHECK(entry_field_problem(e, today).message.empty());
  SUBCASE("at")
  {
    e.at = "2026-11-27T00:00";
    CHECK(entry_field_problem(e, today).field == "at");
  }
  SUBCASE("severity")
  {
    e.severity = -1;
    CHECK(entry_field_problem(e, today).field == "severity");
    CHECK(entry_field_problem(e, today).message == "'severity' must be 0-10, got -1");
  }
  SUBCASE("location")
  {
    e.location = "knee";
    CHECK(entry_field_problem(e, today).field == "location");
  }
  SUBCASE("tags")
  {
    e.tags = {""};
    CHECK(entry_field_problem(e, today).field == "tags");
  }
  SUBCASE("note")
  {
    e.note = "\xff";
    CHECK(entry_field_problem(e, today).field == "note");
  }
}

TEST_CASE("join_tags and split_tags")
{
  CHECK(join_tags({"a", "b c"}) == "a;b c");
  CHECK(split_tags("a;b c") == std::vector<std::string>{"a", "b c"});
  CHECK(split_tags("").empty());
  CHECK(split_tags(";a;;") == std::vector<std::string>{"a"});
}
