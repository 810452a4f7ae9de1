# What `cmake --install` places, and the Debian package built from it.
include(GNUInstallDirs)

# Completion scripts come from the built binary walking its own CLI tree, so
# they never drift from the options. --config /dev/null keeps a developer's
# config file out of the build.
set(BACKCARE_COMPLETIONS_DIR "${PROJECT_BINARY_DIR}/completions")
add_custom_command(
  OUTPUT "${BACKCARE_COMPLETIONS_DIR}/backcare" "${BACKCARE_COMPLETIONS_DIR}/_backcare"
         "${BACKCARE_COMPLETIONS_DIR}/backcare.fish"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${BACKCARE_COMPLETIONS_DIR}"
  COMMAND "${CMAKE_COMMAND}" -E env --unset=BACKCARE_CATALOG
          sh -c "\"$1\" --config /dev/null completions bash > \"$2/backcare\" && \"$1\" --config /dev/null completions zsh > \"$2/_backcare\" && \"$1\" --config /dev/null completions fish > \"$2/backcare.fish\""
          sh "$<TARGET_FILE:backcare>" "${BACKCARE_COMPLETIONS_DIR}"
  DEPENDS backcare
  COMMENT "Generating shell completions"
  VERBATIM)
add_custom_target(completions ALL
  DEPENDS "${BACKCARE_COMPLETIONS_DIR}/backcare" "${BACKCARE_COMPLETIONS_DIR}/_backcare"
          "${BACKCARE_COMPLETIONS_DIR}/backcare.fish")

# Debian wants the man page and the package's changelog gzip'd; -n leaves
# out the file's name and time, so that every build gives the same bytes.
set(BACKCARE_GZIP_DIR "${PROJECT_BINARY_DIR}/gzip")
foreach(pair "man/backcare.1|backcare.1.gz" "packaging/changelog|changelog.Debian.gz")
  string(REPLACE "|" ";" pair "${pair}")
  list(GET pair 0 source)
  list(GET pair 1 target)
  add_custom_command(
    OUTPUT "${BACKCARE_GZIP_DIR}/${target}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${BACKCARE_GZIP_DIR}"
    COMMAND sh -c "gzip -9nc \"$1\" > \"$2\"" sh "${PROJECT_SOURCE_DIR}/${source}" "${BACKCARE_GZIP_DIR}/${target}"
    DEPENDS "${PROJECT_SOURCE_DIR}/${source}"
    VERBATIM)
endforeach()
add_custom_target(gzipped_docs ALL DEPENDS "${BACKCARE_GZIP_DIR}/backcare.1.gz" "${BACKCARE_GZIP_DIR}/changelog.Debian.gz")

install(TARGETS backcare RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(FILES "${BACKCARE_GZIP_DIR}/backcare.1.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
# The Debian copyright file (machine-readable) and changelog, where Debian
# policy puts them; LICENSE stays beside the README for other installs.
install(FILES packaging/copyright "${BACKCARE_GZIP_DIR}/changelog.Debian.gz" DESTINATION "${CMAKE_INSTALL_DOCDIR}")
# The one lintian tag the package keeps, with its reason written in the file.
install(FILES packaging/lintian-overrides DESTINATION "${CMAKE_INSTALL_DATADIR}/lintian/overrides" RENAME backcare)
install(FILES ${BACKCARE_CATALOG_FILES} DESTINATION "${CMAKE_INSTALL_DATADIR}/backcare")
install(FILES README.md LICENSE DESTINATION "${CMAKE_INSTALL_DOCDIR}")
# docs/ keeps its name so that the README's links still work where it is installed.
install(DIRECTORY docs DESTINATION "${CMAKE_INSTALL_DOCDIR}")
install(FILES "${BACKCARE_COMPLETIONS_DIR}/backcare" DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions")
install(FILES "${BACKCARE_COMPLETIONS_DIR}/_backcare" DESTINATION "${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions")
install(FILES "${BACKCARE_COMPLETIONS_DIR}/backcare.fish" DESTINATION "${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME backcare)
set(CPACK_PACKAGE_VENDOR "the backcare authors")
# lintian refuses a host without a dot (bogus-mail-host: "localhost" was
# one); .invalid (RFC 2606) is a well-formed host that says plainly that no
# list exists yet. Replace it with a real address before publishing.
set(CPACK_PACKAGE_CONTACT "backcare maintainers <maintainers@backcare.invalid>")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "exercise guidance for low back pain after giving birth")
# The extended description: CPack puts the summary first and indents these
# lines as the control file's Description field needs.
set(CPACK_PACKAGE_DESCRIPTION
    "backcare helps a person with low back pain after giving birth do the right
exercises in the right order, see whether the pain is getting better, and
know when to stop self-care and see a clinician. It checks warning signs
first (triage): an urgent or emergency sign always wins.
.
It prints a phased routine (alignment, breathing, core, glutes and
hamstrings, hip hinge, and moving more) as a weekly schedule, keeps a pain
diary and the sessions done in a local SQLite database, says whether the
pain is really improving, and writes a one-page report for a
physiotherapist or GP. Plans export to JSON, Markdown, CSV and iCalendar.
Everything runs locally. It is exercise guidance, not a diagnosis.")
set(CPACK_DEBIAN_PACKAGE_RELEASE 1) # the Debian revision: 0.1.0-1, as packaging/changelog says
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # depends on the exact runtime libraries it links
include(CPack)
