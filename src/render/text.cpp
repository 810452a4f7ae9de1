#include "backcare/core/text.hpp"
#include "backcare/render/plan.hpp"
#include "backcare/render/style.hpp"

#include <fmt/format.h>

namespace backcare {
namespace {

// Columns a UTF-8 string takes, counting each code point as one.
std::size_t columns(std::string_view text)
{
  std::size_t count = 0;
  for (char c : text) {
    count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  }
  return count;
}

} // namespace

std::string paint(std::string_view text, Paint paint, const Style& style)
{
  if (!style.color) {
    return std::string(text);
  }
  std::string_view code = "1";
  switch (paint) {
  case Paint::bold:
    code = "1";
    break;
  case Paint::red:
    code = "31";
    break;
  case Paint::yellow:
    code = "33";
    break;
  case Paint::green:
    code = "32";
    break;
  case Paint::bold_red:
    code = "1;31";
    break;
  case Paint::bold_yellow:
    code = "1;33";
    break;
  }
  return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
}

std::string wrap(std::string_view text, int width, std::string_view first, std::string_view rest)
{
  std::string out(first);
  std::size_t line = columns(first);
  bool line_empty = true;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = text.find_first_not_of(' ', pos);
    if (start == std::string_view::npos) {
      break;
    }
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    const std::string_view word = text.substr(start, end - start);
    const std::size_t needed = columns(word) + (line_empty ? 0 : 1);
    if (!line_empty && line + needed > static_cast<std::size_t>(width)) {
      out += '\n';
      out += rest;
      line = columns(rest);
      line_empty = true;
    }
    if (!line_empty) {
      out += ' ';
      ++line;
    }
    out += word;
    line += columns(word);
    line_empty = false;
    pos = end;
  }
  out += '\n';
  return out;
}

std::string format_dosage(const Dosage& dosage)
{
  std::string amount;
  if (dosage.times_per_day) {
    amount = counted(*dosage.times_per_day, "time", "times") + " a day";
  } else if (dosage.minutes) {
    amount = fmt::format("{} min", *dosage.minutes);
  } else if (dosage.hold_seconds) {
    amount = fmt::format("{} x {} s hold", dosage.sets, *dosage.hold_seconds);
  } else {
    amount = fmt::format("{} x {}", dosage.sets, dosage.reps.value_or(1));
  }
  if (!dosage.per.empty()) {
    amount += dosage.per == "side" ? " each side" : fmt::format(" {}s", dosage.per);
  }
  return amount;
}

} // namespace backcare
