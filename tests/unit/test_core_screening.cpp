#include "backcare/core/screening.hpp"

#include <doctest/doctest.h>

using namespace backcare;

namespace {

Date d(const char* text)
{
  return *parse_date(text);
}

Screening screening(const char* at, std::vector<std::string> asked, std::vector<std::string> yes)
{
  return {0, at, std::move(asked), std::move(yes)};
}

const std::vector<std::string> k_all{"fever", "leakage", "night-pain"};

} // namespace

TEST_CASE("screened_signs")
{
  SUBCASE("no screening, no signs")
  {
    const ScreenedSigns none = screened_signs({}, d("2026-11-26"));
    CHECK(none.signs.empty());
    CHECK(none.at.empty());
  }
  SUBCASE("a screening counts for 7 days, the day it was saved included")
  {
    const std::vector<Screening> s{screening("2026-11-20T08:00", k_all, {"leakage"})};
    CHECK(screened_signs(s, d("2026-11-20")).signs == std::vector<std::string>{"leakage"});
    CHECK(screened_signs(s, d("2026-11-26")).signs == std::vector<std::string>{"leakage"});
    CHECK(screened_signs(s, d("2026-11-26")).at == "2026-11-20T08:00");
    CHECK(screened_signs(s, d("2026-11-27")).signs.empty());
    CHECK(screened_signs(s, d("2026-11-27")).at.empty());
  }
  SUBCASE("a later no clears an earlier yes")
  {
    const std::vector<Screening> s{screening("2026-11-20T08:00", k_all, {"leakage", "night-pain"}),
                                   screening("2026-11-22T08:00", k_all, {"night-pain"})};
    CHECK(screened_signs(s, d("2026-11-23")).signs == std::vector<std::string>{"night-pain"});
    CHECK(screened_signs(s, d("2026-11-23")).at == "2026-11-22T08:00");
  }
  SUBCASE("a question not asked later keeps the earlier answer")
  {
    const std::vector<Screening> s{screening("2026-11-20T08:00", k_all, {"leakage"}),
                                   screening("2026-11-22T08:00", {"fever"}, {})};
    CHECK(screened_signs(s, d("2026-11-23")).signs == std::vector<std::string>{"leakage"});
  }
  SUBCASE("a screening dated after today does not count")
  {
    const std::vector<Screening> s{screening("2026-11-20T08:00", k_all, {}),
                                   screening("2026-11-25T08:00", k_all, {"fever"})};
    CHECK(screened_signs(s, d("2026-11-24")).signs.empty());
    CHECK(screened_signs(s, d("2026-11-25")).signs == std::vector<std::string>{"fever"});
  }
}

TEST_CASE("screening_status")
{
  SUBCASE("never screened: nothing to say")
  {
    const ScreeningStatus none = screening_status({}, d("2026-11-26"));
    CHECK(none.last_at.empty());
    CHECK_FALSE(none.lapsed);
  }
  const std::vector<Screening> s{screening("2026-11-12T08:00", k_all, {"leakage", "night-pain"}),
                                 screening("2026-11-19T21:00", k_all, {"leakage"}),
                                 screening("2026-11-30T08:00", k_all, {})};
  SUBCASE("the answers count for 7 days, the day they were saved included")
  {
    const ScreeningStatus current = screening_status(s, d("2026-11-25"));
    CHECK(current.last_at == "2026-11-19T21:00");
    CHECK_FALSE(current.lapsed);
  }
  SUBCASE("then they lapse; the signs in force that day (a later no cleared night pain)")
  {
    const ScreeningStatus old = screening_status(s, d("2026-11-26"));
    CHECK(old.last_at == "2026-11-19T21:00");
    CHECK(old.lapsed);
    CHECK(old.yes == std::vector<std::string>{"leakage"});
  }
}
