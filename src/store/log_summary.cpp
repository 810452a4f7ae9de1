#include "backcare/store/log_summary.hpp"

namespace backcare {

LogSummary read_log_summary(const PainLog* log, Date today)
{
  if (!log) {
    return {};
  }
  std::vector<Entry> recent;
  log->for_each({today - std::chrono::days{13}, today}, [&](const Entry& entry) { recent.push_back(entry); });
  return summarize_log(log->days({std::nullopt, today}), recent, today);
}

} // namespace backcare
