// A build tool, not part of the program: parses and checks the catalog
// embedded from catalog/*.toml with the same loader the program uses for
// --catalog, and writes it out as C++ that builds the Catalog directly, so
// that the program parses no TOML at run time. An invalid catalog fails the
// build with the loader's file:line:column message.
//
// Usage: backcare_catalog_compiler OUTPUT.cpp
//
// Every field of the catalog model must be written here: the unit test
// "compiled_catalog" compares the result with the parsed catalog.

#include "backcare/core/error.hpp"
#include "backcare/store/catalog_loader.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace backcare {

// This tool is what makes the compiled catalog, so it has none: here the
// compiled catalog is the parsed one (load_catalog links against it).
Catalog compiled_catalog()
{
  return parse_catalog(embedded_catalog());
}

std::string_view compiled_catalog_version()
{
  return "unknown";
}

} // namespace backcare

namespace {

using namespace backcare;

// A C++ string literal; UTF-8 text is kept as it is, anything that could
// end or bend the literal is escaped in octal.
std::string literal(const std::string& text)
{
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20 || byte == 0x7f) {
      out += fmt::format("\\{:03o}", byte);
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string literal(const std::vector<std::string>& texts)
{
  std::string out = "{";
  for (const std::string& text : texts) {
    out += literal(text) + ", ";
  }
  return out + "}";
}

std::string literal(const std::optional<int>& value)
{
  return value ? fmt::format("std::optional<int>{{{}}}", *value) : "std::nullopt";
}

std::string literal(const std::optional<bool>& value)
{
  return value ? fmt::format("std::optional<bool>{{{}}}", *value) : "std::nullopt";
}

std::string literal(const std::optional<std::string>& value)
{
  return value ? fmt::format("std::optional<std::string>{{{}}}", literal(*value)) : "std::nullopt";
}

std::string literal(bool value)
{
  return value ? "true" : "false";
}

// A value of a vocabulary enum, by its name (see core/vocabulary.hpp).
template <typename E> std::string literal(E value, const char* type)
{
  return fmt::format("*parse_word<{}>({})", type, literal(std::string(name_of(value))));
}

template <typename E> std::string literal(const std::optional<E>& value, const char* type)
{
  return value ? fmt::format("std::optional<{}>{{{}}}", type, literal(*value, type)) : "std::nullopt";
}

std::string exercise(const Exercise& e)
{
  const Dosage& d = e.dosage;
  return fmt::format("  Exercise{{.id = {}, .name = {}, .phase = {}, .category = {},\n"
                     "    .dosage = Dosage{{.sets = {}, .reps = {}, .hold_seconds = {}, .minutes = {}, "
                     ".times_per_day = {}, .days_per_week = {}, .per = {}}},\n"
                     "    .cues = {},\n    .equipment = {}, .regression = {}, .progression = {},\n"
                     "    .postures = {}, .substitute = {}, .carry_forward = {}, .substitute_only = {},\n"
                     "    .source = {}}},\n",
                     literal(e.id), literal(e.name), e.phase, literal(e.category), d.sets, literal(d.reps),
                     literal(d.hold_seconds), literal(d.minutes), literal(d.times_per_day), d.days_per_week,
                     literal(d.per), literal(e.cues), literal(e.equipment), literal(e.regression),
                     literal(e.progression), literal(e.postures), literal(e.substitute), literal(e.carry_forward),
                     literal(e.substitute_only), literal(e.source));
}

std::string phase(const Phase& p)
{
  return fmt::format("  Phase{{.number = {}, .name = {}, .focus = {}, .min_weeks_vaginal = {}, "
                     ".min_weeks_cesarean = {},\n    .criteria = {},\n    .closed_by = {}, .source = {}}},\n",
                     p.number, literal(p.name), literal(p.focus), p.min_weeks_vaginal, p.min_weeks_cesarean,
                     literal(p.criteria), literal(p.closed_by), literal(p.source));
}

std::string symptom(const Symptom& s)
{
  return fmt::format("  Symptom{{.id = {}, .question = {}}},\n", literal(s.id), literal(s.question));
}

std::string rule(const Rule& r)
{
  const Condition& w = r.when;
  return fmt::format("  Rule{{.id = {}, .title = {}, .level = {}, .refer_to = {},\n    .message = {},\n"
                     "    .source = {},\n"
                     "    .when = Condition{{.symptoms_any = {}, .pain_weeks_min = {}, .weeks_postpartum_min = {}, "
                     ".weeks_postpartum_max = {}, .severity_min = {}, .delivery = {}, .pregnancy_back_pain = {}, "
                     ".trend_verdict = {}, .red_sessions = {}}},\n"
                     "    .max_phase = {}, .hold = {}, .avoid = {}}},\n",
                     literal(r.id), literal(r.title), literal(r.level, "Level"), literal(r.refer_to),
                     literal(r.message), literal(r.source), literal(w.symptoms_any), literal(w.pain_weeks_min),
                     literal(w.weeks_postpartum_min), literal(w.weeks_postpartum_max), literal(w.severity_min),
                     literal(w.delivery, "Delivery"), literal(w.pregnancy_back_pain),
                     literal(w.trend_verdict, "Verdict"), literal(w.red_sessions), literal(r.max_phase),
                     literal(r.hold), literal(r.avoid));
}

std::string trend_flag(const TrendFlag& f)
{
  const TrendCondition& w = f.when;
  return fmt::format("  TrendFlag{{.id = {}, .message = {}, .source = {},\n"
                     "    .when = TrendCondition{{.weeks_postpartum_min = {}, .weeks_postpartum_max = {}, "
                     ".pain_weeks_min = {}, .pain_present = {}, .verdict = {}}}}},\n",
                     literal(f.id), literal(f.message), literal(f.source), literal(w.weeks_postpartum_min),
                     literal(w.weeks_postpartum_max), literal(w.pain_weeks_min), literal(w.pain_present),
                     literal(w.verdict, "Verdict"));
}

std::string progression(const Progression& p)
{
  return fmt::format("  catalog.progression = Progression{{.green_max = {}, .amber_max = {}, .next_morning_rise = {}, "
                     ".start_phase = {}, .advance_sessions = {}, .advance_days = {}, .advance_green_in_row = {}, "
                     ".step_back = {}, .refer_reds = {}, .refer_within_days = {}, .refer_lasts_days = {},\n"
                     "    .source = {}}};\n",
                     p.green_max, p.amber_max, p.next_morning_rise, p.start_phase, p.advance_sessions, p.advance_days,
                     p.advance_green_in_row, p.step_back, p.refer_reds, p.refer_within_days, p.refer_lasts_days,
                     literal(p.source));
}

template <typename Item, typename Write> std::string items(const char* name, const std::vector<Item>& list, Write write)
{
  std::string out = fmt::format("  catalog.{} = {{\n", name);
  for (const Item& item : list) {
    out += write(item);
  }
  return out + "  };\n";
}

std::string source(const Catalog& c)
{
  std::string out = "// Generated by backcare_catalog_compiler from catalog/*.toml; do not edit.\n"
                    "#include \"backcare/store/catalog_loader.hpp\"\n\n"
                    "#include <optional>\n\n"
                    "namespace backcare {\n\n";
  out += fmt::format("std::string_view compiled_catalog_version()\n{{\n  return {};\n}}\n\n", literal(c.version));
  out += "Catalog compiled_catalog()\n{\n  Catalog catalog;\n";
  out += fmt::format("  catalog.version = {};\n", literal(c.version));
  out += items("exercises", c.exercises, exercise);
  out += items("phases", c.phases, phase);
  out += items("symptoms", c.symptoms, symptom);
  out += items("rules", c.rules, rule);
  out += items("trend_flags", c.trend_flags, trend_flag);
  out += progression(c.progression);
  return out + "  return catalog;\n}\n\n} // namespace backcare\n";
}

} // namespace

int main(int argc, char** argv)
{
  if (argc != 2) {
    std::fputs("usage: backcare_catalog_compiler OUTPUT.cpp\n", stderr);
    return 64;
  }
  try {
    const std::string text = source(parse_catalog(embedded_catalog()));
    std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      std::fprintf(stderr, "backcare_catalog_compiler: cannot write %s\n", argv[1]);
      return 73;
    }
  } catch (const Error& e) {
    std::fprintf(stderr, "backcare_catalog_compiler: the built-in catalog does not load: %s\n", e.what());
    return 65;
  }
  return 0;
}
