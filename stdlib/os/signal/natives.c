// stdlib/os/signal/natives.c: the natives of package os/signal
// (stdlib/os/signal/signal.gol), over the runtime's signal thread
// (runtime/signal.h).
#include "runtime/signal.h"
#include "stdlib/natives.h"
#include "vm/vm.h"

static int sig_arg(const Word *a) { return (int)(int64_t)a[0]; }

static int signal_enable(G *g, Word *a) {
    (void)g;
    sig_enable(sig_arg(a));
    return VM_OK;
}

static int signal_disable(G *g, Word *a) {
    (void)g;
    sig_disable(sig_arg(a));
    return VM_OK;
}

static int signal_ignore(G *g, Word *a) {
    (void)g;
    sig_ignore(sig_arg(a));
    return VM_OK;
}

static int signal_reset(G *g, Word *a) {
    (void)g;
    sig_reset(sig_arg(a));
    return VM_OK;
}

static int signal_ignored(G *g, Word *a) {
    (void)g;
    a[0] = sig_ignored(sig_arg(a));
    return VM_OK;
}

static int signal_managed(G *g, Word *a) {
    (void)g;
    a[0] = sig_managed(sig_arg(a));
    return VM_OK;
}

static int signal_default(G *g, Word *a) {
    (void)g;
    sig_default(sig_arg(a));
    return VM_OK;
}

static int signal_recv(G *g, Word *a) {
    (void)g;
    a[0] = (Word)sig_recv();
    return VM_OK;
}

const LibNative lib_signal_natives[] = {
    { "enableSignal", signal_enable },
    { "disableSignal", signal_disable },
    { "ignoreSignal", signal_ignore },
    { "resetSignal", signal_reset },
    { "signalIgnored", signal_ignored },
    { "signalManaged", signal_managed },
    { "signalDefault", signal_default },
    { "signalRecv", signal_recv },
    { NULL, NULL },
};
