// stdlib/sync/natives.c: the natives of package sync (stdlib/sync/sync.gol):
// Mutex, RWMutex, WaitGroup and Cond's notify list. Each keeps its state in
// its own words, changed with C11 atomics; a goroutine that must wait
// queues on the state's address (runtime/sema.h) and parks.
//
// A woken waiter normally runs its Lock again and may lose to a goroutine
// that came first (as in Go's normal mode); one that has waited more than
// 1 ms is handed the lock directly instead (Go's starvation mode), so no
// goroutine waits forever behind a hot loop.
#include "common/mem.h"
#include "runtime/panic.h"
#include "runtime/sema.h"
#include "stdlib/natives.h"
#include "vm/vm.h"

#include <stdatomic.h>
#include <string.h>

#define STARVE_NS 1000000

static int nil_receiver(G *g) { return vm_throw(g, NIL_DEREF_TEXT); }

// sync_fatal is Go's unrecoverable throw from package sync.
static int sync_fatal(G *g, const char *msg) {
    fatal_error_g(g, msg);
    return VM_PANIC;
}

// ---- Mutex: state bit 0 locked, bit 1 someone waits ----

enum { M_LOCKED = 1, M_WAITERS = 2 };

static int mutex_lock(G *g, Word *a) {
    _Atomic int32_t *st = (_Atomic int32_t *)(uintptr_t)a[0];
    if (!st) return nil_receiver(g);
    for (;;) {
        int32_t s = 0;
        if (atomic_compare_exchange_strong(st, &s, M_LOCKED)) return VM_OK;
        sema_lock(st);
        bool got = false;
        s = atomic_load(st);
        for (;;) {
            if (!(s & M_LOCKED)) {
                if (atomic_compare_exchange_weak(st, &s, s | M_LOCKED)) {
                    got = true;
                    break;
                }
                continue;
            }
            if ((s & M_WAITERS) || atomic_compare_exchange_weak(st, &s, s | M_WAITERS)) break;
        }
        if (got) {
            sema_unlock(st);
            return VM_OK;
        }
        SemaWaiter *w = sema_enqueue(st, g, 0, false);
        int r = sema_park(w, WAIT_MUTEX);
        if (r != VM_OK || w->handoff) return r;
    }
}

static int mutex_trylock(G *g, Word *a) {
    _Atomic int32_t *st = (_Atomic int32_t *)(uintptr_t)a[0];
    if (!st) return nil_receiver(g);
    int32_t s = atomic_load(st);
    a[0] = !(s & M_LOCKED) && atomic_compare_exchange_strong(st, &s, s | M_LOCKED);
    return VM_OK;
}

static int mutex_unlock(G *g, Word *a) {
    _Atomic int32_t *st = (_Atomic int32_t *)(uintptr_t)a[0];
    if (!st) return nil_receiver(g);
    int32_t s = M_LOCKED;
    if (atomic_compare_exchange_strong(st, &s, 0)) return VM_OK;
    if (!(s & M_LOCKED)) return sync_fatal(g, "sync: unlock of unlocked mutex");
    sema_lock(st);
    SemaWaiter *w = sema_dequeue(st, 0);
    bool more = sema_peek(st, 0) != NULL;
    if (!w) {
        atomic_store(st, 0);
        sema_unlock(st);
        return VM_OK;
    }
    if (w->must_handoff || sched_nanotime() - w->since > STARVE_NS) {
        w->handoff = true;   // it owns the mutex now
        atomic_store(st, M_LOCKED | (more ? M_WAITERS : 0));
    } else {
        atomic_store(st, more ? M_WAITERS : 0);
    }
    sema_unlock(st);
    sched_ready(w->g);
    return VM_OK;
}

// ---- RWMutex: readers in the low 30 bits, bit 30 a writer holds it, the
// count of waiting writers in the high 32 bits (they hold back new readers).

#define RW_READERS 0x3FFFFFFFULL
#define RW_WRITER (1ULL << 30)
#define RW_WWAIT (1ULL << 32)
enum { K_READER, K_WRITER };

static _Atomic uint64_t *rw_state(Word w) { return (_Atomic uint64_t *)(uintptr_t)w; }

// try_rlock takes a read lock unless a writer holds or waits for it.
static bool try_rlock(_Atomic uint64_t *st) {
    uint64_t s = atomic_load(st);
    while (!(s & RW_WRITER) && (s >> 32) == 0)
        if (atomic_compare_exchange_weak(st, &s, s + 1)) return true;
    return false;
}

