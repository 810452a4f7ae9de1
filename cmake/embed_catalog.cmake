# The catalog is compiled into the binary so the program works with no files
# installed, in two forms, both rebuilt whenever a catalog file changes:
#   catalog_embedded.cpp  the TOML text of each file (embedded_catalog(): for
#                         `catalog check` and the tests);
#   catalog_compiled.cpp  the parsed catalog as C++ that builds it directly
#                         (compiled_catalog(): what the program uses, so it
#                         parses no TOML at run time). backcare_catalog_compiler
#                         makes it with the program's own loader; an invalid
#                         catalog fails the build with file:line:column.
file(GLOB BACKCARE_CATALOG_FILES CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/catalog/*.toml")
list(SORT BACKCARE_CATALOG_FILES)
set(BACKCARE_CATALOG_TEXT_CPP "${PROJECT_BINARY_DIR}/generated/catalog_embedded.cpp")
add_custom_command(
  OUTPUT "${BACKCARE_CATALOG_TEXT_CPP}"
  COMMAND "${CMAKE_COMMAND}" "-DOUTPUT=${BACKCARE_CATALOG_TEXT_CPP}"
          "-DFILES=${BACKCARE_CATALOG_FILES}"
          -P "${PROJECT_SOURCE_DIR}/cmake/write_catalog_source.cmake"
  DEPENDS ${BACKCARE_CATALOG_FILES} "${PROJECT_SOURCE_DIR}/cmake/write_catalog_source.cmake"
  COMMENT "Embedding the catalog"
  VERBATIM)

add_executable(backcare_catalog_compiler
  "${PROJECT_SOURCE_DIR}/src/store/catalog_compiler.cpp"
  "${PROJECT_SOURCE_DIR}/src/store/catalog_loader.cpp"
  "${PROJECT_SOURCE_DIR}/src/store/files.cpp"
  "${PROJECT_SOURCE_DIR}/src/store/toml_text.cpp"
  "${BACKCARE_CATALOG_TEXT_CPP}")
target_link_libraries(backcare_catalog_compiler PRIVATE backcare_core backcare_toml backcare_warnings)

set(BACKCARE_CATALOG_COMPILED_CPP "${PROJECT_BINARY_DIR}/generated/catalog_compiled.cpp")
add_custom_command(
  OUTPUT "${BACKCARE_CATALOG_COMPILED_CPP}"
  COMMAND backcare_catalog_compiler "${BACKCARE_CATALOG_COMPILED_CPP}"
  DEPENDS backcare_catalog_compiler
  COMMENT "Compiling the catalog"
  VERBATIM)

set(BACKCARE_CATALOG_CPP "${BACKCARE_CATALOG_TEXT_CPP}" "${BACKCARE_CATALOG_COMPILED_CPP}")
