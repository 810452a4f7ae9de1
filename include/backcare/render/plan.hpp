#pragma once

// Renderers: model -> text. Pure functions of their inputs; the CLI decides
// where the text goes.

#include "backcare/core/catalog.hpp"
#include "backcare/core/planner.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace backcare {

struct TextStyle {
  bool color = false;
  bool explain = false;
  int width = 80;
};

// Word-wraps `text` to `width` columns; the first line starts with `first`,
// the rest with `rest` (both count toward the width).
std::string wrap(std::string_view text, int width, std::string_view first, std::string_view rest);

// "2 x 10 each side", "3 x 20 s hold", "15 min".
std::string format_dosage(const Dosage& dosage);

std::string render_plan_text(const Catalog& catalog, const Plan& plan, const TextStyle& style);
std::string render_plan_json(const Plan& plan);

// A printable Markdown handout of the plan.
std::string render_plan_markdown(const Catalog& catalog, const Plan& plan);

// One CSV row (RFC 4180) per exercise per day.
std::string render_plan_csv(const Plan& plan);

struct IcsOptions {
  std::string version;               // of backcare, for PRODID
  std::string profile = "default";   // keeps UIDs of different people apart
  std::string time_hhmm = "0730";    // session start, local (floating) time
  std::optional<int> remind_minutes; // adds a VALARM this long before
};

// An iCalendar file (RFC 5545): one VEVENT per session day, UIDs stable
// across re-exports of the same day, DTSTAMP from as_of.
std::string render_plan_ics(const Plan& plan, const IcsOptions& options);

// One content line, CRLF-terminated, folded at 75 octets without splitting
// a UTF-8 character.
std::string fold_ics_line(std::string_view line);

std::string render_catalog_list(const Catalog& catalog);
std::string render_catalog_symptoms(const Catalog& catalog, int width);
// Details of an exercise, rule, symptom or phase ("1".."4"); empty if unknown.
std::string render_catalog_item(const Catalog& catalog, std::string_view id, int width);

} // namespace backcare
