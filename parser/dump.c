// parser/dump.c: printing syntax trees. ast_dump is the indented form that
// `goli parse -ast` prints, one node per line with positions; ast_sexpr is
// the compact one-line form the unit tests compare; ast_string renders
// expressions and simple statements in Go syntax for error messages, as
// gc's syntax.String does. The node model is in parser/ast.h.
//
// Trees may be deep without the parser's stack being deep (a + a + ... is
// left-nested), so ast_dump walks with an explicit stack; the other two
// stop descending at a fixed depth and print "…" there.
#include "parser/ast.h"
#include "parser/parse.h"
#include "common/mem.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

// ---- Field names ----

// slots says, for each kind, which fields it uses, in printing order and
// under which label: "x=recv n=name" prints n->x as recv:, then n->name as
// name:. Letters: n name, x y z w, l list, r rlist, b body. They follow the
// field descriptions in NODES.
static const char *const slots[N_COUNT] = {
    [N_FILE]       = "n=package l=decls",
    [N_DECL]       = "l=specs",
    [N_IMPORTSPEC] = "n=name x=path",
    [N_CONSTSPEC]  = "l=names x=type r=values",
    [N_VARSPEC]    = "l=names x=type r=values",
    [N_TYPESPEC]   = "n=name l=tparams x=type",
    [N_FUNCDECL]   = "r=recvs n=name l=tparams y=type b=body",
    [N_ARRAYTYPE]  = "y=len x=elem",
    [N_SLICETYPE]  = "x=elem",
    [N_MAPTYPE]    = "x=key y=value",
    [N_CHANTYPE]   = "x=elem",
    [N_FUNCTYPE]   = "l=params r=results",
    [N_STRUCTTYPE] = "l=fields",
    [N_IFACETYPE]  = "l=elems",
    [N_FIELD]      = "l=names x=type y=tag",
    [N_ELLIPSIS]   = "x=elem",
    [N_COMPOSITE]  = "x=type l=elems",
    [N_KEYVALUE]   = "x=key y=value",
    [N_FUNCLIT]    = "x=type b=body",
    [N_PAREN]      = "x=x",
    [N_SELECTOR]   = "x=x n=sel",
    [N_INDEX]      = "x=x l=index",
    [N_SLICE]      = "x=x y=lo z=hi w=max",
    [N_TYPEASSERT] = "x=x y=type",
    [N_CALL]       = "x=fun l=args",
    [N_STAR]       = "x=x",
    [N_UNARY]      = "x=x",
    [N_BINARY]     = "x=x y=y",
    [N_BLOCK]      = "l=stmts",
    [N_LABELED]    = "n=label x=stmt",
    [N_EXPRSTMT]   = "x=x",
    [N_SEND]       = "x=chan y=value",
    [N_INCDEC]     = "x=x",
    [N_ASSIGN]     = "l=lhs r=rhs",
    [N_GO]         = "x=call",
    [N_DEFER]      = "x=call",
    [N_RETURN]     = "l=results",
    [N_BRANCH]     = "n=label",
    [N_DECLSTMT]   = "x=decl",
    [N_IF]         = "x=init y=cond b=then z=else",
    [N_SWITCH]     = "x=init y=tag l=clauses",
    [N_TYPESWITCH] = "x=init n=bind y=x l=clauses",
    [N_SELECT]     = "l=clauses",
    [N_CASE]       = "l=exprs b=body",
    [N_COMM]       = "x=comm b=body",
    [N_FOR]        = "x=init y=cond z=post b=body",
    [N_RANGE]      = "x=key y=value z=x b=body",
};

// Child is one printable slot of a node.
typedef struct Child {
    char label[12];
    const Node *node;       // for a single slot
    const NodeList *list;   // for a list slot
} Child;

