#include "backcare/core/catalog.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace backcare {
namespace {

template <typename T> const T* find_by_id(const std::vector<T>& items, std::string_view id)
{
  auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
  return it == items.end() ? nullptr : &*it;
}

} // namespace

const Exercise* Catalog::find_exercise(std::string_view id) const
{
  return find_by_id(exercises, id);
}

const Symptom* Catalog::find_symptom(std::string_view id) const
{
  return find_by_id(symptoms, id);
}

const Rule* Catalog::find_rule(std::string_view id) const
{
  return find_by_id(rules, id);
}

const Phase* Catalog::find_phase(int number) const
{
  auto it = std::find_if(phases.begin(), phases.end(), [&](const Phase& p) { return p.number == number; });
  return it == phases.end() ? nullptr : &*it;
}

Level Catalog::symptom_level(std::string_view id) const
{
  Level level = Level::self_care;
  for (const Rule& rule : rules) {
    const auto& names = rule.when.symptoms_any;
    if (std::find(names.begin(), names.end(), id) != names.end()) {
      level = std::max(level, rule.level);
    }
  }
  return level;
}

} // namespace backcare
