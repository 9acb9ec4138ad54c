// compiler/check_stmt.c: statements and function bodies. Scopes and
// shadowing, assignments (=, :=, op=) with their count and comma-ok rules,
// if/for/switch/type switch/select/range, go and defer, returns, unused
// variables ("declared and not used"), expression statements that discard
// values, and terminating statements (spec "Terminating statements") for
// `missing return`. Labels and branches are compiler/check_branch.c. The
// checker's model is in compiler/check_impl.h.
#include "compiler/check_impl.h"

static void stmt(Checker *c, Node *s);
static void stmt_list(Checker *c, NodeList *l);

// ---- Scopes and variables ----

static void open_scope(Checker *c, Node *at) {
    Scope *s = scope_new(c->scope);
    if (at) {
        s->line = at->line;
        s->col = at->col;
    }
    c->scope = s;
}

static void close_scope(Checker *c) { c->scope = c->scope->outer; }

void check_declare_local(Checker *c, Obj *obj) {
    FuncCtx *f = c->fn;
    if (!f || obj->kind != OBJ_VAR) return;
    obj->check = f;
    if (strcmp(obj->name, "_") == 0) return;
    if (f->nvars == f->capvars) {
        f->capvars = f->capvars ? f->capvars * 2 : 16;
        Obj **v = mem_alloc(f->capvars * sizeof *v);
        if (f->nvars) memcpy(v, f->vars, f->nvars * sizeof *v);
        f->vars = v;
    }
    f->vars[f->nvars++] = obj;
}

// ---- Function bodies ----

void check_func_body(Checker *c, const char *name, Type *sig, Node *decl, Node *recv, Node *ftype,
                     Node *body) {
    (void)recv;
    FuncCtx *f = mem_new(FuncCtx);
    f->tag = INFO_LOCAL;
    f->outer = c->fn;
    f->sig = sig;
    f->body = body;
    f->name = name;
    // Results: the declared variables, or stand-ins for unnamed ones.
    f->results = mem_alloc((sig->nresults + 1) * sizeof *f->results);
    int ri = 0;
    for (int i = 0; ftype && i < ftype->rlist.n; i++) {
        Node *fld = ftype->rlist.v[i];
        int names = fld->list.n ? fld->list.n : 1;
        for (int k = 0; k < names && ri < sig->nresults; k++, ri++) {
            Obj *o = fld->list.n ? fld->list.v[k]->obj : NULL;
            if (o) f->named_results = true;
            if (!o) o = obj_new(OBJ_VAR, "", sig->results[ri]);
            f->results[ri] = o;
        }
    }
    for (; ri < sig->nresults; ri++) f->results[ri] = obj_new(OBJ_VAR, "", sig->results[ri]);
    // The parameters belong to this function (closures capture them).
    Scope *ps = c->scope;
    for (int i = 0; ps && i < ps->cap; i++) {
        Obj *o = ps->objs[i];
        if (o && o->kind == OBJ_VAR) o->check = f;
    }
    for (int i = 0; ftype && i < ftype->list.n; i++) {
        Node *fld = ftype->list.v[i];
        for (int k = 0; k < fld->list.n; k++)
            if (fld->list.v[k]->obj) ((Obj *)fld->list.v[k]->obj)->check = f;
    }
    for (int i = 0; ftype && i < ftype->rlist.n; i++) {
        Node *fld = ftype->rlist.v[i];
        for (int k = 0; k < fld->list.n; k++)
            if (fld->list.v[k]->obj) ((Obj *)fld->list.v[k]->obj)->check = f;
    }
    if (recv)
        for (int k = 0; k < recv->list.n; k++)
            if (recv->list.v[k]->obj) ((Obj *)recv->list.v[k]->obj)->check = f;
    FuncCtx *saved_fn = c->fn;
    Const *saved_iota = c->iota;
    int saved_depth = c->depth;
    c->fn = f;
    c->iota = NULL;
    (void)decl;
    stmt_list(c, &body->list);
    check_branches(c, body);
    if (sig->nresults > 0 && !check_is_terminating(body, NULL))
        check_errorf(c, body->opline, body->opcol, "missing return");
    for (int i = 0; i < f->nvars; i++) {
        Obj *o = f->vars[i];
        if (!o->used && !c->repl) check_errorf(c, o->line, o->col, "declared and not used: %s", o->name);
    }
    c->fn = saved_fn;
    c->iota = saved_iota;
    c->depth = saved_depth;
}

// ---- Assignments ----

