// stdlib/sync/atomic/natives.c: the natives of package sync/atomic
// (atomic.gol): C11 atomics, sequentially consistent, on the words Go
// code points at; results of 32-bit signed operations are sign-extended
// as registers hold them.
#include "common/mem.h"
#include "runtime/map.h"
#include "runtime/panic.h"
#include "runtime/value.h"
#include "stdlib/natives.h"
#include "vm/vm.h"

#include <pthread.h>
#include <stdatomic.h>

#define NIL_CHECK(p)                                              \
    do {                                                          \
        if (!(p)) return vm_throw(g, NIL_DEREF_TEXT);             \
    } while (0)

// OPS defines the natives of one integer type: C type, register
// conversion of a result, Go name.
#define OPS(ctype, reg, name)                                                           \
    static int add_##name(G *g, Word *a) {                                              \
        _Atomic ctype *p = (_Atomic ctype *)(uintptr_t)a[0];                            \
        NIL_CHECK(p);                                                                   \
        ctype d = (ctype)a[1];                                                          \
        a[0] = (Word)(reg)(ctype)(atomic_fetch_add(p, d) + d);                          \
        return VM_OK;                                                                   \
    }                                                                                   \
    static int load_##name(G *g, Word *a) {                                             \
        _Atomic ctype *p = (_Atomic ctype *)(uintptr_t)a[0];                            \
        NIL_CHECK(p);                                                                   \
        a[0] = (Word)(reg)atomic_load(p);                                               \
        return VM_OK;                                                                   \
    }                                                                                   \
    static int store_##name(G *g, Word *a) {                                            \
        _Atomic ctype *p = (_Atomic ctype *)(uintptr_t)a[0];                            \
        NIL_CHECK(p);                                                                   \
        atomic_store(p, (ctype)a[1]);                                                   \
        return VM_OK;                                                                   \
    }                                                                                   \
    static int swap_##name(G *g, Word *a) {                                             \
        _Atomic ctype *p = (_Atomic ctype *)(uintptr_t)a[0];                            \
        NIL_CHECK(p);                                                                   \
        a[0] = (Word)(reg)atomic_exchange(p, (ctype)a[1]);                              \
        return VM_OK;                                                                   \
    }                                                                                   \
    static int cas_##name(G *g, Word *a) {                                              \
        _Atomic ctype *p = (_Atomic ctype *)(uintptr_t)a[0];                            \
        NIL_CHECK(p);                                                                   \
        ctype old = (ctype)a[1];                                                        \
        a[0] = atomic_compare_exchange_strong(p, &old, (ctype)a[2]);                    \
        return VM_OK;                                                                   \
    }                                                                                   \
    static int and_##name(G *g, Word *a) {                                              \
        _Atomic ctype *p = (_Atomic ctype *)(uintptr_t)a[0];                            \
        NIL_CHECK(p);                                                                   \
        a[0] = (Word)(reg)atomic_fetch_and(p, (ctype)a[1]);                             \
        return VM_OK;                                                                   \
    }                                                                                   \
    static int or_##name(G *g, Word *a) {                                               \
        _Atomic ctype *p = (_Atomic ctype *)(uintptr_t)a[0];                            \
        NIL_CHECK(p);                                                                   \
        a[0] = (Word)(reg)atomic_fetch_or(p, (ctype)a[1]);                              \
        return VM_OK;                                                                   \
    }

OPS(int32_t, int64_t, Int32)
OPS(int64_t, int64_t, Int64)
OPS(uint32_t, uint64_t, Uint32)
OPS(uint64_t, uint64_t, Uint64)
OPS(uint64_t, uint64_t, Uintptr)

// ---- Pointer[T]: the word of field v, at offset 0 of the receiver ----

static _Atomic uint64_t *pointer_word(Word recv) { return (_Atomic uint64_t *)(uintptr_t)recv; }

static int pointer_load(G *g, Word *a) {
    _Atomic uint64_t *p = pointer_word(a[0]);
    NIL_CHECK(p);
    a[0] = atomic_load(p);
    return VM_OK;
}

static int pointer_store(G *g, Word *a) {
    _Atomic uint64_t *p = pointer_word(a[0]);
    NIL_CHECK(p);
    atomic_store(p, a[1]);
    return VM_OK;
}

static int pointer_swap(G *g, Word *a) {
    _Atomic uint64_t *p = pointer_word(a[0]);
    NIL_CHECK(p);
    a[0] = atomic_exchange(p, a[1]);
    return VM_OK;
}

