// libFuzzer target: `log import` of JSON text (always read as JSON).
#include "entry_reader_fuzz.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  std::string text(reinterpret_cast<const char*>(data), size);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos || (text[first] != '[' && text[first] != '{')) {
    text.insert(0, "[");
  }
  read_all_entries(std::move(text), false);
  return 0;
}