// lhs_var is types2's lhsVar: the type a left-hand side accepts (NULL for
// `_`, type_invalid after an error). Assigning to a variable is not a use.
static Type *lhs_var(Checker *c, Node *lhs) {
    Node *u = check_unparen(lhs);
    if (is_blank_name(u)) {
        u->mode = MODE_VAR;
        return NULL;
    }
    Obj *v = NULL;
    bool used = false;
    if (u->kind == N_NAME) {
        Obj *o = scope_lookup(c->scope, check_name(u), NULL);
        if (o && o->kind == OBJ_VAR && o->pkg == c->pkg) {
            v = o;
            used = o->used;
        }
    }
    check_expr(c, lhs);
    if (v) v->used = used;
    if (lhs->mode == MODE_INVALID) return type_invalid;
    if (lhs->mode == MODE_VAR || lhs->mode == MODE_MAPINDEX) return lhs->type;
    if (u->kind == N_SELECTOR && u->x->mode == MODE_MAPINDEX) {
        check_error_at(c, lhs, "cannot assign to struct field %s in map", check_expr_str(lhs));
        return type_invalid;
    }
    check_error_at(c, lhs, "cannot assign to %s (neither addressable nor a map index expression)",
                   check_expr_str(lhs));
    return type_invalid;
}

// assign_var is types2's assignVar; x is NULL to evaluate rhs. It returns
// false when the assignment fails (the callers then count the variables as
// used, to avoid follow-on errors).
static bool assign_var(Checker *c, Node *lhs, Node *rhs, Node *x, const char *context) {
    if (x && x->mode == MODE_INVALID) {
        check_expr(c, lhs);
        return false;
    }
    Type *t = lhs_var(c, lhs);
    if (t && !valid_type(t)) {
        if (!x && rhs) check_expr(c, rhs);
        return false;
    }
    if (!x) {
        check_expr_hint(c, rhs, t);
        x = rhs;
    }
    if (!t && strcmp(context, "assignment") == 0) context = "assignment to _ identifier";
    return check_assignment(c, x, t, context);
}

// use_lhs counts the variables on the left as used.
static void use_lhs(Checker *c, NodeList *lhs) {
    for (int i = 0; i < lhs->n; i++) {
        Node *u = check_unparen(lhs->v[i]);
        if (u->kind != N_NAME || is_blank_name(u)) continue;
        Obj *o = scope_lookup(c->scope, check_name(u), NULL);
        if (o && o->kind == OBJ_VAR && o->pkg == c->pkg) o->used = true;
    }
}

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

static void assign_vars(Checker *c, NodeList *lhs, NodeList *rhs) {
    int l = lhs->n, r = rhs->n;
    bool is_call = r == 1 && check_unparen(rhs->v[0])->kind == N_CALL;
    if (l == r && !is_call) {
        bool ok = true;
        for (int i = 0; i < l; i++) ok &= assign_var(c, lhs->v[i], rhs->v[i], NULL, "assignment");
        if (!ok) use_lhs(c, lhs);
        return;
    }
    if (r != 1) {
        bool ok = true;
        for (int i = 0; i < l; i++)
            if (lhs_var(c, lhs->v[i]) == type_invalid) ok = false;
        for (int i = 0; i < r; i++) {
            check_multi_expr(c, rhs->v[i]);
            if (rhs->v[i]->mode == MODE_INVALID) ok = false;
        }
        if (ok) assign_error(c, rhs, l, r);
        use_lhs(c, lhs);
        return;
    }
    Node *x = rhs->v[0];
    check_multi_expr(c, x);
    if (x->mode == MODE_INVALID) {
        for (int i = 0; i < l; i++) lhs_var(c, lhs->v[i]);
        use_lhs(c, lhs);
        return;
    }
    if (l == 2 && (x->mode == MODE_COMMAOK || x->mode == MODE_MAPINDEX)) {
        if (!assign_var(c, lhs->v[0], NULL, x, "assignment")) use_lhs(c, lhs);
        Node ok = *x;
        ok.mode = MODE_VALUE;
        ok.type = type_untyped_bool;
        ok.val = NULL;
        Type *t = lhs_var(c, lhs->v[1]);
        if (t && valid_type(t) && !check_assignable_to(c, &ok, t, NULL))
            check_error_at(c, x, "cannot use %s (untyped bool value) as %s value in assignment", check_expr_str(x),
                           check_type_str(c, t));
        return;
    }
    if (x->type && x->type->kind == K_TUPLE && x->type->nfields == l) {
        bool ok = true;
        for (int i = 0; i < l; i++) {
            Node *v = mem_new(Node);
            *v = *x;
            v->mode = MODE_VALUE;
            v->type = x->type->fields[i].type;
            ok &= assign_var(c, lhs->v[i], NULL, v, "assignment");
        }
        if (!ok) use_lhs(c, lhs);
        return;
    }
    if (l == 1 && !(x->type && x->type->kind == K_TUPLE)) {
        if (!assign_var(c, lhs->v[0], NULL, x, "assignment")) use_lhs(c, lhs);
        return;
    }
    if (x->mode == MODE_NOVALUE) check_error_at(c, x, "%s (no value) used as value", check_expr_str(x));
    else assign_error(c, rhs, l, x->type && x->type->kind == K_TUPLE ? x->type->nfields : 1);
    for (int i = 0; i < l; i++) lhs_var(c, lhs->v[i]);
    use_lhs(c, lhs);
}

