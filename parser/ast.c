// parser/ast.c: building the syntax tree. The grammar's actions
// (parser/go.y) call one function here each; the node model is in
// parser/ast.h. The checks gc's parser makes while it builds (":=" needs
// names on the left, "missing condition in if statement", parameter
// grouping, ...) are made here in gc's words; so are go/parser's stricter
// ones (no type as a value, type forms in a type switch), worded as gc's
// checker words them. Errors only gc's parser reports are set aside for
// parse_gc_errors (gc_only).
#include "parser/ast.h"
#include "common/mem.h"
#include "lexer/lex.h"
#include "parser/seam.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const kind_names[N_COUNT] = {
#define NODE_NAME(kind, doc) #kind,
    NODES(NODE_NAME)
#undef NODE_NAME
};

const char *ast_kind_name(NodeKind k) {
    return (unsigned)k < N_COUNT ? kind_names[k] : "?";
}

int ast_name_is(const Node *n, const char *s) {
    size_t len = strlen(s);
    return n && n->kind == N_NAME && n->len == len && memcmp(n->text, s, len) == 0;
}

void nodelist_push(NodeList *l, Node *n) {
    if (l->n == l->cap) {
        int cap = l->cap ? 2 * l->cap : 4;
        l->v = mem_realloc(l->v, (size_t)cap * sizeof *l->v);
        l->cap = cap;
    }
    l->v[l->n++] = n;
}

// error reports a compile error at line:col of the file being parsed.
__attribute__((format(printf, 4, 5)))
static void error(AstCtx *c, int line, int col, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *msg = mem_vsprintf(fmt, ap);
    va_end(ap);
    diag_error(c->diag, c->src->path, line, col, "%s", msg);
}

// gc_only records an error that gc's parser reports and go/parser does
// not: `goli parse` follows gofmt and stays quiet, compile drivers report
// them with parse_gc_errors (parser/parse.h). They go on the FILE's rlist
// as BAD nodes whose text is the message.
__attribute__((format(printf, 4, 5)))
static void gc_only(AstCtx *c, int line, int col, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *msg = mem_vsprintf(fmt, ap);
    va_end(ap);
    Node *n = mem_new(Node);
    n->kind = N_BAD;
    n->line = n->opline = line;
    n->col = n->opcol = col;
    n->text = msg;
    n->len = (uint32_t)strlen(msg);
    nodelist_push(&c->file->rlist, n);
}

// ---- Nodes and lists ----

Node *ast_new(AstCtx *c, NodeKind k, const Token *at) {
    (void)c;
    Node *n = mem_new(Node);
    n->kind = k;
    n->line = n->opline = at->line;
    n->col = n->opcol = at->col;
    return n;
}

Node *ast_new_at(NodeKind k, const Node *at) {
    Node *n = mem_new(Node);
    n->kind = k;
    n->line = n->opline = at->line;
    n->col = n->opcol = at->col;
    return n;
}

// setop sets the position gc reports n at.
static void setop(Node *n, const Token *t) {
    n->opline = t->line;
    n->opcol = t->col;
}

// ---- Checks go/parser makes ----
//
// gofmt (go/parser) rejects some programs that gc's parser passes on to its
// type checker; `goli parse` must reject them too, so they are reported
// here, in the words of gc's checker (types2).

// is_type_lit reports whether x is a type literal, which cannot be a value.
static int is_type_lit(const Node *x) {
    switch (x->kind) {
    case N_ARRAYTYPE: case N_SLICETYPE: case N_MAPTYPE: case N_CHANTYPE:
    case N_FUNCTYPE: case N_STRUCTTYPE: case N_IFACETYPE:
        return 1;
    default:
        return 0;
    }
}

// value checks that x, used as a value, is not a (parenthesized) type
// literal: `x := ([]int)` (go/parser's checkExpr). Only a PAREN can hold
// one where the grammar wants an expression.
static Node *value(AstCtx *c, Node *x) {
    if (!x || x->kind != N_PAREN)
        return x;
    const Node *t = x;
    while (t->kind == N_PAREN)
        t = t->x;
    if (is_type_lit(t))
        error(c, t->line, t->col, "%s (type) is not an expression", ast_string(t));
    return x;
}

static void check_values(AstCtx *c, const NodeList *l) {
    for (int i = 0; i < l->n; i++)
        value(c, l->v[i]);
}

// is_type_form reports whether x has the shape of a type, as a type
// switch case must (go/parser parses those with parseType): a type
// literal, a possibly qualified name, an instantiation of one, or a
// pointer to or parenthesized type form.
static int is_type_form(const Node *x) {
    for (;;) {
        switch (x->kind) {
        case N_NAME:
            return 1;
        case N_SELECTOR:
            return x->x->kind == N_NAME;
        case N_INDEX:
            x = x->x;
            if (x->kind == N_NAME || (x->kind == N_SELECTOR && x->x->kind == N_NAME))
                return 1;
            return 0;
        case N_STAR: case N_PAREN:
            x = x->x;
            continue;
        default:
            return is_type_lit(x);
        }
    }
}

NodeList ast_empty(void) {
    NodeList l = { 0 };
    return l;
}

NodeList ast_list1(Node *n) {
    NodeList l = { 0 };
    nodelist_push(&l, n);
    return l;
}

NodeList ast_append(NodeList l, Node *n) {
    nodelist_push(&l, n);
    return l;
}

NodeList ast_prepend(Node *n, NodeList l) {
    NodeList r = { 0 };
    nodelist_push(&r, n);
    for (int i = 0; i < l.n; i++)
        nodelist_push(&r, l.v[i]);
    return r;
}

NodeList ast_concat(NodeList a, NodeList b) {
    for (int i = 0; i < b.n; i++)
        nodelist_push(&a, b.v[i]);
    return a;
}

Token ast_no_token(void) {
    Token t;
    memset(&t, 0, sizeof t);
    return t;
}

