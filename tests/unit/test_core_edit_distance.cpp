#include "backcare/core/edit_distance.hpp"

#include <doctest/doctest.h>

using namespace backcare;

TEST_CASE("edit_distance")
{
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("plan", "plan") == 0);
  CHECK(edit_distance("", "log") == 3);
  CHECK(edit_distance("trend", "") == 5);
  CHECK(edit_distance("pln", "plan") == 1);    // insertion
  CHECK(edit_distance("plaan", "plan") == 1);  // deletion
  CHECK(edit_distance("plon", "plan") == 1);   // substitution
  CHECK(edit_distance("ternd", "trend") == 2); // a swap is two edits
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("abc", "xyz") == 3);
}

TEST_CASE("closest")
{
  const std::vector<std::string_view> commands{"plan", "log", "trend", "profile", "catalog"};
  CHECK(closest("pln", commands) == "plan");
  CHECK(closest("tren", commands) == "trend"); // a prefix
  CHECK(closest("prof", commands) == "profile");
  CHECK(closest("xyzzy", commands).empty());
  CHECK(closest("lgo", commands) == "log");
  CHECK(closest("cat", {"catalog", "category"}) == "catalog"); // ties go to the first
}
