// compiler/check.c: the type checker's package level: files and imports,
// collecting package-level objects, resolving them lazily in any order with
// cycle detection (types2's objDecl), const/var/type/func declarations,
// methods, initialization order and the errors that close a package
// (unused imports). The contract is compiler/check.h; the checker's model
// is in compiler/check_impl.h.
#include "compiler/check_impl.h"

#include <stdio.h>
#include <stdlib.h>

// ---- Errors ----

void check_verrorf(Checker *c, int line, int col, const char *fmt, va_list ap) {
    char *msg = mem_vsprintf(fmt, ap);
    // types2 drops follow-on errors about operands already found invalid.
    if (strstr(msg, "invalid operand") || strstr(msg, "invalid type")) return;
    if (c->err_line) {
        line = c->err_line;
        col = c->err_col;
    }
    diag_error(c->diag, c->path ? c->path : "?", line, col, "%s", msg);
    c->nerrors++;
}

void check_errorf(Checker *c, int line, int col, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    check_verrorf(c, line, col, fmt, ap);
    va_end(ap);
}

// start_pos is where gc reports an error "at" a node: its syntax.StartPos,
// which descends to the leftmost operand but stops at slice expressions
// and key:value pairs (their own position is the `[` or the `:`).
static void start_pos(const Node *n, int *line, int *col) {
    for (int guard = 0; n && guard < 100000; guard++) {
        switch (n->kind) {
        case N_COMPOSITE:
            if (n->x) {
                n = n->x;
                continue;
            }
            break;
        case N_SELECTOR: case N_INDEX: case N_TYPEASSERT: case N_BINARY: case N_CALL:
            if (n->x) {
                n = n->x;
                continue;
            }
            break;
        case N_SLICE: case N_KEYVALUE:
            *line = n->opline;
            *col = n->opcol;
            return;
        default:
            break;
        }
        break;
    }
    *line = n ? n->line : 0;
    *col = n ? n->col : 0;
}

void check_error_at(Checker *c, const Node *n, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int line, col;
    start_pos(n, &line, &col);
    check_verrorf(c, line, col, fmt, ap);
    va_end(ap);
}

const char *check_file_path(const Node *f) {
    if (f && f->kind == N_FILE && f->text && f->len) return mem_strndup(f->text, f->len);
    return "?";
}

const char *check_pos(Checker *c, int line, int col) {
    return mem_sprintf("%s:%d:%d", c->path ? c->path : "?", line, col);
}

const char *check_obj_pos(Checker *c, const Obj *o) {
    const DeclInfo *d = o->check;
    const char *path = c->path;
    if (d && d->tag == INFO_DECL && o->pkg == c->pkg && d->file >= 0 && d->file < c->nfiles)
        path = c->files[d->file].path;
    return mem_sprintf("%s:%d:%d", path ? path : "?", o->line, o->col);
}

// ---- Objects and scopes ----

Obj *check_new_obj(Checker *c, ObjKind kind, Node *n, Type *t) {
    const char *name = n ? check_name(n) : "_";
    Obj *o = obj_new(kind, name, t);
    o->pkg = c->pkg;
    if (n) {
        o->line = n->line;
        o->col = n->col;
        n->obj = o;
    }
    return o;
}

bool check_declare(Checker *c, Scope *s, Obj *obj, Node *at) {
    if (strcmp(obj->name, "_") == 0) return true;
    Obj *alt = scope_insert(s, obj);
    if (!alt) return true;
    int line = at ? at->line : obj->line, col = at ? at->col : obj->col;
    if (alt->line)
        check_errorf(c, line, col, "%s redeclared in this block\n\t%s: other declaration of %s", obj->name,
                     check_obj_pos(c, alt), obj->name);
    else
        check_errorf(c, line, col, "%s redeclared in this block", obj->name);
    return false;
}

static DeclInfo *new_info(Checker *c, Node *spec, int index) {
    DeclInfo *d = mem_new(DeclInfo);
    d->tag = INFO_DECL;
    d->spec = spec;
    d->index = index;
    d->file = c->file;
    return d;
}

static DeclInfo *info_of(const Obj *o) {
    DeclInfo *d = o ? o->check : NULL;
    return d && d->tag == INFO_DECL ? d : NULL;
}

static void push_obj(Obj ***v, int *n, int *cap, Obj *o) {
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        Obj **w = mem_alloc(*cap * sizeof *w);
        if (*n) memcpy(w, *v, *n * sizeof *w);
        *v = w;
    }
    (*v)[(*n)++] = o;
}

void check_add_dep(Checker *c, Obj *obj) {
    DeclInfo *d = c->decl;
    if (!d || !obj || obj->pkg != c->pkg || !info_of(obj)) return;
    if (obj->kind != OBJ_CONST && obj->kind != OBJ_VAR && obj->kind != OBJ_FUNC) return;
    for (int i = 0; i < d->ndeps; i++)
        if (d->deps[i] == obj) return;
    push_obj(&d->deps, &d->ndeps, &d->capdeps, obj);
}

// ---- Resolution ----

// Context is the part of the checker a lazy resolution saves and restores.
typedef struct Context {
    Scope *scope;
    FuncCtx *fn;
    DeclInfo *decl;
    Const *iota;
    int file;
    const char *path;
    int err_line, err_col;
    int depth;
} Context;

static Context save_context(Checker *c) {
    Context x = { c->scope, c->fn, c->decl, c->iota, c->file, c->path, c->err_line, c->err_col, c->depth };
    return x;
}

static void restore_context(Checker *c, Context x) {
    c->scope = x.scope;
    c->fn = x.fn;
    c->decl = x.decl;
    c->iota = x.iota;
    c->file = x.file;
    c->path = x.path;
    c->err_line = x.err_line;
    c->err_col = x.err_col;
    c->depth = x.depth;
}

static void resolve_func(Checker *c, Obj *obj, DeclInfo *d);

