#include "backcare/core/entry_codec.hpp"
#include "backcare/core/error.hpp"
#include "backcare/core/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <istream>
#include <limits>

namespace backcare {
namespace {

enum Column { k_id, k_at, k_severity, k_location, k_tags, k_note };
constexpr const auto& k_column_names = k_entry_columns;

// A spreadsheet runs a cell that begins with one of these as a formula.
bool formula_start(char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

constexpr auto k_max_id = std::numeric_limits<std::int64_t>::max();
constexpr std::size_t k_max_record = std::size_t{1} << 20;
constexpr std::size_t k_max_json = std::size_t{64} << 20;

// Builds the JSON document like nlohmann::json::parse, but keeps the
// position of an error, which the DOM parser drops for some (a number too
// large for a double).
class PositionedParser : public nlohmann::detail::json_sax_dom_parser<nlohmann::json> {
public:
  using json_sax_dom_parser::json_sax_dom_parser;

  bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception& error)
  {
    (void)last_token;
    m_position = position; // characters read, up to and including the bad one
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..." -> "syntax error ..."
    std::string message = error.what();
    const std::size_t bracket = message.find("] ");
    message = bracket == std::string::npos ? message : message.substr(bracket + 2);
    const std::size_t colon = message.find(": ");
    m_message = message.starts_with("parse error") && colon != std::string::npos ? message.substr(colon + 2) : message;
    return false;
  }

  std::size_t m_position = 0;
  std::string m_message;
};

// The column, from 1, of text[pos] on the line that begins at line_start, in
// characters: UTF-8 continuation bytes do not count.
std::size_t column_of(std::string_view text, std::size_t line_start, std::size_t pos)
{
  const std::string_view before = text.substr(line_start, pos - line_start);
  const auto is_continuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; };
  return 1 + before.size() - static_cast<std::size_t>(std::count_if(before.begin(), before.end(), is_continuation));
}

std::optional<std::int64_t> parse_integer(std::string_view text)
{
  std::int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

// Appends a CSV field as csv_field writes it, without a copy when the
// text needs neither the formula guard nor quotes (most fields).
void append_csv_field(std::string& out, std::string_view text, bool free_text)
{
  const bool guarded = free_text && !text.empty() && (formula_start(text.front()) || text.front() == '\'');
  if (!guarded && text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += text;
    return;
  }
  out += csv_field(text, free_text);
}

// Appends a JSON string as nlohmann's dump writes it. Printable ASCII
// without '"' or '\\' is copied as it is; anything else (escapes,
// non-ASCII text, invalid UTF-8) goes through nlohmann itself, so that the
// output stays exactly the same.
void append_json_string(std::string& out, std::string_view text)
{
  const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x20 && byte < 0x80 && byte != '"' && byte != '\\';
  });
  if (!plain) {
    out += nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  out += '"';
  out += text;
  out += '"';
}

void append_integer(std::string& out, std::int64_t value)
{
  std::array<char, 24> digits{};
  const auto [end, ec] = std::to_chars(digits.data(), digits.data() + digits.size(), value);
  (void)ec; // 24 characters hold any int64
  out.append(digits.data(), end);
}

// Written by hand rather than through fmt or a JSON object per entry: a
// list or export of a large log spends its time here.
void append_entry_csv(std::string& out, const Entry& entry)
{
  append_integer(out, entry.id);
  out += ',';
  out += entry.at;
  out += ',';
  append_integer(out, entry.severity);
  out += ',';
  out += entry.location;
  out += ',';
  append_csv_field(out, join_tags(entry.tags), true);
  out += ',';
  append_csv_field(out, entry.note, true);
  out += "\r\n";
}

void append_entry_json(std::string& out, const Entry& entry)
{
  // The keys in k_entry_columns order, as an ordered_json would write them.
  // A log written before notes were checked may hold invalid UTF-8: it is
  // shown as U+FFFD rather than fail halfway through an export.
  out += "{\"id\":";
  append_integer(out, entry.id);
  out += ",\"at\":";
  append_json_string(out, entry.at);
  out += ",\"severity\":";
  append_integer(out, entry.severity);
  out += ",\"location\":";
  append_json_string(out, entry.location);
  out += ",\"tags\":[";
  for (std::size_t i = 0; i < entry.tags.size(); ++i) {
    if (i > 0) {
      out += ',';
    }
    append_json_string(out, entry.tags[i]);
  }
  out += "],\"note\":";
  append_json_string(out, entry.note);
  out += '}';
}

} // namespace

