# Warnings live in an INTERFACE target that our own targets link PRIVATE, so
# they never leak into code that uses the library. -Werror is for dev and CI
# builds only: a newer compiler must not break a user's release build.
add_library(backcare_warnings INTERFACE)
target_compile_options(backcare_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual)
if(BACKCARE_WERROR)
  target_compile_options(backcare_warnings INTERFACE -Werror)
endif()

add_library(backcare_sanitizers INTERFACE)
if(BACKCARE_FUZZ)
  # libFuzzer's coverage instrumentation on the library; the fuzz targets
  # add -fsanitize=fuzzer (its main) when they link.
  target_compile_options(backcare_sanitizers INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(backcare_sanitizers INTERFACE -fsanitize=address,undefined)
elseif(BACKCARE_SANITIZE)
  target_compile_options(backcare_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(backcare_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