void check_resolve(Checker *c, Obj *obj) {
    DeclInfo *d = info_of(obj);
    if (!d || obj->resolve == RESOLVE_DONE) return;
    if (obj->resolve == RESOLVE_BUSY) {
        // A cycle. Through a type it is reported where a complete type is
        // needed (check_need_complete); among constants and variables the
        // initialization order reports it; here the object only lacks a
        // type if its declaration has not determined one yet.
        if (obj->kind == OBJ_TYPE) return;   // check_ident reports an alias cycle
        if (!obj->type) obj->type = type_invalid;
        if (obj->kind == OBJ_CONST && !obj->val) obj->val = const_unknown();
        return;
    }
    Context saved = save_context(c);
    obj->resolve = RESOLVE_BUSY;
    push_obj(&c->path_objs, &c->npath, &c->cappath, obj);
    c->file = d->file;
    c->path = c->files[d->file].path;
    c->scope = c->files[d->file].scope;
    c->fn = NULL;
    c->decl = d;
    c->iota = NULL;
    c->err_line = c->err_col = 0;
    c->depth = 0;
    switch (obj->kind) {
    case OBJ_CONST:
        check_const_decl(c, obj, d->typ, d->init, d->vals_spec, d->iota, d->index);
        break;
    case OBJ_VAR:
        if (d->nlhs > 1) {
            for (int i = 0; i < d->nlhs; i++)
                if (d->lhs[i] != obj) d->lhs[i]->resolve = RESOLVE_BUSY;
            NodeList init = { 0 };
            if (d->init) nodelist_push(&init, d->init);
            check_var_decl(c, d->lhs, d->nlhs, d->typ, &init, d->spec);
            for (int i = 0; i < d->nlhs; i++) {
                d->lhs[i]->resolve = RESOLVE_DONE;
                // The variables share their initializer's dependencies.
                DeclInfo *o = info_of(d->lhs[i]);
                if (o && o != d) {
                    o->deps = d->deps;
                    o->ndeps = d->ndeps;
                    o->capdeps = d->ndeps;
                }
            }
        } else {
            NodeList init = { 0 };
            if (d->init) nodelist_push(&init, d->init);
            check_var_decl(c, &obj, 1, d->typ, d->init ? &init : NULL, d->spec);
        }
        break;
    case OBJ_TYPE:
        check_type_decl(c, obj, d->spec);
        break;
    case OBJ_FUNC:
        resolve_func(c, obj, d);
        break;
    default:
        break;
    }
    c->npath--;
    obj->resolve = RESOLVE_DONE;
    restore_context(c, saved);
}

// ---- Constants ----

bool check_is_const_type(const Type *t) {
    Type *u = under((Type *)t);
    return u && ((u->kind >= K_BOOL && u->kind <= K_STRING) || type_is_untyped(u));
}

void check_const_decl(Checker *c, Obj *obj, Node *typ, Node *init, Node *vals_spec, int iota,
                      int index) {
    (void)index;
    Const *saved_iota = c->iota;
    int el = c->err_line, ec = c->err_col;
    c->iota = const_int64(iota);
    // Errors in inherited values are reported at the constant (types2's
    // errpos).
    Node *spec = obj->decl;
    if (vals_spec && spec && vals_spec != spec) {
        c->err_line = obj->line;
        c->err_col = obj->col;
    }
    Type *t = NULL;
    if (typ) {
        t = check_typexpr(c, typ);
        if (valid_type(t) && !check_is_const_type(t)) {
            check_error_at(c, typ, "invalid constant type %s", check_type_str(c, t));
            t = type_invalid;
        }
        if (!valid_type(t)) {
            obj->type = type_invalid;
            obj->val = const_unknown();
            goto done;
        }
    }
    if (!init) {
        obj->type = t ? t : type_invalid;
        obj->val = const_unknown();
        goto done;
    }
    check_expr(c, init);
    if (init->mode == MODE_INVALID) {
        obj->type = t ? t : type_invalid;
        obj->val = const_unknown();
        goto done;
    }
    if (init->mode != MODE_CONST) {
        check_error_at(c, init, "%s is not constant", check_operand_str(c, init));
        obj->type = type_invalid;
        obj->val = const_unknown();
        goto done;
    }
    if (t) {
        if (!check_assignment(c, init, t, "constant declaration")) {
            obj->type = type_invalid;
            obj->val = const_unknown();
            goto done;
        }
    }
    obj->type = init->type;
    obj->val = init->val;
done:
    c->iota = saved_iota;
    c->err_line = el;
    c->err_col = ec;
}

// ---- Variables ----

// init_var is types2's initVar: give an untyped-declared variable the type
// of its value, then check the assignment.
static bool init_var(Checker *c, Obj *lhs, Node *x, const char *context) {
    if (x->mode == MODE_INVALID || !valid_type(x->type) || (lhs->type && !valid_type(lhs->type))) {
        if (!lhs->type) lhs->type = type_invalid;
        lhs->used = true;   // avoid follow-on "declared and not used" errors
        return false;
    }
    if (!lhs->type) {
        Type *t = x->type;
        if (type_is_untyped(t)) {
            if (t->kind == K_UNTYPED_NIL) {
                check_error_at(c, x, "use of untyped nil in %s", context);
                lhs->type = type_invalid;
                return false;
            }
            t = type_default(t);
        }
        lhs->type = t;
    }
    if (!check_assignment(c, x, lhs->type, context)) {
        lhs->used = true;
        return false;
    }
    return true;
}

static void use_all(Obj **lhs, int n) {
    for (int i = 0; i < n; i++) lhs[i]->used = true;
}

// assign_error is types2's assignError.
static void assign_error(Checker *c, NodeList *rhs, int l, int r) {
    const char *vars = mem_sprintf("%d variable%s", l, l == 1 ? "" : "s");
    const char *vals = mem_sprintf("%d value%s", r, r == 1 ? "" : "s");
    Node *r0 = rhs->v[0];
    Node *u = check_unparen(r0);
    if (rhs->n == 1 && u->kind == N_CALL) {
        check_error_at(c, r0, "assignment mismatch: %s but %s returns %s", vars, check_expr_str(u->x), vals);
        return;
    }
    check_error_at(c, r0, "assignment mismatch: %s but %s", vars, vals);
}

// check_init_vars is types2's initVars for declarations (and returns, with
// is_return); lhs types may be NULL (inferred).
void check_init_vars(Checker *c, Obj **lhs, int l, NodeList *rhs, Node *ret);

void check_var_decl(Checker *c, Obj **lhs, int nlhs, Node *typ, NodeList *init, Node *spec) {
    (void)spec;
    Type *t = NULL;
    if (typ) {
        t = check_typexpr(c, typ);
        for (int i = 0; i < nlhs; i++) {
            lhs[i]->type = t;
            if (!valid_type(t)) lhs[i]->used = true;   // no follow-on errors
        }
    }
    if (!init || init->n == 0) {
        if (!typ)
            for (int i = 0; i < nlhs; i++) lhs[i]->type = type_invalid;
        return;
    }
    if (nlhs == 1 && init->n == 1) {
        Node *x = init->v[0];
        check_expr_hint(c, x, t);
        init_var(c, lhs[0], x, "variable declaration");
        return;
    }
    check_init_vars(c, lhs, nlhs, init, NULL);
}

