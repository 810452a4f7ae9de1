#pragma once

// Catalog renderers for `backcare catalog list|show|symptoms`.

#include "backcare/core/catalog.hpp"

#include <string>
#include <string_view>

namespace backcare {

std::string render_catalog_list(const Catalog& catalog);
std::string render_catalog_symptoms(const Catalog& catalog, int width);
// Details of an exercise, rule, symptom or phase ("1".."4"); empty if unknown.
std::string render_catalog_item(const Catalog& catalog, std::string_view id, int width);

} // namespace backcare
