#pragma once

// The text table of `log list`.

#include "backcare/core/entry.hpp"

#include <string>

namespace backcare {

std::string entry_table_header();
std::string entry_table_row(const Entry& entry, bool color, int width);

} // namespace backcare