void check_init_vars(Checker *c, Obj **lhs, int l, NodeList *rhs, Node *ret) {
    const char *context = ret ? "return statement" : "assignment";
    int r = rhs->n;
    bool is_call = r == 1 && check_unparen(rhs->v[0])->kind == N_CALL;
    if (l == r && !is_call) {
        bool ok = true;
        for (int i = 0; i < l; i++) {
            check_expr_hint(c, rhs->v[i], lhs[i]->type);
            ok &= init_var(c, lhs[i], rhs->v[i], context);
        }
        if (!ok) use_all(lhs, l);
        return;
    }
    bool *was = mem_alloc_atomic((l + 1) * sizeof *was);
    for (int i = 0; i < l; i++) was[i] = lhs[i]->used;
    use_all(lhs, l);   // undone below when the values fit
    if (r != 1) {
        bool ok = true;
        for (int i = 0; i < r; i++) {
            check_multi_expr(c, rhs->v[i]);
            if (rhs->v[i]->mode == MODE_INVALID) ok = false;
        }
        if (ok) {
            if (ret) {
                Type **have = mem_alloc((r + 1) * sizeof *have);
                Type **want = mem_alloc((l + 1) * sizeof *want);
                for (int i = 0; i < r; i++) have[i] = rhs->v[i]->type;
                for (int i = 0; i < l; i++) want[i] = lhs[i]->type;
                Node *at = r > l ? rhs->v[l] : rhs->v[r - 1];
                check_error_at(c, at, "%s return values\n\thave %s\n\twant %s", r > l ? "too many" : "not enough",
                               check_types_summary(c, have, r, false), check_types_summary(c, want, l, false));
            } else {
                assign_error(c, rhs, l, r);
            }
        }
        for (int i = 0; i < l; i++)
            if (!lhs[i]->type) lhs[i]->type = type_invalid;
        return;
    }
    Node *x = rhs->v[0];
    check_multi_expr(c, x);
    if (x->mode == MODE_INVALID) {
        for (int i = 0; i < l; i++)
            if (!lhs[i]->type) lhs[i]->type = type_invalid;
        return;
    }
    // A multi-value call, or a comma-ok form for two variables.
    int have = 1;
    Type **types = NULL;
    if (x->type && x->type->kind == K_TUPLE) {
        have = x->type->nfields;
        types = mem_alloc((have + 1) * sizeof *types);
        for (int i = 0; i < have; i++) types[i] = x->type->fields[i].type;
    }
    bool comma_ok = l == 2 && !ret && have == 1 &&
                    (x->mode == MODE_COMMAOK || x->mode == MODE_MAPINDEX);
    for (int i = 0; i < l; i++) lhs[i]->used = was[i];
    if (comma_ok) {
        // v, ok := m[k] / x.(T) / <-ch: the value, then an untyped bool.
        if (!init_var(c, lhs[0], x, context)) use_all(lhs, l);
        Node okn = *x;
        okn.mode = MODE_VALUE;
        okn.type = type_untyped_bool;
        okn.val = NULL;
        if (!lhs[1]->type) lhs[1]->type = type_bool;
        else if (!check_assignable_to(c, &okn, lhs[1]->type, NULL))
            check_error_at(c, x, "cannot use %s (untyped bool value) as %s value in %s",
                           check_expr_str(x), check_type_str(c, lhs[1]->type), context);
        return;
    }
    if (types && l == have) {
        bool ok = true;
        for (int i = 0; i < l; i++) {
            Node v = *x;
            v.mode = MODE_VALUE;
            v.type = types[i];
            v.val = NULL;
            if (!lhs[i]->type) {
                lhs[i]->type = types[i];
            } else {
                const char *cause = NULL;
                if (!check_assignable_to(c, &v, lhs[i]->type, &cause)) {
                    ok = false;
                    if (cause)
                        check_error_at(c, x, "cannot use %s (value of type %s) as %s value in %s: %s",
                                       check_expr_str(x), check_type_str(c, types[i]),
                                       check_type_str(c, lhs[i]->type), context, cause);
                    else
                        check_error_at(c, x, "cannot use %s (value of type %s) as %s value in %s",
                                       check_expr_str(x), check_type_str(c, types[i]),
                                       check_type_str(c, lhs[i]->type), context);
                }
            }
        }
        if (!ok) use_all(lhs, l);
        return;
    }
    if (!types && l == 1) {
        check_single_value(c, x);
        init_var(c, lhs[0], x, context);
        return;
    }
    use_all(lhs, l);
    if (x->mode == MODE_NOVALUE) {
        check_error_at(c, x, "%s (no value) used as value", check_expr_str(x));
    } else if (ret) {
        Type **want = mem_alloc((l + 1) * sizeof *want);
        for (int i = 0; i < l; i++) want[i] = lhs[i]->type;
        Type *one = x->type;
        Node *at = x;
        check_error_at(c, at, "%s return values\n\thave %s\n\twant %s", have > l ? "too many" : "not enough",
                       types ? check_types_summary(c, types, have, false) : check_types_summary(c, &one, 1, false),
                       check_types_summary(c, want, l, false));
    } else {
        assign_error(c, rhs, l, have);
    }
    for (int i = 0; i < l; i++)
        if (!lhs[i]->type) lhs[i]->type = type_invalid;
}

// arity reports spec names without values or values without names.
static void arity(Checker *c, Node *spec, NodeList *names, NodeList *vals, bool is_const, bool inherited) {
    int l = names->n, r = vals ? vals->n : 0;
    if (l < r) {
        Node *n = vals->v[l];
        if (inherited)
            check_error_at(c, spec, "extra init expr at %s", check_pos(c, n->line, n->col));
        else
            check_error_at(c, n, "extra init expr");
    } else if (l > r && (is_const || r != 1)) {
        Node *n = names->v[r];
        if (is_const || r > 0 || !spec->x) check_error_at(c, n, "missing init expr for %s", check_name(n));
    }
}

// ---- Types ----

// ---- Types whose underlying type waits for another's ----

static void complete_pending(Checker *c, Type *done) {
    for (int i = 0; i < c->npending; i++) {
        if (c->pending[i].target != done) continue;
        Obj *o = c->pending[i].obj;
        c->pending[i] = c->pending[--c->npending];
        i = -1;
        type_set_under(o->type, done);
        check_collect_methods(c, o);
        complete_pending(c, o->type);
    }
}

static void add_pending(Checker *c, Obj *obj, Type *target) {
    // A chain of pending types leading back to obj is a cycle.
    Obj **cyc = mem_alloc(8 * sizeof *cyc);
    int n = 0, cap = 8;
    cyc[n++] = obj;
    for (Type *y = target; y;) {
        int k = -1;
        for (int i = 0; i < c->npending; i++)
            if (c->pending[i].obj->type == y) k = i;
        if (k < 0) break;
        Obj *yo = c->pending[k].obj;
        if (n == cap) {
            cap *= 2;
            Obj **v = mem_alloc(cap * sizeof *v);
            memcpy(v, cyc, n * sizeof *v);
            cyc = v;
        }
        cyc[n++] = yo;
        y = c->pending[k].target;
        if (y == obj->type) {
            check_report_cycle(c, cyc, n);
            for (int i = 0; i < n; i++) {
                for (int q = 0; q < c->npending; q++)
                    if (c->pending[q].obj == cyc[i]) c->pending[q--] = c->pending[--c->npending];
                type_set_under(cyc[i]->type, type_invalid);
                check_collect_methods(c, cyc[i]);
            }
            return;
        }
    }
    if (c->npending == c->cappending) {
        c->cappending = c->cappending ? c->cappending * 2 : 8;
        Pending *v = mem_alloc(c->cappending * sizeof *v);
        if (c->npending) memcpy(v, c->pending, c->npending * sizeof *v);
        c->pending = v;
    }
    c->pending[c->npending++] = (Pending){ obj, target };
}

