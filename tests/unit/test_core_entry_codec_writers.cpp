// The hand-written CSV and JSON writers of entry_codec against the plain
// formulations they replaced for speed: the output must not change by a
// byte, whatever the text holds.
#include "backcare/core/entry_codec.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

using namespace backcare;

namespace {

std::string reference_json(const Entry& entry)
{
  nlohmann::ordered_json j;
  j["id"] = entry.id;
  j["at"] = entry.at;
  j["severity"] = entry.severity;
  j["location"] = entry.location;
  j["tags"] = entry.tags;
  j["note"] = entry.note;
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string reference_csv(const Entry& entry)
{
  return fmt::format("{},{},{},{},{},{}\r\n", entry.id, entry.at, entry.severity, entry.location,
                     csv_field(join_tags(entry.tags), true), csv_field(entry.note, true));
}

const std::vector<std::string> k_texts{
    "",
    "plain words",
    "quote \" and backslash \\",
    "line\nbreak\r\ttab\b\f",
    std::string("nul \0 byte", 10),
    "\x1f\x7f del",
    "ünïcode ✓ 🙂",
    "bad \xff byte",
    "cut \xe2\x9c",
    "=SUM(A1)",
    "'quoted",
    "-1",
    "comma, here",
    "@home",
};

} // namespace

TEST_CASE("entry_json: the hand-written writer matches nlohmann")
{
  for (const std::string& text : k_texts) {
    Entry entry;
    entry.id = 9223372036854775807;
    entry.at = "2026-11-20T08:00";
    entry.severity = 10;
    entry.note = text;
    entry.tags = {text.empty() ? "x" : text, "night"};
    CAPTURE(text);
    CHECK(entry_json(entry) == reference_json(entry));
    entry.tags.clear();
    CHECK(entry_json(entry) == reference_json(entry));
  }
}

TEST_CASE("entry_csv: the hand-written writer matches fmt")
{
  for (const std::string& text : k_texts) {
    Entry entry;
    entry.id = 1;
    entry.at = "2026-11-20T08:00";
    entry.severity = 0;
    entry.location = "sacroiliac";
    entry.note = text;
    entry.tags = {"a", text};
    CAPTURE(text);
    CHECK(entry_csv(entry) == reference_csv(entry));
  }
}
