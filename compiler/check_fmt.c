// compiler/check_fmt.c: how the type checker spells types, operands and
// constants in its messages, following types2 (typestring.go, operand.go)
// so that goli's errors read like gc's. The checker's model is in
// compiler/check_impl.h.
#include "compiler/check_impl.h"

#include <stdio.h>

// ---- Strings ----

void str_putn(Str *s, const char *t, size_t n) {
    if (s->n + n + 1 > s->cap) {
        size_t cap = (s->n + n + 1) * 2;
        if (cap < 64) cap = 64;
        char *p = mem_alloc_atomic(cap);
        if (s->n) memcpy(p, s->p, s->n);
        s->p = p;
        s->cap = cap;
    }
    memcpy(s->p + s->n, t, n);
    s->n += n;
    s->p[s->n] = 0;
}

void str_put(Str *s, const char *t) { str_putn(s, t, strlen(t)); }

void str_printf(Str *s, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *t = mem_vsprintf(fmt, ap);
    va_end(ap);
    str_put(s, t);
}

const char *str_get(Str *s) { return s->p ? s->p : ""; }

const char *check_name(const Node *n) {
    if (!n) return "_";
    if (n->kind != N_NAME) return ast_string(n);
    return mem_strndup(n->text, n->len);
}

const char *check_expr_str(const Node *n) { return n ? ast_string(n) : "?"; }

