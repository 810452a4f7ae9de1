// escape_markup: text inside the trend SVG and the report's HTML.

#include "backcare/render/markup.hpp"

#include <doctest/doctest.h>

using namespace backcare;

TEST_CASE("escape_markup: entities for &, <, > and \", control characters made visible")
{
  CHECK(escape_markup("plain text, 3/10") == "plain text, 3/10");
  CHECK(escape_markup(R"(<b>"lift" & carry</b>)") == "&lt;b&gt;&quot;lift&quot; &amp; carry&lt;/b&gt;");
  // XML 1.0 allows no control character but tab, newline and return: a
  // note with an escape sequence or a bell stays well-formed, one line.
  CHECK(escape_markup("a\x1b[31mb\x07") == R"(a\x1b[31mb\x07)");
  CHECK(escape_markup("ünïcode stays") == "ünïcode stays");
}
