// The catalog compiled at build time (cmake/embed_catalog.cmake and
// src/store/catalog_compiler.cpp) against the same TOML parsed at run time.
#include "backcare/store/catalog_loader.hpp"

#include <doctest/doctest.h>

using namespace backcare;

TEST_CASE("compiled_catalog")
{
  const Catalog parsed = parse_catalog(embedded_catalog());
  const Catalog compiled = compiled_catalog();
  CHECK(compiled.version == parsed.version);
  CHECK(compiled_catalog_version() == parsed.version);
  CHECK(compiled.exercises == parsed.exercises);
  CHECK(compiled.phases == parsed.phases);
  CHECK(compiled.symptoms == parsed.symptoms);
  CHECK(compiled.rules == parsed.rules);
  CHECK(compiled.trend_flags == parsed.trend_flags);
  CHECK(compiled == parsed);
  CHECK(load_catalog("") == parsed);
}
