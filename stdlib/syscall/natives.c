// stdlib/syscall/natives.c: the natives of package syscall
// (stdlib/syscall/syscall.gol).
#include "common/mem.h"
#include "stdlib/natives.h"
#include "vm/vm.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

// errstr(e) is strerror's text for e, starting in lower case as Go's
// Errno texts do.
static int syscall_errstr(G *g, Word *a) {
    (void)g;
    const char *s = strerror((int)(int64_t)a[0]);
    size_t n = strlen(s);
    char *t = mem_strndup(s, n);
    if (n && t[0] >= 'A' && t[0] <= 'Z') t[0] = (char)(t[0] - 'A' + 'a');
    a[0] = (Word)(uintptr_t)t;
    a[1] = (Word)n;
    return VM_OK;
}

// kill(pid, sig) returns the error number of kill(2), 0 for none.
static int syscall_kill(G *g, Word *a) {
    (void)g;
    int r = kill((pid_t)(int64_t)a[0], (int)(int64_t)a[1]);
    a[0] = (Word)(r < 0 ? errno : 0);
    return VM_OK;
}

static int syscall_getpid(G *g, Word *a) {
    (void)g;
    a[0] = (Word)getpid();
    return VM_OK;
}

static int syscall_getppid(G *g, Word *a) {
    (void)g;
    a[0] = (Word)getppid();
    return VM_OK;
}

const LibNative lib_syscall_natives[] = {
    { "errstr", syscall_errstr },
    { "kill", syscall_kill },
    { "Getpid", syscall_getpid },
    { "Getppid", syscall_getppid },
    { NULL, NULL },
};
