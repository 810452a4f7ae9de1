#include "backcare/render/screening.hpp"

#include "plan_words.hpp"

#include <fmt/format.h>

namespace backcare {

std::string render_screening_text(const Catalog& catalog, const Screening& screening, const Triage& triage,
                                  const Style& style)
{
  const auto para = [&](std::string_view text, std::string_view first = "", std::string_view rest = "") {
    return wrap(text, style.width, first, rest);
  };
  std::string out = para(fmt::format("Saved your answers of {} ({} questions).", screening.at, screening.asked.size()));
  if (screening.yes.empty()) {
    out += para("You answered no to every question.");
  } else {
    std::vector<std::string> named;
    for (const std::string& id : screening.yes) {
      const Symptom* symptom = catalog.find_symptom(id);
      named.push_back(symptom ? fmt::format("{} ({})", id, symptom->question) : id);
    }
    out += para(fmt::format("You answered yes to: {}.", fmt::join(named, "; ")));
  }
  out += '\n';
  out += paint(words::triage_headline(triage.level), triage.level == Level::refer ? Paint::bold_yellow : Paint::green,
               style);
  out += '\n';
  for (const std::string& line : words::booking_lines(triage)) {
    out += para(line, "  - ", "    ");
  }
  for (const FiredRule& fired : triage.fired) {
    out += para(fired.rule->message, "  - ", "    ");
  }
  out += '\n';
  out += para(fmt::format("These answers count for {} days; plan uses them. Screen again when anything changes: "
                          "a later no clears a yes.",
                          k_screening_days));
  return out;
}

} // namespace backcare
