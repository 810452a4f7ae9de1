#include "report_words.hpp"

#include "backcare/core/psfs_codec.hpp"
#include "backcare/render/trend.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <span>

namespace backcare::report_words {
namespace {

std::string one_decimal(double value)
{
  return fmt::format("{:.1f}", round1(value));
}

std::string signed_decimal(double value)
{
  return fmt::format("{:+.1f}", round1(value));
}

std::string count_of(int n, std::string_view thing)
{
  return fmt::format("{} {}{}", n, thing, n == 1 ? "" : "s");
}

std::string mean_and_max(const std::optional<double>& mean, const std::optional<int>& max)
{
  return mean ? fmt::format("{} ({})", one_decimal(*mean), *max) : std::string("-");
}

std::string phase_name(const Report& r, int phase)
{
  const auto index = static_cast<std::size_t>(phase - 1);
  return phase >= 1 && index < r.phase_names.size() ? fmt::format("{} ({})", phase, r.phase_names[index])
                                                    : std::to_string(phase);
}

std::string band_words(ImprovementBand band)
{
  switch (band) {
  case ImprovementBand::substantial:
    return "a substantial improvement (50% or more)";
  case ImprovementBand::moderate:
    return "a moderate improvement (30% or more, under 50%)";
  case ImprovementBand::below_moderate:
    return "less than a moderate improvement (under 30%)";
  case ImprovementBand::none:
    break;
  }
  return "no improvement";
}

std::string window_words(const char* name, const std::optional<Window>& w)
{
  if (!w) {
    return fmt::format("{}: no entry", name);
  }
  return fmt::format("{} ({} to {}): {}/10 on {}", name, format_date(w->first), format_date(w->last),
                     one_decimal(w->mean), count_of(w->days, "day"));
}

std::string entries(int n)
{
  return n == 1 ? std::string("1 entry") : fmt::format("{} entries", n);
}

// At most `limit` characters, ending in "..." when cut.
std::string shortened(std::string_view text, std::size_t limit)
{
  std::vector<std::size_t> starts; // the byte offset of each character
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      starts.push_back(i);
    }
  }
  return starts.size() <= limit ? std::string(text) : std::string(text.substr(0, starts[limit - 3])) + "...";
}

std::string advice_words(const ReportAdvice& advice)
{
  std::string out = fmt::format("{} ({}; {}", advice.title, name_of(advice.level), advice.refer_to);
  if (advice.max_phase) {
    out += fmt::format("; phases up to {}", *advice.max_phase);
  }
  return out + (advice.hold ? "; no moving up)" : ")");
}

} // namespace

std::string when(std::string_view at)
{
  std::string out(at);
  std::replace(out.begin(), out.end(), 'T', ' ');
  return out;
}

std::string title(const Report& r)
{
  return fmt::format("Back pain after birth: report for {}", r.who.profile);
}

std::string period(const Report& r)
{
  const int days = days_between(r.since, r.until) + 1;
  return fmt::format("{} to {} ({})", format_date(r.since), format_date(r.until),
                     days % 7 == 0 ? count_of(days / 7, "week") : count_of(days, "day"));
}

std::string care_now_alert(const Report& r)
{
  if (!seeks_care_now(r.level)) {
    return {};
  }
  return fmt::format("An {} warning sign is in force on {}: see \"Warning signs and advice\".", name_of(r.level),
                     format_date(r.until));
}