std::string csv_field(std::string_view text, bool free_text)
{
  std::string value(text);
  if (free_text && !value.empty() && (formula_start(value.front()) || value.front() == '\'')) {
    value.insert(value.begin(), '\'');
  }
  if (value.find_first_of(",\"\r\n") == std::string::npos) {
    return value;
  }
  std::string quoted = "\"";
  for (char c : value) {
    quoted += c;
    if (c == '"') {
      quoted += '"';
    }
  }
  return quoted + '"';
}

std::string csv_unguard(std::string text)
{
  if (text.size() >= 2 && text.front() == '\'' && (formula_start(text[1]) || text[1] == '\'')) {
    text.erase(0, 1);
  }
  return text;
}

std::string entry_csv_header()
{
  return fmt::format("{}\r\n", fmt::join(k_entry_columns, ","));
}

std::string entry_csv(const Entry& entry)
{
  std::string out;
  out.reserve(48 + entry.note.size());
  append_entry_csv(out, entry);
  return out;
}

std::string entry_json(const Entry& entry)
{
  std::string out;
  out.reserve(96 + entry.note.size());
  append_entry_json(out, entry);
  return out;
}

EntryReader::EntryReader(std::string name, std::string text, Date today)
  : m_name(std::move(name))
  , m_text(std::move(text))
  , m_today(today)
{
  start();
}

EntryReader::EntryReader(std::string name, std::istream& in, Date today)
  : m_name(std::move(name))
  , m_in(&in)
  , m_today(today)
{
  start();
}

// Whether there is a byte at m_text[pos], reading more of the stream when
// needed. A CSV record longer than k_max_record is refused: a device such
// as /dev/zero has no line ends and no end.
bool EntryReader::has(std::size_t pos)
{
  while (pos >= m_text.size()) {
    if (!m_in || m_in->eof()) {
      return false;
    }
    if (!m_json && m_text.size() - m_record_start > k_max_record) {
      fail(m_record_line, 1, fmt::format("a row longer than {} MiB", k_max_record >> 20));
    }
    std::array<char, 65536> block{};
    m_in->read(block.data(), static_cast<std::streamsize>(block.size()));
    if (m_in->bad()) {
      throw Error(ExitCode::no_input, fmt::format("log import: cannot read {}: {}", m_name, std::strerror(errno)));
    }
    m_text.append(block.data(), static_cast<std::size_t>(m_in->gcount()));
  }
  return true;
}

