// stdlib/time/natives.c: the natives of package time (time.gol,
// sleep.gol): the clocks, timers kept by the runtime (runtime/timer.c), and
// the time zones of stdlib/time/zoneinfo.c.
#include "common/mem.h"
#include "runtime/chan.h"
#include "runtime/sched.h"
#include "runtime/timer.h"
#include "stdlib/natives.h"
#include "stdlib/time/zoneinfo.h"
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

// local_loc is time.Local's *Location (set by setLocal in time's init), the
// zone of the times timers send, as time.Now's.
static void *_Atomic local_loc;

#define UNIX_TO_INTERNAL 62135596800LL

static int64_t realtime_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

// Monotonic readings count from just before the process started, as Go's
// do (a Time prints its reading as m=+SECONDS since then; 0 means none).
static int64_t mono_base;

__attribute__((constructor)) static void init_mono_base(void) { mono_base = sched_nanotime() - 1; }

static int64_t mono(int64_t ns) { return ns - mono_base; }

static int time_now(G *g, Word *a) {
    (void)g;
    a[0] = (Word)realtime_ns();
    a[1] = (Word)mono(sched_nanotime());
    return VM_OK;
}

// time_mono_now is the scheduler's clock, which timers' deadlines use.
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
    GoTime t = { ns / 1000000000 + UNIX_TO_INTERNAL, ns % 1000000000, mono(mono_now), local_loc };
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

// ---- Zones ----

static int time_set_local(G *g, Word *a) {
    (void)g;
    local_loc = (void *)(uintptr_t)a[0];
    return VM_OK;
}

static void put_string(Word *a, const char *s) {
    a[0] = (Word)(uintptr_t)s;
    a[1] = (Word)strlen(s);
}

// loadZone(name string) (z uintptr, err string)
static int time_load_zone(G *g, Word *a) {
    (void)g;
    char *name = mem_strndup((const char *)(uintptr_t)a[0], (size_t)a[1]);
    const char *err = "";
    Zone *z = zoneinfo_load(name, &err);
    a[0] = (Word)(uintptr_t)z;
    put_string(a + 1, z ? "" : mem_strndup(err, strlen(err)));
    return VM_OK;
}

// parseZone(data []byte) uintptr
static int time_parse_zone(G *g, Word *a) {
    (void)g;
    a[0] = (Word)(uintptr_t)zoneinfo_parse((const uint8_t *)(uintptr_t)a[0], (size_t)a[1]);
    return VM_OK;
}

// localZone() (name string, z uintptr)
static int time_local_zone(G *g, Word *a) {
    (void)g;
    const char *name;
    Zone *z = zoneinfo_local(&name);
    put_string(a, name);
    a[2] = (Word)(uintptr_t)z;
    return VM_OK;
}

// zoneLookup(z uintptr, unix int64) (name string, offset int, start, end int64, isDST bool)
static int time_zone_lookup(G *g, Word *a) {
    (void)g;
    ZoneAt at;
    zoneinfo_lookup((const Zone *)(uintptr_t)a[0], (int64_t)a[1], &at);
    put_string(a, at.name);
    a[2] = (Word)(int64_t)at.offset;
    a[3] = (Word)at.start;
    a[4] = (Word)at.end;
    a[5] = (Word)at.isdst;
    return VM_OK;
}

// zoneLookupName(z uintptr, name string, unix int64) (offset int, ok bool)
static int time_zone_lookup_name(G *g, Word *a) {
    (void)g;
    char *name = mem_strndup((const char *)(uintptr_t)a[1], (size_t)a[2]);
    int32_t off = 0;
    bool ok = zoneinfo_lookup_name((const Zone *)(uintptr_t)a[0], name, (int64_t)a[3], &off);
    a[0] = (Word)(int64_t)off;
    a[1] = (Word)ok;
    return VM_OK;
}

const LibNative lib_time_natives[] = {
    { "setLocal", time_set_local },
    { "loadZone", time_load_zone },
    { "parseZone", time_parse_zone },
    { "localZone", time_local_zone },
    { "zoneLookup", time_zone_lookup },
    { "zoneLookupName", time_zone_lookup_name },
    { "now", time_now },
    { "monoNow", time_mono_now },
    { "Sleep", time_sleep },
    { "startTimer", time_start_timer },
    { "stopTimer", time_stop_timer },
    { "resetTimer", time_reset_timer },
    { NULL, NULL },
};