// children fills out[] with n's slots in printing order and returns how
// many.
static int children(const Node *n, Child out[8]) {
    const char *s = slots[n->kind];
    int k = 0;
    while (s && *s && k < 8) {
        char slot = s[0];
        const char *label = s + 2;
        size_t len = strcspn(label, " ");
        Child *c = &out[k++];
        memset(c, 0, sizeof *c);
        memcpy(c->label, label, len < sizeof c->label ? len : sizeof c->label - 1);
        switch (slot) {
        case 'n': c->node = n->name; break;
        case 'x': c->node = n->x; break;
        case 'y': c->node = n->y; break;
        case 'z': c->node = n->z; break;
        case 'w': c->node = n->w; break;
        case 'l': c->list = &n->list; break;
        case 'r': c->list = &n->rlist; break;
        case 'b': c->node = n->body; break;
        }
        s = label + len;
        while (*s == ' ')
            s++;
    }
    return k;
}

// flag_text names the flags set in f, each preceded by a space.
static const char *flag_text(int f) {
    static const char *const names[] = { "paren", "alias", "send", "recv", "dots",
                                         "slice3", "default", "method" };
    char buf[80] = "";
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++)
        if (f & (1 << i)) {
            strcat(buf, " ");
            strcat(buf, names[i]);
        }
    return mem_sprintf("%s", buf);
}

// op_text is the spelling of a node's operator or keyword ("" if none).
static const char *op_text(const Node *n) {
    if (!n->op)
        return "";
    switch (n->kind) {
    case N_BASICLIT:
        return tok_name(n->op);
    case N_DECL: case N_BRANCH: case N_RANGE:
        return tok_spelling(n->op);
    default:
        return tok_spelling(n->op);
    }
}

// ---- The indented dump ----

// Frame is a pending line of the dump: a node (or an empty slot) under a
// label, at a depth.
typedef struct Frame {
    const Node *node;
    char label[12];         // "" for the root
    int index;              // position in a list, or -1
    int depth;
} Frame;

#define MAX_INDENT 64

static void dump_line(FILE *out, const Frame *f) {
    // Indentation is capped, so that deep trees print in linear size;
    // deeper lines say their depth.
    if (f->depth <= MAX_INDENT)
        fprintf(out, "%*s", 2 * f->depth, "");
    else
        fprintf(out, "%*s(depth %d) ", 2 * MAX_INDENT, "", f->depth);
    if (f->label[0]) {
        if (f->index >= 0)
            fprintf(out, "%s[%d]: ", f->label, f->index);
        else
            fprintf(out, "%s: ", f->label);
    }
    const Node *n = f->node;
    if (!n) {
        fputs("nil\n", out);
        return;
    }
    fputs(ast_kind_name(n->kind), out);
    const char *op = op_text(n);
    if (*op)
        fprintf(out, " %s", op);
    if (n->kind == N_NAME || n->kind == N_BASICLIT)
        fprintf(out, " %.*s", (int)n->len, n->text);
    fputs(flag_text(n->flags), out);
    if (n->kind == N_CONSTSPEC)
        fprintf(out, " iota=%d", n->index);
    fprintf(out, " @%d:%d", n->line, n->col);
    if (n->opline != n->line || n->opcol != n->col)
        fprintf(out, " op@%d:%d", n->opline, n->opcol);
    fputc('\n', out);
}

static void push(Frame *f, const Node *n, const char *label, int index, int depth) {
    f->node = n;
    memcpy(f->label, label, sizeof f->label);
    f->index = index;
    f->depth = depth;
}

void ast_dump(FILE *out, const Node *root) {
    int cap = 64, sp = 0;
    Frame *stack = mem_alloc((size_t)cap * sizeof *stack);
    stack[sp++] = (Frame){ root, "", -1, 0 };
    while (sp > 0) {
        Frame f = stack[--sp];
        dump_line(out, &f);
        if (!f.node)
            continue;
        Child ch[8];
        int k = children(f.node, ch);
        // Push in reverse so that the first child is printed first.
        for (int i = k - 1; i >= 0; i--) {
            int need = ch[i].list ? ch[i].list->n : 1;
            if (sp + need > cap) {
                while (sp + need > cap)
                    cap *= 2;
                stack = mem_realloc(stack, (size_t)cap * sizeof *stack);
            }
            if (ch[i].list) {
                for (int j = ch[i].list->n - 1; j >= 0; j--)
                    push(&stack[sp++], ch[i].list->v[j], ch[i].label, j, f.depth + 1);
            } else if (ch[i].node) {
                push(&stack[sp++], ch[i].node, ch[i].label, -1, f.depth + 1);
            }
        }
    }
}