Token ast_opener(AstCtx *c, Token t, Opener role, int sym) {
    if (sym >= 0 && sym < AST_MAX_SYMBOLS)
        c->opener_role[sym] = (unsigned char)role;
    return t;
}

// ---- File and declarations ----

void ast_package(AstCtx *c, const Token *kw, const Token *name) {
    Node *f = c->file;
    f->line = f->opline = kw->line;
    f->col = f->opcol = kw->col;
    f->name = ast_name(c, name);
}

void ast_file_add(AstCtx *c, Node *d) {
    if (!d)
        return;
    if (d->kind == N_DECL && d->op == T_IMPORT) {
        if (c->seen_decl)
            error(c, d->line, d->col,
                  "syntax error: imports must appear before other declarations");
    } else {
        c->seen_decl = 1;
    }
    c->last_bodyless = d->kind == N_FUNCDECL && !d->body;
    nodelist_push(&c->file->list, d);
}

// check_consts reports a const spec that lacks values where it cannot
// repeat the previous one's: the first of a group, or one with a type.
static void check_consts(AstCtx *c, const NodeList *specs) {
    for (int i = 0; i < specs->n; i++) {
        Node *s = specs->v[i];
        if (!s->rlist.n && (i == 0 || s->x)) {
            Node *name = s->list.v[0];
            error(c, name->line, name->col, "missing init expr for %.*s", (int)name->len,
                  name->text);
        }
    }
}

Node *ast_decl(AstCtx *c, const Token *kw, Node *spec) {
    Node *d = ast_new(c, N_DECL, kw);
    d->op = kw->kind;
    nodelist_push(&d->list, spec);
    if (kw->kind == T_CONST)
        check_consts(c, &d->list);
    return d;
}

Node *ast_decl_group(AstCtx *c, const Token *kw, NodeList specs) {
    Node *d = ast_new(c, N_DECL, kw);
    d->op = kw->kind;
    d->flags |= NF_PAREN;
    d->list = specs;
    if (kw->kind == T_CONST) {
        for (int i = 0; i < specs.n; i++)
            specs.v[i]->index = i;
        check_consts(c, &d->list);
    }
    return d;
}

// utf8_next decodes the UTF-8 sequence at *s (before end) and advances
// *s; a bad sequence yields U+FFFD and one byte.
static int32_t utf8_next(const unsigned char **s, const unsigned char *end) {
    const unsigned char *p = *s;
    int32_t r = p[0];
    int n = r < 0x80 ? 1 : r >= 0xf0 ? 4 : r >= 0xe0 ? 3 : r >= 0xc0 ? 2 : 0;
    if (n == 0 || p + n > end) {
        *s = p + 1;
        return n == 1 ? r : 0xfffd;
    }
    if (n > 1) {
        r &= 0x3f >> (n - 1);
        for (int i = 1; i < n; i++) {
            if ((p[i] & 0xc0) != 0x80) {
                *s = p + 1;
                return 0xfffd;
            }
            r = r << 6 | (p[i] & 0x3f);
        }
    }
    *s = p + n;
    return r;
}

// bad_path_rune reports whether r may not appear in an import path: gc
// refuses non-graphic runes, spaces and the punctuation below. Graphic is
// approximated: controls, format characters and Unicode spaces are not.
static int bad_path_rune(int32_t r) {
    if (r <= 0x20 || r == 0x7f || (r >= 0x80 && r <= 0xa0) || r == 0xad || r == 0xfffd)
        return 1;
    if (r < 0x80)
        return strchr("!\"#$%&'()*,:;<=>?[\\]^{|}`", (int)r) != NULL;
    return r == 0x1680 || (r >= 0x2000 && r <= 0x200f) || (r >= 0x2028 && r <= 0x202f) ||
           (r >= 0x205f && r <= 0x2064) || r == 0x3000 || r == 0xfeff ||
           (r >= 0xfff9 && r <= 0xfffb);
}

// check_import_path reports an import path gc's checker refuses.
static void check_import_path(AstCtx *c, const Token *path) {
    size_t len;
    const unsigned char *s = (const unsigned char *)lit_string(path, &len);
    const unsigned char *end = s + len;
    if (len == 0) {
        error(c, path->line, path->col, "invalid import path (empty string)");
        return;
    }
    while (s < end) {
        int32_t r = utf8_next(&s, end);
        if (bad_path_rune(r)) {
            char buf[8] = "";
            if (r >= 0x20 && r < 0x7f)
                snprintf(buf, sizeof buf, " '%c'", (char)r);
            error(c, path->line, path->col, "invalid import path (invalid character U+%04X%s)",
                  (unsigned)r, buf);
            return;
        }
    }
}

Node *ast_import(AstCtx *c, const Token *name, const Token *path) {
    Node *n = ast_new(c, N_IMPORTSPEC, name ? name : path);
    if (name)
        n->name = ast_name(c, name);   // also for ".": its text is "."
    n->x = ast_literal(c, path);
    if (path->kind != T_STRING && !path->bad)
        error(c, path->line, path->col, "syntax error: import path must be a string");
    else if (!path->bad)
        check_import_path(c, path);
    return n;
}

Node *ast_const(AstCtx *c, NodeList names, Node *type, NodeList values) {
    Node *n = ast_new_at(N_CONSTSPEC, names.v[0]);
    n->list = names;
    n->x = type;
    n->rlist = values;
    check_values(c, &n->rlist);
    return n;
}

// A `:=` in a var or const spec: gc reports it and reads it as `=`.
static void wrong_define(AstCtx *c, const Token *op) {
    error(c, op->line, op->col, "syntax error: unexpected :=, expected =");
}

Node *ast_var_define(AstCtx *c, NodeList names, Node *type, const Token *op, NodeList values) {
    wrong_define(c, op);
    return ast_var(c, names, type, values);
}

Node *ast_const_define(AstCtx *c, NodeList names, Node *type, const Token *op,
                       NodeList values) {
    wrong_define(c, op);
    return ast_const(c, names, type, values);
}

