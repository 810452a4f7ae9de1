#include "choices.hpp"

#include <map>

namespace backcare::cli {
namespace {

std::map<const CLI::Option*, ChoiceSource>& registry()
{
  static std::map<const CLI::Option*, ChoiceSource> choices;
  return choices;
}

} // namespace

CLI::Option* with_choices(CLI::Option* option, ChoiceSource source)
{
  registry()[option] = std::move(source);
  return option;
}

CLI::Option* with_choices(CLI::Option* option, std::vector<std::string> values)
{
  return with_choices(option, [values = std::move(values)](const Catalog&) { return values; });
}

const ChoiceSource* choices_of(const CLI::Option* option)
{
  auto it = registry().find(option);
  return it == registry().end() ? nullptr : &it->second;
}

} // namespace backcare::cli
