// compiler/check_call.c: calls. Function and method calls with argument
// passing (multi-value calls as arguments f(g()), variadic parameters,
// `...`), the builtins (append cap clear close complex copy delete imag len
// make max min new panic print println real recover, types2's builtins.go)
// and conversions T(x) (the spec's conversion rules, constant conversions).
// The checker's model is in compiler/check_impl.h.
#include "compiler/check_impl.h"
#include "compiler/check_generic_std.h"
#include "compiler/check_slices.h"
#include "common/utf8.h"

// ---- Arguments ----

// Args is a call's argument list as operands: each argument node, or the
// values of one multi-value call spread out (then every entry is a copy of
// that call with one result's type).
typedef struct Args {
    Node **v;
    int n;
    bool spread;            // the values of a single multi-value call
} Args;

static Args eval_args(Checker *c, NodeList *list, bool *ok) {
    Args a = { 0 };
    *ok = true;
    if (list->n == 1) {
        Node *x = list->v[0];
        check_multi_expr(c, x);
        if (x->mode == MODE_INVALID) {
            *ok = false;
            return a;
        }
        if (x->type && x->type->kind == K_TUPLE && x->mode == MODE_VALUE) {
            int n = x->type->nfields;
            a.v = mem_alloc((n + 1) * sizeof *a.v);
            for (int i = 0; i < n; i++) {
                Node *v = mem_new(Node);
                *v = *x;
                v->mode = MODE_VALUE;
                v->type = x->type->fields[i].type;
                v->val = NULL;
                a.v[i] = v;
            }
            a.n = n;
            a.spread = true;
            return a;
        }
        a.v = mem_alloc(2 * sizeof *a.v);
        a.v[0] = x;
        a.n = 1;
        return a;
    }
    a.v = mem_alloc((list->n + 1) * sizeof *a.v);
    for (int i = 0; i < list->n; i++) {
        Node *x = list->v[i];
        check_expr(c, x);
        if (x->mode == MODE_INVALID) *ok = false;
        a.v[i] = x;
    }
    a.n = list->n;
    return a;
}

static Type **arg_types(Args *a) {
    Type **t = mem_alloc((a->n + 1) * sizeof *t);
    for (int i = 0; i < a->n; i++) t[i] = a->v[i]->type;
    return t;
}

// arguments is types2's arguments: count, `...`, assignability.
static void arguments(Checker *c, Node *call, Type *sig, Args *args) {
    int nargs = args->n, npars = sig->nfields;
    bool ddd = (call->flags & NF_DOTS) != 0;
    const char *fun = check_expr_str(call->x);
    Type **params = mem_alloc((nargs + npars + 1) * sizeof *params);
    for (int i = 0; i < npars; i++) params[i] = sig->fields[i].type;
    if (sig->variadic) {
        if (ddd) {
            if (call->list.n == 1 && nargs > 1) {
                check_error_at(c, call, "cannot use ... with %d-valued %s", nargs, check_expr_str(call->list.v[0]));
                return;
            }
        } else if (nargs >= npars - 1) {
            Type *last = sig->fields[npars - 1].type;
            Type *e = last && last->kind == K_SLICE ? last->elem : type_invalid;
            for (int i = npars - 1; i < nargs; i++) params[i] = e;
            npars = nargs;
        } else {
            npars--;
        }
    } else if (ddd) {
        check_error_at(c, call, "cannot use ... in call to non-variadic %s", fun);
        return;
    }
    if (nargs != npars) {
        Node *at = call;
        const char *q = "not enough";
        if (nargs > npars) {
            at = args->v[npars];
            q = "too many";
        } else if (nargs > 0) {
            at = args->v[nargs - 1];
        }
        Type **want = mem_alloc((sig->nfields + 1) * sizeof *want);
        for (int i = 0; i < sig->nfields; i++) want[i] = sig->fields[i].type;
        check_error_at(c, at, "%s arguments in call to %s\n\thave %s\n\twant %s", q, fun,
                       check_types_summary(c, arg_types(args), nargs, false),
                       check_types_summary(c, want, sig->nfields, sig->variadic));
        return;
    }
    const char *context = mem_sprintf("argument to %s", fun);
    for (int i = 0; i < nargs; i++) {
        Node *a = args->v[i];
        if (args->spread) {
            const char *cause = NULL;
            if (!check_assignable_to(c, a, params[i], &cause)) {
                if (cause)
                    check_error_at(c, a, "cannot use %s as %s value in %s: %s", check_operand_str(c, a),
                                   check_type_str(c, params[i]), context, cause);
                else
                    check_error_at(c, a, "cannot use %s as %s value in %s", check_operand_str(c, a),
                                   check_type_str(c, params[i]), context);
            }
            continue;
        }
        check_assignment(c, a, params[i], context);
    }
}

