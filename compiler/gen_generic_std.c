// compiler/gen_generic_std.c: calls of sync.OnceValue and sync.OnceValues
// (gen_generic_std.h), compiled as Go's source of OnceValue reads once
// OnceFunc does its part:
//
//     var r struct{ r0 T1; r1 T2 }          // a heap cell
//     once := sync.OnceFunc(func() { r.r0, r.r1 = f() })
//     return func() (T1, T2) { once(); return r.r0, r.r1 }
//
// OnceFunc (stdlib/sync/sync.gol) gives the semantics: f runs once, on the
// first call, while other callers wait on its Once; if f panics, every call
// panics with the same value. The two closures are made here for the
// instantiated types, each capturing two words (not cells: nothing assigns
// to them): the setter f and the cell, the getter once and the cell.
#include "compiler/gen_generic_std.h"
#include "common/mem.h"

#include <string.h>

static Obj *once_callee(Node *fun) {
    while (fun->kind == N_PAREN) fun = fun->x;
    if (fun->kind != N_SELECTOR) return NULL;
    Selection *sel = fun->obj;
    if (!sel || sel->kind != SEL_PKG || !sel->obj || sel->obj->kind != OBJ_FUNC || !sel->obj->pkg) return NULL;
    Obj *o = sel->obj;
    if (strcmp(o->pkg->path, "sync") != 0) return NULL;
    return strcmp(o->name, "OnceValue") == 0 || strcmp(o->name, "OnceValues") == 0 ? o : NULL;
}

// Shape is what both closures need: f's results and the cell holding them.
typedef struct Shape {
    Type *fn;           // func() T or func() (T1, T2)
    Type *cell;         // struct{ r0 T1; r1 T2 }
    int words;          // register words of the results
    const char *name;   // "sync.OnceValue[...]", as Go's traceback names it
    const char *file;
    int line;
} Shape;

// result_word is the first register word of result i.
static int result_word(const Shape *s, int i) {
    int w = 0;
    for (int k = 0; k < i; k++) w += words_of(s->fn->results[k]);
    return w;
}

// setter is func() { r.r0, r.r1 = f() } with capture 0 f and 1 the cell.
static Func *setter(Gen *g, const Shape *s) {
    FuncBuilder *fb = emit_begin(mem_sprintf("%s.func1", s->name), s->file, s->line);
    int f = emit_reg(fb, 1);
    int cell = emit_reg(fb, 1);
    int frame = emit_reg(fb, s->words > 0 ? s->words : 1);
    emit(fb, OP_GETCAPT, f, 0, 0);
    emit(fb, OP_CALLC, frame, f, 0);
    emit(fb, OP_GETCAPT, cell, 1, 0);
    GenFunc *saved = g->fn;
    GenFunc tmp = { 0 };
    tmp.fb = fb;
    g->fn = &tmp;
    for (int i = 0; i < s->fn->nresults; i++)
        gen_store_ptr(g, cell, (int)s->cell->fields[i].offset, s->fn->results[i], frame + result_word(s, i));
    g->fn = saved;
    emit(fb, OP_RET0, 0, 0, 0);
    return emit_end(fb);
}

// getter is func() (T1, T2) { once(); return r.r0, r.r1 } with capture 0
// once and 1 the cell.
static Func *getter(Gen *g, const Shape *s) {
    FuncBuilder *fb = emit_begin(mem_sprintf("%s.func2", s->name), s->file, s->line);
    fb->fn->nresult = (uint32_t)s->words;
    if (s->words) emit_reg(fb, s->words);   // the results, at R[0..)
    int once = emit_reg(fb, 1);
    int cell = emit_reg(fb, 1);
    int frame = emit_reg(fb, 1);
    emit(fb, OP_GETCAPT, once, 0, 0);
    emit(fb, OP_CALLC, frame, once, 0);
    emit(fb, OP_GETCAPT, cell, 1, 0);
    GenFunc *saved = g->fn;
    GenFunc tmp = { 0 };
    tmp.fb = fb;
    g->fn = &tmp;
    for (int i = 0; i < s->fn->nresults; i++)
        gen_load_ptr(g, result_word(s, i), cell, (int)s->cell->fields[i].offset, s->fn->results[i]);
    g->fn = saved;
    if (s->words) emit(fb, OP_RET, 0, s->words, 0);
    else emit(fb, OP_RET0, 0, 0, 0);
    return emit_end(fb);
}

bool gen_generic_std_call(Gen *g, Node *call, int dst) {
    Obj *callee = once_callee(call->x);
    if (!callee) return false;
    Node *fun = call->x;
    while (fun->kind == N_PAREN) fun = fun->x;
    Type *sig = fun->type;
    Obj *once_func = callee->pkg->scope ? scope_lookup_here(callee->pkg->scope, "OnceFunc") : NULL;
    if (!sig || sig->kind != K_FUNC || sig->nfields != 1 || call->list.n != 1 || !once_func ||
        once_func->kind != OBJ_FUNC) {
        gen_error(g, call, "goli: internal error: sync.%s is not instantiated", callee->name);
        return true;
    }
    Shape s = { 0 };
    s.fn = sig->fields[0].type;
    Field fs[2] = { { .name = "r0" }, { .name = "r1" } };
    for (int i = 0; i < s.fn->nresults && i < 2; i++) fs[i].type = s.fn->results[i];
    s.cell = type_struct(s.fn->nresults, fs);
    s.words = result_word(&s, s.fn->nresults);
    s.name = mem_sprintf("sync.%s[...]", callee->name);
    s.file = callee->pkg->paths && callee->pkg->nfiles ? callee->pkg->paths[0] : "?";
    s.line = callee->line;
    Func *set = setter(g, &s), *get = getter(g, &s);

    FuncBuilder *fb = FB(g);
    int mark = emit_top(fb);
    int cell = emit_reg(fb, 1);
    int base = emit_reg(fb, 3);
    gen_expr_as(g, call->list.v[0], s.fn, base + 1);
    emit(fb, OP_NEW, cell, emit_const_ptr(fb, s.cell), 0);
    emit(fb, OP_MOVE, base + 2, cell, 0);
    emit(fb, OP_CLOSURE, base, emit_const_ptr(fb, set), 2);
    fb->line = call->opline ? call->opline : call->line;
    emit(fb, OP_CALL, base, emit_const_ptr(fb, gen_func_of(g, once_func)), 0);
    emit(fb, OP_MOVE, base + 1, base, 0);
    emit(fb, OP_MOVE, base + 2, cell, 0);
    emit(fb, OP_CLOSURE, base, emit_const_ptr(fb, get), 2);
    if (dst != base) emit(fb, OP_MOVE, dst, base, 0);
    emit_free(fb, mark);
    return true;
}
