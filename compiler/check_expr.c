// compiler/check_expr.c: expressions. Names, literals, composite literals,
// selectors, index and slice expressions, type assertions, unary and binary
// operators with exact constant folding, shifts, comparisons, untyped
// conversion (types2's implicitTypeAndValue / updateExprType), assignability
// and the final pass that gives untyped leftovers their default types. The
// checker's model is in compiler/check_impl.h.
#include "compiler/check_impl.h"

#include <stdio.h>

Node *check_unparen(Node *n) {
    while (n && n->kind == N_PAREN && n->x) n = n->x;
    return n;
}

void check_set_invalid(Node *n) {
    n->mode = MODE_INVALID;
    if (!n->type) n->type = type_invalid;
}

static void set_invalid(Node *n) {
    n->mode = MODE_INVALID;
    n->type = type_invalid;
    n->val = NULL;
}

static bool is_nil(const Node *n) {
    return n->mode != MODE_TYPE && n->type && n->type->kind == K_UNTYPED_NIL;
}

// Predicates on types (types2's allNumeric etc.; no type parameters here).
static bool all_numeric(Type *t) { return type_is_numeric(under(t)); }
static bool all_integer(Type *t) { return type_is_integer(under(t)); }
static bool all_boolean(Type *t) { return type_is_boolean(under(t)); }
static bool all_string(Type *t) { return type_is_string(under(t)); }
static bool all_ordered(Type *t) {
    Type *u = under(t);
    return type_is_integer(u) || type_is_float(u) || type_is_string(u);
}

static const char *op_str(int op) { return tok_spelling((TokenKind)op); }

// ---- Names ----

// note_spelling remembers which names the package uses for byte/rune.
static void note_spelling(Checker *c, Obj *o) {
    if (o->pkg || o->kind != OBJ_TYPE) return;
    const char *n = o->name;
    if (strcmp(n, "byte") == 0) c->saw_byte = true;
    else if (strcmp(n, "uint8") == 0) c->saw_uint8 = true;
    else if (strcmp(n, "rune") == 0) c->saw_rune = true;
    else if (strcmp(n, "int32") == 0) c->saw_int32 = true;
    else if (strcmp(n, "any") == 0) c->saw_any_name = true;
}

// lookup finds a name; a dot-imported object marks its import used.
static Obj *lookup(Checker *c, const char *name) {
    const Scope *where = NULL;
    Obj *o = scope_lookup(c->scope, name, &where);
    if (o && where && c->file >= 0 && c->file < c->nfiles && where == c->files[c->file].scope &&
        o->kind != OBJ_PKG) {
        FileInfo *fi = &c->files[c->file];
        for (int i = 0; i < fi->ndots; i++)
            if (fi->dots[i].pkg == o->pkg) fi->dots[i].obj->used = true;
    }
    return o;
}

void check_ident(Checker *c, Node *n, bool mark_used, bool want_type) {
    (void)want_type;
    const char *name = check_name(n);
    n->val = NULL;
    if (strcmp(name, "_") == 0) {
        check_error_at(c, n, "cannot use _ as value");
        set_invalid(n);
        return;
    }
    Obj *o = lookup(c, name);
    if (!o) {
        check_error_at(c, n, "undefined: %s", name);
        set_invalid(n);
        return;
    }
    n->obj = o;
    note_spelling(c, o);
    if (o->check && ((DeclInfo *)o->check)->tag == INFO_DECL && o->pkg == c->pkg) {
        check_resolve(c, o);
        check_add_dep(c, o);
    }
    switch (o->kind) {
    case OBJ_PKG:
        o->used = true;
        n->mode = MODE_PKG;
        n->type = type_invalid;
        return;
    case OBJ_CONST:
        if (o == universe_iota) {
            if (!c->iota) {
                check_error_at(c, n, "cannot use iota outside constant declaration");
                set_invalid(n);
                return;
            }
            n->mode = MODE_CONST;
            n->type = type_untyped_int;
            n->val = c->iota;
            return;
        }
        if (!o->type || !valid_type(o->type) || !o->val) {
            set_invalid(n);
            return;
        }
        o->used = true;
        n->mode = MODE_CONST;
        n->type = o->type;
        n->val = o->val;
        return;
    case OBJ_TYPE:
        if (!o->type) {
            // An alias refers to itself.
            check_errorf(c, o->line, o->col, "invalid recursive type: %s refers to itself", o->name);
            o->type = type_invalid;
        }
        n->mode = MODE_TYPE;
        n->type = o->type;
        if (!valid_type(o->type) && !(type_is_named(o->type) && !(o->type->flags & TF_COMPLETE)))
            n->mode = MODE_INVALID;
        return;
    case OBJ_VAR: {
        if (mark_used) o->used = true;
        FuncCtx *owner = o->check;
        if (owner && owner->tag == INFO_LOCAL && owner != c->fn) o->captured = true;
        if (!o->type || !valid_type(o->type)) {
            set_invalid(n);
            return;
        }
        n->mode = MODE_VAR;
        n->type = o->type;
        return;
    }
    case OBJ_FUNC:
        o->used = true;
        if (!o->type || !valid_type(o->type)) {
            set_invalid(n);
            return;
        }
        n->mode = MODE_VALUE;
        n->type = o->type;
        return;
    case OBJ_BUILTIN:
        n->mode = MODE_BUILTIN;
        n->type = type_invalid;
        return;
    case OBJ_NIL:
        n->mode = MODE_VALUE;
        n->type = type_untyped_nil;
        return;
    default:
        set_invalid(n);
        return;
    }
}

// ---- Literals ----

static void basic_lit(Checker *c, Node *n) {
    (void)c;
    switch (n->op) {
    case T_INT:
        n->type = type_untyped_int;
        n->val = const_from_literal(T_INT, n->text, (int)n->len);
        break;
    case T_FLOAT:
        n->type = type_untyped_float;
        n->val = const_from_literal(T_FLOAT, n->text, (int)n->len);
        break;
    case T_IMAG:
        n->type = type_untyped_complex;
        n->val = const_from_literal(T_IMAG, n->text, (int)n->len);
        break;
    case T_RUNE: {
        Token tk = { .kind = T_RUNE, .text = n->text, .len = n->len };
        n->type = type_untyped_rune;
        n->val = const_int64(lit_rune(&tk));
        break;
    }
    case T_STRING: {
        Token tk = { .kind = T_STRING, .text = n->text, .len = n->len };
        size_t len;
        char *s = lit_string(&tk, &len);
        n->type = type_untyped_string;
        n->val = const_string(s, (int64_t)len);
        break;
    }
    default:
        set_invalid(n);
        return;
    }
    n->mode = MODE_CONST;
    if (n->val->kind == CV_INT && mpz_sizeinbase(n->val->i, 2) > 512) {
        check_error_at(c, n, "constant overflow");
    }
}

// ---- Composite literals ----

// index_value evaluates a constant array/slice literal index; -1 if not.
static int64_t literal_index(Checker *c, Node *k, int64_t max) {
    return check_index(c, k, max, false, "index");
}

