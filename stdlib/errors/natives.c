// stdlib/errors/natives.c: the natives of package errors
// (stdlib/errors/errors.gol): the type questions Go's errors.Is and As ask
// of reflection, answered from the runtime type descriptors
// (runtime/type.h).
#include "runtime/value.h"
#include "stdlib/natives.h"
#include "vm/vm.h"

#include <string.h>

#define TYPE(w) ((Type *)(uintptr_t)(w))

// implements reports whether dynamic type t has every method of interface
// it, as a type assertion asks (vm/builtins.c).
static bool implements(const Type *t, const Type *it) {
    for (int i = 0; i < it->nmethods; i++) {
        const char *name = it->methods[i].name;
        const Method *m = type_find_method(t, name);
        if (!m && t->kind == K_POINTER && t->elem) m = type_find_method(t->elem, name);
        else if (m && m->ptr_recv && t->kind != K_POINTER) m = NULL;
        if (m && m->sig && it->methods[i].sig && !type_identical(m->sig, it->methods[i].sig)) m = NULL;
        if (!m) return false;
    }
    return true;
}

static int errors_is_comparable(G *g, Word *a) {
    (void)g;
    const Type *t = TYPE(a[0]);
    a[0] = t && type_is_comparable(t);
    return VM_OK;
}

static int errors_as_target(G *g, Word *a) {
    (void)g;
    const Type *t = TYPE(a[0]);
    if (!t) {
        a[0] = 3;
        return VM_OK;
    }
    if (t->kind != K_POINTER || a[1] == 0) {
        a[0] = 0;
        return VM_OK;
    }
    const Type *e = t->elem;
    a[0] = e->kind == K_INTERFACE || implements(e, type_error) ? 1 : 2;
    return VM_OK;
}

static int errors_as_store(G *g, Word *a) {
    (void)g;
    Iface err = { TYPE(a[0]), a[1] };
    const Type *e = TYPE(a[2])->elem;
    void *dst = (void *)(uintptr_t)a[3];
    bool ok;
    if (e->kind == K_INTERFACE) {
        ok = implements(err.type, e);
        if (ok) memcpy(dst, &err, sizeof err);
    } else {
        ok = err.type == e;
        if (ok) memcpy(dst, iface_ptr(&err), e->size);
    }
    a[0] = ok;
    return VM_OK;
}

const LibNative lib_errors_natives[] = {
    { "isComparable", errors_is_comparable },
    { "asTarget", errors_as_target },
    { "asStore", errors_as_store },
    { NULL, NULL },
};