std::vector<std::string> who(const Report& r)
{
  const ReportWho& w = r.who;
  std::vector<std::string> items;
  const std::string delivery =
      w.delivery ? fmt::format("{} birth", *w.delivery == Delivery::cesarean ? "caesarean" : "vaginal")
                 : std::string("birth (delivery not recorded)");
  if (w.birth_date && w.weeks_postpartum) {
    items.push_back(fmt::format("Week {} after a {} on {}", *w.weeks_postpartum, delivery, format_date(*w.birth_date)));
  } else {
    items.push_back(fmt::format("Birth date not recorded; {}", w.delivery ? delivery : "delivery not recorded"));
  }
  items.push_back(fmt::format("Back pain in pregnancy: {}", !w.pregnancy_back_pain   ? "not recorded"
                                                            : *w.pregnancy_back_pain ? "yes"
                                                                                     : "no"));
  const std::string from = w.pain_since_from == "log"       ? "; from its first logged pain"
                           : w.pain_since_from == "profile" ? "; the saved pain start"
                                                            : "";
  const auto length = [&] {
    const int days = days_between(*w.pain_since, r.until);
    return days < 7 ? count_of(days, "day") : count_of(w.pain_weeks.value_or(days / 7), "week");
  };
  items.push_back(w.pain_since
                      ? fmt::format("Current pain episode since {} ({}{})", format_date(*w.pain_since), length(), from)
                      : std::string("Current pain episode: none recorded"));
  return items;
}

std::vector<std::string> pain(const Report& r)
{
  const ReportPain& p = r.pain;
  const TrendReport& t = r.trend;
  std::vector<std::string> items;
  items.push_back(p.now ? fmt::format("Now: {}/10 ({})", p.now->severity, when(p.now->at))
                        : fmt::format("Now: no entry in the 7 days up to {}", format_date(r.until)));
  if (!p.average) {
    items.push_back("No pain entry in this period");
    return items;
  }
  items.push_back(fmt::format("Best {}/10 ({}, last {}, {}); worst {}/10 ({}, last {}, {})", p.best->severity,
                              entries(p.best->times), when(p.best->last_at), p.best->location, p.worst->severity,
                              entries(p.worst->times), when(p.worst->last_at), p.worst->location));
  // Days before the diary began are not days missed: count from the first
  // entry when it falls inside the range.
  const Date from = t.first ? std::max(r.since, *t.first) : r.since;
  // The days counted, always with their dates: up to the end of the range,
  // so days not logged at the end count (trend counts to the last entry).
  const std::string began = from > r.since ? "from the first entry, " : "";
  items.push_back(fmt::format("Average {}/10 (mean of the daily means); {} of {} days logged ({}{} to {}), {}",
                              one_decimal(*p.average), t.days_logged, days_between(from, r.until) + 1, began,
                              format_date(from), format_date(r.until), entries(t.entries)));
  items.push_back(window_words("First week", t.baseline) + "; " + window_words("last 7 days", t.recent));
  if (t.verdict == Verdict::insufficient_data) {
    items.push_back(fmt::format("No verdict: {}", insufficient_reason(t.baseline, t.recent)));
    if (t.worse_when_last_logged) {
      items.push_back(fmt::format("Getting worse up to the last entry, on {}, with nothing logged since",
                                  format_date(*t.worse_when_last_logged)));
    }
  } else {
    std::string change = fmt::format("Change {} points", signed_decimal(*t.change_points));
    if (t.change_percent) {
      change += fmt::format(" ({}%)", signed_decimal(*t.change_percent));
    }
    change += ": " + std::string(verdict_words(t.verdict));
    if (p.band && *p.band != ImprovementBand::none) {
      change += ", " + band_words(*p.band);
    }
    items.push_back(change
                    + ". Important change: 2 points or 30% of the first week, never under 1 point (Ostelo 2008)");
  }
  items.push_back(t.slope_per_week ? fmt::format("Slope {} points a week (least squares over the daily means)",
                                                 signed_decimal(*t.slope_per_week))
                                   : std::string("Slope: needs 2 logged days"));
  return items;
}

Table locations(const Report& r)
{
  Table table{{"Location", "Entries", "Mean /10", "Max /10"}, {false, true, true, true}, {}};
  for (const LocationPain& l : r.pain.locations) {
    table.rows.push_back(
        {std::string(name_of(l.location)), std::to_string(l.entries), one_decimal(l.mean), std::to_string(l.max)});
  }
  return table;
}

