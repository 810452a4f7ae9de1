#include "backcare/store/log_summary.hpp"

#include "backcare/core/progression.hpp"

namespace backcare {

LogSummary read_log_summary(const PainLog* log, Date today, const Progression& progression)
{
  if (!log) {
    return {};
  }
  // One read transaction: a write by another backcare cannot fall between
  // the queries, and SQLite takes its lock once.
  LogSummary summary;
  log->read_snapshot([&] {
    std::vector<Entry> recent;
    log->for_each({today - std::chrono::days{13}, today}, [&](const Entry& entry) { recent.push_back(entry); });
    std::vector<DaySummary> days = log->days({std::nullopt, today});
    summary = summarize_log(days, recent, today);
    summary.days = std::move(days);
    summary.screenings = log->screenings({std::nullopt, today});
    summary.screened = screened_signs(summary.screenings, today);
    summary.sessions = log->sessions({std::nullopt, today});
    if (!summary.sessions.empty()) {
      // The next mornings: the first morning entry of each day after a done
      // session whose next-morning pain was not given (one indexed read per
      // such day, not the whole log).
      std::vector<Date> next_days;
      for (const Session& session : summary.sessions) {
        const Date next = date_of(session.at) + std::chrono::days{1};
        const bool needed = session.status == SessionStatus::done && !session.next_morning && next <= today;
        if (needed && (next_days.empty() || next_days.back() < next)) {
          next_days.push_back(next);
        }
      }
      const std::vector<Entry> mornings = log->first_entries(next_days, k_next_morning_from, k_next_morning_until);
      summary.sessions = with_next_morning_from_log(std::move(summary.sessions), mornings);
      summary.red_sessions = red_sessions_referral(progression, summary.sessions, today).value_or("");
    }
  });
  return summary;
}

} // namespace backcare
