#pragma once

// The built-in catalog, parsed once for the tests that need real rules.

#include "backcare/store/catalog_loader.hpp"

inline const backcare::Catalog& builtin_catalog()
{
  static const backcare::Catalog catalog = backcare::parse_catalog(backcare::embedded_catalog());
  return catalog;
}
