#include "backcare/render/entries.hpp"

#include "backcare/core/entry_codec.hpp"
#include "backcare/render/format_table.hpp"

#include "backcare/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>

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

// `raw` as one paragraph: line breaks and tabs become spaces, other
// control characters escapes, so that a note never moves the cursor or
// drives the terminal.
std::string one_paragraph(std::string_view raw)
{
  std::string spaced(raw);
  for (char& c : spaced) {
    if (c == '\n' || c == '\r' || c == '\t') {
      c = ' ';
    }
  }
  return escape_control(spaced);
}

// `text` with a space inserted every `room` code points of a word longer
// than that (a long link), so that wrapping can keep it within the column.
std::string break_long_words(std::string_view text, std::size_t room)
{
  std::string out;
  std::size_t run = 0; // code points since the last space
  for (char c : text) {
    const bool starts_code_point = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (c == ' ') {
      run = 0;
    } else if (starts_code_point && run++ == room) {
      out += ' ';
      run = 1;
    }
    out += c;
  }
  return out;
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
  // The note and tags are shown whole, wrapped in their column to the
  // width (at least 20 columns of them, however narrow the terminal).
  constexpr int k_used = 5 + 2 + 16 + 2 + 13 + 2 + 10 + 2;
  const std::string indent(k_used, ' ');
  const int width = std::max(style.width, k_used + 20);
  const std::string text = break_long_words(one_paragraph(note), static_cast<std::size_t>(width - k_used));
  const std::string wrapped = wrap(text, width, indent, indent);
  std::string row = fmt::format("{:>5}  {:<16}  {}  {:<10}  {}", entry.id, entry.at, painted, entry.location,
                                std::string_view(wrapped).substr(k_used));
  row.erase(row.find_last_not_of(" \n") + 1);
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
