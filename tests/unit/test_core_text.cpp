#include "backcare/core/text.hpp"

#include <doctest/doctest.h>

using namespace backcare;

TEST_CASE("is_valid_utf8")
{
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("plain, \"quoted\"\nand a new line"));
  CHECK(is_valid_utf8("\xC3\xBC \xE2\x82\xAC \xF0\x9F\x98\x80")); // ü € and an emoji
  CHECK_FALSE(is_valid_utf8("\xFF"));
  CHECK_FALSE(is_valid_utf8("\xC3"));             // cut short
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));         // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));     // a surrogate
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80")); // above U+10FFFF
}

TEST_CASE("escape_control")
{
  CHECK(escape_control("no change, \xC3\xBCnicode") == "no change, \xC3\xBCnicode");
  CHECK(escape_control("a\nb\rc\td") == "a\\nb\\rc\\td");
  CHECK(escape_control("\x1b[31mred") == "\\x1b[31mred");
  CHECK(escape_control(std::string_view("nul\0bell\a del\x7f", 14)) == "nul\\x00bell\\x07 del\\x7f");
  CHECK(escape_control("c1 \xC2\x9B") == "c1 \\u009b");
  CHECK(escape_control("bad \xFF byte") == "bad \\xff byte");
}

TEST_CASE("counted")
{
  CHECK(counted(1, "entry", "entries") == "1 entry");
  CHECK(counted(0, "entry", "entries") == "0 entries");
  CHECK(counted(2, "entry", "entries") == "2 entries");
  CHECK(counted(-1, "point", "points") == "-1 points");
}
