# Install rules: `cmake --install build --prefix PREFIX` lays out
#
#   PREFIX/bin/restream                         the host
#   PREFIX/lib/restream/plugins/*.so            every plugin built from plugins/ (web pages embedded)
#   PREFIX/etc/restream/restream.ini            the default configuration
#   PREFIX/include/restream/*.h                 the plugin SDK (headers only)
#   PREFIX/lib/cmake/restream/                  find_package(restream): restream::sdk,
#                                               restream_add_plugin(), restream_embed_assets()
#
# The layout is relative and fixed, the same as the build tree's: the host finds its plugins and its
# configuration from its own location (<exe>/../lib/restream/plugins, <exe>/../etc/restream), so the
# tree can be installed under any prefix (/opt/restream, /usr/local, a Docker stage) and moved.
# Installed binaries carry no RPATH: they link Debian's system libraries only.

include(CMakePackageConfigHelpers)

set(RESTREAM_INSTALL_BINDIR "bin")
set(RESTREAM_INSTALL_PLUGINDIR "lib/restream/plugins")
set(RESTREAM_INSTALL_SYSCONFDIR "etc/restream")
set(RESTREAM_INSTALL_INCLUDEDIR "include")
set(RESTREAM_INSTALL_CMAKEDIR "lib/cmake/restream")

install(TARGETS restream RUNTIME DESTINATION "${RESTREAM_INSTALL_BINDIR}" COMPONENT runtime)

# Every plugin is a MODULE library defined under plugins/: found by walking the directories, so a new
# plugin (ui-admin, ui-player, ...) is installed without touching this file.
function(restream_collect_plugins directory result)
  set(found "")
  get_property(targets DIRECTORY "${directory}" PROPERTY BUILDSYSTEM_TARGETS)
  foreach(target IN LISTS targets)
    get_target_property(type ${target} TYPE)
    if(type STREQUAL "MODULE_LIBRARY")
      list(APPEND found ${target})
    endif()
  endforeach()
  get_property(subdirectories DIRECTORY "${directory}" PROPERTY SUBDIRECTORIES)
  foreach(subdirectory IN LISTS subdirectories)
    if(subdirectory MATCHES "^${CMAKE_SOURCE_DIR}/plugins/" OR directory MATCHES "^${CMAKE_SOURCE_DIR}/plugins/")
      restream_collect_plugins("${subdirectory}" nested)
      list(APPEND found ${nested})
    endif()
  endforeach()
  set(${result} "${found}" PARENT_SCOPE)
endfunction()
restream_collect_plugins("${CMAKE_SOURCE_DIR}" RESTREAM_PLUGIN_TARGETS)
if(RESTREAM_PLUGIN_TARGETS)
  install(TARGETS ${RESTREAM_PLUGIN_TARGETS} LIBRARY DESTINATION "${RESTREAM_INSTALL_PLUGINDIR}" COMPONENT runtime)
endif()

install(FILES etc/restream.ini DESTINATION "${RESTREAM_INSTALL_SYSCONFDIR}" COMPONENT runtime)

# The SDK: the headers, the plugin helpers and a package configuration.
install(DIRECTORY host/include/restream DESTINATION "${RESTREAM_INSTALL_INCLUDEDIR}" COMPONENT sdk
  FILES_MATCHING PATTERN "*.h")
target_include_directories(restream-sdk INTERFACE "$<INSTALL_INTERFACE:${RESTREAM_INSTALL_INCLUDEDIR}>")

# The installed restream::sdk is declared by restreamConfig.cmake itself (not install(EXPORT)): its
# FFmpeg dependency is a pkg-config imported target that the configuration file creates under a name
# of its own, so a consumer's own pkg_check_modules(AV ...) does not collide with it.
get_target_property(RESTREAM_SDK_LINK_LIBRARIES restream-sdk INTERFACE_LINK_LIBRARIES)
list(TRANSFORM RESTREAM_SDK_LINK_LIBRARIES REPLACE "^PkgConfig::AV$" "PkgConfig::restream_ffmpeg")
set(RESTREAM_SDK_POCO_COMPONENTS "")
foreach(library IN LISTS RESTREAM_SDK_LINK_LIBRARIES)
  if(library MATCHES "^Poco::(.+)$")
    list(APPEND RESTREAM_SDK_POCO_COMPONENTS "${CMAKE_MATCH_1}")
  endif()
endforeach()
# The FFmpeg libraries the SDK's headers include (Version.h, ChannelFormat.h, ...) and plugins use.
set(RESTREAM_SDK_FFMPEG_MODULES libavformat libavcodec libavutil libswresample libavfilter libswscale)

configure_package_config_file(cmake/restreamConfig.cmake.in "${CMAKE_BINARY_DIR}/cmake/restreamConfig.cmake"
  INSTALL_DESTINATION "${RESTREAM_INSTALL_CMAKEDIR}"
  PATH_VARS RESTREAM_INSTALL_INCLUDEDIR RESTREAM_INSTALL_PLUGINDIR RESTREAM_INSTALL_BINDIR RESTREAM_INSTALL_SYSCONFDIR)
# The product version: 0.x releases may change the SDK in any minor, so only the same major.minor
# matches. The plugin API version in restream/Version.h is what the host checks when it loads a plugin.
write_basic_package_version_file("${CMAKE_BINARY_DIR}/cmake/restreamConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}" COMPATIBILITY SameMinorVersion)
install(FILES
    "${CMAKE_BINARY_DIR}/cmake/restreamConfig.cmake"
    "${CMAKE_BINARY_DIR}/cmake/restreamConfigVersion.cmake"
    cmake/RestreamPlugin.cmake
    cmake/RestreamEmbedAssets.cmake
  DESTINATION "${RESTREAM_INSTALL_CMAKEDIR}" COMPONENT sdk)
