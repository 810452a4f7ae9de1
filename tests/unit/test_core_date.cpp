#include "backcare/core/date.hpp"

#include <doctest/doctest.h>

using namespace backcare;
using namespace std::chrono;

TEST_CASE("parse_date")
{
  SUBCASE("valid dates round-trip")
  {
    auto date = parse_date("2026-11-26");
    REQUIRE(date);
    CHECK(format_date(*date) == "2026-11-26");
  }
  SUBCASE("leap years")
  {
    CHECK(parse_date("2024-02-29"));
    CHECK_FALSE(parse_date("2026-02-29"));
    CHECK_FALSE(parse_date("-000-12-31")); // a sign is not a digit (found by fuzz_dates)
    CHECK_FALSE(parse_date("+026-11-26"));
    CHECK(parse_date("2000-02-29"));
    CHECK_FALSE(parse_date("1900-02-29"));
  }
  SUBCASE("impossible or malformed dates")
  {
    CHECK_FALSE(parse_date("2026-02-30"));
    CHECK_FALSE(parse_date("2026-13-01"));
    CHECK_FALSE(parse_date("2026-00-10"));
    CHECK_FALSE(parse_date("2026-1-01"));
    CHECK_FALSE(parse_date("26-11-2026"));
    CHECK_FALSE(parse_date("2026-11-26x"));
    CHECK_FALSE(parse_date("2026/11/26"));
    CHECK_FALSE(parse_date("+026-11-26"));
    CHECK_FALSE(parse_date(""));
    CHECK_FALSE(parse_date("2026-1a-01"));
    CHECK_FALSE(parse_date("2026-11- 1"));
  }
}

TEST_CASE("why_not_a_date says what day a well-written date cannot be")
{
  CHECK(why_not_a_date("2026-02-30") == "February 2026 has 28 days");
  CHECK(why_not_a_date("2024-02-30") == "February 2024 has 29 days");
  CHECK(why_not_a_date("1900-02-29") == "February 1900 has 28 days");
  CHECK(why_not_a_date("2026-04-31") == "April 2026 has 30 days");
  CHECK(why_not_a_date("2026-12-32") == "December 2026 has 31 days");
  CHECK(why_not_a_date("2026-13-01") == "there is no month 13");
  CHECK(why_not_a_date("2026-00-10") == "there is no month 00");
  CHECK(why_not_a_date("2026-11-00") == "there is no day 00");
  SUBCASE("empty for a real date or text not written as YYYY-MM-DD")
  {
    CHECK(why_not_a_date("2024-02-29").empty());
    CHECK(why_not_a_date("2026-2-30").empty());
    CHECK(why_not_a_date("2026-02-30T08:00").empty());
    CHECK(why_not_a_date("-026-02-30").empty());
    CHECK(why_not_a_date("").empty());
  }
}

TEST_CASE("format_date pads every field and keeps years outside 0000-9999 readable")
{
  CHECK(format_date(Date{year{987} / March / 4}) == "0987-03-04");
  CHECK(format_date(Date{year{0} / January / 1}) == "0000-01-01");
  CHECK(format_date(Date{year{9999} / December / 31}) == "9999-12-31");
  CHECK(format_date(Date{year{10000} / January / 1}) == "10000-01-01");
  CHECK(format_date(Date{year{-1} / December / 31}) == "-001-12-31");
  for (int day = 1; day <= 31; ++day) { // every day of a month round-trips
    const Date date{year{2026} / January / day};
    REQUIRE(parse_date(format_date(date)));
    CHECK(*parse_date(format_date(date)) == date);
  }
}

TEST_CASE("monday_of")
{
  CHECK(format_date(monday_of(*parse_date("2026-11-26"))) == "2026-11-23"); // Thursday
  CHECK(format_date(monday_of(*parse_date("2026-11-23"))) == "2026-11-23"); // Monday: itself
  CHECK(format_date(monday_of(*parse_date("2026-11-29"))) == "2026-11-23"); // Sunday ends the ISO week
  CHECK(format_date(monday_of(*parse_date("2024-03-02"))) == "2024-02-26"); // across a leap day
}