Node *ast_var(AstCtx *c, NodeList names, Node *type, NodeList values) {
    Node *n = ast_new_at(N_VARSPEC, names.v[0]);
    n->list = names;
    n->x = type;
    n->rlist = values;
    check_values(c, &n->rlist);
    return n;
}

Node *ast_type(AstCtx *c, const Token *name, NodeList tparams, int alias, Node *type) {
    Node *n = ast_new(c, N_TYPESPEC, name);
    n->name = ast_name(c, name);
    n->list = tparams;
    n->x = type;
    if (alias)
        n->flags |= NF_ALIAS;
    return n;
}

Node *ast_type_slice(AstCtx *c, const Token *name, const Token *lbrack, Node *elem) {
    return ast_type(c, name, ast_empty(), 0, ast_slice_type(c, lbrack, elem));
}

// ---- Type parameters of type declarations ----

// is_type_elem reports whether x can only be a type element, not a value
// expression (gc's isTypeElem): a type literal or ~T, possibly under
// operators and parentheses. It walks with an explicit stack: unions can be
// long left-nested chains.
static int is_type_elem(const Node *x) {
    const Node *local[32];
    const Node **stack = local;
    int sp = 0, cap = 32;
    stack[sp++] = x;
    while (sp > 0) {
        const Node *n = stack[--sp];
        if (is_type_lit(n) || (n->kind == N_UNARY && n->op == T_TILDE))
            return 1;
        const Node *kids[2] = { NULL, NULL };
        switch (n->kind) {
        case N_UNARY: case N_STAR: case N_PAREN:
            kids[0] = n->x;
            break;
        case N_BINARY:
            kids[0] = n->x;
            kids[1] = n->y;
            break;
        default:
            break;
        }
        for (int k = 0; k < 2; k++) {
            if (!kids[k])
                continue;
            if (sp == cap) {
                const Node **bigger = mem_alloc((size_t)cap * 2 * sizeof *bigger);
                memcpy(bigger, stack, (size_t)sp * sizeof *stack);
                stack = bigger;
                cap *= 2;
            }
            stack[sp++] = kids[k];
        }
    }
    return 0;
}

// extract_name splits x into a name and a constraint if x can be read as
// `name constraint` (gc's extractName): P*C, P(C), and unions whose
// leftmost term is one of those, where force (a comma follows) or a type
// element on the right allows it. If x is a name, *type is NULL; if x
// cannot be split, NULL is returned. The union spine is walked, not
// recursed.
static Node *extract_name(Node *x, int force, Node **type) {
    *type = NULL;
    if (x->kind == N_NAME)
        return x;
    // The union spine: x = ((base | y_k) | ...) | y_1, each | possibly forcing.
    NodeList spine = { 0 };
    Node *base = x;
    while (base->kind == N_BINARY && base->op == T_OR) {
        nodelist_push(&spine, base);
        if (!force && is_type_elem(base->y))
            force = 1;
        base = base->x;
    }
    Node *name = NULL, *lhs = NULL;
    if (base->kind == N_BINARY && base->op == T_MUL && base->x->kind == N_NAME &&
        (force || is_type_elem(base->y))) {
        Node *star = ast_new_at(N_STAR, base);
        star->line = star->opline = base->opline;
        star->col = star->opcol = base->opcol;
        star->x = base->y;
        name = base->x;
        lhs = star;
    } else if (base->kind == N_CALL && base->x->kind == N_NAME && base->list.n == 1 &&
               !(base->flags & NF_DOTS) && (force || is_type_elem(base->list.v[0]))) {
        lhs = base->list.v[0];
        while (lhs->kind == N_PAREN)
            lhs = lhs->x;
        name = base->x;
    }
    if (!name)
        return NULL;
    // Rebuild the unions over the split-off leftmost term.
    for (int i = spine.n - 1; i >= 0; i--) {
        Node *o = spine.v[i];
        Node *u = ast_new_at(N_BINARY, lhs);
        u->op = T_OR;
        u->opline = o->opline;
        u->opcol = o->opcol;
        u->x = lhs;
        u->y = o->y;
        lhs = u;
    }
    *type = lhs;
    return name;
}

// tparam_group distributes constraints over names grouped as in
// [A, B any] (fields with a NULL type take the next one's), reporting gc's
// "missing type constraint" when the last has none. close is the
// position of `]` if known.
static NodeList tparam_group(AstCtx *c, NodeList l, const Node *at_end) {
    NodeList out = { 0 };
    NodeList pending = { 0 };
    for (int i = 0; i < l.n; i++) {
        Node *f = l.v[i];
        if (!f->x) {
            for (int j = 0; j < f->list.n; j++)
                nodelist_push(&pending, f->list.v[j]);
            continue;
        }
        if (pending.n) {
            Node *g = ast_new_at(N_FIELD, pending.v[0]);
            g->list = ast_concat(pending, f->list);
            g->x = f->x;
            f = g;
            pending = ast_empty();
        }
        nodelist_push(&out, f);
    }
    if (pending.n) {
        const Node *at = at_end ? at_end : pending.v[pending.n - 1];
        error(c, at->line, at->col, "syntax error: missing type constraint");
        Node *g = ast_new_at(N_FIELD, pending.v[0]);
        g->list = pending;
        g->x = ast_new_at(N_BAD, at);
        nodelist_push(&out, g);
    }
    return out;
}

Node *ast_type_brack(AstCtx *c, const Token *name, const Token *lbrack, Node *x,
                     const Token *comma, NodeList rest, int alias, Node *type) {
    Node *ptype;
    Node *pname = extract_name(x, comma != NULL, &ptype);
    if (pname && (ptype || comma)) {
        Node *f = ast_new_at(N_FIELD, pname);
        nodelist_push(&f->list, pname);
        f->x = ptype;
        NodeList all = ast_prepend(f, rest);
        return ast_type(c, name, tparam_group(c, all, NULL), alias, type);
    }
    if (comma) {
        error(c, comma->line, comma->col, "syntax error: unexpected comma, expected ]");
        return ast_type(c, name, ast_empty(), alias, type);
    }
    return ast_type(c, name, ast_empty(), alias, ast_array(c, lbrack, x, type));
}