static void short_var_decl(Checker *c, Node *s) {
    NodeList *lhs = &s->list;
    int l = lhs->n;
    Obj **vars = mem_alloc((l + 1) * sizeof *vars);
    Obj **news = mem_alloc((l + 1) * sizeof *news);
    int nnew = 0;
    bool has_err = false;
    for (int i = 0; i < l; i++) {
        Node *id = lhs->v[i];
        if (id->kind != N_NAME) {
            check_expr(c, id);
            has_err = true;
            vars[i] = obj_new(OBJ_VAR, "_", NULL);
            continue;
        }
        const char *name = check_name(id);
        if (strcmp(name, "_") != 0) {
            bool dup = false;
            for (int k = 0; k < i; k++)
                if (lhs->v[k]->kind == N_NAME && ast_name_is(lhs->v[k], name)) dup = true;
            if (dup) {
                check_error_at(c, id, "%s repeated on left side of :=", name);
                has_err = true;
                vars[i] = obj_new(OBJ_VAR, "_", NULL);
                continue;
            }
        }
        Obj *alt = strcmp(name, "_") ? scope_lookup_here(c->scope, name) : NULL;
        if (alt) {
            id->obj = alt;
            if (alt->kind == OBJ_VAR) {
                vars[i] = alt;
                id->mode = MODE_VAR;
                id->type = alt->type;
            } else {
                check_error_at(c, id, "cannot assign to %s", name);
                has_err = true;
                vars[i] = obj_new(OBJ_VAR, "_", NULL);
            }
            continue;
        }
        Obj *o = check_new_obj(c, OBJ_VAR, id, NULL);
        o->decl = s;
        vars[i] = o;
        if (strcmp(name, "_") != 0) news[nnew++] = o;
        else o->check = c->fn;
    }
    check_init_vars(c, vars, l, &s->rlist, NULL);
    for (int i = 0; i < l; i++) {
        Node *id = lhs->v[i];
        if (id->kind == N_NAME && vars[i]->type) {
            id->type = vars[i]->type;
            id->mode = MODE_VAR;
        }
    }
    if (nnew == 0 && !has_err) {
        check_errorf(c, s->opline, s->opcol, "no new variables on left side of :=");
        return;
    }
    for (int i = 0; i < nnew; i++) {
        if (check_declare(c, c->scope, news[i], NULL)) check_declare_local(c, news[i]);
    }
}

static void assign_stmt(Checker *c, Node *s) {
    if (s->op == T_ASSIGN) {
        assign_vars(c, &s->list, &s->rlist);
        return;
    }
    if (s->op == T_DEFINE) {
        short_var_decl(c, s);
        return;
    }
    // x op= y
    if (s->list.n != 1 || s->rlist.n != 1) {
        check_errorf(c, s->opline, s->opcol, "assignment operation %s requires single-valued expressions",
                     tok_spelling(s->op));
        return;
    }
    int op;
    switch (s->op) {
    case T_ADD_ASSIGN: op = T_ADD; break;
    case T_SUB_ASSIGN: op = T_SUB; break;
    case T_MUL_ASSIGN: op = T_MUL; break;
    case T_QUO_ASSIGN: op = T_QUO; break;
    case T_REM_ASSIGN: op = T_REM; break;
    case T_AND_ASSIGN: op = T_AND; break;
    case T_OR_ASSIGN: op = T_OR; break;
    case T_XOR_ASSIGN: op = T_XOR; break;
    case T_SHL_ASSIGN: op = T_SHL; break;
    case T_SHR_ASSIGN: op = T_SHR; break;
    case T_AND_NOT_ASSIGN: op = T_AND_NOT; break;
    default:
        check_errorf(c, s->opline, s->opcol, "unknown assignment operation %s", tok_spelling(s->op));
        return;
    }
    Node *x = s->list.v[0], *y = s->rlist.v[0];
    Node res = { 0 };
    res.kind = N_ASSIGN;
    res.line = x->line;
    res.col = x->col;
    check_binary(c, &res, x, y, op, s->opline, s->opcol);
    if (res.mode == MODE_INVALID) return;
    if (x->mode != MODE_VAR && x->mode != MODE_MAPINDEX) {
        Node *u = check_unparen(x);
        if (u->kind == N_SELECTOR && u->x->mode == MODE_MAPINDEX)
            check_error_at(c, x, "cannot assign to struct field %s in map", check_expr_str(x));
        else
            check_error_at(c, x, "cannot assign to %s (neither addressable nor a map index expression)",
                           check_expr_str(x));
        return;
    }
    if (type_is_untyped(res.type) && res.mode != MODE_CONST) check_update_type(c, y, x->type, true);
}

