// tests/unit/sched.c: the runtime's concurrency pieces that work without a
// running scheduler: the timer heap's order and Stop/Reset results, a
// channel's buffer (FIFO, len/cap, a timer channel reading 0, drain), and
// the wait table's queue order by address and kind. The expectations are
// the data structures' specifications (runtime/timer.h, chan.h, sema.h).
#include <criterion/criterion.h>

#include "common/mem.h"
#include "runtime/chan.h"
#include "runtime/sema.h"
#include "runtime/timer.h"
#include "runtime/type.h"

static void setup(void) {
    GC_INIT();
    type_init();
}

static Timer *new_timer(void) {
    Timer *t = mem_new(Timer);
    t->heap_index = -1;
    t->kind = TIMER_FUNC;
    return t;
}

Test(timer, earliest_first_and_stop_reports, .init = setup) {
    cr_assert_eq(timers_next(), -1);
    Timer *a = new_timer(), *b = new_timer(), *c = new_timer();
    cr_assert_not(timer_start(a, 3000, 0));
    cr_assert_not(timer_start(b, 1000, 0));
    cr_assert_not(timer_start(c, 2000, 0));
    cr_assert_eq(timers_next(), 1000);
    cr_assert(timer_stop(b));           // was armed
    cr_assert_not(timer_stop(b));       // no longer
    cr_assert_eq(timers_next(), 2000);
    cr_assert(timer_start(a, 500, 0));  // a reset of an armed timer
    cr_assert_eq(timers_next(), 500);
    cr_assert(timer_stop(a));
    cr_assert(timer_stop(c));
    cr_assert_eq(timers_next(), -1);
}

Test(timer, many_timers_come_out_in_order, .init = setup) {
    enum { N = 500 };
    Timer *ts[N];
    for (int i = 0; i < N; i++) {
        ts[i] = new_timer();
        timer_start(ts[i], (int64_t)((i * 7919) % N) + 1, 0);
    }
    int64_t last = 0;
    for (int i = 0; i < N; i++) {
        int64_t next = timers_next();
        cr_assert_geq(next, last);
        last = next;
        // Stop the earliest: it is the one whose deadline is next.
        for (int k = 0; k < N; k++)
            if (ts[k]->heap_index >= 0 && ts[k]->when == next) {
                cr_assert(timer_stop(ts[k]));
                break;
            }
    }
    cr_assert_eq(timers_next(), -1);
}

Test(chan, buffer_is_fifo_and_bounded, .init = setup) {
    Chan *c = chan_make(type_int, 3);
    cr_assert_eq(chan_cap(c), 3);
    for (int64_t v = 1; v <= 3; v++) cr_assert(chan_try_send(c, &v));
    int64_t extra = 4;
    cr_assert_not(chan_try_send(c, &extra));   // full: dropped, as a timer's tick is
    cr_assert_eq(chan_len(c), 3);
    chan_drain(c);
    cr_assert_eq(chan_len(c), 0);
    int64_t v = 9;
    cr_assert(chan_try_send(c, &v));
    cr_assert_eq(chan_len(c), 1);
}

Test(chan, timer_channel_reads_len_and_cap_zero, .init = setup) {
    Chan *c = chan_make(type_int, 1);
    c->timer = true;
    int64_t v = 1;
    cr_assert(chan_try_send(c, &v));
    cr_assert_eq(chan_len(c), 0);
    cr_assert_eq(chan_cap(c), 0);
    cr_assert_eq(chan_len(NULL), 0);
}

Test(sema, queues_by_address_and_kind, .init = setup) {
    static int x, y;
    G *g1 = mem_new(G), *g2 = mem_new(G), *g3 = mem_new(G);
    sema_lock(&x);
    sema_enqueue(&x, g1, 0, false);
    sema_enqueue(&x, g2, 1, false);
    sema_unlock(&x);
    sema_lock(&y);
    sema_enqueue(&y, g3, 0, false);
    sema_unlock(&y);
    sema_lock(&x);
    cr_assert_eq(sema_count(&x, 0), 2);
    cr_assert_eq(sema_count(&x, 1u << 1), 1);
    SemaWaiter *w = sema_dequeue(&x, 1u << 1);   // only kind 1
    cr_assert_eq(w->g, g2);
    w = sema_dequeue(&x, 0);
    cr_assert_eq(w->g, g1);
    cr_assert_null(sema_dequeue(&x, 0));
    sema_unlock(&x);
    sema_lock(&y);
    SemaWaiter *f = sema_enqueue(&y, g1, 0, true);   // a requeued waiter goes first
    f->ticket = 7;
    cr_assert_eq(sema_peek(&y, 0)->g, g1);
    cr_assert_null(sema_dequeue_ticket(&y, 8));
    cr_assert_eq(sema_dequeue_ticket(&y, 7)->g, g1);
    cr_assert_eq(sema_dequeue(&y, 0)->g, g3);
    sema_unlock(&y);
}