static void composite(Checker *c, Node *n, Type *hint) {
    Type *typ = NULL, *base = NULL;
    if (n->x) {
        Node *tx = n->x;
        if (tx->kind == N_ARRAYTYPE && tx->y && tx->y->kind == N_ELLIPSIS) {
            // [...]T{...}: the length is the literal's.
            Type *e = check_typexpr(c, tx->x);
            if (!valid_type(e) || !check_need_complete(c, e, tx->x)) {
                for (int i = 0; i < n->list.n; i++) {
                    Node *el = n->list.v[i];
                    check_expr(c, el->kind == N_KEYVALUE ? el->y : el);
                }
                set_invalid(n);
                return;
            }
            typ = NULL;
            base = NULL;
            // Count the length while checking the elements below.
            int64_t idx = 0, max = 0;
            for (int i = 0; i < n->list.n; i++) {
                Node *el = n->list.v[i];
                Node *v = el;
                if (el->kind == N_KEYVALUE) {
                    int64_t k = literal_index(c, el->x, -1);
                    if (k >= 0) idx = k;
                    v = el->y;
                }
                if (v->kind == N_COMPOSITE && !v->x) composite(c, v, e);
                else check_expr_hint(c, v, e);
                check_assignment(c, v, e, "array or slice literal");
                idx++;
                if (idx > max) max = idx;
            }
            typ = type_array(e, max);
            tx->type = typ;
            tx->mode = MODE_TYPE;
            n->type = typ;
            n->mode = MODE_VALUE;
            return;
        }
        typ = check_typexpr(c, tx);
        base = typ;
    } else if (hint) {
        typ = hint;
        bool p;
        base = check_deref(hint, &p);
        if (p && !valid_type(base)) base = NULL;
    } else {
        check_error_at(c, n, "invalid composite literal type: missing type");
        set_invalid(n);
        return;
    }
    if (!valid_type(typ) || !base || !valid_type(base)) {
        for (int i = 0; i < n->list.n; i++) {
            Node *el = n->list.v[i];
            Node *v = el->kind == N_KEYVALUE ? el->y : el;
            if (v->kind != N_COMPOSITE || v->x) check_expr(c, v);
        }
        set_invalid(n);
        return;
    }
    Type *u = under(base);
    switch (u->kind) {
    case K_STRUCT: {
        if (n->list.n == 0) break;
        bool keyed = n->list.v[0]->kind == N_KEYVALUE;
        if (keyed) {
            bool *seen = mem_alloc_atomic((u->nfields + 1) * sizeof *seen);
            memset(seen, 0, (u->nfields + 1) * sizeof *seen);
            for (int i = 0; i < n->list.n; i++) {
                Node *el = n->list.v[i];
                if (el->kind != N_KEYVALUE) {
                    check_error_at(c, el, "mixture of field:value and value elements in struct literal");
                    check_expr(c, el);
                    continue;
                }
                Node *key = el->x;
                if (key->kind != N_NAME) {
                    check_error_at(c, key, "invalid field name %s in struct literal", check_expr_str(key));
                    check_expr(c, el->y);
                    continue;
                }
                const char *name = check_name(key);
                int fi = -1;
                for (int k = 0; k < u->nfields; k++)
                    if (strcmp(u->fields[k].name, name) == 0) fi = k;
                if (fi < 0) {
                    check_error_at(c, key, "unknown field %s in struct literal of type %s", name,
                                   check_type_str(c, base));
                    check_expr(c, el->y);
                    continue;
                }
                key->obj = check_field_obj(u, fi);
                key->type = u->fields[fi].type;
                key->mode = MODE_VAR;
                Node *v = el->y;
                Type *ft = u->fields[fi].type;
                if (v->kind == N_COMPOSITE && !v->x) composite(c, v, ft);
                else check_expr_hint(c, v, ft);
                if (seen[fi]) {
                    check_error_at(c, el, "duplicate field name %s in struct literal", name);
                    continue;
                }
                seen[fi] = true;
                check_assignment(c, v, ft, "struct literal");
            }
        } else {
            int i;
            for (i = 0; i < n->list.n; i++) {
                Node *el = n->list.v[i];
                if (el->kind == N_KEYVALUE) {
                    check_error_at(c, el, "mixture of field:value and value elements in struct literal");
                    check_expr(c, el->y);
                    continue;
                }
                if (i >= u->nfields) {
                    check_error_at(c, el, "too many values in struct literal of type %s", check_type_str(c, base));
                    for (; i < n->list.n; i++) {
                        Node *e2 = n->list.v[i];
                        check_expr(c, e2->kind == N_KEYVALUE ? e2->y : e2);
                    }
                    break;
                }
                Type *ft = u->fields[i].type;
                if (el->kind == N_COMPOSITE && !el->x) composite(c, el, ft);
                else check_expr_hint(c, el, ft);
                if (!u->fields[i].exported && type_is_named(base) && base->pkg && c->pkg &&
                    strcmp(base->pkg, c->pkg->path) != 0) {
                    check_error_at(c, el, "implicit assignment to unexported field %s in struct literal of type %s",
                                   u->fields[i].name, check_type_str(c, base));
                    continue;
                }
                check_assignment(c, el, ft, "struct literal");
            }
            if (n->list.n < u->nfields && i == n->list.n)
                check_errorf(c, n->opline, n->opcol, "too few values in struct literal of type %s",
                             check_type_str(c, base));
        }
        break;
    }
    case K_ARRAY:
    case K_SLICE: {
        Type *e = u->elem;
        int64_t len = u->kind == K_ARRAY ? u->len : -1;
        int64_t idx = 0;
        int64_t *seen = NULL;
        int nseen = 0, capseen = 0;
        for (int i = 0; i < n->list.n; i++) {
            Node *el = n->list.v[i];
            Node *v = el;
            bool valid_index = false;
            if (el->kind == N_KEYVALUE) {
                int64_t k = literal_index(c, el->x, len);
                if (k >= 0) {
                    idx = k;
                    valid_index = true;
                } else if (el->x->mode == MODE_CONST || el->x->mode == MODE_INVALID) {
                    // error reported
                } else {
                    check_error_at(c, el->x, "index %s must be integer constant", check_expr_str(el->x));
                }
                v = el->y;
            } else if (len >= 0 && idx >= len) {
                check_error_at(c, el, "index %lld is out of bounds (>= %lld)", (long long)idx, (long long)len);
            } else {
                valid_index = true;
            }
            if (valid_index) {
                bool dup = false;
                for (int s = 0; s < nseen; s++) dup |= seen[s] == idx;
                if (dup) {
                    check_error_at(c, el, "duplicate index %lld in array or slice literal", (long long)idx);
                } else {
                    if (nseen == capseen) {
                        capseen = capseen ? capseen * 2 : 16;
                        int64_t *w = mem_alloc_atomic(capseen * sizeof *w);
                        if (nseen) memcpy(w, seen, nseen * sizeof *w);
                        seen = w;
                    }
                    seen[nseen++] = idx;
                }
            }
            if (v->kind == N_COMPOSITE && !v->x) composite(c, v, e);
            else check_expr_hint(c, v, e);
            check_assignment(c, v, e, "array or slice literal");
            idx++;
        }
        break;
    }
    case K_MAP: {
        Type *kt = u->key, *vt = u->elem;
        Node **keys = mem_alloc((n->list.n + 1) * sizeof *keys);
        int nkeys = 0;
        for (int i = 0; i < n->list.n; i++) {
            Node *el = n->list.v[i];
            if (el->kind != N_KEYVALUE) {
                check_error_at(c, el, "missing key in map literal");
                if (el->kind != N_COMPOSITE || el->x) check_expr(c, el);
                continue;
            }
            Node *k = el->x;
            if (k->kind == N_COMPOSITE && !k->x) composite(c, k, kt);
            else check_expr_hint(c, k, kt);
            if (check_assignment(c, k, kt, "map literal") && k->mode == MODE_CONST && k->val) {
                bool dup = false;
                for (int q = 0; q < nkeys && !dup; q++) {
                    Node *o = keys[q];
                    if (o->type == k->type && o->val->kind == k->val->kind &&
                        const_compare(T_EQL, o->val, k->val))
                        dup = true;
                }
                if (dup) check_error_at(c, k, "duplicate key %s in map literal", check_expr_str(k));
                else keys[nkeys++] = k;
            }
            Node *v = el->y;
            if (v->kind == N_COMPOSITE && !v->x) composite(c, v, vt);
            else check_expr_hint(c, v, vt);
            check_assignment(c, v, vt, "map literal");
        }
        break;
    }
    default:
        for (int i = 0; i < n->list.n; i++) {
            Node *el = n->list.v[i];
            Node *v = el->kind == N_KEYVALUE ? el->y : el;
            if (v->kind != N_COMPOSITE || v->x) check_expr(c, v);
        }
        check_error_at(c, n, "invalid composite literal type %s", check_type_str(c, typ));
        set_invalid(n);
        return;
    }
    n->mode = MODE_VALUE;
    n->type = typ;
}

// ---- Selectors ----

static Selection *new_selection(SelKind kind, Obj *obj, Type *recv) {
    Selection *s = mem_new(Selection);
    s->kind = kind;
    s->obj = obj;
    s->recv = recv;
    return s;
}

