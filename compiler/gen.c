// compiler/gen.c: the code generator's program, function and statement
// parts (the model is in compiler/gen.h).
#include "compiler/gen.h"
#include "common/mem.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void gen_error(Gen *g, const Node *n, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *msg = mem_vsprintf(fmt, ap);
    va_end(ap);
    const char *file = g->prog_file ? g->prog_file : "?";
    diag_error(g->diag, file, n ? n->line : 0, n ? n->col : 0, "%s", msg);
}

// push_int appends to a growable int array.
static void push_int(int **v, int *n, int *cap, int x) {
    if (*n == *cap) {
        int c = *cap ? *cap * 2 : 8;
        int *nv = mem_alloc_atomic(c * sizeof *nv);
        if (*n) memcpy(nv, *v, *n * sizeof *nv);
        *v = nv;
        *cap = c;
    }
    (*v)[(*n)++] = x;
}

// ---- Variables ----

bool gen_var_in_cell(const Obj *o) {
    // Arrays and structs live in memory too: indexing with a variable, or
    // reaching into nested fields, needs an address. (Struct variables in
    // registers would be faster; that needs an analysis of the uses.)
    return o->captured || o->addressed ||
           (o->type && (o->type->kind == K_ARRAY || o->type->kind == K_STRUCT));
}

bool gen_var_in_register(Gen *g, const Obj *o) {
    return o->global <= 0 && !gen_var_in_cell(o) && o->gen == g->fn && o->reg >= 0;
}

void gen_declare_local(Gen *g, Obj *o) {
    if (!o || o->kind != OBJ_VAR || o->global > 0) return;
    FuncBuilder *fb = FB(g);
    if (gen_var_in_cell(o)) {
        o->reg = emit_reg(fb, 1);
        emit(fb, OP_NEW, o->reg, emit_const_ptr(fb, o->type), 0);
    } else {
        o->reg = emit_reg(fb, words_of(o->type) ? words_of(o->type) : 1);
    }
    o->gen = g->fn;   // the function that owns the variable
}

int gen_capture_index(Gen *g, Obj *o) {
    GenFunc *f = g->fn;
    for (int i = 0; i < f->ncapts; i++)
        if (f->capts[i] == o) return i;
    if (f->ncapts == f->capcapts) {
        int c = f->capcapts ? f->capcapts * 2 : 4;
        Obj **v = mem_alloc(c * sizeof *v);
        if (f->ncapts) memcpy(v, f->capts, f->ncapts * sizeof *v);
        f->capts = v;
        f->capcapts = c;
    }
    f->capts[f->ncapts] = o;
    return f->ncapts++;
}

// ---- Targets of break and continue ----

Target *gen_push_target(Gen *g, Obj *label, bool is_loop) {
    Target *t = mem_new(Target);
    t->outer = g->fn->targets;
    t->label = label;
    t->is_loop = is_loop;
    g->fn->targets = t;
    return t;
}

void gen_pop_target(Gen *g, Target *t, int cont_pc, int break_pc) {
    for (int i = 0; i < t->nbreaks; i++) emit_patch_to(FB(g), t->breaks[i], break_pc);
    for (int i = 0; i < t->nconts; i++) emit_patch_to(FB(g), t->conts[i], cont_pc);
    g->fn->targets = t->outer;
}

static Label *find_label(Gen *g, Obj *o) {
    GenFunc *f = g->fn;
    for (int i = 0; i < f->nlabels; i++)
        if (f->labels[i].obj == o) return &f->labels[i];
    if (f->nlabels == f->caplabels) {
        int c = f->caplabels ? f->caplabels * 2 : 4;
        Label *v = mem_alloc(c * sizeof *v);
        if (f->nlabels) memcpy(v, f->labels, f->nlabels * sizeof *v);
        f->labels = v;
        f->caplabels = c;
    }
    Label *l = &f->labels[f->nlabels++];
    memset(l, 0, sizeof *l);
    l->obj = o;
    l->pc = -1;
    return l;
}

// The label of the statement being generated, for a labeled loop. (The
// generator runs on one thread: a compile holds the compiler's lock.)
static Obj *pending_label;

Obj *gen_take_label(void) {
    Obj *l = pending_label;
    pending_label = NULL;
    return l;
}

// ---- Statements ----

static void gen_assign(Gen *g, Node *s);
static void gen_return(Gen *g, Node *s);