void check_type_decl(Checker *c, Obj *obj, Node *spec) {
    if (spec->list.n) {
        Node *tp = spec->list.v[0];
        check_errorf(c, tp->opline, tp->opcol, "generic types are not supported yet");
        if (spec->flags & NF_ALIAS) obj->type = type_invalid;
        else type_set_under(obj->type, type_invalid);
        return;
    }
    if (spec->flags & NF_ALIAS) {
        obj->type = NULL;
        Type *t = check_typexpr(c, spec->x);
        if (!obj->type) obj->type = t ? t : type_invalid;
        spec->name->type = obj->type;
        return;
    }
    Type *named = obj->type;
    Type *t = check_typexpr(c, spec->x);
    spec->name->type = named;
    spec->name->mode = MODE_TYPE;
    if (named->flags & TF_COMPLETE) {   // a cycle made it invalid already
        check_collect_methods(c, obj);
        return;
    }
    if (t == named) {
        check_errorf(c, obj->line, obj->col, "invalid recursive type: %s refers to itself", obj->name);
        type_set_under(named, type_invalid);
        check_collect_methods(c, obj);
        return;
    }
    if (t && type_is_named(t) && !(t->flags & TF_COMPLETE)) {
        // `type T2 T1` while T1 is being declared: T2's underlying type is
        // T1's, known once T1's declaration is done.
        add_pending(c, obj, t);
        return;
    }
    type_set_under(named, valid_type(t) ? t : type_invalid);
    check_collect_methods(c, obj);
    complete_pending(c, named);
}

// ---- Methods ----

// recv_base finds the base type name of a receiver type expression: T in
// T, *T and (T).
static Node *recv_base(Node *t, bool *ptr) {
    *ptr = false;
    while (t && t->kind == N_PAREN) t = t->x;
    if (t && t->kind == N_STAR) {
        *ptr = true;
        t = t->x;
        while (t && t->kind == N_PAREN) t = t->x;
    }
    return t;
}

void check_collect_methods(Checker *c, Obj *tobj) {
    DeclInfo *d = info_of(tobj);
    if (!d || (d->methods_done && d->ncollected == d->nmethods)) return;
    // A REPL session may declare more methods on a type later.
    int from = d->methods_done ? d->ncollected : 0;
    d->methods_done = true;
    d->ncollected = d->nmethods;
    Type *named = tobj->type;
    for (int i = from; i < d->nmethods; i++) {
        Obj *m = d->methods[i];
        check_resolve(c, m);
        if (!m->type || !valid_type(m->type) || !type_is_named(named)) continue;
        Node *decl = m->decl;
        bool ptr;
        recv_base(decl->x->x, &ptr);
        Node *nm = decl->name;
        // A field and a method of the same name.
        Type *u = under(named);
        if (u && u->kind == K_STRUCT) {
            for (int k = 0; k < u->nfields; k++) {
                if (strcmp(u->fields[k].name, m->name) == 0) {
                    // The field's position: find it in the declaration.
                    int fl = 0, fc = 0;
                    Node *ts = d->spec->x;
                    while (ts && ts->kind == N_PAREN) ts = ts->x;
                    if (ts && ts->kind == N_STRUCTTYPE) {
                        for (int f = 0; f < ts->list.n && !fl; f++) {
                            Node *fld = ts->list.v[f];
                            for (int q = 0; q < fld->list.n; q++)
                                if (ast_name_is(fld->list.v[q], m->name)) {
                                    fl = fld->list.v[q]->line;
                                    fc = fld->list.v[q]->col;
                                }
                            if (!fld->list.n) {
                                // an embedded field, named by its type
                                Node *e = fld->x;
                                while (e && (e->kind == N_STAR || e->kind == N_PAREN)) e = e->x;
                                if (e && e->kind == N_SELECTOR) e = e->name;
                                if (e && e->kind == N_NAME && ast_name_is(e, m->name)) {
                                    fl = e->line;
                                    fc = e->col;
                                }
                            }
                        }
                    }
                    if (fl)
                        check_errorf(c, nm->line, nm->col,
                                     "field and method with the same name %s\n\t%s: other declaration of %s",
                                     m->name, check_pos(c, fl, fc), m->name);
                    else
                        check_errorf(c, nm->line, nm->col, "field and method with the same name %s", m->name);
                    break;   // the method is still declared, as in types2
                }
            }
        }
        if (true) {
            Method me = { .name = m->name, .sig = m->type, .ptr_recv = ptr, .obj = m };
            const char *mn = m->name;
            bool exported = mn[0] >= 'A' && mn[0] <= 'Z';
            me.pkg = exported ? NULL : c->pkg->path;
            Method *alt = c->repl ? type_find_method(named, m->name) : NULL;
            if (alt && alt->obj) {
                // A REPL session's later definition replaces it (in a
                // copy: an input that fails is undone by the old array).
                Method *ms = mem_alloc(named->nmethods * sizeof *ms);
                memcpy(ms, named->methods, named->nmethods * sizeof *ms);
                ms[alt - named->methods] = me;
                named->methods = ms;
            } else if (!type_add_method(named, &me)) {
                alt = type_find_method(named, m->name);
                Obj *ao = alt ? alt->obj : NULL;
                if (ao && ao->line)
                    check_errorf(c, nm->line, nm->col, "method %s.%s already declared at %s", tobj->name,
                                 m->name, check_pos(c, ao->line, ao->col));
                else
                    check_errorf(c, nm->line, nm->col, "method %s.%s already declared", tobj->name, m->name);
            }
        }
    }
}

// ---- Functions ----

static bool is_main_or_init_sig_ok(Type *sig) { return sig->nfields == 0 && sig->nresults == 0; }

