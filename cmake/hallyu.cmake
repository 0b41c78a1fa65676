# Shared compile settings for every hallyu target.
add_library(hallyu_warnings INTERFACE)
target_compile_options(hallyu_warnings INTERFACE -Wall -Wextra -Wpedantic)
if(HALLYU_WERROR)
  target_compile_options(hallyu_warnings INTERFACE -Werror)
endif()
if(HALLYU_SANITIZE)
  # GCC 12 reports a false -Wmaybe-uninitialized inside libstdc++'s <regex> (pulled in
  # by httplib.h) only when sanitizers instrument -O1 code; -Werror would make it fatal.
  target_compile_options(hallyu_warnings INTERFACE -Wno-maybe-uninitialized)
  add_compile_options(-fsanitize=${HALLYU_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${HALLYU_SANITIZE})
endif()

# hallyu_library(NAME DIR): a static library from every .cc in DIR except main.cc.
# Sources are globbed so adding a file needs no CMake edit.
function(hallyu_library name dir)
  file(GLOB_RECURSE srcs CONFIGURE_DEPENDS ${dir}/*.cc)
  list(FILTER srcs EXCLUDE REGEX "/main\\.cc$")
  add_library(${name} STATIC ${srcs})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(${name} PRIVATE hallyu_warnings)
endfunction()