// ---- Conversions ----

static bool identical_ignore_tags(Type *a, Type *b) {
    if (a == b) return true;
    if (!a || !b || a->kind != K_STRUCT || b->kind != K_STRUCT || type_is_named(a) || type_is_named(b))
        return false;
    if (a->nfields != b->nfields) return false;
    for (int i = 0; i < a->nfields; i++) {
        Field *x = &a->fields[i], *y = &b->fields[i];
        if (strcmp(x->name, y->name) != 0 || x->embedded != y->embedded) return false;
        if (!identical_ignore_tags(x->type, y->type)) return false;
    }
    return true;
}

static bool bytes_or_runes(Type *t) {
    Type *u = under(t);
    if (u->kind != K_SLICE) return false;
    Type *e = under(u->elem);
    return e->kind == K_UINT8 || e->kind == K_INT32;
}

bool check_convertible(Checker *c, Node *x, Type *t, const char **cause) {
    if (check_assignable_to(c, x, t, cause)) return true;
    Type *v = x->type, *vu = under(v), *tu = under(t);
    if (identical_ignore_tags(vu, tu)) return true;
    if (v->kind == K_POINTER && t->kind == K_POINTER && !type_is_named(v) && !type_is_named(t) &&
        identical_ignore_tags(under(v->elem), under(t->elem)))
        return true;
    bool vif = type_is_integer(vu) || type_is_float(vu), tif = type_is_integer(tu) || type_is_float(tu);
    if (vif && tif) return true;
    if (type_is_complex(vu) && type_is_complex(tu)) return true;
    if ((type_is_integer(vu) || bytes_or_runes(vu)) && type_is_string(tu)) return true;
    if (type_is_string(vu) && bytes_or_runes(tu)) return true;
    if (vu->kind == K_SLICE) {
        if (tu->kind == K_ARRAY && vu->elem == tu->elem) return true;
        if (tu->kind == K_POINTER && under(tu->elem)->kind == K_ARRAY && under(tu->elem)->elem == vu->elem)
            return true;
    }
    if (cause && *cause == NULL) *cause = NULL;
    return false;
}

void check_conversion(Checker *c, Node *n, Type *t) {
    Node *x = n->list.v[0];
    bool const_arg = x->mode == MODE_CONST && x->val;
    bool ok = false;
    const char *cause = NULL;
    Type *tu = under(t);
    if (const_arg && check_is_const_type(t)) {
        Const *v = NULL;
        if (const_representable(x->val, tu, &v)) {
            ok = true;
        } else if (type_is_integer(x->type) && type_is_string(tu)) {
            // string(65): the rune, or U+FFFD when out of range.
            int32_t r = UTF8_RUNE_ERROR;
            Const *iv = const_to_int(x->val);
            if (iv && mpz_sgn(iv->i) >= 0 && mpz_cmp_ui(iv->i, 0x10FFFF) <= 0) r = (int32_t)mpz_get_ui(iv->i);
            unsigned char buf[4];
            int w = utf8_encode(buf, r);
            char *s = mem_alloc_atomic(5);
            memcpy(s, buf, w);
            s[w] = 0;
            v = const_string(s, w);
            ok = true;
        } else if (type_is_integer(x->type) && type_is_integer(tu)) {
            check_error_at(c, x, "constant %s overflows %s", const_text(x->val), check_type_str(c, t));
            n->mode = MODE_INVALID;
            n->type = type_invalid;
            return;
        }
        if (ok) {
            // The argument takes the conversion's type, except an integer
            // converted to a string: it stays untyped (gets its default
            // type, unconverted, at the end).
            if (type_is_untyped(x->type) && !(type_is_integer(x->type) && type_is_string(tu)))
                check_update_type(c, x, t, true);
            n->mode = MODE_CONST;
            n->val = v;
            n->type = t;
            return;
        }
    } else if (check_convertible(c, x, t, &cause)) {
        ok = true;
    }
    if (!ok) {
        if (cause)
            check_error_at(c, x, "cannot convert %s to type %s: %s", check_operand_str(c, x), check_type_str(c, t),
                           cause);
        else
            check_error_at(c, x, "cannot convert %s to type %s", check_operand_str(c, x), check_type_str(c, t));
        n->mode = MODE_INVALID;
        n->type = type_invalid;
        return;
    }
    if (type_is_untyped(x->type)) {
        Type *final = t;
        if (tu->kind == K_INTERFACE || (const_arg && !check_is_const_type(t)) || x->type->kind == K_UNTYPED_NIL)
            final = type_default(x->type);
        else if (x->mode == MODE_CONST && type_is_integer(x->type) && type_is_string(tu))
            final = type_default(x->type);
        if (final != x->type) check_update_type(c, x, final, true);
    }
    n->mode = MODE_VALUE;
    n->type = t;
}

