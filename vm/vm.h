// vm/vm.h: running bytecode. vm_run resumes a goroutine where its G says and
// runs until it returns to C (VM_OK), panics (VM_PANIC), parks (VM_PARK) or
// yields its time slice (VM_YIELD). The loop is vm/vm.c.
#ifndef GOLI_VM_H
#define GOLI_VM_H

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "runtime/g.h"
#include "runtime/panic.h"
#include "runtime/value.h"
#include "runtime/type.h"
#include "vm/func.h"

// vm_g_init gives g an empty stack of at least words registers.
void vm_g_init(G *g, uint32_t words);
// vm_g_init_small is for a new goroutine: just words registers, a few frames.
void vm_g_init_small(G *g, uint32_t words);
int vm_run(G *g);
// vm_call runs fn to completion on g with nargs argument words, copying
// nresults result words out. Used to enter main and for C calling back into
// Go (fmt calling String()).
int vm_call(G *g, Func *fn, const Word *args, uint32_t nargs, Word *results, uint32_t nresults);

// vm_start_panic begins a panic with value v on g (panic()).
void vm_start_panic(G *g, Iface v);
// vm_snapshot_trace records g's frames for the panic report.
void vm_snapshot_trace(G *g);
// vm_stack_overflow reports Go's fatal "stack overflow" and exits 2.
void vm_stack_overflow(G *g) __attribute__((noreturn));

// vm_iface_method resolves a method call through an interface (CALLI).
Func *vm_iface_method(G *g, Type *dyn, Word data, const char *name, uint32_t nb);

// vm_throw raises a runtime panic with a fixed message; returns VM_PANIC.
int vm_throw(G *g, const char *msg);
// vm_throw_index raises "index out of range [i] with length n".
int vm_throw_index(G *g, int64_t i, int64_t n);

// vm_new allocates a zeroed object of type t (pointer-free memory when the
// type holds no pointers, so the collector need not scan it).
void *vm_new(const Type *t);

// Register-image fields (RFIELD/RSETFIELD kinds 1..7).
static inline Word vm_load_kind(const uint8_t *p, unsigned kind) {
    switch (kind) {
    case 1: { int8_t v; memcpy(&v, p, 1); return (Word)(int64_t)v; }
    case 2: { uint8_t v; memcpy(&v, p, 1); return v; }
    case 3: { int16_t v; memcpy(&v, p, 2); return (Word)(int64_t)v; }
    case 4: { uint16_t v; memcpy(&v, p, 2); return v; }
    case 5: { int32_t v; memcpy(&v, p, 4); return (Word)(int64_t)v; }
    case 6: { uint32_t v; memcpy(&v, p, 4); return v; }
    default: { uint64_t v; memcpy(&v, p, 8); return v; }
    }
}
static inline void vm_store_kind(uint8_t *p, unsigned kind, Word w) {
    unsigned n = kind <= 2 ? 1 : kind <= 4 ? 2 : kind <= 6 ? 4 : 8;
    memcpy(p, &w, n);
}

// String helpers for the loop: a string is two words (data, len).
void vm_concat(Word *dst, const Word *a, const Word *b);
static inline int vm_str_cmp(const Word *a, const Word *b) {
    uint64_t na = a[1], nb = b[1], n = na < nb ? na : nb;
    int c = n ? memcmp((const void *)a[0], (const void *)b[0], n) : 0;
    if (c) return c;
    return na < nb ? -1 : na > nb;
}

// vm_complex_op does the complex instructions (ADDC ... C128TO64) on
// register words; kept out of the loop.
void vm_complex_op(int op, Word *a, const Word *b, const Word *c) __attribute__((noinline));

// vm_complex_div divides complex numbers as Go's runtime does
// (complex128div): infinities and NaNs as the spec's rules give them.
void vm_complex_div(double a, double b, double c, double d, double *re, double *im);

// Float to integer conversions as Go does them on amd64: NaN and values out
// of range give the "integer indefinite" 0x8000000000000000.
static inline int64_t vm_f2i(double x) {
    if (!(x > -9223372036854775808.0 - 1024 && x < 9223372036854775808.0)) return INT64_MIN;
    return (int64_t)x;
}
static inline uint64_t vm_f2u(double x) {
    if (x < 9223372036854775808.0) return (uint64_t)vm_f2i(x);
    return (uint64_t)vm_f2i(x - 9223372036854775808.0) ^ 0x8000000000000000ULL;
}

#endif
