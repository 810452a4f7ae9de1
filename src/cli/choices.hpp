#pragma once

// The values an option accepts, recorded where the option is declared so
// that validation and shell completion use one list and never drift apart.

#include "backcare/core/catalog.hpp"

#include <functional>
#include <string>
#include <vector>

namespace CLI {
class Option;
}

namespace backcare::cli {

// Values that may depend on the catalog (symptom ids, exercise ids).
using ChoiceSource = std::function<std::vector<std::string>(const Catalog&)>;

// Records the choices of `option` and returns it, for chaining.
CLI::Option* with_choices(CLI::Option* option, ChoiceSource source);
CLI::Option* with_choices(CLI::Option* option, std::vector<std::string> values);

// The recorded choices, or nullptr when the option takes free text.
const ChoiceSource* choices_of(const CLI::Option* option);

} // namespace backcare::cli