static const char *case_flip(const char *sel) {
    char *s = mem_strndup(sel, strlen(sel));
    if (s[0] >= 'a' && s[0] <= 'z') s[0] = (char)(s[0] - 'a' + 'A');
    else if (s[0] >= 'A' && s[0] <= 'Z') s[0] = (char)(s[0] - 'A' + 'a');
    return s;
}

void check_mark_addressed(Node *n) {
    for (;;) {
        n = check_unparen(n);
        if (!n) return;
        if (n->kind == N_NAME) {
            Obj *o = n->obj;
            if (o && o->kind == OBJ_VAR) o->addressed = true;
            return;
        }
        if (n->kind == N_SELECTOR) {
            Selection *s = n->obj;
            if (!s || s->kind != SEL_FIELD) return;
            // Through a pointer, the variable itself is not addressed.
            for (int i = 0; i < s->npath; i++)
                if (s->indirect && s->indirect[i]) return;
            n = n->x;
            continue;
        }
        if (n->kind == N_INDEX) {
            Type *t = n->x->type;
            if (!t || under(t)->kind != K_ARRAY) return;
            n = n->x;
            continue;
        }
        if (n->kind == N_COMPOSITE) return;
        return;
    }
}

static void selector(Checker *c, Node *n, bool want_type) {
    Node *x = n->x;
    const char *sel = check_name(n->name);
    n->val = NULL;
    // A qualified identifier pkg.Name.
    if (x->kind == N_NAME) {
        Obj *po = lookup(c, check_name(x));
        if (po && po->kind == OBJ_PKG) {
            po->used = true;
            x->obj = po;
            x->mode = MODE_PKG;
            x->type = type_invalid;
            Package *ip = po->imported;
            Obj *e = ip && ip->scope ? scope_lookup_here(ip->scope, sel) : NULL;
            if (!e) {
                check_error_at(c, n->name, "undefined: %s", check_expr_str(n));
                set_invalid(n);
                return;
            }
            if (!e->exported) {
                check_error_at(c, n->name, "name %s not exported by package %s", sel, ip->name);
            }
            n->name->obj = e;
            n->obj = new_selection(SEL_PKG, e, NULL);
            switch (e->kind) {
            case OBJ_CONST:
                n->mode = MODE_CONST;
                n->type = e->type;
                n->val = e->val;
                break;
            case OBJ_TYPE:
                n->mode = MODE_TYPE;
                n->type = e->type;
                break;
            case OBJ_VAR:
                n->mode = MODE_VAR;
                n->type = e->type;
                break;
            case OBJ_FUNC:
                n->mode = MODE_VALUE;
                n->type = e->type;
                break;
            default:
                set_invalid(n);
                return;
            }
            if (!n->type || (!valid_type(n->type) && n->mode != MODE_TYPE)) set_invalid(n);
            return;
        }
    }
    check_expr_or_type(c, x);
    if (x->mode == MODE_INVALID) {
        set_invalid(n);
        return;
    }
    if (x->mode == MODE_BUILTIN) {
        check_errorf(c, n->opline, n->opcol, "invalid use of %s in selector expression", check_operand_str(c, x));
        set_invalid(n);
        return;
    }
    if (x->mode == MODE_PKG) {
        set_invalid(n);
        return;
    }
    if (x->mode == MODE_NOVALUE) {
        check_error_at(c, x, "%s used as value", check_operand_str(c, x));
        set_invalid(n);
        return;
    }
    check_single_value(c, x);
    if (x->mode == MODE_INVALID) {
        set_invalid(n);
        return;
    }
    if (want_type) {
        check_error_at(c, n->name, "%s is not a type", check_expr_str(n));
        set_invalid(n);
        return;
    }
    Type *xt = x->type;
    if (!valid_type(xt) || !valid_type(under(xt))) {
        set_invalid(n);
        return;
    }
    if (type_is_untyped(xt)) {
        check_default(c, x);
        xt = x->type;
    }
    LookupResult r;
    check_lookup(c, xt, sel, &r);
    bool addressable = x->mode == MODE_VAR;
    if (r.kind == LK_AMBIGUOUS) {
        check_error_at(c, n->name, "ambiguous selector %s.%s", check_expr_str(x), sel);
        set_invalid(n);
        return;
    }
    if (r.kind == LK_METHOD && r.method->ptr_recv && !r.any_indirect && !addressable &&
        x->mode != MODE_TYPE) {
        check_error_at(c, n->name, "cannot call pointer method %s on %s", sel, check_type_str(c, xt));
        set_invalid(n);
        return;
    }
    if (r.kind == LK_NONE) {
        bool ip;
        Type *b = check_deref(xt, &ip);
        const char *why;
        if (ip && b->kind == K_INTERFACE && !type_is_named(xt))
            why = mem_sprintf("type %s is pointer to interface, not interface", check_type_str(c, xt));
        else {
            why = mem_sprintf("type %s has no field or method %s", check_type_str(c, xt), sel);
            const char *flip = case_flip(sel);
            LookupResult r2;
            check_lookup(c, xt, flip, &r2);
            if (r2.kind != LK_NONE && r2.kind != LK_AMBIGUOUS) why = mem_sprintf("%s, but does have %s", why, flip);
        }
        check_error_at(c, n->name, "%s.%s undefined (%s)", check_expr_str(x), sel, why);
        set_invalid(n);
        return;
    }
    Selection *s;
    if (x->mode == MODE_TYPE) {
        // A method expression T.m or (*T).m.
        if (r.kind == LK_FIELD) {
            check_error_at(c, n->name, "%s.%s undefined (type %s has no method %s)", check_expr_str(x), sel,
                           check_type_str(c, xt), sel);
            set_invalid(n);
            return;
        }
        if (r.kind == LK_METHOD && r.method->ptr_recv && !r.any_indirect) {
            check_error_at(c, n->name, "invalid method expression %s.%s (needs pointer receiver (*%s).%s)",
                           check_expr_str(x), sel, check_type_str(c, xt), sel);
            set_invalid(n);
            return;
        }
        s = new_selection(SEL_METHOD_EXPR, r.obj, xt);
        Type *sig = r.method->sig;
        Field *ps = mem_alloc((sig->nfields + 2) * sizeof *ps);
        ps[0].type = xt;
        for (int i = 0; i < sig->nfields; i++) ps[i + 1] = sig->fields[i];
        n->type = type_func(sig->nfields + 1, ps, sig->nresults, sig->results, sig->variadic);
        n->mode = MODE_VALUE;
        if (r.obj) check_add_dep(c, r.obj);
    } else if (r.kind == LK_FIELD) {
        s = new_selection(SEL_FIELD, r.obj, xt);
        n->mode = addressable || r.any_indirect ? MODE_VAR : MODE_VALUE;
        n->type = r.field->type;
    } else {
        s = new_selection(r.kind == LK_METHOD ? SEL_METHOD : SEL_IFACE_METHOD, r.obj, xt);
        n->mode = MODE_VALUE;
        n->type = r.method->sig;
        if (r.kind == LK_METHOD) {
            bool last_ptr = r.last && r.last->kind == K_POINTER && !type_is_named(r.last);
            s->addr_recv = r.method->ptr_recv && !last_ptr;
            s->deref_recv = !r.method->ptr_recv && last_ptr;
            if (s->addr_recv && addressable) check_mark_addressed(x);
            if (r.obj) check_add_dep(c, r.obj);
        }
    }
    s->npath = r.npath;
    s->path = r.path;
    s->indirect = r.indirect;
    s->method = r.method;
    n->obj = s;
    n->name->obj = r.obj;
    if (r.kind == LK_METHOD && s->kind == SEL_METHOD_EXPR) s->method = r.method;
}

// ---- Index and slice expressions ----

