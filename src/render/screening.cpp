#include "backcare/render/screening.hpp"

#include "plan_words.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace backcare {

std::string render_screening_text(const Catalog& catalog, const Screening& screening, const Triage& triage,
                                  const ScreeningStatus& status, Date today, const Style& style)
{
  const auto para = [&](std::string_view text, std::string_view first = "", std::string_view rest = "") {
    return wrap(text, style.width, first, rest);
  };
  const std::size_t asked = screening.asked.size();
  std::string out = para(
      fmt::format("Saved your answers of {} ({} {}).", screening.at, asked, asked == 1 ? "question" : "questions"));
  const bool all = asked >= catalog.symptoms.size();
  std::vector<std::string> no;
  for (const std::string& id : screening.asked) {
    if (std::find(screening.yes.begin(), screening.yes.end(), id) == screening.yes.end()) {
      no.push_back(id);
    }
  }
  if (!screening.yes.empty()) {
    std::vector<std::string> named;
    for (const std::string& id : screening.yes) {
      const Symptom* symptom = catalog.find_symptom(id);
      named.push_back(symptom ? fmt::format("{} ({})", id, symptom->question) : id);
    }
    out += para(fmt::format("You answered yes to: {}.", fmt::join(named, "; ")));
  }
  if (all && screening.yes.empty()) {
    out += para("You answered no to every question.");
  } else if (!all && !no.empty()) {
    out += para(fmt::format("You answered no to: {}.", fmt::join(no, ", ")));
  }
  if (!screening.checked.empty()) {
    std::vector<std::string> named;
    for (const std::string& id : screening.checked) {
      named.push_back(words::sign_name(id));
    }
    out += para(fmt::format("Checked by a clinician: {}.", fmt::join(named, ", ")));
  }
  if (!all) {
    out += para("The questions you did not answer keep your earlier answers; run backcare screen to answer them "
                "all.");
  }
  for (const std::string& line : words::sign_state_lines(status)) {
    out += para(line);
  }
  out += '\n';
  const bool unscreened = triage.level != Level::refer && status.lapsed;
  std::string headline = para(words::triage_headline(triage.level, status, today));
  headline.pop_back(); // the colour ends before the line break
  out += paint(headline, triage.level == Level::refer || unscreened ? Paint::bold_yellow : Paint::green, style);
  out += '\n';
  for (const std::string& line : words::booking_lines(triage)) {
    out += para(line, "  - ", "    ");
  }
  for (const FiredRule& fired : triage.fired) {
    out += para(fired.rule->message, "  - ", "    ");
  }
  out += '\n';
  out += para(fmt::format("A yes stays in force until you answer no; a no counts for {} days, and moving up a phase "
                          "needs answers from that week. A sign that needs care now clears only with a no after a "
                          "clinician has checked you (--checked). Screen again whenever anything changes.",
                          k_screening_days));
  return out;
}

} // namespace backcare