// ---- Builtins ----

// Builtin call kinds as statements (types2's predeclaredFuncs kinds).
static int builtin_kind(Builtin b) {
    switch (b) {
    case BI_CLEAR: case BI_CLOSE: case BI_COPY: case BI_DELETE: case BI_PANIC: case BI_PRINT:
    case BI_PRINTLN: case BI_RECOVER:
        return EXPR_STATEMENT;
    default:
        return EXPR_VALUE;
    }
}

static const struct {
    int nargs;
    bool variadic;
} builtin_arity[BI_COUNT] = {
    [BI_APPEND] = { 1, true }, [BI_CAP] = { 1, false }, [BI_CLEAR] = { 1, false },
    [BI_CLOSE] = { 1, false }, [BI_COMPLEX] = { 2, false }, [BI_COPY] = { 2, false },
    [BI_DELETE] = { 2, false }, [BI_IMAG] = { 1, false }, [BI_LEN] = { 1, false },
    [BI_MAKE] = { 1, true }, [BI_MAX] = { 1, true }, [BI_MIN] = { 1, true },
    [BI_NEW] = { 1, false }, [BI_PANIC] = { 1, false }, [BI_PRINT] = { 0, true },
    [BI_PRINTLN] = { 0, true }, [BI_REAL] = { 1, false }, [BI_RECOVER] = { 0, false },
};

// call_or_recv reports whether an expression contains a function call or
// a channel receive (len of an array is then not constant).
static bool call_or_recv(Node *n, int depth) {
    if (!n || depth > 200) return false;
    switch (n->kind) {
    case N_CALL:
        if (n->conv) return call_or_recv(n->list.n ? n->list.v[0] : NULL, depth + 1);
        if (n->builtin && n->mode == MODE_CONST) return false;
        return true;
    case N_UNARY:
        if (n->op == T_ARROW) return true;
        return call_or_recv(n->x, depth + 1);
    case N_FUNCLIT:
        return false;
    default:
        break;
    }
    if (call_or_recv(n->x, depth + 1) || call_or_recv(n->y, depth + 1) || call_or_recv(n->z, depth + 1) ||
        call_or_recv(n->w, depth + 1))
        return true;
    for (int i = 0; i < n->list.n; i++)
        if (call_or_recv(n->list.v[i], depth + 1)) return true;
    return false;
}

static void set_result(Node *n, Mode m, Type *t, Const *v) {
    n->mode = m;
    n->type = t;
    n->val = v;
}

