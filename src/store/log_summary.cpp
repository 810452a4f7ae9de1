#include "backcare/store/log_summary.hpp"

namespace backcare {

LogSummary read_log_summary(const PainLog* log, Date today)
{
  if (!log) {
    return {};
  }
  std::vector<Entry> recent;
  log->for_each({today - std::chrono::days{13}, today}, [&](const Entry& entry) { recent.push_back(entry); });
  LogSummary summary = summarize_log(log->days({std::nullopt, today}), recent, today);
  summary.screened = screened_signs(log->screenings({today - std::chrono::days{k_screening_days - 1}, today}), today);
  return summary;
}

} // namespace backcare