static void resolve_func(Checker *c, Obj *obj, DeclInfo *d) {
    Node *decl = d->spec;
    const char *name = obj->name;
    if (decl->list.n) {
        Node *tp = decl->list.v[0];
        check_errorf(c, tp->opline, tp->opcol, "generic functions are not supported yet");
    }
    Scope *fs = scope_new(c->scope);
    fs->func_scope = true;
    d->fscope = fs;
    // Type parameters (reported above) denote invalid types, so that their
    // uses stay quiet.
    for (int i = 0; i < decl->list.n; i++) {
        Node *tp = decl->list.v[i];
        for (int k = 0; k < tp->list.n; k++) {
            Obj *o = check_new_obj(c, OBJ_TYPE, tp->list.v[k], type_invalid);
            check_declare(c, fs, o, tp->list.v[k]);
        }
    }
    Node *recv = decl->x;
    if (recv) {
        // The receiver's type: T or *T for a type T declared in this package.
        bool ptr;
        Node *base = recv_base(recv->x, &ptr);
        Type *rt = check_typexpr(c, recv->x);
        if (valid_type(rt)) {
            Type *bt = check_deref(rt, NULL);
            Obj *bo = base && base->kind == N_NAME ? base->obj : NULL;
            if (base && base->kind == N_INDEX) {
                check_error_at(c, recv, "generic types are not supported yet");
                rt = type_invalid;
            } else if (!type_is_named(bt) || !bo || bo->kind != OBJ_TYPE) {
                check_error_at(c, recv->x, "invalid receiver type %s", check_type_str(c, rt));
                rt = type_invalid;
            } else if (bo->pkg != c->pkg || !bt->pkg) {
                check_error_at(c, recv, "cannot define new methods on non-local type %s",
                               check_type_str(c, bt));
                rt = type_invalid;
            } else if (bt->kind == K_POINTER || bt->kind == K_INTERFACE) {
                check_error_at(c, recv->x, "invalid receiver type %s (pointer or interface type)",
                               check_type_str(c, rt));
                rt = type_invalid;
            }
        }
        recv->x->type = rt;
        recv->type = rt;
    }
    Obj **results = NULL;
    Scope *outer = c->scope;
    if (decl->list.n) c->scope = fs;
    Type *sig = check_signature(c, decl->y, recv, fs, &results);
    c->scope = outer;
    d->results = results;
    obj->type = sig;
    decl->type = sig;
    if (!recv && c->pkg->name && strcmp(c->pkg->name, "main") == 0 && strcmp(name, "main") == 0 &&
        !is_main_or_init_sig_ok(sig))
        check_error_at(c, decl->name, "func main must have no arguments and no return values");
    if (!recv && strcmp(name, "init") == 0 && !is_main_or_init_sig_ok(sig))
        check_error_at(c, decl->name, "func init must have no arguments and no return values");
    if (!decl->body && c->pkg->path && strcmp(c->pkg->path, "main") == 0) {
        // gc reports at the declaration's position after `func`: the name,
        // or a method's `(` (taken to precede the receiver).
        if (recv && recv->col > 1) check_errorf(c, recv->line, recv->col - 1, "missing function body");
        else check_error_at(c, decl->name, "missing function body");
    }
}

// ---- Local declarations ----

void check_local_decl(Checker *c, Node *decl) {
    if (decl->op == T_CONST) {
        Node *last = NULL;
        for (int i = 0; i < decl->list.n; i++) {
            Node *s = decl->list.v[i];
            bool inherited = false;
            if (s->x || s->rlist.n) last = s;
            else if (last) inherited = true;
            Node *vs = last ? last : s;
            Obj **objs = mem_alloc((s->list.n + 1) * sizeof *objs);
            for (int k = 0; k < s->list.n; k++) {
                Node *nm = s->list.v[k];
                Obj *o = check_new_obj(c, OBJ_CONST, nm, NULL);
                o->decl = s;
                o->iota = s->index;
                Node *init = k < vs->rlist.n ? vs->rlist.v[k] : NULL;
                check_const_decl(c, o, vs->x, init, vs, s->index, k);
                objs[k] = o;
            }
            arity(c, s, &s->list, &vs->rlist, true, inherited);
            for (int k = 0; k < s->list.n; k++) check_declare(c, c->scope, objs[k], s->list.v[k]);
        }
        return;
    }
    if (decl->op == T_VAR) {
        for (int i = 0; i < decl->list.n; i++) {
            Node *s = decl->list.v[i];
            int n = s->list.n;
            Obj **objs = mem_alloc((n + 1) * sizeof *objs);
            for (int k = 0; k < n; k++) {
                objs[k] = check_new_obj(c, OBJ_VAR, s->list.v[k], NULL);
                objs[k]->decl = s;
            }
            if (s->rlist.n == n) {
                Type *t = s->x ? check_typexpr(c, s->x) : NULL;
                for (int k = 0; k < n; k++) {
                    objs[k]->type = t;
                    if (t && !valid_type(t)) objs[k]->used = true;
                    Node *x = s->rlist.v[k];
                    check_expr_hint(c, x, t);
                    init_var(c, objs[k], x, "variable declaration");
                }
            } else if (s->rlist.n == 1) {
                check_var_decl(c, objs, n, s->x, &s->rlist, s);
            } else {
                Type *t = s->x ? check_typexpr(c, s->x) : NULL;
                for (int k = 0; k < n; k++) objs[k]->type = t ? t : type_invalid;
                for (int k = 0; k < s->rlist.n; k++) check_multi_expr(c, s->rlist.v[k]);
                arity(c, s, &s->list, &s->rlist, false, false);
            }
            for (int k = 0; k < n; k++) {
                if (check_declare(c, c->scope, objs[k], s->list.v[k])) check_declare_local(c, objs[k]);
                else objs[k]->check = c->fn;
            }
        }
        return;
    }
    if (decl->op == T_TYPE) {
        for (int i = 0; i < decl->list.n; i++) {
            Node *s = decl->list.v[i];
            Obj *o = check_new_obj(c, OBJ_TYPE, s->name, NULL);
            o->decl = s;
            if (!(s->flags & NF_ALIAS)) o->type = type_named(c->pkg->path, o->name, NULL);
            // The scope of a local type begins at its name: it may refer to
            // itself (through pointers).
            check_declare(c, c->scope, o, s->name);
            DeclInfo *d = new_info(c, s, 0);
            o->check = d;
            d->methods_done = true;
            o->resolve = RESOLVE_BUSY;
            push_obj(&c->path_objs, &c->npath, &c->cappath, o);
            check_type_decl(c, o, s);
            c->npath--;
            o->resolve = RESOLVE_DONE;
            o->check = NULL;
            if (!o->type) o->type = type_invalid;
        }
        return;
    }
}

// ---- Collecting the package ----

static void add_import(Package *pkg, Package *imp) {
    for (int i = 0; i < pkg->nimports; i++)
        if (pkg->imports[i] == imp) return;
    Package **v = mem_alloc((pkg->nimports + 1) * sizeof *v);
    if (pkg->nimports) memcpy(v, pkg->imports, pkg->nimports * sizeof *v);
    v[pkg->nimports++] = imp;
    pkg->imports = v;
}

static const char *literal_string(Node *lit) {
    if (!lit || lit->kind != N_BASICLIT || lit->op != T_STRING) return NULL;
    Token tk = { .kind = T_STRING, .text = lit->text, .len = lit->len };
    size_t len;
    return lit_string(&tk, &len);
}

static void collect_imports(Checker *c, FileInfo *fi, Node *decl) {
    for (int i = 0; i < decl->list.n; i++) {
        Node *s = decl->list.v[i];
        const char *path = literal_string(s->x);
        if (!path) continue;
        int before = diag_count(c->diag);
        Package *imp = c->import ? c->import(path, c->diag) : NULL;
        if (!imp) {
            if (diag_count(c->diag) == before)
                check_error_at(c, s->x, "package %s is not in std", path);
            continue;
        }
        add_import(c->pkg, imp);
        Node *nm = s->name;
        const char *name = nm ? check_name(nm) : imp->name;
        Obj *o = obj_new(OBJ_PKG, name, NULL);
        o->imported = imp;
        o->decl = s;
        o->pkg = c->pkg;
        o->line = s->line;
        o->col = s->col;
        if (nm) nm->obj = o;
        if (strcmp(name, "_") == 0) continue;
        if (strcmp(name, ".") == 0) {
            // A dot import declares the package's exported objects here.
            DotImport *v = mem_alloc((fi->ndots + 1) * sizeof *v);
            if (fi->ndots) memcpy(v, fi->dots, fi->ndots * sizeof *v);
            v[fi->ndots++] = (DotImport){ imp, o };
            fi->dots = v;
            Scope *ps = imp->scope;
            for (int k = 0; ps && k < ps->cap; k++) {
                Obj *e = ps->objs[k];
                if (!e || !e->exported) continue;
                Obj *alt = scope_insert(fi->scope, e);
                if (alt)
                    check_errorf(c, s->line, s->col, "%s redeclared in this block", e->name);
            }
            continue;
        }
        check_declare(c, fi->scope, o, s);
    }
}