static int rw_rlock(G *g, Word *a) {
    _Atomic uint64_t *st = rw_state(a[0]);
    if (!st) return nil_receiver(g);
    for (;;) {
        if (try_rlock(st)) return VM_OK;
        sema_lock(st);
        if (try_rlock(st)) {   // again, now that a writer's Unlock cannot miss us
            sema_unlock(st);
            return VM_OK;
        }
        SemaWaiter *w = sema_enqueue(st, g, K_READER, false);
        int r = sema_park(w, WAIT_RWMUTEX_RLOCK);
        if (r != VM_OK || w->handoff) return r;
    }
}

static int rw_tryrlock(G *g, Word *a) {
    _Atomic uint64_t *st = rw_state(a[0]);
    if (!st) return nil_receiver(g);
    a[0] = try_rlock(st);
    return VM_OK;
}

// wake_writer lets one waiting writer try again (bucket locked).
static G *wake_writer(_Atomic uint64_t *st) {
    SemaWaiter *w = sema_dequeue(st, 1u << K_WRITER);
    if (!w) return NULL;
    atomic_fetch_sub(st, RW_WWAIT);
    return w->g;
}

static int rw_runlock(G *g, Word *a) {
    _Atomic uint64_t *st = rw_state(a[0]);
    if (!st) return nil_receiver(g);
    uint64_t s = atomic_load(st);
    for (;;) {
        if ((s & RW_READERS) == 0) return sync_fatal(g, "sync: RUnlock of unlocked RWMutex");
        if (atomic_compare_exchange_weak(st, &s, s - 1)) break;
    }
    if ((s & RW_READERS) == 1 && (s >> 32) != 0) {
        sema_lock(st);
        G *w = (atomic_load(st) & RW_READERS) == 0 ? wake_writer(st) : NULL;
        sema_unlock(st);
        if (w) sched_ready(w);
    }
    return VM_OK;
}

static int rw_lock(G *g, Word *a) {
    _Atomic uint64_t *st = rw_state(a[0]);
    if (!st) return nil_receiver(g);
    for (;;) {
        uint64_t s = atomic_load(st);
        while ((s & (RW_READERS | RW_WRITER)) == 0)
            if (atomic_compare_exchange_weak(st, &s, s | RW_WRITER)) return VM_OK;
        sema_lock(st);
        s = atomic_load(st);
        bool got = false;
        for (;;) {
            if ((s & (RW_READERS | RW_WRITER)) == 0) {
                if (atomic_compare_exchange_weak(st, &s, s | RW_WRITER)) {
                    got = true;
                    break;
                }
                continue;
            }
            if (atomic_compare_exchange_weak(st, &s, s + RW_WWAIT)) break;
        }
        if (got) {
            sema_unlock(st);
            return VM_OK;
        }
        SemaWaiter *w = sema_enqueue(st, g, K_WRITER, false);
        int r = sema_park(w, WAIT_RWMUTEX_LOCK);
        if (r != VM_OK || w->handoff) return r;
    }
}

static int rw_trylock(G *g, Word *a) {
    _Atomic uint64_t *st = rw_state(a[0]);
    if (!st) return nil_receiver(g);
    uint64_t s = atomic_load(st);
    a[0] = (s & (RW_READERS | RW_WRITER)) == 0 && atomic_compare_exchange_strong(st, &s, s | RW_WRITER);
    return VM_OK;
}

static int rw_unlock(G *g, Word *a) {
    _Atomic uint64_t *st = rw_state(a[0]);
    if (!st) return nil_receiver(g);
    if (!(atomic_load(st) & RW_WRITER)) return sync_fatal(g, "sync: Unlock of unlocked RWMutex");
    sema_lock(st);
    atomic_fetch_and(st, ~RW_WRITER);
    // Waiting readers go first, and are handed the read lock (counted as
    // readers now): retrying, they would queue again behind a waiting
    // writer that nobody would then wake. With no reader waiting, one
    // writer tries again.
    G *wake = NULL;
    SemaWaiter *w;
    while ((w = sema_dequeue(st, 1u << K_READER))) {
        atomic_fetch_add(st, 1);
        w->handoff = true;
        w->g->schedlink = wake;
        wake = w->g;
    }
    if (!wake) {
        G *wr = wake_writer(st);
        if (wr) {
            wr->schedlink = NULL;
            wake = wr;
        }
    }
    sema_unlock(st);
    sched_ready_list(wake);
    return VM_OK;
}

// ---- WaitGroup: the counter in one int64 ----