// ---- Simple statements ----

static void expr_stmt(Checker *c, Node *s) {
    Node *x = s->x;
    int kind = check_raw(c, x, NULL, false);
    const char *msg;
    switch ((Mode)x->mode) {
    case MODE_INVALID:
        return;
    case MODE_BUILTIN:
        msg = "must be called";
        break;
    case MODE_TYPE:
        msg = "is not an expression";
        break;
    case MODE_PKG:
        check_error_at(c, x, "use of package %s not in selector", check_expr_str(x));
        return;
    default:
        if (kind == EXPR_STATEMENT) return;
        msg = "is not used";
        break;
    }
    check_error_at(c, x, "%s %s", check_operand_str(c, x), msg);
    check_default(c, x);
}

static void suspended_call(Checker *c, Node *s, const char *keyword) {
    Node *call = s->x;
    if (!call || call->kind != N_CALL) {
        if (call) check_expr(c, call);
        return;
    }
    int kind = check_raw(c, call, NULL, false);
    const char *msg;
    if (kind == EXPR_CONVERSION) msg = "requires function call, not conversion";
    else if (kind == EXPR_VALUE) msg = "discards result of";
    else return;
    if (call->mode == MODE_INVALID) return;
    check_error_at(c, call, "%s %s %s", keyword, msg, check_operand_str(c, call));
}

static void send_stmt(Checker *c, Node *s) {
    check_expr(c, s->x);
    check_expr(c, s->y);
    if (s->x->mode == MODE_INVALID || s->y->mode == MODE_INVALID) return;
    Type *u = under(s->x->type);
    if (u->kind != K_CHAN) {
        check_errorf(c, s->line, s->col, "invalid operation: cannot send to non-channel %s",
                     check_operand_str(c, s->x));
        return;
    }
    if (u->dir == CHAN_RECV) {
        check_errorf(c, s->line, s->col, "invalid operation: cannot send to receive-only channel %s",
                     check_operand_str(c, s->x));
        return;
    }
    check_assignment(c, s->y, u->elem, "send");
}

static void incdec_stmt(Checker *c, Node *s) {
    Node *x = s->x;
    check_expr(c, x);
    if (x->mode == MODE_INVALID) return;
    if (!type_is_numeric(under(x->type))) {
        check_error_at(c, x, "invalid operation: %s%s (non-numeric type %s)", check_expr_str(x),
                       tok_spelling(s->op), check_type_str(c, x->type));
        return;
    }
    if (x->mode != MODE_VAR && x->mode != MODE_MAPINDEX) {
        Node *u = check_unparen(x);
        if (u->kind == N_SELECTOR && u->x->mode == MODE_MAPINDEX)
            check_error_at(c, x, "cannot assign to struct field %s in map", check_expr_str(x));
        else
            check_error_at(c, x, "cannot assign to %s (neither addressable nor a map index expression)",
                           check_expr_str(x));
    }
}

static void return_stmt(Checker *c, Node *s) {
    FuncCtx *f = c->fn;
    Type *sig = f->sig;
    if (s->list.n == 0 && sig->nresults > 0 && f->named_results) {
        for (int i = 0; i < sig->nresults; i++) {
            Obj *o = f->results[i];
            if (!o || !o->name[0] || strcmp(o->name, "_") == 0) continue;
            Obj *alt = scope_lookup(c->scope, o->name, NULL);
            if (alt && alt != o) {
                check_error_at(c, s, "result parameter %s not in scope at return\n\t%s: inner declaration of %s",
                               o->name, check_pos(c, alt->line, alt->col), o->name);
            }
        }
        return;
    }
    if (s->list.n == 0 && sig->nresults == 0) return;
    if (s->list.n == 0) {
        Type **want = mem_alloc((sig->nresults + 1) * sizeof *want);
        for (int i = 0; i < sig->nresults; i++) want[i] = sig->results[i];
        check_error_at(c, s, "not enough return values\n\thave ()\n\twant %s",
                       check_types_summary(c, want, sig->nresults, false));
        return;
    }
    check_init_vars(c, f->results, sig->nresults, &s->list, s);
}

// ---- Compound statements ----

static void if_stmt(Checker *c, Node *s) {
    open_scope(c, s);
    if (s->x) stmt(c, s->x);
    Node *cond = s->y;
    if (cond && cond->kind != N_BAD) {
        check_expr(c, cond);
        if (cond->mode != MODE_INVALID && !type_is_boolean(under(cond->type)))
            check_error_at(c, cond, "non-boolean condition in if statement");
        check_default(c, cond);
    }
    if (s->body) stmt(c, s->body);
    if (s->z) stmt(c, s->z);
    close_scope(c);
}

