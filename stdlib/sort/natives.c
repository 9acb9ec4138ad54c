// stdlib/sort/natives.c: the natives of package sort (stdlib/sort/sort.gol):
// what sort.Slice needs of reflect, the length of the slice inside an
// interface and a swap of two of its elements by their size.
#include "runtime/type.h"
#include "runtime/value.h"
#include "stdlib/natives.h"
#include "vm/vm.h"

#include <string.h>

// slice_of returns the slice header an interface holds, or NULL (after
// raising a panic) when it holds no slice.
static const GoSlice *slice_of(G *g, const Word *a) {
    const Iface *x = (const Iface *)a;
    if (!x->type || x->type->kind != K_SLICE) {
        vm_throw(g, "reflect: call of Swapper on non-slice value");
        return NULL;
    }
    return (const GoSlice *)iface_ptr(x);
}

static int sort_slice_len(G *g, Word *a) {
    const GoSlice *s = slice_of(g, a);
    if (!s) return VM_PANIC;
    a[0] = (Word)s->len;
    return VM_OK;
}

// swapSlice(x, i, j) swaps elements i and j of the slice x holds; the
// indexes come from sort's own loops, within the length.
static int sort_swap_slice(G *g, Word *a) {
    const Iface *x = (const Iface *)a;
    const GoSlice *s = slice_of(g, a);
    if (!s) return VM_PANIC;
    int64_t i = (int64_t)a[2], j = (int64_t)a[3];
    if (i < 0 || i >= s->len) return vm_throw_index(g, i, s->len);
    if (j < 0 || j >= s->len) return vm_throw_index(g, j, s->len);
    size_t size = x->type->elem->size;
    uint8_t *p = (uint8_t *)s->ptr + (size_t)i * size, *q = (uint8_t *)s->ptr + (size_t)j * size;
    uint8_t tmp[256];
    while (size > 0) {
        size_t n = size < sizeof tmp ? size : sizeof tmp;
        memcpy(tmp, p, n);
        memcpy(p, q, n);
        memcpy(q, tmp, n);
        p += n;
        q += n;
        size -= n;
    }
    return VM_OK;
}

const LibNative lib_sort_natives[] = {
    { "sliceLen", sort_slice_len },
    { "swapSlice", sort_swap_slice },
    { NULL, NULL },
};
