// vm/chanops.c: the runtime natives behind channel operations, go's
// select and the blocking builtins (frame layouts in vm/builtins.h). Each
// unpacks its frame and calls runtime/chan.c; a receive's value lands in
// the frame itself, so a goroutine that parks gets it there when woken.
#include "vm/chanops.h"
#include "runtime/chan.h"
#include "runtime/sched.h"
#include "vm/vm.h"

#include <string.h>

#define TYPE(w) ((const Type *)(uintptr_t)(w))
#define CHAN(w) ((Chan *)(uintptr_t)(w))

int rt_makechan(G *g, Word *a) {
    const Type *t = TYPE(a[0]);
    int64_t n = (int64_t)a[1];
    if (n < 0 || (t->elem->size && (uint64_t)n > (1ULL << 40) / t->elem->size))
        return vm_throw(g, "makechan: size out of range");
    a[0] = (Word)(uintptr_t)chan_make(t->elem, n);
    return VM_OK;
}

// A send's frame: ch, then the value. The value stays in the frame while
// the sender waits.
int rt_chansend(G *g, Word *a) {
    return chan_send(g, CHAN(a[0]), &a[1]);
}

// A receive's frame: T(chan), ch; results: the value's words, then ok.
int rt_chanrecv(G *g, Word *a) {
    const Type *t = TYPE(a[0]);
    Chan *c = CHAN(a[1]);
    uint32_t w = type_words(t->elem);
    memset(a, 0, (w + 1) * sizeof(Word));
    return chan_recv(g, c, a, &a[w]);
}

int rt_chanclose(G *g, Word *a) {
    return chan_close(g, CHAN(a[0]));
}

int rt_chanlen(G *g, Word *a) {
    (void)g;
    a[0] = (Word)chan_len(CHAN(a[0]));
    return VM_OK;
}

int rt_chancap(G *g, Word *a) {
    (void)g;
    a[0] = (Word)chan_cap(CHAN(a[0]));
    return VM_OK;
}

// A select's frame: the number of cases, whether it has a default, then
// two words a case: the channel, and (offset << 1 | is_send) where offset
// is the case's value slot in words from the frame's start. Results: the
// chosen case (-1: default) and whether a receive got a value.
int rt_select(G *g, Word *a) {
    int n = (int)a[0];
    bool has_default = a[1] != 0;
    SelectCase cases[n > 0 ? n : 1];
    for (int i = 0; i < n; i++) {
        Word desc = a[3 + 2 * i];
        cases[i].c = CHAN(a[2 + 2 * i]);
        cases[i].send = desc & 1;
        cases[i].elem = &a[desc >> 1];
        if (!cases[i].send && cases[i].c) memset(cases[i].elem, 0, type_words(cases[i].c->elem) * sizeof(Word));
    }
    return chan_select(g, cases, n, has_default, &a[0], &a[1]);
}