// ---- Text buffers ----

typedef struct Buf {
    char *s;
    size_t n, cap;
} Buf;

static void put(Buf *b, const char *s, size_t n) {
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (b->n + n + 1 > cap)
            cap *= 2;
        b->s = mem_realloc(b->s, cap);
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
}

static void puts_(Buf *b, const char *s) {
    put(b, s, strlen(s));
}

#define MAX_DEPTH 100   // deeper subtrees print as "…"

// ---- S-expressions ----

// sexpr writes n as (KIND op flags slots...): names print bare, literals as
// their source text, NULL slots as nil and lists in brackets.
static void sexpr(Buf *b, const Node *n, int depth) {
    if (!n) {
        puts_(b, "nil");
        return;
    }
    if (depth > MAX_DEPTH) {
        puts_(b, "…");
        return;
    }
    if (n->kind == N_NAME || (n->kind == N_BASICLIT)) {
        put(b, n->text, n->len);
        return;
    }
    puts_(b, "(");
    puts_(b, ast_kind_name(n->kind));
    const char *op = op_text(n);
    if (*op && n->kind != N_BASICLIT) {
        puts_(b, " ");
        puts_(b, op);
    }
    puts_(b, flag_text(n->flags));
    Child ch[8];
    int k = children(n, ch);
    for (int i = 0; i < k; i++) {
        puts_(b, " ");
        if (ch[i].list) {
            puts_(b, "[");
            for (int j = 0; j < ch[i].list->n; j++) {
                if (j)
                    puts_(b, " ");
                sexpr(b, ch[i].list->v[j], depth + 1);
            }
            puts_(b, "]");
        } else {
            sexpr(b, ch[i].node, depth + 1);
        }
    }
    puts_(b, ")");
}

char *ast_sexpr(const Node *n) {
    Buf b = { 0 };
    sexpr(&b, n, 0);
    return b.s ? b.s : mem_sprintf("%s", "");
}

// ---- Go syntax ----

static void gostr(Buf *b, const Node *n, int depth);

static void golist(Buf *b, const NodeList *l, int depth) {
    for (int i = 0; i < l->n; i++) {
        if (i)
            puts_(b, ", ");
        gostr(b, l->v[i], depth);
    }
}

// gofields writes parameters or fields: names then type.
static void gofields(Buf *b, const NodeList *l, const char *sep, int depth) {
    for (int i = 0; i < l->n; i++) {
        const Node *f = l->v[i];
        if (i)
            puts_(b, sep);
        if (f->list.n) {
            golist(b, &f->list, depth);
            if (f->x && f->x->kind != N_FUNCTYPE)
                puts_(b, " ");
        }
        if (f->x && f->x->kind == N_FUNCTYPE && f->list.n) {
            // An interface method: name(params) results.
            const Node *t = f->x;
            puts_(b, "(");
            gofields(b, &t->list, ", ", depth);
            puts_(b, ")");
        } else {
            gostr(b, f->x, depth);
        }
    }
}

static void gosig(Buf *b, const Node *t, int depth) {
    puts_(b, "(");
    gofields(b, &t->list, ", ", depth);
    puts_(b, ")");
    if (t->rlist.n == 1 && !t->rlist.v[0]->list.n) {
        puts_(b, " ");
        gostr(b, t->rlist.v[0]->x, depth);
    } else if (t->rlist.n) {
        puts_(b, " (");
        gofields(b, &t->rlist, ", ", depth);
        puts_(b, ")");
    }
}

