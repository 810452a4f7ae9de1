#pragma once

// Plan renderers: a Plan -> text, JSON, Markdown, CSV or iCalendar. Pure
// functions of their inputs; the CLI decides where the text goes.

#include "backcare/core/catalog.hpp"
#include "backcare/core/planner.hpp"
#include "backcare/core/vocabulary.hpp"
#include "backcare/render/style.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace backcare {

// "2 x 10 each side", "3 x 20 s hold", "15 min".
std::string format_dosage(const Dosage& dosage);

std::string render_plan_text(const Catalog& catalog, const Plan& plan, const Style& style);
std::string render_plan_json(const Catalog& catalog, const Plan& plan);

// A printable Markdown handout of the plan.
std::string render_plan_markdown(const Catalog& catalog, const Plan& plan);

// One CSV row (RFC 4180) per exercise per day.
std::string render_plan_csv(const Catalog& catalog, const Plan& plan);

struct IcsOptions {
  std::string version;               // of backcare, for PRODID
  std::string profile = "default";   // keeps UIDs of different people apart
  std::string time_hhmm = "0730";    // session start, local (floating) time
  std::optional<int> remind_minutes; // adds a VALARM this long before
  std::int64_t stamp = 0;            // the time of export, seconds since 1970 (UTC)
};

// An iCalendar file (RFC 5545): one VEVENT per session day, UIDs stable
// across re-exports of the same day. DTSTAMP is the time of export and
// SEQUENCE the minutes from 2020 to it, so a later file always wins. A
// care-now file cancels the session events of the days it covers (same
// UIDs, STATUS:CANCELLED).
std::string render_plan_ics(const Catalog& catalog, const Plan& plan, const IcsOptions& options);

// One content line, CRLF-terminated, folded at 75 octets without splitting
// a UTF-8 character.
std::string fold_ics_line(std::string_view line);

// Everything a plan renderer may need; each format uses what it needs.
struct PlanRendering {
  const Catalog& catalog;
  const Plan& plan;
  Style style;    // text
  IcsOptions ics; // iCalendar
};

// The plan in `format`: a table maps each PlanFormat to its renderer.
std::string render_plan(PlanFormat format, const PlanRendering& rendering);

} // namespace backcare
