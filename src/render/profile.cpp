#include "backcare/render/profile.hpp"

#include <fmt/format.h>

namespace backcare {

std::string render_profile(const Profile& p, const std::string& name)
{
  if (p.empty()) {
    return fmt::format("No details saved for profile '{}'. Save some with: backcare profile set --birth-date DATE\n",
                       name);
  }
  const auto date = [](const std::optional<Date>& d) { return d ? format_date(*d) : std::string("-"); };
  const auto list = [](const std::vector<std::string>& items) {
    return items.empty() ? std::string("-") : fmt::format("{}", fmt::join(items, ", "));
  };
  return fmt::format("profile:    {}\nbirth date: {}\ndelivery:   {}\npain since: {}\npostures:   {}\nequipment:  {}\n",
                     name, date(p.birth_date), p.delivery ? std::string(name_of(*p.delivery)) : "-", date(p.pain_since),
                     list(p.postures), list(p.equipment));
}

} // namespace backcare
