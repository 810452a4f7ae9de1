#include "backcare/render/log_table.hpp"

#include <doctest/doctest.h>

using namespace backcare;

TEST_CASE("entry_table_row fits 80 columns")
{
  const Entry e{12345, "2026-11-01T08:00", 7, "sacroiliac", {"night"}, std::string(200, 'x')};
  const std::string row = entry_table_row(e, false, 80);
  CHECK(row.size() == 81); // 80 characters and the newline
  CHECK(row.find("severe") != std::string::npos);
  CHECK(row.ends_with("...\n"));
  CHECK(entry_table_row(e, true, 80).find("\x1b[31m") != std::string::npos);
}
