#include "backcare/core/entry.hpp"
#include "backcare/core/vocabulary.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

using namespace backcare;

namespace {

using Names = std::vector<std::string>;

// Every value has one name that parses back to it, the names follow the
// enum's order, no two words are spelled alike, and each alias parses to a
// value.
template <typename E> void check_round_trip(const char* vocabulary)
{
  CAPTURE(vocabulary);
  const auto values = values_of<E>();
  const Names names = names_of<E>();
  REQUIRE(names.size() == values.size());
  std::set<std::string> seen;
  for (std::size_t i = 0; i < values.size(); ++i) {
    CAPTURE(names[i]);
    CHECK(static_cast<std::size_t>(values[i]) == i);
    CHECK(name_of(values[i]) == names[i]);
    CHECK(parse_word<E>(names[i]) == values[i]);
    CHECK_FALSE(names[i].empty());
    CHECK(seen.insert(names[i]).second);
  }
  const Names all = names_of<E>(true);
  REQUIRE(all.size() >= names.size());
  CHECK(Names(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(names.size())) == names);
  for (std::size_t i = names.size(); i < all.size(); ++i) {
    CAPTURE(all[i]);
    CHECK(parse_word<E>(all[i]));
    CHECK(seen.insert(all[i]).second);
  }
  CHECK_FALSE(parse_word<E>(""));
  CHECK_FALSE(parse_word<E>(names.front() + " "));
}

} // namespace

TEST_CASE("every vocabulary round-trips through name_of and parse_word")
{
  check_round_trip<Level>("Level");
  check_round_trip<Delivery>("Delivery");
  check_round_trip<Category>("Category");
  check_round_trip<Posture>("Posture");
  check_round_trip<Equipment>("Equipment");
  check_round_trip<Location>("Location");
  check_round_trip<Verdict>("Verdict");
  check_round_trip<PeriodKind>("PeriodKind");
  check_round_trip<ColorMode>("ColorMode");
  check_round_trip<PlanFormat>("PlanFormat");
  check_round_trip<TrendFormat>("TrendFormat");
  check_round_trip<ListFormat>("ListFormat");
}

// The words are part of the contract (options, JSON, the config file and
// the catalog): renaming one breaks its users, and the order is the order of
// help texts and of comparisons between levels.
TEST_CASE("names_of: the contract's words, in order")
{
  CHECK(names_of<Level>() == Names{"self-care", "refer", "urgent", "emergency"});
  CHECK(names_of<Delivery>() == Names{"vaginal", "cesarean"});
  CHECK(names_of<Category>() == Names{"alignment", "breathing", "core", "glutes-hamstrings", "hip-hinge", "move-more"});
  CHECK(names_of<Posture>() == Names{"stacked", "anterior-tilt", "sway-back", "high-hinge"});
  CHECK(names_of<Equipment>() == Names{"band", "dumbbell", "kettlebell", "step", "none"});
  CHECK(names_of<Location>() == Names{"low-back", "pelvis", "sacroiliac", "pubic", "hip", "other"});
  CHECK(names_of<Verdict>() == Names{"improved", "worse", "no-meaningful-change", "insufficient-data"});
  CHECK(names_of<PeriodKind>() == Names{"day", "week", "month"});
  CHECK(names_of<ColorMode>() == Names{"auto", "always", "never"});
  CHECK(names_of<PlanFormat>() == Names{"text", "json", "markdown", "csv", "ics"});
  CHECK(names_of<TrendFormat>() == Names{"text", "json", "csv", "svg"});
  CHECK(names_of<ListFormat>() == Names{"text", "json", "csv"});
}

TEST_CASE("names_of with aliases: the canonical names, then the aliases")
{
  CHECK(names_of<Delivery>(true) == Names{"vaginal", "cesarean", "caesarean"});
  CHECK(names_of<Level>(true) == names_of<Level>());
}

TEST_CASE("parse_word")
{
  SUBCASE("an alias parses to its value, whose name stays the canonical one")
  {
    CHECK(parse_word<Delivery>("caesarean") == Delivery::cesarean);
    CHECK(name_of(*parse_word<Delivery>("caesarean")) == "cesarean");
  }
  SUBCASE("words are matched exactly")
  {
    CHECK_FALSE(parse_word<Delivery>("c-section"));
    CHECK_FALSE(parse_word<Delivery>("Vaginal"));
    CHECK_FALSE(parse_word<Level>("self_care"));
    CHECK_FALSE(parse_word<Level>("severe"));
    CHECK_FALSE(parse_word<ColorMode>("automatic")); // the enum's name is not a word
  }
}

TEST_CASE("levels compare from the least severe")
{
  CHECK(Level::self_care < Level::refer);
  CHECK(Level::refer < Level::urgent);
  CHECK(Level::urgent < Level::emergency);
}

TEST_CASE("entry_problem accepts every Location and names them all otherwise")
{
  const Date today = *parse_date("2026-11-26");
  Entry entry;
  entry.at = "2026-11-01T08:00";
  entry.severity = 3;
  for (const std::string& location : names_of<Location>()) {
    CAPTURE(location);
    entry.location = location;
    CHECK(entry_problem(entry, today).empty());
  }
  entry.location = "knee";
  CHECK(entry_problem(entry, today)
        == "'location' must be one of low-back, pelvis, sacroiliac, pubic, hip, other, got 'knee'");
}
