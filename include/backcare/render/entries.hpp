#pragma once

// Pain-log entries for `log list` and `log export`: a text table, or the
// interchange CSV and JSON of core/entry_codec.hpp, with their framing
// (header row, JSON array). Streamed: one piece per entry, so a long log is
// never held in memory.

#include "backcare/core/entry.hpp"
#include "backcare/core/vocabulary.hpp"
#include "backcare/render/style.hpp"

#include <cstddef>
#include <string>

namespace backcare {

std::string entry_table_header();
std::string entry_table_row(const Entry& entry, const Style& style);

class EntryListWriter {
public:
  EntryListWriter(ListFormat format, Style style);
  // The text before the first entry (a header row, "[").
  std::string begin() const;
  // One entry.
  std::string row(const Entry& entry);
  // The text after the last entry ("]", or a hint when the log is empty).
  std::string end() const;

private:
  ListFormat m_format;
  Style m_style;
  std::size_t m_count = 0;
};

} // namespace backcare