int64_t check_index(Checker *c, Node *n, int64_t max, bool allow_neg, const char *what) {
    check_expr(c, n);
    if (n->mode == MODE_INVALID) return -2;
    check_convert_untyped(c, n, type_int);
    if (n->mode == MODE_INVALID) return -2;
    if (!all_integer(n->type)) {
        check_error_at(c, n, "invalid argument: %s %s must be integer", what, check_operand_str(c, n));
        return -2;
    }
    if (n->mode != MODE_CONST) return -1;
    if (!n->val || n->val->kind == CV_UNKNOWN) return -2;
    if (!allow_neg && const_sign(n->val) < 0) {
        check_error_at(c, n, "invalid argument: %s %s must not be negative", what, check_operand_str(c, n));
        return -2;
    }
    if (!const_representable(n->val, type_int, NULL)) {
        check_error_at(c, n, "invalid argument: %s %s overflows int", what, check_operand_str(c, n));
        return -2;
    }
    int64_t v = const_get_int64(n->val);
    if (max >= 0 && v >= max) {
        check_error_at(c, n, "invalid argument: index %s out of bounds [0:%lld]", const_text(n->val),
                       (long long)max);
        return -2;
    }
    return v;
}

static void index_expr(Checker *c, Node *n) {
    Node *x = n->x;
    check_expr_or_type(c, x);
    if (x->mode == MODE_INVALID) {
        for (int i = 0; i < n->list.n; i++) check_expr_or_type(c, n->list.v[i]);
        set_invalid(n);
        return;
    }
    if (x->mode == MODE_TYPE) {
        check_errorf(c, x->line, x->col, "%s is not a generic type", check_type_str(c, x->type));
        set_invalid(n);
        return;
    }
    check_single_value(c, x);
    if (x->mode == MODE_INVALID || x->mode == MODE_NOVALUE || x->mode == MODE_BUILTIN || x->mode == MODE_PKG) {
        if (x->mode == MODE_BUILTIN) check_error_at(c, x, "%s must be called", check_operand_str(c, x));
        set_invalid(n);
        return;
    }
    if (x->mode == MODE_VALUE && x->type && x->type->kind == K_FUNC && x->kind == N_NAME) {
        Obj *o = x->obj;
        if (o && o->kind == OBJ_FUNC) {
            check_error_at(c, x, "invalid operation: cannot index %s", check_operand_str(c, x));
            set_invalid(n);
            return;
        }
    }
    Type *u = under(x->type);
    bool valid = false;
    int64_t length = -1;
    Mode mode = MODE_VALUE;
    Type *elem = NULL;
    if (type_is_string(u)) {
        valid = true;
        if (x->mode == MODE_CONST && x->val) length = x->val->slen;
        if (type_is_untyped(x->type)) check_convert_untyped(c, x, type_string);
        mode = MODE_VALUE;
        elem = type_uint8;
    } else if (u->kind == K_ARRAY) {
        valid = true;
        length = u->len;
        mode = x->mode == MODE_VAR ? MODE_VAR : MODE_VALUE;
        elem = u->elem;
    } else if (u->kind == K_POINTER && under(u->elem)->kind == K_ARRAY) {
        valid = true;
        length = under(u->elem)->len;
        mode = MODE_VAR;
        elem = under(u->elem)->elem;
    } else if (u->kind == K_SLICE) {
        valid = true;
        mode = MODE_VAR;
        elem = u->elem;
    } else if (u->kind == K_MAP) {
        if (n->list.n != 1) {
            check_errorf(c, n->opline, n->opcol, "invalid operation: more than one index");
            set_invalid(n);
            return;
        }
        Node *k = n->list.v[0];
        check_expr_hint(c, k, u->key);
        check_assignment(c, k, u->key, "map index");
        n->mode = MODE_MAPINDEX;
        n->type = u->elem;
        return;
    }
    if (!valid) {
        check_errorf(c, n->opline, n->opcol, "invalid operation: cannot index %s", check_operand_str(c, x));
        for (int i = 0; i < n->list.n; i++) check_expr_or_type(c, n->list.v[i]);
        set_invalid(n);
        return;
    }
    if (n->list.n != 1) {
        check_errorf(c, n->opline, n->opcol, "invalid operation: more than one index");
        set_invalid(n);
        return;
    }
    check_index(c, n->list.v[0], length, false, "index");
    n->mode = mode;
    n->type = elem;
}

static void slice_expr(Checker *c, Node *n) {
    Node *x = n->x;
    check_expr(c, x);
    Node *idx[3] = { n->y, n->z, n->w };
    if (x->mode == MODE_INVALID) {
        for (int i = 0; i < 3; i++)
            if (idx[i]) check_expr(c, idx[i]);
        set_invalid(n);
        return;
    }
    Type *u = under(x->type);
    bool valid = false;
    int64_t length = -1;
    Type *rt = x->type;
    bool full = (n->flags & NF_SLICE3) != 0;
    if (type_is_string(u)) {
        if (full) {
            check_error_at(c, n->w ? n->w : n, "invalid operation: 3-index slice of string");
            set_invalid(n);
            return;
        }
        valid = true;
        if (x->mode == MODE_CONST && x->val) length = x->val->slen;
        if (type_is_untyped(x->type)) {
            check_convert_untyped(c, x, type_string);
            rt = type_string;
        }
    } else if (u->kind == K_ARRAY) {
        valid = true;
        length = u->len;
        if (x->mode != MODE_VAR) {
            check_error_at(c, x, "invalid operation: cannot slice %s (value not addressable)",
                           check_operand_str(c, x));
            set_invalid(n);
            return;
        }
        rt = type_slice(u->elem);
        check_mark_addressed(x);
    } else if (u->kind == K_POINTER && under(u->elem)->kind == K_ARRAY) {
        valid = true;
        length = under(u->elem)->len;
        rt = type_slice(under(u->elem)->elem);
    } else if (u->kind == K_SLICE) {
        valid = true;
    }
    if (!valid) {
        check_error_at(c, x, "cannot slice %s", check_operand_str(c, x));
        set_invalid(n);
        return;
    }
    int64_t ind[3];
    for (int i = 0; i < 3; i++) {
        int64_t v = -1;
        if (idx[i]) {
            int64_t max = length >= 0 ? length + 1 : -1;
            int64_t r = check_index(c, idx[i], max, false, "index");
            if (r >= 0) v = r;
        } else if (i == 0) {
            v = 0;
        } else if (length >= 0) {
            v = length;
        }
        ind[i] = v;
    }
    for (int i = 0; i < 2; i++) {
        if (ind[i] <= 0) continue;
        for (int j = i + 1; j < 3; j++) {
            if (ind[j] >= 0 && ind[j] < ind[i] && idx[j]) {
                check_error_at(c, idx[j], "invalid slice indices: %lld < %lld", (long long)ind[j],
                               (long long)ind[i]);
                goto done;
            }
        }
    }
done:
    n->mode = MODE_VALUE;
    n->type = rt;
}

// ---- Type assertions ----

static void type_assert(Checker *c, Node *n) {
    Node *x = n->x;
    check_expr(c, x);
    if (!n->y) {
        check_error_at(c, n, "invalid syntax tree: use of .(type) outside type switch");
        set_invalid(n);
        return;
    }
    if (x->mode == MODE_INVALID) {
        check_typexpr(c, n->y);
        set_invalid(n);
        return;
    }
    if (!check_is_interface(under(x->type))) {
        check_error_at(c, x, "invalid operation: %s is not an interface", check_operand_str(c, x));
        check_typexpr(c, n->y);
        set_invalid(n);
        return;
    }
    Type *t = check_typexpr(c, n->y);
    if (!valid_type(t)) {
        set_invalid(n);
        return;
    }
    if (!check_is_interface(under(t))) {
        const char *cause = NULL;
        if (check_missing_method(c, t, x->type, false, &cause)) {
            check_error_at(c, n, "impossible type assertion: %s\n\t%s does not implement %s %s", check_expr_str(n),
                           check_type_str(c, t), check_type_str(c, x->type), cause ? cause : "");
            set_invalid(n);
            return;
        }
    }
    n->mode = MODE_COMMAOK;
    n->type = t;
}

// ---- Unary expressions ----

static bool addressable_or_composite(Node *x) {
    Node *u = check_unparen(x);
    return x->mode == MODE_VAR || (u && u->kind == N_COMPOSITE);
}

