// stdlib/natives.h: the C functions behind the standard library's
// body-less Go declarations (`func Println(a ...any) (n int, err error)` in
// stdlib/fmt/fmt.gol is implemented by lib_fmt_println). Each package's C
// file exports a table; stdlib/natives.c joins them.
#ifndef GOLI_NATIVES_H
#define GOLI_NATIVES_H

#include "vm/func.h"

typedef struct LibNative {
    const char *name;       // the Go name in its package: "Println", "Builder.WriteString"
    NativeFn fn;
} LibNative;

// lib_native_lookup finds the native for pkg's function name, or NULL.
NativeFn lib_native_lookup(const char *pkg, const char *name);

// The packages' tables, each ending with a NULL name.
extern const LibNative lib_errors_natives[];
extern const LibNative lib_fmt_natives[];
extern const LibNative lib_os_natives[];
extern const LibNative lib_strconv_natives[];
extern const LibNative lib_unicode_natives[];
extern const LibNative lib_strings_natives[];
extern const LibNative lib_math_natives[];
extern const LibNative lib_sort_natives[];
extern const LibNative lib_sync_natives[];
extern const LibNative lib_atomic_natives[];
extern const LibNative lib_runtime_natives[];
extern const LibNative lib_time_natives[];
extern const LibNative lib_rand_natives[];       // math/rand and math/rand/v2
extern const LibNative lib_syscall_natives[];
extern const LibNative lib_signal_natives[];     // os/signal

#endif
