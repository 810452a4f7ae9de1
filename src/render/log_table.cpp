#include "backcare/render/log_table.hpp"

#include "backcare/core/text.hpp"

#include <fmt/format.h>

namespace backcare {
namespace {

std::string_view band_color(int severity)
{
  const std::string_view band = severity_band(severity);
  if (band == "severe") {
    return "31";
  }
  return band == "moderate" ? "33" : "32";
}

// Puts `text` on one line of at most `width` code points, ending in "..."
// when it had to be cut. Line breaks and tabs become spaces, other control
// characters escapes: a note never moves the cursor or drives the terminal.
std::string fit(std::string_view raw, std::size_t width)
{
  std::string spaced(raw);
  for (char& c : spaced) {
    if (c == '\n' || c == '\r' || c == '\t') {
      c = ' ';
    }
  }
  const std::string text = escape_control(spaced);
  std::vector<std::size_t> starts; // byte offset of each code point
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      starts.push_back(i);
    }
  }
  return starts.size() <= width ? text : text.substr(0, starts[width - 3]) + "...";
}

} // namespace

std::string entry_table_header()
{
  return fmt::format("{:>5}  {:<16}  {:<13}  {:<10}  {}\n", "id", "at", "severity", "location", "note [tags]");
}

std::string entry_table_row(const Entry& entry, bool color, int width)
{
  const std::string severity = fmt::format("{:>2} {:<10}", entry.severity, severity_band(entry.severity));
  const std::string painted = color ? fmt::format("\x1b[{}m{}\x1b[0m", band_color(entry.severity), severity) : severity;
  std::string note = entry.note;
  if (!entry.tags.empty()) {
    note += fmt::format("{}[{}]", note.empty() ? "" : " ", fmt::join(entry.tags, ", "));
  }
  constexpr std::size_t k_used = 5 + 2 + 16 + 2 + 13 + 2 + 10 + 2;
  const std::size_t room = width > static_cast<int>(k_used) + 10 ? static_cast<std::size_t>(width) - k_used : 10;
  std::string row =
      fmt::format("{:>5}  {:<16}  {}  {:<10}  {}", entry.id, entry.at, painted, entry.location, fit(note, room));
  row.erase(row.find_last_not_of(' ') + 1);
  return row + '\n';
}

} // namespace backcare