Node *ast_type_tparam1(AstCtx *c, const Token *name, const Token *pname, Node *constraint,
                       NodeList rest, int alias, Node *type) {
    Node *f = ast_new(c, N_FIELD, pname);
    nodelist_push(&f->list, ast_name(c, pname));
    f->x = constraint;
    return ast_type(c, name, tparam_group(c, ast_prepend(f, rest), NULL), alias, type);
}

NodeList ast_tparams(AstCtx *c, const Token *lbrack, NodeList l) {
    (void)c;
    setop(l.v[0], lbrack);
    return l;
}

Node *ast_tparam(AstCtx *c, NodeList names, Node *constraint) {
    Node *f = ast_new_at(N_FIELD, names.v[0]);
    (void)c;
    f->list = names;
    f->x = constraint;
    return f;
}

static Node *unary_node(AstCtx *c, const Token *op, Node *x) {
    Node *n = ast_new(c, N_UNARY, op);
    n->op = op->kind;
    n->x = x;
    return n;
}

static Node *binary_node(Node *x, const Token *op, Node *y) {
    Node *n = ast_new_at(N_BINARY, x);
    n->op = op->kind;
    setop(n, op);
    n->x = x;
    n->y = y;
    return n;
}

Node *ast_tilde(AstCtx *c, const Token *tilde, Node *x) {
    return unary_node(c, tilde, x);
}

Node *ast_union(AstCtx *c, Node *x, const Token *op, Node *y) {
    (void)c;
    return binary_node(x, op, y);
}

// ---- Functions and parameters ----

Node *ast_param(AstCtx *c, const Token *name, Node *type) {
    Node *f = name ? ast_new(c, N_FIELD, name) : ast_new_at(N_FIELD, type);
    if (name)
        nodelist_push(&f->list, ast_name(c, name));
    f->x = type;
    return f;
}

Node *ast_param_name(AstCtx *c, const Token *name) {
    return ast_param(c, NULL, ast_name(c, name));
}

Node *ast_param_qualified(AstCtx *c, const Token *pkg, const Token *dot, const Token *name,
                          const Token *lbrack, NodeList args) {
    Node *t = ast_qualified(c, pkg, dot, name);
    return ast_param(c, NULL, lbrack ? ast_index(c, t, lbrack, args) : t);
}

Node *ast_param_dots(AstCtx *c, const Token *name, const Token *dots, Node *elem) {
    return ast_param(c, name, ast_ellipsis(c, dots, elem));
}

Node *ast_param_inst(AstCtx *c, const Token *name, const Token *lbrack, NodeList args) {
    return ast_param(c, NULL, ast_inst_name(c, name, lbrack, args));
}

Node *ast_param_brack(AstCtx *c, const Token *name, const Token *lbrack, Node *len,
                      Node *elem) {
    Node *t = len ? ast_array(c, lbrack, len, elem) : ast_slice_type(c, lbrack, elem);
    return ast_param(c, name, t);
}

// ast_params groups a parameter or result list as gc's paramList does. The
// grammar gives each entry either a name and a type, or only a type; when
// some entry has a name, every unnamed entry must be a lone name, which
// then takes the type of the next typed entry (`a, b int`).
NodeList ast_params(AstCtx *c, NodeList l, int results) {
    (void)results;
    int named = 0;
    for (int i = 0; i < l.n; i++)
        if (l.v[i]->list.n)
            named++;
    if (named == 0 || named == l.n)
        return l;
    NodeList out = { 0 };
    NodeList pending = { 0 };
    const Node *bad = NULL;     // left-most offending entry
    for (int i = 0; i < l.n; i++) {
        Node *f = l.v[i];
        if (!f->list.n) {
            if (f->x->kind == N_NAME) {
                nodelist_push(&pending, f->x);
                continue;
            }
            if (!bad)
                bad = f->x;
        }
        if (pending.n) {
            Node *g = ast_new_at(N_FIELD, pending.v[0]);
            g->list = ast_concat(pending, f->list);
            g->x = f->x;
            f = g;
            pending = ast_empty();
        }
        nodelist_push(&out, f);
    }
    if (pending.n) {
        if (!bad)
            bad = pending.v[0];
        Node *g = ast_new_at(N_FIELD, pending.v[0]);
        g->list = pending;
        g->x = ast_new_at(N_BAD, pending.v[0]);
        nodelist_push(&out, g);
    }
    if (bad)
        error(c, bad->line, bad->col, "syntax error: mixed named and unnamed parameters");
    return out;
}

Node *ast_signature(AstCtx *c, const Token *lparen, NodeList params, NodeList results) {
    Node *t = ast_new(c, N_FUNCTYPE, lparen);
    t->list = ast_params(c, params, 0);
    t->rlist = results;
    return t;
}

Node *ast_functype_kw(AstCtx *c, const Token *kw, Node *sig) {
    (void)c;
    sig->line = sig->opline = kw->line;
    sig->col = sig->opcol = kw->col;
    return sig;
}

NodeList ast_result_type(AstCtx *c, Node *type) {
    (void)c;
    Node *f = ast_new_at(N_FIELD, type);
    f->x = type;
    return ast_list1(f);
}

