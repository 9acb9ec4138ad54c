// runtime/timer.c: the timer heap (timer.h). One binary min-heap by
// deadline under one lock; the earliest deadline is also kept in an atomic
// so that the scheduler's check costs no lock when nothing is due.
#include "runtime/timer.h"
#include "common/mem.h"
#include "runtime/chan.h"
#include "runtime/sched.h"
#include "vm/vm.h"

#include <stdatomic.h>
#include <string.h>

static pthread_mutex_t timer_lock = PTHREAD_MUTEX_INITIALIZER;
static Timer **heap;        // GC memory, reachable from this static
static int32_t nheap, capheap;
static _Atomic int64_t earliest = -1;
static _Atomic int firing;

// The value a channel timer sends (a time.Time), made by package time.
void (*_Atomic timer_chan_value)(void *dst, size_t size, int64_t mono_now);

static void set_earliest(void) { atomic_store(&earliest, nheap ? heap[0]->when : -1); }

static void swap(int32_t i, int32_t j) {
    Timer *t = heap[i];
    heap[i] = heap[j];
    heap[j] = t;
    heap[i]->heap_index = i;
    heap[j]->heap_index = j;
}

static void sift_up(int32_t i) {
    while (i > 0) {
        int32_t parent = (i - 1) / 2;
        if (heap[parent]->when <= heap[i]->when) break;
        swap(i, parent);
        i = parent;
    }
}

static void sift_down(int32_t i) {
    for (;;) {
        int32_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < nheap && heap[l]->when < heap[m]->when) m = l;
        if (r < nheap && heap[r]->when < heap[m]->when) m = r;
        if (m == i) break;
        swap(i, m);
        i = m;
    }
}

static void heap_push(Timer *t) {
    if (nheap == capheap) {
        int32_t n = capheap ? capheap * 2 : 64;
        Timer **h = mem_alloc((size_t)n * sizeof *h);
        if (nheap) memcpy(h, heap, (size_t)nheap * sizeof *h);
        heap = h;
        capheap = n;
    }
    t->heap_index = nheap;
    heap[nheap++] = t;
    sift_up(t->heap_index);
}

static void heap_remove(Timer *t) {
    int32_t i = t->heap_index;
    t->heap_index = -1;
    nheap--;
    if (i != nheap) {
        heap[i] = heap[nheap];
        heap[i]->heap_index = i;
        sift_down(i);
        sift_up(i);
    }
    heap[nheap] = NULL;
}

// arm_locked puts t in the heap at when; says whether the earliest moved.
static bool arm_locked(Timer *t, int64_t when) {
    int64_t before = nheap ? heap[0]->when : -1;
    t->when = when;
    heap_push(t);
    set_earliest();
    return before < 0 || when < before;
}

bool timer_start(Timer *t, int64_t when, int64_t period) {
    pthread_mutex_lock(&timer_lock);
    bool was = t->heap_index >= 0;
    if (was) heap_remove(t);
    t->period = period;
    bool moved = arm_locked(t, when);
    pthread_mutex_unlock(&timer_lock);
    if (moved) sched_wake_poller();
    return was;
}

bool timer_stop(Timer *t) {
    pthread_mutex_lock(&timer_lock);
    bool was = t->heap_index >= 0;
    if (was) {
        heap_remove(t);
        set_earliest();
    }
    pthread_mutex_unlock(&timer_lock);
    return was;
}

// unlock_and_wake releases the timer lock, then makes sure someone waits
// for the new earliest deadline (sched_wake_poller takes the scheduler's
// lock, which comes before the timer lock).
static void unlock_and_wake(void *lock) {
    pthread_mutex_unlock(lock);
    sched_wake_poller();
}

int timer_sleep(G *g, int64_t ns) {
    if (ns <= 0) return VM_OK;
    Timer *t = mem_new(Timer);
    t->kind = TIMER_SLEEP;
    t->g = g;
    t->heap_index = -1;
    int64_t when = sched_nanotime() + ns;
    if (when < 0) when = INT64_MAX;   // overflow: forever
    g->resume = NULL;
    g->resume_arg = t;      // for timer_cancel_sleep
    pthread_mutex_lock(&timer_lock);
    bool moved = arm_locked(t, when);
    return sched_park(g, WAIT_SLEEP, moved ? unlock_and_wake : sched_unlock_mutex, &timer_lock);
}

int64_t timers_next(void) { return atomic_load(&earliest); }
int timers_firing(void) { return atomic_load(&firing); }

static void fire(Timer *t, int64_t now) {
    switch (t->kind) {
    case TIMER_SLEEP:
        sched_ready(t->g);
        break;
    case TIMER_CHAN: {
        uint64_t buf[16] = { 0 };
        size_t size = t->c->elem->size;
        if (size > sizeof buf) size = sizeof buf;
        void (*make)(void *, size_t, int64_t) = atomic_load(&timer_chan_value);
        if (make) make(buf, size, now);
        chan_try_send(t->c, buf);
        break;
    }
    case TIMER_FUNC:
        sched_go(NULL, t->f, NULL, 0);
        break;
    }
}

bool timers_run(int64_t now) {
    int64_t e = atomic_load(&earliest);
    if (e < 0 || e > now) return false;
    bool any = false;
    for (;;) {
        pthread_mutex_lock(&timer_lock);
        if (nheap == 0 || heap[0]->when > now) {
            pthread_mutex_unlock(&timer_lock);
            break;
        }
        Timer *t = heap[0];
        heap_remove(t);
        if (t->period > 0) {
            // A ticker: the next tick after now, skipping ones missed.
            int64_t next = t->when + t->period;
            if (next <= now) next += (now - next) / t->period * t->period + t->period;
            t->when = next;
            heap_push(t);
        }
        set_earliest();
        atomic_fetch_add(&firing, 1);
        pthread_mutex_unlock(&timer_lock);
        fire(t, now);
        atomic_fetch_sub(&firing, 1);
        any = true;
    }
    return any;
}

bool timers_live(void) {
    bool live = false;
    pthread_mutex_lock(&timer_lock);
    for (int32_t i = 0; i < nheap && !live; i++) {
        Timer *t = heap[i];
        live = t->kind != TIMER_CHAN || chan_has_receivers(t->c);
    }
    pthread_mutex_unlock(&timer_lock);
    return live;
}

bool timer_cancel_sleep(G *g) {
    Timer *t = g->resume_arg;
    if (!t || t->kind != TIMER_SLEEP || t->g != g) return false;
    return timer_stop(t);
}