// must_be_func reports package-level init (and main in package main)
// declared as something other than a function.
static void must_be_func(Checker *c, Node *nm) {
    if (ast_name_is(nm, "init"))
        check_error_at(c, nm, "cannot declare init - must be func");
    else if (ast_name_is(nm, "main") && c->pkg->name && strcmp(c->pkg->name, "main") == 0)
        check_error_at(c, nm, "cannot declare main - must be func");
}

void check_collect_file(Checker *c, int fidx) {
    FileInfo *fi = &c->files[fidx];
    Node *file = fi->node;
    Package *pkg = c->pkg;
    int order = c->nobjs;
    for (int i = 0; i < file->list.n; i++) {
        Node *decl = file->list.v[i];
        if (!decl) continue;
        if (decl->kind == N_DECL && decl->op == T_IMPORT) {
            collect_imports(c, fi, decl);
            continue;
        }
        if (decl->kind == N_DECL && decl->op == T_CONST) {
            Node *last = NULL;
            for (int k = 0; k < decl->list.n; k++) {
                Node *s = decl->list.v[k];
                bool inherited = false;
                if (s->x || s->rlist.n) last = s;
                else if (last) inherited = true;
                Node *vs = last ? last : s;
                for (int q = 0; q < s->list.n; q++) {
                    Node *nm = s->list.v[q];
                    must_be_func(c, nm);
                    Obj *o = check_new_obj(c, OBJ_CONST, nm, NULL);
                    o->decl = s;
                    o->iota = s->index;
                    DeclInfo *d = new_info(c, s, q);
                    d->typ = vs->x;
                    d->init = q < vs->rlist.n ? vs->rlist.v[q] : NULL;
                    d->vals_spec = vs;
                    d->iota = s->index;
                    d->order = order++;
                    o->check = d;
                    check_declare(c, pkg->scope, o, nm);
                    push_obj(&c->objs, &c->nobjs, &c->capobjs, o);
                }
                arity(c, s, &s->list, &vs->rlist, true, inherited);
            }
            continue;
        }
        if (decl->kind == N_DECL && decl->op == T_VAR) {
            for (int k = 0; k < decl->list.n; k++) {
                Node *s = decl->list.v[k];
                int n = s->list.n;
                Obj **lhs = mem_alloc((n + 1) * sizeof *lhs);
                for (int q = 0; q < n; q++) {
                    Node *nm = s->list.v[q];
                    must_be_func(c, nm);
                    Obj *o = check_new_obj(c, OBJ_VAR, nm, NULL);
                    o->decl = s;
                    lhs[q] = o;
                }
                for (int q = 0; q < n; q++) {
                    Obj *o = lhs[q];
                    DeclInfo *d = new_info(c, s, q);
                    d->typ = s->x;
                    if (s->rlist.n == n) d->init = s->rlist.v[q];
                    else if (s->rlist.n == 1) {
                        d->init = s->rlist.v[0];
                        d->lhs = lhs;
                        d->nlhs = n;
                    } else if (q < s->rlist.n) d->init = s->rlist.v[q];
                    d->order = order++;
                    o->check = d;
                    check_declare(c, pkg->scope, o, s->list.v[q]);
                    push_obj(&c->objs, &c->nobjs, &c->capobjs, o);
                }
                if (s->rlist.n != n && s->rlist.n != 1)
                    arity(c, s, &s->list, &s->rlist, false, false);
                else if (s->rlist.n == 0 && !s->x)
                    check_error_at(c, s, "missing type or init expr");
            }
            continue;
        }
        if (decl->kind == N_DECL && decl->op == T_TYPE) {
            for (int k = 0; k < decl->list.n; k++) {
                Node *s = decl->list.v[k];
                must_be_func(c, s->name);
                Obj *o = check_new_obj(c, OBJ_TYPE, s->name, NULL);
                o->decl = s;
                if (!(s->flags & NF_ALIAS)) o->type = type_named(pkg->path, o->name, NULL);
                DeclInfo *d = new_info(c, s, 0);
                d->order = order++;
                o->check = d;
                check_declare(c, pkg->scope, o, s->name);
                push_obj(&c->objs, &c->nobjs, &c->capobjs, o);
            }
            continue;
        }
        if (decl->kind == N_FUNCDECL) {
            Node *nm = decl->name;
            Obj *o = check_new_obj(c, OBJ_FUNC, nm, NULL);
            o->decl = decl;
            DeclInfo *d = new_info(c, decl, 0);
            d->order = order++;
            o->check = d;
            push_obj(&c->objs, &c->nobjs, &c->capobjs, o);
            if (decl->flags & NF_METHOD) {
                int nrecv = 0;
                for (int k = 0; k < decl->rlist.n; k++)
                    nrecv += decl->rlist.v[k]->list.n ? decl->rlist.v[k]->list.n : 1;
                if (nrecv == 0) check_error_at(c, nm, "method has no receiver");
                else if (nrecv > 1) check_error_at(c, nm, "method has multiple receivers");
            }
            if (decl->x) {
                push_obj(&c->methods, &c->nmethods, &c->capmethods, o);
            } else if (decl->flags & NF_METHOD) {
                // no receiver: checked as a function, declared nowhere
            } else if (strcmp(o->name, "init") == 0) {
                push_obj(&pkg->init_funcs, &pkg->ninit_funcs, &c->cap_init, o);
            } else if (strcmp(o->name, "main") == 0 && decl->list.n == 0 && pkg->name &&
                       strcmp(pkg->name, "main") == 0) {
                check_declare(c, pkg->scope, o, nm);
            } else {
                check_declare(c, pkg->scope, o, nm);
            }
            continue;
        }
    }
}

// check_associate_methods attaches each method, from methods[from] on, to
// its receiver base type's declaration, so that it is added when the type
// is resolved (or, in a REPL session, by check_collect_methods later).
void check_associate_methods(Checker *c, int from) {
    for (int i = from; i < c->nmethods; i++) {
        Obj *m = c->methods[i];
        Node *decl = m->decl;
        if (strcmp(m->name, "_") == 0) continue;
        bool ptr;
        Node *base = recv_base(decl->x->x, &ptr);
        if (!base || base->kind != N_NAME) continue;
        Obj *t = scope_lookup_here(c->pkg->scope, check_name(base));
        DeclInfo *d = info_of(t);
        // A receiver may name an alias of a local type: follow it.
        for (int guard = 0; t && d && t->kind == OBJ_TYPE && (d->spec->flags & NF_ALIAS) && guard < 100; guard++) {
            Node *x = d->spec->x;
            while (x && x->kind == N_PAREN) x = x->x;
            if (!x || x->kind != N_NAME) {
                t = NULL;
                break;
            }
            t = scope_lookup_here(c->pkg->scope, check_name(x));
            d = info_of(t);
        }
        if (!t || t->kind != OBJ_TYPE || !d || (d->spec->flags & NF_ALIAS)) continue;
        push_obj(&d->methods, &d->nmethods, &d->capmethods, m);
    }
}

