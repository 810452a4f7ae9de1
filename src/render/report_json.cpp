// `report --format json` (docs/schema/report.schema.json) and the table
// that maps each report format to its renderer.

#include "backcare/render/format_table.hpp"
#include "backcare/render/report.hpp"
#include "backcare/render/trend.hpp"
#include "psfs_words.hpp"
#include "report_words.hpp"

#include <nlohmann/json.hpp>

namespace backcare {
namespace {

using Json = nlohmann::ordered_json;

Json number(const std::optional<double>& value)
{
  return value ? Json(round1(*value)) : Json(nullptr);
}

Json date(const std::optional<Date>& value)
{
  return value ? Json(format_date(*value)) : Json(nullptr);
}

template <typename T> Json optional(const std::optional<T>& value)
{
  return value ? Json(*value) : Json(nullptr);
}

Json extreme(const std::optional<PainExtreme>& e)
{
  return e ? Json{{"severity", e->severity}, {"times", e->times}, {"last_at", e->last_at}, {"location", e->location}}
           : Json(nullptr);
}

Json window(const std::optional<Window>& w)
{
  return w ? Json{{"mean", round1(w->mean)},
                  {"days", w->days},
                  {"first", format_date(w->first)},
                  {"last", format_date(w->last)}}
           : Json(nullptr);
}

Json advice(const std::vector<ReportAdvice>& list)
{
  Json out = Json::array();
  for (const ReportAdvice& a : list) {
    out.push_back({{"id", a.rule_id},
                   {"level", name_of(a.level)},
                   {"title", a.title},
                   {"message", a.message},
                   {"refer_to", a.refer_to},
                   {"source", a.source},
                   {"max_phase", optional(a.max_phase)},
                   {"hold", a.hold}});
  }
  return out;
}

Json who(const ReportWho& w)
{
  return {{"profile", w.profile},
          {"birth_date", date(w.birth_date)},
          {"weeks_postpartum", optional(w.weeks_postpartum)},
          {"delivery", w.delivery ? Json(name_of(*w.delivery)) : Json(nullptr)},
          {"pregnancy_back_pain", optional(w.pregnancy_back_pain)},
          {"pain_since", date(w.pain_since)},
          {"pain_weeks", optional(w.pain_weeks)},
          {"pain_since_from", w.pain_since_from.empty() ? Json(nullptr) : Json(w.pain_since_from)}};
}

Json pain(const Report& r)
{
  const ReportPain& p = r.pain;
  const TrendReport& t = r.trend;
  Json locations = Json::array();
  for (const LocationPain& l : p.locations) {
    locations.push_back(
        {{"location", name_of(l.location)}, {"entries", l.entries}, {"mean", round1(l.mean)}, {"max", l.max}});
  }
  Json weeks = Json::array();
  for (const PeriodSummary& period : t.periods) {
    weeks.push_back({{"start", format_date(period.start)},
                     {"entries", period.entries},
                     {"mean", round1(period.mean)},
                     {"min", period.min},
                     {"max", period.max}});
  }
  Json j;
  j["now"] = p.now ? Json{{"severity", p.now->severity}, {"at", p.now->at}} : Json(nullptr);
  j["best"] = extreme(p.best);
  j["worst"] = extreme(p.worst);
  j["average"] = number(p.average);
  j["entries"] = t.entries;
  j["days_logged"] = t.days_logged;
  j["days"] = days_between(r.since, r.until) + 1;
  j["baseline"] = window(t.baseline);
  j["recent"] = window(t.recent);
  j["change"] = t.change_points ? Json{{"points", round1(*t.change_points)}, {"percent", number(t.change_percent)}}
                                : Json(nullptr);
  j["verdict"] = name_of(t.verdict);
  j["improvement_band"] = p.band ? Json(name_of(*p.band)) : Json(nullptr);
  j["slope_per_week"] = number(t.slope_per_week);
  j["important_change"] = {
      {"points", k_important_points},
      {"percent", k_important_fraction * 100},
      {"min_points", k_smallest_change},
      {"needed_points", t.baseline ? Json(round1(important_change(t.baseline->mean))) : Json(nullptr)}};
  j["bands_percent"] = {{"moderate", k_moderate_percent}, {"substantial", k_substantial_percent}};
  j["locations"] = std::move(locations);
  j["weeks"] = std::move(weeks);
  return j;
}

Json phases(const Report& r)
{
  Json history = Json::array();
  for (const ReportPhase& p : r.phases) {
    history.push_back({{"date", format_date(p.date)},
                       {"from", p.from},
                       {"to", p.to},
                       {"decision", name_of(p.decision)},
                       {"why", p.why}});
  }
  return {{"current", optional(r.phase)},
          {"max_allowed", optional(r.max_allowed)},
          {"note", r.phase_note},
          {"history", std::move(history)}};
}

Json pain_pair(const std::optional<double>& mean, const std::optional<int>& max)
{
  return mean ? Json{{"mean", round1(*mean)}, {"max", *max}} : Json(nullptr);
}

Json sessions(const Report& r)
{
  Json weeks = Json::array();
  for (const ReportWeek& w : r.weeks) {
    Json reasons = Json::object();
    for (const auto& [reason, n] : w.skip_reasons) {
      reasons[std::string(name_of(reason))] = n;
    }
    weeks.push_back({{"start", format_date(w.monday)},
                     {"phase", w.phase},
                     {"planned", w.planned},
                     {"done", w.done},
                     {"skipped", w.skipped},
                     {"skip_reasons", std::move(reasons)},
                     {"green", w.green},
                     {"amber", w.amber},
                     {"red", w.red},
                     {"pending", w.pending},
                     {"pain_during", pain_pair(w.during_mean, w.during_max)},
                     {"next_morning", pain_pair(w.morning_mean, w.morning_max)}});
  }
  const auto percent = adherence_percent(r.sessions_done, r.sessions_planned);
  return {{"done", r.sessions_done},
          {"skipped", r.sessions_skipped},
          {"planned", r.sessions_planned},
          {"adherence_percent", percent ? Json(*percent) : Json(nullptr)},
          {"planned_per_week", r.planned_per_week},
          {"weeks", std::move(weeks)}};
}

Json screenings(const Report& r)
{
  Json out = Json::array();
  for (const ReportScreening& s : r.screenings) {
    out.push_back({{"at", s.at}, {"asked", s.asked}, {"yes", s.yes}, {"advice", advice(s.advice)}});
  }
  return out;
}

std::string_view ended_by_name(const ReportEpisode& e)
{
  if (!e.end) {
    return "in-force";
  }
  switch (e.ended_by) {
  case SignEnd::no:
    return "no";
  case SignEnd::checked:
    return "checked";
  case SignEnd::in_force:
    break;
  }
  return "lapsed";
}

// Every sign and referral in force at some time in the range.
Json timeline(const Report& r)
{
  Json out = Json::array();
  for (const ReportEpisode& e : r.timeline) {
    out.push_back({{"rule", e.rule_id},
                   {"level", name_of(e.level)},
                   {"title", e.title},
                   {"refer_to", e.refer_to},
                   {"sign", e.sign.empty() ? Json(nullptr) : Json(e.sign)},
                   {"start", format_date(e.start)},
                   {"end", e.end ? Json(format_date(*e.end)) : Json(nullptr)},
                   {"ended_by", ended_by_name(e)},
                   {"unchecked_no", e.unchecked_no ? Json(format_date(*e.unchecked_no)) : Json(nullptr)}});
  }
  return out;
}

Json notes(const Report& r)
{
  Json out = Json::array();
  for (const ClinicianNote& n : r.notes) {
    out.push_back({{"at", n.at}, {"severity", n.severity}, {"location", n.location}, {"note", n.note}});
  }
  return out;
}

using ReportRenderer = std::string (*)(const Report&);

constexpr std::array<FormatRenderer<ReportFormat, ReportRenderer>, 3> k_report_renderers{{
    {ReportFormat::markdown, render_report_markdown},
    {ReportFormat::html, render_report_html},
    {ReportFormat::json, render_report_json},
}};
static_assert(covers_every_format(k_report_renderers), "every report format needs a renderer, in enum order");

} // namespace

std::string render_report_json(const Report& r)
{
  Json doc;
  doc["schema_version"] = 1;
  doc["as_of"] = format_date(r.as_of);
  doc["since"] = format_date(r.since);
  doc["until"] = format_date(r.until);
  doc["who"] = who(r.who);
  doc["pain"] = pain(r);
  doc["triage"] = {{"level", name_of(r.level)}, {"advice", advice(r.advice)}};
  doc["screenings"] = screenings(r);
  doc["timeline"] = timeline(r);
  doc["phases"] = phases(r);
  doc["sessions"] = sessions(r);
  doc["psfs"] = r.psfs.empty() ? Json(nullptr) : words::psfs_json(r.psfs);
  doc["clinician_notes"] = notes(r);
  doc["disclaimer"] = report_words::k_disclaimer;
  return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string render_report(ReportFormat format, const Report& report)
{
  return k_report_renderers[static_cast<std::size_t>(format)].render(report);
}

} // namespace backcare
