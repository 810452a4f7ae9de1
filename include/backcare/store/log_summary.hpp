#pragma once

// Reads what summarize_log needs from a pain log (the day summaries up to
// today and the entries of the last 14 days), the screenings of the last 7
// days and the exercise sessions, with their next-morning pain from the log.
// `plan`, `trend` and `session` all call it.

#include "backcare/core/catalog.hpp"
#include "backcare/core/inputs.hpp"
#include "backcare/store/pain_log.hpp"

namespace backcare {

// An empty summary when there is no log.
LogSummary read_log_summary(const PainLog* log, Date today, const Catalog& catalog);

} // namespace backcare
