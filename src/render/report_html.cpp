// `report --format html`: one self-contained page to print or to open in a
// browser. Inline CSS with a print stylesheet and the trend chart as inline
// SVG; no script and no URL, so nothing is fetched and nothing runs. The
// layout fits 12 weeks of data on one A4 or Letter page: the @page margins
// leave 186 x 259 mm, the width of A4 and the height of Letter.

#include "backcare/render/markup.hpp"
#include "backcare/render/report.hpp"
#include "backcare/render/trend.hpp"
#include "report_words.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace backcare {
namespace {

namespace rw = report_words;

constexpr std::string_view k_style = R"css(
@page { margin: 10mm 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 7.5pt/1.2 "DejaVu Sans", Arial, Helvetica, sans-serif; color: #111; margin: 0 auto; max-width: 186mm; }
h1 { font-size: 12pt; margin: 0; }
h2 { font-size: 8.5pt; margin: 2mm 0 0.6mm; padding-bottom: 0.2mm; border-bottom: 0.3mm solid #888; }
p, ul { margin: 0.4mm 0; }
ul { padding-left: 3.2mm; }
table { border-collapse: collapse; width: 100%; margin: 0.6mm 0; }
th, td { border-bottom: 0.2mm solid #ccc; padding: 0.2mm 0.8mm; text-align: left; vertical-align: top; }
th { background: #eef1f5; }
table.dated td:first-child { white-space: nowrap; }
.n { text-align: right; }
td.n { white-space: nowrap; }
.grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); column-gap: 5mm; }
.chart svg { display: block; width: 100%; height: auto; }
.lead { color: #333; margin-top: 0.4mm; }
.who { font-weight: bold; }
.nw { white-space: nowrap; }
.alert { font-weight: bold; color: #9b1c1c; }
.small { font-size: 6.5pt; color: #333; }
footer { margin-top: 1.5mm; padding-top: 0.6mm; border-top: 0.3mm solid #888; font-size: 6.5pt; color: #333; }
@media screen { body { margin: 8mm auto; padding: 0 4mm; } }
@media print { h2 { break-after: avoid; } tr, li, .chart { break-inside: avoid; } }
)css";

std::string list(const std::vector<std::string>& items)
{
  std::string out = "<ul>\n";
  for (const std::string& item : items) {
    out += "<li>" + escape_markup(item) + "</li>\n";
  }
  return out + "</ul>\n";
}

// `dated`: the first column holds dates, which never wrap.
std::string table(const rw::Table& t, bool dated = false)
{
  // A date never breaks at its hyphens.
  const auto cell = [&](const char* tag, std::size_t i, const std::string& text) {
    const std::string shown = parse_date(text) ? "<span class=\"nw\">" + text + "</span>" : escape_markup(text);
    return fmt::format("<{0}{1}>{2}</{0}>", tag, t.right[i] ? " class=\"n\"" : "", shown);
  };
  std::string out = dated ? "<table class=\"dated\">\n<thead><tr>" : "<table>\n<thead><tr>";
  for (std::size_t i = 0; i < t.head.size(); ++i) {
    out += cell("th", i, t.head[i]);
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i) {
      out += cell("td", i, row[i]);
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

// The trend chart inline. HTML needs no namespace declaration on an inline
// <svg>, and leaving it out keeps every URL out of the page.
std::string chart(const Report& r)
{
  std::string svg = render_trend_svg(r.trend);
  const std::string_view xmlns = " xmlns=\"http://www.w3.org/2000/svg\"";
  if (const auto at = svg.find(xmlns); at != std::string::npos) {
    svg.erase(at, xmlns.size());
  }
  return svg;
}

// Two columns side by side on the page; `wide_left` gives the left one more room.
std::string columns(const std::string& left, const std::string& right)
{
  return fmt::format("<div class=\"grid\">\n<div>\n{}</div>\n<div>\n{}</div>\n</div>\n", left, right);
}

std::string section(std::string_view heading, const std::string& body)
{
  return fmt::format("<section>\n<h2>{}</h2>\n{}</section>\n", escape_markup(heading), body);
}

} // namespace

std::string render_report_html(const Report& r)
{
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += fmt::format("<title>{}, {}</title>\n", escape_markup(rw::title(r)), escape_markup(rw::period(r)));
  out += fmt::format("<style>{}</style>\n</head>\n<body>\n", k_style);
  // Who, in one line under the title: the page has no room to spare.
  const auto who = rw::who(r);
  out += fmt::format("<header>\n<h1>{}</h1>\n<p class=\"lead\">{}. {}</p>\n<p class=\"who\">{}.</p>\n</header>\n",
                     escape_markup(rw::title(r)), escape_markup(rw::period(r)), escape_markup(rw::k_disclaimer),
                     escape_markup(fmt::format("{}", fmt::join(who, ". "))));
  if (const std::string alert = rw::care_now_alert(r); !alert.empty()) {
    out += "<p class=\"alert\">" + escape_markup(alert) + "</p>\n";
  }
  const std::string pain = section("Pain (0-10 numeric rating scale)", list(rw::pain(r)));
  std::string chart_and_places =
      section("Daily pain and weekly mean", "<div class=\"chart\">\n" + chart(r) + "</div>\n");
  if (!r.pain.locations.empty()) {
    chart_and_places += table(rw::locations(r));
  }
  out += columns(pain, chart_and_places);
  out += section("Warning signs and advice", list(rw::signs(r)));
  std::string phases = r.phases.empty() ? std::string() : table(rw::phases(r), true);
  phases += "<p>" + escape_markup(rw::phase_now(r)) + "</p>\n";
  out += section("Exercise phases", phases);
  const std::string sessions =
      section("Sessions by week: adherence and pain response",
              rw::has_sessions(r)
                  ? table(rw::weeks(r), true) + "<p class=\"small\">" + escape_markup(rw::sessions_total(r)) + "</p>\n"
                  : std::string("<p>No exercise session in this period.</p>\n"));
  std::string psfs = r.psfs.empty() ? std::string() : table(rw::psfs(r));
  psfs += "<p>" + escape_markup(rw::psfs_change(r)) + "</p>\n";
  const auto notes = rw::notes(r);
  // Full width, one under the other: seven columns of sessions, or a column
  // per PSFS rating, do not fit half the page.
  out += sessions;
  out += section("Function: PSFS (Stratford 1995; 0 unable to 10 as before)", psfs);
  out += section("Notes tagged for the clinician", notes.empty() ? "<p>None in this period.</p>\n" : list(notes));
  out += "<footer>" + escape_markup(rw::generated(r)) + "</footer>\n</body>\n</html>\n";
  return out;
}

} // namespace backcare
