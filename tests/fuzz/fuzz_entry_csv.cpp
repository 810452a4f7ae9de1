// libFuzzer target: `log import` of CSV text.
#include "entry_reader_fuzz.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  std::string text(reinterpret_cast<const char*>(data), size);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && (text[first] == '[' || text[first] == '{')) {
    return 0; // JSON: the other target's work
  }
  read_all_entries(std::move(text), true);
  return 0;
}
