// stdlib/runtime/natives.c: the natives of package runtime
// (stdlib/runtime/runtime.gol): the scheduler's controls and the
// collector's statistics.
#include "common/mem.h"
#include "runtime/panic.h"
#include "runtime/sched.h"
#include "stdlib/natives.h"
#include "vm/vm.h"

#include <stdatomic.h>
#include <string.h>
#include <time.h>

static int rt_num_goroutine(G *g, Word *a) {
    (void)g;
    a[0] = (Word)sched_num_goroutine();
    return VM_OK;
}

static int rt_num_cpu(G *g, Word *a) {
    (void)g;
    a[0] = (Word)sched_num_cpu();
    return VM_OK;
}

static int rt_gomaxprocs(G *g, Word *a) {
    (void)g;
    int64_t n = (int64_t)a[0];
    a[0] = (Word)sched_gomaxprocs(n > 0 ? (n > 1 << 20 ? 1 << 20 : (int)n) : 0);
    return VM_OK;
}

static int rt_gosched(G *g, Word *a) {
    (void)a;
    return g->cdepth == 0 ? VM_YIELD : VM_OK;   // a nested call cannot be suspended
}

// Goexit unwinds the goroutine as a panic that recover() does not see.
static int rt_goexit(G *g, Word *a) {
    (void)a;
    panic_begin_goexit(g);
    return VM_PANIC;
}

static _Atomic uint32_t forced_gc;

static int rt_gc(G *g, Word *a) {
    (void)g;
    (void)a;
    atomic_fetch_add(&forced_gc, 1);
    GC_gcollect();
    return VM_OK;
}

// The layout of runtime.MemStats.
typedef struct MemStats {
    uint64_t alloc, total_alloc, sys, lookups, mallocs, frees, heap_alloc, heap_sys, heap_idle,
        heap_inuse, heap_released, heap_objects, stack_inuse, stack_sys, next_gc, last_gc,
        pause_total_ns;
    uint32_t num_gc, num_forced_gc;
    double gc_cpu_fraction;
} MemStats;

static int rt_read_mem_stats(G *g, Word *a) {
    MemStats *m = (MemStats *)(uintptr_t)a[0];
    if (!m) return vm_throw(g, NIL_DEREF_TEXT);
    struct GC_prof_stats_s s;
    memset(&s, 0, sizeof s);
    GC_get_prof_stats(&s, sizeof s);
    memset(m, 0, sizeof *m);
    m->sys = s.heapsize_full;
    m->heap_sys = s.heapsize_full;
    m->heap_idle = s.free_bytes_full;
    m->heap_released = s.unmapped_bytes;
    m->heap_alloc = s.heapsize_full - s.free_bytes_full;
    // Go's invariant Alloc <= TotalAlloc: the heap in use can read a little
    // above the bytes ever allocated (block rounding), so cap it.
    if (m->heap_alloc > GC_get_total_bytes()) m->heap_alloc = GC_get_total_bytes();
    m->heap_inuse = m->heap_alloc;
    m->alloc = m->heap_alloc;
    m->total_alloc = GC_get_total_bytes();
    m->num_gc = (uint32_t)s.gc_no;
    m->num_forced_gc = atomic_load(&forced_gc);
    m->next_gc = m->heap_alloc + s.bytes_allocd_since_gc + GC_get_free_bytes();
    // Estimates: the collector does not count objects; assume 32 bytes each.
    m->heap_objects = m->heap_alloc / 32;
    m->mallocs = m->total_alloc / 32;
    m->frees = m->mallocs > m->heap_objects ? m->mallocs - m->heap_objects : 0;
    m->pause_total_ns = (uint64_t)GC_get_full_gc_total_time() * 1000000;
    m->last_gc = (uint64_t)time(NULL) * 1000000000ULL;
    return VM_OK;
}

const LibNative lib_runtime_natives[] = {
    { "NumGoroutine", rt_num_goroutine },
    { "NumCPU", rt_num_cpu },
    { "GOMAXPROCS", rt_gomaxprocs },
    { "Gosched", rt_gosched },
    { "Goexit", rt_goexit },
    { "GC", rt_gc },
    { "ReadMemStats", rt_read_mem_stats },
    { NULL, NULL },
};
