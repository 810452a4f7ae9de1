#include "backcare/core/error.hpp"
#include "backcare/store/catalog_loader.hpp"
#include "scratch.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace backcare;

namespace {

// A small valid catalog; tests append or replace lines to break it.
const std::string k_minimal = R"([catalog]
version = "test"

[[phase]]
number = 1
name = "Foundations"
focus = "breathing"
min_weeks = { vaginal = 0, cesarean = 0 }
criteria = ["ok"]
source = "test"

[[exercise]]
id = "breath"
name = "Breath"
phase = 1
category = "breathing"
dosage = { sets = 1, reps = 10, days_per_week = 7 }
cues = ["Breathe."]
equipment = []
regression = "Lie down."
progression = "Stand up."
postures = []
source = "test"

[[symptom]]
id = "fever"
question = "Fever?"

[[rule]]
id = "infection"
title = "Fever"
level = "urgent"
refer_to = "GP"
message = "See a GP today."
source = "test"
when = { symptoms_any = ["fever"] }
)";

// The message of the data error that parsing `text` raises.
std::string error_of(const std::string& text)
{
  try {
    parse_catalog({{"test.toml", text}});
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::data);
    return e.what();
  }
  FAIL("expected a data error");
  return {};
}

std::string replaced(std::string text, const std::string& from, const std::string& to)
{
  const auto pos = text.find(from);
  REQUIRE(pos != std::string::npos);
  return text.replace(pos, from.size(), to);
}

} // namespace

TEST_CASE("parse_catalog: the built-in catalog")
{
  const Catalog catalog = parse_catalog(embedded_catalog());
  CHECK(catalog.phases.size() == 4);
  CHECK_FALSE(catalog.version.empty());
  for (const char* id :
       {"breathing-360", "rock-back-breathing", "connection-breath", "alignment-check", "pallof-press-half-kneeling",
        "heel-slide", "side-plank", "split-squat-band-rotation", "plank", "copenhagen-side-plank-bent-knee",
        "bridge-90-90-hams", "long-lever-bridge", "kickstand-deadlift-rotation", "hip-hinge", "hip-shift", "walking"}) {
    CAPTURE(id);
    CHECK(catalog.find_exercise(id));
  }
  CHECK(catalog.symptoms.size() >= 22);
  for (const Rule& rule : catalog.rules) {
    CAPTURE(rule.id);
    CHECK_FALSE(rule.source.empty());
    CHECK_FALSE(rule.message.empty());
  }
  CHECK(catalog.find_phase(2)->min_weeks(Delivery::cesarean) == 6);
  CHECK(catalog.find_phase(3)->min_weeks(Delivery::vaginal) == 6);
}

TEST_CASE("parse_catalog: a minimal catalog")
{
  const Catalog catalog = parse_catalog({{"test.toml", k_minimal}});
  CHECK(catalog.version == "test");
  REQUIRE(catalog.exercises.size() == 1);
  CHECK(catalog.exercises[0].dosage.reps == 10);
  CHECK(catalog.rules[0].level == Level::urgent);
}

