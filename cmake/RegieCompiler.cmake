# Compiler settings shared by every target: warnings, ccache, optional sanitizers.
find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
    # Paths relative to the checkout, and no working directory in the hash, so a fresh clone
    # (as CI makes for every run) reuses what earlier builds compiled; the sloppiness lets
    # ccache cache the translation units that use the precompiled Boost header.
    set(REGIE_CCACHE ${CMAKE_COMMAND} -E env CCACHE_BASEDIR=${PROJECT_SOURCE_DIR}
                     CCACHE_NOHASHDIR=1 CCACHE_SLOPPINESS=pch_defines,time_macros
                     ${CCACHE_PROGRAM})
    set(CMAKE_CXX_COMPILER_LAUNCHER ${REGIE_CCACHE})
    set(CMAKE_C_COMPILER_LAUNCHER ${REGIE_CCACHE})
endif()

set(REGIE_SANITIZE "" CACHE STRING "Comma-separated sanitizers, e.g. address,undefined")

add_library(regie_warnings INTERFACE)
target_compile_options(regie_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow=local
                                                -Wno-missing-field-initializers)
if(REGIE_SANITIZE)
    target_compile_options(regie_warnings INTERFACE -fsanitize=${REGIE_SANITIZE}
                                                    -fno-omit-frame-pointer)
    target_link_options(regie_warnings INTERFACE -fsanitize=${REGIE_SANITIZE})
endif()
