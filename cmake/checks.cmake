# Code hygiene targets: `format` rewrites, `format-check` fails on any
# difference (CI runs it), `tidy` runs clang-tidy with .clang-tidy's checks.
file(GLOB_RECURSE BACKCARE_CXX_FILES CONFIGURE_DEPENDS
  "${PROJECT_SOURCE_DIR}/include/*.hpp" "${PROJECT_SOURCE_DIR}/src/*.cpp" "${PROJECT_SOURCE_DIR}/src/*.hpp"
  "${PROJECT_SOURCE_DIR}/tests/*.cpp" "${PROJECT_SOURCE_DIR}/tests/*.hpp")

find_program(BACKCARE_CLANG_FORMAT NAMES clang-format clang-format-14)
if(BACKCARE_CLANG_FORMAT)
  add_custom_target(format COMMAND "${BACKCARE_CLANG_FORMAT}" -i ${BACKCARE_CXX_FILES} VERBATIM)
  add_custom_target(format-check
    COMMAND "${BACKCARE_CLANG_FORMAT}" --dry-run --Werror ${BACKCARE_CXX_FILES}
    COMMENT "Checking formatting against .clang-format" VERBATIM)
endif()

find_program(BACKCARE_CLANG_TIDY NAMES clang-tidy clang-tidy-14)
find_program(BACKCARE_RUN_CLANG_TIDY NAMES run-clang-tidy run-clang-tidy-14)
if(BACKCARE_CLANG_TIDY AND BACKCARE_RUN_CLANG_TIDY)
  # Every source of src/ in compile_commands.json, in parallel; any warning
  # fails (.clang-tidy: WarningsAsErrors).
  add_custom_target(tidy
    COMMAND "${BACKCARE_RUN_CLANG_TIDY}" -clang-tidy-binary "${BACKCARE_CLANG_TIDY}" -p "${PROJECT_BINARY_DIR}"
            -quiet "${PROJECT_SOURCE_DIR}/src/"
    COMMENT "Running clang-tidy" VERBATIM)
endif()
