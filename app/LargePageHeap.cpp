// Linked into the programs only (CMake target anzhi_heap): mimalloc replaces malloc for the
// whole process and asks the kernel for huge pages for its segments.

#include <mimalloc.h>

namespace {

// mimalloc sizes its OS pages once, when it initialises (its library constructor, or the
// first malloc), so the option must be set before that: an executable's .preinit_array runs
// before every shared library's initialisers. Setting an option does not allocate.
void enableLargeOsPages(int, char **, char **)
{
  mi_option_enable(mi_option_large_os_pages);
}

[[gnu::section(".preinit_array"),
  gnu::used]] void (*const preinitLargePages)(int, char **, char **) = enableLargeOsPages;

} // namespace
