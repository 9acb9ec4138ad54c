// runtime/sema.c: waiting on addresses (sema.h).
#include "runtime/sema.h"
#include "common/mem.h"
#include "vm/vm.h"

#include <pthread.h>

#define NBUCKETS 251

typedef struct Bucket {
    pthread_mutex_t lock;
    SemaWaiter *head, *tail;
} Bucket;

static Bucket buckets[NBUCKETS];
static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init_buckets(void) {
    for (int i = 0; i < NBUCKETS; i++) pthread_mutex_init(&buckets[i].lock, NULL);
}

static Bucket *bucket(const void *addr) {
    pthread_once(&init_once, init_buckets);
    uintptr_t a = (uintptr_t)addr;
    return &buckets[(a >> 3) % NBUCKETS];
}

void sema_lock(const void *addr) { pthread_mutex_lock(&bucket(addr)->lock); }
void sema_unlock(const void *addr) { pthread_mutex_unlock(&bucket(addr)->lock); }

SemaWaiter *sema_enqueue(const void *addr, G *g, int kind, bool front) {
    Bucket *b = bucket(addr);
    SemaWaiter *w = mem_new(SemaWaiter);
    w->g = g;
    w->addr = addr;
    w->kind = kind;
    w->since = sched_nanotime();
    if (front) {
        w->next = b->head;
        b->head = w;
        if (!b->tail) b->tail = w;
    } else {
        if (b->tail) b->tail->next = w;
        else b->head = w;
        b->tail = w;
    }
    return w;
}

static bool matches(const SemaWaiter *w, const void *addr, unsigned kinds) {
    return w->addr == addr && (kinds == 0 || (kinds & (1u << w->kind)));
}

// take unlinks the first waiter on addr of a kind in kinds with, if
// by_ticket, ticket t.
static SemaWaiter *take(const void *addr, unsigned kinds, bool by_ticket, uint64_t t) {
    Bucket *b = bucket(addr);
    SemaWaiter *prev = NULL;
    for (SemaWaiter *w = b->head; w; prev = w, w = w->next) {
        if (!matches(w, addr, kinds) || (by_ticket && w->ticket != t)) continue;
        if (prev) prev->next = w->next;
        else b->head = w->next;
        if (b->tail == w) b->tail = prev;
        w->next = NULL;
        return w;
    }
    return NULL;
}

SemaWaiter *sema_dequeue(const void *addr, unsigned kinds) { return take(addr, kinds, false, 0); }
SemaWaiter *sema_dequeue_ticket(const void *addr, uint64_t t) { return take(addr, 0, true, t); }

SemaWaiter *sema_peek(const void *addr, unsigned kinds) {
    for (SemaWaiter *w = bucket(addr)->head; w; w = w->next)
        if (matches(w, addr, kinds)) return w;
    return NULL;
}

int sema_count(const void *addr, unsigned kinds) {
    int n = 0;
    for (SemaWaiter *w = bucket(addr)->head; w; w = w->next)
        if (matches(w, addr, kinds)) n++;
    return n;
}

// sema_resume finishes a wait when the goroutine runs again: a hand-off
// means it owns what it waited for; otherwise its call runs again.
static int sema_resume(G *g) {
    SemaWaiter *w = g->resume_arg;
    g->resume_arg = NULL;
    if (!w->handoff && g->cdepth == 0) g->pc--;   // re-run the call instruction
    return VM_OK;
}

static void unlock_bucket(void *b) { pthread_mutex_unlock(&((Bucket *)b)->lock); }

int sema_park(SemaWaiter *w, WaitReason reason) {
    G *g = w->g;
    // Only a call instruction can be re-run; anything else is handed off.
    if (g->cdepth == 0) {
        Opcode op = g->pc[-1].op;
        w->must_handoff = op != OP_CALLN && op != OP_CALLC && op != OP_CALLI;
    }
    g->resume = sema_resume;
    g->resume_arg = w;
    return sched_park(g, reason, unlock_bucket, bucket(w->addr));
}

bool sema_cancel_wait(G *g) {
    if (g->resume != sema_resume) return false;
    SemaWaiter *w = g->resume_arg;
    Bucket *b = bucket(w->addr);
    pthread_mutex_lock(&b->lock);
    SemaWaiter *prev = NULL;
    bool found = false;
    for (SemaWaiter *x = b->head; x; prev = x, x = x->next) {
        if (x != w) continue;
        if (prev) prev->next = x->next;
        else b->head = x->next;
        if (b->tail == x) b->tail = prev;
        x->next = NULL;
        found = true;
        break;
    }
    pthread_mutex_unlock(&b->lock);
    return found;
}
