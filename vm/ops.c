// vm/ops.c: operations the dispatch loop calls out to: strings, allocation
// and the texts of runtime panics.
#include "vm/vm.h"
#include "common/mem.h"

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