// "from 2026-11-11 to 2026-11-14, cleared by a no after a clinician's check"
std::string episode_span(const Report& r, const ReportEpisode& e)
{
  std::string out = fmt::format("from {}", format_date(e.start));
  if (!e.end) {
    out += fmt::format(", still in force on {}", format_date(r.until));
    if (e.unchecked_no) {
      out += fmt::format(" (a no on {} without a clinician's check does not clear it)", format_date(*e.unchecked_no));
    }
    return out;
  }
  out += fmt::format(" to {}", format_date(*e.end));
  switch (e.ended_by) {
  case SignEnd::no:
    return out + ", cleared by a no";
  case SignEnd::checked:
    return out + ", cleared after a clinician's check";
  case SignEnd::in_force:
    break;
  }
  return out + ", no longer applying";
}

std::vector<std::string> timeline(const Report& r)
{
  std::vector<std::string> items;
  for (const ReportEpisode& e : r.timeline) {
    const std::string what = e.sign.empty() ? std::string("Referral") : fmt::format("Sign {}", e.sign);
    items.push_back(
        fmt::format("{}: {} ({}; {}), {}", what, e.title, name_of(e.level), e.refer_to, episode_span(r, e)));
  }
  return items;
}

std::vector<std::string> signs(const Report& r)
{
  // The timeline says what each yes advised and how it ended; the
  // screenings then in one line, by date.
  std::vector<std::string> items = timeline(r);
  std::vector<std::string> saved;
  for (const ReportScreening& s : r.screenings) {
    const std::string day = format_date(date_of(s.at));
    if (!s.yes.empty()) {
      saved.push_back(fmt::format("{} (yes to {})", day, fmt::join(s.yes, ", ")));
    } else if (!s.no.empty()) { // some questions only, all answered no
      saved.push_back(fmt::format("{} (no to {}; the other questions not asked)", day, fmt::join(s.no, ", ")));
    } else {
      saved.push_back(fmt::format("{} (no sign)", day));
    }
  }
  items.push_back(saved.empty() ? std::string("No warning-sign screening saved in this period")
                                : fmt::format("Screenings: {}", fmt::join(saved, "; ")));
  std::vector<std::string> now;
  for (const ReportAdvice& a : r.advice) {
    now.push_back(advice_words(a));
  }
  items.push_back(now.empty() ? fmt::format("No referral in force on {}", format_date(r.until))
                              : fmt::format("In force on {}: {}", format_date(r.until), fmt::join(now, "; ")));
  return items;
}

Table phases(const Report& r)
{
  Table table{{"Date", "Phase", "Change", "Why"}, {false, false, false, false}, {}};
  const std::size_t n = r.phases.size();
  for (std::size_t i = n > k_shown_phases ? n - k_shown_phases : 0; i < n; ++i) {
    const ReportPhase& p = r.phases[i];
    const std::string change =
        p.decision == Decision::start ? std::string("start") : fmt::format("{} from {}", name_of(p.decision), p.from);
    table.rows.push_back({format_date(p.date), phase_name(r, p.to), change, p.why});
  }
  return table;
}

std::string phase_now(const Report& r)
{
  std::string out;
  if (r.phases.empty()) {
    out = "No exercise session recorded.";
  } else if (r.phase) {
    out = fmt::format("Phase on {}: {}", format_date(r.until), phase_name(r, *r.phase));
    out += r.max_allowed ? fmt::format("; allowed up to {}.", *r.max_allowed) : ".";
  } else {
    out = fmt::format("No exercise is planned on {}.", format_date(r.until));
  }
  if (r.phases.size() > k_shown_phases) {
    const std::size_t earlier = r.phases.size() - k_shown_phases;
    out += fmt::format(" {} earlier {} in the JSON report.", earlier, earlier == 1 ? "change" : "changes");
  }
  return r.phase_note.empty() ? out : out + " " + r.phase_note;
}