const char *check_pkg_name(const char *path) {
    if (!path) return "";
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

// ---- Types ----

static void put_type(Checker *c, Str *s, Type *t, int depth);

static void put_sig(Checker *c, Str *s, Type *t, int depth) {
    str_put(s, "(");
    for (int i = 0; i < t->nfields; i++) {
        if (i) str_put(s, ", ");
        Type *p = t->fields[i].type;
        if (t->variadic && i == t->nfields - 1 && p && p->kind == K_SLICE) {
            str_put(s, "...");
            put_type(c, s, p->elem, depth + 1);
        } else {
            put_type(c, s, p, depth + 1);
        }
    }
    str_put(s, ")");
    if (t->nresults == 1) {
        str_put(s, " ");
        put_type(c, s, t->results[0], depth + 1);
    } else if (t->nresults > 1) {
        str_put(s, " (");
        for (int i = 0; i < t->nresults; i++) {
            if (i) str_put(s, ", ");
            put_type(c, s, t->results[i], depth + 1);
        }
        str_put(s, ")");
    }
}

static void put_quoted(Str *s, const char *text) {
    str_put(s, "\"");
    for (const char *p = text; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        if (ch == '"' || ch == '\\') {
            char b[3] = { '\\', (char)ch, 0 };
            str_put(s, b);
        } else if (ch == '\n') {
            str_put(s, "\\n");
        } else if (ch == '\t') {
            str_put(s, "\\t");
        } else if (ch < 0x20 || ch == 0x7f) {
            str_printf(s, "\\x%02x", ch);
        } else {
            str_putn(s, (const char *)p, 1);
        }
    }
    str_put(s, "\"");
}

static void put_type(Checker *c, Str *s, Type *t, int depth) {
    if (!t) {
        str_put(s, "<nil>");
        return;
    }
    if (depth > 50) {
        str_put(s, "…");
        return;
    }
    if (type_is_named(t)) {
        if (t == type_uint8) {
            str_put(s, c && c->saw_uint8 && !c->saw_byte ? "uint8" : "byte");
            return;
        }
        if (t == type_int32) {
            str_put(s, c && c->saw_int32 && !c->saw_rune ? "int32" : "rune");
            return;
        }
        if (t->pkg && *t->pkg && !(c && c->pkg && c->pkg->path && strcmp(t->pkg, c->pkg->path) == 0)) {
            str_put(s, check_pkg_name(t->pkg));
            str_put(s, ".");
        }
        str_put(s, t->name ? t->name : "?");
        return;
    }
    switch (t->kind) {
    case K_INVALID: str_put(s, "invalid type"); return;
    case K_POINTER: str_put(s, "*"); put_type(c, s, t->elem, depth + 1); return;
    case K_SLICE: str_put(s, "[]"); put_type(c, s, t->elem, depth + 1); return;
    case K_ARRAY:
        str_printf(s, "[%lld]", (long long)t->len);
        put_type(c, s, t->elem, depth + 1);
        return;
    case K_MAP:
        str_put(s, "map[");
        put_type(c, s, t->key, depth + 1);
        str_put(s, "]");
        put_type(c, s, t->elem, depth + 1);
        return;
    case K_CHAN:
        if (t->dir == CHAN_RECV) str_put(s, "<-chan ");
        else if (t->dir == CHAN_SEND) str_put(s, "chan<- ");
        else str_put(s, "chan ");
        if (t->dir == CHAN_BOTH && t->elem && t->elem->kind == K_CHAN && t->elem->dir == CHAN_RECV &&
            !type_is_named(t->elem)) {
            str_put(s, "(");
            put_type(c, s, t->elem, depth + 1);
            str_put(s, ")");
        } else {
            put_type(c, s, t->elem, depth + 1);
        }
        return;
    case K_FUNC:
        str_put(s, "func");
        put_sig(c, s, t, depth);
        return;
    case K_STRUCT:
        str_put(s, "struct{");
        for (int i = 0; i < t->nfields; i++) {
            if (i) str_put(s, "; ");
            Field *f = &t->fields[i];
            if (!f->embedded) {
                str_put(s, f->name);
                str_put(s, " ");
            }
            put_type(c, s, f->type, depth + 1);
            if (f->tag) {
                str_put(s, " ");
                put_quoted(s, f->tag);
            }
        }
        str_put(s, "}");
        return;
    case K_INTERFACE:
        if (t->nmethods == 0) {
            str_put(s, c && c->saw_any_name ? "any" : "interface{}");
            return;
        }
        str_put(s, "interface{");
        for (int i = 0; i < t->nmethods; i++) {
            if (i) str_put(s, "; ");
            str_put(s, t->methods[i].name);
            put_sig(c, s, t->methods[i].sig, depth);
        }
        str_put(s, "}");
        return;
    case K_TUPLE:
        str_put(s, "(");
        for (int i = 0; i < t->nfields; i++) {
            if (i) str_put(s, ", ");
            put_type(c, s, t->fields[i].type, depth + 1);
        }
        str_put(s, ")");
        return;
    default:
        str_put(s, t->str ? t->str : "?");
        return;
    }
}

const char *check_type_str(Checker *c, Type *t) {
    Str s = { 0 };
    put_type(c, &s, t, 0);
    return str_get(&s);
}

// check_types_summary spells a have/want list: untyped numbers are
// "number", other untyped kinds lose the word "untyped".
const char *check_types_summary(Checker *c, Type **ts, int n, bool variadic) {
    Str s = { 0 };
    str_put(&s, "(");
    for (int i = 0; i < n; i++) {
        if (i) str_put(&s, ", ");
        Type *t = ts[i];
        if (!valid_type(t)) {
            str_put(&s, "unknown type");
        } else if (type_is_untyped(t)) {
            if (type_is_numeric(t)) str_put(&s, "number");
            else if (t->kind == K_UNTYPED_BOOL) str_put(&s, "bool");
            else if (t->kind == K_UNTYPED_STRING) str_put(&s, "string");
            else str_put(&s, "nil");
        } else if (variadic && i == n - 1 && t->kind == K_SLICE) {
            str_put(&s, "...");
            put_type(c, &s, t->elem, 0);
        } else {
            put_type(c, &s, t, 0);
        }
    }
    str_put(&s, ")");
    return str_get(&s);
}

// ---- Constants ----

// check_const_str spells a constant value as go/constant's String does:
// runes of rune type as their number, strings quoted and shortened.
const char *check_const_str(Checker *c, Const *v, Type *t) {
    (void)c;
    (void)t;
    if (!v) return "?";
    if (v->kind == CV_STRING) {
        const char *q = const_text(v);
        size_t n = strlen(q);
        // go/constant shortens strings longer than 72 bytes to 70 + "...".
        if (n > 72) {
            Str s = { 0 };
            str_putn(&s, q, 69);
            str_put(&s, "...");
            return str_get(&s);
        }
        return q;
    }
    return const_text(v);
}

// ---- Operands ----

static const char *mode_word(Mode m) {
    switch (m) {
    case MODE_INVALID: return "invalid operand";
    case MODE_NOVALUE: return "no value";
    case MODE_BUILTIN: return "built-in";
    case MODE_TYPE: return "type";
    case MODE_CONST: return "constant";
    case MODE_VAR: return "variable";
    case MODE_MAPINDEX: return "map index expression";
    case MODE_VALUE: return "value";
    case MODE_COMMAOK: return "comma, ok expression";
    case MODE_PKG: return "package";
    }
    return "?";
}

const char *check_operand_str(Checker *c, Node *n) {
    Mode mode = (Mode)n->mode;
    Type *t = n->type;
    if (mode != MODE_TYPE && mode != MODE_INVALID && t && t->kind == K_UNTYPED_NIL) return "nil";
    Str s = { 0 };
    const char *expr = check_expr_str(n);
    str_put(&s, expr);
    str_put(&s, " (");
    if (mode == MODE_BUILTIN) {
        Node *u = check_unparen(n);
        Obj *o = u && u->kind == N_NAME ? u->obj : NULL;
        str_printf(&s, "built-in function %s)", o ? o->name : expr);
        return str_get(&s);
    }
    bool has_type = false;
    if (mode != MODE_INVALID && mode != MODE_NOVALUE && mode != MODE_TYPE && mode != MODE_PKG && t) {
        if (type_is_untyped(t)) {
            str_put(&s, check_type_str(c, t));
            str_put(&s, " ");
        } else {
            has_type = true;
        }
    }
    str_put(&s, mode_word(mode));
    if (mode == MODE_CONST && n->val) {
        const char *v = check_const_str(c, n->val, t);
        if (strcmp(v, expr) != 0) {
            str_put(&s, " ");
            str_put(&s, v);
        }
    }
    if (has_type) {
        if (valid_type(t)) {
            str_put(&s, " of type ");
            str_put(&s, check_type_str(c, t));
        } else {
            str_put(&s, " with invalid type");
        }
    }
    str_put(&s, ")");
    return str_get(&s);
}
