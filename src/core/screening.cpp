#include "backcare/core/screening.hpp"

#include "backcare/core/entry.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace backcare {
namespace {

bool contains(const std::vector<std::string>& ids, std::string_view id)
{
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The first day whose answers still count on `today`.
Date window_start(Date today)
{
  return today - std::chrono::days{k_screening_days - 1};
}

// The spans of every sign, walked answer by answer, with the signs whose
// "yes" a clinician has checked and that still stand.
struct Walk {
  std::vector<SignSpan> spans;
  std::map<std::string, std::size_t> open; // id -> its span in force
  std::set<std::string> checked_true;      // a checked "yes" that still stands

  void answer(const Catalog& catalog, const std::string& id, const std::string& at, bool yes, bool checked)
  {
    const auto it = open.find(id);
    if (yes && checked_true.contains(id)) {
      return; // the same sign a clinician has already checked
    }
    if (yes) {
      SignSpan& span = it == open.end() ? start(id, at) : spans[it->second];
      if (checked) {
        end(span, at, SignEnd::checked);
        span.still_true = true;
        checked_true.insert(id);
      }
      return;
    }
    checked_true.erase(id);
    if (it == open.end()) {
      return;
    }
    SignSpan& span = spans[it->second];
    if (checked || !needs_check_to_clear(catalog, id)) {
      end(span, at, checked ? SignEnd::checked : SignEnd::no);
    } else {
      span.unchecked_no = at;
    }
  }

  SignSpan& start(const std::string& id, const std::string& at)
  {
    open[id] = spans.size();
    SignSpan& span = spans.emplace_back();
    span.id = id;
    span.since = at;
    return span;
  }

  void end(SignSpan& span, const std::string& at, SignEnd how)
  {
    span.until = at;
    span.end = how;
    open.erase(span.id);
  }
};

Walk walk(const Catalog& catalog, const std::vector<Screening>& screenings, Date today)
{
  Walk w;
  for (const Screening& screening : screenings) {
    if (date_of(screening.at) > today) {
      break;
    }
    for (const std::string& id : screening.asked) {
      w.answer(catalog, id, screening.at, contains(screening.yes, id), contains(screening.checked, id));
    }
  }
  return w;
}

// The day of the latest answer to `id` up to `today`; nullopt when none.
std::optional<Date> last_answered(const std::vector<Screening>& screenings, std::string_view id, Date today)
{
  std::optional<Date> last;
  for (const Screening& screening : screenings) {
    const Date day = date_of(screening.at);
    if (day > today) {
      break;
    }
    if (contains(screening.asked, id)) {
      last = day;
    }
  }
  return last;
}

} // namespace

bool needs_check_to_clear(const Catalog& catalog, std::string_view id)
{
  return seeks_care_now(catalog.symptom_level(id));
}

std::vector<SignSpan> sign_spans(const Catalog& catalog, const std::vector<Screening>& screenings, Date today)
{
  return walk(catalog, screenings, today).spans;
}

ScreenedSigns screened_signs(const Catalog& catalog, const std::vector<Screening>& screenings, Date today)
{
  ScreenedSigns result;
  for (const SignSpan& span : sign_spans(catalog, screenings, today)) {
    if (span.end == SignEnd::in_force) {
      result.signs.push_back(span.id);
    }
  }
  for (const Screening& screening : screenings) {
    if (date_of(screening.at) <= today) {
      result.at = screening.at;
    }
  }
  return result;
}

std::vector<std::string> signs_in_force_on(const std::vector<SignSpan>& spans, Date day)
{
  std::vector<std::string> signs;
  for (const SignSpan& span : spans) {
    if (date_of(span.since) <= day && (span.until.empty() || date_of(span.until) > day)) {
      signs.push_back(span.id);
    }
  }
  return signs;
}

bool answered_no_recently(const Catalog& catalog, const std::vector<Screening>& screenings, std::string_view id,
                          Date today)
{
  const auto last = last_answered(screenings, id, today);
  if (!last || *last < window_start(today)) {
    return false;
  }
  return !contains(screened_signs(catalog, screenings, today).signs, id);
}

bool screened_recently(const std::vector<Screening>& screenings, Date today)
{
  return std::any_of(screenings.begin(), screenings.end(), [&](const Screening& s) {
    const Date day = date_of(s.at);
    return day >= window_start(today) && day <= today;
  });
}

ScreeningStatus screening_status(const Catalog& catalog, const std::vector<Screening>& screenings, Date today)
{
  ScreeningStatus status;
  const Walk w = walk(catalog, screenings, today);
  for (const SignSpan& span : w.spans) {
    if (span.end == SignEnd::in_force) {
      status.in_force.push_back(span);
    } else if (span.still_true && w.checked_true.contains(span.id)) {
      std::erase_if(status.checked, [&](const SignSpan& earlier) { return earlier.id == span.id; });
      status.checked.push_back(span);
    }
  }
  for (const Screening& screening : screenings) {
    if (date_of(screening.at) <= today) {
      status.last_at = screening.at;
    }
  }
  for (const Symptom& symptom : catalog.symptoms) {
    const bool in_force = std::any_of(status.in_force.begin(), status.in_force.end(),
                                      [&](const SignSpan& span) { return span.id == symptom.id; });
    const auto last = last_answered(screenings, symptom.id, today);
    if (!in_force && (!last || *last < window_start(today))) {
      status.unanswered.push_back(symptom.id);
    }
  }
  status.lapsed = !status.unanswered.empty();
  return status;
}

} // namespace backcare
