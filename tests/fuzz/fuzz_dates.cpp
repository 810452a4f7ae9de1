// libFuzzer target: the date, date-time, clock-time and duration parsers,
// and the text checks. Each parser either refuses its input or returns a
// value that formats back to what it accepted; a reason why a date or time
// is impossible is given only for one the parser refuses; escaped text is
// valid UTF-8 with no control characters left in it.
#include "backcare/core/date.hpp"
#include "backcare/core/entry.hpp"
#include "backcare/core/text.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

void check(bool ok)
{
  if (!ok) {
    std::abort();
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (const auto date = backcare::parse_date(text)) {
    check(backcare::format_date(*date) == text);
  }
  if (const auto at = backcare::parse_datetime(text)) {
    check(at->size() == 16 && backcare::parse_datetime(*at) == at);
  }
  if (const auto days = backcare::parse_duration_days(text)) {
    check(*days >= 0);
  }
  check(backcare::why_not_a_date(text).empty() || !backcare::parse_date(text));
  check(backcare::why_not_a_time(text).empty() || !backcare::is_clock_time(text));
  const std::string escaped = backcare::escape_control(text);
  check(backcare::is_valid_utf8(escaped));
  for (const char c : escaped) {
    check(static_cast<unsigned char>(c) >= 0x20 && c != 0x7F);
  }
  check(!backcare::is_valid_utf8(text) || escaped.size() >= text.size());
  return 0;
}
