#include "backcare/store/catalog_loader.hpp"
#include "toml_text.hpp"

#include "backcare/core/error.hpp"
#include "backcare/core/text.hpp"
#include "backcare/store/files.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

namespace backcare {
namespace {

namespace fs = std::filesystem;

std::string where(const toml::source_region& region)
{
  const std::string path = region.path ? *region.path : std::string("catalog");
  return fmt::format("{}:{}:{}", path, region.begin.line, region.begin.column);
}

[[noreturn]] void fail(const toml::source_region& region, const std::string& message)
{
  throw Error(ExitCode::data, fmt::format("{}: {}", where(region), message));
}

bool is_id(std::string_view text)
{
  return !text.empty() && text.front() != '-' && text.back() != '-'
         && std::all_of(text.begin(), text.end(),
                        [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// Reads the fields of one TOML table, remembering which keys were used so
// that finish() can reject any key the catalog format does not know.
class Fields {
public:
  Fields(const toml::table& table, std::string what)
    : m_table(table)
    , m_what(std::move(what))
  {
  }

  const toml::table& table() const { return m_table; }
  const std::string& what() const { return m_what; }

  const toml::node* get(std::string_view key)
  {
    m_used.insert(std::string(key));
    return m_table.get(key);
  }

  const toml::node& require(std::string_view key)
  {
    const toml::node* node = get(key);
    if (!node) {
      fail(m_table.source(), fmt::format("{}: missing field '{}'", m_what, key));
    }
    return *node;
  }

  std::string text(std::string_view key)
  {
    const toml::node& node = require(key);
    return as_text(node, key);
  }

  std::string optional_text(std::string_view key)
  {
    const toml::node* node = get(key);
    return node ? as_text(*node, key) : std::string();
  }

  int integer(std::string_view key, int min, int max) { return as_integer(require(key), key, min, max); }

  std::optional<int> optional_integer(std::string_view key, int min, int max)
  {
    const toml::node* node = get(key);
    return node ? std::optional<int>(as_integer(*node, key, min, max)) : std::nullopt;
  }

  std::optional<bool> optional_boolean(std::string_view key)
  {
    const toml::node* node = get(key);
    if (!node) {
      return std::nullopt;
    }
    if (!node->is_boolean()) {
      fail(node->source(), fmt::format("{}: '{}' must be true or false", m_what, key));
    }
    return node->value<bool>();
  }

  // A list of strings; each must be one of `allowed` when that is not empty.
  std::vector<std::string> texts(std::string_view key, bool required, const std::vector<std::string>& allowed = {})
  {
    const toml::node* node = required ? &require(key) : get(key);
    std::vector<std::string> result;
    if (!node) {
      return result;
    }
    const toml::array* array = node->as_array();
    if (!array) {
      fail(node->source(), fmt::format("{}: '{}' must be a list of strings", m_what, key));
    }
    for (const toml::node& item : *array) {
      std::string value = as_text(item, key);
      if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
        fail(item.source(), fmt::format("{}: '{}' has unknown value '{}' (allowed: {})", m_what, key, value,
                                        fmt::join(allowed, ", ")));
      }
      result.push_back(std::move(value));
    }
    return result;
  }

  const toml::table& subtable(std::string_view key)
  {
    const toml::node& node = require(key);
    if (!node.is_table()) {
      fail(node.source(), fmt::format("{}: '{}' must be a table", m_what, key));
    }
    return *node.as_table();
  }

  void finish() const
  {
    for (auto&& [key, value] : m_table) {
      if (!m_used.count(std::string(key.str()))) {
        fail(key.source(), fmt::format("{}: unknown key '{}'", m_what, key.str()));
      }
    }
  }

private:
  std::string as_text(const toml::node& node, std::string_view key) const
  {
    if (!node.is_string()) {
      fail(node.source(), fmt::format("{}: '{}' must be a string", m_what, key));
    }
    std::string value = *node.value<std::string>();
    // Catalog text reaches the terminal, Markdown, CSV and iCalendar as it
    // is: a control character (an escape sequence, a line break) is refused.
    if (escape_control(value) != value) {
      fail(node.source(), fmt::format("{}: '{}' holds a control character: '{}'", m_what, key, escape_control(value)));
    }
    return value;
  }

  int as_integer(const toml::node& node, std::string_view key, int min, int max) const
  {
    if (!node.is_integer()) {
      fail(node.source(), fmt::format("{}: '{}' must be a whole number", m_what, key));
    }
    const int64_t value = *node.value<int64_t>();
    if (value < min || value > max) {
      fail(node.source(), fmt::format("{}: '{}' must be {}-{}, got {}", m_what, key, min, max, value));
    }
    return static_cast<int>(value);
  }

  const toml::table& m_table;
  std::string m_what;
  std::set<std::string> m_used;
};

// Where each item was defined, for cross-reference errors after parsing.
struct Origins {
  std::map<std::string, toml::source_region> exercise;
  std::map<std::string, toml::source_region> rule;
  std::map<int, toml::source_region> phase;
  std::map<std::string, toml::source_region> symptom;
  std::map<std::string, toml::source_region> trend_flag;
  std::optional<toml::source_region> progression;
};

// Reads and checks the id of an item before its other fields, so that every
// later message can name the item.
std::string checked_id(const toml::table& table, std::string_view kind)
{
  Fields fields(table, std::string(kind));
  std::string id = fields.text("id");
  if (!is_id(id)) {
    fail(fields.require("id").source(),
         fmt::format("{}: id '{}' must be lower-case letters, digits and '-'", kind, id));
  }
  return id;
}

template <typename Map, typename Key>
void remember(Map& map, const Key& key, const toml::source_region& region, std::string_view kind)
{
  auto [it, inserted] = map.emplace(key, region);
  if (!inserted) {
    fail(region, fmt::format("duplicate {} '{}' (first defined at {})", kind, key, where(it->second)));
  }
}

// Reads the id of an item, checks that no other item has it, and returns
// the reader of its other fields, whose messages name the item.
Fields item_fields(const toml::table& table, std::string_view kind, std::map<std::string, toml::source_region>& seen,
                   std::string& id)
{
  id = checked_id(table, kind);
  remember(seen, id, table.source(), kind);
  Fields fields(table, fmt::format("{} '{}'", kind, id));
  fields.get("id");
  return fields;
}

Dosage read_dosage(Fields& parent)
{
  Fields fields(parent.subtable("dosage"), parent.what() + " dosage");
  Dosage dosage;
  dosage.sets = fields.integer("sets", 1, 10);
  dosage.reps = fields.optional_integer("reps", 1, 100);
  dosage.hold_seconds = fields.optional_integer("hold_seconds", 1, 600);
  dosage.minutes = fields.optional_integer("minutes", 1, 180);
  dosage.times_per_day = fields.optional_integer("times_per_day", 1, 24);
  dosage.days_per_week = fields.integer("days_per_week", 1, 7);
  dosage.per = fields.optional_text("per");
  const int amounts = int(dosage.reps.has_value()) + int(dosage.hold_seconds.has_value())
                      + int(dosage.minutes.has_value()) + int(dosage.times_per_day.has_value());
  if (amounts != 1) {
    fail(fields.table().source(),
         fmt::format("{}: give exactly one of 'reps', 'hold_seconds', 'minutes' or 'times_per_day'", fields.what()));
  }
  fields.finish();
  return dosage;
}

Exercise read_exercise(const toml::table& table, Origins& origins)
{
  Exercise ex;
  Fields fields = item_fields(table, "exercise", origins.exercise, ex.id);
  ex.name = fields.text("name");
  ex.phase = fields.integer("phase", 1, 20);
  ex.category = fields.text("category");
  if (!parse_word<Category>(ex.category)) {
    fail(fields.require("category").source(), fmt::format("{}: unknown category '{}' (allowed: {})", fields.what(),
                                                          ex.category, fmt::join(names_of<Category>(), ", ")));
  }
  ex.dosage = read_dosage(fields);
  ex.cues = fields.texts("cues", true);
  if (ex.cues.empty()) {
    fail(fields.require("cues").source(), fmt::format("{}: 'cues' needs at least one cue", fields.what()));
  }
  ex.equipment = fields.texts("equipment", true, names_of<Equipment>());
  ex.regression = fields.text("regression");
  ex.progression = fields.text("progression");
  ex.postures = fields.texts("postures", true, names_of<Posture>());
  const std::string substitute = fields.optional_text("substitute");
  if (!substitute.empty()) {
    ex.substitute = substitute;
  }
  ex.carry_forward = fields.optional_boolean("carry_forward").value_or(false);
  ex.substitute_only = fields.optional_boolean("substitute_only").value_or(false);
  ex.source = fields.text("source");
  fields.finish();
  return ex;
}

Phase read_phase(const toml::table& table, Origins& origins)
{
  Phase phase;
  phase.number = Fields(table, "phase").integer("number", 1, 20);
  Fields fields(table, fmt::format("phase {}", phase.number));
  fields.get("number");
  remember(origins.phase, phase.number, table.source(), "phase");
  phase.name = fields.text("name");
  phase.focus = fields.text("focus");
  Fields floors(fields.subtable("min_weeks"), fields.what() + " min_weeks");
  phase.min_weeks_vaginal = floors.integer("vaginal", 0, 520);
  phase.min_weeks_cesarean = floors.integer("cesarean", 0, 520);
  floors.finish();
  phase.criteria = fields.texts("criteria", true);
  phase.closed_by = fields.texts("closed_by", false);
  phase.source = fields.text("source");
  fields.finish();
  return phase;
}

Symptom read_symptom(const toml::table& table, Origins& origins)
{
  Symptom symptom;
  Fields fields = item_fields(table, "symptom", origins.symptom, symptom.id);
  symptom.question = fields.text("question");
  fields.finish();
  return symptom;
}

Condition read_condition(Fields& parent)
{
  Fields fields(parent.subtable("when"), parent.what() + " when");
  Condition when;
  when.symptoms_any = fields.texts("symptoms_any", false);
  when.pain_weeks_min = fields.optional_integer("pain_weeks_min", 0, 520);
  when.weeks_postpartum_min = fields.optional_integer("weeks_postpartum_min", 0, 520);
  when.weeks_postpartum_max = fields.optional_integer("weeks_postpartum_max", 0, 520);
  when.severity_min = fields.optional_integer("severity_min", 0, 10);
  const std::string delivery = fields.optional_text("delivery");
  if (!delivery.empty()) {
    when.delivery = parse_word<Delivery>(delivery);
    if (!when.delivery) {
      fail(fields.require("delivery").source(),
           fmt::format("{}: 'delivery' must be vaginal or cesarean, got '{}'", fields.what(), delivery));
    }
  }
  when.pregnancy_back_pain = fields.optional_boolean("pregnancy_back_pain");
  when.red_sessions = fields.optional_boolean("red_sessions");
  const std::string verdict = fields.optional_text("trend_verdict");
  if (!verdict.empty()) {
    when.trend_verdict = parse_word<Verdict>(verdict);
    if (!when.trend_verdict) {
      fail(fields.require("trend_verdict").source(),
           fmt::format("{}: unknown verdict '{}' (allowed: {})", fields.what(), verdict,
                       fmt::join(names_of<Verdict>(), ", ")));
    }
  }
  fields.finish();
  const bool empty = when.symptoms_any.empty() && !when.pain_weeks_min && !when.weeks_postpartum_min
                     && !when.weeks_postpartum_max && !when.severity_min && !when.delivery && !when.pregnancy_back_pain
                     && !when.trend_verdict && !when.red_sessions;
  if (empty) {
    fail(fields.table().source(), fmt::format("{}: needs at least one condition", fields.what()));
  }
  return when;
}

Rule read_rule(const toml::table& table, Origins& origins)
{
  Rule rule;
  Fields fields = item_fields(table, "rule", origins.rule, rule.id);
  const std::string level = fields.text("level");
  auto parsed = parse_word<Level>(level);
  if (!parsed) {
    fail(fields.require("level").source(),
         fmt::format("{}: unknown level '{}' (allowed: emergency, urgent, refer, self-care)", fields.what(), level));
  }
  rule.level = *parsed;
  rule.title = fields.text("title");
  rule.refer_to = fields.text("refer_to");
  rule.message = fields.text("message");
  rule.source = fields.text("source");
  rule.when = read_condition(fields);
  rule.max_phase = fields.optional_integer("max_phase", 1, 20);
  rule.hold = fields.optional_boolean("hold").value_or(false);
  rule.avoid = fields.texts("avoid", false);
  fields.finish();
  return rule;
}

TrendFlag read_trend_flag(const toml::table& table, Origins& origins)
{
  TrendFlag flag;
  Fields fields = item_fields(table, "trend_flag", origins.trend_flag, flag.id);
  flag.message = fields.text("message");
  flag.source = fields.text("source");
  Fields when(fields.subtable("when"), fields.what() + " when");
  flag.when.weeks_postpartum_min = when.optional_integer("weeks_postpartum_min", 0, 520);
  flag.when.weeks_postpartum_max = when.optional_integer("weeks_postpartum_max", 0, 520);
  flag.when.pain_weeks_min = when.optional_integer("pain_weeks_min", 0, 520);
  flag.when.pain_present = when.optional_boolean("pain_present");
  const std::string verdict = when.optional_text("verdict");
  if (!verdict.empty()) {
    flag.when.verdict = parse_word<Verdict>(verdict);
    if (!flag.when.verdict) {
      fail(when.require("verdict").source(), fmt::format("{}: unknown verdict '{}' (allowed: {})", when.what(), verdict,
                                                         fmt::join(names_of<Verdict>(), ", ")));
    }
  }
  when.finish();
  fields.finish();
  return flag;
}

// The [progression] table: every key is required, so that a catalog that
// changes one threshold states all of them and names its source.
Progression read_progression(const toml::table& table, Origins& origins)
{
  if (origins.progression) {
    fail(table.source(), fmt::format("duplicate [progression] (first defined at {})", where(*origins.progression)));
  }
  origins.progression = table.source();
  Fields fields(table, "progression");
  Progression rules;
  rules.green_max = fields.integer("green_max", 0, 10);
  rules.amber_max = fields.integer("amber_max", rules.green_max, 10);
  rules.next_morning_rise = fields.integer("next_morning_rise", 1, 10);
  rules.start_phase = fields.integer("start_phase", 1, 20);
  rules.advance_sessions = fields.integer("advance_sessions", 1, 100);
  rules.advance_days = fields.integer("advance_days", 1, 365);
  rules.advance_green_in_row = fields.integer("advance_green_in_row", 1, rules.advance_sessions);
  rules.step_back = fields.integer("step_back", 1, 20);
  rules.refer_reds = fields.integer("refer_reds", 1, 100);
  rules.refer_within_days = fields.integer("refer_within_days", 1, 365);
  rules.refer_lasts_days = fields.integer("refer_lasts_days", 1, 365);
  rules.source = fields.text("source");
  fields.finish();
  return rules;
}

// Applies `read` to every table of the array of tables `key`.
template <typename Read> void read_each(const toml::node& node, std::string_view key, Read read)
{
  const toml::array* array = node.as_array();
  if (!array || !array->is_array_of_tables()) {
    fail(node.source(), fmt::format("'{}' must be an array of tables ([[{}]])", key, key));
  }
  for (const toml::node& item : *array) {
    read(*item.as_table());
  }
}

void read_document(const toml::table& doc, Catalog& catalog, Origins& origins)
{
  for (auto&& [key, node] : doc) {
    const std::string_view name = key.str();
    if (name == "exercise") {
      read_each(node, name, [&](const toml::table& t) { catalog.exercises.push_back(read_exercise(t, origins)); });
    } else if (name == "phase") {
      read_each(node, name, [&](const toml::table& t) { catalog.phases.push_back(read_phase(t, origins)); });
    } else if (name == "symptom") {
      read_each(node, name, [&](const toml::table& t) { catalog.symptoms.push_back(read_symptom(t, origins)); });
    } else if (name == "rule") {
      read_each(node, name, [&](const toml::table& t) { catalog.rules.push_back(read_rule(t, origins)); });
    } else if (name == "trend_flag") {
      read_each(node, name, [&](const toml::table& t) { catalog.trend_flags.push_back(read_trend_flag(t, origins)); });
    } else if (name == "progression" && node.is_table()) {
      catalog.progression = read_progression(*node.as_table(), origins);
    } else if (name == "catalog" && node.is_table()) {
      Fields fields(*node.as_table(), "catalog");
      catalog.version = fields.text("version");
      fields.finish();
    } else {
      fail(key.source(),
           fmt::format(
               "unknown key '{}' (allowed: [catalog], [[exercise]], [[phase]], [[symptom]], [[rule]], [[trend_flag]], "
               "[progression])",
               name));
    }
  }
}

// Checks that hold across files: references, phase order and coverage.
void cross_check(Catalog& catalog, const Origins& origins, const std::string& first_path)
{
  std::sort(catalog.phases.begin(), catalog.phases.end(),
            [](const Phase& a, const Phase& b) { return a.number < b.number; });
  if (catalog.phases.empty()) {
    throw Error(ExitCode::data, fmt::format("{}:1:1: the catalog defines no [[phase]]", first_path));
  }
  for (std::size_t i = 0; i < catalog.phases.size(); ++i) {
    const Phase& phase = catalog.phases[i];
    const auto& region = origins.phase.at(phase.number);
    if (phase.number != static_cast<int>(i) + 1) {
      fail(region, fmt::format("phase {}: phases must be numbered 1, 2, 3... without gaps", phase.number));
    }
    // Phase 1 is where everyone starts, from the day of birth: a plan with
    // no phase open yet has no routine to give.
    if (i == 0 && (phase.min_weeks_vaginal != 0 || phase.min_weeks_cesarean != 0)) {
      fail(region, "phase 1 must open at week 0 (min_weeks = { vaginal = 0, cesarean = 0 })");
    }
    if (i > 0
        && (phase.min_weeks_vaginal < catalog.phases[i - 1].min_weeks_vaginal
            || phase.min_weeks_cesarean < catalog.phases[i - 1].min_weeks_cesarean)) {
      fail(region, fmt::format("phase {}: min_weeks must not be lower than phase {}'s", phase.number, i));
    }
    for (const std::string& id : phase.closed_by) {
      if (!catalog.find_symptom(id)) {
        fail(region, fmt::format("phase {}: unknown symptom '{}' in 'closed_by'", phase.number, id));
      }
    }
    const bool has_exercise = std::any_of(catalog.exercises.begin(), catalog.exercises.end(), [&](const Exercise& e) {
      return e.phase == phase.number && !e.substitute_only;
    });
    if (!has_exercise) {
      fail(region, fmt::format("phase {} has no exercises", phase.number));
    }
  }
  for (const Exercise& ex : catalog.exercises) {
    const auto& region = origins.exercise.at(ex.id);
    if (!catalog.find_phase(ex.phase)) {
      fail(region, fmt::format("exercise '{}': phase {} is not defined", ex.id, ex.phase));
    }
    if (!ex.substitute) {
      continue;
    }
    const Exercise* sub = catalog.find_exercise(*ex.substitute);
    if (!sub) {
      fail(region, fmt::format("exercise '{}': substitute '{}' is not a known exercise", ex.id, *ex.substitute));
    }
    if (sub->phase > ex.phase || !sub->equipment.empty()) {
      fail(region,
           fmt::format("exercise '{}': substitute '{}' must need no equipment and be in the same or an earlier phase",
                       ex.id, sub->id));
    }
  }
  for (const Rule& rule : catalog.rules) {
    const auto& region = origins.rule.at(rule.id);
    for (const std::string& id : rule.when.symptoms_any) {
      if (!catalog.find_symptom(id)) {
        fail(region, fmt::format("rule '{}': unknown symptom '{}'", rule.id, id));
      }
    }
    for (const std::string& id : rule.avoid) {
      if (!catalog.find_exercise(id)) {
        fail(region, fmt::format("rule '{}': unknown exercise '{}' in 'avoid'", rule.id, id));
      }
    }
    if (rule.max_phase && !catalog.find_phase(*rule.max_phase)) {
      fail(region, fmt::format("rule '{}': max_phase {} is not a defined phase", rule.id, *rule.max_phase));
    }
  }
  if (origins.progression && catalog.progression.start_phase > static_cast<int>(catalog.phases.size())) {
    fail(*origins.progression,
         fmt::format("progression: start_phase {} is not a defined phase", catalog.progression.start_phase));
  }
  for (const Symptom& symptom : catalog.symptoms) {
    const bool used = std::any_of(catalog.rules.begin(), catalog.rules.end(), [&](const Rule& r) {
      const auto& ids = r.when.symptoms_any;
      return std::find(ids.begin(), ids.end(), symptom.id) != ids.end();
    });
    if (!used) {
      fail(origins.symptom.at(symptom.id), fmt::format("symptom '{}' is not named by any rule", symptom.id));
    }
  }
}

} // namespace

std::vector<CatalogSource> read_catalog_sources(const std::string& path)
{
  if (is_standard_stream(path)) { // one catalog file on standard input
    return {{path, read_input_file(path, "--catalog")}};
  }
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    throw Error(ExitCode::no_input, fmt::format("--catalog: no such file or folder: {}", path));
  }
  std::vector<fs::path> files;
  if (fs::is_directory(status)) {
    for (const auto& entry : fs::directory_iterator(path, ec)) {
      if (entry.path().extension() == ".toml") {
        files.push_back(entry.path());
      }
    }
    if (ec) {
      throw Error(ExitCode::no_input, fmt::format("--catalog: cannot read folder {}: {}", path, ec.message()));
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
      throw Error(ExitCode::no_input, fmt::format("--catalog: no .toml files in {}", path));
    }
  } else {
    files.emplace_back(path);
  }
  std::vector<CatalogSource> sources;
  sources.reserve(files.size());
  for (const fs::path& file : files) {
    sources.push_back({file.string(), read_input_file(file.string(), "--catalog")});
  }
  return sources;
}

Catalog parse_catalog(const std::vector<CatalogSource>& sources)
{
  Catalog catalog;
  Origins origins;
  for (const CatalogSource& source : sources) {
    toml::table doc;
    try {
      doc = parse_toml(source.text, source.path);
    } catch (const toml::parse_error& e) {
      fail(e.source(), std::string(e.description()));
    }
    read_document(doc, catalog, origins);
  }
  cross_check(catalog, origins, sources.empty() ? std::string("catalog") : sources.front().path);
  if (catalog.version.empty()) {
    catalog.version = "unversioned";
  }
  // A catalog written before sessions existed has no [progression]: it gets
  // the shipped thresholds rather than an error.
  if (!origins.progression) {
    catalog.progression.start_phase =
        std::min(catalog.progression.start_phase, static_cast<int>(catalog.phases.size()));
    catalog.progression.source = "backcare's built-in values (the catalog has no [progression] table)";
  }
  return catalog;
}

Catalog load_catalog(const std::string& path)
{
  return path.empty() ? compiled_catalog() : parse_catalog(read_catalog_sources(path));
}

} // namespace backcare
