#include "backcare/core/entry.hpp"
#include "backcare/core/psfs_codec.hpp"
#include "backcare/render/psfs.hpp"
#include "backcare/store/files.hpp"
#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <numeric>

namespace backcare::cli {
namespace {

struct MeasureOptions {
  std::vector<std::string> scores;
  std::string at;
  bool new_activities = false;
  std::string since;
  std::string until;
  std::string format;
  std::string output;
  std::string file;
};

// The ratings up to `at` (those a new rating follows), oldest first.
std::vector<PsfsRating> ratings_before(const PainLog& log, const std::string& at)
{
  std::vector<PsfsRating> ratings = log.psfs_ratings({std::nullopt, date_of(at)});
  std::erase_if(ratings, [&](const PsfsRating& rating) { return rating.at > at; });
  return ratings;
}

int run_psfs(const MeasureOptions& o, const Context& context)
{
  const Date today = context.today();
  PsfsRating rating;
  rating.at = o.at.empty() ? context.now_at() : parse_at(o.at, context);
  for (const std::string& item : o.scores) {
    rating.scores.push_back(parse_psfs_item(item));
  }
  if (const std::string problem = psfs_problem(rating, today); !problem.empty()) {
    throw usage_error("ACTIVITY=SCORE: " + problem);
  }
  // Checked against the log before anything is created or written.
  std::vector<PsfsRating> earlier = ratings_before(*open_log(context, LogAccess::read), rating.at);
  const PsfsRating matched = match_activities(rating, earlier, o.new_activities);
  PsfsRating stored = matched;
  stored.id = open_log(context, LogAccess::write)->add_psfs(matched);
  tell_saved(fmt::format("saved PSFS rating {}", stored.id), [&] {
    earlier.push_back(stored);
    return render_psfs_added(stored, psfs_trend(earlier));
  });
  return 0;
}

int run_list(const MeasureOptions& o, const Context& context)
{
  const auto format = parse_choice<ListFormat>("--format", o.format.empty() ? "text" : o.format);
  const EntryFilter filter = parse_date_range(o.since, o.until, context.today());
  Style style;
  style.color = context.use_color(true);
  style.width = context.text_width(true);
  write_output("", render_psfs_list(format, open_log(context, LogAccess::read)->psfs_ratings(filter), style));
  return 0;
}

int run_export(const MeasureOptions& o, const Context& context)
{
  write_output(o.output,
               render_psfs_list(ListFormat::json, open_log(context, LogAccess::read)->psfs_ratings({}), Style{}));
  return 0;
}

// The ratings of an import file with their activities matched, as
// measure psfs matches them, against the log's and the file's ratings
// before each: a typo never starts a new series. Exit 65 naming the rating.
std::vector<PsfsRating> matched_import(const std::string& file, std::vector<PsfsRating> ratings,
                                       std::vector<PsfsRating> stored)
{
  std::vector<std::size_t> order(ratings.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return ratings[a].at < ratings[b].at; });
  for (const std::size_t i : order) {
    std::vector<PsfsRating> earlier = stored;
    std::erase_if(earlier, [&](const PsfsRating& r) { return r.at > ratings[i].at; });
    std::stable_sort(earlier.begin(), earlier.end(),
                     [](const PsfsRating& a, const PsfsRating& b) { return a.at < b.at; });
    try {
      ratings[i] = match_imported_activities(ratings[i], earlier);
    } catch (const Error& e) {
      throw Error(ExitCode::data, fmt::format("{}: rating {} ({}): {}", file, i + 1, ratings[i].at, e.what()));
    }
    stored.push_back(ratings[i]);
  }
  return ratings;
}

int run_import(const MeasureOptions& o, const Context& context)
{
  const std::string text = read_input_file(o.file, "measure import");
  const auto ratings = matched_import(o.file, read_psfs_json(o.file, text, context.today()),
                                      open_log(context, LogAccess::read)->psfs_ratings({}));
  const ImportResult result = open_log(context, LogAccess::write)->import_psfs(ratings);
  const char* const noun = result.added == 1 ? "rating" : "ratings";
  tell_saved(fmt::format("imported {} PSFS {}", result.added, noun), [&] {
    return fmt::format("Imported {} PSFS {} ({} already in the log).\n", result.added, noun, result.skipped);
  });
  return 0;
}

CLI::App* add(CLI::App& parent, const char* name, const char* help, const char* example,
              const std::shared_ptr<MeasureOptions>& options, const Context& context, Action& action,
              int (*run)(const MeasureOptions&, const Context&))
{
  CLI::App* sub = parent.add_subcommand(name, help);
  sub->footer(fmt::format("Example:\n  {}", example));
  on_parsed(*sub, action, [options, &context, run] { return run(*options, context); });
  return sub;
}

} // namespace

void setup_measure(CLI::App& app, Context& context, Action& action)
{
  auto o = std::make_shared<MeasureOptions>();
  CLI::App* measure = app.add_subcommand("measure", "Rate how well you do the activities your back makes hard (PSFS)");
  measure->require_subcommand(1);
  measure->footer(
      "The Patient-Specific Functional Scale (Stratford et al. 1995): name 3-5 activities you find\n"
      "hard and rate each 0 (unable) to 10 (as before the problem). Rate the same activities again\n"
      "every week or two: 2 points on the mean (3 on one activity) is a change that matters.\n"
      "'log undo' takes the last rating or import back.\n\n"
      "Example:\n  backcare measure psfs \"lift the car seat=3\" \"walk 30 minutes=5\" \"sleep on my side=4\"");

  CLI::App* psfs = add(*measure, "psfs", "Save a PSFS rating: 3-5 activities, each scored 0-10",
                       "backcare measure psfs \"lift the car seat=3\" \"walk 30 minutes=5\" \"sleep on my side=4\"", o,
                       context, action, run_psfs);
  psfs->add_option("scores", o->scores, "3-5 activities with their scores, 0 (unable) to 10 (as before)")
      ->type_name("ACTIVITY=SCORE...");
  psfs->add_option("--at", o->at, "When: YYYY-MM-DD or YYYY-MM-DDTHH:MM (default now)")->type_name("DATETIME");
  psfs->add_flag("--new-activities", o->new_activities,
                 "Start a new set of activities (otherwise the names must be those you rated before)");

  CLI::App* list = add(*measure, "list", "Show the PSFS ratings and the change that matters",
                       "backcare measure list --format csv", o, context, action, run_list);
  list->add_option("--since", o->since, "From this date")->type_name("DATE");
  list->add_option("--until", o->until, "Up to this date")->type_name("DATE");
  context.options.choices(
      list->add_option("--format", o->format, choice_help<ListFormat>(ListFormat::text))->type_name("FORMAT"),
      names_of<ListFormat>());

  CLI::App* exp = add(*measure, "export", "Write every PSFS rating as JSON (for measure import)",
                      "backcare measure export --output psfs.json", o, context, action, run_export);
  exp->add_option("--output", o->output, "Write to FILE (atomically) instead of stdout")->type_name("FILE");

  CLI::App* imp = add(*measure, "import", "Add PSFS ratings from a measure export (all or nothing)",
                      "backcare measure import psfs.json", o, context, action, run_import);
  imp->add_option("file", o->file, "JSON file written by measure export")->required()->type_name("FILE");
  reject_empty_values(*measure, context.options);
}

} // namespace backcare::cli
