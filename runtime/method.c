// runtime/method.c: method sets with promotion (method.h). A breadth-first
// walk over embedded fields, one depth at a time: the shallowest depth with
// the method decides, and two candidates there make the selector ambiguous.
#include "runtime/method.h"
#include "common/mem.h"

#include <string.h>

typedef struct Cand {
    const Type *t;          // a struct (or named struct) reached so far
    bool addressable;       // reached through a pointer: pointer methods count
    int nsteps;
    MethodStep steps[METHOD_MAX_DEPTH];
} Cand;

enum { MAX_CANDS = 64 };

bool type_method_path(const Type *t, const char *name, MethodPath *out) {
    memset(out, 0, sizeof *out);
    const Type *base = t;
    bool is_ptr = false;
    if (t->kind == K_POINTER && !type_is_named(t) && t->elem) {
        base = t->elem;
        is_ptr = true;
    }
    const Method *m = type_find_method(base, name);
    if (m) {
        if (m->ptr_recv && !is_ptr) return false;
        out->m = m;
        out->recv = base;
        return true;
    }
    // On the heap: per-thread arrays would cost every thread 18 KB of TLS
    // to clear, and this path (promoted methods) is rare and cached.
    Cand *level = mem_alloc_atomic(2 * MAX_CANDS * sizeof(Cand)), *next = level + MAX_CANDS;
    int nlevel = 1, found = 0;
    level[0].t = base;
    level[0].addressable = is_ptr;
    level[0].nsteps = 0;
    for (int depth = 1; depth < METHOD_MAX_DEPTH && nlevel > 0; depth++) {
        int nnext = 0;
        for (int c = 0; c < nlevel; c++) {
            const Type *st = level[c].t->under ? level[c].t->under : level[c].t;
            if (st->kind != K_STRUCT) continue;
            for (int i = 0; i < st->nfields; i++) {
                const Field *f = &st->fields[i];
                if (!f->embedded) continue;
                const Type *et = f->type;
                bool deref = false;
                if (et->kind == K_POINTER && !type_is_named(et) && et->elem) {
                    et = et->elem;
                    deref = true;
                }
                bool addr = deref || level[c].addressable;
                Cand *n = nnext < MAX_CANDS ? &next[nnext++] : NULL;
                if (!n) continue;
                n->t = et;
                n->addressable = addr;
                n->nsteps = level[c].nsteps + 1;
                memcpy(n->steps, level[c].steps, (size_t)level[c].nsteps * sizeof(MethodStep));
                n->steps[level[c].nsteps].offset = f->offset;
                n->steps[level[c].nsteps].deref = deref;
                const Method *mm = type_find_method(et, name);
                if (!mm) continue;
                if (++found > 1) return false;   // ambiguous at this depth
                if (et->kind != K_INTERFACE && mm->ptr_recv && !addr) return false;
                out->m = mm;
                out->recv = et;
                out->iface = et->kind == K_INTERFACE;
                out->nsteps = n->nsteps;
                memcpy(out->steps, n->steps, (size_t)n->nsteps * sizeof(MethodStep));
            }
        }
        if (found == 1) return true;
        memcpy(level, next, (size_t)nnext * sizeof(Cand));
        nlevel = nnext;
    }
    return false;
}