static void unary(Checker *c, Node *n) {
    Node *x = n->x;
    int op = n->op;
    if (op == T_ARROW) {
        check_expr_or_type(c, x);
        if (x->mode == MODE_TYPE) {
            // <-chan T written as a conversion's type: `<-chan int(c)`.
            Type *t = x->type;
            if (valid_type(t) && t->kind == K_CHAN && !type_is_named(t) && t->dir == CHAN_BOTH) {
                n->mode = MODE_TYPE;
                n->type = type_chan(CHAN_RECV, t->elem);
                return;
            }
            check_error_at(c, x, "%s is not an expression", check_operand_str(c, x));
            set_invalid(n);
            return;
        }
        check_single_value(c, x);
        if (x->mode == MODE_INVALID) {
            set_invalid(n);
            return;
        }
        if (x->mode == MODE_NOVALUE || x->mode == MODE_BUILTIN || x->mode == MODE_PKG) {
            check_expr(c, x);
            set_invalid(n);
            return;
        }
        Type *u = under(x->type);
        if (u->kind != K_CHAN) {
            check_error_at(c, x, "invalid operation: cannot receive from non-channel %s", check_operand_str(c, x));
            set_invalid(n);
            return;
        }
        if (u->dir == CHAN_SEND) {
            check_error_at(c, x, "invalid operation: cannot receive from send-only channel %s",
                           check_operand_str(c, x));
            set_invalid(n);
            return;
        }
        n->mode = MODE_COMMAOK;
        n->type = u->elem;
        return;
    }
    check_expr(c, x);
    if (x->mode == MODE_INVALID) {
        set_invalid(n);
        return;
    }
    if (op == T_AND) {
        Node *u = check_unparen(x);
        if (!addressable_or_composite(x)) {
            check_error_at(c, x, "invalid operation: cannot take address of %s", check_operand_str(c, x));
            set_invalid(n);
            return;
        }
        (void)u;
        check_mark_addressed(x);
        n->mode = MODE_VALUE;
        n->type = type_pointer(x->type);
        return;
    }
    Type *t = x->type;
    bool ok;
    switch (op) {
    case T_ADD: case T_SUB: ok = all_numeric(t); break;
    case T_XOR: ok = all_integer(t); break;
    case T_NOT: ok = all_boolean(t); break;
    default:
        check_error_at(c, n, "unknown operator %s", op_str(op));
        set_invalid(n);
        return;
    }
    if (!ok) {
        check_error_at(c, x, "invalid operation: operator %s not defined on %s", op_str(op), check_operand_str(c, x));
        set_invalid(n);
        return;
    }
    if (x->mode == MODE_CONST) {
        ConstErr err;
        Const *v;
        if (op == T_XOR && type_is_unsigned(under(t))) {
            // ^x of an unsigned type flips the type's bits only.
            Const *all = const_uint64(~(uint64_t)0);
            int bits = (int)under(t)->size * 8;
            if (bits < 64) all = const_uint64(((uint64_t)1 << bits) - 1);
            v = const_binary(T_XOR, x->val, all, true, &err);
        } else {
            v = const_unary(op, x->val, &err);
        }
        n->mode = MODE_CONST;
        n->type = t;
        n->val = v;
        if (type_is_untyped(t)) {
            if (v->kind == CV_INT && mpz_sizeinbase(v->i, 2) > 512) {
                check_errorf(c, n->opline, n->opcol, "constant %s overflow",
                             op == T_SUB ? "negation" : op == T_XOR ? "bitwise complement" : "operation");
                set_invalid(n);
            }
        } else {
            check_representable(c, n, t);
        }
        return;
    }
    n->mode = MODE_VALUE;
    n->type = t;
}

// ---- Untyped conversion ----

static int untyped_rank(const Type *t) {
    switch (t->kind) {
    case K_UNTYPED_INT: return 1;
    case K_UNTYPED_RUNE: return 2;
    case K_UNTYPED_FLOAT: return 3;
    case K_UNTYPED_COMPLEX: return 4;
    default: return 0;
    }
}

// max_type is types2's maxType for two untyped types.
static Type *max_type(Type *x, Type *y) {
    int a = untyped_rank(x), b = untyped_rank(y);
    if (a && b) return a >= b ? x : y;
    if (x == y) return x;
    return NULL;
}

// representation converts constant n to basic type t; the code says why not.
static Const *representation(Node *n, Type *t, int *code) {
    Const *v = NULL;
    *code = IC_OK;
    if (const_representable(n->val, t, &v)) return v;
    if (type_is_numeric(n->type) && type_is_numeric(t)) {
        if (!type_is_integer(n->type) && type_is_integer(t)) *code = IC_TRUNCATED;
        else *code = IC_OVERFLOW;
    } else {
        *code = IC_INVALID;
    }
    return NULL;
}

Type *check_implicit_type(Checker *c, Node *n, Type *target, Const **val, int *code) {
    (void)c;
    *val = NULL;
    *code = IC_OK;
    if (n->mode == MODE_INVALID || !type_is_untyped(n->type) || !valid_type(target)) return n->type;
    if (type_is_untyped(target)) {
        Type *m = max_type(n->type, target);
        if (m) return m;
        *code = IC_INVALID;
        return NULL;
    }
    if (is_nil(n)) {
        if (check_has_nil(under(target))) return type_untyped_nil;
        *code = IC_INVALID;
        return NULL;
    }
    Type *u = under(target);
    switch (u->kind) {
    case K_BOOL: case K_INT: case K_INT8: case K_INT16: case K_INT32: case K_INT64:
    case K_UINT: case K_UINT8: case K_UINT16: case K_UINT32: case K_UINT64: case K_UINTPTR:
    case K_FLOAT32: case K_FLOAT64: case K_COMPLEX64: case K_COMPLEX128: case K_STRING:
    case K_UNSAFE_POINTER:
        if (n->mode == MODE_CONST && n->val) {
            Const *v = representation(n, u, code);
            if (*code) return NULL;
            *val = v;
            return target;
        }
        switch (n->type->kind) {
        case K_UNTYPED_BOOL:
            if (!type_is_boolean(u)) *code = IC_INVALID;
            break;
        case K_UNTYPED_INT: case K_UNTYPED_RUNE: case K_UNTYPED_FLOAT: case K_UNTYPED_COMPLEX:
            if (!type_is_numeric(u)) *code = IC_INVALID;
            break;
        case K_UNTYPED_STRING:
            if (!type_is_string(u)) *code = IC_INVALID;
            break;
        default:
            *code = IC_INVALID;
        }
        if (*code) return NULL;
        return target;
    case K_INTERFACE:
        if (u->nmethods) {
            *code = IC_INVALID;
            return NULL;
        }
        return type_default(n->type);
    default:
        *code = IC_INVALID;
        return NULL;
    }
}

void check_invalid_conversion(Checker *c, Node *n, Type *t, int code) {
    const char *x = check_operand_str(c, n);
    const char *ts = check_type_str(c, t);
    if (code == IC_TRUNCATED) check_error_at(c, n, "%s truncated to %s", x, ts);
    else if (code == IC_OVERFLOW) check_error_at(c, n, "%s overflows %s", x, ts);
    else check_error_at(c, n, "cannot convert %s to type %s", x, ts);
}

bool check_representable(Checker *c, Node *n, Type *t) {
    int code;
    Const *v = representation(n, under(t), &code);
    if (code) {
        check_invalid_conversion(c, n, under(t), code);
        set_invalid(n);
        return false;
    }
    n->val = v;
    return true;
}

// Lhs operands of non-constant shifts whose type the context decides must
// end up integers (Checker.shift_lhs).
static bool is_shift_lhs(Checker *c, Node *n) {
    for (int i = 0; i < c->nshift_lhs; i++)
        if (c->shift_lhs[i] == n) return true;
    return false;
}

static bool is_comparison(int op) {
    return op == T_EQL || op == T_NEQ || op == T_LSS || op == T_LEQ || op == T_GTR || op == T_GEQ;
}

