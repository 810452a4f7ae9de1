#include "backcare/core/entry.hpp"

#include "backcare/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace backcare {

std::optional<std::string> parse_datetime(std::string_view text)
{
  const auto date = parse_date(text.substr(0, 10));
  if (!date) {
    return std::nullopt;
  }
  if (text.size() == 10) {
    return std::string(text) + "T00:00";
  }
  const auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  if (text.size() != 16 || text[10] != 'T' || text[13] != ':' || !digit(11) || !digit(12) || !digit(14) || !digit(15)) {
    return std::nullopt;
  }
  const int hour = (text[11] - '0') * 10 + (text[12] - '0');
  const int minute = (text[14] - '0') * 10 + (text[15] - '0');
  if (hour > 23 || minute > 59) {
    return std::nullopt;
  }
  return std::string(text);
}

bool is_clock_time(std::string_view text)
{
  return text.size() == 5 && parse_datetime("2000-01-01T" + std::string(text));
}

std::string why_not_a_time(std::string_view text)
{
  const auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  if (text.size() != 5 || text[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4)) {
    return {};
  }
  if ((text[0] - '0') * 10 + (text[1] - '0') > 23) {
    return "hours run 00-23";
  }
  return (text[3] - '0') * 10 + (text[4] - '0') > 59 ? "minutes run 00-59" : "";
}

Date date_of(std::string_view at)
{
  return parse_date(at.substr(0, 10)).value_or(Date{});
}

std::string_view severity_band(int severity)
{
  if (severity <= 0) {
    return "none";
  }
  if (severity <= 4) {
    return "mild";
  }
  return severity <= 6 ? "moderate" : "severe";
}

EntryProblem entry_field_problem(const Entry& entry, Date today)
{
  const auto at = parse_datetime(entry.at);
  if (!at || *at != entry.at) {
    return {"at", fmt::format("'at' must be YYYY-MM-DD or YYYY-MM-DDTHH:MM, got '{}'", entry.at)};
  }
  if (date_of(entry.at) > today) {
    return {"at", fmt::format("'at' {} is after today ({})", entry.at, format_date(today))};
  }
  if (entry.severity < 0 || entry.severity > 10) {
    return {"severity", fmt::format("'severity' must be 0-10, got {}", entry.severity)};
  }
  if (!parse_word<Location>(entry.location)) {
    return {"location", fmt::format("'location' must be one of {}, got '{}'", fmt::join(names_of<Location>(), ", "),
                                    entry.location)};
  }
  for (const std::string& tag : entry.tags) {
    if (tag.empty() || tag.find_first_of(";\r\n") != std::string::npos) {
      return {"tags", fmt::format("tag '{}' must be non-empty without ';' or line breaks", tag)};
    }
    if (!is_valid_utf8(tag)) {
      return {"tags", fmt::format("tag '{}' is not valid UTF-8 text", tag)};
    }
  }
  if (!is_valid_utf8(entry.note)) {
    return {"note", fmt::format("'note' is not valid UTF-8 text: '{}'", entry.note)};
  }
  return {};
}

std::string entry_problem(const Entry& entry, Date today)
{
  return entry_field_problem(entry, today).message;
}

std::string join_tags(const std::vector<std::string>& tags)
{
  return fmt::format("{}", fmt::join(tags, ";"));
}

std::vector<std::string> split_tags(std::string_view text)
{
  std::vector<std::string> tags;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(';', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    if (end > start) {
      tags.emplace_back(text.substr(start, end - start));
    }
    start = end + 1;
  }
  return tags;
}

} // namespace backcare
