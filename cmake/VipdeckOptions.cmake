# One INTERFACE target that every vipdeck target links: the language level,
# warnings, and the Qt definitions that keep string handling explicit.
add_library(vipdeck_options INTERFACE)
add_library(vipdeck::options ALIAS vipdeck_options)

target_compile_features(vipdeck_options INTERFACE cxx_std_20)
target_compile_options(vipdeck_options INTERFACE
    -Wall -Wextra -Wpedantic $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local> -Wnon-virtual-dtor -Wcast-align
    -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough
    $<$<BOOL:${VIPDECK_WERROR}>:-Werror>)
target_compile_definitions(vipdeck_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)

# VIPDECK_SANITIZE=address,undefined (or thread): every vipdeck target is built and
# linked with these sanitizers; a report is never recovered from, so it fails the
# test that met it.  Use a build directory of its own (scripts/test --sanitize,
# docs/sanitizers.md).
set(VIPDECK_SANITIZE "" CACHE STRING
    "Sanitizers for every vipdeck target, e.g. address,undefined or thread (empty: none)")
if(VIPDECK_SANITIZE)
    if(VIPDECK_SANITIZE MATCHES "thread" AND VIPDECK_SANITIZE MATCHES "address|leak")
        message(FATAL_ERROR "VIPDECK_SANITIZE: thread cannot be combined with address or leak")
    endif()
    # -O1: what the sanitizers' authors advise; with -g1 (line tables, enough for
    # the reports' stack traces) it compiles and links much faster than -O2 -g.
    target_compile_options(vipdeck_options INTERFACE -fsanitize=${VIPDECK_SANITIZE}
        -fno-sanitize-recover=all -fno-omit-frame-pointer -O1 -g1)
    target_link_options(vipdeck_options INTERFACE -fsanitize=${VIPDECK_SANITIZE})
    if(VIPDECK_SANITIZE MATCHES "thread")
        # Two blind spots Qt leaves to TSan, closed in every executable
        # (tests/sanitizers/tsanruntime.cpp): QProcess's vfork-like clone,
        # and QFuture continuations stored inside libQt6Core.
        target_sources(vipdeck_options INTERFACE
            $<$<STREQUAL:$<TARGET_PROPERTY:TYPE>,EXECUTABLE>:${CMAKE_SOURCE_DIR}/tests/sanitizers/tsanruntime.cpp>)
        set(_continuation _ZN20QFutureInterfaceBase15setContinuationESt8functionIFvRKS_EE)
        target_link_options(vipdeck_options INTERFACE
            LINKER:--wrap=${_continuation}
            LINKER:--wrap=${_continuation}P27QFutureInterfaceBasePrivate)
    endif()
endif()

# vipdeck_add_module(NAME SOURCES ... LIBS ...) adds a static library of core,
# models or views.  Keeping each module its own library lets a test link only
# the layer it tests and keeps the layer rule checkable by the linker.
function(vipdeck_add_module name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    target_link_libraries(${name} PUBLIC vipdeck::options ${ARG_LIBS})
    target_include_directories(${name} PUBLIC ${CMAKE_SOURCE_DIR})
    set_target_properties(${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()