Node *ast_func(AstCtx *c, const Token *kw, int method, NodeList recv, const Token *name,
               NodeList tparams, Node *sig, Node *body) {
    Node *f = ast_new(c, N_FUNCDECL, kw);
    f->name = ast_name(c, name);
    f->list = tparams;
    f->y = sig;
    f->body = body;
    if (method) {
        f->flags |= NF_METHOD;
        f->rlist = ast_params(c, recv, 0);
        if (f->rlist.n)
            f->x = f->rlist.v[0];
        int n = 0;
        for (int i = 0; i < f->rlist.n; i++)
            n += f->rlist.v[i]->list.n ? f->rlist.v[i]->list.n : 1;
        if (n != 1)
            gc_only(c, name->line, name->col,
                    n ? "method has multiple receivers" : "method has no receiver");
        if (tparams.n)
            error(c, tparams.v[0]->opline, tparams.v[0]->opcol,
                  "syntax error: method must have no type parameters");
    }
    return f;
}

Node *ast_method(AstCtx *c, const Token *name, Node *sig) {
    Node *f = ast_new(c, N_FIELD, name);
    nodelist_push(&f->list, ast_name(c, name));
    f->x = sig;
    return f;
}

// ---- Types ----

Node *ast_name(AstCtx *c, const Token *t) {
    Node *n = ast_new(c, N_NAME, t);
    n->text = t->text;
    n->len = t->len;
    return n;
}

NodeList ast_names(AstCtx *c, NodeList l, const Token *t) {
    nodelist_push(&l, ast_name(c, t));
    return l;
}

NodeList ast_names2(AstCtx *c, const Token *a, const Token *b) {
    return ast_names(c, ast_names(c, ast_empty(), a), b);
}

Node *ast_qualified(AstCtx *c, const Token *pkg, const Token *dot, const Token *name) {
    return ast_selector(c, ast_name(c, pkg), dot, name);
}

Node *ast_qualified_inst(AstCtx *c, const Token *pkg, const Token *dot, const Token *name,
                         const Token *lbrack, NodeList args) {
    return ast_index(c, ast_qualified(c, pkg, dot, name), lbrack, args);
}

Node *ast_array(AstCtx *c, const Token *lbrack, Node *len, Node *elem) {
    Node *n = ast_new(c, N_ARRAYTYPE, lbrack);
    n->x = elem;
    n->y = len;
    return n;
}

Node *ast_slice_type(AstCtx *c, const Token *lbrack, Node *elem) {
    Node *n = ast_new(c, N_SLICETYPE, lbrack);
    n->x = elem;
    return n;
}

Node *ast_map_type(AstCtx *c, const Token *kw, Node *key, Node *val) {
    Node *n = ast_new(c, N_MAPTYPE, kw);
    n->x = key;
    n->y = val;
    return n;
}

Node *ast_chan(AstCtx *c, const Token *kw, int dir, Node *elem) {
    Node *n = ast_new(c, N_CHANTYPE, kw);
    n->x = elem;
    n->flags |= dir;
    return n;
}

Node *ast_star(AstCtx *c, const Token *star, Node *x) {
    Node *n = ast_new(c, N_STAR, star);
    n->x = x;
    return n;
}

Node *ast_ellipsis(AstCtx *c, const Token *dots, Node *elem) {
    Node *n = ast_new(c, N_ELLIPSIS, dots);
    n->x = elem;
    return n;
}

Node *ast_dots_array(AstCtx *c, const Token *lbrack, const Token *dots, Node *elem) {
    return ast_array(c, lbrack, ast_ellipsis(c, dots, NULL), elem);
}

Node *ast_paren(AstCtx *c, const Token *lparen, Node *x) {
    Node *n = ast_new(c, N_PAREN, lparen);
    n->x = x;
    return n;
}

Node *ast_inst(AstCtx *c, Node *x, const Token *lbrack, NodeList args) {
    return ast_index(c, x, lbrack, args);
}

Node *ast_inst_name(AstCtx *c, const Token *name, const Token *lbrack, NodeList args) {
    return ast_index(c, ast_name(c, name), lbrack, args);
}

Node *ast_struct(AstCtx *c, const Token *kw, NodeList fields) {
    Node *n = ast_new(c, N_STRUCTTYPE, kw);
    n->list = fields;
    return n;
}

static Node *tag_literal(AstCtx *c, const Token *tag) {
    if (!tag || !tag->text)
        return NULL;
    if (tag->kind != T_STRING && !tag->bad)
        error(c, tag->line, tag->col, "syntax error: unexpected literal %.*s, expected string literal",
              (int)tag->len, tag->text);
    return ast_literal(c, tag);
}

Node *ast_field(AstCtx *c, NodeList names, Node *type, const Token *tag) {
    Node *f = ast_new_at(N_FIELD, names.v[0]);
    f->list = names;
    f->x = type;
    f->y = tag_literal(c, tag);
    return f;
}

Node *ast_field1(AstCtx *c, const Token *name, Node *type, const Token *tag) {
    return ast_field(c, ast_names(c, ast_empty(), name), type, tag);
}

Node *ast_field_brack(AstCtx *c, const Token *name, const Token *lbrack, Node *len,
                      Node *elem, const Token *tag) {
    Node *t = len ? ast_array(c, lbrack, len, elem) : ast_slice_type(c, lbrack, elem);
    return ast_field1(c, name, t, tag);
}

Node *ast_embed(AstCtx *c, Node *type, const Token *tag) {
    Node *f = ast_new_at(N_FIELD, type);
    f->x = type;
    f->y = tag_literal(c, tag);
    return f;
}

// A parenthesized embedded type is kept as a PAREN: gc's parser refuses
// it, go/parser takes it, the checker reports it.
Node *ast_embed_ptr(AstCtx *c, const Token *star, const Token *lparen, Node *type,
                    const Token *tag) {
    if (lparen) {
        gc_only(c, lparen->line, lparen->col, "syntax error: cannot parenthesize embedded type");
        type = ast_paren(c, lparen, type);
    }
    return ast_embed(c, ast_star(c, star, type), tag);
}

Node *ast_embed_paren(AstCtx *c, const Token *lparen, const Token *star, Node *type,
                      const Token *tag) {
    gc_only(c, lparen->line, lparen->col, "syntax error: cannot parenthesize embedded type");
    if (star)
        type = ast_star(c, star, type);
    return ast_embed(c, ast_paren(c, lparen, type), tag);
}

