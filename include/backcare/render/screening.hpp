#pragma once

// What `backcare screen` says after saving the answers when no sign needs
// care now (with one, it prints the plan's care-now text instead).

#include "backcare/core/catalog.hpp"
#include "backcare/core/screening.hpp"
#include "backcare/core/triage.hpp"
#include "backcare/render/style.hpp"

#include <string>

namespace backcare {

// `status`: the answers as they stand after this screening, today.
std::string render_screening_text(const Catalog& catalog, const Screening& screening, const Triage& triage,
                                  const ScreeningStatus& status, Date today, const Style& style);

} // namespace backcare
