# The catalog is compiled into the binary so the program works with no files
# installed. The generated source is rebuilt whenever a catalog file changes.
file(GLOB BACKCARE_CATALOG_FILES CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/catalog/*.toml")
list(SORT BACKCARE_CATALOG_FILES)
set(BACKCARE_CATALOG_CPP "${PROJECT_BINARY_DIR}/generated/catalog_embedded.cpp")
add_custom_command(
  OUTPUT "${BACKCARE_CATALOG_CPP}"
  COMMAND "${CMAKE_COMMAND}" "-DOUTPUT=${BACKCARE_CATALOG_CPP}"
          "-DFILES=${BACKCARE_CATALOG_FILES}"
          -P "${PROJECT_SOURCE_DIR}/cmake/write_catalog_source.cmake"
  DEPENDS ${BACKCARE_CATALOG_FILES} "${PROJECT_SOURCE_DIR}/cmake/write_catalog_source.cmake"
  COMMENT "Embedding the catalog"
  VERBATIM)