namespace {

bool started(const ReportWeek& w)
{
  return w.planned > 0 || w.done > 0 || w.skipped > 0;
}

// The weeks the tables show: from the first with a session or a plan on
// (the weeks before it have nothing to show).
std::span<const ReportWeek> shown_weeks(const Report& r)
{
  const auto first = std::find_if(r.weeks.begin(), r.weeks.end(), started);
  return {first, r.weeks.end()};
}

} // namespace

bool has_sessions(const Report& r)
{
  return !shown_weeks(r).empty();
}

Table weeks(const Report& r)
{
  Table table{{"Week of", "Phase", "Done", "Skipped", "During", "Next morning", "Green/amber/red +pending"},
              {false, true, true, false, true, true, true},
              {}};
  for (const ReportWeek& w : shown_weeks(r)) {
    const bool begun = started(w);
    std::string done = !begun          ? std::string("-")
                       : w.planned > 0 ? fmt::format("{}/{}", w.done, w.planned)
                                       : std::to_string(w.done);
    std::vector<std::string> reasons;
    for (const auto& [reason, n] : w.skip_reasons) {
      reasons.push_back(n == 1 ? std::string(name_of(reason)) : fmt::format("{} {}", name_of(reason), n));
    }
    const std::string skipped =
        w.skipped == 0 ? std::string(begun ? "0" : "-") : fmt::format("{} ({})", w.skipped, fmt::join(reasons, ", "));
    std::string outcomes = w.done == 0 ? std::string("-") : fmt::format("{}/{}/{}", w.green, w.amber, w.red);
    if (w.pending > 0) {
      outcomes += fmt::format(" +{}", w.pending);
    }
    table.rows.push_back({format_date(w.monday), w.phase > 0 ? std::to_string(w.phase) : std::string("-"), done,
                          skipped, mean_and_max(w.during_mean, w.during_max),
                          mean_and_max(w.morning_mean, w.morning_max), outcomes});
  }
  return table;
}

// " of 27 planned (93%)", as `trend` counts the range; empty without a plan.
std::string planned_words(const Report& r)
{
  if (r.sessions_planned == 0) {
    return {};
  }
  return fmt::format(" of {} planned ({}%)", r.sessions_planned,
                     adherence_percent(r.sessions_done, r.sessions_planned).value_or(0));
}

std::string sessions_total(const Report& r)
{
  int green = 0;
  int amber = 0;
  int red = 0;
  int pending = 0;
  for (const ReportWeek& w : r.weeks) {
    green += w.green;
    amber += w.amber;
    red += w.red;
    pending += w.pending;
  }
  const Progression& p = r.progression;
  const std::span<const ReportWeek> shown = shown_weeks(r);
  const std::string before =
      !shown.empty() && shown.front().monday > r.weeks.front().monday
          ? fmt::format(" The weeks before {} had no session.", format_date(shown.front().monday))
          : "";
  return fmt::format(
      "{} done{}, {} skipped; {} green, {} amber, {} red, {} pending (no next-morning entry).{}{} Pain "
      "0-10, mean (max). Green: {} or less during and the next morning; amber: up to {}; red: more, "
      "or the next morning over {} and {}+ above the pain during and that day's morning (Silbernagel & Thomee "
      "2007).",
      r.sessions_done, planned_words(r), r.sessions_skipped, green, amber, red, pending, before,
      r.sessions_planned > 0 ? " Planned: each day at the pace of the phase in force that day." : "", p.green_max,
      p.amber_max, p.green_max, p.next_morning_rise);
}

