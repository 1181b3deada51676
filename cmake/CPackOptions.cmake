# CPack's per-generator settings (CPACK_PROJECT_CONFIG_FILE), read once per generator.
if(CPACK_GENERATOR STREQUAL "DEB")
  # Everything but the bundled libraries, installed under /usr; dpkg resolves the libraries.
  set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
elseif(CPACK_GENERATOR STREQUAL "TGZ")
  # One relocatable tree: bin/, share/ and lib/asanasim/ with the libraries a clean Debian 12
  # lacks (found through the binary's RUNPATH $ORIGIN/../lib/asanasim).
  set(CPACK_ARCHIVE_COMPONENT_INSTALL ON)
  set(CPACK_COMPONENTS_ALL Unspecified bundled_libraries)
  set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
  set(CPACK_COMPONENT_INCLUDE_TOPLEVEL_DIRECTORY ON)  # asanasim-VERSION-Linux-x86_64/
  set(CPACK_ARCHIVE_FILE_NAME "${CPACK_PACKAGE_FILE_NAME}")
endif()
