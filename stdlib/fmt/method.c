// stdlib/fmt/method.c: finding the String, Error and GoString methods fmt
// calls, in a value's method set as Go's type assertion sees it (the
// design is in stdlib/fmt/fmt.h).
//
// A value of named type T has the methods declared on T with value
// receivers; a *T has all of T's methods. Methods of embedded fields are
// promoted as the spec's selector rule says: the shallowest depth wins, two
// at the same depth are ambiguous and give none, a field of the same name
// hides a method. A promoted pointer method counts only when the embedded
// field is a pointer or the outer value is reached through one. Type.methods
// lists declared methods only, so promotion is searched here, level by
// level (Go's lookupFieldOrMethod), with the receiver found on the way.
#include "stdlib/fmt/printer.h"

#include <string.h>

// MAX_LEVEL bounds the search through embedded pointers that form a cycle
// (type S struct{ *S }); Go stops at a type seen before, and a depth this
// large is never reached by real programs.
#define MAX_LEVEL 16
#define MAX_ENTRIES 64

// Entry is one embedded value at the current depth: its type (the field's
// type: E, *E or an interface) and where it is.
typedef struct Entry {
    const Type *type;
    const void *v;      // the value of type `type`; NULL below a nil pointer
    bool via_ptr;       // reached through a pointer: addressable
} Entry;

// string_method reports whether sig is func() string.
static bool string_method(const Type *sig) {
    return sig && sig->nfields == 0 && sig->nresults == 1 && !sig->variadic &&
           sig->results[0] == type_string;
}

static bool has_embedded(const Type *t) {
    for (int i = 0; i < t->nfields; i++)
        if (t->fields[i].embedded) return true;
    return false;
}

bool fmt_may_have_methods(const Type *t) {
    switch (t->kind) {
    case K_POINTER: {
        if (type_is_named(t)) return false;     // type P *T has no methods
        const Type *e = t->elem;
        if (e->kind == K_INTERFACE || e->kind == K_POINTER) return false;
        return e->nmethods > 0 || (e->kind == K_STRUCT && has_embedded(e));
    }
    case K_STRUCT:
        return t->nmethods > 0 || has_embedded(t);
    case K_INTERFACE:
        return false;
    default:
        return t->nmethods > 0;
    }
}

// Found is the state of one level's search.
typedef struct Found {
    int count;          // candidates (methods or fields) at this depth
    FmtMethod m;
    bool usable;        // the one candidate is a method in the set
} Found;

static void candidate(Found *f, const Method *m, const Type *rt, const void *rv, bool nil_deref,
                      bool usable) {
    f->count++;
    f->m.m = m;
    f->m.recv_type = rt;
    f->m.recv = rv;
    f->m.nil_deref = nil_deref;
    f->usable = usable;
}

// search_entry looks for name in the declared methods and fields of one
// embedded value, adding the embedded fields it holds to next.
static void search_entry(const Entry *e, const char *name, Found *f, Entry *next, int *nnext) {
    const Type *t = e->type;
    const Type *n = t;      // the type whose methods and fields count
    bool indirect = false;
    if (t->kind == K_POINTER && !type_is_named(t)) {
        n = t->elem;
        indirect = true;
    } else if (t->kind == K_POINTER) {
        return;             // a named pointer type has neither methods nor promotion
    }
    if (n->kind == K_INTERFACE) {
        if (indirect) return;   // *I has no methods
        const Method *m = type_find_method(n, name);
        if (!m) return;
        // The method is the dynamic value's; calling it on a nil interface
        // is a nil dereference.
        const Iface *i = e->v;
        if (!i || !i->type) {
            candidate(f, m, t, e->v, true, string_method(m->sig));
            return;
        }
        FmtMethod dyn;
        if (fmt_find_method(i->type, iface_ptr(i), name, &dyn)) {
            f->count++;
            f->m = dyn;
            f->usable = true;
        } else {
            candidate(f, m, t, e->v, true, false);
        }
        return;
    }
    if (type_is_named(n)) {
        const Method *m = type_find_method(n, name);
        if (m) {
            bool in_set = !m->ptr_recv || indirect || e->via_ptr;
            // A value method through a nil pointer dereferences it.
            bool nil_deref = !e->v || (indirect && !m->ptr_recv && !*(void *const *)e->v);
            candidate(f, m, t, e->v, nil_deref, in_set && string_method(m->sig));
        }
    }
    if (n->kind != K_STRUCT) return;
    // The struct's fields: the value is at e->v, or behind the pointer there.
    const char *base = NULL;
    if (e->v) base = indirect ? *(const char *const *)e->v : e->v;
    for (int i = 0; i < n->nfields; i++) {
        const Field *fd = &n->fields[i];
        if (strcmp(fd->name, name) == 0) candidate(f, NULL, NULL, NULL, false, false);
        if (fd->embedded && *nnext < MAX_ENTRIES) {
            Entry *x = &next[(*nnext)++];
            x->type = fd->type;
            x->v = base ? base + fd->offset : NULL;
            x->via_ptr = indirect || e->via_ptr;
        }
    }
}

bool fmt_find_method(const Type *t, const void *v, const char *name, FmtMethod *out) {
    if (!fmt_may_have_methods(t)) return false;
    Entry levels[2][MAX_ENTRIES];
    int n = 1;
    levels[0][0] = (Entry){ t, v, false };
    for (int depth = 0; depth < MAX_LEVEL && n > 0; depth++) {
        Entry *cur = levels[depth & 1], *next = levels[(depth + 1) & 1];
        int nnext = 0;
        Found f = { 0 };
        // A type's own methods and fields are at one depth, the members of
        // its embedded fields at the next.
        for (int i = 0; i < n; i++) search_entry(&cur[i], name, &f, next, &nnext);
        if (f.count == 1) {
            if (!f.usable) return false;
            *out = f.m;
            return true;
        }
        if (f.count > 1) return false;  // ambiguous
        n = nnext;
    }
    return false;
}