Node *ast_embed_inst(AstCtx *c, const Token *name, const Token *lbrack, NodeList args,
                     const Token *tag) {
    return ast_embed(c, ast_inst_name(c, name, lbrack, args), tag);
}

Node *ast_iface(AstCtx *c, const Token *kw, NodeList elems) {
    Node *n = ast_new(c, N_IFACETYPE, kw);
    n->list = elems;
    return n;
}

// ---- Expressions ----

Node *ast_literal(AstCtx *c, const Token *t) {
    Node *n = ast_new(c, N_BASICLIT, t);
    n->op = t->kind;
    n->text = t->text;
    n->len = t->len;
    return n;
}

Node *ast_binary(AstCtx *c, Node *x, const Token *op, Node *y) {
    return binary_node(value(c, x), op, value(c, y));
}

Node *ast_unary(AstCtx *c, const Token *op, Node *x) {
    return unary_node(c, op, value(c, x));
}

Node *ast_selector(AstCtx *c, Node *x, const Token *dot, const Token *name) {
    Node *n = ast_new_at(N_SELECTOR, x);
    setop(n, dot);
    n->x = x;
    n->name = ast_name(c, name);
    return n;
}

// not_type reports a type assertion's type that is no type form, as gc's
// parser does when the type ends early: at the operator that follows it.
static void not_type(AstCtx *c, const Node *t) {
    switch (t->kind) {
    case N_BINARY:
        error(c, t->opline, t->opcol, "syntax error: unexpected %s, expected )",
              tok_spelling(t->op));
        return;
    case N_CALL:
        error(c, t->opline, t->opcol, "syntax error: unexpected (, expected )");
        return;
    case N_SELECTOR:
        error(c, t->opline, t->opcol, "syntax error: unexpected ., expected )");
        return;
    default:
        error(c, t->line, t->col, "syntax error: unexpected %s, expected type", ast_string(t));
        return;
    }
}

Node *ast_typeassert(AstCtx *c, Node *x, const Token *dot, Node *type) {
    if (type && !is_type_form(type))
        not_type(c, type);
    Node *n = ast_new_at(N_TYPEASSERT, x);
    setop(n, dot);
    n->x = x;
    n->y = type;
    return n;
}

Node *ast_index(AstCtx *c, Node *x, const Token *lbrack, NodeList index) {
    (void)c;
    Node *n = ast_new_at(N_INDEX, x);
    setop(n, lbrack);
    n->x = x;
    n->list = index;
    return n;
}

Node *ast_slice(AstCtx *c, Node *x, const Token *lbrack, Node *lo, Node *hi, Node *max,
                const Token *colon2, const Token *rbrack) {
    Node *n = ast_new_at(N_SLICE, x);
    setop(n, lbrack);
    n->x = x;
    n->y = lo;
    n->z = hi;
    n->w = max;
    if (colon2) {
        n->flags |= NF_SLICE3;
        if (!hi)
            error(c, colon2->line, colon2->col, "middle index required in 3-index slice");
        if (!max)
            error(c, rbrack->line, rbrack->col, "final index required in 3-index slice");
    }
    return n;
}

Node *ast_call(AstCtx *c, Node *fun, const Token *lparen, NodeList args, int dots) {
    (void)c;
    Node *n = ast_new_at(N_CALL, fun);
    setop(n, lparen);
    n->x = fun;
    n->list = args;
    if (dots)
        n->flags |= NF_DOTS;
    return n;
}

Node *ast_composite(AstCtx *c, Node *type, const Token *lbrace, NodeList elems) {
    Node *n = type ? ast_new_at(N_COMPOSITE, type) : ast_new(c, N_COMPOSITE, lbrace);
    setop(n, lbrace);
    n->x = type;
    n->list = elems;
    check_values(c, &elems);
    return n;
}

Node *ast_paren_complit(AstCtx *c, const Token *lparen, Node *type, const Token *lbrace,
                        NodeList elems) {
    (void)lparen;
    error(c, lbrace->line, lbrace->col,
          "syntax error: cannot parenthesize type in composite literal");
    return ast_composite(c, type, lbrace, elems);
}

Node *ast_keyvalue(AstCtx *c, Node *key, const Token *colon, Node *val) {
    Node *n = ast_new_at(N_KEYVALUE, key);
    setop(n, colon);
    n->x = value(c, key);
    n->y = value(c, val);
    return n;
}

Node *ast_funclit(AstCtx *c, Node *type, const Token *lbrace, NodeList stmts,
                  const Token *rbrace) {
    Node *n = ast_new_at(N_FUNCLIT, type);
    n->x = type;
    n->body = ast_block(c, lbrace, stmts, rbrace);
    return n;
}

// ---- Statements ----

Node *ast_block(AstCtx *c, const Token *lbrace, NodeList stmts, const Token *rbrace) {
    Node *n = ast_new(c, N_BLOCK, lbrace);
    setop(n, rbrace);
    n->list = stmts;
    return n;
}

NodeList ast_stmt_add(NodeList l, Node *s) {
    if (s)
        nodelist_push(&l, s);
    return l;
}

// ast_stmt_start checks the first token of a simple statement standing as
// a statement: `~` may start an expression (a constraint-like operand) but
// not a statement, in gc and go/parser alike.
Node *ast_stmt_start(AstCtx *c, Node *s) {
    Node *x = s;
    switch (s->kind) {
    case N_EXPRSTMT: case N_INCDEC: case N_SEND: x = s->x; break;
    case N_ASSIGN: x = s->list.v[0]; break;
    default: return s;
    }
    for (;;) {
        switch (x->kind) {
        case N_BINARY: case N_CALL: case N_INDEX: case N_SLICE: case N_SELECTOR:
        case N_TYPEASSERT:
            x = x->x;
            continue;
        case N_COMPOSITE:
            if (!x->x)
                return s;
            x = x->x;
            continue;
        case N_UNARY:
            if (x->op == T_TILDE)
                error(c, x->line, x->col, "syntax error: unexpected ~, expected }");
            return s;
        default:
            return s;
        }
    }
}

