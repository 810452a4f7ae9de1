#include "backcare/core/error.hpp"
#include "backcare/core/vocabulary.hpp"
#include "backcare/store/config.hpp"
#include "scratch.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace backcare;

namespace {

// A config file holding `text`, in a scratch folder of its own.
struct ConfigFile {
  ScratchFolder scratch;
  std::string path = (scratch / "config.toml").string();

  explicit ConfigFile(const std::string& text) { std::ofstream(path) << text; }
};

// The message of the config error that loading `text` raises, less the path.
std::string error_of(const std::string& text)
{
  const ConfigFile file(text);
  try {
    load_config(file.path, true);
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::config);
    REQUIRE(std::string(e.what()).starts_with(file.path));
    return std::string(e.what()).substr(file.path.size());
  }
  FAIL("expected a config error");
  return {};
}

} // namespace

TEST_CASE("default_config_path")
{
  CHECK(default_config_path("/x", "/home/a") == "/x/backcare/config.toml");
  CHECK(default_config_path(nullptr, "/home/a") == "/home/a/.config/backcare/config.toml");
}

TEST_CASE("load_config")
{
  SUBCASE("a missing default file is no config; a missing --config file is an error")
  {
    const ScratchFolder scratch;
    const std::string missing = (scratch / "config.toml").string();
    CHECK_FALSE(load_config(missing, false).profile);
    CHECK_THROWS_AS(load_config(missing, true), Error);
  }
  SUBCASE("every key")
  {
    const ConfigFile file("data-dir = \"/d\"\nprofile = \"anna\"\ncatalog = \"/c\"\ncolor = \"never\"\n"
                          "[plan]\ndelivery = \"cesarean\"\nposture = [\"high-hinge\", \"sway-back\"]\n"
                          "equipment = [\"band\"]\nformat = \"ics\"\nweeks-ahead = 4\ntime = \"06:15\"\n"
                          "remind = 30\nexplain = true\n");
    const Config c = load_config(file.path, true);
    CHECK(c.data_dir == "/d");
    CHECK(c.profile == "anna");
    CHECK(c.color == "never");
    CHECK(c.plan.delivery == "cesarean");
    CHECK(c.plan.postures == std::vector<std::string>{"high-hinge", "sway-back"});
    CHECK(c.plan.weeks_ahead == 4);
    CHECK(c.plan.time == "06:15");
    CHECK(c.plan.remind == 30);
    CHECK(c.plan.explain == true);
  }
  SUBCASE("errors give file:line")
  {
    CHECK(error_of("\n\ncolour = \"never\"\n").starts_with(":3: unknown key 'colour'"));
    CHECK(error_of("[plan]\nposture = [\"slouch\"]\n").starts_with(":2: 'posture' must be one of"));
    CHECK(error_of("[plan]\nweeks-ahead = \"2\"\n") == ":2: 'weeks-ahead' must be a whole number 1-12");
    CHECK(error_of("plan = 3\n") == ":1: 'plan' must be a table ([plan])");
    CHECK(error_of("color = \n").starts_with(":1: "));
  }
  SUBCASE("an empty value is a bad value, not a missing one")
  {
    CHECK(error_of("profile = \"anna\"\ndata-dir = \"\"\n").starts_with(":2: 'data-dir' must not be empty"));
    CHECK(error_of("catalog = \"\"\n").starts_with(":1: 'catalog' must not be empty"));
    CHECK(error_of("[plan]\nformat = \"\"\n").starts_with(":2: 'format' must not be empty"));
  }
  SUBCASE("a profile name that is not a file name is refused with its line")
  {
    CHECK(error_of("\nprofile = \"../x\"\n").starts_with(":2: 'profile' must be 1-64 letters"));
  }
}

TEST_CASE("parse_config accepts every word of the vocabularies it reads")
{
  for (const std::string& posture : names_of<Posture>()) {
    CAPTURE(posture);
    CHECK(parse_config("[plan]\nposture = [\"" + posture + "\"]\n", "c.toml").plan.postures
          == std::vector<std::string>{posture});
  }
  for (const std::string& item : names_of<Equipment>()) {
    CAPTURE(item);
    CHECK(parse_config("[plan]\nequipment = [\"" + item + "\"]\n", "c.toml").plan.equipment
          == std::vector<std::string>{item});
  }
  for (const std::string& delivery : names_of<Delivery>(true)) {
    CAPTURE(delivery);
    CHECK(parse_config("[plan]\ndelivery = \"" + delivery + "\"\n", "c.toml").plan.delivery == delivery);
  }
  for (const std::string& format : names_of<PlanFormat>()) {
    CAPTURE(format);
    CHECK(parse_config("[plan]\nformat = \"" + format + "\"\n", "c.toml").plan.format == format);
  }
  for (const std::string& color : names_of<ColorMode>()) {
    CAPTURE(color);
    CHECK(parse_config("color = \"" + color + "\"\n", "c.toml").color == color);
  }
}

TEST_CASE("parse_config: a word outside a vocabulary is refused, naming every word of it")
{
  const auto message = [](const std::string& text) {
    try {
      parse_config(text, "c.toml");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::config);
      return std::string(e.what());
    }
    FAIL("expected a config error");
    return std::string();
  };
  CHECK(message("[plan]\nposture = [\"slouch\"]\n")
        == "c.toml:2: 'posture' must be one of stacked, anterior-tilt, sway-back, high-hinge, got 'slouch'");
  CHECK(message("[plan]\nequipment = [\"rope\"]\n")
        == "c.toml:2: 'equipment' must be one of band, dumbbell, kettlebell, step, none, got 'rope'");
  CHECK(message("[plan]\ndelivery = \"c-section\"\n")
        == "c.toml:2: 'delivery' must be one of vaginal, cesarean, caesarean, got 'c-section'");
  CHECK(message("[plan]\nformat = \"pdf\"\n")
        == "c.toml:2: 'format' must be one of text, json, markdown, csv, ics, got 'pdf'");
  CHECK(message("color = \"yes\"\n") == "c.toml:1: 'color' must be one of auto, always, never, got 'yes'");
}
