// stdlib/os/natives.c: the natives of package os (stdlib/os/os.gol).
#include "common/fdio.h"
#include "common/mem.h"
#include "runtime/value.h"
#include "runtime/sched.h"
#include "stdlib/natives.h"
#include "stdlib/os/os.h"
#include "vm/vm.h"

#include <errno.h>
#include <fcntl.h>
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

static int os_lookup_env(G *g, Word *a) {
    (void)g;
    char *key = mem_strndup((const char *)(uintptr_t)a[0], (size_t)a[1]);
    const char *v = getenv(key);
    size_t n = v ? strlen(v) : 0;
    a[0] = (Word)(uintptr_t)(v ? mem_strndup(v, n) : "");
    a[1] = (Word)n;
    a[2] = (Word)(v != NULL);
    return VM_OK;
}

// put_errno stores the strerror text of err (or "" for 0) at a[0], a[1],
// starting in lower case as Go's syscall.Errno texts do.
static void put_errno(Word *a, int err) {
    const char *s = err ? strerror(err) : "";
    size_t n = strlen(s);
    char *t = n ? mem_strndup(s, n) : "";
    if (n && t[0] >= 'A' && t[0] <= 'Z') t[0] = (char)(t[0] - 'A' + 'a');
    a[0] = (Word)(uintptr_t)t;
    a[1] = (Word)n;
}

// sysWrite(fd, b) writes all of b, retrying short writes and EINTR.
static int os_sys_write(G *g, Word *a) {
    (void)g;
    fflush(stdout);
    int fd = (int)(int64_t)a[0];
    const char *p = (const char *)(uintptr_t)a[1];
    size_t len = (size_t)(int64_t)a[2];
    errno = 0;
    size_t done = fd_write_all(fd, p, len);
    int err = done < len ? errno : 0;
    a[0] = (Word)done;
    put_errno(a + 1, err);
    return VM_OK;
}

static int os_getpagesize(G *g, Word *a) {
    (void)g;
    a[0] = (Word)sysconf(_SC_PAGESIZE);
    return VM_OK;
}

static int os_sys_read(G *g, Word *a) {
    (void)g;
    int fd = (int)(int64_t)a[0];
    ssize_t r;
    // Standard input may block for as long as the user likes: hand the P
    // to another worker meanwhile (Go's entersyscallblock).
    bool blocking = fd == 0;
    if (blocking) sched_block_enter();
    do r = read(fd, (void *)(uintptr_t)a[1], (size_t)a[2]);
    while (r < 0 && errno == EINTR);
    if (blocking) sched_block_exit();
    int err = r < 0 ? errno : 0;
    a[0] = (Word)(r < 0 ? 0 : r);
    put_errno(a + 1, err);
    return VM_OK;
}

static int os_sys_open(G *g, Word *a) {
    (void)g;
    char *name = mem_strndup((const char *)(uintptr_t)a[0], (size_t)a[1]);
    int fd = open(name, (int)(int64_t)a[2] | O_CLOEXEC, (mode_t)a[3]);
    int err = fd < 0 ? errno : 0;
    a[0] = (Word)(int64_t)fd;
    put_errno(a + 1, err);
    return VM_OK;
}

static int os_sys_close(G *g, Word *a) {
    (void)g;
    int err = close((int)(int64_t)a[0]) < 0 ? errno : 0;
    put_errno(a, err);
    return VM_OK;
}

static int os_sys_unlink(G *g, Word *a) {
    (void)g;
    char *name = mem_strndup((const char *)(uintptr_t)a[0], (size_t)a[1]);
    int err = unlink(name) < 0 ? errno : 0;
    put_errno(a, err);
    return VM_OK;
}

const LibNative lib_os_natives[] = {
    { "Exit", os_exit },
    { "Getenv", os_getenv },
    { "runtimeArgs", os_runtime_args },
    { "lookupEnv", os_lookup_env },
    { "sysWrite", os_sys_write },
    { "sysRead", os_sys_read },
    { "sysOpen", os_sys_open },
    { "sysClose", os_sys_close },
    { "sysUnlink", os_sys_unlink },
    { "Getpagesize", os_getpagesize },
    { NULL, NULL },
};
