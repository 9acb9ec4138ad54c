// stdlib/natives.c: finding the C function behind a body-less standard
// library declaration (natives.h).
#include "stdlib/natives.h"

#include <string.h>

static const struct {
    const char *pkg;
    const LibNative *table;
} packages[] = {
    { "errors", lib_errors_natives },
    { "fmt", lib_fmt_natives },
    { "os", lib_os_natives },
    { "strconv", lib_strconv_natives },
    { "unicode", lib_unicode_natives },
    { "strings", lib_strings_natives },
    { "math", lib_math_natives },
    { "sort", lib_sort_natives },
    { "sync", lib_sync_natives },
    { "sync/atomic", lib_atomic_natives },
    { "runtime", lib_runtime_natives },
    { "time", lib_time_natives },
    { "math/rand", lib_rand_natives },
    { "math/rand/v2", lib_rand_natives },
    { "syscall", lib_syscall_natives },
    { "os/signal", lib_signal_natives },
};

NativeFn lib_native_lookup(const char *pkg, const char *name) {
    for (size_t i = 0; i < sizeof packages / sizeof *packages; i++) {
        if (strcmp(packages[i].pkg, pkg) != 0) continue;
        for (const LibNative *n = packages[i].table; n->name; n++)
            if (strcmp(n->name, name) == 0) return n->fn;
    }
    return NULL;
}