static void for_stmt(Checker *c, Node *s) {
    open_scope(c, s);
    if (s->x) stmt(c, s->x);
    if (s->y && s->y->kind != N_BAD) {
        check_expr(c, s->y);
        if (s->y->mode != MODE_INVALID && !type_is_boolean(under(s->y->type)))
            check_error_at(c, s->y, "non-boolean condition in for statement");
        check_default(c, s->y);
    }
    if (s->z) stmt(c, s->z);
    if (s->body) stmt(c, s->body);
    close_scope(c);
}

static void multiple_defaults(Checker *c, Node *s) {
    Node *first = NULL;
    for (int i = 0; i < s->list.n; i++) {
        Node *cl = s->list.v[i];
        bool is_default = (cl->flags & NF_DEFAULT) || (cl->kind == N_COMM && !cl->x);
        if (!is_default) continue;
        if (first)
            check_error_at(c, cl, "multiple defaults (first at %s)", check_pos(c, first->line, first->col));
        else
            first = cl;
    }
}

static void case_values(Checker *c, Node *x, NodeList *values, Node ***seen, int *nseen, int *capseen) {
    for (int i = 0; i < values->n; i++) {
        Node *v = values->v[i];
        check_expr(c, v);
        if (x->mode == MODE_INVALID || v->mode == MODE_INVALID) continue;
        check_convert_untyped(c, v, x->type);
        if (v->mode == MODE_INVALID) continue;
        Node res = *v;
        check_comparison(c, &res, v, x, T_EQL, true);
        if (res.mode == MODE_INVALID) continue;
        if (v->mode != MODE_CONST || !v->val) continue;
        if (v->val->kind != CV_INT && v->val->kind != CV_FLOAT && v->val->kind != CV_STRING) continue;
        bool dup = false;
        for (int k = 0; k < *nseen && !dup; k++) {
            Node *o = (*seen)[k];
            if (o->type == v->type && o->val->kind == v->val->kind && const_compare(T_EQL, o->val, v->val)) {
                check_error_at(c, v, "duplicate case %s in expression switch\n\t%s: previous case",
                               check_operand_str(c, v), check_pos(c, o->line, o->col));
                dup = true;
            }
        }
        if (dup) continue;
        if (*nseen == *capseen) {
            *capseen = *capseen ? *capseen * 2 : 16;
            Node **w = mem_alloc(*capseen * sizeof *w);
            if (*nseen) memcpy(w, *seen, *nseen * sizeof *w);
            *seen = w;
        }
        (*seen)[(*nseen)++] = v;
    }
}

static void switch_stmt(Checker *c, Node *s) {
    open_scope(c, s);
    if (s->x) stmt(c, s->x);
    Node *x;
    if (s->y && s->y->kind != N_BAD) {
        x = s->y;
        check_expr(c, x);
        check_assignment(c, x, NULL, "switch expression");
        if (x->mode != MODE_INVALID && !check_comparable(x->type, NULL, c) && !check_has_nil(under(x->type))) {
            check_error_at(c, x, "cannot switch on %s (%s is not comparable)", check_operand_str(c, x),
                           check_type_str(c, x->type));
            x->mode = MODE_INVALID;
        }
    } else {
        // A missing tag is the constant true.
        x = mem_new(Node);
        x->kind = N_NAME;
        x->text = "true";
        x->len = 4;
        x->line = s->line;
        x->col = s->col;
        x->mode = MODE_CONST;
        x->type = type_bool;
        x->val = const_bool(true);
    }
    multiple_defaults(c, s);
    Node **seen = NULL;
    int nseen = 0, capseen = 0;
    for (int i = 0; i < s->list.n; i++) {
        Node *cl = s->list.v[i];
        case_values(c, x, &cl->list, &seen, &nseen, &capseen);
        open_scope(c, cl);
        if (cl->body) stmt_list(c, &cl->body->list);
        close_scope(c);
    }
    close_scope(c);
}

static bool is_nil_name(Checker *c, Node *e) {
    Node *u = check_unparen(e);
    if (!u || u->kind != N_NAME || !ast_name_is(u, "nil")) return false;
    Obj *o = scope_lookup(c->scope, "nil", NULL);
    return o && o->kind == OBJ_NIL;
}