static bool builtin(Checker *c, Node *call, Builtin id) {
    NodeList *list = &call->list;
    int nargs = list->n;
    const char *name = builtin_name(id);
    if ((call->flags & NF_DOTS) && id != BI_APPEND) {
        check_error_at(c, call, "invalid operation: invalid use of ... with built-in %s", name);
        for (int i = 0; i < list->n; i++) check_multi_expr(c, list->v[i]);
        return false;
    }
    Args args = { 0 };
    if (id != BI_MAKE && id != BI_NEW) {
        bool ok;
        args = eval_args(c, list, &ok);
        if (!ok) return false;
        nargs = args.n;
    }
    if (nargs < builtin_arity[id].nargs ||
        (!builtin_arity[id].variadic && nargs > builtin_arity[id].nargs)) {
        check_error_at(c, call, "invalid operation: %s arguments for %s (expected %d, found %d)",
                       nargs < builtin_arity[id].nargs ? "not enough" : "too many", check_expr_str(call),
                       builtin_arity[id].nargs, nargs);
        return false;
    }
    Node *x = nargs > 0 && args.v ? args.v[0] : NULL;
    switch (id) {
    case BI_APPEND: {
        Type *s = x->type;
        Type *su = under(s);
        if (su->kind != K_SLICE) {
            const char *cause = x->type->kind == K_UNTYPED_NIL
                                    ? "have untyped nil"
                                    : mem_sprintf("have %s", check_operand_str(c, x));
            check_error_at(c, x, "first argument to append must be a slice; %s", cause);
            return false;
        }
        if (nargs == 2 && (call->flags & NF_DOTS)) {
            Node *y = args.v[1];
            if (check_assignable_to(c, x, type_slice(type_uint8), NULL) && type_is_string(under(y->type))) {
                if (type_is_untyped(y->type)) check_convert_untyped(c, y, type_string);
                set_result(call, MODE_VALUE, s, NULL);
                return true;
            }
        }
        Field ps[2] = { { .type = s }, { .type = type_slice(su->elem) } };
        Type *sig = type_func(2, ps, 1, &s, true);
        arguments(c, call, sig, &args);
        set_result(call, MODE_VALUE, s, NULL);
        return true;
    }
    case BI_CAP:
    case BI_LEN: {
        Mode mode = MODE_INVALID;
        Const *val = NULL;
        Type *u = under(x->type);
        if (u->kind == K_POINTER && under(u->elem)->kind == K_ARRAY) u = under(u->elem);
        if (type_is_string(u) && id == BI_LEN) {
            if (x->mode == MODE_CONST && x->val) {
                mode = MODE_CONST;
                val = const_int64(x->val->slen);
            } else {
                mode = MODE_VALUE;
            }
        } else if (u->kind == K_ARRAY) {
            mode = MODE_VALUE;
            if (!call_or_recv(list->v[0], 0)) {
                mode = MODE_CONST;
                val = const_int64(u->len);
            }
        } else if (u->kind == K_SLICE || u->kind == K_CHAN) {
            mode = MODE_VALUE;
        } else if (u->kind == K_MAP && id == BI_LEN) {
            mode = MODE_VALUE;
        }
        if (mode == MODE_INVALID) {
            if (valid_type(u))
                check_error_at(c, x, "invalid argument: %s for built-in %s", check_operand_str(c, x), name);
            return false;
        }
        if (type_is_untyped(x->type) && mode != MODE_CONST) check_default(c, x);
        set_result(call, mode, type_int, val);
        return true;
    }
    case BI_CLEAR: {
        Type *u = under(x->type);
        if (u->kind != K_MAP && u->kind != K_SLICE) {
            check_error_at(c, x, "invalid argument: cannot clear %s: argument must be (or constrained by) map or slice",
                           check_operand_str(c, x));
            return false;
        }
        set_result(call, MODE_NOVALUE, type_tuple(0, NULL), NULL);
        return true;
    }
    case BI_CLOSE: {
        Type *u = under(x->type);
        if (u->kind != K_CHAN) {
            check_error_at(c, x, "invalid operation: cannot close non-channel %s", check_operand_str(c, x));
            return false;
        }
        if (u->dir == CHAN_RECV) {
            check_error_at(c, x, "invalid operation: cannot close receive-only channel %s", check_operand_str(c, x));
            return false;
        }
        set_result(call, MODE_NOVALUE, type_tuple(0, NULL), NULL);
        return true;
    }
    case BI_COMPLEX: {
        Node *y = args.v[1];
        int d = (type_is_untyped(x->type) ? 1 : 0) | (type_is_untyped(y->type) ? 2 : 0);
        if (d == 1) check_convert_untyped(c, x, y->type);
        else if (d == 2) check_convert_untyped(c, y, x->type);
        else if (d == 3) {
            if (x->mode == MODE_CONST && y->mode == MODE_CONST) {
                Node *ops[2] = { x, y };
                for (int i = 0; i < 2; i++) {
                    Node *o = ops[i];
                    if (type_is_numeric(o->type) &&
                        (o->val->kind != CV_COMPLEX || mpq_sgn(o->val->im) == 0)) {
                        o->type = type_untyped_float;
                        o->val = const_to_float(o->val);
                    }
                }
            } else {
                check_convert_untyped(c, x, type_float64);
                check_convert_untyped(c, y, type_float64);
            }
        }
        if (x->mode == MODE_INVALID || y->mode == MODE_INVALID) return false;
        if (x->type != y->type) {
            check_error_at(c, x, "invalid operation: %s (mismatched types %s and %s)", check_expr_str(call),
                           check_type_str(c, x->type), check_type_str(c, y->type));
            return false;
        }
        Type *u = under(x->type), *rt = NULL;
        if (u->kind == K_FLOAT32) rt = type_complex64;
        else if (u->kind == K_FLOAT64) rt = type_complex128;
        else if (u->kind == K_UNTYPED_FLOAT) rt = type_untyped_complex;
        if (!rt) {
            check_error_at(c, x, "invalid argument: arguments have type %s, expected floating-point",
                           check_type_str(c, x->type));
            return false;
        }
        if (x->mode == MODE_CONST && y->mode == MODE_CONST) {
            Const *re = const_to_float(x->val), *im = const_to_float(y->val);
            Const *v = const_to_complex(re);
            Const *r = const_to_complex(const_int64(0));
            mpq_set(r->re, v->re);
            mpq_set(r->im, im->re);
            set_result(call, MODE_CONST, rt, r);
            if (!type_is_untyped(rt)) check_representable(c, call, rt);
        } else {
            set_result(call, MODE_VALUE, rt, NULL);
        }
        return true;
    }
    case BI_COPY: {
        Node *y = args.v[1];
        Type *dst = under(x->type);
        Type *src = under(y->type);
        Type *src_elem = NULL;
        if (type_is_string(src)) src_elem = type_uint8;
        else if (src->kind == K_SLICE) src_elem = src->elem;
        if (dst->kind != K_SLICE || !src_elem) {
            check_error_at(c, x, "invalid argument: copy expects slice arguments; found %s and %s",
                           check_operand_str(c, x), check_operand_str(c, y));
            return false;
        }
        if (dst->elem != src_elem) {
            check_error_at(c, x, "invalid argument: arguments to copy %s and %s have different element types %s and %s",
                           check_operand_str(c, x), check_operand_str(c, y), check_type_str(c, dst->elem),
                           check_type_str(c, src_elem));
            return false;
        }
        if (type_is_untyped(y->type)) check_convert_untyped(c, y, type_string);
        set_result(call, MODE_VALUE, type_int, NULL);
        return true;
    }
    case BI_DELETE: {
        Type *u = under(x->type);
        if (u->kind != K_MAP) {
            check_error_at(c, x, "invalid argument: %s is not a map", check_operand_str(c, x));
            return false;
        }
        Node *k = args.v[1];
        if (!check_assignment(c, k, u->key, "argument to delete")) return false;
        set_result(call, MODE_NOVALUE, type_tuple(0, NULL), NULL);
        return true;
    }
    case BI_IMAG:
    case BI_REAL: {
        if (type_is_untyped(x->type)) {
            if (x->mode == MODE_CONST) {
                if (type_is_numeric(x->type)) {
                    x->type = type_untyped_complex;
                    x->val = const_to_complex(x->val);
                }
            } else {
                check_convert_untyped(c, x, type_complex128);
                if (x->mode == MODE_INVALID) return false;
            }
        }
        Type *u = under(x->type), *rt = NULL;
        if (u->kind == K_COMPLEX64) rt = type_float32;
        else if (u->kind == K_COMPLEX128) rt = type_float64;
        else if (u->kind == K_UNTYPED_COMPLEX) rt = type_untyped_float;
        if (!rt) {
            check_error_at(c, x, "invalid argument: argument has type %s, expected complex type",
                           check_type_str(c, x->type));
            return false;
        }
        if (x->mode == MODE_CONST) {
            Const *cv = const_to_complex(x->val);
            Const *r = const_to_float(const_int64(0));
            mpq_set(r->re, id == BI_REAL ? cv->re : cv->im);
            set_result(call, MODE_CONST, rt, r);
            if (!type_is_untyped(rt)) check_representable(c, call, rt);
        } else {
            set_result(call, MODE_VALUE, rt, NULL);
        }
        return true;
    }
    case BI_MAKE: {
        Node *arg0 = list->v[0];
        Type *t = check_typexpr(c, arg0);
        for (int i = 1; !valid_type(t) && i < list->n; i++) check_expr(c, list->v[i]);
        if (!valid_type(t)) return false;
        int min;
        switch (under(t)->kind) {
        case K_SLICE: min = 2; break;
        case K_MAP: case K_CHAN: min = 1; break;
        default:
            check_error_at(c, arg0, "invalid argument: cannot make %s; type must be slice, map, or channel",
                           check_expr_str(arg0));
            for (int i = 1; i < list->n; i++) check_expr(c, list->v[i]);
            return false;
        }
        if (nargs < min || min + 1 < nargs) {
            check_error_at(c, call, "invalid operation: %s expects %d or %d arguments; found %d",
                           check_expr_str(call), min, min + 1, nargs);
            for (int i = 1; i < list->n; i++) check_expr(c, list->v[i]);
            return false;
        }
        int64_t sizes[2];
        int nsizes = 0;
        for (int i = 1; i < list->n; i++) {
            int64_t v = check_index(c, list->v[i], -1, false, "index");
            if (v >= 0) sizes[nsizes++] = v;
        }
        if (nsizes == 2 && sizes[0] > sizes[1])
            check_error_at(c, list->v[1], "invalid argument: length and capacity swapped");
        set_result(call, MODE_VALUE, t, NULL);
        return true;
    }
    case BI_MAX:
    case BI_MIN: {
        int op = id == BI_MAX ? T_GTR : T_LSS;
        Node *best = NULL;
        Mode mode = MODE_CONST;
        Type *t = NULL;
        for (int i = 0; i < nargs; i++) {
            Node *a = args.v[i];
            if (!type_is_integer(under(a->type)) && !type_is_float(under(a->type)) &&
                !type_is_string(under(a->type))) {
                check_error_at(c, a, "invalid argument: %s cannot be ordered", check_operand_str(c, a));
                return false;
            }
            if (i == 0) {
                best = a;
                t = a->type;
                if (a->mode != MODE_CONST) mode = MODE_VALUE;
                continue;
            }
            // matchTypes: an untyped operand takes the other's type.
            if (type_is_untyped(t) || type_is_untyped(a->type)) {
                Node tmp = *best;
                tmp.type = t;
                check_convert_untyped(c, &tmp, a->type);
                if (tmp.mode == MODE_INVALID) return false;
                t = tmp.type;
                check_convert_untyped(c, a, t);
                if (a->mode == MODE_INVALID) return false;
            }
            if (t != a->type) {
                check_error_at(c, a, "invalid argument: mismatched types %s (previous argument) and %s (type of %s)",
                               check_type_str(c, t), check_type_str(c, a->type), check_expr_str(a));
                return false;
            }
            if (mode == MODE_CONST && a->mode == MODE_CONST) {
                if (const_compare(op, a->val, best->val)) best = a;
            } else {
                mode = MODE_VALUE;
            }
        }
        if (mode == MODE_CONST) {
            set_result(call, MODE_CONST, t, best->val);
        } else {
            if (type_is_untyped(t)) t = type_default(t);
            set_result(call, MODE_VALUE, t, NULL);
        }
        for (int i = 0; i < nargs; i++) check_update_type(c, args.v[i], t, true);
        return true;
    }
    case BI_NEW: {
        Type *t = check_typexpr(c, list->v[0]);
        if (!valid_type(t)) return false;
        set_result(call, MODE_VALUE, type_pointer(t), NULL);
        return true;
    }
    case BI_PANIC:
        if (!check_assignment(c, x, type_any, "argument to panic")) return false;
        set_result(call, MODE_NOVALUE, type_tuple(0, NULL), NULL);
        return true;
    case BI_PRINT:
    case BI_PRINTLN:
        for (int i = 0; i < nargs; i++) {
            if (args.spread) continue;
            if (!check_assignment(c, args.v[i], NULL, mem_sprintf("argument to built-in%s", name))) return false;
        }
        set_result(call, MODE_NOVALUE, type_tuple(0, NULL), NULL);
        return true;
    case BI_RECOVER:
        set_result(call, MODE_VALUE, type_any, NULL);
        return true;
    default:
        return false;
    }
}

