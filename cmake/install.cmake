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

install(TARGETS backcare RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(FILES man/backcare.1 DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
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
set(CPACK_PACKAGE_CONTACT "the backcare authors <backcare@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # depends on the exact runtime libraries it links
include(CPack)
