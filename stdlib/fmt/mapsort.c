// stdlib/fmt/mapsort.c: the order in which fmt prints a map's entries,
// Go's internal/fmtsort (since Go 1.12): keys sorted by value, ints and
// uints numerically, strings bytewise, floats with NaN first, false before
// true, pointers and chans by address, structs and arrays element by
// element, interfaces by dynamic type and then by value. The design is in
// stdlib/fmt/fmt.h.
//
// Interfaces holding different types compare by the address of Go's type
// descriptors, which the linker lays out by symbol size and then by name.
// goli has no such layout; type_order imitates it with the size Go's
// descriptor would have, then %T's spelling, which reproduces Go's order
// for the cases checked (tests/unit/fmt_cases.go.txt, map[any]...).
#include "stdlib/fmt/printer.h"

#include <string.h>

#include "common/mem.h"
#include "runtime/value.h"

// rtype_size is the size of Go 1.19's type descriptor for t on amd64:
// rtype, the kind's extra fields, the uncommon part of named types (with
// a method table entry per method) and inline parameter, field and method
// tables.
static uint32_t rtype_size(const Type *t) {
    uint32_t n = 48;
    switch (t->kind) {
    case K_ARRAY: n += 24; break;
    case K_CHAN: n += 16; break;
    case K_FUNC: n += 8 + 8 * (uint32_t)(t->nfields + t->nresults); break;
    case K_INTERFACE: n += 32 + 8 * (uint32_t)t->nmethods; break;
    case K_MAP: n += 40; break;
    case K_POINTER:
    case K_SLICE: n += 8; break;
    case K_STRUCT: n += 32 + 24 * (uint32_t)t->nfields; break;
    default: break;
    }
    if (type_is_named(t) && t->kind != K_INTERFACE) {
        n += 16 + 16 * (uint32_t)t->nmethods;
    } else if (t->kind == K_POINTER && type_is_named(t->elem) && t->elem->nmethods > 0 &&
               t->elem->kind != K_INTERFACE) {
        n += 16 + 16 * (uint32_t)t->elem->nmethods;   // *T lists T's methods too
    }
    return n;
}

static int type_order(const Type *a, const Type *b) {
    if (a == b) return 0;
    uint32_t sa = rtype_size(a), sb = rtype_size(b);
    if (sa != sb) return sa < sb ? -1 : 1;
    int c = strcmp(a->str, b->str);
    if (c) return c < 0 ? -1 : 1;
    return (uintptr_t)a < (uintptr_t)b ? -1 : 1;
}

#define CMP(x, y) ((x) < (y) ? -1 : (x) > (y) ? 1 : 0)

static int float_compare(double a, double b) {
    if (a != a) return -1;  // NaN first; no good answer if both are NaN
    if (b != b) return 1;
    return CMP(a, b);
}

static int64_t load_int(const Type *t, const void *p) {
    switch (t->size) {
    case 1: return *(const int8_t *)p;
    case 2: return *(const int16_t *)p;
    case 4: return *(const int32_t *)p;
    default: return *(const int64_t *)p;
    }
}

static uint64_t load_uint(const Type *t, const void *p) {
    switch (t->size) {
    case 1: return *(const uint8_t *)p;
    case 2: return *(const uint16_t *)p;
    case 4: return *(const uint32_t *)p;
    default: return *(const uint64_t *)p;
    }
}