static void gostr(Buf *b, const Node *n, int depth) {
    if (!n)
        return;
    if (depth > MAX_DEPTH) {
        puts_(b, "…");
        return;
    }
    depth++;
    switch (n->kind) {
    case N_NAME: case N_BASICLIT:
        put(b, n->text, n->len);
        break;
    case N_BINARY:
        gostr(b, n->x, depth);
        puts_(b, " ");
        puts_(b, tok_spelling(n->op));
        puts_(b, " ");
        gostr(b, n->y, depth);
        break;
    case N_UNARY:
        puts_(b, tok_spelling(n->op));
        gostr(b, n->x, depth);
        break;
    case N_STAR:
        puts_(b, "*");
        gostr(b, n->x, depth);
        break;
    case N_PAREN:
        puts_(b, "(");
        gostr(b, n->x, depth);
        puts_(b, ")");
        break;
    case N_SELECTOR:
        gostr(b, n->x, depth);
        puts_(b, ".");
        gostr(b, n->name, depth);
        break;
    case N_INDEX:
        gostr(b, n->x, depth);
        puts_(b, "[");
        golist(b, &n->list, depth);
        puts_(b, "]");
        break;
    case N_SLICE:
        gostr(b, n->x, depth);
        puts_(b, "[");
        gostr(b, n->y, depth);
        puts_(b, ":");
        gostr(b, n->z, depth);
        if (n->flags & NF_SLICE3) {
            puts_(b, ":");
            gostr(b, n->w, depth);
        }
        puts_(b, "]");
        break;
    case N_TYPEASSERT:
        gostr(b, n->x, depth);
        puts_(b, ".(");
        if (n->y)
            gostr(b, n->y, depth);
        else
            puts_(b, "type");
        puts_(b, ")");
        break;
    case N_CALL:
        gostr(b, n->x, depth);
        puts_(b, "(");
        golist(b, &n->list, depth);
        if (n->flags & NF_DOTS)
            puts_(b, "...");
        puts_(b, ")");
        break;
    case N_COMPOSITE:
        gostr(b, n->x, depth);
        puts_(b, n->list.n ? "{…}" : "{}");
        break;
    case N_KEYVALUE:
        gostr(b, n->x, depth);
        puts_(b, ": ");
        gostr(b, n->y, depth);
        break;
    case N_FUNCLIT:
        gostr(b, n->x, depth);
        puts_(b, " {…}");
        break;
    case N_ARRAYTYPE:
        puts_(b, "[");
        gostr(b, n->y, depth);
        puts_(b, "]");
        gostr(b, n->x, depth);
        break;
    case N_SLICETYPE:
        puts_(b, "[]");
        gostr(b, n->x, depth);
        break;
    case N_ELLIPSIS:
        puts_(b, "...");
        gostr(b, n->x, depth);
        break;
    case N_MAPTYPE:
        puts_(b, "map[");
        gostr(b, n->x, depth);
        puts_(b, "]");
        gostr(b, n->y, depth);
        break;
    case N_CHANTYPE:
        puts_(b, n->flags & NF_RECV ? "<-chan " : n->flags & NF_SEND ? "chan<- " : "chan ");
        gostr(b, n->x, depth);
        break;
    case N_FUNCTYPE:
        puts_(b, "func");
        gosig(b, n, depth);
        break;
    case N_STRUCTTYPE:
        puts_(b, n->list.n ? "struct{…}" : "struct{}");
        break;
    case N_IFACETYPE:
        puts_(b, n->list.n ? "interface{…}" : "interface{}");
        break;
    case N_EXPRSTMT:
        gostr(b, n->x, depth);
        break;
    case N_SEND:
        gostr(b, n->x, depth);
        puts_(b, " <- ");
        gostr(b, n->y, depth);
        break;
    case N_INCDEC:
        gostr(b, n->x, depth);
        puts_(b, tok_spelling(n->op));
        break;
    case N_ASSIGN:
        golist(b, &n->list, depth);
        puts_(b, " ");
        puts_(b, tok_spelling(n->op));
        puts_(b, " ");
        golist(b, &n->rlist, depth);
        break;
    default:
        puts_(b, "…");
        break;
    }
}

char *ast_string(const Node *n) {
    Buf b = { 0 };
    gostr(&b, n, 0);
    return b.s ? b.s : mem_sprintf("%s", "");
}

char *ast_string_emph(const NodeList *l) {
    Buf b = { 0 };
    int paren = l->n == 1 && l->v[0]->kind == N_BINARY;
    if (paren)
        puts_(&b, "(");
    golist(&b, l, 0);
    if (paren)
        puts_(&b, ")");
    return b.s ? b.s : mem_sprintf("%s", "");
}