TEST_CASE("parse_catalog: errors carry file:line:column")
{
  SUBCASE("unknown key")
  {
    CHECK(error_of(replaced(k_minimal, "cues = [", "colour = \"red\"\ncues = ["))
          == "test.toml:18:1: exercise 'breath': unknown key 'colour'");
  }
  SUBCASE("missing field")
  {
    CHECK(error_of(replaced(k_minimal, "regression = \"Lie down.\"\n", ""))
          == "test.toml:12:1: exercise 'breath': missing field 'regression'");
  }
  SUBCASE("wrong type")
  {
    CHECK(error_of(replaced(k_minimal, "phase = 1\ncategory", "phase = \"one\"\ncategory"))
          == "test.toml:15:9: exercise 'breath': 'phase' must be a whole number");
  }
  SUBCASE("out of range")
  {
    CHECK(error_of(replaced(k_minimal, "days_per_week = 7", "days_per_week = 8")).find("test.toml:17:") == 0);
  }
  SUBCASE("duplicate id")
  {
    const std::string text = k_minimal + "\n[[symptom]]\nid = \"fever\"\nquestion = \"Again?\"\n";
    CHECK(error_of(text) == "test.toml:38:1: duplicate symptom 'fever' (first defined at test.toml:25:1)");
  }
  SUBCASE("rule naming an unknown symptom")
  {
    CHECK(error_of(replaced(k_minimal, "[\"fever\"] }", "[\"fever\", \"fevre\"] }"))
          == "test.toml:29:1: rule 'infection': unknown symptom 'fevre'");
  }
  SUBCASE("rule naming an unknown exercise")
  {
    CHECK(error_of(k_minimal + "avoid = [\"plank\"]\n")
          == "test.toml:29:1: rule 'infection': unknown exercise 'plank' in 'avoid'");
  }
  SUBCASE("phase with no exercises")
  {
    const std::string text = k_minimal
                             + "\n[[phase]]\nnumber = 2\nname = \"Two\"\nfocus = \"x\"\n"
                               "min_weeks = { vaginal = 2, cesarean = 6 }\ncriteria = []\nsource = \"t\"\n";
    CHECK(error_of(text) == "test.toml:38:1: phase 2 has no exercises");
  }
  SUBCASE("text with a control character")
  {
    CHECK(error_of(replaced(k_minimal, "\"Breathe.\"", "\"Breathe.\\u001b[2J\""))
          == "test.toml:18:9: exercise 'breath': 'cues' holds a control character: 'Breathe.\\x1b[2J'");
  }
  SUBCASE("phase 1 that does not open at week 0")
  {
    CHECK(error_of(replaced(k_minimal, "vaginal = 0, cesarean = 0", "vaginal = 0, cesarean = 2"))
          == "test.toml:4:1: phase 1 must open at week 0 (min_weeks = { vaginal = 0, cesarean = 0 })");
  }
  SUBCASE("unknown category")
  {
    CHECK(error_of(replaced(k_minimal, "\"breathing\"\ndosage", "\"stretching\"\ndosage"))
              .find("test.toml:16:12: exercise 'breath': unknown category 'stretching'")
          == 0);
  }
  SUBCASE("symptom no rule names")
  {
    const std::string text = k_minimal + "\n[[symptom]]\nid = \"itch\"\nquestion = \"Itch?\"\n";
    CHECK(error_of(text) == "test.toml:38:1: symptom 'itch' is not named by any rule");
  }
  SUBCASE("a phase closed by an unknown symptom")
  {
    CHECK(error_of(replaced(k_minimal, "criteria = [\"ok\"]", "criteria = [\"ok\"]\nclosed_by = [\"bleed\"]"))
              .find("unknown symptom 'bleed' in 'closed_by'")
          != std::string::npos);
  }
  SUBCASE("a rule on an unknown verdict")
  {
    CHECK(error_of(replaced(k_minimal, "when = { symptoms_any = [\"fever\"] }", "when = { trend_verdict = \"worst\" }"))
              .find("unknown verdict 'worst'")
          != std::string::npos);
  }
  SUBCASE("unknown top-level table")
  {
    CHECK(error_of(k_minimal + "\n[[exercises]]\nid = \"x\"\n").find("test.toml:38:3: unknown key 'exercises'") == 0);
  }
}

TEST_CASE("parse_catalog: malformed TOML is a parse error, not a crash")
{
  // These once hit an assertion in toml++'s header-only mode (marzer/tomlplusplus#294).
  for (const char* text : {"[,a]", "[&", "[[[1]]]"}) {
    CAPTURE(text);
    CHECK(error_of(text).rfind("test.toml:1:", 0) == 0);
  }
  CHECK(error_of("x = \"unterminated\n").rfind("test.toml:1:", 0) == 0);
}

