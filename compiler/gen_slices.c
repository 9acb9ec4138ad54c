// compiler/gen_slices.c: calls of the generic functions of slices and cmp
// (gen_slices.h). The frame a native gets: word 0 the instantiated
// signature, then the arguments as an ordinary call lays them out, a
// variadic tail collected into a new slice.
#include "compiler/gen_slices.h"
#include "common/mem.h"
#include "vm/slices.h"

#include <string.h>

// NativeEntry caches the Func of each native, made once.
typedef struct NativeEntry {
    const char *name;
    Func *fn;
} NativeEntry;

static NativeEntry *entries;
static int nentries, capentries;

static Func *native_func(const char *pkg, const char *name) {
    const char *full = mem_sprintf("%s.%s", pkg, name);
    for (int i = 0; i < nentries; i++)
        if (strcmp(entries[i].name, full) == 0) return entries[i].fn;
    NativeFn fn = slices_native(pkg, name);
    if (!fn) return NULL;
    if (nentries == capentries) {
        int c = capentries ? capentries * 2 : 16;
        NativeEntry *v = mem_alloc(c * sizeof *v);
        if (nentries) memcpy(v, entries, nentries * sizeof *v);
        entries = v;
        capentries = c;
    }
    Func *f = mem_new(Func);
    f->name = full;     // as Go's traceback names it, without [...]
    f->native = fn;
    f->defer_pc = -1;
    entries[nentries].name = full;
    entries[nentries].fn = f;
    nentries++;
    return f;
}

static Obj *generic_callee(Node *fun) {
    while (fun->kind == N_PAREN) fun = fun->x;
    if (fun->kind != N_SELECTOR) return NULL;
    Selection *sel = fun->obj;
    if (!sel || sel->kind != SEL_PKG || !sel->obj || sel->obj->kind != OBJ_FUNC || !sel->obj->pkg) return NULL;
    const char *path = sel->obj->pkg->path;
    return strcmp(path, "slices") == 0 || strcmp(path, "cmp") == 0 ? sel->obj : NULL;
}

bool gen_slices_call(Gen *g, Node *call, int dst) {
    Obj *callee = generic_callee(call->x);
    if (!callee) return false;
    Node *fun = call->x;
    while (fun->kind == N_PAREN) fun = fun->x;
    Type *sig = fun->type;
    Func *fn = native_func(callee->pkg->path, callee->name);
    if (!fn || !sig || sig->kind != K_FUNC) {
        gen_error(g, call, "goli: %s.%s is not supported yet", callee->pkg->path, callee->name);
        return true;
    }
    FuncBuilder *fb = FB(g);
    int pw = 0, rw = 0;
    for (int i = 0; i < sig->nfields; i++) pw += words_of(sig->fields[i].type);
    for (int i = 0; i < sig->nresults; i++) rw += words_of(sig->results[i]);
    int mark = emit_top(fb);
    int frame = 1 + pw > rw ? 1 + pw : rw;
    int base = emit_reg(fb, frame);
    emit(fb, OP_LOADK, base, emit_const_ptr(fb, sig), 0);
    int pos = base + 1;
    NodeList *args = &call->list;
    for (int i = 0; i < sig->nfields; i++) {
        Type *pt = sig->fields[i].type;
        if (sig->variadic && i == sig->nfields - 1 && !(call->flags & NF_DOTS)) {
            gen_variadic_tail(g, args, i, pt->elem, pos);
        } else if (i < args->n) {
            gen_expr_as(g, args->v[i], pt, pos);
        }
        pos += words_of(pt);
    }
    fb->line = call->opline ? call->opline : call->line;
    emit(fb, OP_CALLN, base, emit_const_ptr(fb, fn), 0);
    if (rw && dst != base) gen_move(g, dst, base, rw);
    emit_free(fb, mark);
    return true;
}