Node *ast_exprstmt(AstCtx *c, Node *x) {
    Node *n = ast_new_at(N_EXPRSTMT, x);
    n->x = value(c, x);
    return n;
}

// check_define reports a left side of := that is not a name, as gc does.
static void check_define(AstCtx *c, NodeList lhs) {
    for (int i = 0; i < lhs.n; i++) {
        Node *x = lhs.v[i];
        if (x->kind != N_NAME) {
            error(c, x->line, x->col, "non-name %s on left side of :=", ast_string(x));
            return;
        }
    }
}

Node *ast_assign(AstCtx *c, NodeList lhs, const Token *op, NodeList rhs) {
    Node *n = ast_new_at(N_ASSIGN, lhs.v[0]);
    setop(n, op);
    n->op = op->kind;
    n->list = lhs;
    n->rlist = rhs;
    check_values(c, &lhs);
    check_values(c, &rhs);
    if (op->kind == T_DEFINE)
        check_define(c, lhs);
    return n;
}

Node *ast_opassign(AstCtx *c, Node *x, const Token *op, Node *y) {
    Node *n = ast_new_at(N_ASSIGN, x);
    setop(n, op);
    n->op = op->kind;
    nodelist_push(&n->list, value(c, x));
    nodelist_push(&n->rlist, value(c, y));
    return n;
}

Node *ast_incdec(AstCtx *c, Node *x, const Token *op) {
    Node *n = ast_new_at(N_INCDEC, x);
    setop(n, op);
    n->op = op->kind;
    n->x = value(c, x);
    return n;
}

Node *ast_send(AstCtx *c, Node *ch, const Token *arrow, Node *v) {
    Node *n = ast_new_at(N_SEND, ch);
    setop(n, arrow);
    n->x = value(c, ch);
    n->y = value(c, v);
    return n;
}

Node *ast_labeled(AstCtx *c, const Token *label, const Token *colon, Node *stmt,
                  int before_case) {
    if (!stmt && before_case)
        error(c, colon->line, colon->col, "syntax error: missing statement after label");
    Node *n = ast_new(c, N_LABELED, label);
    n->name = ast_name(c, label);
    n->x = stmt ? stmt : ast_new(c, N_EMPTY, label);
    return n;
}

Node *ast_goto_nolabel(AstCtx *c, const Token *kw, const Token *next) {
    gc_only(c, next->line, next->col, "syntax error: unexpected %s, expected name",
            parse_token_text(next));
    return ast_branch(c, kw, NULL);
}

Node *ast_branch(AstCtx *c, const Token *kw, const Token *label) {
    Node *n = ast_new(c, N_BRANCH, kw);
    n->op = kw->kind;
    if (label)
        n->name = ast_name(c, label);
    return n;
}

Node *ast_go(AstCtx *c, const Token *kw, Node *x) {
    Node *n = ast_new(c, kw->kind == T_GO ? N_GO : N_DEFER, kw);
    n->x = x;
    const char *what = kw->kind == T_GO ? "go" : "defer";
    if (x->kind == N_PAREN) {
        error(c, x->line, x->col, "expression in %s must not be parenthesized", what);
        while (x->kind == N_PAREN)
            x = x->x;
        n->x = x;
    }
    if (x->kind != N_CALL)
        error(c, x->opline, x->opcol, "expression in %s must be function call", what);
    return n;
}

Node *ast_return(AstCtx *c, const Token *kw, NodeList results) {
    Node *n = ast_new(c, N_RETURN, kw);
    n->list = results;
    check_values(c, &results);
    return n;
}

Node *ast_declstmt(AstCtx *c, Node *decl) {
    (void)c;
    Node *n = ast_new_at(N_DECLSTMT, decl);
    n->x = decl;
    return n;
}

// ---- Headers of if, switch and for ----

// A header node is a temporary IF: x is the init statement, y the
// condition statement, index says whether a `;` was written, whose
// position is opline/opcol and how it was written (SEMI_*) flags.
Node *ast_header(AstCtx *c, Node *init, const Token *semi, Node *cond, int has_semi) {
    Node *h = mem_new(Node);
    (void)c;
    h->kind = N_IF;
    h->x = init;
    h->y = cond;
    h->index = has_semi;
    if (semi) {
        h->opline = semi->line;
        h->opcol = semi->col;
        h->flags = semi->semi;
    }
    return h;
}

// cond_expr unwraps the expression of a header's condition statement; any
// other simple statement there is gc's "cannot use ... as value".
static Node *cond_expr(AstCtx *c, Node *s) {
    if (!s || s->kind == N_EXPRSTMT)
        return s ? s->x : NULL;
    const char *str;
    if (s->kind == N_ASSIGN && s->op == T_ASSIGN)
        str = mem_sprintf("assignment %s = %s", ast_string_emph(&s->list),
                          ast_string_emph(&s->rlist));
    else
        str = ast_string(s);
    error(c, s->opline, s->opcol, "syntax error: cannot use %s as value", str);
    return ast_new_at(N_BAD, s);
}

static Node *new_if(AstCtx *c, const Token *kw, Node *h, Node *body) {
    Node *n = ast_new(c, N_IF, kw);
    n->x = h->x;
    n->body = body;
    if (h->y) {
        n->y = cond_expr(c, h->y);
    } else if (h->index && h->flags != SEMI_EXPLICIT) {
        error(c, h->opline, h->opcol, "syntax error: unexpected %s, expected { after if clause",
              h->flags == SEMI_EOF ? "EOF" : "newline");
    } else {
        int line = h->index ? h->opline : body->line;
        int col = h->index ? h->opcol : body->col;
        error(c, line, col, "syntax error: missing condition in if statement");
    }
    if (!n->y)
        n->y = ast_new_at(N_BAD, body);
    return n;
}

