#include "backcare/store/log_summary.hpp"

#include "backcare/core/progression.hpp"

namespace backcare {

LogSummary read_log_summary(const PainLog* log, Date today, const Progression& progression)
{
  if (!log) {
    return {};
  }
  std::vector<Entry> recent;
  log->for_each({today - std::chrono::days{13}, today}, [&](const Entry& entry) { recent.push_back(entry); });
  LogSummary summary = summarize_log(log->days({std::nullopt, today}), recent, today);
  summary.screened = screened_signs(log->screenings({today - std::chrono::days{k_screening_days - 1}, today}), today);
  summary.sessions = log->sessions({std::nullopt, today});
  if (!summary.sessions.empty()) {
    // The next mornings: the log entries from the first session's day on.
    std::vector<Entry> mornings;
    log->for_each({date_of(summary.sessions.front().at), today},
                  [&](const Entry& entry) { mornings.push_back(entry); });
    summary.sessions = with_next_morning_from_log(std::move(summary.sessions), mornings);
    summary.red_sessions = red_sessions_referral(progression, summary.sessions, today).value_or("");
  }
  return summary;
}

} // namespace backcare
