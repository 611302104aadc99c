# Packaging: installs the data files of packaging/ (desktop entry, AppStream
# metainfo, icons, man pages, bash completion, copyright, changelog) and
# configures CPack to build a Debian package:
#
#   cmake --build build --target package      # or: cd build && cpack -G DEB
#
# Included once at the end of the top-level CMakeLists.txt; the executables
# install themselves (app/*/CMakeLists.txt).  packaging/README.md says what the
# package contains and why lintian's remaining findings are accepted.

set(VIPDECK_APP_ID org.vipdeck.vipdeck)
# The date of the release PROJECT_VERSION names; AppStream and the changelog
# show it.  Update both with the version.
set(VIPDECK_RELEASE_DATE 2026-11-23)
set(VIPDECK_RELEASE_DATE_RFC2822 "Mon, 23 Nov 2026 12:00:00 +0000")
set(VIPDECK_PACKAGE_MAINTAINER "vipdeck maintainers <maintainers@vipdeck.org>"
    CACHE STRING "Maintainer field of the Debian package")
# SPDX identifier for AppStream; packaging/copyright says the same.
set(VIPDECK_PROJECT_LICENSE LicenseRef-proprietary)

set(pkg_src ${CMAKE_CURRENT_LIST_DIR})
set(pkg_bin ${CMAKE_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${pkg_bin})

# --- generated files ---------------------------------------------------------
configure_file(${pkg_src}/${VIPDECK_APP_ID}.metainfo.xml.in
               ${pkg_bin}/${VIPDECK_APP_ID}.metainfo.xml @ONLY)
configure_file(${pkg_src}/changelog.in ${pkg_bin}/changelog @ONLY)

# Debian wants man pages and changelogs compressed, reproducibly (-n: no name
# or time stamp in the header).
find_program(VIPDECK_GZIP gzip REQUIRED)
set(pkg_gz_outputs)
# The user documentation the man pages point to, under /usr/share/doc/vipdeck.
set(pkg_docs fleet-yaml vipdeckctl verdicts monitoring reports audit history haproxy-notes)
set(pkg_doc_pairs)
foreach(doc ${pkg_docs})
    list(APPEND pkg_doc_pairs "doc/${doc}.md|${CMAKE_SOURCE_DIR}/docs/${doc}.md")
endforeach()
foreach(pair "man/vipdeck.1|${pkg_src}/man/vipdeck.1" "man/vipdeckctl.1|${pkg_src}/man/vipdeckctl.1"
             "changelog|${pkg_bin}/changelog" ${pkg_doc_pairs})
    string(REPLACE "|" ";" pair "${pair}")
    list(GET pair 0 name)
    list(GET pair 1 input)
    set(output ${pkg_bin}/${name}.gz)
    add_custom_command(OUTPUT ${output}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${pkg_bin}/man ${pkg_bin}/doc
        COMMAND ${VIPDECK_GZIP} -9nc ${input} > ${output}
        DEPENDS ${input}
        COMMENT "Compressing ${name}"
        VERBATIM)
    list(APPEND pkg_gz_outputs ${output})
endforeach()
add_custom_target(vipdeck_packaging_data ALL DEPENDS ${pkg_gz_outputs})

# --- install rules -----------------------------------------------------------
set(datadir ${CMAKE_INSTALL_DATADIR})
install(FILES ${pkg_src}/${VIPDECK_APP_ID}.desktop DESTINATION ${datadir}/applications)
install(FILES ${pkg_bin}/${VIPDECK_APP_ID}.metainfo.xml DESTINATION ${datadir}/metainfo)
install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/vipdeck.svg
        DESTINATION ${datadir}/icons/hicolor/scalable/apps RENAME ${VIPDECK_APP_ID}.svg)
foreach(size 16 32 48 64 128 256)
    install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/vipdeck-${size}.png
            DESTINATION ${datadir}/icons/hicolor/${size}x${size}/apps
            RENAME ${VIPDECK_APP_ID}.png)
endforeach()
install(FILES ${pkg_bin}/man/vipdeck.1.gz ${pkg_bin}/man/vipdeckctl.1.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${pkg_src}/completion/vipdeckctl DESTINATION ${datadir}/bash-completion/completions)
# The history recorder as a user service and as a system service with a
# user of its own (docs/history.md).
install(FILES ${pkg_src}/systemd/vipdeck-record.user.service
        DESTINATION lib/systemd/user RENAME vipdeck-record.service)
install(FILES ${pkg_src}/systemd/vipdeck-record.system.service
        DESTINATION lib/systemd/system RENAME vipdeck-record.service)
install(FILES ${pkg_src}/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${pkg_bin}/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})
foreach(doc ${pkg_docs})
    install(FILES ${pkg_bin}/doc/${doc}.md.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})
endforeach()
install(FILES ${CMAKE_SOURCE_DIR}/resources/examples/fleet.yaml
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

# --- CPack: Debian package ---------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME vipdeck)
set(CPACK_PACKAGE_VENDOR "The vipdeck developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY ${PROJECT_DESCRIPTION})
set(CPACK_PACKAGE_HOMEPAGE_URL ${PROJECT_HOMEPAGE_URL})
set(CPACK_PACKAGE_CONTACT ${VIPDECK_PACKAGE_MAINTAINER})
set(CPACK_RESOURCE_FILE_LICENSE ${pkg_src}/copyright)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
# Directories the package creates are 0755 whatever the umask of the build.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${VIPDECK_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
# The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the extended text.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "vipdeck shows every VIP on every load-balancer host of a fleet at a glance:
the health of its HAProxy frontends and backends and whether BIRD announces it
over BGP. It drains and enables backend servers everywhere they serve, reloads
one VIP's HAProxy safely, exports health reports and records every change in an
audit log. It reaches the hosts over SSH; nothing is installed on them.
.
The package contains the desktop console vipdeck and the command-line tool
vipdeckctl for scripts, cron jobs and runbooks.")
# Libraries the executables link come from dpkg-shlibdeps; these are what it
# cannot see: Qt loads the SQLite driver (audit log) and the platform plugins
# (xcb, offscreen) at run time, and reports' PDF asks fontconfig for DejaVu
# Sans.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, fonts-dejavu-core")
# PostgreSQL as the shared audit store of a team; Qt's own translations for
# the standard buttons and dialogs when vipdeck runs in German; fonts for
# Chinese, Japanese and Korean text and emoji in reports.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "libqt6sql6-psql, qt6-translations-l10n, fonts-noto-cjk | fonts-wqy-zenhei, fonts-noto-color-emoji")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

include(CPack)

if(VIPDECK_BUILD_TESTS)
    add_subdirectory(${CMAKE_SOURCE_DIR}/tests/packaging ${CMAKE_BINARY_DIR}/tests/packaging)
endif()