static void type_switch_stmt(Checker *c, Node *s) {
    open_scope(c, s);
    if (s->x) stmt(c, s->x);
    Node *lhs = s->name;
    if (lhs && is_blank_name(lhs)) {
        check_error_at(c, lhs, "no new variable on left side of :=");
        lhs = NULL;
    }
    Node *x = s->y;
    bool valid = false;
    check_expr(c, x);
    if (x->mode != MODE_INVALID) {
        if (check_is_interface(under(x->type))) valid = true;
        else check_error_at(c, x, "%s is not an interface", check_operand_str(c, x));
    }
    multiple_defaults(c, s);
    Obj **lhs_vars = mem_alloc((s->list.n + 1) * sizeof *lhs_vars);
    int nlhs = 0;
    Type **seen = mem_alloc((1 + 4 * (s->list.n + 1)) * sizeof *seen);
    Node **seen_at = NULL;
    int nseen = 0, capseen = 0;
    if (lhs) {
        Obj *sym = check_new_obj(c, OBJ_VAR, lhs, valid ? x->type : type_invalid);
        sym->decl = s;
        sym->used = true;
        lhs->mode = MODE_VAR;
        lhs->type = sym->type;
    }
    for (int i = 0; i < s->list.n; i++) {
        Node *cl = s->list.v[i];
        Type *t = NULL;
        bool single_nil = false;
        for (int k = 0; k < cl->list.n; k++) {
            Node *e = cl->list.v[k];
            Type *et;
            if (is_nil_name(c, e)) {
                check_expr(c, e);
                et = NULL;
                single_nil = true;
            } else {
                et = check_typexpr(c, e);
                if (!valid_type(et)) {
                    t = type_invalid;
                    continue;
                }
                single_nil = false;
            }
            bool dup = false;
            for (int q = 0; q < nseen && !dup; q++) {
                if (seen[q] == et) {
                    check_error_at(c, e, "duplicate case %s in type switch\n\t%s: previous case",
                                   et ? check_type_str(c, et) : "nil", check_pos(c, seen_at[q]->line, seen_at[q]->col));
                    dup = true;
                }
            }
            if (!dup) {
                if (nseen == capseen) {
                    capseen = capseen ? capseen * 2 : 16;
                    Type **w = mem_alloc(capseen * sizeof *w);
                    Node **a = mem_alloc(capseen * sizeof *a);
                    if (nseen) {
                        memcpy(w, seen, nseen * sizeof *w);
                        memcpy(a, seen_at, nseen * sizeof *a);
                    }
                    seen = w;
                    seen_at = a;
                }
                seen[nseen] = et;
                seen_at[nseen] = e;
                nseen++;
            }
            if (valid && et && !check_is_interface(under(et))) {
                const char *cause = NULL;
                if (check_missing_method(c, et, x->type, false, &cause))
                    check_error_at(c, e, "impossible type switch case: %s\n\t%s cannot have dynamic type %s %s",
                                   check_expr_str(e), check_operand_str(c, x), check_type_str(c, et),
                                   cause ? cause : "");
            }
            t = et;
        }
        if (cl->list.n != 1 || single_nil || !t) t = valid ? x->type : type_invalid;
        open_scope(c, cl);
        if (lhs) {
            Obj *o = obj_new(OBJ_VAR, check_name(lhs), t);
            o->pkg = c->pkg;
            o->line = lhs->line;
            o->col = lhs->col;
            o->decl = cl;
            o->check = c->fn;
            cl->obj = o;
            scope_insert(c->scope, o);
            lhs_vars[nlhs++] = o;
        }
        if (cl->body) stmt_list(c, &cl->body->list);
        close_scope(c);
    }
    if (lhs) {
        bool used = false;
        for (int i = 0; i < nlhs; i++) used |= lhs_vars[i]->used;
        for (int i = 0; i < nlhs; i++) lhs_vars[i]->used = true;
        if (!used && !c->repl) check_error_at(c, lhs, "%s declared and not used", check_name(lhs));
    }
    close_scope(c);
}

static void select_stmt(Checker *c, Node *s) {
    multiple_defaults(c, s);
    for (int i = 0; i < s->list.n; i++) {
        Node *cl = s->list.v[i];
        Node *comm = cl->x;
        bool valid = false;
        Node *rhs = NULL;
        if (!comm || comm->kind == N_SEND) valid = true;
        else if (comm->kind == N_ASSIGN && comm->rlist.n == 1) rhs = comm->rlist.v[0];
        else if (comm->kind == N_EXPRSTMT) rhs = comm->x;
        if (rhs) {
            Node *u = check_unparen(rhs);
            if (u->kind == N_UNARY && u->op == T_ARROW) valid = true;
        }
        if (!valid) {
            // gc reports at the statement's own position: an expression
            // statement's is its expression's (a binary one's operator).
            Node *at = comm->kind == N_EXPRSTMT ? comm->x : comm;
            check_errorf(c, at->opline, at->opcol, "select case must be send or receive (possibly with assignment)");
            continue;
        }
        open_scope(c, cl);
        if (comm) stmt(c, comm);
        if (cl->body) stmt_list(c, &cl->body->list);
        close_scope(c);
    }
}

