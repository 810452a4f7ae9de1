#include "backcare/core/entry_codec.hpp"
#include "backcare/core/error.hpp"
#include "backcare/render/entries.hpp"
#include "backcare/store/files.hpp"
#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <charconv>
#include <ctime>
#include <limits>
#include <memory>

namespace backcare::cli {
namespace {

// `log export` writes the interchange formats only.
const std::vector<std::string> k_export_formats{std::string(name_of(ListFormat::csv)),
                                                std::string(name_of(ListFormat::json))};

struct LogOptions {
  std::string id;
  std::string severity;
  std::string at;
  std::string location;
  std::vector<std::string> tags;
  std::string note;
  bool note_given = false; // so that `log edit --note ""` clears the note
  std::string since;
  std::string until;
  std::string format;
  std::string output;
  std::string file;
};

void check_tags(const std::vector<std::string>& tags)
{
  for (const std::string& tag : tags) {
    if (tag.empty() || tag.find_first_of(";\r\n") != std::string::npos) {
      throw usage_error(fmt::format("--tag must be non-empty without ';' or line breaks, got '{}'", tag));
    }
    check_text("--tag", tag);
  }
}

std::string said(const Entry& entry)
{
  return fmt::format("{} ({}, severity {}, {})", entry.id, entry.at, entry.severity, severity_band(entry.severity));
}

int run_add(const LogOptions& o, const Context& context)
{
  Entry entry;
  entry.severity = parse_number("SEVERITY", o.severity, 0, 10);
  entry.at = o.at.empty() ? context.now_at() : parse_at(o.at, context, "log pain that has happened");
  if (!o.location.empty()) {
    entry.location = name_of(parse_choice<Location>("--location", o.location));
  }
  check_tags(o.tags);
  entry.tags = o.tags;
  check_text("--note", o.note);
  entry.note = o.note;
  entry.id = open_log(context, LogAccess::write)->add(entry);
  tell_saved(fmt::format("saved entry {}", entry.id), [&] { return fmt::format("Added entry {}.\n", said(entry)); });
  return 0;
}

// Streams the entries in `format` to `output`. On a terminal, CSV has its
// control characters escaped (the text list escapes its own).
void write_entries(const PainLog& log, const EntryFilter& filter, ListFormat format, Output& output, const Style& style,
                   bool terminal)
{
  EntryListWriter writer(format, style);
  const bool escape = terminal && format == ListFormat::csv;
  const auto write = [&](const std::string& text) { output.write(escape ? csv_for_terminal(text) : text); };
  write(writer.begin());
  // Rows are gathered in one buffer and written 64 KiB at a time.
  std::string rows;
  log.for_each(filter, [&](const Entry& entry) {
    rows += writer.row(entry);
    if (rows.size() >= 65536) {
      write(rows);
      rows.clear();
    }
  });
  write(rows);
  write(writer.end());
}

int run_list(const LogOptions& o, const Context& context)
{
  const auto format = parse_choice<ListFormat>("--format", o.format.empty() ? "text" : o.format);
  const EntryFilter filter = parse_date_range(o.since, o.until, context.today());
  Style style;
  style.color = context.use_color(true);
  style.width = context.text_width(true);
  Output output("");
  write_entries(*open_log(context, LogAccess::read), filter, format, output, style, context.stdout_is_terminal);
  output.commit();
  return 0;
}

int run_export(const LogOptions& o, const Context& context)
{
  const std::string format = o.format.empty() ? "csv" : o.format;
  check_choice("--format", format, k_export_formats);
  const EntryFilter filter = parse_date_range(o.since, o.until, context.today());
  Output output(o.output);
  write_entries(*open_log(context, LogAccess::read), filter, *parse_word<ListFormat>(format), output, Style{},
                (o.output.empty() || is_standard_stream(o.output)) && context.stdout_is_terminal);
  output.commit();
  return 0;
}

int run_edit(const LogOptions& o, const Context& context)
{
  const Date now = context.today();
  EntryEdit edit;
  if (!o.severity.empty()) {
    edit.severity = parse_number("--severity", o.severity, 0, 10);
  }
  if (!o.at.empty()) {
    edit.at = parse_at(o.at, context, "log pain that has happened");
  }
  if (!o.location.empty()) {
    edit.location = name_of(parse_choice<Location>("--location", o.location));
  }
  if (!o.tags.empty()) {
    check_tags(o.tags);
    edit.tags = o.tags;
  }
  if (o.note_given) {
    check_text("--note", o.note);
    edit.note = o.note;
  }
  if (!edit.severity && !edit.at && !edit.location && !edit.tags && !edit.note) {
    throw usage_error("log edit: give at least one of --severity, --at, --location, --note, --tag");
  }
  const std::int64_t id = parse_id(o.id);
  const Entry edited = open_log(context, LogAccess::read)->edit(id, edit, now);
  tell_saved(fmt::format("saved the edit of entry {}", id),
             [&] { return fmt::format("Edited entry {}.\n", said(edited)); });
  return 0;
}

int run_rm(const LogOptions& o, const Context& context)
{
  const std::int64_t id = parse_id(o.id);
  const Entry removed = open_log(context, LogAccess::read)->remove(id);
  tell_saved(fmt::format("removed entry {}", id),
             [&] { return fmt::format("Removed entry {}. 'backcare log undo' brings it back.\n", said(removed)); });
  return 0;
}

int run_undo(const Context& context)
{
  const auto undone = open_log(context, LogAccess::read)->undo();
  if (!undone) {
    write_output("", "Nothing to undo.\n");
    return 0;
  }
  tell_saved(fmt::format("undid: {}", *undone), [&] { return fmt::format("Undid: {}.\n", *undone); });
  return 0;
}

int run_import(const LogOptions& o, const Context& context)
{
  const Date now = context.today();
  // From the start: reading the first block of a slow pipe counts too.
  ProgressLine progress(context.stderr_is_terminal, "importing, entries read");
  const std::unique_ptr<std::istream> in = open_input_file(o.file, "log import");
  EntryReader reader(o.file, *in, now);
  std::size_t read = 0;
  const ImportResult result = open_log(context, LogAccess::write)->import([&] {
    auto entry = reader.next();
    progress.update(entry ? ++read : read);
    return entry;
  });
  progress.done();
  tell_saved(fmt::format("imported {} {}", result.added, result.added == 1 ? "entry" : "entries"), [&] {
    return fmt::format("Imported {} {} ({} already in the log).\n", result.added,
                       result.added == 1 ? "entry" : "entries", result.skipped);
  });
  return 0;
}

// Registers a subcommand whose action runs `run` with the shared options.
template <typename Run>
CLI::App* add(CLI::App& parent, const char* name, const char* help, const char* example,
              const std::shared_ptr<LogOptions>& options, const Context& context, Action& action, Run run)
{
  CLI::App* sub = parent.add_subcommand(name, help);
  sub->footer(fmt::format("Example:\n  {}", example));
  on_parsed(*sub, action, [options, &context, run] { return run(*options, context); });
  return sub;
}

} // namespace

void setup_log(CLI::App& app, Context& context, Action& action)
{
  auto o = std::make_shared<LogOptions>();
  CLI::App* log = app.add_subcommand("log", "Keep a pain diary: add, list, edit, remove, undo, export, import");
  log->require_subcommand(1);
  log->footer("Example:\n  backcare log add 4 --location pelvis --tag night --note \"after carrying the car seat\"\n"
              "  backcare log list --since 2026-11-01");
  const std::string locations = "Where it hurts: " + choice_help<Location>(Location::low_back);

  CLI::App* add_cmd = add(*log, "add", "Add an entry: pain now, 0-10",
                          "backcare log add 4 --at 2026-11-25T08:30 --tag night", o, context, action, run_add);
  add_cmd->add_option("severity", o->severity, "Pain on the 0-10 scale")->required()->type_name("SEVERITY");
  add_cmd->add_option("--at", o->at, "When: YYYY-MM-DD or YYYY-MM-DDTHH:MM (default now)")->type_name("DATETIME");
  context.options.choices(add_cmd->add_option("--location", o->location, locations)->type_name("L"),
                          names_of<Location>());
  add_cmd->add_option("--tag", o->tags, "Repeatable tag")->type_name("T");
  context.options.allow_empty(add_cmd->add_option("--note", o->note, "Free text")->type_name("TEXT"));

  CLI::App* list = add(*log, "list", "Show entries, oldest first", "backcare log list --since 2026-11-01", o, context,
                       action, run_list);
  list->add_option("--since", o->since, "From this date")->type_name("DATE");
  list->add_option("--until", o->until, "Up to this date")->type_name("DATE");
  context.options.choices(
      list->add_option("--format", o->format, choice_help<ListFormat>(ListFormat::text))->type_name("FORMAT"),
      names_of<ListFormat>());

  CLI::App* edit = add(*log, "edit", "Change an entry", "backcare log edit 12 --severity 3 --note \"after a walk\"", o,
                       context, action, run_edit);
  edit->add_option("id", o->id, "Entry id (see log list)")->required()->type_name("ID");
  edit->add_option("--severity", o->severity, "Pain on the 0-10 scale")->type_name("N");
  edit->add_option("--at", o->at, "YYYY-MM-DD or YYYY-MM-DDTHH:MM")->type_name("DATETIME");
  context.options.choices(edit->add_option("--location", o->location, locations)->type_name("L"), names_of<Location>());
  context.options.allow_empty(edit->add_option("--note", o->note, "Replace the note (\"\" clears it)")
                                  ->type_name("TEXT")
                                  ->each([o](const std::string&) { o->note_given = true; }));
  edit->add_option("--tag", o->tags, "Repeatable; replaces the tags")->type_name("T");

  CLI::App* rm = add(*log, "rm", "Remove an entry", "backcare log rm 12", o, context, action, run_rm);
  rm->add_option("id", o->id, "Entry id (see log list)")->required()->type_name("ID");

  add(*log, "undo", "Reverse the last add, edit, removal or import", "backcare log undo", o, context, action,
      [](const LogOptions&, const Context& c) { return run_undo(c); });

  CLI::App* exp = add(*log, "export", "Write every entry as CSV or JSON",
                      "backcare log export --format json --output pain.json", o, context, action, run_export);
  context.options.choices(
      exp->add_option("--format", o->format, choice_help(k_export_formats, "csv"))->type_name("FORMAT"),
      k_export_formats);
  exp->add_option("--since", o->since, "From this date")->type_name("DATE");
  exp->add_option("--until", o->until, "Up to this date")->type_name("DATE");
  exp->add_option("--output", o->output, "Write to FILE (atomically) instead of stdout")->type_name("FILE");

  CLI::App* imp = add(*log, "import", "Add entries from a CSV or JSON export (all or nothing)",
                      "backcare log import pain.csv", o, context, action, run_import);
  imp->add_option("file", o->file, "CSV or JSON file")->required()->type_name("FILE");
  reject_empty_values(*log, context.options);
}

} // namespace backcare::cli
