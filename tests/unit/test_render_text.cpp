#include "backcare/render/plan.hpp"

#include <doctest/doctest.h>

using namespace backcare;

TEST_CASE("wrap")
{
  CHECK(wrap("one two three", 9, "", "") == "one two\nthree\n");
  CHECK(wrap("one two three", 12, "- ", "  ") == "- one two\n  three\n");
  CHECK(wrap("", 10, "x", "") == "x\n");
  SUBCASE("a word longer than the width stays whole")
  {
    CHECK(wrap("abcdefghijkl x", 5, "", "") == "abcdefghijkl\nx\n");
  }
  SUBCASE("UTF-8 counts code points, not bytes")
  {
    CHECK(wrap("caf\xc3\xa9 caf\xc3\xa9", 9, "", "") == "caf\xc3\xa9 caf\xc3\xa9\n");
  }
}

TEST_CASE("format_dosage")
{
  Dosage d;
  d.sets = 2;
  d.reps = 10;
  CHECK(format_dosage(d) == "2 x 10");
  d.per = "side";
  CHECK(format_dosage(d) == "2 x 10 each side");
  d.per = "breath";
  CHECK(format_dosage(d) == "2 x 10 breaths");
  Dosage hold;
  hold.sets = 3;
  hold.hold_seconds = 20;
  CHECK(format_dosage(hold) == "3 x 20 s hold");
  Dosage walk;
  walk.minutes = 15;
  CHECK(format_dosage(walk) == "15 min");
}

TEST_CASE("paint")
{
  Style plain;
  CHECK(paint("x", Paint::red, plain) == "x");
  Style color;
  color.color = true;
  CHECK(paint("x", Paint::bold, color) == "\x1b[1mx\x1b[0m");
  CHECK(paint("x", Paint::red, color) == "\x1b[31mx\x1b[0m");
  CHECK(paint("x", Paint::yellow, color) == "\x1b[33mx\x1b[0m");
  CHECK(paint("x", Paint::green, color) == "\x1b[32mx\x1b[0m");
  CHECK(paint("x", Paint::bold_red, color) == "\x1b[1;31mx\x1b[0m");
  CHECK(paint("x", Paint::bold_yellow, color) == "\x1b[1;33mx\x1b[0m");
}