void EntryReader::start()
{
  if (has(2) && m_text.starts_with("\xEF\xBB\xBF")) {
    m_pos = 3; // a byte-order mark, as spreadsheets write
  }
  if (has(1) && (m_text.starts_with("\xFF\xFE") || m_text.starts_with("\xFE\xFF"))) {
    fail(1, 1, "the file is UTF-16; save it as UTF-8");
  }
  std::size_t first = m_pos;
  while (has(first)
         && (m_text[first] == ' ' || m_text[first] == '\t' || m_text[first] == '\r' || m_text[first] == '\n')) {
    ++first;
  }
  m_json = has(first) && (m_text[first] == '[' || m_text[first] == '{');
  if (m_json) {
    // JSON has no record boundaries to stream on: read it whole, bounded.
    while (has(m_text.size())) {
      if (m_text.size() > k_max_json) {
        fail(1, 1, fmt::format("a JSON import larger than {} MiB (split it, or use CSV)", k_max_json >> 20));
      }
    }
    load_json();
    return;
  }
  std::vector<std::string> header;
  if (!read_record(header)) {
    fail(1, 1, "the file is empty; a header row naming at least 'at' and 'severity' is needed");
  }
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string& raw = header[i];
    std::string column_name = raw;
    column_name.erase(std::remove(column_name.begin(), column_name.end(), ' '), column_name.end());
    auto it = std::find(k_column_names.begin(), k_column_names.end(), column_name);
    if (it == k_column_names.end()) {
      fail_field(i, fmt::format("unknown column '{}' (columns: {})", raw, fmt::join(k_column_names, ", ")));
    }
    const int column = static_cast<int>(it - k_column_names.begin());
    if (std::find(m_columns.begin(), m_columns.end(), column) != m_columns.end()) {
      fail_field(i, fmt::format("column '{}' appears twice", column_name));
    }
    m_columns.push_back(column);
  }
  for (int needed : {k_at, k_severity}) {
    if (std::find(m_columns.begin(), m_columns.end(), needed) == m_columns.end()) {
      fail(1, 1, fmt::format("the header row has no '{}' column", k_column_names[static_cast<std::size_t>(needed)]));
    }
  }
}

void EntryReader::fail(std::size_t line, std::size_t column, const std::string& message) const
{
  // A NUL byte quoted from the file is escaped here: the message reaches
  // the person through what(), a C string that would end at it.
  std::string text = message;
  for (std::size_t at = text.find('\0'); at != std::string::npos; at = text.find('\0', at)) {
    text.replace(at, 1, "\\x00");
  }
  throw Error(ExitCode::data, fmt::format("{}:{}:{}: {}; nothing was imported", m_name, line, column, text));
}

void EntryReader::fail_at(const Place& place, const std::string& message) const
{
  fail(place.line, column_of(m_text, place.line_start, place.pos), message);
}

// Fails at the start of field `field` of the last record read, or at its
// end when the record has fewer fields.
void EntryReader::fail_field(std::size_t field, const std::string& message) const
{
  fail_at(field < m_places.size() ? m_places[field] : m_record_end, message);
}

Entry EntryReader::checked(Entry entry) const
{
  const EntryProblem problem = entry_field_problem(entry, m_today);
  if (problem.message.empty()) {
    return entry;
  }
  if (m_json) {
    throw Error(ExitCode::data,
                fmt::format("{}: entry {}: {}; nothing was imported", m_name, m_index, problem.message));
  }
  const auto column = std::find_if(m_columns.begin(), m_columns.end(),
                                   [&](int c) { return k_column_names[static_cast<std::size_t>(c)] == problem.field; });
  fail_field(static_cast<std::size_t>(column - m_columns.begin()), problem.message);
}

std::optional<Entry> EntryReader::next()
{
  return m_json ? next_json() : next_csv();
}