TEST_CASE("parse_catalog: a non-ASCII character where toml++ would test it for whitespace is refused first")
{
  // toml++ 3.3.0 reaches __builtin_unreachable on these (UBSan, fuzz preset):
  // a Latin letter outside a string, and one after a backslash in a """ string.
  CHECK(error_of("x = 1\n\xc3\xa9 = 1\n")
        == "test.toml:2:1: a character other than ASCII outside a quoted string or a comment");
  CHECK(error_of("coo\xc4\x8eys\"\n").rfind("test.toml:1:4: a character other than ASCII outside", 0) == 0);
  CHECK(error_of("a.b\xc3\xa9 = 1").rfind("test.toml:1:4: ", 0) == 0);
  CHECK(error_of("x = \"\"\"\\\n  \xc3\xa9t\xc3\xa9\"\"\"\n")
            .rfind("test.toml:2:3: a character other than ASCII right after a backslash", 0)
        == 0);
  CHECK(error_of("x = \"\"\"\\\xc3\xa9\"\"\"\n").rfind("test.toml:1:9: a character other than ASCII right after", 0)
        == 0);
  // In strings and comments, anywhere else, it is text like any other: what
  // the catalog says next (an unknown key) comes after the parse.
  for (const char* text :
       {"x = \"\xc3\xa9\"\n", "x = '\xc3\xa9'\n", "x = \"\"\"a\n\xc3\xa9\"\"\"\n", "x = '''\\\n\xc3\xa9'''\n",
        "# \xc3\xa9\nx = 1\n", "\"\xc3\xa9\" = 1\n", "x = \"\\\"\xc3\xa9\"\n"}) {
    CAPTURE(text);
    CHECK(error_of(text).find("other than ASCII") == std::string::npos);
  }
}

TEST_CASE("read_catalog_sources")
{
  const ScratchFolder scratch;
  const std::filesystem::path& dir = scratch.path();
  SUBCASE("a missing path is no_input")
  {
    try {
      read_catalog_sources((dir / "missing").string());
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::no_input);
    }
  }
  SUBCASE("a folder reads its .toml files in name order")
  {
    std::ofstream(dir / "b.toml") << "[catalog]\nversion = \"b\"\n";
    std::ofstream(dir / "a.toml") << "# a\n";
    std::ofstream(dir / "notes.txt") << "ignored";
    const auto sources = read_catalog_sources(dir.string());
    REQUIRE(sources.size() == 2);
    CHECK(sources[0].path == (dir / "a.toml").string());
    CHECK(sources[1].text == "[catalog]\nversion = \"b\"\n");
  }
}

namespace {

const std::string k_progression = R"(
[progression]
green_max = 2
amber_max = 4
next_morning_rise = 3
start_phase = 1
advance_sessions = 8
advance_days = 21
advance_green_in_row = 3
step_back = 1
refer_reds = 2
refer_within_days = 10
refer_lasts_days = 14
source = "test"
)";

} // namespace