// ---- Initialization order ----

typedef struct GraphNode {
    Obj *obj;
    Obj **succ;             // dependencies among consts and vars
    int nsucc, capsucc;
    int ndeps;              // outstanding
    bool done;
} GraphNode;

// reach collects the consts and vars obj depends on, looking through
// functions (types2's dependencyGraph with function nodes removed).
static void reach(Obj *from, GraphNode *g, Obj ***visited, int *nvis, int *capvis) {
    DeclInfo *d = info_of(from);
    if (!d) return;
    for (int i = 0; i < d->ndeps; i++) {
        Obj *o = d->deps[i];
        if (o->kind == OBJ_FUNC) {
            bool seen = false;
            for (int k = 0; k < *nvis; k++) seen |= (*visited)[k] == o;
            if (seen) continue;
            push_obj(visited, nvis, capvis, o);
            reach(o, g, visited, nvis, capvis);
            continue;
        }
        bool dup = false;
        for (int k = 0; k < g->nsucc; k++) dup |= g->succ[k] == o;
        if (!dup) push_obj(&g->succ, &g->nsucc, &g->capsucc, o);
    }
}

static int cmp_order(const void *a, const void *b) {
    const Obj *x = *(Obj *const *)a, *y = *(Obj *const *)b;
    return info_of(x)->order - info_of(y)->order;
}

// find_path returns a path of dependencies from `from` to `to` (reversed,
// as types2's findPath), or NULL.
static Obj **find_path(Obj *from, Obj *to, Obj ***seen, int *nseen, int *capseen, int *len) {
    for (int k = 0; k < *nseen; k++)
        if ((*seen)[k] == from) return NULL;
    push_obj(seen, nseen, capseen, from);
    DeclInfo *d = info_of(from);
    if (!d) return NULL;
    Obj **deps = mem_alloc((d->ndeps + 1) * sizeof *deps);
    if (d->ndeps) memcpy(deps, d->deps, d->ndeps * sizeof *deps);
    qsort(deps, d->ndeps, sizeof *deps, cmp_order);
    for (int i = 0; i < d->ndeps; i++) {
        Obj *o = deps[i];
        if (o == to) {
            Obj **p = mem_alloc(64 * sizeof *p);
            p[0] = o;
            *len = 1;
            return p;
        }
        Obj **p = find_path(o, to, seen, nseen, capseen, len);
        if (p) {
            Obj **q = mem_alloc((*len + 2) * sizeof *q);
            memcpy(q, p, *len * sizeof *q);
            q[(*len)++] = o;
            return q;
        }
    }
    return NULL;
}

static void report_init_cycle(Checker *c, Obj **cycle, int n) {
    Obj *o = cycle[0];
    DeclInfo *d = info_of(o);
    c->path = c->files[d ? d->file : 0].path;
    if (n == 1) {
        check_errorf(c, o->line, o->col, "initialization cycle: %s refers to itself", o->name);
        return;
    }
    Str s = { 0 };
    str_printf(&s, "initialization cycle for %s", o->name);
    for (int j = n - 1; j >= 0; j--) {
        Obj *next = cycle[j];
        str_printf(&s, "\n\t%s: %s refers to %s", check_obj_pos(c, o), o->name, next->name);
        o = next;
    }
    o = cycle[0];
    check_errorf(c, o->line, o->col, "%s", str_get(&s));
}

void check_init_order(Checker *c, int from) {
    Package *pkg = c->pkg;
    int n = 0;
    for (int i = from; i < c->nobjs; i++)
        if (c->objs[i]->kind == OBJ_CONST || c->objs[i]->kind == OBJ_VAR) n++;
    // Objects declared before `from` (earlier REPL inputs) are initialized.
    int min_order = from < c->nobjs ? info_of(c->objs[from])->order : 0;
    GraphNode *g = mem_alloc((n + 1) * sizeof *g);
    int k = 0;
    for (int i = from; i < c->nobjs; i++) {
        Obj *o = c->objs[i];
        if (o->kind != OBJ_CONST && o->kind != OBJ_VAR) continue;
        g[k].obj = o;
        Obj **vis = NULL;
        int nvis = 0, capvis = 0;
        reach(o, &g[k], &vis, &nvis, &capvis);
        int kept = 0;
        for (int q = 0; q < g[k].nsucc; q++)
            if (info_of(g[k].succ[q])->order >= min_order) g[k].succ[kept++] = g[k].succ[q];
        g[k].nsucc = kept;
        k++;
    }
    for (int i = 0; i < n; i++) g[i].ndeps = g[i].nsucc;
    Node **inits = mem_alloc((n + 1) * sizeof *inits);
    int ninits = 0;
    DeclInfo **emitted = mem_alloc((n + 1) * sizeof *emitted);
    int nemitted = 0;
    for (int step = 0; step < n; step++) {
        // The node with the fewest outstanding dependencies, earliest first.
        int best = -1;
        for (int i = 0; i < n; i++) {
            if (g[i].done) continue;
            if (best < 0 || g[i].ndeps < g[best].ndeps ||
                (g[i].ndeps == g[best].ndeps && info_of(g[i].obj)->order < info_of(g[best].obj)->order))
                best = i;
        }
        GraphNode *b = &g[best];
        b->done = true;
        if (b->ndeps > 0) {
            Obj **seen = NULL;
            int nseen = 0, capseen = 0, len = 0;
            Obj **cycle = find_path(b->obj, b->obj, &seen, &nseen, &capseen, &len);
            if (cycle) report_init_cycle(c, cycle, len);
        }
        for (int i = 0; i < n; i++) {
            if (g[i].done) continue;
            for (int s = 0; s < g[i].nsucc; s++)
                if (g[i].succ[s] == b->obj) g[i].ndeps--;
        }
        Obj *o = b->obj;
        DeclInfo *d = info_of(o);
        if (o->kind != OBJ_VAR || !d->init) continue;
        bool dup = false;
        for (int e = 0; e < nemitted; e++)
            dup |= emitted[e]->spec == d->spec && d->nlhs > 1 && emitted[e]->nlhs > 1;
        if (dup) continue;
        emitted[nemitted++] = d;
        if (d->nlhs > 1 || d->spec->list.n == 1) {
            inits[ninits++] = d->spec;
        } else {
            // var a, b = x, y: one entry per name; the name's NAME node
            // stands for its part of the spec.
            inits[ninits++] = d->spec->list.v[d->index];
        }
    }
    // var a, b = x, y initializes each name on its own; when the names come
    // one after the other in spec order, the whole spec stands for them.
    int k2 = 0;
    for (int i = 0; i < ninits;) {
        Node *e = inits[i];
        if (e->kind == N_NAME) {
            Obj *o = e->obj;
            Node *spec = o ? o->decl : NULL;
            int cnt = spec ? spec->list.n : 0;
            bool run = cnt > 1 && i + cnt <= ninits;
            for (int q = 0; run && q < cnt; q++) run = inits[i + q] == spec->list.v[q];
            if (run) {
                inits[k2++] = spec;
                i += cnt;
                continue;
            }
        }
        inits[k2++] = e;
        i++;
    }
    pkg->inits = inits;
    pkg->ninits = k2;
}

