#include "backcare/core/screening.hpp"

#include "tiny_catalog.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace backcare;

namespace {

Date d(const char* text)
{
  return *parse_date(text);
}

Screening screening(const char* at, std::vector<std::string> asked, std::vector<std::string> yes,
                    std::vector<std::string> checked = {})
{
  return {0, at, std::move(asked), std::move(yes), std::move(checked)};
}

std::vector<std::string> all_questions()
{
  std::vector<std::string> ids;
  for (const Symptom& symptom : tiny_catalog().symptoms) {
    ids.push_back(symptom.id);
  }
  return ids;
}

using Ids = std::vector<std::string>;

} // namespace

TEST_CASE("needs_check_to_clear")
{
  CHECK(needs_check_to_clear(tiny_catalog(), "saddle-numbness")); // emergency
  CHECK(needs_check_to_clear(tiny_catalog(), "fever"));           // urgent
  CHECK_FALSE(needs_check_to_clear(tiny_catalog(), "leakage"));   // refer
}

TEST_CASE("screened_signs")
{
  const Catalog& c = tiny_catalog();
  SUBCASE("no screening, no signs")
  {
    const ScreenedSigns none = screened_signs(c, {}, d("2026-11-26"));
    CHECK(none.signs.empty());
    CHECK(none.at.empty());
  }
  SUBCASE("a yes never lapses: it stays in force weeks later, until a no")
  {
    const std::vector<Screening> s{screening("2026-11-11T08:00", {"leakage"}, {"leakage"}),
                                   screening("2026-12-20T08:00", {"leakage"}, {})};
    CHECK(screened_signs(c, s, d("2026-11-18")).signs == Ids{"leakage"});
    CHECK(screened_signs(c, s, d("2026-12-19")).signs == Ids{"leakage"});
    CHECK(screened_signs(c, s, d("2026-12-19")).at == "2026-11-11T08:00");
    CHECK(screened_signs(c, s, d("2026-12-20")).signs.empty());
    CHECK(screened_signs(c, s, d("2026-11-10")).signs.empty()); // before the yes
  }
  SUBCASE("an emergency sign is not cleared by a bare no, only by a no after a check")
  {
    const std::vector<Screening> s{screening("2026-11-11T08:00", {"saddle-numbness"}, {"saddle-numbness"}),
                                   screening("2026-11-12T08:00", {"saddle-numbness"}, {}),
                                   screening("2026-11-14T08:00", {"saddle-numbness"}, {}, {"saddle-numbness"})};
    CHECK(screened_signs(c, s, d("2026-11-12")).signs == Ids{"saddle-numbness"});
    CHECK(screened_signs(c, s, d("2026-11-13")).signs == Ids{"saddle-numbness"});
    CHECK(screened_signs(c, s, d("2026-11-14")).signs.empty());
  }
  SUBCASE("a checked yes still stands but holds nothing, and a later yes does not raise it again")
  {
    const std::vector<Screening> s{screening("2026-11-11T08:00", {"fever"}, {"fever"}),
                                   screening("2026-11-12T08:00", {"fever"}, {"fever"}, {"fever"}),
                                   screening("2026-11-20T08:00", all_questions(), {"fever"})};
    CHECK(screened_signs(c, s, d("2026-11-11")).signs == Ids{"fever"});
    CHECK(screened_signs(c, s, d("2026-11-12")).signs.empty());
    CHECK(screened_signs(c, s, d("2026-11-20")).signs.empty());
  }
  SUBCASE("a question not asked keeps its answer; signs are listed in the order they began")
  {
    const std::vector<Screening> s{screening("2026-11-11T08:00", {"leakage", "doming"}, {"doming"}),
                                   screening("2026-11-12T08:00", {"leakage"}, {"leakage"})};
    CHECK(screened_signs(c, s, d("2026-11-30")).signs == Ids{"doming", "leakage"});
  }
}

