#include "backcare/core/text.hpp"
#include "backcare/render/markup.hpp"
#include "backcare/render/trend.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>

namespace backcare {
namespace {

// Plot geometry, in SVG user units.
constexpr double k_width = 800;
constexpr double k_height = 440;
constexpr double k_left = 64;
constexpr double k_right = 780;
constexpr double k_top = 56;
constexpr double k_bottom = 340;
// The row of session marks under the dates, when there are sessions.
constexpr double k_lane = 34;
constexpr double k_mark = 5; // half the width of a mark

// How a session is drawn: shape and colour by outcome, hollow when skipped.
struct MarkStyle {
  const char* name;
  const char* shape; // "up", "down" or "diamond"
  const char* fill;
  const char* stroke;
};

MarkStyle mark_style(const std::optional<Outcome>& outcome)
{
  if (!outcome) {
    return {"skipped", "up", "#ffffff", "#555555"};
  }
  switch (*outcome) {
  case Outcome::green:
    return {"green", "up", "#1a9850", "#1a9850"};
  case Outcome::amber:
    return {"amber", "diamond", "#e6ab02", "#8c6d00"};
  case Outcome::red:
    return {"red", "down", "#d7191c", "#d7191c"};
  case Outcome::pending:
    break;
  }
  return {"pending", "up", "#9e9e9e", "#9e9e9e"};
}

// The outline of a mark centred on (cx, cy).
std::string mark_path(const MarkStyle& style, double cx, double cy)
{
  const double h = k_mark;
  if (std::string_view(style.shape) == "diamond") {
    return fmt::format("M{:.1f} {:.1f} L{:.1f} {:.1f} L{:.1f} {:.1f} L{:.1f} {:.1f} Z", cx, cy - h, cx + h, cy, cx,
                       cy + h, cx - h, cy);
  }
  const double tip = std::string_view(style.shape) == "up" ? -h : h;
  return fmt::format("M{:.1f} {:.1f} L{:.1f} {:.1f} L{:.1f} {:.1f} Z", cx, cy + tip, cx + h, cy - tip, cx - h,
                     cy - tip);
}

// What a mark says to a screen reader or on hover.
std::string mark_title(const TrendSession& item)
{
  const Session& s = item.session;
  const std::string when = s.at.substr(0, 10) + " " + s.at.substr(11);
  if (!item.outcome) {
    return fmt::format("{}: session skipped ({})", when, s.reason ? name_of(*s.reason) : "no reason");
  }
  const std::string during =
      s.pain_during ? fmt::format("pain {}/10 during it", *s.pain_during) : std::string("pain during it not recorded");
  const std::string morning = s.next_morning ? fmt::format("{}/10 the next morning", *s.next_morning)
                                             : std::string("the next morning not known yet");
  const std::string phase = s.phase > 0 ? fmt::format("in phase {}", s.phase) : std::string("in a phase not known");
  return fmt::format("{}: session done {}, {}, {}: {}", when, phase, during, morning, name_of(*item.outcome));
}

class Chart {
public:
  explicit Chart(const TrendReport& r)
    : m_r(r)
    , m_first(*r.first)
    , m_lane(r.sessions.empty() ? 0 : k_lane)
  {
    Date last = *r.last;
    for (const TrendSession& item : r.sessions) {
      m_first = std::min(m_first, item.day);
      last = std::max(last, item.day);
    }
    m_span = std::max(1, days_between(m_first, last) + 1);
  }

  std::string draw()
  {
    header();
    shading();
    grid();
    data();
    sessions();
    legend();
    m_out += "</svg>\n";
    return m_out;
  }

private:
  // x of the middle of a day.
  double x(Date day) const { return k_left + (days_between(m_first, day) + 0.5) / m_span * (k_right - k_left); }
  static double y(double value) { return k_bottom - std::clamp(value, 0.0, 10.0) / 10.0 * (k_bottom - k_top); }

