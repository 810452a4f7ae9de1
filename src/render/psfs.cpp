#include "backcare/render/psfs.hpp"

#include "backcare/core/entry.hpp"
#include "backcare/core/psfs_codec.hpp"
#include "backcare/core/text.hpp"
#include "backcare/render/format_table.hpp"
#include "psfs_words.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace backcare {
namespace {

using Json = nlohmann::ordered_json;

std::size_t text_columns(std::string_view text)
{
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// "lift the car seat 2, walk 30 minutes 4, ..." in lines of at most
// `room` columns after the first, breaking only between activities.
std::string scores_of(const PsfsRating& rating, std::size_t room, const std::string& indent)
{
  std::string out;
  std::size_t line = 0;
  for (std::size_t i = 0; i < rating.scores.size(); ++i) {
    const PsfsScore& item = rating.scores[i];
    std::string piece =
        fmt::format("{} {}{}", escape_control(item.activity), item.score, i + 1 < rating.scores.size() ? "," : "");
    const std::size_t width = text_columns(piece);
    if (line > 0 && line + 1 + width > room) {
      out += "\n" + indent;
      line = 0;
    } else if (line > 0) {
      out += ' ';
      ++line;
    }
    out += piece;
    line += width;
  }
  return out;
}

std::string list_text(const std::vector<PsfsRating>& ratings, const Style& style)
{
  if (ratings.empty()) {
    return "No PSFS ratings yet. Name 3-5 activities your back makes hard and rate each 0 (unable) to 10 (as "
           "before), such as:\n  backcare measure psfs \"lift the car seat=3\" \"walk 30 minutes=5\" "
           "\"sleep on my side=4\"\n";
  }
  std::string out =
      paint(fmt::format("{:>5}  {:<16}  {:>4}  {}", "id", "at", "mean", "scores (0 unable - 10 as before)"),
            Paint::bold, style)
      + "\n";
  // The scores wrap under their column, so that a line never passes the width.
  const std::string indent(31, ' ');
  const std::size_t room = static_cast<std::size_t>(std::max(20, style.width - 31));
  for (const PsfsRating& rating : ratings) {
    out += fmt::format("{:>5}  {:<16}  {:>4.1f}  {}\n", rating.id, rating.at, psfs_round(rating.mean()),
                       scores_of(rating, room, indent));
  }
  const PsfsTrend trend = psfs_trend(ratings);
  return out + "\n" + wrap(words::psfs_change(trend), style.width, "", "");
}

std::string list_json(const std::vector<PsfsRating>& ratings)
{
  std::string out = "[";
  for (std::size_t i = 0; i < ratings.size(); ++i) {
    out += (i == 0 ? "\n  " : ",\n  ") + psfs_json(ratings[i]);
  }
  return out + (ratings.empty() ? "]\n" : "\n]\n");
}

std::string list_csv(const std::vector<PsfsRating>& ratings)
{
  std::string out = psfs_csv_header();
  for (const PsfsRating& rating : ratings) {
    out += psfs_csv(rating);
  }
  return out;
}

struct ListRendering {
  const std::vector<PsfsRating>& ratings;
  const Style& style;
};

using ListRenderer = std::string (*)(const ListRendering&);

constexpr std::array<FormatRenderer<ListFormat, ListRenderer>, 3> k_list_renderers{{
    {ListFormat::text, [](const ListRendering& r) { return list_text(r.ratings, r.style); }},
    {ListFormat::json, [](const ListRendering& r) { return list_json(r.ratings); }},
    {ListFormat::csv, [](const ListRendering& r) { return list_csv(r.ratings); }},
}};
static_assert(covers_every_format(k_list_renderers), "every list format needs a PSFS renderer, in enum order");

} // namespace

std::string words::psfs_change(const PsfsTrend& trend)
{
  if (trend.empty()) {
    return "No PSFS rating yet.";
  }
  const PsfsRating& first = trend.ratings.front();
  const std::string earlier = trend.earlier_ratings == 0
                                  ? ""
                                  : fmt::format(" ({} earlier rating{} of other activities not compared.)",
                                                trend.earlier_ratings, trend.earlier_ratings == 1 ? "" : "s");
  if (!trend.change) {
    return fmt::format("One rating of these activities so far (mean {:.1f} on {}); a change needs a second rating of "
                       "the same activities.{}",
                       psfs_round(first.mean()), format_date(date_of(first.at)), earlier);
  }
  const PsfsRating& last = trend.ratings.back();
  const std::string verdict = trend.verdict == Verdict::improved ? "a meaningful improvement"
                              : trend.verdict == Verdict::worse  ? "a meaningful worsening"
                                                                 : "less than the 2 points that matter";
  // When the mean did not move by 2, the activities that moved by 3 or
  // more on their own (the report marks them too).
  std::vector<std::string> moved;
  for (const PsfsActivityChange& item : trend.activity_changes) {
    if (item.important && trend.verdict == Verdict::no_meaningful_change) {
      moved.push_back(fmt::format("{} {:+}", item.activity, item.change));
    }
  }
  const std::string activities =
      moved.empty() ? ""
                    : fmt::format(" Still, a meaningful change for {}: {}.",
                                  moved.size() == 1 ? "one activity" : "these activities", fmt::join(moved, "; "));
  return fmt::format("PSFS mean {:.1f} on {} to {:.1f} on {}: {:+.1f} points, {} (the smallest change that matters "
                     "is 2 points for the mean, 3 for one activity).{}{}",
                     psfs_round(first.mean()), format_date(date_of(first.at)), psfs_round(last.mean()),
                     format_date(date_of(last.at)), psfs_round(*trend.change), verdict, activities, earlier);
}

Json words::psfs_json(const PsfsTrend& trend)
{
  Json ratings = Json::array();
  for (const PsfsRating& rating : trend.ratings) {
    Json scores = Json::array();
    for (const PsfsScore& item : rating.scores) {
      scores.push_back({{"activity", item.activity}, {"score", item.score}});
    }
    ratings.push_back({{"date", format_date(date_of(rating.at))},
                       {"at", rating.at},
                       {"mean", psfs_round(rating.mean())},
                       {"scores", std::move(scores)}});
  }
  Json changes = Json::array();
  for (const PsfsActivityChange& change : trend.activity_changes) {
    changes.push_back({{"activity", change.activity},
                       {"first", change.first},
                       {"last", change.last},
                       {"change", change.change},
                       {"important", change.important}});
  }
  Json j;
  j["activities"] = trend.activities;
  j["ratings"] = std::move(ratings);
  j["earlier_ratings"] = trend.earlier_ratings;
  j["change"] = trend.change ? Json(psfs_round(*trend.change)) : Json(nullptr);
  j["verdict"] = name_of(trend.verdict);
  j["important_change"] = {{"mean", k_psfs_mean_change}, {"activity", k_psfs_activity_change}};
  j["activity_changes"] = std::move(changes);
  return j;
}

std::string render_psfs_list(ListFormat format, const std::vector<PsfsRating>& ratings, const Style& style)
{
  return k_list_renderers[static_cast<std::size_t>(format)].render({ratings, style});
}

std::string render_psfs_added(const PsfsRating& stored, const PsfsTrend& after)
{
  std::string out =
      fmt::format("PSFS rating {} saved ({}): mean {:.1f}/10.", stored.id, stored.at, psfs_round(stored.mean()));
  if (after.ratings.size() < 2) {
    return out + " Rate the same activities again in a week or two to see the change.\n";
  }
  return out + " " + words::psfs_change(after) + "\n";
}

std::string render_psfs_trend_text(const PsfsTrend& trend, const Style& style)
{
  if (trend.empty()) {
    return "";
  }
  std::string series;
  for (const PsfsRating& rating : trend.ratings) {
    series += fmt::format("{}{} {:.1f}", series.empty() ? "" : ", ", format_date(date_of(rating.at)),
                          psfs_round(rating.mean()));
  }
  return "\n" + paint("Function (PSFS: 0 unable to 10 as before, mean of your activities)", Paint::bold, style) + "\n"
         + wrap(series + ".", style.width, "  ", "  ") + wrap(words::psfs_change(trend), style.width, "  ", "  ");
}

std::string add_psfs_to_trend_json(const std::string& trend_json, const PsfsTrend& trend)
{
  if (trend.empty()) {
    return trend_json;
  }
  Json doc = Json::parse(trend_json);
  doc["psfs"] = words::psfs_json(trend);
  return doc.dump(2) + "\n";
}

} // namespace backcare
