#pragma once

// Loading the catalog from TOML and validating it. Every problem is an
// Error with ExitCode::data whose message starts with "file:line:column: ".

#include "backcare/core/catalog.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace backcare {

// One TOML document and the name it is reported under.
struct CatalogSource {
  std::string path;
  std::string text;
};

// The catalog compiled into the binary (generated from catalog/*.toml).
std::vector<CatalogSource> embedded_catalog();

// The same catalog, parsed and checked at build time and built directly:
// no TOML is parsed at run time (start-up is what `plan` and `trend` pay).
Catalog compiled_catalog();
// Its version, without building it (for --version).
std::string_view compiled_catalog_version();

// Reads a catalog file, or every *.toml file of a folder in name order.
// A path that does not exist or cannot be read is ExitCode::no_input.
std::vector<CatalogSource> read_catalog_sources(const std::string& path);

// Parses and validates the documents as one catalog.
Catalog parse_catalog(const std::vector<CatalogSource>& sources);

// The built-in catalog when `path` is empty, else the one at `path`.
Catalog load_catalog(const std::string& path);

} // namespace backcare
