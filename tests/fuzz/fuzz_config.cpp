// libFuzzer target: the config file parser. Bad input must end in a
// backcare::Error (exit 78), never a crash or another exception.
#include "backcare/core/error.hpp"
#include "backcare/store/config.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  try {
    backcare::parse_config(std::string(reinterpret_cast<const char*>(data), size), "fuzz.toml");
  } catch (const backcare::Error&) {
  }
  return 0;
}
