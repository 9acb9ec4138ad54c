// runtime/run.c: the main goroutine, and the hooks through which C code
// (fmt, panic reports) calls Go methods.
#include "runtime/run.h"
#include "common/mem.h"
#include "runtime/panic.h"
#include "runtime/sched.h"
#include "runtime/signal.h"
#include "stdlib/fmt/fmt.h"
#include "stdlib/os/os.h"
#include "vm/vm.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

// call_method runs a String/Error/GoString method on a receiver in memory
// (fmt.h, FmtCallMethod).
static int call_method(void *ctx, const Method *m, const Type *recv_type, const void *recv,
                       GoString *result, Iface *panic_val) {
    G *g = ctx;
    Func *fn = m->fn;
    if (!fn) return 1;
    Word args[64] = { 0 };
    uint32_t nargs;
    if (m->ptr_recv) {
        memcpy(&args[0], recv, sizeof(Word));
        nargs = 1;
    } else {
        const void *p = recv;
        const Type *vt = recv_type;
        if (recv_type->kind == K_POINTER) {
            memcpy(&p, recv, sizeof p);
            vt = recv_type->elem;
            if (!p) {
                *panic_val = panic_runtime_error(NIL_DEREF_TEXT);
                return 1;
            }
        }
        nargs = type_words(vt);
        if (nargs > 64) return 1;
        memcpy(args, p, vt->size);
    }
    Word res[2];
    int st = vm_call(g, fn, args, nargs, res, 2);
    if (st == VM_PANIC) {
        *panic_val = g->panic->value;
        g->panic = NULL;    // fmt recovers it
        g->trace = NULL;
        return 1;
    }
    result->ptr = (const uint8_t *)(uintptr_t)res[0];
    result->len = (int64_t)res[1];
    return 0;
}

// method_text calls Error() or String() on a panic value (PanicMethodText).
static bool method_text(G *g, const Iface *v, const char *name, GoString *out) {
    const Type *t = v->type;
    const Method *m = type_find_method(t, name);
    if (!m && t->kind == K_POINTER && t->elem) m = type_find_method(t->elem, name);
    if (!m || !m->fn || m->sig->nfields != 0 || m->sig->nresults != 1 ||
        m->sig->results[0]->kind != K_STRING)
        return false;
    Iface pv;
    return call_method(g, m, t, iface_ptr(v), out, &pv) == 0;
}

static void report_panic(G *g) {
    panic_report(g, g->panic, method_text);
}

// report_panic_repl reports a goroutine's panic in a REPL, which goes on.
static void report_panic_repl(G *g) {
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&lock);
    panic_print(g, g->panic, method_text);
    pthread_mutex_unlock(&lock);
}

void run_repl_init(void) {
    static char *args[] = { "goli", NULL };
    lib_os_argc = 1;
    lib_os_argv = args;
    lib_fmt_hooks.call_method = call_method;
    sched_repl_init(report_panic_repl);
}

int run_program(Program *prog, int argc, char **argv) {
    lib_os_argc = argc;
    lib_os_argv = argv;
    lib_fmt_hooks.call_method = call_method;
    sig_init();     // before the first M: every thread inherits the blocked signals
    sched_run(prog->entry, report_panic);
}