static int panic_string(G *g, const char *msg) {
    GoString *s = mem_new(GoString);
    *s = gostr(msg, (int64_t)strlen(msg));
    Iface v = { type_string, (Word)(uintptr_t)s };
    vm_start_panic(g, v);
    return VM_PANIC;
}

static int wg_add(G *g, Word *a) {
    _Atomic int64_t *st = (_Atomic int64_t *)(uintptr_t)a[0];
    if (!st) return nil_receiver(g);
    int64_t v = atomic_fetch_add(st, (int64_t)a[1]) + (int64_t)a[1];
    if (v < 0) return panic_string(g, "sync: negative WaitGroup counter");
    if (v > 0 || (int64_t)a[1] == 0) return VM_OK;
    sema_lock(st);
    G *wake = NULL;
    SemaWaiter *w;
    while ((w = sema_dequeue(st, 0))) {
        w->handoff = true;
        w->g->schedlink = wake;
        wake = w->g;
    }
    sema_unlock(st);
    sched_ready_list(wake);
    return VM_OK;
}

static int wg_wait(G *g, Word *a) {
    _Atomic int64_t *st = (_Atomic int64_t *)(uintptr_t)a[0];
    if (!st) return nil_receiver(g);
    if (atomic_load(st) == 0) return VM_OK;
    sema_lock(st);
    if (atomic_load(st) == 0) {
        sema_unlock(st);
        return VM_OK;
    }
    SemaWaiter *w = sema_enqueue(st, g, 0, false);
    w->handoff = true;   // nothing to retry: the count reached zero
    return sema_park(w, WAIT_WAITGROUP);
}

// ---- Cond's notify list: tickets taken and tickets notified ----

typedef struct NotifyList {
    _Atomic uint32_t wait;
    uint32_t notify;
} NotifyList;

static int notify_add(G *g, Word *a) {
    NotifyList *l = (NotifyList *)(uintptr_t)a[0];
    if (!l) return nil_receiver(g);
    a[0] = atomic_fetch_add(&l->wait, 1);
    return VM_OK;
}

static bool ticket_before(uint32_t a, uint32_t b) { return (int32_t)(a - b) < 0; }

static int notify_wait(G *g, Word *a) {
    NotifyList *l = (NotifyList *)(uintptr_t)a[0];
    uint32_t t = (uint32_t)a[1];
    sema_lock(l);
    if (ticket_before(t, l->notify)) {
        sema_unlock(l);
        return VM_OK;
    }
    SemaWaiter *w = sema_enqueue(l, g, 0, false);
    w->ticket = t;
    w->handoff = true;
    return sema_park(w, WAIT_COND);
}

static int notify_one(G *g, Word *a) {
    NotifyList *l = (NotifyList *)(uintptr_t)a[0];
    if (!l) return nil_receiver(g);
    sema_lock(l);
    if (atomic_load(&l->wait) == l->notify) {
        sema_unlock(l);
        return VM_OK;
    }
    uint32_t t = l->notify++;
    SemaWaiter *w = sema_dequeue_ticket(l, t);
    sema_unlock(l);
    if (w) sched_ready(w->g);
    return VM_OK;
}

static int notify_all(G *g, Word *a) {
    NotifyList *l = (NotifyList *)(uintptr_t)a[0];
    if (!l) return nil_receiver(g);
    sema_lock(l);
    l->notify = atomic_load(&l->wait);
    G *wake = NULL;
    SemaWaiter *w;
    while ((w = sema_dequeue(l, 0))) {
        w->g->schedlink = wake;
        wake = w->g;
    }
    sema_unlock(l);
    sched_ready_list(wake);
    return VM_OK;
}

const LibNative lib_sync_natives[] = {
    { "Mutex.Lock", mutex_lock },
    { "Mutex.TryLock", mutex_trylock },
    { "Mutex.Unlock", mutex_unlock },
    { "RWMutex.RLock", rw_rlock },
    { "RWMutex.TryRLock", rw_tryrlock },
    { "RWMutex.RUnlock", rw_runlock },
    { "RWMutex.Lock", rw_lock },
    { "RWMutex.TryLock", rw_trylock },
    { "RWMutex.Unlock", rw_unlock },
    { "WaitGroup.Add", wg_add },
    { "WaitGroup.Wait", wg_wait },
    { "notifyListAdd", notify_add },
    { "notifyListWait", notify_wait },
    { "notifyListNotifyOne", notify_one },
    { "notifyListNotifyAll", notify_all },
    { NULL, NULL },
};