NodePair ast_if(AstCtx *c, const Token *kw, Node *header, Node *body) {
    Node *n = new_if(c, kw, header, body);
    NodePair p = { n, n };
    return p;
}

NodePair ast_elseif(AstCtx *c, NodePair chain, const Token *kw, Node *header, Node *body) {
    Node *n = new_if(c, kw, header, body);
    chain.tail->z = n;
    chain.tail = n;
    return chain;
}

Node *ast_if_end(AstCtx *c, NodePair chain, Node *els) {
    (void)c;
    chain.tail->z = els;
    return chain.head;
}

// is_guard reports whether x is `y.(type)`.
static int is_guard(const Node *x) {
    return x && x->kind == N_TYPEASSERT && !x->y;
}

Node *ast_switch(AstCtx *c, const Token *kw, Node *h, NodeList clauses, const Token *rbrace) {
    Node *n = ast_new(c, N_SWITCH, kw);
    setop(n, rbrace);
    n->x = h->x;
    n->list = clauses;
    Node *s = h->y;
    if (s && s->kind == N_EXPRSTMT && is_guard(s->x)) {
        n->kind = N_TYPESWITCH;
        n->y = s->x->x;
    } else if (s && s->kind == N_ASSIGN && s->op == T_DEFINE && s->list.n == 1 &&
               s->rlist.n == 1 && is_guard(s->rlist.v[0]) && s->list.v[0]->kind == N_NAME) {
        n->kind = N_TYPESWITCH;
        n->name = s->list.v[0];
        n->y = s->rlist.v[0]->x;
    } else if (s) {
        n->y = cond_expr(c, s);
    }
    for (int i = 0; i < clauses.n; i++) {
        Node *cl = clauses.v[i];
        for (int j = 0; j < cl->list.n; j++) {
            Node *e = cl->list.v[j];
            if (n->kind == N_SWITCH)
                value(c, e);
            else if (!is_type_form(e))
                error(c, e->line, e->col, "%s is not a type", ast_string(e));
        }
        if (cl->x) {
            Node *comm = cl->x;
            int line = comm->opline, col = comm->opcol;
            error(c, line, col, "syntax error: unexpected %s, expected :",
                  comm->kind == N_SEND ? "<-" : comm->op == T_DEFINE ? ":=" : "=");
        }
    }
    return n;
}

Node *ast_select(AstCtx *c, const Token *kw, NodeList clauses, const Token *rbrace) {
    Node *n = ast_new(c, N_SELECT, kw);
    setop(n, rbrace);
    n->list = clauses;
    for (int i = 0; i < clauses.n; i++) {
        Node *cl = clauses.v[i];
        cl->kind = N_COMM;
        if (!cl->x && cl->list.n) {
            if (cl->list.n > 1)
                error(c, cl->opline, cl->opcol,
                      "syntax error: unexpected :, expected := or = or comma");
            cl->x = ast_exprstmt(c, cl->list.v[0]);
        } else if (cl->x && cl->x->kind == N_ASSIGN && cl->x->list.n > 2) {
            error(c, cl->x->line, cl->x->col,
                  "select case must be send or receive (possibly with assignment)");
        }
        cl->list = ast_empty();
    }
    return n;
}

Node *ast_case(AstCtx *c, const Token *kw, NodeList list, Node *comm, const Token *colon) {
    Node *n = ast_new(c, N_CASE, kw);
    setop(n, colon);
    n->list = list;
    n->x = comm;
    if (kw->kind == T_DEFAULT)
        n->flags |= NF_DEFAULT;
    return n;
}

Node *ast_case_send(AstCtx *c, const Token *kw, Node *ch, const Token *arrow, Node *v,
                    const Token *colon) {
    return ast_case(c, kw, ast_empty(), ast_send(c, ch, arrow, v), colon);
}

Node *ast_case_recv(AstCtx *c, const Token *kw, NodeList lhs, const Token *op, Node *rhs,
                    const Token *colon) {
    Node *a = ast_assign(c, lhs, op, ast_list1(rhs));
    return ast_case(c, kw, ast_empty(), a, colon);
}

Node *ast_case_body(AstCtx *c, Node *clause, NodeList stmts) {
    (void)c;
    Node *b = mem_new(Node);
    b->kind = N_BLOCK;
    b->line = b->opline = clause->opline;
    b->col = b->opcol = clause->opcol;
    b->list = stmts;
    clause->body = b;
    return clause;
}

Node *ast_for_header(AstCtx *c, Node *init, Node *cond, Node *post, int clauses) {
    Node *n = mem_new(Node);
    n->kind = N_FOR;
    n->index = clauses;     // for the error reporter: the header had `;`
    n->x = init;
    n->y = cond_expr(c, cond);
    n->z = post;
    if (post && post->kind == N_ASSIGN && post->op == T_DEFINE)
        gc_only(c, post->opline, post->opcol,
                "syntax error: cannot declare in post statement of for loop");
    return n;
}

Node *ast_range(AstCtx *c, NodeList lhs, const Token *op, const Token *kw, Node *x) {
    Node *n = mem_new(Node);
    n->kind = N_RANGE;
    n->index = 1;           // for the error reporter: a complete header
    n->line = n->opline = kw->line;
    n->col = n->opcol = kw->col;
    n->z = value(c, x);
    if (op) {
        n->op = op->kind;
        if (op->kind == T_DEFINE)
            check_define(c, lhs);
        if (lhs.n > 2)
            error(c, lhs.v[2]->line, lhs.v[2]->col,
                  "range clause permits at most two iteration variables");
        n->x = lhs.v[0];
        n->y = lhs.n > 1 ? lhs.v[1] : NULL;
    }
    return n;
}

Node *ast_for(AstCtx *c, const Token *kw, Node *header, Node *body) {
    (void)c;
    header->line = header->opline = kw->line;
    header->col = header->opcol = kw->col;
    header->body = body;
    return header;
}