  void header()
  {
    const std::string title = fmt::format("Back pain from {} to {}", format_date(m_first), format_date(*m_r.last));
    const double height = height_of();
    m_out +=
        fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
                    "font-family=\"sans-serif\" font-size=\"12\">\n",
                    k_width, height);
    m_out += fmt::format("<title>{}</title>\n", escape_markup(title));
    std::string sessions;
    if (!m_r.sessions.empty()) {
      sessions = fmt::format(" Marks under the dates: {} exercise sessions done, {} skipped.", m_r.session_totals.done,
                             m_r.session_totals.skipped);
    }
    m_out += fmt::format("<desc>Daily pain on the 0-10 scale from a backcare log of {}; verdict: {}.{}</desc>\n",
                         counted(m_r.entries, "entry", "entries"), escape_markup(std::string(name_of(m_r.verdict))),
                         sessions);
    m_out += fmt::format("<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", k_width, height);
    m_out += fmt::format("<text x=\"{}\" y=\"28\" font-size=\"16\" font-weight=\"bold\">{}</text>\n", k_left,
                         escape_markup(title));
  }

  // The baseline window as a vertical band, and the zone of clinically
  // important improvement below the baseline as a horizontal one: from the
  // change the verdict needs (important_change), so that chart and verdict
  // agree at any baseline.
  void shading()
  {
    if (!m_r.baseline) {
      return;
    }
    const double left = x(m_r.baseline->first) - 0.5 * (k_right - k_left) / m_span;
    const double right = std::min(k_right, x(m_r.baseline->last) + 0.5 * (k_right - k_left) / m_span);
    m_out += fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"#dbe6f4\"/>\n", left, k_top,
                         right - left, k_bottom - k_top);
    const double base = m_r.baseline->mean;
    if (base > 0) {
      const double threshold = base - important_change(base);
      m_out += fmt::format("<rect class=\"improvement\" x=\"{}\" y=\"{:.1f}\" width=\"{}\" height=\"{:.1f}\" "
                           "fill=\"#d9f0d3\" fill-opacity=\"0.7\"/>\n",
                           k_left, y(threshold), k_right - k_left, k_bottom - y(threshold));
    }
    m_out += fmt::format("<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#4a6fa5\" "
                         "stroke-dasharray=\"6 4\"/>\n",
                         k_left, y(base), k_right, y(base));
  }

