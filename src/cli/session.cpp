#include "backcare/core/planner.hpp"
#include "backcare/core/session_codec.hpp"
#include "backcare/render/plan.hpp"
#include "backcare/render/sessions.hpp"
#include "backcare/store/files.hpp"
#include "backcare/store/log_summary.hpp"
#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <limits>
#include <memory>

namespace backcare::cli {
namespace {

struct SessionOptions {
  std::string id;
  std::string at;
  std::string pain_during;
  std::string next_morning;
  std::vector<std::string> skip;
  std::string reason;
  std::string note;
  bool note_given = false;
  std::string since;
  std::string until;
  std::string format;
  std::string output;
  std::string file;
};

std::optional<int> parse_pain(const std::string& option, const std::string& text)
{
  return text.empty() ? std::nullopt : std::optional<int>(parse_number(option, text, 0, 10));
}

// --next-morning is the pain of the morning after the session: refused
// before that morning has come.
void check_next_morning(const std::optional<int>& next_morning, Date session_day, Date today, std::string_view then_how)
{
  const Date morning = session_day + std::chrono::days{1};
  if (next_morning && morning > today) {
    throw usage_error(fmt::format("--next-morning: the morning after the session, {}, has not come yet (today is "
                                  "{}); {}",
                                  format_day(morning), format_day(today), then_how));
  }
}

// One session a minute: a second at the same time is most likely the same
// session typed twice, and would count twice. `self`: the session being
// edited, which may keep its own time.
void check_not_saved(const std::vector<Session>& sessions, const std::string& at, std::int64_t self = 0)
{
  for (const Session& saved : sessions) {
    if (saved.at == at && saved.id != self) {
      throw usage_error(fmt::format("session {} is already saved at {}; change it with backcare session edit {}, or "
                                    "give another --at",
                                    saved.id, at, saved.id));
    }
  }
}

// The plan of the day `day`, as `plan` would give it then (with the
// sessions before it), at `phase` when given. When it cannot be made (no
// birth date or no pain logged), `plan` is empty and `needs` says what it
// needs.
struct DayPlan {
  LogSummary summary;
  PlanRequest request;
  std::optional<Plan> plan;
  std::string needs;
};

DayPlan judge_day(const Context& context, const Catalog& catalog, const PainLog& log, Date day,
                  const std::string& command, std::optional<int> phase = std::nullopt)
{
  DayPlan result;
  result.summary = read_log_summary(&log, day, catalog);
  const ResolvedInputs inputs =
      resolve_inputs({}, log.profile(), result.summary, plan_defaults(context.global.config.plan), day);
  PlanRequest& request = result.request;
  request = plan_request(inputs, result.summary, day, monday_of(day));
  request.phase = phase;
  if (!seeks_care_now(run_triage(catalog, inputs.situation).level) && !inputs.missing.empty()) {
    result.needs = inputs.missing.front() == MissingInput::weeks
                       ? "your baby's birth date (backcare profile set --birth-date DATE)"
                       : "your pain that day or before (backcare log add N)";
    return result;
  }
  try {
    result.plan = make_plan(catalog, request);
  } catch (const Error& e) {
    if (!phase || e.code() != ExitCode::usage) {
      throw;
    }
    throw usage_error(
        fmt::format("{}: cannot check against phase {} of {}: {}", command, *phase, format_date(day), e.what()));
  }
  return result;
}

// As judge_day, but a plan that cannot be made is a usage error.
DayPlan plan_of_day(const Context& context, const Catalog& catalog, const PainLog& log, Date day,
                    const std::string& command, std::optional<int> phase = std::nullopt)
{
  DayPlan result = judge_day(context, catalog, log, day, command, phase);
  if (!result.plan) {
    throw usage_error(fmt::format("{} needs your plan of {}, which needs {}", command, format_date(day), result.needs));
  }
  return result;
}

// The catalog check of a session whose phase is unknown: the exercises
// left out must be exercises of the catalog (which session they belong to
// cannot be told without the phase).
std::string unjudged_catalog_problem(const Catalog& catalog, const Session& session)
{
  for (const std::string& id : session.skipped_exercises) {
    if (!catalog.find_exercise(id)) {
      return fmt::format("'skipped_exercises': '{}' is not an exercise of the catalog", id);
    }
  }
  return {};
}

// Saves a session whose phase cannot be judged yet (phase 0, unknown): the
// session is a fact, and is never lost for what it would be compared with.
int save_unjudged(Session session, const DayPlan& day_plan, const Catalog& catalog, PainLog& log, Date today)
{
  session.phase = 0;
  session.ceiling = 0;
  check_not_saved(day_plan.summary.sessions, session.at);
  for (const std::string& problem : {session_problem(session, today), unjudged_catalog_problem(catalog, session)}) {
    if (!problem.empty()) {
      throw usage_error(problem);
    }
  }
  session.id = log.add_session(session);
  tell_saved(fmt::format("saved session {}", session.id),
             [&] { return render_session_saved_unjudged(session, day_plan.needs); });
  return 0;
}

// The exercises of the day's session, or of the week when the day has none.
std::vector<std::string> exercises_of_day(const Plan& plan, Date day)
{
  std::vector<std::string> ids;
  for (const ScheduleDay& scheduled : plan.schedule) {
    if (scheduled.date == day || ids.empty()) {
      for (const PlannedExercise& item : scheduled.items) {
        if (std::find(ids.begin(), ids.end(), item.exercise->id) == ids.end()) {
          ids.push_back(item.exercise->id);
        }
      }
    }
  }
  return ids;
}

// The exercises left out of a session on `day`, each once: every one must be
// in that day's session of the plan. Throws naming --skip otherwise.
std::vector<std::string> checked_skips(const std::vector<std::string>& ids, const Plan& plan, Date day)
{
  const auto planned = exercises_of_day(plan, day);
  std::vector<std::string> skipped;
  for (const std::string& id : ids) {
    if (planned.empty()) {
      throw usage_error(fmt::format("--skip: '{}' is not in the session of {} (no exercise was planned that day)", id,
                                    format_day(day)));
    }
    if (std::find(planned.begin(), planned.end(), id) == planned.end()) {
      throw usage_error(fmt::format("--skip: '{}' is not in the session of {} (its exercises: {})", id, format_day(day),
                                    fmt::join(planned, ", ")));
    }
    if (std::find(skipped.begin(), skipped.end(), id) == skipped.end()) {
      skipped.push_back(id);
    }
  }
  return skipped;
}

// With an urgent or emergency sign no session is planned: the plan's
// care-now text instead, exit 3.
std::optional<int> care_now(const Context& context, const Catalog& catalog, const Plan& plan)
{
  if (!seeks_care_now(plan.triage.level)) {
    return std::nullopt;
  }
  std::fflush(stdout);
  std::fputs("backcare: note: the session was not saved: a warning sign needs care first\n", stderr);
  Style style;
  style.color = context.use_color(true);
  style.width = context.text_width(true);
  write_output("", render_plan(PlanFormat::text, {catalog, plan, style, {}}));
  return static_cast<int>(ExitCode::seek_care);
}

int run_add(const SessionOptions& o, const Context& context)
{
  const Date today = context.today();
  const Catalog catalog = load_catalog(context);
  Session session;
  session.at = o.at.empty() ? context.now_at() : parse_at(o.at, context, "record a session that has happened");
  session.pain_during = parse_pain("--pain-during", o.pain_during);
  session.next_morning = parse_pain("--next-morning", o.next_morning);
  check_text("--note", o.note);
  session.note = o.note;
  check_next_morning(session.next_morning, date_of(session.at), today,
                     "log your pain that morning (backcare log add N), or add it to the session then with backcare "
                     "session edit ID --next-morning N");
  const auto log = open_log(context, LogAccess::write);
  const Date day = date_of(session.at);
  const DayPlan day_plan = judge_day(context, catalog, *log, day, "session add");
  if (!day_plan.plan) {
    session.skipped_exercises = o.skip;
    return save_unjudged(session, day_plan, catalog, *log, today);
  }
  const Plan& plan = *day_plan.plan;
  if (const auto code = care_now(context, catalog, plan)) {
    return *code;
  }
  session.skipped_exercises = checked_skips(o.skip, plan, day);
  check_not_saved(day_plan.summary.sessions, session.at);
  session.phase = plan.current_phase;
  session.ceiling = plan.session_ceiling();
  if (const std::string problem = session_problem(session, today); !problem.empty()) {
    throw usage_error(problem);
  }
  Session stored = session;
  stored.id = log->add_session(session);
  tell_saved(fmt::format("saved session {}", stored.id), [&] {
    std::vector<Session> sessions = day_plan.summary.sessions;
    sessions.push_back(stored);
    std::vector<Entry> mornings;
    log->for_each({day, day + std::chrono::days{1}}, [&](const Entry& entry) { mornings.push_back(entry); });
    sessions = with_mornings_from_log(std::move(sessions), mornings);
    const Session counted = sessions.back();
    // Where the session leaves the person: the plan of that day with it,
    // so that the answer says what `plan` will say (the same replay, with
    // the ceilings and holds of every past day).
    PlanRequest request = day_plan.request;
    request.sessions = std::move(sessions);
    const Progress after = make_plan(catalog, request).progress;
    return render_session_added({counted, outcome(catalog.progression, counted)}, catalog.progression, after);
  });
  return 0;
}

int run_skip(const SessionOptions& o, const Context& context)
{
  const Date today = context.today();
  const Catalog catalog = load_catalog(context);
  Session session;
  session.status = SessionStatus::skipped;
  session.at = o.at.empty() ? context.now_at() : parse_at(o.at, context, "record a session that has happened");
  session.reason = parse_choice<SkipReason>("--reason", o.reason);
  check_text("--note", o.note);
  session.note = o.note;
  const auto log = open_log(context, LogAccess::write);
  const DayPlan day_plan = judge_day(context, catalog, *log, date_of(session.at), "session skip");
  if (!day_plan.plan) {
    return save_unjudged(session, day_plan, catalog, *log, today);
  }
  check_not_saved(day_plan.summary.sessions, session.at);
  session.phase = std::max(1, day_plan.plan->current_phase);
  session.ceiling = day_plan.plan->session_ceiling();
  if (const std::string problem = session_problem(session, today); !problem.empty()) {
    throw usage_error(problem);
  }
  Session stored = session;
  stored.id = log->add_session(session);
  tell_saved(fmt::format("saved session {}", stored.id), [&] {
    std::vector<Session> sessions = day_plan.summary.sessions;
    sessions.push_back(stored);
    const Adherence after = adherence(sessions, day_plan.plan->planned_sessions(), date_of(stored.at));
    return render_session_skipped(stored, after);
  });
  return 0;
}

// The sessions in the range with their outcomes, next mornings from the log.
std::vector<SessionRow> rows_of(const PainLog& log, const Catalog& catalog, const EntryFilter& filter, Date today)
{
  const LogSummary summary = read_log_summary(&log, today, catalog);
  std::vector<SessionRow> rows;
  for (const Session& session : summary.sessions) {
    const Date day = date_of(session.at);
    if ((filter.since && day < *filter.since) || (filter.until && day > *filter.until)) {
      continue;
    }
    rows.push_back({session, outcome(catalog.progression, session)});
  }
  return rows;
}

int run_list(const SessionOptions& o, const Context& context)
{
  const auto format = parse_choice<ListFormat>("--format", o.format.empty() ? "text" : o.format);
  const EntryFilter filter = parse_date_range(o.since, o.until, context.today());
  const Catalog catalog = load_catalog(context);
  Style style;
  style.color = context.use_color(true);
  style.width = context.text_width(true);
  const auto rows = rows_of(*open_log(context, LogAccess::read), catalog, filter, context.today());
  const std::string text = render_sessions(format, rows, style);
  const bool escape = format == ListFormat::csv && context.stdout_is_terminal;
  write_output("", escape ? csv_for_terminal(text) : text);
  return 0;
}

int run_export(const SessionOptions& o, const Context& context)
{
  const Catalog catalog = load_catalog(context);
  // As session list shows them: next mornings from the log written in, so
  // that a clinician reading the export sees the same outcomes.
  const auto rows = rows_of(*open_log(context, LogAccess::read), catalog, {}, context.today());
  write_output(o.output, render_sessions(ListFormat::json, rows, Style{}));
  return 0;
}

int run_import(const SessionOptions& o, const Context& context)
{
  const std::string text = read_input_file(o.file, "session import");
  const Catalog catalog = load_catalog(context);
  const auto sessions = read_sessions_json(o.file, text, context.today(), [&](const Session& session) {
    return session.phase == 0 ? unjudged_catalog_problem(catalog, session) : session_catalog_problem(catalog, session);
  });
  const ImportResult result = open_log(context, LogAccess::write)->import_sessions(sessions);
  const char* const noun = result.added == 1 ? "session" : "sessions";
  tell_saved(fmt::format("imported {} {}", result.added, noun), [&] {
    return fmt::format("Imported {} {} ({} already in the log).\n", result.added, noun, result.skipped);
  });
  return 0;
}

// The exercises an edit leaves out of a done session, checked as session
// add checks them: against the session of its day (the edited one, when
// --at moves it), in the plan of that day at the session's own phase.
void check_edited_skips(const Context& context, const PainLog& log, std::int64_t id, SessionEdit& edit)
{
  const auto session = log.find_session(id);
  if (!session || session->status != SessionStatus::done) {
    return; // edit_session says what is wrong
  }
  const Date day = date_of(edit.at.value_or(session->at));
  const Catalog catalog = load_catalog(context);
  if (session->phase == 0) { // unknown: which session it was cannot be told
    Session edited = *session;
    edited.skipped_exercises = *edit.skipped_exercises;
    if (const std::string problem = unjudged_catalog_problem(catalog, edited); !problem.empty()) {
      throw usage_error(problem);
    }
    return;
  }
  const DayPlan day_plan = plan_of_day(context, catalog, log, day, "session edit --skip", session->phase);
  edit.skipped_exercises = checked_skips(*edit.skipped_exercises, *day_plan.plan, day);
}

int run_edit(const SessionOptions& o, const Context& context)
{
  const Date today = context.today();
  SessionEdit edit;
  if (!o.at.empty()) {
    edit.at = parse_at(o.at, context, "record a session that has happened");
  }
  edit.pain_during = parse_pain("--pain-during", o.pain_during);
  edit.next_morning = parse_pain("--next-morning", o.next_morning);
  if (!o.skip.empty()) {
    edit.skipped_exercises = o.skip;
  }
  if (!o.reason.empty()) {
    edit.reason = parse_choice<SkipReason>("--reason", o.reason);
  }
  if (o.note_given) {
    check_text("--note", o.note);
    edit.note = o.note;
  }
  if (!edit.at && !edit.pain_during && !edit.next_morning && !edit.skipped_exercises && !edit.reason && !edit.note) {
    throw usage_error("session edit: give at least one of --at, --pain-during, --next-morning, --skip, --reason, "
                      "--note");
  }
  const std::int64_t id = parse_id(o.id);
  const auto log = open_log(context, LogAccess::read);
  if (edit.at) {
    const Date day = date_of(*edit.at);
    check_not_saved(log->sessions({day, day}), *edit.at, id);
  }
  if (edit.next_morning) {
    if (const auto stored = log->find_session(id)) {
      check_next_morning(edit.next_morning, date_of(edit.at.value_or(stored->at)), today,
                         "give it once that morning has come");
    }
  }
  if (edit.skipped_exercises) {
    check_edited_skips(context, *log, id, edit);
  }
  const Session edited = log->edit_session(id, edit, today);
  tell_saved(fmt::format("saved the edit of session {}", id),
             [&] { return fmt::format("Edited session {} ({}, phase {}).\n", edited.id, edited.at, edited.phase); });
  return 0;
}

int run_rm(const SessionOptions& o, const Context& context)
{
  const std::int64_t id = parse_id(o.id);
  const Session removed = open_log(context, LogAccess::read)->remove_session(id);
  tell_saved(fmt::format("removed session {}", id), [&] {
    return fmt::format("Removed session {} ({}). 'backcare log undo' brings it back.\n", removed.id, removed.at);
  });
  return 0;
}

template <typename Run>
CLI::App* add(CLI::App& parent, const char* name, const char* help, const char* example,
              const std::shared_ptr<SessionOptions>& options, const Context& context, Action& action, Run run)
{
  CLI::App* sub = parent.add_subcommand(name, help);
  sub->footer(fmt::format("Example:\n  {}", example));
  on_parsed(*sub, action, [options, &context, run] { return run(*options, context); });
  return sub;
}

} // namespace

void setup_session(CLI::App& app, Context& context, Action& action)
{
  auto o = std::make_shared<SessionOptions>();
  CLI::App* session = app.add_subcommand("session", "Record the exercise sessions you did or skipped");
  session->require_subcommand(1);
  session->footer("Each session is green (pain 3/10 or less during it and the next morning), amber (4-5) or red\n"
                  "(more, or worse the next morning). Six sessions over two weeks, the last two green, move you up\n"
                  "one phase; a red one steps you back. 'log undo' also undoes session changes.\n\n"
                  "Example:\n  backcare session add --pain-during 2\n  backcare session skip --reason baby");
  const std::string reasons = "Why: " + choice_help<SkipReason>();

  CLI::App* add_cmd =
      add(*session, "add", "Record the session planned for that day in your current phase",
          "backcare session add --pain-during 2 --skip side-plank-modified", o, context, action, run_add);
  add_cmd->add_option("--at", o->at, "When: YYYY-MM-DD or YYYY-MM-DDTHH:MM (default now)")->type_name("DATETIME");
  add_cmd->add_option("--pain-during", o->pain_during, "The worst pain during it, 0-10")->type_name("N");
  add_cmd
      ->add_option("--next-morning", o->next_morning,
                   "Pain the next morning, 0-10 (else the first log entry 05:00-12:00 the next day)")
      ->type_name("N");
  add_cmd->add_option("--skip", o->skip, "Repeatable: an exercise of the session you left out")->type_name("ID");
  context.options.allow_empty(add_cmd->add_option("--note", o->note, "Free text")->type_name("TEXT"));

  CLI::App* skip = add(*session, "skip", "Record a planned session you did not do, and why",
                       "backcare session skip --reason baby", o, context, action, run_skip);
  skip->add_option("--at", o->at, "When: YYYY-MM-DD or YYYY-MM-DDTHH:MM (default now)")->type_name("DATETIME");
  context.options.choices(skip->add_option("--reason", o->reason, reasons)->required()->type_name("R"),
                          names_of<SkipReason>());
  context.options.allow_empty(skip->add_option("--note", o->note, "Free text")->type_name("TEXT"));

  CLI::App* list = add(*session, "list", "Show sessions with their outcome, oldest first",
                       "backcare session list --since 2026-11-01", o, context, action, run_list);
  list->add_option("--since", o->since, "From this date")->type_name("DATE");
  list->add_option("--until", o->until, "Up to this date")->type_name("DATE");
  context.options.choices(
      list->add_option("--format", o->format, choice_help<ListFormat>(ListFormat::text))->type_name("FORMAT"),
      names_of<ListFormat>());

  CLI::App* edit = add(*session, "edit", "Change a session", "backcare session edit 7 --next-morning 2", o, context,
                       action, run_edit);
  edit->add_option("id", o->id, "Session id (see session list)")->required()->type_name("ID");
  edit->add_option("--at", o->at, "YYYY-MM-DD or YYYY-MM-DDTHH:MM")->type_name("DATETIME");
  edit->add_option("--pain-during", o->pain_during, "The worst pain during it, 0-10")->type_name("N");
  edit->add_option("--next-morning", o->next_morning, "Pain the next morning, 0-10")->type_name("N");
  edit->add_option("--skip", o->skip, "Repeatable; replaces the exercises left out")->type_name("ID");
  context.options.choices(edit->add_option("--reason", o->reason, reasons)->type_name("R"), names_of<SkipReason>());
  context.options.allow_empty(edit->add_option("--note", o->note, "Replace the note (\"\" clears it)")
                                  ->type_name("TEXT")
                                  ->each([o](const std::string&) { o->note_given = true; }));

  CLI::App* rm = add(*session, "rm", "Remove a session", "backcare session rm 7", o, context, action, run_rm);
  rm->add_option("id", o->id, "Session id (see session list)")->required()->type_name("ID");

  CLI::App* exp = add(*session, "export", "Write every session as JSON (for session import)",
                      "backcare session export --output sessions.json", o, context, action, run_export);
  exp->add_option("--output", o->output, "Write to FILE (atomically) instead of stdout")->type_name("FILE");

  CLI::App* imp = add(*session, "import", "Add sessions from a session export (all or nothing)",
                      "backcare session import sessions.json", o, context, action, run_import);
  imp->add_option("file", o->file, "JSON file written by session export")->required()->type_name("FILE");
  reject_empty_values(*session, context.options);
}

} // namespace backcare::cli
