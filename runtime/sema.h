// runtime/sema.h: goroutines waiting on an address, the primitive under
// package sync (as Go's runtime/sema.go is). A table of buckets, hashed by
// address, each a lock and a queue of waiters; a sync type keeps its state
// in its own words, changed with atomics on the fast path, and queues here
// only when it must wait.
#ifndef GOLI_SEMA_H
#define GOLI_SEMA_H

#include <stdbool.h>
#include <stdint.h>

#include "runtime/g.h"
#include "runtime/sched.h"

typedef struct SemaWaiter {
    G *g;
    const void *addr;
    int kind;               // the sync type's own tag (reader, writer...)
    int64_t since;          // when it began to wait (starvation)
    uint64_t ticket;        // Cond: its place in the notify order
    bool handoff;           // woken as the new owner: no retry
    bool must_handoff;      // its call cannot be re-run: hand it off
    struct SemaWaiter *next;
} SemaWaiter;

// sema_lock/sema_unlock take the bucket of addr.
void sema_lock(const void *addr);
void sema_unlock(const void *addr);
// With the bucket locked: queue g on addr (at the front for a waiter that
// lost a race after being woken, as Go's LIFO requeue), take the first
// waiter on addr of a kind in kinds (a bit mask; 0: any), or count them.
SemaWaiter *sema_enqueue(const void *addr, G *g, int kind, bool front);
SemaWaiter *sema_dequeue(const void *addr, unsigned kinds);
SemaWaiter *sema_peek(const void *addr, unsigned kinds);
int sema_count(const void *addr, unsigned kinds);
// sema_dequeue_ticket takes the waiter on addr holding ticket t (Cond).
SemaWaiter *sema_dequeue_ticket(const void *addr, uint64_t t);

// sema_park parks w's goroutine and unlocks the bucket. When it is woken
// without a hand-off (w->handoff false), the native that parked runs again
// from the start: the VM re-runs its call (or, nested in a call from C, the
// native loops). Returns what sched_park returns.
int sema_park(SemaWaiter *w, WaitReason reason);

// sema_cancel_wait takes g, parked in sema_park, off the wait table
// unless it was already woken (REPL interrupts): true if it did.
bool sema_cancel_wait(G *g);

#endif