// ---- Calls ----

int check_call(Checker *c, Node *n) {
    Node *fun = n->x;
    check_raw(c, fun, NULL, false);
    n->builtin = 0;
    n->conv = 0;
    if (check_slices_call(c, n)) return EXPR_STATEMENT;   // slices.F, cmp.F: generic
    if (check_generic_std_call(c, n)) return EXPR_STATEMENT;   // sync.OnceValue(s): generic
    switch ((Mode)fun->mode) {
    case MODE_INVALID:
        for (int i = 0; i < n->list.n; i++) check_multi_expr(c, n->list.v[i]);
        n->mode = MODE_INVALID;
        n->type = type_invalid;
        return EXPR_STATEMENT;
    case MODE_PKG:
        check_error_at(c, fun, "use of package %s not in selector", check_expr_str(fun));
        n->mode = MODE_INVALID;
        n->type = type_invalid;
        return EXPR_STATEMENT;
    case MODE_TYPE: {
        Type *t = fun->type;
        n->conv = 1;
        n->mode = MODE_INVALID;
        n->type = type_invalid;
        if (n->list.n == 0) {
            check_error_at(c, n, "missing argument in conversion to %s", check_type_str(c, t));
        } else if (n->list.n == 1) {
            Node *x = n->list.v[0];
            check_expr(c, x);
            if (x->mode != MODE_INVALID) {
                if (n->flags & NF_DOTS)
                    check_error_at(c, x, "invalid use of ... in conversion to %s", check_type_str(c, t));
                else if (t == type_comparable)
                    check_error_at(c, n, "cannot use interface %s in conversion (contains specific type "
                                         "constraints or is comparable)",
                                   check_type_str(c, t));
                else
                    check_conversion(c, n, t);
            }
        } else {
            for (int i = 0; i < n->list.n; i++) check_expr(c, n->list.v[i]);
            check_error_at(c, n->list.v[n->list.n - 1], "too many arguments in conversion to %s",
                           check_type_str(c, t));
        }
        return EXPR_CONVERSION;
    }
    case MODE_BUILTIN: {
        Node *u = check_unparen(fun);
        Obj *o = u->kind == N_NAME ? u->obj : NULL;
        Builtin id = o ? o->builtin : BI_LEN;
        n->builtin = (uint8_t)(id + 1);
        if (!builtin(c, n, id)) {
            n->mode = MODE_INVALID;
            n->type = type_invalid;
        }
        return builtin_kind(id);
    }
    default:
        break;
    }
    if (fun->mode == MODE_NOVALUE) {
        check_error_at(c, fun, "%s used as value", check_operand_str(c, fun));
        n->mode = MODE_INVALID;
        n->type = type_invalid;
        return EXPR_STATEMENT;
    }
    check_single_value(c, fun);
    Type *sig = fun->mode == MODE_INVALID ? NULL : under(fun->type);
    if (!sig || sig->kind != K_FUNC) {
        if (fun->mode != MODE_INVALID)
            check_error_at(c, fun, "invalid operation: cannot call non-function %s", check_operand_str(c, fun));
        for (int i = 0; i < n->list.n; i++) check_multi_expr(c, n->list.v[i]);
        n->mode = MODE_INVALID;
        n->type = type_invalid;
        return EXPR_STATEMENT;
    }
    bool ok;
    Args args = eval_args(c, &n->list, &ok);
    if (ok) arguments(c, n, sig, &args);
    if (sig->nresults == 0) {
        n->mode = MODE_NOVALUE;
        n->type = type_tuple(0, NULL);
    } else if (sig->nresults == 1) {
        n->mode = MODE_VALUE;
        n->type = sig->results[0];
    } else {
        n->mode = MODE_VALUE;
        n->type = type_tuple(sig->nresults, sig->results);
    }
    return EXPR_STATEMENT;
}

bool check_set_invalid_call(Node *n) {
    n->mode = MODE_INVALID;
    n->type = type_invalid;
    return true;
}

bool check_all_args(Checker *c, Node *n) {
    bool ok = true;
    for (int i = 0; i < n->list.n; i++) {
        check_expr(c, n->list.v[i]);
        if (n->list.v[i]->mode == MODE_INVALID) ok = false;
    }
    if (!ok) check_set_invalid_call(n);
    return ok;
}
