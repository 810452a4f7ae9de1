#pragma once

// Parsing TOML text for the catalog and config loaders.

#include <toml++/toml.h>

#include <string>
#include <string_view>

namespace backcare {

// toml::parse, after refusing (as a toml::parse_error at its line and
// column) a non-ASCII character where toml++ 3.3.0 tests it for whitespace:
// outside quoted strings and comments, and right after a backslash in a
// multi-line basic string, including the start of the text a line-ending
// backslash continues. There toml++ reaches __builtin_unreachable
// (undefined behaviour; UBSan found it fuzzing the header-only build).
// Outside strings TOML allows only ASCII anyway. The walk errs on the side
// of refusing, but it does not mirror toml++'s parser: contrived invalid
// input (a quote inside a bare value) can still get past it.
toml::table parse_toml(std::string_view text, const std::string& path);

} // namespace backcare
