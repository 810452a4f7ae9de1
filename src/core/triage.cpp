#include "backcare/core/triage.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace backcare {
namespace {

// Evaluates one rule. Returns the reasons it fired, or nothing when any of
// its conditions does not hold.
std::optional<std::vector<std::string>> evaluate(const Condition& when, const Situation& s)
{
  std::vector<std::string> because;
  if (!when.symptoms_any.empty()) {
    std::vector<std::string> matched;
    for (const std::string& id : when.symptoms_any) {
      if (std::find(s.symptoms.begin(), s.symptoms.end(), id) != s.symptoms.end()) {
        matched.push_back(id);
      }
    }
    if (matched.empty()) {
      return std::nullopt;
    }
    because.push_back(fmt::format("symptom {}", fmt::join(matched, ", ")));
  }
  if (when.trend_verdict) {
    if (s.trend_verdict != when.trend_verdict) {
      return std::nullopt;
    }
    because.push_back(fmt::format("the log's verdict is {}", name_of(*when.trend_verdict)));
  }
  if (when.red_sessions) {
    if (s.red_sessions.empty() == *when.red_sessions) {
      return std::nullopt;
    }
    because.push_back(*when.red_sessions ? s.red_sessions : "no red sessions too close together");
  }
  if (when.pain_weeks_min) {
    const auto weeks = s.pain_weeks();
    if (!weeks || *weeks < *when.pain_weeks_min) {
      return std::nullopt;
    }
    because.push_back(fmt::format("pain for {} weeks ({} or more)", *weeks, *when.pain_weeks_min));
  }
  if (when.weeks_postpartum_min) {
    if (!s.weeks_postpartum || *s.weeks_postpartum < *when.weeks_postpartum_min) {
      return std::nullopt;
    }
    because.push_back(
        fmt::format("{} weeks after birth ({} or more)", *s.weeks_postpartum, *when.weeks_postpartum_min));
  }
  if (when.weeks_postpartum_max) {
    if (!s.weeks_postpartum || *s.weeks_postpartum > *when.weeks_postpartum_max) {
      return std::nullopt;
    }
    because.push_back(
        fmt::format("{} weeks after birth ({} or fewer)", *s.weeks_postpartum, *when.weeks_postpartum_max));
  }
  if (when.severity_min) {
    if (!s.severity || *s.severity < *when.severity_min) {
      return std::nullopt;
    }
    because.push_back(fmt::format("pain {}/10 ({} or more)", *s.severity, *when.severity_min));
  }
  if (when.delivery) {
    if (s.delivery != *when.delivery) {
      return std::nullopt;
    }
    because.push_back(fmt::format("{} birth", name_of(s.delivery)));
  }
  if (when.pregnancy_back_pain) {
    if (s.pregnancy_back_pain != *when.pregnancy_back_pain) {
      return std::nullopt;
    }
    because.push_back(s.pregnancy_back_pain ? "back pain during pregnancy" : "no back pain during pregnancy");
  }
  return because;
}

} // namespace

bool Triage::avoids(std::string_view exercise_id) const
{
  return std::any_of(fired.begin(), fired.end(), [&](const FiredRule& f) {
    return std::find(f.rule->avoid.begin(), f.rule->avoid.end(), exercise_id) != f.rule->avoid.end();
  });
}

Triage run_triage(const Catalog& catalog, const Situation& situation)
{
  Triage triage;
  for (const Rule& rule : catalog.rules) {
    auto because = evaluate(rule.when, situation);
    if (!because) {
      continue;
    }
    triage.fired.push_back({&rule, std::move(*because)});
    triage.level = std::max(triage.level, rule.level);
    if (rule.max_phase && (!triage.max_phase || *rule.max_phase < *triage.max_phase)) {
      triage.max_phase = rule.max_phase;
      triage.capped_by = &rule;
    }
    if (rule.hold && !triage.held_by) {
      triage.held_by = &rule;
    }
  }
  std::stable_sort(triage.fired.begin(), triage.fired.end(),
                   [](const FiredRule& a, const FiredRule& b) { return a.rule->level > b.rule->level; });
  return triage;
}

std::vector<Booking> bookings(const Triage& triage)
{
  std::vector<Booking> result;
  for (const FiredRule& fired : triage.fired) {
    const Rule& rule = *fired.rule;
    if (rule.level != Level::refer || rule.refer_to.empty()) {
      continue;
    }
    auto same =
        std::find_if(result.begin(), result.end(), [&](const Booking& b) { return b.refer_to == rule.refer_to; });
    if (same == result.end()) {
      result.push_back({rule.refer_to, {}});
      same = std::prev(result.end());
    }
    same->rules.push_back(&rule);
  }
  // A specific clinician covers a general one of the same kind: the general
  // booking's findings move to the first booking whose name ends with it.
  for (auto general = result.begin(); general != result.end();) {
    const auto covers = std::find_if(result.begin(), result.end(), [&](const Booking& b) {
      return b.refer_to != general->refer_to && b.refer_to.ends_with(" " + general->refer_to);
    });
    if (covers == result.end()) {
      ++general;
      continue;
    }
    covers->rules.insert(covers->rules.end(), general->rules.begin(), general->rules.end());
    general = result.erase(general);
  }
  return result;
}

} // namespace backcare