// Reads one RFC 4180 record (fields may hold quoted commas, quotes and line
// breaks). Returns false at the end of the text; skips blank lines.
bool EntryReader::read_record(std::vector<std::string>& fields)
{
  m_record_start = m_pos;
  while (has(m_pos) && (m_text[m_pos] == '\n' || m_text[m_pos] == '\r')) {
    skip_line_end();
  }
  if (m_in && m_pos >= 65536) {
    m_text.erase(0, m_pos); // what has been read: keep memory to about one block
    m_pos = 0;
  }
  m_record_start = m_pos;
  if (!has(m_pos)) {
    fields.clear();
    return false;
  }
  m_record_line = m_line;
  m_places.clear();
  // The strings of the previous record are reused: no allocation per field.
  std::size_t count = 0;
  const auto next_field = [&]() -> std::string& {
    if (count == fields.size()) {
      fields.emplace_back();
    }
    fields[count].clear();
    return fields[count++];
  };
  std::string* field = &next_field();
  std::size_t line_start = m_pos;
  for (;;) {
    m_places.push_back({m_line, line_start, m_pos});
    if (has(m_pos) && m_text[m_pos] == '"') {
      ++m_pos;
      for (;;) {
        if (!has(m_pos)) {
          fail_at(m_places.back(), "a quoted field is never closed");
        }
        const char c = m_text[m_pos];
        if (c == '"') {
          ++m_pos;
          if (has(m_pos) && m_text[m_pos] == '"') {
            *field += '"';
            ++m_pos;
            continue;
          }
          break;
        }
        if (c == '\n' || c == '\r') {
          const std::size_t from = m_pos;
          skip_line_end();
          field->append(m_text, from, m_pos - from);
          line_start = m_pos;
          continue;
        }
        *field += c;
        ++m_pos;
      }
      if (has(m_pos) && m_text[m_pos] != ',' && m_text[m_pos] != '\r' && m_text[m_pos] != '\n') {
        fail_at({m_line, line_start, m_pos}, "unexpected text after a closing quote");
      }
    } else {
      const std::size_t from = m_pos;
      while (has(m_pos) && m_text[m_pos] != ',' && m_text[m_pos] != '\r' && m_text[m_pos] != '\n') {
        if (m_text[m_pos] == '"') {
          fail_at({m_line, line_start, m_pos}, "a quote inside an unquoted field (quote the whole field)");
        }
        ++m_pos;
      }
      field->append(m_text, from, m_pos - from);
    }
    if (has(m_pos) && m_text[m_pos] == ',') {
      ++m_pos;
      field = &next_field();
      continue;
    }
    fields.resize(count);
    m_record_end = {m_line, line_start, m_pos};
    if (has(m_pos)) {
      skip_line_end();
    }
    return true;
  }
}

// Steps over one line end: LF, CRLF or a lone CR (old Mac files); each
// counts as one line.
void EntryReader::skip_line_end()
{
  if (m_text[m_pos] == '\r' && has(m_pos + 1) && m_text[m_pos + 1] == '\n') {
    ++m_pos;
  }
  ++m_pos;
  ++m_line;
}

std::optional<Entry> EntryReader::next_csv()
{
  std::vector<std::string>& fields = m_fields;
  if (!read_record(fields)) {
    return std::nullopt;
  }
  if (fields.size() != m_columns.size()) {
    // At the first field too many, or where the first missing one would be.
    fail_field(std::min(fields.size(), m_columns.size()),
               fmt::format("the row has {}, the header {}",
                           counted(static_cast<long long>(fields.size()), "field", "fields"), m_columns.size()));
  }
  Entry entry;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    std::string& value = fields[i];
    switch (m_columns[i]) {
    case k_id:
      if (!value.empty()) {
        const auto id = parse_integer(value);
        if (!id || *id < 1) {
          fail_field(i, fmt::format("'id' must be a whole number 1-{} or empty, got '{}'", k_max_id, value));
        }
        entry.id = *id;
      }
      break;
    case k_at: {
      const auto at = parse_datetime(value);
      if (!at) {
        fail_field(i, fmt::format("'at' must be YYYY-MM-DD or YYYY-MM-DDTHH:MM, got '{}'", value));
      }
      entry.at = *at;
      break;
    }
    case k_severity: {
      const auto severity = parse_integer(value);
      if (!severity || *severity < 0 || *severity > 10) {
        fail_field(i, fmt::format("'severity' must be a whole number 0-10, got '{}'", value));
      }
      entry.severity = static_cast<int>(*severity);
      break;
    }
    case k_location:
      if (!value.empty()) {
        entry.location = value;
      }
      break;
    case k_tags:
      entry.tags = split_tags(csv_unguard(value));
      break;
    default:
      entry.note = csv_unguard(std::move(value));
      break;
    }
  }
  return checked(std::move(entry));
}

std::optional<Entry> EntryReader::next_json()
{
  if (m_index >= m_json_entries.size()) {
    return std::nullopt;
  }
  return std::move(m_json_entries[m_index++]);
}