static void gen_var_spec(Gen *g, Node *spec) {
    FuncBuilder *fb = FB(g);
    int n = spec->list.n;
    for (int i = 0; i < n; i++) gen_declare_local(g, spec->list.v[i]->obj);
    if (spec->rlist.n == 0) {
        for (int i = 0; i < n; i++) {
            Obj *o = spec->list.v[i]->obj;
            if (o && gen_var_in_register(g, o)) gen_load_zero(g, o->type, o->reg);
        }
        return;
    }
    if (spec->rlist.n == n) {
        // Evaluate every value before assigning any (var a, b = b0, a0).
        int mark = emit_top(fb);
        int *tmp = mem_alloc_atomic(n * sizeof *tmp);
        for (int i = 0; i < n; i++) {
            Obj *o = spec->list.v[i]->obj;
            Type *t = o ? o->type : spec->rlist.v[i]->type;
            if (n == 1 && o && gen_var_in_register(g, o)) {
                gen_expr_as(g, spec->rlist.v[i], t, o->reg);
                tmp[i] = -1;
            } else {
                tmp[i] = emit_reg(fb, words_of(t));
                gen_expr_as(g, spec->rlist.v[i], t, tmp[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            Obj *o = spec->list.v[i]->obj;
            if (tmp[i] < 0 || !o) continue;
            gen_assign_to(g, spec->list.v[i], tmp[i], o->type);
        }
        emit_free(fb, mark);
        return;
    }
    // var a, b = f()
    Node *call = spec->rlist.v[0];
    int mark = emit_top(fb);
    int base = gen_expr_reg(g, call);
    Type *tuple = call->type;
    int off = 0;
    for (int i = 0; i < n && tuple && i < tuple->nfields; i++) {
        Type *t = tuple->fields[i].type;
        Obj *o = spec->list.v[i]->obj;
        if (o) gen_assign_to(g, spec->list.v[i], base + off, o->type);
        off += words_of(t);
    }
    emit_free(fb, mark);
}

// gen_var_init_one initialises one variable of a package-level spec
// `var a, b = x, y` (the checker orders such names one by one when their
// initialisers depend on other declarations in between).
static void gen_var_init_one(Gen *g, Node *name) {
    Obj *o = name->obj;
    Node *spec = o ? o->decl : NULL;
    if (!spec || spec->kind != N_VARSPEC || spec->rlist.n != spec->list.n) return;
    for (int i = 0; i < spec->list.n; i++) {
        if (spec->list.v[i]->obj != o) continue;
        int r = emit_reg(FB(g), words_of(o->type) ? words_of(o->type) : 1);
        gen_expr_as(g, spec->rlist.v[i], o->type, r);
        gen_store_var(g, o, r);
    }
}

static void gen_decl_stmt(Gen *g, Node *decl) {
    if (decl->op != T_VAR) return;   // const and type declarations make no code
    for (int i = 0; i < decl->list.n; i++) gen_var_spec(g, decl->list.v[i]);
}

static void gen_if(Gen *g, Node *s) {
    FuncBuilder *fb = FB(g);
    int mark = emit_top(fb);
    if (s->x) gen_stmt(g, s->x);
    int *fj = NULL, nf = 0, cf = 0;
    gen_cond_jump(g, s->y, false, &fj, &nf, &cf);
    gen_block(g, s->body);
    if (s->z) {
        int end = emit_jump(fb, OP_JMP, 0, 0);
        for (int i = 0; i < nf; i++) emit_patch(fb, fj[i]);
        if (s->z->kind == N_IF) gen_if(g, s->z);
        else gen_block(g, s->z);
        emit_patch(fb, end);
    } else {
        for (int i = 0; i < nf; i++) emit_patch(fb, fj[i]);
    }
    emit_free(fb, mark);
}

// fresh_cells gives the cell variables declared by a for statement's init
// new cells holding their current values (Go 1.22 per-iteration variables).
static void fresh_cells(Gen *g, Node *init) {
    if (!init || init->kind != N_ASSIGN || init->op != T_DEFINE) return;
    FuncBuilder *fb = FB(g);
    for (int i = 0; i < init->list.n; i++) {
        Obj *o = init->list.v[i]->obj;
        if (!o || o->kind != OBJ_VAR || !gen_var_in_cell(o)) continue;
        int mark = emit_top(fb);
        int cell = emit_reg(fb, 1), val = emit_reg(fb, words_of(o->type));
        emit(fb, OP_NEW, cell, emit_const_ptr(fb, o->type), 0);
        gen_load_ptr(g, val, o->reg, 0, o->type);
        gen_store_ptr(g, cell, 0, o->type, val);
        emit(fb, OP_MOVE, o->reg, cell, 0);
        emit_free(fb, mark);
    }
}

static void gen_for(Gen *g, Node *s) {
    FuncBuilder *fb = FB(g);
    int mark = emit_top(fb);
    Obj *label = pending_label;
    pending_label = NULL;
    if (s->x) gen_stmt(g, s->x);
    int top = emit_here(fb);
    int *fj = NULL, nf = 0, cf = 0;
    if (s->y) gen_cond_jump(g, s->y, false, &fj, &nf, &cf);
    Target *t = gen_push_target(g, label, true);
    gen_block(g, s->body);
    int cont = emit_here(fb);
    fresh_cells(g, s->x);
    if (s->z) gen_stmt(g, s->z);
    emit_jump_back(fb, OP_JMP, 0, 0, top);
    int end = emit_here(fb);
    for (int i = 0; i < nf; i++) emit_patch_to(fb, fj[i], end);
    gen_pop_target(g, t, cont, end);
    emit_free(fb, mark);
}


// Clauses says how gen_clauses tests one case expression and what a clause
// binds, for expression switches and type switches alike.
typedef struct Clauses {
    void (*test)(Gen *g, struct Clauses *cs, Node *e, int **jumps, int *nj, int *cj);
    void (*bind)(Gen *g, struct Clauses *cs, Node *clause);   // NULL: binds nothing
    int tag;            // expression switch: the tag's registers, or -1
    Type *tag_type;
    int iv;             // type switch: the operand (an interface)
    Type *it;
} Clauses;

// gen_clauses generates the case clauses of switch s: every test first, in
// order, each jumping to its clause's body when it matches; then the bodies,
// with fallthrough into the next one and default taken when none matched.
static void gen_clauses(Gen *g, Node *s, Obj *label, Clauses *cs) {
    FuncBuilder *fb = FB(g);
    Target *t = gen_push_target(g, label, false);
    int nc = s->list.n;
    int **case_jumps = mem_alloc((nc + 1) * sizeof *case_jumps);
    int *case_njumps = mem_alloc_atomic((nc + 1) * sizeof *case_njumps);
    int deflt = -1;
    for (int i = 0; i < nc; i++) {
        Node *c = s->list.v[i];
        int *jumps = NULL, nj = 0, cj = 0;
        if (c->flags & NF_DEFAULT || c->list.n == 0) deflt = i;
        for (int k = 0; k < c->list.n; k++) cs->test(g, cs, c->list.v[k], &jumps, &nj, &cj);
        case_jumps[i] = jumps;
        case_njumps[i] = nj;
    }
    int to_default = emit_jump(fb, OP_JMP, 0, 0);
    int *ends = NULL, ne = 0, ce = 0;
    int *fall = NULL, nfall = 0, cfall = 0;
    for (int i = 0; i < nc; i++) {
        Node *c = s->list.v[i];
        for (int k = 0; k < nfall; k++) emit_patch(fb, fall[k]);
        nfall = 0;
        for (int k = 0; k < case_njumps[i]; k++) emit_patch(fb, case_jumps[i][k]);
        if (i == deflt) {
            emit_patch(fb, to_default);
            to_default = -1;
        }
        int mark = emit_top(fb);
        if (cs->bind) cs->bind(g, cs, c);
        g->fn->fallthrough_pending = false;
        gen_block(g, c->body);
        emit_free(fb, mark);
        if (g->fn->fallthrough_pending) {
            push_int(&fall, &nfall, &cfall, g->fn->fallthrough_jump);
            g->fn->fallthrough_pending = false;
        } else {
            push_int(&ends, &ne, &ce, emit_jump(fb, OP_JMP, 0, 0));
        }
    }
    int end = emit_here(fb);
    if (to_default >= 0) emit_patch_to(fb, to_default, end);
    for (int k = 0; k < ne; k++) emit_patch_to(fb, ends[k], end);
    gen_pop_target(g, t, end, end);
}

// expr_case_test: tag == e, or e itself without a tag.
static void expr_case_test(Gen *g, Clauses *cs, Node *e, int **jumps, int *nj, int *cj) {
    FuncBuilder *fb = FB(g);
    if (cs->tag < 0) {
        gen_cond_jump(g, e, true, jumps, nj, cj);
        return;
    }
    int mark = emit_top(fb);
    int r = emit_reg(fb, words_of(cs->tag_type));
    gen_expr_as(g, e, cs->tag_type, r);
    int b = emit_reg(fb, 1);
    gen_compare_regs(g, T_EQL, cs->tag_type, b, cs->tag, r);
    push_int(jumps, nj, cj, emit_jump(fb, OP_JT, b, 0));
    emit_free(fb, mark);
}

static void gen_switch(Gen *g, Node *s) {
    FuncBuilder *fb = FB(g);
    int mark = emit_top(fb);
    Obj *label = gen_take_label();
    if (s->x) gen_stmt(g, s->x);
    Clauses cs = { .test = expr_case_test, .tag = -1 };
    if (s->y) {
        cs.tag_type = s->y->type;
        cs.tag = emit_reg(fb, words_of(cs.tag_type));
        gen_expr_to(g, s->y, cs.tag);
    }
    gen_clauses(g, s, label, &cs);
    emit_free(fb, mark);
}

// case_is_nil reports whether a type switch case expression is `nil`.
static bool case_is_nil(const Node *e) {
    while (e->kind == N_PAREN) e = e->x;
    return e->kind == N_NAME && e->obj && ((Obj *)e->obj)->kind == OBJ_NIL;
}

// type_case_test: the operand's dynamic type is e's type (or nil, or
// implements e when e is an interface).
static void type_case_test(Gen *g, Clauses *cs, Node *e, int **jumps, int *nj, int *cj) {
    FuncBuilder *fb = FB(g);
    int mark = emit_top(fb);
    int b = emit_reg(fb, 1);
    if (case_is_nil(e)) {
        int z = emit_reg(fb, 1);
        emit_load_int(fb, z, 0);
        emit(fb, OP_EQI, b, cs->iv, z);
    } else if (e->type && e->type->kind == K_INTERFACE) {
        gen_iface_implements(g, e->type, cs->it, cs->iv, b);
    } else {
        int tr = emit_reg(fb, 1);
        emit(fb, OP_LOADK, tr, emit_const_ptr(fb, e->type), 0);
        emit(fb, OP_EQI, b, cs->iv, tr);
    }
    push_int(jumps, nj, cj, emit_jump(fb, OP_JT, b, 0));
    emit_free(fb, mark);
}

// type_case_bind gives the clause's variable the operand as the case's type,
// or the interface itself when the case lists several types or nil.
static void type_case_bind(Gen *g, Clauses *cs, Node *clause) {
    FuncBuilder *fb = FB(g);
    Obj *sym = clause->obj;
    if (!sym || sym->kind != OBJ_VAR) return;
    gen_declare_local(g, sym);
    int r = emit_reg(fb, words_of(sym->type) ? words_of(sym->type) : 1);
    if (sym->type == cs->it) gen_move(g, r, cs->iv, 2);
    else if (sym->type->kind == K_INTERFACE) gen_iface_convert(g, sym->type, cs->it, cs->iv, r);
    else gen_iface_value(g, sym->type, cs->it, cs->iv, r);
    gen_store_var(g, sym, r);
}

static void gen_type_switch(Gen *g, Node *s) {
    FuncBuilder *fb = FB(g);
    int mark = emit_top(fb);
    Obj *label = gen_take_label();
    if (s->x) gen_stmt(g, s->x);
    Clauses cs = { .test = type_case_test, .bind = type_case_bind, .it = s->y->type };
    cs.iv = emit_reg(fb, 2);
    gen_expr_to(g, s->y, cs.iv);
    gen_clauses(g, s, label, &cs);
    emit_free(fb, mark);
}

static void gen_branch(Gen *g, Node *s) {
    FuncBuilder *fb = FB(g);
    if (s->op == T_FALLTHROUGH) {
        g->fn->fallthrough_pending = true;
        g->fn->fallthrough_jump = emit_jump(fb, OP_JMP, 0, 0);
        return;
    }
    if (s->op == T_GOTO) {
        Label *l = find_label(g, s->name->obj);
        if (l->pc >= 0) emit_jump_back(fb, OP_JMP, 0, 0, l->pc);
        else push_int(&l->gotos, &l->ngotos, &l->capgotos, emit_jump(fb, OP_JMP, 0, 0));
        return;
    }
    Obj *label = s->name ? s->name->obj : NULL;
    for (Target *t = g->fn->targets; t; t = t->outer) {
        if (label && t->label != label) continue;
        if (s->op == T_CONTINUE) {
            if (!t->is_loop) continue;
            push_int(&t->conts, &t->nconts, &t->capconts, emit_jump(fb, OP_JMP, 0, 0));
        } else {
            push_int(&t->breaks, &t->nbreaks, &t->capbreaks, emit_jump(fb, OP_JMP, 0, 0));
        }
        return;
    }
    gen_error(g, s, "goli: internal error: no target for %s", tok_spelling(s->op));
}

static void gen_labeled(Gen *g, Node *s) {
    Label *l = find_label(g, s->name->obj);
    l->pc = emit_here(FB(g));
    for (int i = 0; i < l->ngotos; i++) emit_patch(FB(g), l->gotos[i]);
    l->ngotos = 0;
    if (s->x && (s->x->kind == N_FOR || s->x->kind == N_RANGE || s->x->kind == N_SWITCH ||
                 s->x->kind == N_TYPESWITCH || s->x->kind == N_SELECT))
        pending_label = s->name->obj;
    if (s->x) gen_stmt(g, s->x);
}

static void gen_incdec(Gen *g, Node *s) {
    FuncBuilder *fb = FB(g);
    Type *t = s->x->type;
    // An integer variable in a register: one instruction (and a narrowing
    // for the small types).
    Node *x = s->x;
    while (x->kind == N_PAREN) x = x->x;
    if (x->kind == N_NAME && x->obj && type_is_integer(t) && ((Obj *)x->obj)->kind == OBJ_VAR &&
        gen_var_in_register(g, x->obj)) {
        int r = ((Obj *)x->obj)->reg;
        emit(fb, s->op == T_INC ? OP_ADDIK : OP_SUBIK, r, r, 1);
        gen_wrap(g, t, r);
        return;
    }
    int one = emit_reg(fb, words_of(t));
    if (type_is_float(t)) {
        double d = 1.0;
        Word w;
        if (t->kind == K_FLOAT32) {
            float f = 1.0f;
            w = 0;
            memcpy(&w, &f, sizeof f);
        } else {
            memcpy(&w, &d, sizeof d);
        }
        emit(fb, OP_LOADK, one, emit_const(fb, w), 0);
    } else {
        emit_load_int(fb, one, 1);
    }
    gen_op_assign(g, s->x, s->op == T_INC ? T_ADD : T_SUB, one, t);
}

void gen_stmt(Gen *g, Node *s) {
    if (!s) return;
    FuncBuilder *fb = FB(g);
    fb->line = s->line;
    int mark = emit_top(fb);
    bool keeps = false;   // declares variables that outlive the statement
    switch (s->kind) {
    case N_EMPTY: break;
    case N_BLOCK: gen_block(g, s); break;
    case N_EXPRSTMT: {
        int r = emit_reg(fb, s->x->type ? words_of(s->x->type) : 0);
        if (s->x->kind == N_CALL) gen_call(g, s->x, r);
        else gen_expr_to(g, s->x, r);
        break;
    }
    case N_ASSIGN:
        keeps = s->op == T_DEFINE;
        gen_assign(g, s);
        break;
    case N_INCDEC: gen_incdec(g, s); break;
    case N_DECLSTMT:
        keeps = true;
        gen_decl_stmt(g, s->x);
        break;
    case N_IF: gen_if(g, s); break;
    case N_FOR: gen_for(g, s); break;
    case N_RANGE: gen_range(g, s); break;
    case N_SWITCH: gen_switch(g, s); break;
    case N_TYPESWITCH: gen_type_switch(g, s); break;
    case N_RETURN: gen_return(g, s); break;
    case N_BRANCH: gen_branch(g, s); break;
    case N_LABELED: gen_labeled(g, s); break;
    case N_DEFER: gen_defer(g, s, OP_DEFER); break;
    case N_GO: gen_defer(g, s, OP_GO); break;
    case N_SEND: gen_send(g, s); break;
    case N_SELECT: gen_select(g, s); break;
    default:
        gen_error(g, s, "goli: %s statements are not supported yet", ast_kind_name(s->kind));
        break;
    }
    if (!keeps) emit_free(fb, mark);
}

void gen_block(Gen *g, Node *block) {
    if (!block) return;
    int mark = emit_top(FB(g));
    for (int i = 0; i < block->list.n; i++) gen_stmt(g, block->list.v[i]);
    emit_free(FB(g), mark);
}

// ---- Assignment ----

// has_effects reports whether evaluating expression n may have side
// effects (a call or a receive), so that its order matters.
static bool has_effects(const Node *n) {
    if (!n) return false;
    if (n->kind == N_CALL && !n->conv) return true;
    if (n->kind == N_UNARY && n->op == T_ARROW) return true;
    if (n->kind == N_FUNCLIT) return false;
    if (has_effects(n->x) || has_effects(n->y) || has_effects(n->z)) return true;
    for (int i = 0; i < n->list.n; i++)
        if (has_effects(n->list.v[i])) return true;
    return false;
}

// lhs_addr_first: an assignment to l must evaluate l's operands before
// the right side (the spec's left-to-right order), which matters when
// they have effects.
static bool lhs_addr_first(Node *l) {
    while (l->kind == N_PAREN) l = l->x;
    bool addressed = (l->kind == N_INDEX && l->x->type->kind != K_MAP) || l->kind == N_STAR ||
                     (l->kind == N_SELECTOR && l->x->type && l->x->type->kind == K_POINTER);
    return addressed && has_effects(l);
}

static void gen_assign(Gen *g, Node *s) {
    FuncBuilder *fb = FB(g);
    if (s->op != T_ASSIGN && s->op != T_DEFINE) {
        // x op= y
        Node *x = s->list.v[0], *y = s->rlist.v[0];
        int mark = emit_top(fb);
        int r = gen_expr_reg(g, y);
        gen_op_assign(g, x, assign_op_token(s->op), r, x->type);
        emit_free(fb, mark);
        return;
    }
    int n = s->list.n;
    if (s->op == T_DEFINE) {
        // New variables get their registers before the values are computed.
        for (int i = 0; i < n; i++) {
            Node *l = s->list.v[i];
            Obj *o = l->obj;
            if (o && o->kind == OBJ_VAR && o->reg < 0 && strcmp(o->name, "_") != 0 &&
                o->decl == s)
                gen_declare_local(g, o);
        }
    }
    int mark = emit_top(fb);
    if (s->rlist.n == n) {
        if (n == 1) {
            Node *l = s->list.v[0];
            Obj *o = l->kind == N_NAME ? l->obj : NULL;
            if (o && o->kind == OBJ_VAR && gen_var_in_register(g, o)) {
                gen_expr_as(g, s->rlist.v[0], o->type, o->reg);
            } else if (ast_name_is(l, "_")) {
                int r = emit_reg(fb, words_of(s->rlist.v[0]->type));
                gen_expr_to(g, s->rlist.v[0], r);
            } else if (lhs_addr_first(l)) {
                // The left side's operands run first: arr[<-ch] = <-ch.
                Type *t = l->type;
                int p = gen_addr(g, l);
                int r = emit_reg(fb, words_of(t));
                gen_expr_as(g, s->rlist.v[0], t, r);
                gen_store_ptr(g, p, 0, t, r);
            } else {
                Type *t = l->type;
                int r = emit_reg(fb, words_of(t));
                gen_expr_as(g, s->rlist.v[0], t, r);
                gen_assign_to(g, l, r, t);
            }
            emit_free(fb, mark);
            return;
        }
        // a, b = b, a: the operands of index expressions and indirections
        // on the left, then the right-hand sides, then the assignments.
        int *tmp = mem_alloc_atomic(n * sizeof *tmp);
        int *addr = mem_alloc_atomic(n * sizeof *addr);
        for (int i = 0; i < n; i++) {
            Node *l = s->list.v[i];
            while (l->kind == N_PAREN) l = l->x;
            addr[i] = -1;
            if ((l->kind == N_INDEX && l->x->type->kind != K_MAP) || l->kind == N_STAR ||
                (l->kind == N_SELECTOR && l->x->type && l->x->type->kind == K_POINTER))
                addr[i] = gen_addr(g, l);
        }
        for (int i = 0; i < n; i++) {
            Node *l = s->list.v[i];
            Type *t = ast_name_is(l, "_") ? s->rlist.v[i]->type : l->type;
            tmp[i] = emit_reg(fb, words_of(t));
            gen_expr_as(g, s->rlist.v[i], t, tmp[i]);
        }
        for (int i = 0; i < n; i++) {
            Node *l = s->list.v[i];
            if (ast_name_is(l, "_")) continue;
            if (addr[i] >= 0) gen_store_ptr(g, addr[i], 0, l->type, tmp[i]);
            else gen_assign_to(g, l, tmp[i], l->type);
        }
        emit_free(fb, mark);
        return;
    }
    // a, b = f() and the comma-ok forms
    Node *rhs = s->rlist.v[0];
    int base = emit_reg(fb, words_of(rhs->type));
    gen_multi(g, rhs, base, n);
    Type *tuple = rhs->type;
    int off = 0;
    for (int i = 0; i < n; i++) {
        Type *t = tuple && tuple->kind == K_TUPLE ? tuple->fields[i].type : rhs->type;
        Node *l = s->list.v[i];
        if (!ast_name_is(l, "_")) {
            int r = base + off;
            if (l->type && l->type != t) {
                r = emit_reg(fb, words_of(l->type));
                gen_convert_reg(g, t, l->type, base + off, r);
            }
            gen_assign_to(g, l, r, l->type ? l->type : t);
        }
        off += words_of(t);
    }
    emit_free(fb, mark);
}

// ---- Return ----

static void gen_return(Gen *g, Node *s) {
    FuncBuilder *fb = FB(g);
    GenFunc *f = g->fn;
    Type *sig = f->sig;
    int nres = sig ? sig->nresults : 0;
    if (f->has_defer) {
        // Store into the result variables, then run the defer epilogue.
        if (s->list.n == nres && nres > 0) {
            int mark = emit_top(fb);
            int *tmp = mem_alloc_atomic(nres * sizeof *tmp);
            for (int i = 0; i < nres; i++) {
                tmp[i] = emit_reg(fb, words_of(sig->results[i]));
                gen_expr_as(g, s->list.v[i], sig->results[i], tmp[i]);
            }
            for (int i = 0; i < nres; i++) gen_store_var(g, f->results[i], tmp[i]);
            emit_free(fb, mark);
        } else if (s->list.n == 1 && nres > 1) {
            int mark = emit_top(fb);
            int base = emit_reg(fb, words_of(s->list.v[0]->type));
            gen_call(g, s->list.v[0], base);
            int off = 0;
            for (int i = 0; i < nres; i++) {
                gen_store_var(g, f->results[i], base + off);
                off += words_of(sig->results[i]);
            }
            emit_free(fb, mark);
        }
        push_int(&f->returns, &f->nreturns, &f->capreturns, emit_jump(fb, OP_JMP, 0, 0));
        return;
    }
    if (nres == 0) {
        emit(fb, OP_RET0, 0, 0, 0);
        return;
    }
    int total = 0;
    for (int i = 0; i < nres; i++) total += words_of(sig->results[i]);
    int mark = emit_top(fb);
    if (s->list.n == 0) {   // bare return of named results
        int base = emit_reg(fb, total), off = 0;
        for (int i = 0; i < nres; i++) {
            gen_load_var(g, f->results[i], base + off);
            off += words_of(sig->results[i]);
        }
        emit(fb, OP_RET, base, total, 0);
    } else if (s->list.n == 1 && nres > 1) {   // return f()
        int base = emit_reg(fb, total);
        gen_call(g, s->list.v[0], base);
        emit(fb, OP_RET, base, total, 0);
    } else if (nres == 1) {
        Node *e = s->list.v[0];
        Type *t = sig->results[0];
        int r;
        if (e->type == t && e->mode == MODE_VAR && e->kind == N_NAME) r = gen_expr_reg(g, e);
        else {
            r = emit_reg(fb, total);
            gen_expr_as(g, e, t, r);
        }
        emit(fb, OP_RET, r, total, 0);
    } else {
        int base = emit_reg(fb, total), off = 0;
        for (int i = 0; i < nres; i++) {
            gen_expr_as(g, s->list.v[i], sig->results[i], base + off);
            off += words_of(sig->results[i]);
        }
        emit(fb, OP_RET, base, total, 0);
    }
    emit_free(fb, mark);
}

// ---- Functions ----

static bool has_defer(Node *n);

static bool list_has_defer(NodeList *l) {
    for (int i = 0; i < l->n; i++)
        if (has_defer(l->v[i])) return true;
    return false;
}

// has_defer reports whether a function body contains a defer statement
// (not counting nested function literals).
static bool has_defer(Node *n) {
    if (!n) return false;
    switch (n->kind) {
    case N_DEFER: return true;
    case N_FUNCLIT: return false;
    case N_BLOCK: return list_has_defer(&n->list);
    case N_IF: return has_defer(n->body) || has_defer(n->z);
    case N_FOR: case N_RANGE: return has_defer(n->body);
    case N_SWITCH: case N_TYPESWITCH: case N_SELECT: return list_has_defer(&n->list);
    case N_CASE: case N_COMM: return has_defer(n->body);
    case N_LABELED: return has_defer(n->x);
    default: return false;
    }
}

// gen_body generates a function (declaration or literal) into fb: the
// prologue moving cell parameters to the heap, the body and the epilogue.
static void gen_body(Gen *g, GenFunc *f, Node *ftype, Node *recv, Node *body) {
    FuncBuilder *fb = f->fb;
    Type *sig = f->sig;
    // Parameters occupy R[0..]: receiver first.
    int reg = 0;
    NodeList params = ftype ? ftype->list : (NodeList){ 0 };
    Obj **pobjs = NULL;
    int np = 0;
    int cap = 8;
    pobjs = mem_alloc(cap * sizeof *pobjs);
    if (recv) {
        for (int k = 0; k < recv->list.n; k++) pobjs[np++] = recv->list.v[k]->obj;
        if (recv->list.n == 0) pobjs[np++] = NULL;
    }
    for (int i = 0; i < params.n; i++) {
        Node *fld = params.v[i];
        int names = fld->list.n ? fld->list.n : 1;
        for (int k = 0; k < names; k++) {
            if (np == cap) {
                Obj **v = mem_alloc(cap * 2 * sizeof *v);
                memcpy(v, pobjs, np * sizeof *v);
                pobjs = v;
                cap *= 2;
            }
            pobjs[np++] = fld->list.n ? fld->list.v[k]->obj : NULL;
        }
    }
    int *pwords = mem_alloc_atomic((np + 1) * sizeof(int));
    for (int i = 0; i < np; i++) {
        Type *t = NULL;
        if (pobjs[i]) t = pobjs[i]->type;
        else if (recv && i == 0) t = recv->x ? recv->x->type : NULL;
        else {
            int pi = recv ? i - 1 : i;
            t = pi < sig->nfields ? sig->fields[pi].type : NULL;
        }
        pwords[i] = t ? words_of(t) : 0;
        if (pobjs[i]) pobjs[i]->reg = reg;
        reg += pwords[i];
    }
    fb->fn->nparam = (uint32_t)reg;
    int res_words = 0;
    for (int i = 0; i < sig->nresults; i++) res_words += words_of(sig->results[i]);
    fb->fn->nresult = (uint32_t)res_words;
    emit_reg(fb, reg > res_words ? reg : res_words);
    // Cell parameters: copy the value into a new cell.
    for (int i = 0; i < np; i++) {
        Obj *o = pobjs[i];
        if (!o) continue;
        o->gen = f;
        if (!gen_var_in_cell(o)) continue;
        int val = o->reg;
        int cell = emit_reg(fb, 1);
        emit(fb, OP_NEW, cell, emit_const_ptr(fb, o->type), 0);
        gen_store_ptr(g, cell, 0, o->type, val);
        o->reg = cell;
    }
    // Result variables: named ones, or hidden ones when defers may run.
    f->nresults = sig->nresults;
    f->results = mem_alloc((sig->nresults + 1) * sizeof(Obj *));
    NodeList rl = ftype ? ftype->rlist : (NodeList){ 0 };
    int ri = 0;
    for (int i = 0; i < rl.n; i++) {
        Node *fld = rl.v[i];
        int names = fld->list.n ? fld->list.n : 1;
        for (int k = 0; k < names && ri < sig->nresults; k++, ri++) {
            Obj *o = fld->list.n ? fld->list.v[k]->obj : NULL;
            if (!o && f->has_defer) o = obj_new(OBJ_VAR, "~r", sig->results[ri]);
            if (o) {
                o->type = sig->results[ri];
                gen_declare_local(g, o);
                if (!gen_var_in_cell(o)) gen_load_zero(g, o->type, o->reg);
            }
            f->results[ri] = o;
        }
    }
    gen_block(g, body);
    if (f->has_defer) {
        int epi = emit_here(fb);
        for (int i = 0; i < f->nreturns; i++) emit_patch_to(fb, f->returns[i], epi);
        fb->fn->defer_pc = emit_here(fb);
        emit(fb, OP_RUNDEFER, 0xFFF8, 0, 0);   // patched below: above every register
        int rd = fb->fn->defer_pc;
        if (sig->nresults == 0) {
            emit(fb, OP_RET0, 0, 0, 0);
        } else {
            int base = emit_reg(fb, res_words), off = 0;
            for (int i = 0; i < sig->nresults; i++) {
                gen_load_var(g, f->results[i], base + off);
                off += words_of(sig->results[i]);
            }
            emit(fb, OP_RET, base, res_words, 0);
        }
        fb->code[rd].a = (uint16_t)fb->max;
    } else if (sig->nresults == 0) {
        emit(fb, OP_RET0, 0, 0, 0);
    } else {
        // Falling off the end cannot happen in a checked function with
        // results ("missing return"); a panic guards the impossible.
        emit(fb, OP_RET0, 0, 0, 0);
    }
}

static const char *func_name(Gen *g, Node *decl) {
    const char *pkg = g->pkg->path;
    const char *name = mem_strndup(decl->name->text, decl->name->len);
    if (!decl->x) return mem_sprintf("%s.%s", pkg, name);
    // Method: main.T.M or main.(*T).M
    Node *rt = decl->x->x;
    bool ptr = rt && rt->kind == N_STAR;
    if (ptr) rt = rt->x;
    while (rt && rt->kind == N_INDEX) rt = rt->x;
    const char *tname = rt && rt->kind == N_NAME ? mem_strndup(rt->text, rt->len) : "?";
    return ptr ? mem_sprintf("%s.(*%s).%s", pkg, tname, name) : mem_sprintf("%s.%s.%s", pkg, tname, name);
}

Func *gen_func_of(Gen *g, Obj *fn) {
    if (fn->gen) return fn->gen;
    Func *f = mem_new(Func);
    f->name = fn->decl ? func_name(g, fn->decl) : fn->name;
    f->file = g->prog_file;
    f->line = fn->line;
    f->defer_pc = -1;
    fn->gen = f;
    return f;
}

static void gen_funcdecl(Gen *g, Node *decl) {
    Obj *o = decl->name->obj;
    if (!o) return;
    Func *fn = gen_func_of(g, o);
    if (!decl->body) return;   // a native, bound in gen_program
    GenFunc *f = mem_new(GenFunc);
    f->decl = decl;
    f->sig = o->type;
    f->fb = emit_begin_func(fn);
    f->has_defer = has_defer(decl->body);
    GenFunc *saved = g->fn;
    g->fn = f;
    g->lit_count = 0;
    g->lit_prefix = fn->name;
    gen_body(g, f, decl->y, decl->x, decl->body);
    emit_end(f->fb);
    g->fn = saved;
}

Func *gen_funclit(Gen *g, Node *lit, int dst) {
    GenFunc *f = mem_new(GenFunc);
    f->outer = g->fn;
    f->decl = lit;
    f->sig = lit->type;
    const char *name = mem_sprintf("%s.func%d", g->lit_prefix, ++g->lit_count);
    f->fb = emit_begin(name, g->prog_file, lit->line);
    f->has_defer = has_defer(lit->body);
    GenFunc *saved = g->fn;
    const char *saved_prefix = g->lit_prefix;
    int saved_count = g->lit_count;
    g->fn = f;
    g->lit_prefix = name;
    g->lit_count = 0;
    gen_body(g, f, lit->x, NULL, lit->body);
    Func *fn = emit_end(f->fb);
    g->fn = saved;
    g->lit_prefix = saved_prefix;
    g->lit_count = saved_count;
    // The closure: capture cells of the variables the literal uses.
    FuncBuilder *fb = FB(g);
    int base = emit_reg(fb, 1 + f->ncapts);
    for (int i = 0; i < f->ncapts; i++) gen_capture_cell(g, f->capts[i], base + 1 + i);
    emit(fb, OP_CLOSURE, base, emit_const_ptr(fb, fn), f->ncapts);
    if (dst != base) emit(fb, OP_MOVE, dst, base, 0);
    return fn;
}

// ---- The program ----

// gen_order_packages lists pkg's imports depth first, then pkg
// (initialisation order: a package after everything it imports).
void gen_order_packages(Package *pkg, Package ***v, int *n, int *cap) {
    for (int i = 0; i < *n; i++)
        if ((*v)[i] == pkg) return;
    for (int i = 0; i < pkg->nimports; i++) gen_order_packages(pkg->imports[i], v, n, cap);
    for (int i = 0; i < *n; i++)
        if ((*v)[i] == pkg) return;
    if (*n == *cap) {
        int c = *cap ? *cap * 2 : 8;
        Package **nv = mem_alloc(c * sizeof *nv);
        if (*n) memcpy(nv, *v, *n * sizeof *nv);
        *v = nv;
        *cap = c;
    }
    (*v)[(*n)++] = pkg;
}

void gen_alloc_globals(Package *pkg) {
    Scope *s = pkg->scope;
    for (int i = 0; s && i < s->cap; i++) {
        Obj *o = s->objs[i];
        if (!o || o->kind != OBJ_VAR || o->global > 0) continue;
        size_t n = o->type && o->type->size ? o->type->size : 1;
        void *cell = mem_alloc(n);
        o->global = (int64_t)(uintptr_t)cell;
    }
}

// attach_methods points each declared method of a named type at its Func.
static void attach_method(Gen *g, Obj *o) {
    Node *decl = o->decl;
    if (!decl || decl->kind != N_FUNCDECL || !decl->x) return;
    Node *rt = decl->x->x;
    if (rt && rt->kind == N_STAR) rt = rt->x;
    Type *named = rt ? rt->type : NULL;
    if (!named) return;
    for (int i = 0; i < named->nmethods; i++)
        if (named->methods[i].obj == o) named->methods[i].fn = gen_func_of(g, o);
}

void gen_declare_funcs(Gen *g, Package *pkg, int from) {
    g->pkg = pkg;
    for (int f = from; f < pkg->nfiles; f++) {
        g->prog_file = pkg->paths ? pkg->paths[f] : "?";
        Node *file = pkg->files[f];
        for (int d = 0; d < file->list.n; d++) {
            Node *decl = file->list.v[d];
            if (decl->kind != N_FUNCDECL || !decl->name->obj) continue;
            Obj *o = decl->name->obj;
            gen_func_of(g, o)->file = g->prog_file;
            if (!decl->body) gen_native_func(g, o, decl);
            attach_method(g, o);
        }
    }
}

void gen_func_bodies(Gen *g, Package *pkg, int from) {
    g->pkg = pkg;
    for (int f = from; f < pkg->nfiles; f++) {
        g->prog_file = pkg->paths ? pkg->paths[f] : "?";
        Node *file = pkg->files[f];
        for (int d = 0; d < file->list.n; d++)
            if (file->list.v[d]->kind == N_FUNCDECL) gen_funcdecl(g, file->list.v[d]);
    }
}

void gen_package_init(Gen *g, Package *pkg, int from_init_func) {
    FuncBuilder *fb = FB(g);
    g->pkg = pkg;
    g->prog_file = pkg->paths && pkg->nfiles ? pkg->paths[0] : "?";
    for (int i = 0; i < pkg->ninits; i++) {
        Node *spec = pkg->inits[i];
        int mark = emit_top(fb);
        if (spec->kind == N_VARSPEC) gen_var_spec(g, spec);
        else if (spec->kind == N_NAME) gen_var_init_one(g, spec);
        emit_free(fb, mark);
    }
    for (int i = from_init_func; i < pkg->ninit_funcs; i++) {
        Func *fn = gen_func_of(g, pkg->init_funcs[i]);
        emit(fb, OP_CALL, emit_top(fb), emit_const_ptr(fb, fn), 0);
    }
    pkg->generated = true;
}

GenFunc *gen_begin_entry(Gen *g, const char *name) {
    GenFunc *entry = mem_new(GenFunc);
    entry->fb = emit_begin(name, "?", 0);
    entry->sig = type_func(0, NULL, 0, NULL, false);
    g->fn = entry;
    g->lit_prefix = "main.init";
    g->lit_count = 0;
    return entry;
}

Program *gen_program(Package *main_pkg, Diag *diag) {
    Gen gen = { 0 };
    Gen *g = &gen;
    g->diag = diag;
    Program *prog = mem_new(Program);
    g->prog = prog;
    prog->main = main_pkg;
    Package **pkgs = NULL;
    int npkgs = 0, cap = 0;
    gen_order_packages(main_pkg, &pkgs, &npkgs, &cap);
    for (int i = 0; i < npkgs; i++) gen_alloc_globals(pkgs[i]);
    // Every function's Func exists before any body refers to it.
    for (int p = 0; p < npkgs; p++) gen_declare_funcs(g, pkgs[p], 0);
    for (int p = 0; p < npkgs; p++) gen_func_bodies(g, pkgs[p], 0);
    // The entry: each package's variables and init functions, then main.
    GenFunc *entry = gen_begin_entry(g, "runtime.main");
    FuncBuilder *fb = entry->fb;
    for (int p = 0; p < npkgs; p++) gen_package_init(g, pkgs[p], 0);
    Obj *main_obj = scope_lookup_here(main_pkg->scope, "main");
    if (main_obj && main_obj->kind == OBJ_FUNC) {
        prog->main_fn = gen_func_of(g, main_obj);
        emit(fb, OP_CALL, emit_top(fb), emit_const_ptr(fb, prog->main_fn), 0);
    }
    emit(fb, OP_RET0, 0, 0, 0);
    prog->entry = emit_end(fb);
    return diag_count(diag) ? NULL : prog;
}