Table psfs(const Report& r)
{
  const PsfsTrend& t = r.psfs;
  Table table{{"Activity (0-10)"}, {false}, {}};
  if (t.empty()) {
    return table;
  }
  // The first rating and the latest ones, at most k_shown_ratings.
  std::vector<const PsfsRating*> shown;
  const std::size_t n = t.ratings.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i == 0 || i + k_shown_ratings > n) {
      shown.push_back(&t.ratings[i]);
    }
  }
  for (const PsfsRating* rating : shown) {
    table.head.push_back(format_date(date_of(rating->at)));
    table.right.push_back(true);
  }
  table.head.emplace_back("Change");
  table.right.push_back(true);
  for (std::size_t a = 0; a < t.activities.size(); ++a) {
    std::vector<std::string> row{t.activities[a]};
    const std::string key = activity_key(t.activities[a]);
    for (const PsfsRating* rating : shown) {
      const auto item = std::find_if(rating->scores.begin(), rating->scores.end(),
                                     [&](const PsfsScore& s) { return activity_key(s.activity) == key; });
      row.push_back(item == rating->scores.end() ? std::string("-") : std::to_string(item->score));
    }
    const auto change = std::find_if(t.activity_changes.begin(), t.activity_changes.end(),
                                     [&](const PsfsActivityChange& c) { return activity_key(c.activity) == key; });
    row.push_back(change == t.activity_changes.end()
                      ? std::string("-")
                      : fmt::format("{:+d}{}", change->change, change->important ? " *" : ""));
    table.rows.push_back(std::move(row));
  }
  std::vector<std::string> mean{"Mean"};
  for (const PsfsRating* rating : shown) {
    mean.push_back(one_decimal(psfs_round(rating->mean())));
  }
  mean.push_back(
      t.change ? fmt::format("{}{}", signed_decimal(*t.change), t.verdict != Verdict::no_meaningful_change ? " *" : "")
               : std::string("-"));
  table.rows.push_back(std::move(mean));
  return table;
}

std::string psfs_change(const Report& r)
{
  const PsfsTrend& t = r.psfs;
  if (t.empty()) {
    return "No PSFS rating in this period.";
  }
  const std::size_t n = t.ratings.size();
  const std::string shown = n > k_shown_ratings
                                ? fmt::format(" {} ratings: the first and the latest {} shown.", n, k_shown_ratings - 1)
                                : std::string();
  const std::string earlier = t.earlier_ratings == 0 ? std::string()
                                                     : fmt::format(" {} earlier of other activities not compared.",
                                                                   count_of(t.earlier_ratings, "rating"));
  if (!t.change) {
    return "One rating of these activities: a change needs a second." + earlier;
  }
  const std::string verdict = t.verdict == Verdict::improved ? "a meaningful improvement"
                              : t.verdict == Verdict::worse  ? "a meaningful worsening"
                                                             : "less than the change that matters";
  return fmt::format("Mean {} points from {} to {}: {}. * reaches the smallest change that matters: {} points for the "
                     "mean, {} for one activity.{}{}",
                     signed_decimal(*t.change), format_date(date_of(t.ratings.front().at)),
                     format_date(date_of(t.ratings.back().at)), verdict, k_psfs_mean_change, k_psfs_activity_change,
                     shown, earlier);
}

std::vector<std::string> notes(const Report& r)
{
  std::vector<std::string> items;
  const std::size_t n = r.notes.size();
  const std::size_t first = n > k_shown_notes ? n - k_shown_notes : 0;
  if (first > 0) {
    items.push_back(fmt::format("{} earlier tagged {} in the JSON report", first, first == 1 ? "entry" : "entries"));
  }
  for (std::size_t i = first; i < n; ++i) {
    const ClinicianNote& note = r.notes[i];
    items.push_back(
        fmt::format("{}, {} {}/10: {}", when(note.at), note.location, note.severity,
                    note.note.empty() ? std::string("(no note)") : shortened(note.note, k_shown_note_length)));
  }
  return items;
}

std::string generated(const Report& r)
{
  return fmt::format("Made with backcare on {} from the person's own records; not a diagnosis.", format_date(r.as_of));
}

} // namespace backcare::report_words
