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

TEST_CASE("likely_meant")
{
  const std::vector<std::string_view> options{"weeks", "weeks-ahead", "severity", "symptom", "screen", "by"};
  CHECK(likely_meant("sevrity", options) == "severity");    // one deletion
  CHECK(likely_meant("sevetiry", options) == "severity");   // two edits in a long word
  CHECK(likely_meant("sev", options) == "severity");        // the only one it begins
  CHECK(likely_meant("weeks-a", options) == "weeks-ahead"); // the only one it begins
  CHECK(likely_meant("week", options) == "weeks");          // begins two, one edit from one
  CHECK(likely_meant("s", options).empty());                // begins three, near none
  CHECK(likely_meant("xyz", options).empty());              // two edits from 'by': too many for 3 letters
  CHECK(likely_meant("bx", options).empty());               // a 2-letter word gets no edit
  CHECK(likely_meant("symptm", options) == "symptom");
  CHECK(likely_meant("screan", {"screen", "scream"}).empty()); // one edit from both
  CHECK(likely_meant("", options).empty());
  CHECK(likely_meant("severity", {}).empty());
}
