// The pain-log query `backcare report` uses: PainLog::digest.

#include "backcare/core/report.hpp"
#include "backcare/store/pain_log.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace backcare;

namespace {

Entry entry(const char* at, int severity, const char* location, std::vector<std::string> tags = {},
            const char* note = "")
{
  return {0, at, severity, location, std::move(tags), note};
}

const std::vector<Entry> k_entries{
    entry("2026-09-04T07:30", 5, "low-back"),
    entry("2026-09-04T19:00", 6, "pelvis", {"Clinician"}, "pubic bone when turning"),
    entry("2026-09-05T07:30", 5, "low-back", {"night", "clinician"}, "woke twice"),
    entry("2026-09-06T07:30", 2, "low-back", {"clinicians"}, "not this one"),
    entry("2026-09-07T07:30", 5, "pelvis", {"cl%nician"}, "nor this one"),
    entry("2026-10-01T07:30", 1, "hip", {"clinician"}, "outside the range"),
};

} // namespace

TEST_CASE("PainLog: what the report reads of the entries")
{
  auto log = PainLog::open_empty();
  for (const Entry& e : k_entries) {
    log->add(e);
  }
  const EntryFilter september{parse_date("2026-09-01"), parse_date("2026-09-30")};

  SUBCASE("groups: one per location and severity, with the count and the latest time")
  {
    auto groups = log->digest(september, k_clinician_tag).groups;
    std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
      return std::tie(a.location, a.severity) < std::tie(b.location, b.severity);
    });
    REQUIRE(groups.size() == 4);
    CHECK(groups[0].location == "low-back");
    CHECK(groups[0].severity == 2);
    CHECK(groups[1].severity == 5);
    CHECK(groups[1].entries == 2);
    CHECK(groups[1].last_at == "2026-09-05T07:30");
    CHECK(groups[3].location == "pelvis");
    CHECK(groups[3].severity == 6);
    CHECK(log->digest({parse_date("2026-11-01"), std::nullopt}, k_clinician_tag).groups.empty());
  }
  SUBCASE("the groups tally as the entries do")
  {
    EntryTally streamed;
    EntryTally grouped;
    for (const Entry& e : k_entries) {
      if (date_of(e.at) <= *september.until) {
        streamed.add(e);
      }
    }
    for (const auto& g : log->digest(september, k_clinician_tag).groups) {
      grouped.add_group(g.location, g.severity, g.entries, g.last_at);
    }
    CHECK(grouped.best()->severity == streamed.best()->severity);
    CHECK(grouped.worst()->last_at == streamed.worst()->last_at);
    CHECK(grouped.worst()->location == "pelvis");
    REQUIRE(grouped.locations().size() == streamed.locations().size());
    for (std::size_t i = 0; i < grouped.locations().size(); ++i) {
      CHECK(grouped.locations()[i].entries == streamed.locations()[i].entries);
      CHECK(grouped.locations()[i].mean == doctest::Approx(streamed.locations()[i].mean));
      CHECK(grouped.locations()[i].max == streamed.locations()[i].max);
    }
  }
  SUBCASE("tagged: the exact tag in any ASCII case, in time order, in the range")
  {
    std::vector<std::string> notes;
    for (const Entry& e : log->digest(september, k_clinician_tag).tagged) {
      notes.push_back(e.note);
    }
    CHECK(notes == std::vector<std::string>{"pubic bone when turning", "woke twice"});
    const auto odd = log->digest(september, "cl%nician").tagged;
    REQUIRE(odd.size() == 1);
    CHECK(odd[0].note == "nor this one");
    CHECK(odd[0].tags == std::vector<std::string>{"cl%nician"});
    CHECK(odd[0].location == "pelvis");
  }
}