static int pointer_cas(G *g, Word *a) {
    _Atomic uint64_t *p = pointer_word(a[0]);
    NIL_CHECK(p);
    uint64_t old = a[1];
    a[0] = atomic_compare_exchange_strong(p, &old, a[2]);
    return VM_OK;
}

// ---- Value: two words under a striped lock ----

static pthread_mutex_t value_locks[64];
static pthread_once_t value_once = PTHREAD_ONCE_INIT;

static void init_value_locks(void) {
    for (int i = 0; i < 64; i++) pthread_mutex_init(&value_locks[i], NULL);
}

static pthread_mutex_t *value_lock(const void *p) {
    pthread_once(&value_once, init_value_locks);
    return &value_locks[((uintptr_t)p >> 4) % 64];
}

static int value_store_check(G *g, const Iface *cur, const Iface *v) {
    if (!v->type) return vm_throw(g, "sync/atomic: store of nil value into Value");
    if (cur->type && cur->type != v->type)
        return vm_throw(g, "sync/atomic: store of inconsistently typed value into Value");
    return VM_OK;
}

static int value_load(G *g, Word *a) {
    Iface *v = (Iface *)(uintptr_t)a[0];
    NIL_CHECK(v);
    pthread_mutex_t *l = value_lock(v);
    pthread_mutex_lock(l);
    Iface x = *v;
    pthread_mutex_unlock(l);
    a[0] = (Word)(uintptr_t)x.type;
    a[1] = x.data;
    return VM_OK;
}

static int value_store(G *g, Word *a) {
    Iface *v = (Iface *)(uintptr_t)a[0];
    NIL_CHECK(v);
    Iface x = { (Type *)(uintptr_t)a[1], a[2] };
    pthread_mutex_t *l = value_lock(v);
    pthread_mutex_lock(l);
    int st = value_store_check(g, v, &x);
    if (st == VM_OK) *v = x;
    pthread_mutex_unlock(l);
    return st;
}

static int value_swap(G *g, Word *a) {
    Iface *v = (Iface *)(uintptr_t)a[0];
    NIL_CHECK(v);
    Iface x = { (Type *)(uintptr_t)a[1], a[2] };
    pthread_mutex_t *l = value_lock(v);
    pthread_mutex_lock(l);
    Iface old = *v;
    int st = value_store_check(g, v, &x);
    if (st == VM_OK) *v = x;
    pthread_mutex_unlock(l);
    a[0] = (Word)(uintptr_t)old.type;
    a[1] = old.data;
    return st;
}

static int value_cas(G *g, Word *a) {
    Iface *v = (Iface *)(uintptr_t)a[0];
    NIL_CHECK(v);
    Iface old = { (Type *)(uintptr_t)a[1], a[2] }, x = { (Type *)(uintptr_t)a[3], a[4] };
    if (!x.type) return vm_throw(g, "sync/atomic: compare and swap of nil value into Value");
    pthread_mutex_t *l = value_lock(v);
    pthread_mutex_lock(l);
    int st = VM_OK;
    bool swapped = false;
    if (v->type && v->type != x.type) {
        st = vm_throw(g, "sync/atomic: compare and swap of inconsistently typed value into Value");
    } else if (value_equal(type_any, v, &old, NULL)) {
        *v = x;
        swapped = true;
    }
    pthread_mutex_unlock(l);
    a[0] = swapped;
    return st;
}

#define ENTRIES(name)                                                                    \
    { "Add" #name, add_##name }, { "Load" #name, load_##name }, { "Store" #name, store_##name }, \
    { "Swap" #name, swap_##name }, { "CompareAndSwap" #name, cas_##name },             \
    { "And" #name, and_##name }, { "Or" #name, or_##name }

const LibNative lib_atomic_natives[] = {
    ENTRIES(Int32), ENTRIES(Int64), ENTRIES(Uint32), ENTRIES(Uint64), ENTRIES(Uintptr),
    { "Pointer.Load", pointer_load },
    { "Pointer.Store", pointer_store },
    { "Pointer.Swap", pointer_swap },
    { "Pointer.CompareAndSwap", pointer_cas },
    { "valueLoad", value_load },
    { "valueStore", value_store },
    { "valueSwap", value_swap },
    { "valueCompareAndSwap", value_cas },
    { NULL, NULL },
};
