#include "backcare/store/log_summary.hpp"

#include "backcare/core/progression.hpp"

namespace backcare {

LogSummary read_log_summary(const PainLog* log, Date today, const Catalog& catalog)
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
    summary.screened = screened_signs(catalog, summary.screenings, today);
    summary.sessions = log->sessions({std::nullopt, today});
    if (!summary.sessions.empty()) {
      // The mornings: the first morning entry of each done session's day
      // (her usual pain then) and of the day after (one indexed read per
      // such day, not the whole log).
      std::vector<Date> morning_days;
      for (const Session& session : summary.sessions) {
        if (session.status != SessionStatus::done) {
          continue;
        }
        const Date day = date_of(session.at);
        for (const Date morning : {day, day + std::chrono::days{1}}) {
          if (morning <= today && (morning_days.empty() || morning_days.back() < morning)) {
            morning_days.push_back(morning);
          }
        }
      }
      const std::vector<Entry> mornings = log->first_entries(morning_days, k_next_morning_from, k_next_morning_until);
      summary.sessions = with_mornings_from_log(std::move(summary.sessions), mornings);
      summary.red_sessions = red_sessions_referral(catalog.progression, summary.sessions, today).value_or("");
    }
  });
  return summary;
}

} // namespace backcare
