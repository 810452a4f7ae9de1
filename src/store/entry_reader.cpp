#include "backcare/error.hpp"
#include "backcare/log_format.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>

namespace backcare {
namespace {

enum Column { k_id, k_at, k_severity, k_location, k_tags, k_note };
const std::vector<std::string> k_column_names{"id", "at", "severity", "location", "tags", "note"};

// Undoes csv_field's formula guard.
std::string unguard(std::string text)
{
  if (text.size() >= 2 && text.front() == '\'') {
    const char c = text[1];
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\'') {
      text.erase(0, 1);
    }
  }
  return text;
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

} // namespace

EntryReader::EntryReader(std::string name, std::string text, Date today)
  : m_name(std::move(name))
  , m_text(std::move(text))
  , m_today(today)
{
  if (m_text.starts_with("\xEF\xBB\xBF")) {
    m_pos = 3; // a byte-order mark, as spreadsheets write
  }
  const std::size_t first = m_text.find_first_not_of(" \t\r\n", m_pos);
  m_json = first != std::string::npos && m_text[first] == '[';
  if (m_json) {
    load_json();
    return;
  }
  std::vector<std::string> header;
  if (!read_record(header)) {
    fail(1, 1, "the file is empty; a header row naming at least 'at' and 'severity' is needed");
  }
  for (const std::string& raw : header) {
    std::string column_name = raw;
    column_name.erase(std::remove(column_name.begin(), column_name.end(), ' '), column_name.end());
    auto it = std::find(k_column_names.begin(), k_column_names.end(), column_name);
    if (it == k_column_names.end()) {
      fail(1, 1, fmt::format("unknown column '{}' (columns: {})", raw, fmt::join(k_column_names, ", ")));
    }
    const int column = static_cast<int>(it - k_column_names.begin());
    if (std::find(m_columns.begin(), m_columns.end(), column) != m_columns.end()) {
      fail(1, 1, fmt::format("column '{}' appears twice", column_name));
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
  throw Error(ExitCode::data, fmt::format("{}:{}:{}: {}; nothing was imported", m_name, line, column, message));
}

Entry EntryReader::checked(Entry entry, std::size_t line) const
{
  if (const std::string problem = entry_problem(entry, m_today); !problem.empty()) {
    if (m_json) {
      throw Error(ExitCode::data, fmt::format("{}: entry {}: {}; nothing was imported", m_name, m_index, problem));
    }
    fail(line, 1, problem);
  }
  return entry;
}

std::optional<Entry> EntryReader::next()
{
  return m_json ? next_json() : next_csv();
}

// Reads one RFC 4180 record (fields may hold quoted commas, quotes and line
// breaks). Returns false at the end of the text; skips blank lines.
bool EntryReader::read_record(std::vector<std::string>& fields)
{
  fields.clear();
  while (m_pos < m_text.size() && (m_text[m_pos] == '\n' || m_text[m_pos] == '\r')) {
    if (m_text[m_pos] == '\n') {
      ++m_line;
    }
    ++m_pos;
  }
  if (m_pos >= m_text.size()) {
    return false;
  }
  m_record_line = m_line;
  std::string field;
  std::size_t line_start = m_pos;
  for (;;) {
    if (m_pos < m_text.size() && m_text[m_pos] == '"') {
      const std::size_t quote_line = m_line;
      const std::size_t quote_column = m_pos - line_start + 1;
      ++m_pos;
      for (;;) {
        if (m_pos >= m_text.size()) {
          fail(quote_line, quote_column, "a quoted field is never closed");
        }
        const char c = m_text[m_pos++];
        if (c == '"') {
          if (m_pos < m_text.size() && m_text[m_pos] == '"') {
            field += '"';
            ++m_pos;
            continue;
          }
          break;
        }
        if (c == '\n') {
          ++m_line;
          line_start = m_pos;
        }
        field += c;
      }
      if (m_pos < m_text.size() && m_text[m_pos] != ',' && m_text[m_pos] != '\r' && m_text[m_pos] != '\n') {
        fail(m_line, m_pos - line_start + 1, "unexpected text after a closing quote");
      }
    } else {
      while (m_pos < m_text.size() && m_text[m_pos] != ',' && m_text[m_pos] != '\r' && m_text[m_pos] != '\n') {
        if (m_text[m_pos] == '"') {
          fail(m_line, m_pos - line_start + 1, "a quote inside an unquoted field (quote the whole field)");
        }
        field += m_text[m_pos++];
      }
    }
    fields.push_back(std::move(field));
    field.clear();
    if (m_pos < m_text.size() && m_text[m_pos] == ',') {
      ++m_pos;
      continue;
    }
    if (m_pos < m_text.size() && m_text[m_pos] == '\r') {
      ++m_pos;
    }
    if (m_pos < m_text.size() && m_text[m_pos] == '\n') {
      ++m_pos;
      ++m_line;
    }
    return true;
  }
}

std::optional<Entry> EntryReader::next_csv()
{
  std::vector<std::string> fields;
  if (!read_record(fields)) {
    return std::nullopt;
  }
  const std::size_t line = m_record_line;
  if (fields.size() != m_columns.size()) {
    fail(line, 1, fmt::format("the row has {} fields, the header {}", fields.size(), m_columns.size()));
  }
  Entry entry;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    std::string& value = fields[i];
    switch (m_columns[i]) {
    case k_id:
      if (!value.empty()) {
        const auto id = parse_integer(value);
        if (!id || *id < 1) {
          fail(line, 1, fmt::format("'id' must be a positive whole number or empty, got '{}'", value));
        }
        entry.id = *id;
      }
      break;
    case k_at: {
      const auto at = parse_datetime(value);
      if (!at) {
        fail(line, 1, fmt::format("'at' must be YYYY-MM-DD or YYYY-MM-DDTHH:MM, got '{}'", value));
      }
      entry.at = *at;
      break;
    }
    case k_severity: {
      const auto severity = parse_integer(value);
      if (!severity || *severity < 0 || *severity > 10) {
        fail(line, 1, fmt::format("'severity' must be a whole number 0-10, got '{}'", value));
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
      entry.tags = split_tags(unguard(value));
      break;
    default:
      entry.note = unguard(std::move(value));
      break;
    }
  }
  return checked(std::move(entry), line);
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
  try {
    doc = nlohmann::json::parse(m_text);
  } catch (const nlohmann::json::parse_error& e) {
    const auto upto = static_cast<std::ptrdiff_t>(std::min<std::size_t>(e.byte, m_text.size()));
    const auto line = 1 + static_cast<std::size_t>(std::count(m_text.begin(), m_text.begin() + upto, '\n'));
    fail(line, 1, "not valid JSON");
  }
  if (!doc.is_array()) {
    fail(1, 1, "a JSON import must be an array of entries");
  }
  for (const auto& item : doc) {
    ++m_index;
    m_json_entries.push_back(checked(json_entry(item), 0));
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
  const auto severity = item["severity"].get<std::int64_t>();
  if (severity < 0 || severity > 10) {
    bad(fmt::format("'severity' must be 0-10, got {}", severity));
  }
  entry.severity = static_cast<int>(severity);
  if (item.contains("id") && !item["id"].is_null()) {
    if (!item["id"].is_number_integer() || item["id"].get<std::int64_t>() < 1) {
      bad("'id' must be a positive whole number");
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
