#include "backcare/core/screening.hpp"

#include "backcare/core/entry.hpp"

#include <algorithm>
#include <map>

namespace backcare {

ScreenedSigns screened_signs(const std::vector<Screening>& screenings, Date today)
{
  const Date first = today - std::chrono::days{k_screening_days - 1};
  std::map<std::string, bool> latest; // symptom -> its latest answer
  std::vector<std::string> order;
  ScreenedSigns result;
  for (const Screening& screening : screenings) {
    const Date day = date_of(screening.at);
    if (day < first || day > today) {
      continue;
    }
    result.at = screening.at;
    for (const std::string& id : screening.asked) {
      const bool yes = std::find(screening.yes.begin(), screening.yes.end(), id) != screening.yes.end();
      if (latest.emplace(id, yes).second) {
        order.push_back(id);
      } else {
        latest[id] = yes;
      }
    }
  }
  for (const std::string& id : order) {
    if (latest[id]) {
      result.signs.push_back(id);
    }
  }
  return result;
}

ScreeningStatus screening_status(const std::vector<Screening>& screenings, Date today)
{
  ScreeningStatus status;
  for (const Screening& screening : screenings) {
    if (date_of(screening.at) <= today) {
      status.last_at = screening.at;
    }
  }
  if (status.last_at.empty()) {
    return status;
  }
  const Date last = date_of(status.last_at);
  status.lapsed = days_between(last, today) >= k_screening_days;
  status.yes = screened_signs(screenings, last).signs;
  return status;
}

} // namespace backcare