void check_update_type(Checker *c, Node *n, Type *t, bool final) {
    if (!n || !n->type || !type_is_untyped(n->type) || n->mode == MODE_INVALID) return;
    switch (n->kind) {
    case N_PAREN:
        check_update_type(c, n->x, t, final);
        break;
    case N_UNARY:
        if (n->mode != MODE_CONST) check_update_type(c, n->x, t, final);
        break;
    case N_BINARY:
        if (n->mode == MODE_CONST) break;
        if (is_comparison(n->op)) {
            // the operands have their final types already
        } else if (n->op == T_SHL || n->op == T_SHR) {
            check_update_type(c, n->x, t, final);
        } else {
            check_update_type(c, n->x, t, final);
            check_update_type(c, n->y, t, final);
        }
        break;
    default:
        break;
    }
    if (!final && type_is_untyped(t)) {
        n->type = t;
        return;
    }
    if (is_shift_lhs(c, n) && !all_integer(t)) {
        check_error_at(c, n, "invalid operation: shifted operand %s (type %s) must be integer", check_expr_str(n),
                       check_type_str(c, t));
        return;
    }
    if (n->mode == MODE_CONST && n->val && !type_is_untyped(t) && t->kind != K_INTERFACE) {
        int code;
        Const *v = representation(n, under(t), &code);
        if (code) {
            check_invalid_conversion(c, n, under(t), code);
            return;
        }
        n->val = v;
    }
    n->type = t;
}

void check_convert_untyped(Checker *c, Node *n, Type *target) {
    Const *v;
    int code;
    Type *nt = check_implicit_type(c, n, target, &v, &code);
    if (code) {
        check_invalid_conversion(c, n, valid_type(target) ? under(target) : target, code);
        set_invalid(n);
        return;
    }
    if (v) n->val = v;
    if (nt && nt != n->type) check_update_type(c, n, nt, false);
}

void check_default(Checker *c, Node *n) {
    if (n->type && type_is_untyped(n->type) && n->type->kind != K_UNTYPED_NIL)
        check_convert_untyped(c, n, type_default(n->type));
}

// ---- Assignability ----

bool check_assignable_to(Checker *c, Node *n, Type *t, const char **cause) {
    if (n->mode == MODE_INVALID || !valid_type(t)) return true;
    Type *v = n->type;
    if (!v || !valid_type(v)) return true;
    if (v == t) return true;
    Type *vu = under(v), *tu = under(t);
    if (type_is_untyped(vu)) {
        Const *val;
        int code;
        Type *nt = check_implicit_type(c, n, t, &val, &code);
        return nt != NULL;
    }
    if (vu == tu && (!type_is_named(v) || !type_is_named(t))) return true;
    bool tptr = false;
    Type *tb = check_deref(tu, &tptr);
    if (tu->kind == K_INTERFACE || (tptr && tb && under(tb)->kind == K_INTERFACE)) {
        if (tu->kind == K_INTERFACE) {
            if (check_implements(c, v, t, cause)) return true;
            return false;
        }
        if (cause)
            *cause = mem_sprintf("type %s is pointer to interface, not interface", check_type_str(c, t));
        return false;
    }
    if (vu->kind == K_INTERFACE) {
        // t implements v: a type assertion would do.
        if (check_implements(c, t, v, NULL) && cause) *cause = "need type assertion";
        return false;
    }
    if (vu->kind == K_CHAN && vu->dir == CHAN_BOTH && tu->kind == K_CHAN && vu->elem == tu->elem)
        return !type_is_named(v) || !type_is_named(t);
    return false;
}

bool check_assignment(Checker *c, Node *n, Type *t, const char *context) {
    check_single_value(c, n);
    switch ((Mode)n->mode) {
    case MODE_INVALID:
        return false;
    case MODE_CONST: case MODE_VAR: case MODE_MAPINDEX: case MODE_VALUE: case MODE_COMMAOK:
        break;
    default:
        if (n->mode == MODE_TYPE || n->mode == MODE_BUILTIN || n->mode == MODE_NOVALUE || n->mode == MODE_PKG) {
            check_expr(c, n);   // reports it
            return false;
        }
        check_error_at(c, n, "cannot assign %s to %s in %s", check_operand_str(c, n), check_type_str(c, t),
                       context);
        set_invalid(n);
        return false;
    }
    if (type_is_untyped(n->type)) {
        Type *target = t;
        if (is_nil(n)) {
            if (!t) {
                check_error_at(c, n, "use of untyped nil in %s", context);
                set_invalid(n);
                return false;
            }
        } else if (!t || under(t)->kind == K_INTERFACE) {
            target = type_default(n->type);
        }
        Const *v;
        int code;
        Type *nt = check_implicit_type(c, n, target, &v, &code);
        if (code) {
            const char *msg = mem_sprintf("cannot use %s as %s value in %s", check_operand_str(c, n),
                                          check_type_str(c, target), context);
            if (code == IC_TRUNCATED) msg = mem_sprintf("%s (truncated)", msg);
            else if (code == IC_OVERFLOW) msg = mem_sprintf("%s (overflows)", msg);
            check_error_at(c, n, "%s", msg);
            set_invalid(n);
            return false;
        }
        if (v) n->val = v;
        if (nt != n->type) check_update_type(c, n, nt, false);
    }
    if (!t) return true;
    const char *cause = NULL;
    if (!check_assignable_to(c, n, t, &cause)) {
        if (cause)
            check_error_at(c, n, "cannot use %s as %s value in %s: %s", check_operand_str(c, n),
                           check_type_str(c, t), context, cause);
        else
            check_error_at(c, n, "cannot use %s as %s value in %s", check_operand_str(c, n),
                           check_type_str(c, t), context);
        n->mode = MODE_INVALID;
        return false;
    }
    return true;
}

// ---- Binary expressions ----

static const char *kind_string(Checker *c, Type *t) {
    switch (under(t)->kind) {
    case K_ARRAY: return "array";
    case K_SLICE: return "slice";
    case K_STRUCT: return "struct";
    case K_POINTER: return "pointer";
    case K_FUNC: return "func";
    case K_INTERFACE: return "interface";
    case K_MAP: return "map";
    case K_CHAN: return "chan";
    default: return check_type_str(c, t);
    }
}

static const char *incomparable_cause(Checker *c, Type *t) {
    switch (under(t)->kind) {
    case K_SLICE: case K_FUNC: case K_MAP:
        return mem_sprintf("%s can only be compared to nil", kind_string(c, t));
    default: {
        const char *why = NULL;
        check_comparable(t, &why, c);
        return why;
    }
    }
}

void check_comparison(Checker *c, Node *e, Node *x, Node *y, int op, bool switch_case) {
    if (!valid_type(x->type) || !valid_type(y->type)) {
        set_invalid(e);
        return;
    }
    if (switch_case) op = T_EQL;
    Node *err_op = x;
    const char *cause = NULL;
    bool ok = check_assignable_to(c, x, y->type, NULL) || check_assignable_to(c, y, x->type, NULL);
    if (!ok) {
        err_op = y;
        cause = mem_sprintf("mismatched types %s and %s", check_type_str(c, x->type), check_type_str(c, y->type));
        goto error;
    }
    if (op == T_EQL || op == T_NEQ) {
        if (is_nil(x) || is_nil(y)) {
            Type *t = is_nil(x) ? y->type : x->type;
            if (!check_has_nil(under(t)) || t->kind == K_UNTYPED_NIL) {
                err_op = y;
                goto error;
            }
        } else if (!check_comparable(x->type, NULL, c)) {
            err_op = x;
            cause = incomparable_cause(c, x->type);
            goto error;
        } else if (!check_comparable(y->type, NULL, c)) {
            err_op = y;
            cause = incomparable_cause(c, y->type);
            goto error;
        }
    } else {
        if (!all_ordered(x->type)) {
            err_op = x;
            goto error;
        }
        if (!all_ordered(y->type)) {
            err_op = y;
            goto error;
        }
    }
    if (x->mode == MODE_CONST && y->mode == MODE_CONST && x->val && y->val) {
        e->mode = MODE_CONST;
        e->val = const_bool(const_compare(op, x->val, y->val));
    } else {
        e->mode = MODE_VALUE;
        e->val = NULL;
        if (!is_nil(x)) check_update_type(c, x, type_default(x->type), true);
        if (!is_nil(y)) check_update_type(c, y, type_default(y->type), true);
    }
    e->type = type_untyped_bool;
    return;
error:
    if (!cause) cause = mem_sprintf("operator %s not defined on %s", op_str(op), kind_string(c, err_op->type));
    if (switch_case)
        check_error_at(c, x, "invalid case %s in switch on %s (%s)", check_expr_str(x), check_expr_str(y), cause);
    else
        check_error_at(c, err_op, "invalid operation: %s %s %s (%s)", check_expr_str(x), op_str(op),
                       check_expr_str(y), cause);
    set_invalid(e);
}

