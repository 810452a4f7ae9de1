#pragma once

// Text that came from a person or a file, made safe to show: checked as
// UTF-8 and with control characters escaped, so that a note can never
// drive the terminal and an error message is always one line. Pure.

#include <string>
#include <string_view>

namespace backcare {

// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates,
// nothing above U+10FFFF).
bool is_valid_utf8(std::string_view text);

// `text` with every control character (C0, DEL and C1) written as an
// escape: \n, \r, \t, or \xNN; bytes that are not valid UTF-8 also become
// \xNN. Printable text, including all other Unicode, is kept.
std::string escape_control(std::string_view text);

// A count with its noun: "1 entry", "0 entries", "2 entries".
std::string counted(long long count, std::string_view singular, std::string_view plural);

} // namespace backcare
