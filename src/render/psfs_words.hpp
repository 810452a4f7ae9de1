#pragma once

// The PSFS words and JSON shared by `measure`, `trend` and `report`, so the
// three never say different things.

#include "backcare/core/psfs.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace backcare::words {

// "Mean 3.3 on 2026-09-07 to 6.3 on 2026-11-23: +3.0 points, a meaningful
// improvement (2 points matter for the mean, 3 for one activity)."
std::string psfs_change(const PsfsTrend& trend);

// The "psfs" block of trend and report JSON.
nlohmann::ordered_json psfs_json(const PsfsTrend& trend);

} // namespace backcare::words