// Parses and checks the whole JSON array up front: JSON has no record
// boundaries to stream on, and a bad entry must reject the whole file.
void EntryReader::load_json()
{
  nlohmann::json doc;
  PositionedParser parser(doc);
  if (!nlohmann::json::sax_parse(m_text, &parser)) {
    const std::size_t upto = std::min(parser.m_position, m_text.size());
    const std::size_t line_start = upto == 0 ? 0 : m_text.rfind('\n', upto - 1) + 1; // npos + 1 == 0
    const auto line = 1
                      + static_cast<std::size_t>(
                          std::count(m_text.begin(), m_text.begin() + static_cast<std::ptrdiff_t>(upto), '\n'));
    fail(line, std::max<std::size_t>(upto - line_start, 1), fmt::format("not valid JSON: {}", parser.m_message));
  }
  if (!doc.is_array()) {
    fail(1, 1, "a JSON import must be an array of entries");
  }
  for (const auto& item : doc) {
    ++m_index;
    m_json_entries.push_back(checked(json_entry(item)));
  }
  m_index = 0;
}

Entry EntryReader::json_entry(const nlohmann::json& item) const
{
  const auto bad = [&](const std::string& message) {
    throw Error(ExitCode::data, fmt::format("{}: entry {}: {}; nothing was imported", m_name, m_index, message));
  };
  if (!item.is_object()) {
    bad("each entry must be an object");
  }
  for (const auto& [key, value] : item.items()) {
    if (std::find(k_column_names.begin(), k_column_names.end(), key) == k_column_names.end()) {
      bad(fmt::format("unknown key '{}'", key));
    }
  }
  const auto text = [&](const char* key, bool required) -> std::optional<std::string> {
    if (!item.contains(key) || item[key].is_null()) {
      if (required) {
        bad(fmt::format("'{}' is missing", key));
      }
      return std::nullopt;
    }
    if (!item[key].is_string()) {
      bad(fmt::format("'{}' must be a string", key));
    }
    return item[key].get<std::string>();
  };
  Entry entry;
  const std::string at_text = *text("at", true);
  const auto at = parse_datetime(at_text);
  if (!at) {
    bad(fmt::format("'at' must be YYYY-MM-DD or YYYY-MM-DDTHH:MM, got '{}'", at_text));
  }
  entry.at = *at;
  if (!item.contains("severity") || !item["severity"].is_number_integer()) {
    bad("'severity' must be a whole number 0-10");
  }
  // A number above the int64 range is unsigned in nlohmann: compare it as
  // what it is, and quote it as written.
  const auto in_range = [](const nlohmann::json& number, std::int64_t min, std::int64_t max) {
    if (number.is_number_unsigned()) {
      return number.get<std::uint64_t>() <= static_cast<std::uint64_t>(max);
    }
    return number.get<std::int64_t>() >= min && number.get<std::int64_t>() <= max;
  };
  if (!in_range(item["severity"], 0, 10)) {
    bad(fmt::format("'severity' must be 0-10, got {}", item["severity"].dump()));
  }
  entry.severity = item["severity"].get<int>();
  if (item.contains("id") && !item["id"].is_null()) {
    if (!item["id"].is_number_integer() || !in_range(item["id"], 1, k_max_id)) {
      bad(fmt::format("'id' must be a whole number 1-{}, got {}", k_max_id, item["id"].dump()));
    }
    entry.id = item["id"].get<std::int64_t>();
  }
  entry.location = text("location", false).value_or(entry.location);
  entry.note = text("note", false).value_or("");
  if (item.contains("tags") && !item["tags"].is_null()) {
    const auto& tags = item["tags"];
    if (!tags.is_array() || !std::all_of(tags.begin(), tags.end(), [](const auto& t) { return t.is_string(); })) {
      bad("'tags' must be a list of strings");
    }
    entry.tags = tags.get<std::vector<std::string>>();
  }
  return entry;
}

} // namespace backcare
