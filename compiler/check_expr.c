// compiler/check_expr.c: expressions. Names (scopes, uses, captured
// variables), literals, composite literals with elided types, selectors
// (fields and methods through embedding, method values and expressions,
// qualified identifiers), index and slice expressions, type assertions,
// function literals, the dispatcher, and the final pass that gives untyped
// leftovers their default types. Operators, untyped conversion and
// assignability are compiler/check_op.c. The checker's model is in
// compiler/check_impl.h.
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
        check_error_at(c, n, "cannot use _ as value or type");
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
                    else if (k == -1)
                        check_error_at(c, el->x, "index %s must be integer constant", check_expr_str(el->x));
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
        check_errorf(c, n->opline, n->opcol, "missing type in composite literal");
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
                // Unexported fields of another package's struct are not found.
                bool foreign = type_is_named(base) && base->pkg && c->pkg && strcmp(base->pkg, c->pkg->path) != 0;
                for (int k = 0; k < u->nfields && strcmp(name, "_") != 0; k++)
                    if (strcmp(u->fields[k].name, name) == 0 && (u->fields[k].exported || !foreign)) fi = k;
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
                check_expr(c, v);   // no elided types for fields
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
                check_expr(c, el);
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
        if (!valid_type(n->type)) n->mode = MODE_INVALID;
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
        if (!check_operand_value(c, x, n)) break;
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
        check_unary(c, n);
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

bool check_operand_value(Checker *c, Node *x, Node *n) {
    check_single_value(c, x);
    if (x->mode == MODE_INVALID) {
        set_invalid(n);
        return false;
    }
    if (x->mode == MODE_NOVALUE || x->mode == MODE_BUILTIN || x->mode == MODE_PKG) {
        check_expr(c, x);   // reports why x is no value
        set_invalid(n);
        return false;
    }
    return true;
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
