#include "backcare/render/entries.hpp"

#include "backcare/core/entry_codec.hpp"
#include "backcare/render/format_table.hpp"

#include "backcare/core/text.hpp"

#include <fmt/format.h>

namespace backcare {
namespace {

Paint band_paint(int severity)
{
  const std::string_view band = severity_band(severity);
  if (band == "severe") {
    return Paint::red;
  }
  return band == "moderate" ? Paint::yellow : Paint::green;
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

std::string entry_table_row(const Entry& entry, const Style& style)
{
  const std::string severity = fmt::format("{:>2} {:<10}", entry.severity, severity_band(entry.severity));
  const std::string painted = paint(severity, band_paint(entry.severity), style);
  std::string note = entry.note;
  if (!entry.tags.empty()) {
    note += fmt::format("{}[{}]", note.empty() ? "" : " ", fmt::join(entry.tags, ", "));
  }
  constexpr std::size_t k_used = 5 + 2 + 16 + 2 + 13 + 2 + 10 + 2;
  const std::size_t room =
      style.width > static_cast<int>(k_used) + 10 ? static_cast<std::size_t>(style.width) - k_used : 10;
  std::string row =
      fmt::format("{:>5}  {:<16}  {}  {:<10}  {}", entry.id, entry.at, painted, entry.location, fit(note, room));
  row.erase(row.find_last_not_of(' ') + 1);
  return row + '\n';
}

namespace {

// How each format frames its entries.
struct EntryFraming {
  std::string (*begin)();
  std::string (*row)(const Entry& entry, std::size_t index, const Style& style);
  std::string (*end)(std::size_t count);
};

constexpr std::array<FormatRenderer<ListFormat, EntryFraming>, 3> k_entry_framings{{
    {ListFormat::text,
     {entry_table_header, [](const Entry& e, std::size_t, const Style& s) { return entry_table_row(e, s); },
      [](std::size_t count) {
        return count == 0 ? std::string("No entries yet. Add one with: backcare log add SEVERITY\n") : std::string();
      }}},
    {ListFormat::json,
     {[] { return std::string("["); },
      [](const Entry& e, std::size_t index, const Style&) { return (index == 0 ? "\n  " : ",\n  ") + entry_json(e); },
      [](std::size_t count) { return std::string(count == 0 ? "]\n" : "\n]\n"); }}},
    {ListFormat::csv,
     {entry_csv_header, [](const Entry& e, std::size_t, const Style&) { return entry_csv(e); },
      [](std::size_t) { return std::string(); }}},
}};

template <typename Format, typename Framing, std::size_t N>
constexpr bool frames_every_format(const std::array<FormatRenderer<Format, Framing>, N>& table)
{
  if (N != Vocabulary<Format>::count) {
    return false;
  }
  for (std::size_t i = 0; i < N; ++i) {
    if (static_cast<std::size_t>(table[i].format) != i) {
      return false;
    }
  }
  return true;
}
static_assert(frames_every_format(k_entry_framings), "every entry format needs its framing");

const EntryFraming& framing(ListFormat format)
{
  return k_entry_framings[static_cast<std::size_t>(format)].render;
}

} // namespace

EntryListWriter::EntryListWriter(ListFormat format, Style style)
  : m_format(format)
  , m_style(style)
{
}

std::string EntryListWriter::begin() const
{
  return framing(m_format).begin();
}

std::string EntryListWriter::row(const Entry& entry)
{
  return framing(m_format).row(entry, m_count++, m_style);
}

std::string EntryListWriter::end() const
{
  return framing(m_format).end(m_count);
}

} // namespace backcare
