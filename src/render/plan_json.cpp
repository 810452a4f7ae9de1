#include "backcare/render/plan.hpp"
#include "plan_words.hpp"

#include <nlohmann/json.hpp>

namespace backcare {
namespace {

using Json = nlohmann::ordered_json;

Json optional_number(const std::optional<int>& value)
{
  return value ? Json(*value) : Json(nullptr);
}

Json exercise_json(const PlannedExercise& item)
{
  const Exercise& ex = *item.exercise;
  Json j;
  j["id"] = ex.id;
  j["name"] = ex.name;
  j["category"] = ex.category;
  j["sets"] = ex.dosage.sets;
  j["reps"] = optional_number(ex.dosage.reps);
  j["hold_seconds"] = optional_number(ex.dosage.hold_seconds);
  j["minutes"] = optional_number(ex.dosage.minutes);
  j["times_per_day"] = optional_number(ex.dosage.times_per_day);
  j["per"] = ex.dosage.per.empty() ? Json(nullptr) : Json(ex.dosage.per);
  j["days_per_week"] = ex.dosage.days_per_week;
  j["equipment"] = ex.equipment;
  j["cues"] = ex.cues;
  j["regression"] = ex.regression;
  j["progression"] = ex.progression;
  j["postures"] = ex.postures;
  j["replaces"] = item.replaces ? Json(item.replaces->id) : Json(nullptr);
  return j;
}

Json input_json(const Plan& plan)
{
  const Situation& s = plan.request.situation;
  Json j;
  j["weeks_postpartum"] = optional_number(s.weeks_postpartum);
  j["days_postpartum"] = optional_number(s.days_postpartum);
  j["birth_date"] = s.birth_date ? Json(format_date(*s.birth_date)) : Json(nullptr);
  j["delivery"] = std::string(name_of(s.delivery));
  j["pain_weeks"] = optional_number(s.pain_weeks());
  j["severity"] = optional_number(s.severity);
  j["postures"] = s.postures;
  j["symptoms"] = s.symptoms;
  j["equipment"] = plan.request.equipment;
  j["pregnancy_back_pain"] = s.pregnancy_back_pain;
  j["trend_verdict"] = s.trend_verdict ? Json(name_of(*s.trend_verdict)) : Json(nullptr);
  return j;
}

Json triage_json(const Triage& triage)
{
  Json rules = Json::array();
  for (const FiredRule& fired : triage.fired) {
    const Rule& rule = *fired.rule;
    Json j;
    j["id"] = rule.id;
    j["title"] = rule.title;
    j["level"] = std::string(name_of(rule.level));
    j["message"] = rule.message;
    j["refer_to"] = rule.refer_to;
    j["source"] = rule.source;
    j["because"] = fired.because;
    j["max_phase"] = optional_number(rule.max_phase);
    rules.push_back(std::move(j));
  }
  Json booked = Json::array();
  for (const Booking& booking : bookings(triage)) {
    Json ids = Json::array();
    for (const Rule* rule : booking.rules) {
      ids.push_back(rule->id);
    }
    booked.push_back({{"refer_to", booking.refer_to}, {"rules", std::move(ids)}});
  }
  Json j;
  j["level"] = std::string(name_of(triage.level));
  j["rules"] = std::move(rules);
  j["bookings"] = std::move(booked);
  return j;
}

Json phases_json(const Plan& plan)
{
  Json phases = Json::array();
  for (const PhasePlan& entry : plan.phases) {
    Json exercises = Json::array();
    for (const PlannedExercise& item : entry.exercises) {
      exercises.push_back(exercise_json(item));
    }
    Json j;
    j["number"] = entry.phase->number;
    j["name"] = entry.phase->name;
    j["focus"] = entry.phase->focus;
    j["min_weeks"] = entry.min_weeks;
    j["opens_on"] = format_date(entry.opens_on);
    j["status"] = std::string(to_string(entry.status));
    j["held_by"] = entry.held_by ? Json(entry.held_by->id) : Json(nullptr);
    j["closed_by"] = entry.closed_by.empty() ? Json(nullptr) : Json(entry.closed_by);
    j["criteria"] = entry.phase->criteria;
    j["exercises"] = std::move(exercises);
    phases.push_back(std::move(j));
  }
  return phases;
}

Json schedule_json(const Plan& plan)
{
  Json days = Json::array();
  for (const ScheduleDay& day : plan.schedule) {
    Json ids = Json::array();
    for (const PlannedExercise& item : day.items) {
      ids.push_back(item.exercise->id);
    }
    Json j;
    j["date"] = format_date(day.date);
    j["day"] = weekday_name(day.date);
    j["exercises"] = std::move(ids);
    days.push_back(std::move(j));
  }
  return days;
}

Json progression_json(const Plan& plan)
{
  if (plan.current_phase == 0) {
    return nullptr;
  }
  const Progress& p = plan.progress;
  Json to_move_on = Json::array();
  for (const std::string& line : words::move_on_lines(plan)) {
    to_move_on.push_back(line);
  }
  for (const PhasePlan* entry : words::phases_ahead(plan)) {
    if (entry->status == PhaseStatus::later) {
      to_move_on.push_back(words::phase_opening(plan, *entry));
    }
    break; // only the next phase: one phase at a time
  }
  Json history = Json::array();
  for (const PhaseChange& change : p.history) {
    history.push_back({{"date", format_date(change.date)},
                       {"from", change.from},
                       {"to", change.to},
                       {"decision", name_of(change.decision)},
                       {"why", change.why}});
  }
  Json j;
  j["phase"] = plan.current_phase;
  j["since"] = format_date(p.since);
  j["sessions_in_phase"] = p.sessions_in_phase;
  j["decision"] = plan.triage.held_by ? name_of(Decision::hold) : name_of(p.decision);
  j["held_by"] = plan.hold ? Json(plan.hold->id) : Json(nullptr);
  j["reasons"] = Json::array({words::phase_reason(plan)});
  j["to_move_on"] = std::move(to_move_on);
  j["history"] = std::move(history);
  return j;
}

Json adherence_json(const Plan& plan)
{
  if (plan.current_phase == 0) {
    return nullptr;
  }
  const Adherence& a = plan.adherence;
  Json j;
  j["this_week"] = {{"planned", a.this_week.planned}, {"done", a.this_week.done}, {"skipped", a.this_week.skipped}};
  j["last_28_days_percent"] = a.last_28_days_percent ? Json(*a.last_28_days_percent) : Json(nullptr);
  j["last_28_days"] = {{"planned", a.last_28_days_planned}, {"done", a.last_28_days_done}};
  return j;
}

Json span_json(const SignSpan& span)
{
  Json j;
  j["id"] = span.id;
  j["since"] = span.since;
  j["until"] = span.until.empty() ? Json(nullptr) : Json(span.until);
  j["unchecked_no"] = span.unchecked_no.empty() ? Json(nullptr) : Json(span.unchecked_no);
  return j;
}

// The warning-sign answers as they stand today: the signs in force, those a
// clinician has checked, and whether every question has a recent answer.
Json screening_json(const Plan& plan)
{
  const ScreeningStatus& status = plan.screening;
  const std::string line = words::screening_line(plan);
  Json j;
  j["last_at"] = status.last_at.empty() ? Json(nullptr) : Json(status.last_at);
  j["counts_days"] = k_screening_days;
  j["lapsed"] = status.lapsed;
  j["message"] = line.empty() ? Json(nullptr) : Json(line);
  j["unanswered"] = status.unanswered;
  Json in_force = Json::array();
  for (const SignSpan& span : status.in_force) {
    in_force.push_back(span_json(span));
  }
  j["in_force"] = std::move(in_force);
  Json checked = Json::array();
  for (const SignSpan& span : status.checked) {
    checked.push_back(span_json(span));
  }
  j["checked"] = std::move(checked);
  return j;
}

// The short list of warning signs, as data: by level, what to do, and the
// rules with the symptoms each names.
Json warning_signs_json(const Catalog& catalog)
{
  Json groups = Json::array();
  for (const words::SignGroup& group : words::warning_sign_groups(catalog)) {
    Json signs = Json::array();
    for (const Rule* rule : group.rules) {
      signs.push_back({{"rule", rule->id}, {"title", rule->title}, {"symptoms", rule->when.symptoms_any}});
    }
    groups.push_back({{"level", name_of(group.level)}, {"action", group.action}, {"signs", std::move(signs)}});
  }
  return groups;
}

} // namespace

std::string render_plan_json(const Catalog& catalog, const Plan& plan)
{
  Json dropped = Json::array();
  for (const DroppedExercise& item : plan.dropped) {
    dropped.push_back({{"id", item.exercise->id}, {"reason", item.reason}});
  }
  Json doc;
  doc["schema_version"] = 1;
  doc["as_of"] = format_date(plan.request.as_of);
  doc["input"] = input_json(plan);
  doc["triage"] = triage_json(plan.triage);
  doc["phase"] = {{"current", plan.current_phase}, {"max_allowed", plan.max_allowed}};
  doc["phases"] = phases_json(plan);
  doc["schedule"] = schedule_json(plan);
  doc["dropped"] = std::move(dropped);
  Json origins = Json::object();
  for (const InputOrigin& origin : plan.request.origins) {
    origins[origin.input] = origin.from();
  }
  doc["inputs_from"] = std::move(origins);
  doc["progression"] = progression_json(plan);
  doc["adherence"] = adherence_json(plan);
  doc["screening"] = screening_json(plan);
  doc["warning_signs"] = warning_signs_json(catalog);
  doc["preview"] = plan.request.phase.has_value();
  const auto& rise = plan.request.sudden_rise;
  doc["sudden_rise"] = rise ? Json{{"day", format_date(rise->day)},
                                   {"severity", rise->severity},
                                   {"before_max", rise->before_max},
                                   {"message", words::sudden_rise_line(plan)}}
                            : Json(nullptr);
  doc["pain_guide"] = words::k_pain_guide;
  doc["stretching_note"] = words::k_stretching_note;
  doc["disclaimer"] = "This is exercise guidance, not a diagnosis.";
  return doc.dump(2) + "\n";
}

} // namespace backcare