TEST_CASE("sign_spans")
{
  const Catalog& c = tiny_catalog();
  const std::vector<Screening> s{screening("2026-11-01T08:00", {"leakage", "fever"}, {"leakage", "fever"}),
                                 screening("2026-11-03T08:00", {"leakage", "fever"}, {}),
                                 screening("2026-11-05T08:00", {"fever"}, {}, {"fever"}),
                                 screening("2026-11-09T08:00", {"leakage"}, {"leakage"})};
  const std::vector<SignSpan> spans = sign_spans(c, s, d("2026-11-30"));
  REQUIRE(spans.size() == 3);
  CHECK(spans[0].id == "leakage");
  CHECK(spans[0].until == "2026-11-03T08:00");
  CHECK(spans[0].end == SignEnd::no);
  CHECK(spans[1].id == "fever");
  CHECK(spans[1].unchecked_no == "2026-11-03T08:00");
  CHECK(spans[1].until == "2026-11-05T08:00");
  CHECK(spans[1].end == SignEnd::checked);
  CHECK_FALSE(spans[1].still_true);
  CHECK(spans[2].id == "leakage");
  CHECK(spans[2].since == "2026-11-09T08:00");
  CHECK(spans[2].end == SignEnd::in_force);
  CHECK(sign_spans(c, s, d("2026-11-04")).size() == 2); // later screenings are not seen
}

TEST_CASE("answered_no_recently and screened_recently")
{
  const Catalog& c = tiny_catalog();
  const std::vector<Screening> s{screening("2026-11-10T08:00", {"leakage", "heaviness"}, {"heaviness"})};
  CHECK(answered_no_recently(c, s, "leakage", d("2026-11-16")));
  CHECK_FALSE(answered_no_recently(c, s, "leakage", d("2026-11-17")));   // a no counts for 7 days
  CHECK_FALSE(answered_no_recently(c, s, "heaviness", d("2026-11-12"))); // answered yes
  CHECK_FALSE(answered_no_recently(c, s, "doming", d("2026-11-12")));    // never asked
  CHECK(screened_recently(s, d("2026-11-16")));
  CHECK_FALSE(screened_recently(s, d("2026-11-17")));
  CHECK_FALSE(screened_recently(s, d("2026-11-09")));
}

TEST_CASE("screening_status")
{
  const Catalog& c = tiny_catalog();
  SUBCASE("never screened: lapsed, every question unanswered")
  {
    const ScreeningStatus none = screening_status(c, {}, d("2026-11-26"));
    CHECK(none.last_at.empty());
    CHECK(none.lapsed);
    CHECK(none.unanswered == all_questions());
  }
  SUBCASE("every question answered this week: up to date, for 7 days")
  {
    const std::vector<Screening> s{screening("2026-11-20T08:00", all_questions(), {"leakage"})};
    const ScreeningStatus now = screening_status(c, s, d("2026-11-26"));
    CHECK_FALSE(now.lapsed);
    CHECK(now.last_at == "2026-11-20T08:00");
    REQUIRE(now.in_force.size() == 1);
    CHECK(now.in_force[0].id == "leakage");
    const ScreeningStatus later = screening_status(c, s, d("2026-11-27"));
    CHECK(later.lapsed);
    CHECK(later.unanswered.size() == all_questions().size() - 1); // the yes still counts as an answer
    CHECK(later.in_force.size() == 1);
  }
  SUBCASE("a partial screening leaves the other questions unanswered")
  {
    const std::vector<Screening> s{screening("2026-11-20T08:00", {"leakage"}, {})};
    const ScreeningStatus now = screening_status(c, s, d("2026-11-21"));
    CHECK(now.lapsed);
    CHECK(std::find(now.unanswered.begin(), now.unanswered.end(), "leakage") == now.unanswered.end());
  }
  SUBCASE("a checked yes is listed as done, not in force")
  {
    const std::vector<Screening> s{screening("2026-11-20T08:00", {"doming"}, {"doming"}, {"doming"})};
    const ScreeningStatus now = screening_status(c, s, d("2026-11-21"));
    CHECK(now.in_force.empty());
    REQUIRE(now.checked.size() == 1);
    CHECK(now.checked[0].id == "doming");
  }
}

TEST_CASE("signs_in_force_on: the spans give what screened_signs gives, on every day")
{
  const Catalog& c = tiny_catalog();
  const std::vector<Screening> s{screening("2026-11-01T08:00", {"leakage", "fever"}, {"leakage", "fever"}),
                                 screening("2026-11-03T08:00", {"leakage", "fever"}, {}),
                                 screening("2026-11-05T08:00", {"fever"}, {}, {"fever"}),
                                 screening("2026-11-09T08:00", {"leakage", "doming"}, {"leakage", "doming"}),
                                 screening("2026-11-12T08:00", {"doming"}, {"doming"}, {"doming"})};
  const std::vector<SignSpan> spans = sign_spans(c, s, d("2026-11-20"));
  for (Date day = d("2026-10-30"); day <= d("2026-11-20"); day += std::chrono::days{1}) {
    CAPTURE(format_date(day));
    CHECK(signs_in_force_on(spans, day) == screened_signs(c, s, day).signs);
  }
}