TEST_CASE("parse_catalog: [progression]")
{
  SUBCASE("the built-in catalog ships the default thresholds")
  {
    Progression shipped = parse_catalog(embedded_catalog()).progression;
    CHECK(shipped.source.find("Silbernagel") != std::string::npos);
    shipped.source.clear();
    CHECK(shipped == Progression{});
  }
  SUBCASE("a catalog without the table gets the defaults")
  {
    const Progression rules = parse_catalog({{"test.toml", k_minimal}}).progression;
    CHECK(rules.green_max == 3);
    CHECK(rules.advance_sessions == 6);
    CHECK(rules.start_phase == 1); // the minimal catalog has one phase
    CHECK(rules.source.find("no [progression] table") != std::string::npos);
  }
  SUBCASE("read from any file of the catalog")
  {
    const Progression rules = parse_catalog({{"test.toml", k_minimal}, {"p.toml", k_progression}}).progression;
    CHECK(rules.green_max == 2);
    CHECK(rules.amber_max == 4);
    CHECK(rules.next_morning_rise == 3);
    CHECK(rules.start_phase == 1);
    CHECK(rules.advance_sessions == 8);
    CHECK(rules.advance_days == 21);
    CHECK(rules.advance_green_in_row == 3);
    CHECK(rules.refer_within_days == 10);
    CHECK(rules.refer_lasts_days == 14);
    CHECK(rules.source == "test");
  }
  SUBCASE("amber below green")
  {
    CHECK(error_of(k_minimal + replaced(k_progression, "amber_max = 4", "amber_max = 1"))
          == "test.toml:40:13: progression: 'amber_max' must be 2-10, got 1");
  }
  SUBCASE("more greens in a row than sessions")
  {
    CHECK(error_of(k_minimal + replaced(k_progression, "advance_green_in_row = 3", "advance_green_in_row = 9"))
          == "test.toml:45:24: progression: 'advance_green_in_row' must be 1-8, got 9");
  }
  SUBCASE("a missing key")
  {
    CHECK(error_of(k_minimal + replaced(k_progression, "step_back = 1\n", ""))
          == "test.toml:38:1: progression: missing field 'step_back'");
  }
  SUBCASE("an unknown key")
  {
    CHECK(error_of(k_minimal + k_progression + "green_min = 0\n")
          == "test.toml:51:1: progression: unknown key 'green_min'");
  }
  SUBCASE("a start phase the catalog does not define")
  {
    CHECK(error_of(k_minimal + replaced(k_progression, "start_phase = 1", "start_phase = 2"))
          == "test.toml:38:1: progression: start_phase 2 is not a defined phase");
  }
  SUBCASE("defined twice across files")
  {
    try {
      parse_catalog({{"a.toml", k_minimal + k_progression}, {"b.toml", k_progression}});
      FAIL("expected a data error");
    } catch (const Error& e) {
      CHECK(std::string(e.what()) == "b.toml:2:1: duplicate [progression] (first defined at a.toml:38:1)");
    }
  }
}

TEST_CASE("parse_catalog accepts every word of the vocabularies it reads")
{
  for (const std::string& category : names_of<Category>()) {
    CAPTURE(category);
    const Catalog c =
        parse_catalog({{"test.toml", replaced(k_minimal, "\"breathing\"\ndosage", "\"" + category + "\"\ndosage")}});
    CHECK(c.exercises[0].category == category);
  }
  for (const std::string& item : names_of<Equipment>()) {
    CAPTURE(item);
    const Catalog c =
        parse_catalog({{"test.toml", replaced(k_minimal, "equipment = []", "equipment = [\"" + item + "\"]")}});
    CHECK(c.exercises[0].equipment == std::vector<std::string>{item});
  }
  for (const std::string& posture : names_of<Posture>()) {
    CAPTURE(posture);
    const Catalog c =
        parse_catalog({{"test.toml", replaced(k_minimal, "postures = []", "postures = [\"" + posture + "\"]")}});
    CHECK(c.exercises[0].postures == std::vector<std::string>{posture});
  }
  for (const Level level : values_of<Level>()) {
    CAPTURE(name_of(level));
    const std::string text =
        replaced(k_minimal, "level = \"urgent\"", "level = \"" + std::string(name_of(level)) + "\"");
    CHECK(parse_catalog({{"test.toml", text}}).rules[0].level == level);
  }
  for (const std::string& delivery : names_of<Delivery>(true)) {
    CAPTURE(delivery);
    const std::string text = replaced(k_minimal, "[\"fever\"] }", "[\"fever\"], delivery = \"" + delivery + "\" }");
    CHECK(parse_catalog({{"test.toml", text}}).rules[0].when.delivery == parse_word<Delivery>(delivery));
  }
  for (const Verdict verdict : values_of<Verdict>()) {
    const std::string name(name_of(verdict));
    CAPTURE(name);
    const std::string rule = replaced(k_minimal, "[\"fever\"] }", "[\"fever\"], trend_verdict = \"" + name + "\" }");
    CHECK(parse_catalog({{"test.toml", rule}}).rules[0].when.trend_verdict == verdict);
    const std::string flag = k_minimal
                             + "\n[[trend_flag]]\nid = \"note\"\nmessage = \"m\"\nsource = \"s\"\nwhen = { verdict = \""
                             + name + "\" }\n";
    const Catalog c = parse_catalog({{"test.toml", flag}});
    REQUIRE(c.trend_flags.size() == 1);
    CHECK(c.trend_flags[0].when.verdict == verdict);
  }
}
