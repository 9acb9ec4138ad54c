// runtime/value.h: the memory layout of Go's multi-word values, as C
// structs that match it word for word (see runtime/type.h for the model).
#ifndef GOLI_VALUE_H
#define GOLI_VALUE_H

#include <stdint.h>

#include "runtime/type.h"

// A string: data (not NUL-terminated; GC memory or static) and length.
typedef struct GoString {
    const uint8_t *ptr;
    int64_t len;
} GoString;

// A slice: data, length, capacity.
typedef struct GoSlice {
    void *ptr;
    int64_t len, cap;
} GoSlice;

// An interface: the dynamic type (NULL for a nil interface) and a data
// word. For a TF_DIRECT type the word holds the value's memory image (its
// first type->size bytes, little-endian; the rest zero); otherwise it points
// to an immutable copy of the value on the heap.
typedef struct Iface {
    Type *type;
    uint64_t data;
} Iface;

// iface_ptr returns a pointer to the value an interface holds.
static inline const void *iface_ptr(const Iface *i) {
    return (i->type->flags & TF_DIRECT) ? (const void *)&i->data : (const void *)(uintptr_t)i->data;
}

static inline GoString gostr(const char *s, int64_t n) {
    GoString g = { (const uint8_t *)s, n };
    return g;
}

#endif
