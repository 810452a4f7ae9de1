// libFuzzer target: the catalog loader on one TOML document. Bad input must
// end in a backcare::Error (exit 65 for the user), never a crash, a hang or
// another exception.
#include "backcare/core/error.hpp"
#include "backcare/store/catalog_loader.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  try {
    backcare::parse_catalog({{"fuzz.toml", std::string(reinterpret_cast<const char*>(data), size)}});
  } catch (const backcare::Error&) {
  }
  return 0;
}