static void shift(Checker *c, Node *e, Node *x, Node *y, int op, int opline, int opcol) {
    Const *xval = NULL;
    if (x->mode == MODE_CONST && x->val) xval = const_to_int(x->val);
    if (!(all_integer(x->type) || (type_is_untyped(x->type) && xval))) {
        check_error_at(c, x, "invalid operation: shifted operand %s must be integer", check_operand_str(c, x));
        set_invalid(e);
        return;
    }
    Const *yval = NULL;
    if (y->mode == MODE_CONST && y->val) {
        yval = const_to_int(y->val);
        if (yval && const_sign(yval) < 0) {
            check_error_at(c, y, "invalid operation: negative shift count %s", check_operand_str(c, y));
            set_invalid(e);
            return;
        }
        if (type_is_untyped(y->type)) {
            int code;
            representation(y, type_uint, &code);
            if (code) {
                check_invalid_conversion(c, y, type_uint, code);
                set_invalid(e);
                return;
            }
        }
    } else {
        if (all_integer(y->type)) {
            // fine
        } else if (type_is_untyped(y->type)) {
            check_convert_untyped(c, y, type_uint);
            if (y->mode == MODE_INVALID) {
                set_invalid(e);
                return;
            }
        } else {
            check_error_at(c, y, "invalid operation: shift count %s must be integer", check_operand_str(c, y));
            set_invalid(e);
            return;
        }
    }
    if (x->mode == MODE_CONST) {
        if (y->mode == MODE_CONST) {
            if (!x->val || !y->val || x->val->kind == CV_UNKNOWN || y->val->kind == CV_UNKNOWN) {
                e->mode = MODE_CONST;
                e->val = const_unknown();
                e->type = type_is_integer(x->type) ? x->type : type_untyped_int;
                return;
            }
            if (!yval || mpz_cmp_ui(yval->i, 1023 - 1 + 52) > 0) {
                check_error_at(c, y, "invalid operation: invalid shift count %s", check_operand_str(c, y));
                set_invalid(e);
                return;
            }
            Type *t = type_is_integer(x->type) ? x->type : type_untyped_int;
            ConstErr err;
            Const *v = const_shift(op, xval, yval, &err);
            e->mode = MODE_CONST;
            e->type = t;
            e->val = v;
            if (err == CE_OVERFLOW || (type_is_untyped(t) && v->kind == CV_INT && mpz_sizeinbase(v->i, 2) > 512)) {
                check_errorf(c, opline, opcol, "constant shift overflow");
                set_invalid(e);
                return;
            }
            if (!type_is_untyped(t)) check_representable(c, e, t);
            return;
        }
        if (type_is_untyped(x->type)) {
            // The context decides the type of `1 << s`.
            if (c->nshift_lhs == c->capshift_lhs) {
                c->capshift_lhs = c->capshift_lhs ? c->capshift_lhs * 2 : 32;
                Node **v = mem_alloc(c->capshift_lhs * sizeof *v);
                if (c->nshift_lhs) memcpy(v, c->shift_lhs, c->nshift_lhs * sizeof *v);
                c->shift_lhs = v;
            }
            c->shift_lhs[c->nshift_lhs++] = x;
            e->mode = MODE_VALUE;
            e->type = x->type;
            e->val = NULL;
            return;
        }
    }
    if (!all_integer(x->type)) {
        check_error_at(c, x, "invalid operation: shifted operand %s must be integer", check_operand_str(c, x));
        set_invalid(e);
        return;
    }
    e->mode = MODE_VALUE;
    e->type = x->type;
    e->val = NULL;
}

static bool may_convert(Node *x, Node *y) {
    if (!type_is_untyped(x->type) && !type_is_untyped(y->type)) return false;
    if (under(x->type)->kind == K_INTERFACE || under(y->type)->kind == K_INTERFACE) return true;
    if (all_boolean(x->type) != all_boolean(y->type)) return false;
    if (all_string(x->type) != all_string(y->type)) return false;
    if (is_nil(x)) return check_has_nil(under(y->type));
    if (is_nil(y)) return check_has_nil(under(x->type));
    if (under(x->type)->kind == K_POINTER || under(y->type)->kind == K_POINTER) return false;
    return true;
}

static const char *op_name(int op) {
    switch (op) {
    case T_ADD: return "addition";
    case T_SUB: return "subtraction";
    case T_XOR: return "bitwise XOR";
    case T_MUL: return "multiplication";
    case T_SHL: return "shift";
    default: return NULL;
    }
}

void check_binary(Checker *c, Node *e, Node *x, Node *y, int op, int opline, int opcol) {
    check_expr(c, x);
    check_expr(c, y);
    if (x->mode == MODE_INVALID || y->mode == MODE_INVALID) {
        set_invalid(e);
        return;
    }
    if (op == T_SHL || op == T_SHR) {
        shift(c, e, x, y, op, opline, opcol);
        return;
    }
    if (may_convert(x, y)) {
        check_convert_untyped(c, x, y->type);
        if (x->mode == MODE_INVALID) {
            set_invalid(e);
            return;
        }
        check_convert_untyped(c, y, x->type);
        if (y->mode == MODE_INVALID) {
            set_invalid(e);
            return;
        }
    }
    if (is_comparison(op)) {
        check_comparison(c, e, x, y, op, false);
        return;
    }
    if (x->type != y->type) {
        if (valid_type(x->type) && valid_type(y->type)) {
            if (e->kind == N_BINARY)
                check_error_at(c, x, "invalid operation: %s (mismatched types %s and %s)", check_expr_str(e),
                               check_type_str(c, x->type), check_type_str(c, y->type));
            else
                check_error_at(c, x, "invalid operation: %s %s= %s (mismatched types %s and %s)", check_expr_str(x),
                               op_str(op), check_expr_str(y), check_type_str(c, x->type),
                               check_type_str(c, y->type));
        }
        set_invalid(e);
        return;
    }
    bool ok;
    Type *t = x->type;
    switch (op) {
    case T_ADD: ok = all_numeric(t) || all_string(t); break;
    case T_SUB: case T_MUL: case T_QUO: ok = all_numeric(t); break;
    case T_REM: case T_AND: case T_OR: case T_XOR: case T_AND_NOT: ok = all_integer(t); break;
    case T_LAND: case T_LOR: ok = all_boolean(t); break;
    default:
        check_errorf(c, opline, opcol, "unknown operator %s", op_str(op));
        set_invalid(e);
        return;
    }
    if (!ok) {
        check_error_at(c, x, "invalid operation: operator %s not defined on %s", op_str(op), check_operand_str(c, x));
        set_invalid(e);
        return;
    }
    if (op == T_QUO || op == T_REM) {
        if ((x->mode == MODE_CONST || all_integer(x->type)) && y->mode == MODE_CONST && y->val &&
            const_sign(y->val) == 0) {
            check_error_at(c, y, "invalid operation: division by zero");
            set_invalid(e);
            return;
        }
        if (x->mode == MODE_CONST && y->mode == MODE_CONST && type_is_complex(under(x->type)) && y->val &&
            y->val->kind == CV_COMPLEX && mpq_sgn(y->val->re) == 0 && mpq_sgn(y->val->im) == 0) {
            check_error_at(c, y, "invalid operation: division by zero");
            set_invalid(e);
            return;
        }
    }
    if (x->mode == MODE_CONST && y->mode == MODE_CONST) {
        ConstErr err;
        Const *v = const_binary(op, x->val, y->val, all_integer(t), &err);
        e->mode = MODE_CONST;
        e->type = t;
        e->val = v;
        if (err == CE_DIV_ZERO) {
            check_error_at(c, y, "invalid operation: division by zero");
            set_invalid(e);
            return;
        }
        if (err == CE_OVERFLOW || (type_is_untyped(t) && v->kind == CV_INT && mpz_sizeinbase(v->i, 2) > 512)) {
            const char *name = op_name(op);
            check_errorf(c, opline, opcol, "constant %s%soverflow", name ? name : "", name ? " " : "");
            set_invalid(e);
            return;
        }
        if (!type_is_untyped(t)) check_representable(c, e, t);
        return;
    }
    e->mode = MODE_VALUE;
    e->type = t;
    e->val = NULL;
}

