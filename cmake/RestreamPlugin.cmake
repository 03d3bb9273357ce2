# restream_add_plugin(<name> SOURCES <file>... [LIBRARIES <target>...])
#
# Builds a restream plugin: a MODULE library <name>.so (no "lib" prefix), hidden visibility (two
# plugins' same-named classes must not bind to each other: the host loads plugins RTLD_GLOBAL), no
# undefined symbols, linked to the SDK (restream::sdk: headers, Poco, FFmpeg). When
# RESTREAM_PLUGIN_OUTPUT_DIR is set the library lands there.
# The sources are compiled once, into the object library <name>-objects, which the plugin's tests
# link as they are (target_link_libraries(test PRIVATE <name>-objects)); its include directory is
# the plugin's source folder.
# Part of the plugin SDK: out-of-tree plugins get it from find_package(restream).

function(restream_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual)
endfunction()

function(restream_add_plugin name)
  cmake_parse_arguments(PLUGIN "" "" "SOURCES;LIBRARIES" ${ARGN})
  add_library(${name}-objects OBJECT ${PLUGIN_SOURCES})
  set_target_properties(${name}-objects PROPERTIES
    POSITION_INDEPENDENT_CODE ON
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  target_include_directories(${name}-objects PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}")
  target_link_libraries(${name}-objects PUBLIC restream::sdk ${PLUGIN_LIBRARIES})
  restream_warnings(${name}-objects)

  add_library(${name} MODULE $<TARGET_OBJECTS:${name}-objects>)
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    OUTPUT_NAME ${name})
  if(RESTREAM_PLUGIN_OUTPUT_DIR)
    set_target_properties(${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${RESTREAM_PLUGIN_OUTPUT_DIR}")
  endif()
  target_link_libraries(${name} PRIVATE restream::sdk ${PLUGIN_LIBRARIES})
  target_link_options(${name} PRIVATE -Wl,--no-undefined)
endfunction()
