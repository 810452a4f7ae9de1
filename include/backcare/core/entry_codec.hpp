#pragma once

// The interchange format of pain-log entries: CSV (RFC 4180) and JSON, written
// by `log export`/`log list` and read back by `log import`. Writer and reader
// share one column list, and the formula guard and its inverse sit side by
// side, so a round trip is lossless. Pure: the reader parses a stream the
// caller opened.

#include "backcare/core/date.hpp"
#include "backcare/core/entry.hpp"

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backcare {

// One CSV field: quoted when it holds ',', '"', CR or LF. A free-text field
// that a spreadsheet could run as a formula (it begins with =, +, -, @, tab
// or CR), or that begins with ', gets a leading ' (undone on import).
std::string csv_field(std::string_view text, bool free_text);
// The inverse of csv_field's formula guard on an unquoted value.
std::string csv_unguard(std::string text);

// The columns of the CSV export and the keys of a JSON entry, in order.
inline constexpr std::array<std::string_view, 6> k_entry_columns{"id", "at", "severity", "location", "tags", "note"};

std::string entry_csv_header(); // "id,at,severity,location,tags,note\r\n"
std::string entry_csv(const Entry& entry);
std::string entry_json(const Entry& entry); // one object on one line

// Reads entries from an exported CSV or JSON file (or a spreadsheet CSV
// with at least `at` and `severity` columns). CSV is streamed, one record
// at a time (a record longer than 1 MiB is refused); JSON, which has no
// record boundaries, is read whole, up to 64 MiB. `next()` returns nullopt
// at the end and throws Error(ExitCode::data) naming `name` and, for CSV,
// the line and column of the first bad field (the column counts characters
// from 1 and is that of the field's first character, its opening quote when
// quoted), for JSON the entry number.
class EntryReader {
public:
  EntryReader(std::string name, std::string text, Date today);
  // Reads from `in`, which must outlive the reader.
  EntryReader(std::string name, std::istream& in, Date today);
  std::optional<Entry> next();

private:
  // Where a field begins: its line, and the offsets in m_text of that line's
  // start and of the field (the column is counted only for an error).
  struct Place {
    std::size_t line = 1;
    std::size_t line_start = 0;
    std::size_t pos = 0;
  };

  void start();
  bool has(std::size_t pos);
  std::optional<Entry> next_csv();
  std::optional<Entry> next_json();
  void load_json();
  Entry json_entry(const nlohmann::json& item) const;
  [[noreturn]] void fail(std::size_t line, std::size_t column, const std::string& message) const;
  [[noreturn]] void fail_at(const Place& place, const std::string& message) const;
  [[noreturn]] void fail_field(std::size_t field, const std::string& message) const;
  bool read_record(std::vector<std::string>& fields);
  void skip_line_end();
  Entry checked(Entry entry) const;

  std::string m_name;
  std::istream* m_in = nullptr; // null: all of the text is in m_text
  std::string m_text;           // CSV: the part of the input not yet read
  Date m_today;
  bool m_json = false;
  std::size_t m_pos = 0;
  std::size_t m_record_start = 0;
  std::size_t m_line = 1;
  std::size_t m_record_line = 1;
  std::vector<int> m_columns;        // CSV: which field of Entry each column holds
  std::vector<std::string> m_fields; // CSV: the fields of the record being read
  std::vector<Place> m_places;       // CSV: where each field of the last record read begins
  Place m_record_end;                // CSV: where the last record read ends
  std::size_t m_index = 0;           // JSON: the entry being checked or returned next
  std::vector<Entry> m_json_entries;
};

} // namespace backcare