TEST_CASE("next_monday_after")
{
  CHECK(format_date(next_monday_after(*parse_date("2026-11-26"))) == "2026-11-30"); // Thursday
  CHECK(format_date(next_monday_after(*parse_date("2026-11-30"))) == "2026-12-07"); // Monday: the next one
  CHECK(format_date(next_monday_after(*parse_date("2026-11-29"))) == "2026-11-30"); // Sunday
  CHECK(format_date(next_monday_after(*parse_date("2024-02-26"))) == "2024-03-04"); // across a leap day
}

TEST_CASE("format_day and weekday_name")
{
  CHECK(format_day(*parse_date("2026-11-30")) == "Mon 30 Nov");
  CHECK(weekday_name(*parse_date("2026-12-06")) == "Sun");
}

TEST_CASE("days_between")
{
  CHECK(days_between(*parse_date("2024-02-28"), *parse_date("2024-03-01")) == 2);
  CHECK(days_between(*parse_date("2026-02-28"), *parse_date("2026-03-01")) == 1);
  CHECK(days_between(*parse_date("2026-03-01"), *parse_date("2026-02-28")) == -1);
  CHECK(days_between(*parse_date("2025-12-31"), *parse_date("2026-01-01")) == 1);
}

TEST_CASE("parse_duration_days")
{
  SUBCASE("units")
  {
    CHECK(parse_duration_days("10d") == 10);
    CHECK(parse_duration_days("6w") == 42);
    CHECK(parse_duration_days("7m") == 213);
    CHECK(parse_duration_days("8") == 56);
    CHECK(parse_duration_days("0d") == 0);
  }
  SUBCASE("six months is 26 weeks, so the six-month rule fires")
  {
    CHECK(weeks_from_days(*parse_duration_days("6m")) == 26);
    CHECK(weeks_from_days(*parse_duration_days("5m")) == 21);
  }
  SUBCASE("bad units and values")
  {
    CHECK_FALSE(parse_duration_days(""));
    CHECK_FALSE(parse_duration_days("6y"));
    CHECK_FALSE(parse_duration_days("w"));
    CHECK_FALSE(parse_duration_days("-3w"));
    CHECK_FALSE(parse_duration_days("3.5w"));
    CHECK_FALSE(parse_duration_days("6 w"));
    CHECK_FALSE(parse_duration_days("99999999999"));
    CHECK_FALSE(parse_duration_days("100001d"));
  }
}

TEST_CASE("parse_relative_day")
{
  const Date thursday = *parse_date("2026-11-26");
  CHECK(parse_relative_day("today", thursday) == thursday);
  CHECK(parse_relative_day("Yesterday", thursday) == parse_date("2026-11-25"));
  CHECK(parse_relative_day("-3d", thursday) == parse_date("2026-11-23"));
  CHECK(parse_relative_day("-0d", thursday) == thursday);
  SUBCASE("a weekday is the most recent one before today")
  {
    CHECK(parse_relative_day("monday", thursday) == parse_date("2026-11-23"));
    CHECK(parse_relative_day("Wed", thursday) == parse_date("2026-11-25"));
    CHECK(parse_relative_day("thursday", thursday) == parse_date("2026-11-19"));
    CHECK(parse_relative_day("fri", thursday) == parse_date("2026-11-20"));
  }
  SUBCASE("anything else is not a relative day")
  {
    for (const char* text : {"", "tomorrow", "-d", "3d", "-3w", "-3", "+3d", "-x3d", "mo", "mondays", "2026-11-26"}) {
      CAPTURE(text);
      CHECK_FALSE(parse_relative_day(text, thursday));
    }
  }
}
