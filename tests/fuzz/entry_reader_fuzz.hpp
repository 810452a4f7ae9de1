#pragma once

// Shared by the CSV and JSON import targets: reads every entry of `text`,
// as `log import` does. Bad input must end in a backcare::Error (exit 65);
// every entry that is accepted must pass the same checks as `log add`.
#include "backcare/date.hpp"
#include "backcare/error.hpp"
#include "backcare/log_format.hpp"

#include <cstdlib>
#include <string>

inline void read_all_entries(std::string text)
{
  const backcare::Date today = *backcare::parse_date("2026-11-26");
  try {
    backcare::EntryReader reader("fuzz", std::move(text), today);
    while (const auto entry = reader.next()) {
      if (!backcare::entry_problem(*entry, today).empty()) {
        std::abort(); // the reader let through an entry the log would refuse
      }
    }
  } catch (const backcare::Error&) {
  }
}
