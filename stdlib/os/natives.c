// stdlib/os/natives.c: the natives of package os (stdlib/os/os.gol).
#include "common/mem.h"
#include "runtime/value.h"
#include "stdlib/natives.h"
#include "stdlib/os/os.h"
#include "vm/vm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int lib_os_argc;
char **lib_os_argv;

static int os_exit(G *g, Word *a) {
    (void)g;
    fflush(stdout);
    fflush(stderr);
    _exit((int)(int64_t)a[0]);
}

static int os_getenv(G *g, Word *a) {
    (void)g;
    char *key = mem_strndup((const char *)(uintptr_t)a[0], (size_t)a[1]);
    const char *v = getenv(key);
    size_t n = v ? strlen(v) : 0;
    a[0] = (Word)(uintptr_t)(v ? mem_strndup(v, n) : "");
    a[1] = (Word)n;
    return VM_OK;
}

static int os_runtime_args(G *g, Word *a) {
    (void)g;
    GoString *s = mem_alloc((lib_os_argc ? lib_os_argc : 1) * sizeof *s);
    for (int i = 0; i < lib_os_argc; i++)
        s[i] = gostr(lib_os_argv[i], (int64_t)strlen(lib_os_argv[i]));
    GoSlice out = { s, lib_os_argc, lib_os_argc };
    memcpy(a, &out, sizeof out);
    return VM_OK;
}

const LibNative lib_os_natives[] = {
    { "Exit", os_exit },
    { "Getenv", os_getenv },
    { "runtimeArgs", os_runtime_args },
    { NULL, NULL },
};
