#include "backcare/render/trend.hpp"
#include "tiny_catalog.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <map>
#include <regex>
#include <sstream>
#include <vector>

using namespace backcare;
using Json = nlohmann::ordered_json;

namespace {

Date d(const char* text)
{
  return *parse_date(text);
}

DaySummary day(const char* date, double mean, int entries = 1, int min = -1, int max = -1)
{
  const int rounded = static_cast<int>(mean);
  return {d(date), entries, mean, min < 0 ? rounded : min, max < 0 ? rounded : max};
}

TrendRequest request(PeriodKind by = PeriodKind::week)
{
  TrendRequest r;
  r.as_of = d("2026-11-26");
  r.by = by;
  return r;
}

// Nine logged days from 6/10 down to 3.5/10 (improved), week 12 after birth,
// with a referral from the log and a note from the catalog.
TrendReport sample(PeriodKind by = PeriodKind::week)
{
  const std::vector<DaySummary> days{
      day("2026-11-01", 6, 2, 5, 7), day("2026-11-02", 6), day("2026-11-04", 6),
      day("2026-11-10", 0),          day("2026-11-11", 0), day("2026-11-12", 0),
      day("2026-11-20", 3),          day("2026-11-22", 3), day("2026-11-26", 3.5, 2, 3, 4)};
  TrendRequest r = request(by);
  r.birth_date = d("2026-09-01");
  r.referrals = {tiny_catalog().find_rule("long-pain")};
  return make_trend(tiny_catalog(), r, days);
}

// Three days at `first` in the first week and three at `last` in the last 7.
TrendReport two_weeks(double first, double last)
{
  return make_trend(tiny_catalog(), request(),
                    {day("2026-11-01", first), day("2026-11-02", first), day("2026-11-03", first),
                     day("2026-11-24", last), day("2026-11-25", last), day("2026-11-26", last)});
}

bool has(const std::string& text, std::string_view part)
{
  return text.find(part) != std::string::npos;
}

bool is_ascii(const std::string& text)
{
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// ---- A small SVG reader -----------------------------------------------------

struct Tag {
  std::string name;
  std::map<std::string, std::string> attributes;
  bool closing = false;
  bool self_closing = false;
};

// The tags of `svg` in order; text between them is not kept.
std::vector<Tag> tags_of(const std::string& svg)
{
  static const std::regex k_attribute(R"re(([a-zA-Z:-]+)="([^"<>]*)")re");
  std::vector<Tag> tags;
  for (std::size_t open = svg.find('<'); open != std::string::npos; open = svg.find('<', open + 1)) {
    const std::size_t close = svg.find('>', open);
    REQUIRE(close != std::string::npos);
    std::string inside = svg.substr(open + 1, close - open - 1);
    Tag tag;
    tag.closing = inside.starts_with("/");
    tag.self_closing = inside.ends_with("/");
    const std::size_t start = tag.closing ? 1 : 0;
    tag.name = inside.substr(start, inside.find_first_of(" /", start) - start);
    for (std::sregex_iterator it(inside.begin(), inside.end(), k_attribute), end; it != end; ++it) {
      tag.attributes[(*it)[1]] = (*it)[2];
    }
    tags.push_back(std::move(tag));
  }
  return tags;
}

// What makes `svg` not well-formed, or empty: one root, every tag closed in
// order, every '&' an entity, nothing outside the root.
std::string svg_problem(const std::string& svg)
{
  if (!svg.starts_with("<svg ") || !svg.ends_with("</svg>\n")) {
    return "not one <svg> element";
  }
  static const std::regex k_stray_ampersand(R"(&(?!(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);))");
  if (std::regex_search(svg, k_stray_ampersand)) {
    return "an '&' that is not an entity";
  }
  std::vector<std::string> open;
  int roots = 0;
  for (const Tag& tag : tags_of(svg)) {
    if (tag.closing) {
      if (open.empty() || open.back() != tag.name) {
        return "</" + tag.name + "> closes " + (open.empty() ? std::string("nothing") : "<" + open.back() + ">");
      }
      open.pop_back();
      continue;
    }
    if (open.empty()) {
      ++roots;
    }
    if (!tag.self_closing) {
      open.push_back(tag.name);
    }
  }
  if (!open.empty()) {
    return "<" + open.back() + "> is never closed";
  }
  return roots == 1 ? "" : "more than one root element";
}

double number(const Tag& tag, const std::string& attribute)
{
  return std::stod(tag.attributes.at(attribute));
}

// The viewBox's width and height.
std::pair<double, double> view_size(const std::vector<Tag>& tags)
{
  REQUIRE_FALSE(tags.empty());
  std::istringstream box(tags.front().attributes.at("viewBox"));
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
  box >> x >> y >> width >> height;
  CHECK(x == 0);
  CHECK(y == 0);
  return {width, height};
}

// Every coordinate of every shape lies inside the viewBox.
void check_inside_view(const std::string& svg)
{
  const std::vector<Tag> tags = tags_of(svg);
  const auto [width, height] = view_size(tags);
  for (const Tag& tag : tags) {
    CAPTURE(tag.name);
    for (const auto& [name, value] : tag.attributes) {
      CAPTURE(name);
      if (name == "x" || name == "cx" || name == "x1" || name == "x2") {
        CHECK(std::stod(value) >= 0);
        CHECK(std::stod(value) <= width);
      } else if (name == "y" || name == "cy" || name == "y1" || name == "y2") {
        CHECK(std::stod(value) >= 0);
        CHECK(std::stod(value) <= height);
      }
    }
    if (tag.name == "rect" && tag.attributes.count("x")) {
      CHECK(number(tag, "x") + number(tag, "width") <= width + 0.1);
      CHECK(number(tag, "y") + number(tag, "height") <= height + 0.1);
    }
    if (tag.name == "polyline") {
      std::istringstream points(tag.attributes.at("points"));
      for (std::string point; points >> point;) {
        const auto comma = point.find(',');
        REQUIRE(comma != std::string::npos);
        CHECK(std::stod(point.substr(0, comma)) >= 0);
        CHECK(std::stod(point.substr(0, comma)) <= width);
        CHECK(std::stod(point.substr(comma + 1)) >= 0);
        CHECK(std::stod(point.substr(comma + 1)) <= height);
      }
    }
  }
}

// The data marks: the circles of the group filled with the data colour.
std::vector<Tag> marks_of(const std::string& svg)
{
  std::vector<Tag> marks;
  bool in_group = false;
  for (const Tag& tag : tags_of(svg)) {
    if (tag.name == "g") {
      in_group = !tag.closing && tag.attributes.count("fill") && tag.attributes.at("fill") == "#1b5e9a";
    } else if (in_group && tag.name == "circle") {
      marks.push_back(tag);
    }
  }
  return marks;
}

std::string element_text(const std::string& svg, const std::string& name)
{
  const std::string open = "<" + name + ">";
  const auto start = svg.find(open);
  const auto end = svg.find("</" + name + ">");
  REQUIRE(start != std::string::npos);
  REQUIRE(end != std::string::npos);
  return svg.substr(start + open.size(), end - start - open.size());
}

} // namespace

TEST_CASE("round1")
{
  CHECK(round1(2.24) == 2.2);
  CHECK(round1(2.25) == 2.3);
  CHECK(round1(-2.25) == -2.3);
  CHECK(round1(-0.04) == 0.0);
  CHECK_FALSE(std::signbit(round1(-0.04))); // never "-0.0"
}

TEST_CASE("render_trend_text: a report")
{
  const std::string text = render_trend_text(sample(), Style{});
  CHECK(text.starts_with("backcare trend for 2026-11-26\n"
                         "11 entries on 9 of 26 days, 2026-11-01 to 2026-11-26; week 12 after birth.\n\n"
                         "Improved: pain fell from 6.0 in the first week to 3.2 in the last 7 days (-2.8\n"
                         "points, -47.2%). That is at least the clinically important change (2 points, or\n"
                         "30% of the first week but never under 1 point).\n"
                         "Trend: -0.8 points a week. Longest pain-free streak: 3 days.\n\n"
                         "Week of     entries  mean  min  max\n"
                         "2026-10-26        2   6.0    5    7  "
                         "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588"
                         "\u2588\u2588\u2588\u2588\u2588\n"));
  CHECK(has(text, "2026-11-09        3   0.0    0    0  \n"));
  CHECK(has(text, "\nDaily values, 2026-11-01 to 2026-11-26 (0-10; blank: not logged):\n"
                  "\u2585\u2585 \u2585     \u2581\u2581\u2581       \u2583 \u2583   \u2583\n"));
  CHECK(has(text, "\nNotes\n"
                  "  - Book: physiotherapist. Long-lasting pain deserves an assessment.\n"
                  "  - Most pain eases within three months; you are at week 12.\n"));
  CHECK(text.ends_with("\nThis is a summary of your own log, not a diagnosis.\n"));
  CHECK_FALSE(has(text, "\x1b["));
}

TEST_CASE("render_trend_text: ASCII when the locale is not UTF-8")
{
  Style ascii;
  ascii.unicode = false;
  const std::string text = render_trend_text(sample(), ascii);
  CHECK(is_ascii(text));
  CHECK(has(text, "2026-10-26        2   6.0    5    7  ##################\n")); // 6/10 of 30 cells
  CHECK(has(text, "2026-11-23        2   3.5    3    4  ###########\n"));
  CHECK(has(text, ":\n66 6     000       3 3   4\n")); // one character a day, a space for a day not logged
  Style unicode;
  CHECK_FALSE(is_ascii(render_trend_text(sample(), unicode)));
}

TEST_CASE("render_trend_text: the verdict in words, coloured by what it means")
{
  Style color;
  color.color = true;
  SUBCASE("worse")
  {
    const std::string text = render_trend_text(two_weeks(2, 5), color);
    CHECK(has(text, "\n\n\x1b[31mWorse: pain rose from 2.0 in the first week to 5.0 in the last 7 days (+3.0\n"
                    "points, +150.0%). That is at least the clinically important change"));
  }
  SUBCASE("no meaningful change")
  {
    const std::string text = render_trend_text(two_weeks(4, 3.5), color);
    CHECK(has(text, "\x1b[33mNo meaningful change: pain went from 4.0 in the first week to 3.5 in the last 7\n"
                    "days (-0.5 points, -12.5%), less than the clinically important change"));
  }
  SUBCASE("improved")
  {
    CHECK(has(render_trend_text(two_weeks(6, 2), color), "\x1b[32mImproved: pain fell from 6.0"));
  }
  SUBCASE("from a baseline of 0 there is no percentage")
  {
    CHECK(has(render_trend_text(two_weeks(0, 3), Style{}), "(+3.0\npoints). That is at least"));
  }
  SUBCASE("not enough data, with the reason")
  {
    const TrendReport one_day = make_trend(tiny_catalog(), request(), {day("2026-11-26", 4)});
    const std::string text = render_trend_text(one_day, color);
    CHECK(has(text, "1 entry on 1 of 1 day, 2026-11-26 to 2026-11-26.\n"));
    CHECK(has(text, "Not enough data for a verdict yet: the first week of the log (2026-11-26 to\n"
                    "2026-12-02) overlaps the last 7 days; a verdict needs at least two weeks of\n"
                    "logging. Keep logging.\n"));
    CHECK(has(text, "Trend: needs at least 2 logged days. Longest pain-free streak: 0 days.\n"));
  }
}

TEST_CASE("render_trend_text: periods by day and by month")
{
  CHECK(has(render_trend_text(sample(PeriodKind::day), Style{}), "\nDay         entries  mean  min  max\n"));
  const std::string months = render_trend_text(sample(PeriodKind::month), Style{});
  CHECK(has(months, "\nMonth of    entries  mean  min  max\n2026-11-01       11   3.1    0    7  "));
}

TEST_CASE("render_trend_text: the daily values cover the last 72 days at most")
{
  std::vector<DaySummary> days;
  for (Date date = d("2026-08-01"); date <= d("2026-11-26"); date += std::chrono::days{1}) {
    days.push_back({date, 1, 1, 1, 1});
  }
  Style ascii;
  ascii.unicode = false;
  const std::string text = render_trend_text(make_trend(tiny_catalog(), request(), days), ascii);
  CHECK(has(text, "Daily values, 2026-09-16 to 2026-11-26 (0-10; blank: not logged):\n" + std::string(72, '1') + "\n"));
}

TEST_CASE("render_trend_text: an empty report")
{
  CHECK(render_trend_text(make_trend(tiny_catalog(), request(), {}), Style{})
        == "backcare trend for 2026-11-26\n"
           "No entries in this range yet. Log your pain with: backcare log add SEVERITY\n");
}

TEST_CASE("render_trend_json")
{
  const Json doc = Json::parse(render_trend_json(sample()));
  std::vector<std::string> keys;
  for (const auto& item : doc.items()) {
    keys.push_back(item.key());
  }
  CHECK(keys
        == std::vector<std::string>{"schema_version", "as_of", "entries", "first", "last", "periods", "baseline",
                                    "recent", "change", "verdict", "slope_per_week", "flags", "by", "days_logged",
                                    "days_in_range", "longest_pain_free_streak", "weeks_postpartum", "sessions"});
  CHECK(doc["schema_version"] == 1);
  CHECK(doc["as_of"] == "2026-11-26");
  CHECK(doc["entries"] == 11);
  CHECK(doc["first"] == "2026-11-01");
  CHECK(doc["last"] == "2026-11-26");
  REQUIRE(doc["periods"].size() == 5);
  CHECK(doc["periods"][0]
        == Json::parse(R"({"start": "2026-10-26", "entries": 2, "mean": 6.0, "min": 5, "max": 7, "sessions": {"done": 0,
            "skipped": 0, "green": 0, "amber": 0, "red": 0, "pending": 0, "planned": null, "adherence_percent": null,
            "mean_pain_during": null}})"));
  CHECK(doc["periods"][4]["mean"] == 3.5);
  CHECK(doc["baseline"] == Json::parse(R"({"mean": 6.0, "days": 3, "first": "2026-11-01", "last": "2026-11-07"})"));
  CHECK(doc["recent"] == Json::parse(R"({"mean": 3.2, "days": 3, "first": "2026-11-20", "last": "2026-11-26"})"));
  CHECK(doc["change"] == Json::parse(R"({"points": -2.8, "percent": -47.2})"));
  CHECK(doc["verdict"] == "improved");
  CHECK(doc["slope_per_week"] == -0.8);
  REQUIRE(doc["flags"].size() == 2);
  CHECK(doc["flags"][0] == Json::parse(R"({"id": "long-pain", "message": "Long-lasting pain deserves an assessment.",
                                           "source": "tiny duration source", "refer_to": "physiotherapist", "level": "refer"})"));
  CHECK(doc["flags"][1]["refer_to"] == "");
  CHECK(doc["flags"][1]["level"] == "self-care");
  CHECK(doc["by"] == "week");
  CHECK(doc["days_logged"] == 9);
  CHECK(doc["days_in_range"] == 26);
  CHECK(doc["longest_pain_free_streak"] == 3);
  CHECK(doc["weeks_postpartum"] == 12);
  SUBCASE("every period kind by its name")
  {
    for (const PeriodKind by : values_of<PeriodKind>()) {
      CHECK(Json::parse(render_trend_json(sample(by)))["by"] == name_of(by));
    }
  }
  SUBCASE("a baseline of 0 has no percentage")
  {
    CHECK(Json::parse(render_trend_json(two_weeks(0, 3)))["change"]
          == Json::parse(R"({"points": 3.0, "percent": null})"));
  }
  SUBCASE("an empty report: nulls, not zeros")
  {
    const Json empty = Json::parse(render_trend_json(make_trend(tiny_catalog(), request(), {})));
    CHECK(empty["entries"] == 0);
    CHECK(empty["first"].is_null());
    CHECK(empty["last"].is_null());
    CHECK(empty["periods"] == Json::array());
    CHECK(empty["baseline"].is_null());
    CHECK(empty["recent"].is_null());
    CHECK(empty["change"].is_null());
    CHECK(empty["verdict"] == "insufficient-data");
    CHECK(empty["slope_per_week"].is_null());
    CHECK(empty["flags"] == Json::array());
    CHECK(empty["weeks_postpartum"].is_null());
  }
}

TEST_CASE("render_trend_csv")
{
  CHECK(render_trend_csv(sample())
        == "start,entries,mean,min,max,sessions_done,sessions_skipped,sessions_red,adherence_percent\r\n"
           "2026-10-26,2,6.0,5,7,0,0,0,\r\n"
           "2026-11-02,2,6.0,6,6,0,0,0,\r\n"
           "2026-11-09,3,0.0,0,0,0,0,0,\r\n"
           "2026-11-16,2,3.0,3,3,0,0,0,\r\n"
           "2026-11-23,2,3.5,3,4,0,0,0,\r\n");
  CHECK(render_trend_csv(make_trend(tiny_catalog(), request(), {}))
        == "start,entries,mean,min,max,sessions_done,sessions_skipped,sessions_red,adherence_percent\r\n");
}

TEST_CASE("render_trend_svg: a chart")
{
  const TrendReport report = sample();
  const std::string svg = render_trend_svg(report);
  CHECK(svg_problem(svg) == "");
  const std::vector<Tag> tags = tags_of(svg);
  CHECK(tags.front().name == "svg");
  CHECK(tags.front().attributes.at("xmlns") == "http://www.w3.org/2000/svg");
  CHECK(view_size(tags) == std::pair<double, double>{800, 440});
  SUBCASE("a title and a description for screen readers")
  {
    CHECK(element_text(svg, "title") == "Back pain from 2026-11-01 to 2026-11-26");
    CHECK(element_text(svg, "desc")
          == "Daily pain on the 0-10 scale from a backcare log of 11 entries; verdict: improved.");
  }
  SUBCASE("nothing that runs or loads")
  {
    CHECK_FALSE(has(svg, "<script"));
    CHECK_FALSE(has(svg, "href"));
    CHECK_FALSE(has(svg, "javascript:"));
    CHECK_FALSE(std::regex_search(svg, std::regex(R"(\son[a-z]+=)")));
  }
  SUBCASE("every point inside the viewBox")
  {
    check_inside_view(svg);
  }
  SUBCASE("one mark per logged day, in order, at its value")
  {
    const std::vector<Tag> marks = marks_of(svg);
    REQUIRE(marks.size() == report.days.size());
    for (std::size_t i = 1; i < marks.size(); ++i) {
      CHECK(number(marks[i], "cx") > number(marks[i - 1], "cx"));
    }
    // y = 340 - value / 10 * 284: the plot runs from 340 (0/10) up to 56 (10/10).
    CHECK(number(marks[0], "cy") == doctest::Approx(169.6));
    CHECK(number(marks[3], "cy") == doctest::Approx(340.0));
    CHECK(number(marks[8], "cy") == doctest::Approx(240.6));
    CHECK(marks[0].attributes.at("r") == "3");
  }
}

TEST_CASE("render_trend_svg: the improvement zone starts where the verdict says improved")
{
  // The top of the zone: y = 340 - value / 10 * 284.
  const auto zone_top = [](const std::string& svg) {
    for (const Tag& tag : tags_of(svg)) {
      if (tag.name == "rect" && tag.attributes.count("class") && tag.attributes.at("class") == "improvement") {
        return number(tag, "y");
      }
    }
    FAIL("no improvement zone");
    return 0.0;
  };
  SUBCASE("a low baseline: 30% is under 1 point, so 1 point")
  {
    // From 2.0 to 1.2 is no meaningful change, and the last days stay
    // above the zone; to 1.0 is improved, and they are inside it.
    const TrendReport unchanged = two_weeks(2.0, 1.2);
    CHECK(unchanged.verdict == Verdict::no_meaningful_change);
    const std::string svg = render_trend_svg(unchanged);
    CHECK(zone_top(svg) == doctest::Approx(311.6)); // 1.0/10, not 30% below (1.4/10)
    CHECK(number(marks_of(svg).back(), "cy") < zone_top(svg));
    CHECK(has(svg, "clinically important improvement: 1.0 point or more below baseline"));
    const TrendReport improved = two_weeks(2.0, 1.0);
    CHECK(improved.verdict == Verdict::improved);
    CHECK(number(marks_of(render_trend_svg(improved)).back(), "cy") >= zone_top(render_trend_svg(improved)));
  }
  SUBCASE("a middle baseline: 30%")
  {
    const std::string svg = render_trend_svg(two_weeks(5.0, 4.0));
    CHECK(zone_top(svg) == doctest::Approx(240.6)); // 3.5/10
    CHECK(has(svg, "clinically important improvement: 1.5 points or more below baseline"));
  }
  SUBCASE("a high baseline: 2 points")
  {
    CHECK(zone_top(render_trend_svg(two_weeks(8.0, 7.0))) == doctest::Approx(169.6)); // 6/10
  }
}

TEST_CASE("render_trend_svg: the extremes stay inside the view")
{
  SUBCASE("one day")
  {
    const std::string svg = render_trend_svg(make_trend(tiny_catalog(), request(), {day("2026-11-26", 10)}));
    CHECK(svg_problem(svg) == "");
    check_inside_view(svg);
    const std::vector<Tag> marks = marks_of(svg);
    REQUIRE(marks.size() == 1);
    CHECK(number(marks[0], "cx") == doctest::Approx(422)); // the middle of the plot
    CHECK(number(marks[0], "cy") == doctest::Approx(56));
  }
  SUBCASE("a long log, with smaller marks")
  {
    std::vector<DaySummary> days;
    int n = 0;
    for (Date date = d("2025-06-01"); date <= d("2026-11-26"); date += std::chrono::days{3}) {
      days.push_back({date, 1, static_cast<double>(n % 11), n % 11, n % 11});
      ++n;
    }
    const std::string svg = render_trend_svg(make_trend(tiny_catalog(), request(PeriodKind::month), days));
    CHECK(svg_problem(svg) == "");
    check_inside_view(svg);
    const std::vector<Tag> marks = marks_of(svg);
    CHECK(marks.size() == days.size());
    CHECK(marks.front().attributes.at("r") == "1.5");
  }
}

TEST_CASE("render_trend_svg: an empty report")
{
  const std::string svg = render_trend_svg(make_trend(tiny_catalog(), request(), {}));
  CHECK(svg_problem(svg) == "");
  check_inside_view(svg);
  CHECK(element_text(svg, "title") == "Back pain");
  CHECK(has(svg, ">No entries in this range yet.</text>"));
  CHECK(marks_of(svg).empty());
}

TEST_CASE("svg_problem, the tests' own SVG check, finds what is wrong")
{
  CHECK(svg_problem("<svg a=\"1\">\n<g>\n</svg>\n") == "</svg> closes <g>");
  CHECK(svg_problem("<svg a=\"1\">\n<text>a & b</text>\n</svg>\n") == "an '&' that is not an entity");
  CHECK(svg_problem("<svg a=\"1\">\n</svg>\n<svg b=\"1\">\n</svg>\n") == "more than one root element");
  CHECK(svg_problem("<svg a=\"1\">\n<text>a &amp; b</text>\n<circle r=\"1\"/>\n</svg>\n") == "");
}