// range_kv gives the key and value types of a range over t; NULL key: no
// iteration variables allowed; NULL value: only one. Returns false (with
// *cause maybe set) if t cannot be ranged over.
static bool range_kv(Type *t, Type **key, Type **val, const char **cause) {
    *key = *val = NULL;
    *cause = NULL;
    Type *u = under(t);
    if (u->kind == K_POINTER && under(u->elem)->kind == K_ARRAY) u = under(u->elem);
    if (type_is_string(u)) {
        *key = type_int;
        *val = type_int32;
        return true;
    }
    if (type_is_integer(u)) {
        *key = t;
        return true;
    }
    switch (u->kind) {
    case K_ARRAY: case K_SLICE:
        *key = type_int;
        *val = u->elem;
        return true;
    case K_MAP:
        *key = u->key;
        *val = u->elem;
        return true;
    case K_CHAN:
        if (u->dir == CHAN_SEND) {
            *cause = "receive from send-only channel";
            return false;
        }
        *key = u->elem;
        return true;
    default:
        return false;
    }
}

static void range_stmt(Checker *c, Node *s) {
    Node *x = s->z;
    check_expr(c, x);
    Type *key = NULL, *val = NULL;
    Node *sk = s->x, *sv = s->y;
    bool is_def = s->op == T_DEFINE;
    if (x->mode != MODE_INVALID) {
        const char *cause;
        bool ok = range_kv(x->type, &key, &val, &cause);
        if (!ok && cause) {
            check_error_at(c, x, "cannot range over %s: %s", check_operand_str(c, x), cause);
        } else if (!ok) {
            check_error_at(c, x, "cannot range over %s", check_operand_str(c, x));
        } else if (!key && sk) {
            check_error_at(c, sk, "range over %s permits no iteration variables", check_operand_str(c, x));
        } else if (!val && sv) {
            check_error_at(c, sv, "range over %s permits only one iteration variable", check_operand_str(c, x));
        }
        if (!ok) key = val = NULL;
    }
    bool over_int = x->mode != MODE_INVALID && type_is_integer(under(x->type));
    open_scope(c, s);
    Node *lhs[2] = { sk, sv };
    Type *rhs[2] = { key, val };
    if (is_def) {
        Obj *vars[2] = { NULL, NULL };
        int nvars = 0;
        for (int i = 0; i < 2; i++) {
            if (!lhs[i]) continue;
            Node *id = lhs[i];
            Obj *o;
            if (id->kind == N_NAME) {
                o = check_new_obj(c, OBJ_VAR, id, NULL);
                o->decl = s;
                if (!is_blank_name(id)) vars[nvars++] = o;
                else o->check = c->fn;
            } else {
                check_error_at(c, id, "cannot declare %s", check_expr_str(id));
                o = obj_new(OBJ_VAR, "_", NULL);
            }
            Type *t = rhs[i];
            if (!t || !valid_type(t)) {
                o->type = type_invalid;
                o->used = true;
                continue;
            }
            if (over_int) {
                // for i := range n: i has n's type (its default if untyped).
                if (type_is_untyped(x->type)) check_assignment(c, x, NULL, "range clause");
                o->type = x->type;
            } else {
                o->type = t;
            }
            id->type = o->type;
            id->mode = MODE_VAR;
        }
        if (nvars > 0) {
            for (int i = 0; i < nvars; i++) {
                if (check_declare(c, c->scope, vars[i], NULL)) check_declare_local(c, vars[i]);
            }
        } else {
            check_error_at(c, sk ? sk : s, "no new variables on left side of :=");
        }
    } else if (sk) {
        for (int i = 0; i < 2; i++) {
            if (!lhs[i]) continue;
            Type *t = rhs[i];
            if (!t || !valid_type(t)) continue;
            if (over_int) {
                assign_var(c, lhs[i], NULL, x, "range clause");
                if (x->mode != MODE_INVALID && !type_is_integer(under(x->type)))
                    check_error_at(c, lhs[i], "cannot use iteration variable of type %s", check_type_str(c, x->type));
            } else {
                Node *y = mem_new(Node);
                *y = *lhs[i];
                y->mode = MODE_VALUE;
                y->type = t;
                y->val = NULL;
                assign_var(c, lhs[i], NULL, y, "assignment");
            }
        }
    } else if (over_int) {
        check_assignment(c, x, NULL, "range clause");
    }
    if (x->mode != MODE_INVALID && type_is_untyped(x->type)) check_default(c, x);
    if (s->body) stmt(c, s->body);
    close_scope(c);
}

// ---- Dispatch ----

