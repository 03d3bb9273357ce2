# The project's web tool chain: npm installs the pinned packages of package.json/package-lock.json
# into the build tree (never the source tree), esbuild bundles each UI plugin's scripts and styles.
# Nothing is fetched at run time: the bundles are embedded in the plugins (RestreamEmbedAssets.cmake).
#
#   RESTREAM_NODE_MODULES          <build>/npm/node_modules: also where the browser tests find
#                                  playwright-core
#   restream_web_bundle(<target> OUTPUT_DIR <dir> ENTRIES <file>... [DEPENDS <file>...])
#       bundles each entry (.js or .css) with esbuild, minified, into <dir>/<entry name>, and
#       makes <target> depend on the bundles. DEPENDS: files the entries import.

find_program(RESTREAM_NPM npm)
find_program(RESTREAM_NODE NAMES node nodejs)
if(NOT RESTREAM_NPM OR NOT RESTREAM_NODE)
  message(FATAL_ERROR "The web pages are built with Node.js and npm: install them with scripts/setup-debian.sh "
    "(Debian packages nodejs and npm).")
endif()

set(RESTREAM_NPM_DIR "${CMAKE_BINARY_DIR}/npm")
set(RESTREAM_NODE_MODULES "${RESTREAM_NPM_DIR}/node_modules")
set(RESTREAM_NPM_STAMP "${RESTREAM_NODE_MODULES}/.restream-installed")
add_custom_command(
  OUTPUT "${RESTREAM_NPM_STAMP}"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${RESTREAM_NPM_DIR}"
  COMMAND ${CMAKE_COMMAND} -E copy "${CMAKE_SOURCE_DIR}/package.json" "${CMAKE_SOURCE_DIR}/package-lock.json" "${RESTREAM_NPM_DIR}/"
  COMMAND "${RESTREAM_NPM}" ci --no-audit --no-fund --loglevel=error --prefix "${RESTREAM_NPM_DIR}"
  COMMAND ${CMAKE_COMMAND} -E touch "${RESTREAM_NPM_STAMP}"
  DEPENDS "${CMAKE_SOURCE_DIR}/package.json" "${CMAKE_SOURCE_DIR}/package-lock.json"
  COMMENT "Installing the pinned npm packages (package-lock.json)"
  VERBATIM)
add_custom_target(restream-npm DEPENDS "${RESTREAM_NPM_STAMP}")

function(restream_web_bundle target)
  cmake_parse_arguments(BUNDLE "" "OUTPUT_DIR" "ENTRIES;DEPENDS" ${ARGN})
  set(outputs "")
  foreach(entry IN LISTS BUNDLE_ENTRIES)
    get_filename_component(entry "${entry}" ABSOLUTE)
    get_filename_component(name "${entry}" NAME)
    set(output "${BUNDLE_OUTPUT_DIR}/${name}")
    add_custom_command(
      OUTPUT "${output}"
      COMMAND ${CMAKE_COMMAND} -E env "NODE_PATH=${RESTREAM_NODE_MODULES}"
        "${RESTREAM_NODE_MODULES}/.bin/esbuild" "${entry}"
        --bundle --minify --target=es2020,chrome86,firefox78,safari14
        --log-level=warning "--outfile=${output}"
      DEPENDS "${entry}" ${BUNDLE_DEPENDS} "${RESTREAM_NPM_STAMP}"
      COMMENT "Bundling ${name} for ${target}"
      VERBATIM)
    list(APPEND outputs "${output}")
  endforeach()
  add_custom_target(${target}-web DEPENDS ${outputs})
  add_dependencies(${target}-web restream-npm)
  add_dependencies(${target} ${target}-web)
  if(TARGET ${target}-objects)
    add_dependencies(${target}-objects ${target}-web)
  endif()
endfunction()