  void grid()
  {
    for (int v = 0; v <= 10; v += 2) {
      m_out += fmt::format("<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#e0e0e0\"/>\n", k_left, y(v),
                           k_right, y(v));
      m_out += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n", k_left - 8, y(v) + 4, v);
    }
    m_out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#333333\"/>\n", k_left, k_top,
                         k_bottom);
    m_out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#333333\"/>\n", k_left, k_bottom,
                         k_right);
    const int ticks = std::min(6, m_span);
    for (int i = 0; i < ticks; ++i) {
      const int offset = ticks == 1 ? 0 : i * (m_span - 1) / (ticks - 1);
      const Date day = m_first + std::chrono::days{offset};
      m_out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#333333\"/>\n", x(day),
                           k_bottom, k_bottom + 5);
      const char* anchor = ticks > 1 && i == 0 ? "start" : ticks > 1 && i == ticks - 1 ? "end" : "middle";
      m_out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"{}\">{}</text>\n", x(day), k_bottom + 20, anchor,
                           format_date(day));
    }
    m_out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">Date</text>\n", (k_left + k_right) / 2,
                         k_bottom + 40 + m_lane);
    m_out += fmt::format("<text x=\"18\" y=\"{0}\" text-anchor=\"middle\" transform=\"rotate(-90 18 {0})\">"
                         "Pain (0-10)</text>\n",
                         (k_top + k_bottom) / 2);
  }

  void data()
  {
    std::string points;
    for (const PeriodSummary& p : m_r.periods) {
      points += fmt::format("{:.1f},{:.1f} ", x(std::max(p.start, m_first)), y(p.mean));
    }
    if (!points.empty()) {
      points.pop_back();
      m_out += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"#d95f02\" stroke-width=\"2\"/>\n", points);
    }
    const double radius = m_span > 400 ? 1.5 : 3.0;
    m_out += "<g fill=\"#1b5e9a\">\n";
    for (const DaySummary& day : m_r.days) {
      m_out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{}\"/>\n", x(day.day), y(day.mean), radius);
    }
    m_out += "</g>\n";
  }

  // One mark per session in a row under the dates, at its day; a second
  // session on the same day goes under the first.
  void sessions()
  {
    if (m_r.sessions.empty()) {
      return;
    }
    const double lane = k_bottom + 34;
    m_out += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">Sessions</text>\n", k_left - 8, lane + 4);
    m_out += "<g stroke-width=\"1.5\">\n";
    std::optional<Date> previous;
    int same_day = 0;
    for (const TrendSession& item : m_r.sessions) {
      const Date day = item.day;
      same_day = previous == day ? same_day + 1 : 0;
      previous = day;
      const MarkStyle style = mark_style(item.outcome);
      const double cy = lane + std::min(same_day, 1) * (2 * k_mark + 2);
      m_out += fmt::format("<path class=\"session {}\" d=\"{}\" fill=\"{}\" stroke=\"{}\"><title>{}</title></path>\n",
                           style.name, mark_path(style, x(day), cy), style.fill, style.stroke,
                           escape_markup(mark_title(item)));
    }
    m_out += "</g>\n";
  }

  // The key to the session marks, in its own row.
  void session_legend(double top)
  {
    if (m_r.sessions.empty()) {
      return;
    }
    m_out += fmt::format("<text x=\"{}\" y=\"{}\">sessions:</text>\n", k_left + 6, top);
    double left = k_left + 70;
    for (const std::optional<Outcome>& outcome :
         {std::optional<Outcome>(Outcome::green), std::optional<Outcome>(Outcome::amber),
          std::optional<Outcome>(Outcome::red), std::optional<Outcome>(Outcome::pending), std::optional<Outcome>()}) {
      const MarkStyle style = mark_style(outcome);
      m_out += fmt::format("<path d=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1.5\"/>\n",
                           mark_path(style, left, top - 4), style.fill, style.stroke);
      m_out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", left + 10, top, style.name);
      left += 90;
    }
  }

  double height_of() const { return k_height + m_lane + (m_r.sessions.empty() ? 0 : 22); }

  // The key of the improvement zone: where it starts below this baseline,
  // and the rule behind it.
  std::string improvement_words() const
  {
    if (!m_r.baseline || m_r.baseline->mean <= 0) {
      return "clinically important improvement: 2 points or 30% below baseline, never under 1 point (Ostelo 2008)";
    }
    const std::string points = fmt::format("{:.1f}", round1(important_change(m_r.baseline->mean)));
    return fmt::format("clinically important improvement: {} point{} or more below baseline (2 points or 30%, "
                       "never under 1; Ostelo 2008)",
                       points, points == "1.0" ? "" : "s");
  }

  void legend()
  {
    const double top = k_bottom + 62 + m_lane;
    m_out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"#1b5e9a\"/>\n", k_left + 6, top - 4);
    m_out += fmt::format("<text x=\"{}\" y=\"{}\">daily value</text>\n", k_left + 16, top);
    m_out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#d95f02\" stroke-width=\"2\"/>\n",
                         k_left + 110, top - 4, k_left + 134, top - 4);
    m_out += fmt::format("<text x=\"{}\" y=\"{}\">{} mean</text>\n", k_left + 140, top,
                         m_r.request.by == PeriodKind::day    ? "daily"
                         : m_r.request.by == PeriodKind::week ? "weekly"
                                                              : "monthly");
    m_out +=
        fmt::format("<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"10\" fill=\"#dbe6f4\"/>\n", k_left + 250, top - 9);
    m_out +=
        fmt::format("<text x=\"{}\" y=\"{}\">baseline (first 7 days, dashed: its mean)</text>\n", k_left + 270, top);
    m_out +=
        fmt::format("<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"10\" fill=\"#d9f0d3\"/>\n", k_left + 6, top + 11);
    m_out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", k_left + 26, top + 20, improvement_words());
    session_legend(top + 42);
  }

  const TrendReport& m_r;
  Date m_first;
  double m_lane;
  int m_span = 1;
  std::string m_out;
};

} // namespace

std::string render_trend_svg(const TrendReport& report)
{
  if (report.entries == 0) {
    return fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"120\" viewBox=\"0 0 {0} 120\" "
                       "font-family=\"sans-serif\">\n<title>Back pain</title>\n"
                       "<text x=\"20\" y=\"60\">No entries in this range yet.</text>\n</svg>\n",
                       k_width);
  }
  return Chart(report).draw();
}

} // namespace backcare