// ---- Function literals ----

void check_funclit(Checker *c, Node *n) {
    Scope *saved = c->scope;
    Scope *s = scope_new(c->scope);
    s->func_scope = true;
    Type *sig = check_signature(c, n->x, NULL, s, NULL);
    n->type = sig;
    n->mode = MODE_VALUE;
    if (!valid_type(sig)) {
        set_invalid(n);
        c->scope = saved;
        return;
    }
    c->scope = s;
    check_func_body(c, "func literal", sig, n, NULL, n->x, n->body);
    c->scope = saved;
}

// ---- The dispatcher ----

int check_raw(Checker *c, Node *n, Type *hint, bool allow_generic) {
    (void)allow_generic;
    if (!n) return EXPR_VALUE;
    if (++c->depth > CHECK_MAX_DEPTH) {
        c->depth--;
        if (!c->depth_reported) check_error_at(c, n, "expression nested too deeply");
        c->depth_reported = true;
        set_invalid(n);
        return EXPR_VALUE;
    }
    int kind = EXPR_VALUE;
    n->val = NULL;
    switch (n->kind) {
    case N_BAD:
        set_invalid(n);
        break;
    case N_NAME:
        check_ident(c, n, true, false);
        break;
    case N_BASICLIT:
        basic_lit(c, n);
        break;
    case N_COMPOSITE:
        composite(c, n, hint);
        break;
    case N_FUNCLIT:
        check_funclit(c, n);
        break;
    case N_PAREN:
        kind = check_raw(c, n->x, hint, allow_generic);
        n->mode = n->x->mode;
        n->type = n->x->type;
        n->val = n->x->val;
        break;
    case N_SELECTOR:
        selector(c, n, false);
        break;
    case N_INDEX:
        index_expr(c, n);
        break;
    case N_SLICE:
        slice_expr(c, n);
        break;
    case N_TYPEASSERT:
        type_assert(c, n);
        break;
    case N_CALL:
        kind = check_call(c, n);
        break;
    case N_STAR: {
        Node *x = n->x;
        check_expr_or_type(c, x);
        if (x->mode == MODE_INVALID) {
            set_invalid(n);
            break;
        }
        if (x->mode == MODE_TYPE) {
            n->mode = MODE_TYPE;
            n->type = type_pointer(x->type);
            break;
        }
        check_single_value(c, x);
        if (x->mode == MODE_INVALID) {
            set_invalid(n);
            break;
        }
        if (x->mode == MODE_NOVALUE || x->mode == MODE_BUILTIN || x->mode == MODE_PKG) {
            check_expr(c, x);
            set_invalid(n);
            break;
        }
        if (is_nil(x)) {
            check_error_at(c, x, "invalid operation: cannot indirect nil");
            set_invalid(n);
            break;
        }
        Type *u = under(x->type);
        if (u->kind != K_POINTER) {
            check_error_at(c, x, "invalid operation: cannot indirect %s", check_operand_str(c, x));
            set_invalid(n);
            break;
        }
        if (!valid_type(u->elem) && !(type_is_named(u->elem))) {
            set_invalid(n);
            break;
        }
        n->mode = MODE_VAR;
        n->type = u->elem;
        break;
    }
    case N_UNARY:
        if (n->op == T_TILDE) {
            check_error_at(c, n, "cannot use ~ outside of interface or type constraint");
            check_expr_or_type(c, n->x);
            set_invalid(n);
            break;
        }
        unary(c, n);
        if (n->op == T_ARROW && n->mode == MODE_COMMAOK) kind = EXPR_STATEMENT;
        break;
    case N_BINARY:
        check_binary(c, n, n->x, n->y, n->op, n->opline, n->opcol);
        break;
    case N_KEYVALUE:
        check_error_at(c, n, "no key:value expected");
        check_expr(c, n->y);
        set_invalid(n);
        break;
    case N_ARRAYTYPE: case N_SLICETYPE: case N_MAPTYPE: case N_CHANTYPE: case N_FUNCTYPE:
    case N_STRUCTTYPE: case N_IFACETYPE:
        check_typexpr(c, n);
        if (valid_type(n->type)) n->mode = MODE_TYPE;
        break;
    case N_ELLIPSIS:
        check_error_at(c, n, "invalid use of ...");
        set_invalid(n);
        break;
    default:
        check_error_at(c, n, "%s is not an expression", check_expr_str(n));
        set_invalid(n);
        break;
    }
    c->depth--;
    if (!n->type) n->type = type_invalid;
    return kind;
}

void check_single_value(Checker *c, Node *n) {
    if ((n->mode == MODE_VALUE) && n->type && n->type->kind == K_TUPLE) {
        check_error_at(c, n, "multiple-value %s in single-value context", check_operand_str(c, n));
        set_invalid(n);
    }
}

static void exclude(Checker *c, Node *n, bool allow_type) {
    switch ((Mode)n->mode) {
    case MODE_NOVALUE:
        check_error_at(c, n, allow_type ? "%s used as value or type" : "%s used as value", check_operand_str(c, n));
        set_invalid(n);
        break;
    case MODE_BUILTIN:
        check_error_at(c, n, "%s must be called", check_operand_str(c, n));
        set_invalid(n);
        break;
    case MODE_TYPE:
        if (!allow_type) {
            check_error_at(c, n, "%s is not an expression", check_operand_str(c, n));
            set_invalid(n);
        }
        break;
    case MODE_PKG:
        check_error_at(c, n, "use of package %s not in selector", check_expr_str(n));
        set_invalid(n);
        break;
    default:
        break;
    }
}

void check_expr(Checker *c, Node *n) {
    check_raw(c, n, NULL, false);
    exclude(c, n, false);
    check_single_value(c, n);
}

void check_expr_hint(Checker *c, Node *n, Type *hint) {
    check_raw(c, n, hint, false);
    exclude(c, n, false);
    check_single_value(c, n);
}

void check_expr_or_type(Checker *c, Node *n) {
    check_raw(c, n, NULL, false);
    if (n->mode == MODE_PKG) {
        // The caller (a selector) handles packages; anyone else errs.
        return;
    }
    exclude(c, n, true);
    check_single_value(c, n);
}

void check_multi_expr(Checker *c, Node *n) {
    check_raw(c, n, NULL, false);
    exclude(c, n, false);
}

// ---- Finishing ----

// finish walks a tree (iteratively, with an explicit stack) and gives every
// untyped expression node its default type, converting its value.
void check_finish_tree(Checker *c, Node *root) {
    (void)c;
    int cap = 256, sp = 0;
    Node **stack = mem_alloc(cap * sizeof *stack);
    stack[sp++] = root;
    while (sp > 0) {
        Node *n = stack[--sp];
        if (!n) continue;
        if (n->type && type_is_untyped(n->type) && n->type->kind != K_UNTYPED_NIL && n->mode != MODE_TYPE &&
            n->kind != N_FILE) {
            Type *d = type_default(n->type);
            if (n->mode == MODE_CONST && n->val) {
                Const *v = NULL;
                if (const_representable(n->val, d, &v)) n->val = v;
            }
            n->type = d;
        }
        Node *kids[7] = { n->name, n->x, n->y, n->z, n->w, n->body, NULL };
        int need = 7 + n->list.n + n->rlist.n;
        if (sp + need >= cap) {
            int nc = (sp + need) * 2;
            Node **s = mem_alloc(nc * sizeof *s);
            memcpy(s, stack, sp * sizeof *s);
            stack = s;
            cap = nc;
        }
        for (int i = 0; i < 6; i++)
            if (kids[i]) stack[sp++] = kids[i];
        for (int i = 0; i < n->list.n; i++)
            if (n->list.v[i]) stack[sp++] = n->list.v[i];
        for (int i = 0; i < n->rlist.n; i++)
            if (n->rlist.v[i]) stack[sp++] = n->rlist.v[i];
    }
}
