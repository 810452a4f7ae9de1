// `report --format markdown`: to paste into a mail or a clinic's notes.
// Tables are padded so that they also read as plain text.

#include "backcare/core/text.hpp"
#include "backcare/render/report.hpp"
#include "report_words.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace backcare {
namespace {

namespace rw = report_words;

// Text on one line, with the characters Markdown would act on escaped, and
// only those: a '*' or '_' followed by a space starts no emphasis, so the
// text still reads cleanly when pasted as plain text.
std::string md(std::string_view raw)
{
  const std::string text = escape_control(raw);
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool opens = (c == '*' || c == '_') && i + 1 < text.size() && text[i + 1] != ' ';
    if (opens || std::string_view("\\`[<|").find(c) != std::string_view::npos) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::size_t columns(std::string_view text)
{
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string padded(const std::string& text, std::size_t width, bool right)
{
  const std::string fill(width - std::min(width, columns(text)), ' ');
  return right ? fill + text : text + fill;
}

std::string table(const rw::Table& t)
{
  std::vector<std::vector<std::string>> cells{t.head};
  for (const auto& row : t.rows) {
    std::vector<std::string> escaped;
    escaped.reserve(row.size());
    for (const std::string& cell : row) {
      escaped.push_back(md(cell));
    }
    cells.push_back(std::move(escaped));
  }
  std::vector<std::size_t> widths(t.head.size(), 3);
  for (const auto& row : cells) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], columns(row[i]));
    }
  }
  const auto line = [&](const std::vector<std::string>& row) {
    std::string out = "|";
    for (std::size_t i = 0; i < row.size(); ++i) {
      out += " " + padded(row[i], widths[i], t.right[i]) + " |";
    }
    return out + "\n";
  };
  std::string out = line(cells.front());
  out += "|";
  for (std::size_t i = 0; i < widths.size(); ++i) {
    out += t.right[i] ? fmt::format(" {}: |", std::string(widths[i] - 1, '-'))
                      : fmt::format(" {} |", std::string(widths[i], '-'));
  }
  out += "\n";
  for (std::size_t r = 1; r < cells.size(); ++r) {
    out += line(cells[r]);
  }
  return out;
}

std::string list(const std::vector<std::string>& items)
{
  std::string out;
  for (const std::string& item : items) {
    out += "- " + md(item) + "\n";
  }
  return out;
}

} // namespace

std::string render_report_markdown(const Report& r)
{
  std::string out = fmt::format("# {}\n\n{}. {}\n\n", md(rw::title(r)), rw::period(r), rw::k_disclaimer);
  if (const std::string alert = rw::care_now_alert(r); !alert.empty()) {
    out += "**" + md(alert) + "**\n\n";
  }
  out += "## Who\n\n" + list(rw::who(r));
  out += "\n## Pain (0-10 numeric rating scale)\n\n" + list(rw::pain(r));
  if (!r.pain.locations.empty()) {
    out += "\n" + table(rw::locations(r));
  }
  out += "\n## Warning signs and advice\n\n" + list(rw::signs(r));
  out += "\n## Exercise phases\n\n";
  if (!r.phases.empty()) {
    out += table(rw::phases(r)) + "\n";
  }
  out += md(rw::phase_now(r)) + "\n";
  out += "\n## Sessions by week: adherence and pain response\n\n";
  out += rw::has_sessions(r) ? table(rw::weeks(r)) + "\n" + md(rw::sessions_total(r)) + "\n"
                             : "No exercise session in this period.\n";
  out += "\n## Function: PSFS (Stratford 1995; 0 unable to 10 as before)\n\n";
  if (!r.psfs.empty()) {
    out += table(rw::psfs(r)) + "\n";
  }
  out += md(rw::psfs_change(r)) + "\n";
  const auto notes = rw::notes(r);
  out += "\n## Notes tagged for the clinician\n\n";
  out += notes.empty() ? "None in this period.\n" : list(notes);
  out += "\n---\n\n" + rw::generated(r) + "\n";
  return out;
}

} // namespace backcare
