// vm/ops.c: operations the dispatch loop calls out to: strings, allocation
// and the texts of runtime panics.
#include "vm/vm.h"
#include "common/mem.h"
#include "runtime/sched.h"

#include <math.h>
#include <stdio.h>
#include <unistd.h>

void vm_concat(Word *dst, const Word *a, const Word *b) {
    uint64_t na = a[1], nb = b[1];
    if (na == 0) { dst[0] = b[0]; dst[1] = nb; return; }
    if (nb == 0) { dst[0] = a[0]; dst[1] = na; return; }
    uint8_t *p = mem_alloc_atomic(na + nb);
    memcpy(p, (const void *)a[0], na);
    memcpy(p + na, (const void *)b[0], nb);
    dst[0] = (Word)p;
    dst[1] = na + nb;
}

int vm_throw_index(G *g, int64_t i, int64_t n) {
    // Go leaves the length out when the index is negative.
    if (i < 0) return vm_throw(g, mem_sprintf("runtime error: index out of range [%lld]", (long long)i));
    return vm_throw(g, mem_sprintf("runtime error: index out of range [%lld] with length %lld",
                                   (long long)i, (long long)n));
}

void *vm_new(const Type *t) {
    size_t n = t->size ? t->size : 1;
    if (t->flags & TF_HAS_PTR) return mem_alloc(n);
    void *p = mem_alloc_atomic(n);
    memset(p, 0, n);
    return p;
}

// Traces keep at most this many frames from each end of a deep stack.
enum { TRACE_KEEP = 100 };

void vm_snapshot_trace(G *g) {
    uint32_t total = g->nframes + 1, n = total > 2 * TRACE_KEEP ? 2 * TRACE_KEEP : total;
    TraceFrame *t = mem_alloc(n * sizeof *t);
    uint32_t k = 0;
    // innermost first: the running function, then the callers
    if (g->fn) t[k++] = (TraceFrame){ g->fn, g->pc };
    for (uint32_t i = g->nframes; i-- > 0 && k < n;) {
        if (total > 2 * TRACE_KEEP && k == TRACE_KEEP) i = 2 * TRACE_KEEP > i ? i : TRACE_KEEP;
        if (g->frames[i].fn) t[k++] = (TraceFrame){ g->frames[i].fn, g->frames[i].pc };
    }
    g->trace = t;
    g->ntrace = k;
}

void vm_stack_overflow(G *g) {
    sched_lock_fatal();
    fflush(stdout);
    // Go prints the goroutine's stack bounds; goli's stack is its register
    // file on the heap, so those are the figures it shows.
    uintptr_t lo = (uintptr_t)g->stack, hi = lo + (uintptr_t)g->stack_words * sizeof(Word);
    fprintf(stderr, "runtime: goroutine stack exceeds 1000000000-byte limit\n");
    fprintf(stderr, "runtime: sp=0x%lx stack=[0x%lx, 0x%lx]\n", (unsigned long)(lo + g->base * sizeof(Word)),
            (unsigned long)lo, (unsigned long)hi);
    fprintf(stderr, "fatal error: stack overflow\n\n");
    fprintf(stderr, "goroutine %lld [running]:\n", (long long)g->id);
    vm_snapshot_trace(g);
    traceback_print(stderr, g);
    fflush(stderr);
    g->trace = NULL;
    sched_fatal_end(g);
}

void vm_complex_div(double a, double b, double c, double d, double *re, double *im) {
    // Go's runtime: inf/NaN handling first, then Smith's scaled division.
    double e, f;
    if (fabs(c) >= fabs(d)) {
        if (c == 0 && d == 0) {   // division by zero: the sign-aware infinities
            *re = a / c;
            *im = b / c;
            return;
        }
        double ratio = d / c, denom = c + ratio * d;
        e = (a + b * ratio) / denom;
        f = (b - a * ratio) / denom;
    } else {
        double ratio = c / d, denom = d + ratio * c;
        e = (a * ratio + b) / denom;
        f = (b * ratio - a) / denom;
    }
    if (isnan(e) && isnan(f)) {
        // Correct the NaN+NaNi results the spec defines as infinite or zero.
        if ((isinf(a) || isinf(b)) && isfinite(c) && isfinite(d)) {
            a = copysign(isinf(a) ? 1.0 : 0.0, a);
            b = copysign(isinf(b) ? 1.0 : 0.0, b);
            e = INFINITY * (a * c + b * d);
            f = INFINITY * (b * c - a * d);
        }
    }
    *re = e;
    *im = f;
}

void vm_complex_op(int op, Word *a, const Word *b, const Word *c) {
    double x, y, u = 0, v = 0;
    memcpy(&x, &b[0], 8);
    if (op == OP_C64TO128) {
        float re, im;
        uint32_t lo = (uint32_t)b[0], hi = (uint32_t)(b[0] >> 32);
        memcpy(&re, &lo, 4);
        memcpy(&im, &hi, 4);
        x = re;
        y = im;
        memcpy(&a[0], &x, 8);
        memcpy(&a[1], &y, 8);
        return;
    }
    memcpy(&y, &b[1], 8);
    if (op == OP_C128TO64) {
        float re = (float)x, im = (float)y;
        uint32_t lo, hi;
        memcpy(&lo, &re, 4);
        memcpy(&hi, &im, 4);
        a[0] = (Word)lo | (Word)hi << 32;
        return;
    }
    memcpy(&u, &c[0], 8);
    memcpy(&v, &c[1], 8);
    double re, im;
    switch (op) {
    case OP_ADDC: re = x + u; im = y + v; break;
    case OP_SUBC: re = x - u; im = y - v; break;
    case OP_MULC: re = x * u - y * v; im = x * v + y * u; break;
    default: vm_complex_div(x, y, u, v, &re, &im); break;
    }
    memcpy(&a[0], &re, 8);
    memcpy(&a[1], &im, 8);
}