int fmt_compare(const Type *t, const void *a, const void *b) {
    switch (t->kind) {
    case K_INT: case K_INT8: case K_INT16: case K_INT32: case K_INT64:
        return CMP(load_int(t, a), load_int(t, b));
    case K_UINT: case K_UINT8: case K_UINT16: case K_UINT32: case K_UINT64: case K_UINTPTR:
        return CMP(load_uint(t, a), load_uint(t, b));
    case K_STRING: {
        const GoString *x = a, *y = b;
        int64_t n = x->len < y->len ? x->len : y->len;
        int c = n ? memcmp(x->ptr, y->ptr, (size_t)n) : 0;
        if (c) return c < 0 ? -1 : 1;
        return CMP(x->len, y->len);
    }
    case K_FLOAT32: return float_compare(*(const float *)a, *(const float *)b);
    case K_FLOAT64: return float_compare(*(const double *)a, *(const double *)b);
    case K_COMPLEX64: {
        const float *x = a, *y = b;
        int c = float_compare(x[0], y[0]);
        return c ? c : float_compare(x[1], y[1]);
    }
    case K_COMPLEX128: {
        const double *x = a, *y = b;
        int c = float_compare(x[0], y[0]);
        return c ? c : float_compare(x[1], y[1]);
    }
    case K_BOOL: return CMP(*(const uint8_t *)a != 0, *(const uint8_t *)b != 0);
    case K_POINTER: case K_UNSAFE_POINTER: case K_CHAN:
        return CMP(*(const uintptr_t *)a, *(const uintptr_t *)b);
    case K_STRUCT:
        for (int i = 0; i < t->nfields; i++) {
            const Field *f = &t->fields[i];
            int c = fmt_compare(f->type, (const char *)a + f->offset, (const char *)b + f->offset);
            if (c) return c;
        }
        return 0;
    case K_ARRAY:
        for (int64_t i = 0; i < t->len; i++) {
            size_t off = (size_t)i * t->elem->size;
            int c = fmt_compare(t->elem, (const char *)a + off, (const char *)b + off);
            if (c) return c;
        }
        return 0;
    case K_INTERFACE: {
        const Iface *x = a, *y = b;
        if (!x->type) return y->type ? -1 : 0;
        if (!y->type) return 1;
        int c = type_order(x->type, y->type);
        if (c) return c;
        return fmt_compare(x->type, iface_ptr(x), iface_ptr(y));
    }
    default:
        return 0;   // not a comparable key type; maps cannot hold one
    }
}

// ---- Sorting ----

// merge_sort sorts e[0..n) stably, using tmp[0..n); short runs by
// insertion.
static void merge_sort(const Type *kt, FmtEntry *e, FmtEntry *tmp, int64_t n) {
    if (n <= 12) {
        for (int64_t i = 1; i < n; i++) {
            FmtEntry x = e[i];
            int64_t j = i;
            while (j > 0 && fmt_compare(kt, x.key, e[j - 1].key) < 0) {
                e[j] = e[j - 1];
                j--;
            }
            e[j] = x;
        }
        return;
    }
    int64_t h = n / 2;
    merge_sort(kt, e, tmp, h);
    merge_sort(kt, e + h, tmp, n - h);
    if (fmt_compare(kt, e[h].key, e[h - 1].key) >= 0) return;   // already in order
    memcpy(tmp, e, (size_t)h * sizeof *e);
    int64_t i = 0, j = h, k = 0;
    while (i < h && j < n) {
        if (fmt_compare(kt, e[j].key, tmp[i].key) < 0) e[k++] = e[j++];
        else e[k++] = tmp[i++];
    }
    while (i < h) e[k++] = tmp[i++];
}

int64_t fmt_map_sorted(Map *m, const Type *mt, FmtEntry **out) {
    int64_t n = map_len(m);
    *out = NULL;
    if (n == 0) return 0;
    FmtEntry *e = mem_alloc((size_t)n * sizeof *e);
    MapIter it;
    map_iter_init(&it, m);
    void *k, *v;
    int64_t got = 0;
    while (got < n && map_iter_next(&it, &k, &v)) {
        e[got].key = k;
        e[got].val = v;
        got++;
    }
    FmtEntry *tmp = mem_alloc((size_t)(got / 2 + 1) * sizeof *tmp);
    merge_sort(mt->key, e, tmp, got);
    *out = e;
    return got;
}