// ---- Unused imports ----

static void unused_imports(Checker *c) {
    for (int f = 0; f < c->nfiles; f++) {
        FileInfo *fi = &c->files[f];
        c->path = fi->path;
        Node *file = fi->node;
        for (int i = 0; i < file->list.n; i++) {
            Node *decl = file->list.v[i];
            if (!decl || decl->kind != N_DECL || decl->op != T_IMPORT) continue;
            for (int k = 0; k < decl->list.n; k++) {
                Node *s = decl->list.v[k];
                const char *path = literal_string(s->x);
                if (!path) continue;
                Obj *o = NULL;
                if (s->name) {
                    o = s->name->obj;
                    if (ast_name_is(s->name, "_")) continue;
                } else {
                    // The import's object is in the file scope under the
                    // package's name.
                    for (int q = 0; q < fi->scope->cap; q++) {
                        Obj *e = fi->scope->objs[q];
                        if (e && e->kind == OBJ_PKG && e->decl == s) o = e;
                    }
                }
                if (s->name && ast_name_is(s->name, ".")) {
                    for (int q = 0; q < fi->ndots; q++) {
                        if (fi->dots[q].obj->decl == s && !fi->dots[q].obj->used)
                            check_errorf(c, s->line, s->col, "\"%s\" imported and not used", path);
                    }
                    continue;
                }
                if (!o || o->used) continue;
                const char *pname = o->imported ? o->imported->name : check_pkg_name(path);
                if (s->name && strcmp(o->name, pname) != 0)
                    check_errorf(c, s->line, s->col, "\"%s\" imported as %s and not used", path, o->name);
                else
                    check_errorf(c, s->line, s->col, "\"%s\" imported and not used", path);
            }
        }
    }
}

// check_func_bodies checks the bodies of the functions among objs[from..]
// and lists them in pkg->funcs.
void check_func_bodies(Checker *c, int from) {
    Package *pkg = c->pkg;
    int capfuncs = pkg->nfuncs;
    for (int i = from; i < c->nobjs; i++) {
        Obj *o = c->objs[i];
        if (o->kind != OBJ_FUNC) continue;
        push_obj(&pkg->funcs, &pkg->nfuncs, &capfuncs, o);
        DeclInfo *d = info_of(o);
        Node *decl = d->spec;
        if (!decl->body || !o->type || !valid_type(o->type)) continue;
        Context saved = save_context(c);
        c->file = d->file;
        c->path = c->files[d->file].path;
        c->scope = d->fscope;
        c->decl = d;
        c->fn = NULL;
        c->iota = NULL;
        check_func_body(c, o->name, o->type, decl, decl->x, decl->y, decl->body);
        restore_context(c, saved);
    }
}

// ---- The package ----

Package *check_package(const char *path, Node **files, int nfiles, Diag *diag, ImportFunc import) {
    universe_init();
    Package *pkg = mem_new(Package);
    pkg->path = path;
    pkg->scope = scope_new(universe);
    pkg->files = mem_alloc((nfiles + 1) * sizeof *pkg->files);
    for (int i = 0; i < nfiles; i++) pkg->files[i] = files[i];
    pkg->nfiles = nfiles;
    for (int i = 0; i < nfiles && !pkg->name; i++)
        if (files[i] && files[i]->name) pkg->name = check_name(files[i]->name);
    if (!pkg->name) pkg->name = check_pkg_name(path);
    Checker ck = { 0 };
    Checker *c = &ck;
    c->diag = diag;
    c->pkg = pkg;
    c->import = import;
    c->nfiles = nfiles;
    c->files = mem_alloc((nfiles + 1) * sizeof *c->files);
    for (int i = 0; i < nfiles; i++) {
        FileInfo *fi = &c->files[i];
        fi->node = files[i];
        fi->path = check_file_path(files[i]);
        fi->scope = scope_new(pkg->scope);
    }
    // Collect every file's declarations.
    for (int i = 0; i < nfiles; i++) {
        if (!files[i]) continue;
        c->file = i;
        c->path = c->files[i].path;
        c->scope = c->files[i].scope;
        Node *nm = files[i]->name;
        if (nm && pkg->name && !ast_name_is(nm, pkg->name))
            check_error_at(c, nm, "package %s; expected package %s", check_name(nm), pkg->name);
        check_collect_file(c, i);
    }
    // Imports and package-level names must differ.
    for (int i = 0; i < nfiles; i++) {
        FileInfo *fi = &c->files[i];
        c->path = fi->path;
        for (int k = 0; k < fi->scope->cap; k++) {
            Obj *o = fi->scope->objs[k];
            if (!o) continue;
            Obj *alt = scope_lookup_here(pkg->scope, o->name);
            if (!alt) continue;
            if (o->kind == OBJ_PKG)
                check_errorf(c, alt->line, alt->col,
                             "%s already declared through import of package %s (\"%s\")\n\t%s: other declaration of %s",
                             alt->name, o->imported->name, o->imported->path, check_pos(c, o->line, o->col),
                             alt->name);
            else
                check_errorf(c, alt->line, alt->col, "%s already declared through dot-import of package %s",
                             alt->name, o->pkg ? o->pkg->name : "?");
        }
    }
    check_associate_methods(c, 0);
    // Resolve every package-level object, in source order.
    for (int i = 0; i < c->nobjs; i++) check_resolve(c, c->objs[i]);
    for (int i = 0; i < c->npending; i++) type_set_under(c->pending[i].obj->type, type_invalid);
    c->npending = 0;
    check_later_keys(c);
    check_func_bodies(c, 0);
    check_later_keys(c);   // local types' map keys
    check_init_order(c, 0);
    unused_imports(c);
    for (int i = 0; i < nfiles; i++)
        if (files[i]) check_finish_tree(c, files[i]);
    pkg->checked = true;
    return pkg;
}

void check_main_errors(Package *pkg, Diag *diag) {
    if (!pkg) return;
    Obj *m = pkg->scope ? scope_lookup_here(pkg->scope, "main") : NULL;
    if (m && m->kind == OBJ_FUNC) return;
    const char *file = "?";
    int line = 0, col = 0;
    if (pkg->nfiles && pkg->files[0]) {
        Node *f = pkg->files[0];
        file = check_file_path(f);
        line = f->line;
        col = f->col;
    }
    diag_error(diag, file, line, col, "function main is undeclared in the main package");
}
