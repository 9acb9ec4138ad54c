// compiler/check_op.c: operators and conversions between untyped and
// typed operands. Unary and binary operators with exact constant folding
// and overflow checks, shifts (with the context-typed `1 << s`),
// comparisons, untyped conversion (types2's implicitTypeAndValue /
// convertUntyped / updateExprType), representability, assignability and
// the assignment check that words `cannot use x as T value in context`.
// The checker's model is in compiler/check_impl.h.
#include "compiler/check_impl.h"

#include <stdio.h>

static void set_invalid(Node *n) {
    n->mode = MODE_INVALID;
    n->type = type_invalid;
    n->val = NULL;
}

static bool is_nil(const Node *n) {
    return n->mode != MODE_TYPE && n->type && n->type->kind == K_UNTYPED_NIL;
}

static const char *op_str(int op) { return tok_spelling((TokenKind)op); }

// ---- Unary expressions ----

static bool addressable_or_composite(Node *x) {
    Node *u = check_unparen(x);
    return x->mode == MODE_VAR || (u && u->kind == N_COMPOSITE);
}

void check_unary(Checker *c, Node *n) {
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
        if (!check_operand_value(c, x, n)) return;
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
        if (!addressable_or_composite(x)) {
            check_error_at(c, x, "invalid operation: cannot take address of %s", check_operand_str(c, x));
            set_invalid(n);
            return;
        }
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