static void stmt(Checker *c, Node *s) {
    if (!s) return;
    switch (s->kind) {
    case N_EMPTY:
    case N_BAD:
        break;
    case N_DECLSTMT:
        if (s->x) check_local_decl(c, s->x);
        break;
    case N_LABELED:
        stmt(c, s->x);
        break;
    case N_EXPRSTMT:
        expr_stmt(c, s);
        break;
    case N_SEND:
        send_stmt(c, s);
        break;
    case N_INCDEC:
        incdec_stmt(c, s);
        break;
    case N_ASSIGN:
        assign_stmt(c, s);
        break;
    case N_GO:
        suspended_call(c, s, "go");
        break;
    case N_DEFER:
        suspended_call(c, s, "defer");
        break;
    case N_RETURN:
        return_stmt(c, s);
        break;
    case N_BRANCH:
        break;   // compiler/check_branch.c
    case N_BLOCK:
        open_scope(c, s);
        stmt_list(c, &s->list);
        close_scope(c);
        break;
    case N_IF:
        if_stmt(c, s);
        break;
    case N_SWITCH:
        switch_stmt(c, s);
        break;
    case N_TYPESWITCH:
        type_switch_stmt(c, s);
        break;
    case N_SELECT:
        select_stmt(c, s);
        break;
    case N_FOR:
        for_stmt(c, s);
        break;
    case N_RANGE:
        range_stmt(c, s);
        break;
    default:
        check_error_at(c, s, "invalid statement");
        break;
    }
}

static void stmt_list(Checker *c, NodeList *l) {
    for (int i = 0; i < l->n; i++) stmt(c, l->v[i]);
}

// ---- Terminating statements ----

static bool has_break(Node *s, const Node *label, bool implicit);

static bool has_break_list(NodeList *l, const Node *label, bool implicit) {
    for (int i = 0; i < l->n; i++)
        if (has_break(l->v[i], label, implicit)) return true;
    return false;
}

static bool same_label(const Node *a, const Node *b) {
    return a && b && a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
}

static bool has_break(Node *s, const Node *label, bool implicit) {
    if (!s) return false;
    switch (s->kind) {
    case N_LABELED:
        return has_break(s->x, label, implicit);
    case N_BRANCH:
        if (s->op == T_BREAK) {
            if (!s->name) return implicit;
            if (same_label(s->name, label)) return true;
        }
        return false;
    case N_BLOCK:
        return has_break_list(&s->list, label, implicit);
    case N_IF:
        return has_break(s->body, label, implicit) || (s->z && has_break(s->z, label, implicit));
    case N_SWITCH: case N_TYPESWITCH: case N_SELECT:
        if (label)
            for (int i = 0; i < s->list.n; i++)
                if (s->list.v[i]->body && has_break_list(&s->list.v[i]->body->list, label, false)) return true;
        return false;
    case N_FOR: case N_RANGE:
        return label && has_break(s->body, label, false);
    default:
        return false;
    }
}

static bool terminating_list(NodeList *l, const Node *label) {
    for (int i = l->n - 1; i >= 0; i--) {
        if (l->v[i] && l->v[i]->kind == N_EMPTY) continue;
        return check_is_terminating(l->v[i], label);
    }
    return false;
}

bool check_is_terminating(Node *s, const Node *label) {
    if (!s) return false;
    switch (s->kind) {
    case N_LABELED:
        return check_is_terminating(s->x, s->name);
    case N_EXPRSTMT: {
        Node *u = check_unparen(s->x);
        return u && u->kind == N_CALL && u->builtin == BI_PANIC + 1;
    }
    case N_RETURN:
        return true;
    case N_BRANCH:
        return s->op == T_GOTO || s->op == T_FALLTHROUGH;
    case N_BLOCK:
        return terminating_list(&s->list, NULL);
    case N_IF:
        return s->z && check_is_terminating(s->body, NULL) && check_is_terminating(s->z, NULL);
    case N_SWITCH:
    case N_TYPESWITCH: {
        bool has_default = false;
        for (int i = 0; i < s->list.n; i++) {
            Node *cl = s->list.v[i];
            if (cl->flags & NF_DEFAULT) has_default = true;
            NodeList empty = { 0 };
            NodeList *body = cl->body ? &cl->body->list : &empty;
            if (!terminating_list(body, NULL) || has_break_list(body, label, true)) return false;
        }
        return has_default;
    }
    case N_SELECT:
        for (int i = 0; i < s->list.n; i++) {
            Node *cl = s->list.v[i];
            NodeList empty = { 0 };
            NodeList *body = cl->body ? &cl->body->list : &empty;
            if (!terminating_list(body, NULL) || has_break_list(body, label, true)) return false;
        }
        return true;
    case N_FOR:
        return !s->y && !has_break(s->body, label, true);
    default:
        return false;
    }
}
