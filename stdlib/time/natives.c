// stdlib/time/natives.c: the natives of package time (time.gol,
// sleep.gol): the clocks, and timers kept by the runtime (runtime/timer.c).
#include "common/mem.h"
#include "runtime/chan.h"
#include "runtime/sched.h"
#include "runtime/timer.h"
#include "stdlib/natives.h"
#include "vm/vm.h"

#include <string.h>
#include <time.h>

// The layout of time.Time.
typedef struct GoTime {
    int64_t sec;        // since January 1, year 1 UTC
    int64_t nsec;
    int64_t mono;
    void *loc;          // nil: UTC
} GoTime;

#define UNIX_TO_INTERNAL 62135596800LL

static int64_t realtime_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int time_now(G *g, Word *a) {
    (void)g;
    a[0] = (Word)realtime_ns();
    a[1] = (Word)sched_nanotime();
    return VM_OK;
}

static int time_mono_now(G *g, Word *a) {
    (void)g;
    a[0] = (Word)sched_nanotime();
    return VM_OK;
}

static int time_sleep(G *g, Word *a) {
    return timer_sleep(g, (int64_t)a[0]);
}

// chan_value is what a timer sends: the time it fired, as time.Now would
// give it (the wall clock read now, the monotonic reading of the firing).
static void chan_value(void *dst, size_t size, int64_t mono_now) {
    int64_t ns = realtime_ns();
    GoTime t = { ns / 1000000000 + UNIX_TO_INTERNAL, ns % 1000000000, mono_now, NULL };
    memcpy(dst, &t, size < sizeof t ? size : sizeof t);
}

static int time_start_timer(G *g, Word *a) {
    (void)g;
    timer_chan_value = chan_value;
    Timer *t = mem_new(Timer);
    t->heap_index = -1;
    t->c = (Chan *)(uintptr_t)a[0];
    t->f = (Closure *)(uintptr_t)a[1];
    t->kind = t->c ? TIMER_CHAN : TIMER_FUNC;
    if (t->c) t->c->timer = true;
    timer_start(t, (int64_t)a[2], (int64_t)a[3]);
    a[0] = (Word)(uintptr_t)t;
    return VM_OK;
}

static int time_stop_timer(G *g, Word *a) {
    (void)g;
    Timer *t = (Timer *)(uintptr_t)a[0];
    bool was = timer_stop(t);
    if (t->c) chan_drain(t->c);
    a[0] = was;
    return VM_OK;
}

static int time_reset_timer(G *g, Word *a) {
    (void)g;
    Timer *t = (Timer *)(uintptr_t)a[0];
    bool was = timer_stop(t);
    if (t->c) chan_drain(t->c);
    timer_start(t, (int64_t)a[1], (int64_t)a[2]);
    a[0] = was;
    return VM_OK;
}

const LibNative lib_time_natives[] = {
    { "now", time_now },
    { "monoNow", time_mono_now },
    { "Sleep", time_sleep },
    { "startTimer", time_start_timer },
    { "stopTimer", time_stop_timer },
    { "resetTimer", time_reset_timer },
    { NULL, NULL },
};
