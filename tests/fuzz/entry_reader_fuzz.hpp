#pragma once

// Shared by the CSV and JSON import targets: reads every entry of `text`,
// as `log import` does. Bad input must end in a backcare::Error (exit 65);
// every entry that is accepted must pass the same checks as `log add`.
#include "backcare/core/date.hpp"
#include "backcare/core/entry_codec.hpp"
#include "backcare/core/error.hpp"

#include <cstdlib>
#include <sstream>
#include <string>

// With `stream`, the reader pulls the text from a stream, as `log import`
// does with a file; else it gets the whole text at once.
inline void read_all_entries(std::string text, bool stream)
{
  const backcare::Date today = *backcare::parse_date("2026-11-26");
  std::istringstream in(stream ? text : std::string());
  try {
    backcare::EntryReader reader =
        stream ? backcare::EntryReader("fuzz", in, today) : backcare::EntryReader("fuzz", std::move(text), today);
    while (const auto entry = reader.next()) {
      if (!backcare::entry_problem(*entry, today).empty()) {
        std::abort(); // the reader let through an entry the log would refuse
      }
    }
  } catch (const backcare::Error&) {
  }
}
