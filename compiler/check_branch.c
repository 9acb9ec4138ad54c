// compiler/check_branch.c: labels and branch statements of one function
// body, the rules gc checks in its syntax package (branches.go): misplaced
// break, continue and fallthrough, labeled break/continue targets, unused,
// duplicate and undefined labels, and gotos that jump into blocks or over
// variable declarations. It walks statements only, so a function literal's
// body is checked by its own call. The checker's model is in
// compiler/check_impl.h.
#include "compiler/check_impl.h"

typedef struct Label {
    const char *name;
    Obj *obj;
    struct Block *parent;   // block holding the declaration
    Node *lstmt;            // the LABELED statement
    bool used;
} Label;

typedef struct Block {
    struct Block *parent;
    int line, col;          // where the block starts
    Node *lstmt;            // labeled statement owning the block, or NULL
} Block;

typedef struct Labels {
    Checker *c;
    Label *v;
    int n, cap;
} Labels;

// Targets are the statements an unlabeled break or continue may leave.
typedef struct Targets {
    Node *breaks;           // FOR, RANGE, SWITCH, TYPESWITCH, SELECT or NULL
    Node *continues;        // FOR, RANGE or NULL
    int case_index;         // index of the enclosing switch clause, or -1
    int ncases;             // clauses of that switch
} Targets;

typedef struct Gotos {
    Node **v;
    int n, cap;
} Gotos;

static void gotos_push(Gotos *g, Node *n) {
    if (g->n == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 8;
        Node **v = mem_alloc(g->cap * sizeof *v);
        if (g->n) memcpy(v, g->v, g->n * sizeof *v);
        g->v = v;
    }
    g->v[g->n++] = n;
}

static Label *find(Labels *ls, const char *name) {
    for (int i = 0; i < ls->n; i++)
        if (strcmp(ls->v[i].name, name) == 0) return &ls->v[i];
    return NULL;
}

static Label *declare(Labels *ls, Block *b, Node *s) {
    const char *name = check_name(s->name);
    Label *alt = find(ls, name);
    if (alt) {
        Node *an = alt->lstmt->name;
        check_errorf(ls->c, s->name->line, s->name->col, "label %s already defined at %s", name,
                     check_pos(ls->c, an->line, an->col));
        s->name->obj = alt->obj;
        return alt;
    }
    if (ls->n == ls->cap) {
        ls->cap = ls->cap ? ls->cap * 2 : 8;
        Label *v = mem_alloc(ls->cap * sizeof *v);
        if (ls->n) memcpy(v, ls->v, ls->n * sizeof *v);
        ls->v = v;
    }
    Obj *o = check_new_obj(ls->c, OBJ_LABEL, s->name, NULL);
    o->decl = s;
    ls->v[ls->n] = (Label){ name, o, b, s, false };
    return &ls->v[ls->n++];
}

// goto_target is the label's statement if it is declared in b or a block
// enclosing b.
static Node *goto_target(Labels *ls, Block *b, const char *name) {
    Label *l = find(ls, name);
    if (!l) return NULL;
    l->used = true;
    for (; b; b = b->parent)
        if (l->parent == b) return l->lstmt;
    return NULL;
}

static Node invalid_target;

// enclosing_target is the innermost enclosing labeled statement with that
// name: NULL if undefined, &invalid_target if it does not enclose b.
static Node *enclosing_target(Labels *ls, Block *b, const char *name) {
    Label *l = find(ls, name);
    if (!l) return NULL;
    l->used = true;
    for (; b; b = b->parent)
        if (l->lstmt == b->lstmt) return l->lstmt;
    return &invalid_target;
}

static bool is_loop(const Node *s) { return s && (s->kind == N_FOR || s->kind == N_RANGE); }

static const char *lhs_string(Node *s) {
    Str str = { 0 };
    for (int i = 0; i < s->list.n; i++) {
        if (i) str_put(&str, ", ");
        str_put(&str, check_expr_str(s->list.v[i]));
    }
    return str_get(&str);
}

static Gotos block_branches(Labels *ls, Block *parent, Targets ctxt, Node *lstmt, int line, int col,
                            Node **body, int nbody);

static void inner_block(Labels *ls, Block *b, Gotos *fwd, Targets ctxt, Node *lstmt, int line, int col,
                        Node **body, int nbody) {
    Gotos g = block_branches(ls, b, ctxt, lstmt, line, col, body, nbody);
    for (int i = 0; i < g.n; i++) gotos_push(fwd, g.v[i]);
}

static Gotos block_branches(Labels *ls, Block *parent, Targets ctxt, Node *lstmt, int line, int col,
                            Node **body, int nbody) {
    Checker *c = ls->c;
    Block *b = mem_new(Block);
    b->parent = parent;
    b->line = line;
    b->col = col;
    b->lstmt = lstmt;
    int var_line = 0, var_col = 0;
    const char *var_name = NULL;
    Gotos fwd = { 0 }, bad = { 0 };
    // A fallthrough counts as the last statement even before empty ones.
    while (nbody > 0 && body[nbody - 1] && body[nbody - 1]->kind == N_EMPTY) nbody--;
    for (int si = 0; si < nbody; si++) {
        Node *s = body[si];
        if (!s) continue;
        Node *cur_lstmt = NULL;
    again:
        switch (s->kind) {
        case N_DECLSTMT: {
            Node *d = s->x;
            if (d && d->op == T_VAR && d->list.n) {
                Node *spec = d->list.v[0];
                var_line = spec->line;
                var_col = spec->col;
                var_name = check_name(spec->list.v[0]);
                bad.n = 0;
                for (int i = 0; i < fwd.n; i++) gotos_push(&bad, fwd.v[i]);
            }
            break;
        }
        case N_LABELED: {
            const char *name = check_name(s->name);
            if (strcmp(name, "_") != 0) {
                Label *l = declare(ls, b, s);
                int k = 0;
                for (int i = 0; i < fwd.n; i++) {
                    Node *g = fwd.v[i];
                    if (strcmp(check_name(g->name), name) == 0) {
                        l->used = true;
                        g->name->obj = l->obj;
                        bool over = false;
                        if (var_line)
                            for (int q = 0; q < bad.n; q++) over |= bad.v[q] == g;
                        if (over)
                            check_errorf(c, g->name->line, g->name->col, "goto %s jumps over declaration of %s at %s",
                                         name, var_name, check_pos(c, var_line, var_col));
                    } else {
                        fwd.v[k++] = g;
                    }
                }
                fwd.n = k;
                cur_lstmt = s;
            }
            s = s->x;
            if (!s) break;
            goto again;
        }
        case N_BRANCH: {
            if (!s->name) {
                switch (s->op) {
                case T_BREAK:
                    if (!ctxt.breaks) check_error_at(c, s, "break is not in a loop, switch, or select");
                    break;
                case T_CONTINUE:
                    if (!ctxt.continues) check_error_at(c, s, "continue is not in a loop");
                    break;
                case T_FALLTHROUGH: {
                    const char *msg = "fallthrough statement out of place";
                    Node *t = ctxt.breaks;
                    if (t && (t->kind == N_SWITCH || t->kind == N_TYPESWITCH)) {
                        if (t->kind == N_TYPESWITCH) msg = "cannot fallthrough in type switch";
                        else if (ctxt.case_index < 0 || si + 1 < nbody) {
                            // nested in a block, or not the clause's last statement
                        } else if (ctxt.case_index + 1 == ctxt.ncases) {
                            msg = "cannot fallthrough final case in switch";
                        } else {
                            break;   // fine
                        }
                    }
                    check_error_at(c, s, "%s", msg);
                    break;
                }
                default:
                    break;
                }
                break;
            }
            const char *name = check_name(s->name);
            switch (s->op) {
            case T_BREAK: {
                Node *t = enclosing_target(ls, b, name);
                if (t == &invalid_target || (t && !(is_loop(t->x) || t->x->kind == N_SWITCH ||
                                                    t->x->kind == N_TYPESWITCH || t->x->kind == N_SELECT))) {
                    check_error_at(c, s->name, "invalid break label %s", name);
                } else if (!t) {
                    check_error_at(c, s->name, "break label not defined: %s", name);
                }
                Label *l = find(ls, name);
                if (l) s->name->obj = l->obj;
                break;
            }
            case T_CONTINUE: {
                Node *t = enclosing_target(ls, b, name);
                if (t == &invalid_target || (t && !is_loop(t->x))) {
                    check_error_at(c, s->name, "invalid continue label %s", name);
                } else if (!t) {
                    check_error_at(c, s->name, "continue label not defined: %s", name);
                }
                Label *l = find(ls, name);
                if (l) s->name->obj = l->obj;
                break;
            }
            case T_GOTO: {
                Node *t = goto_target(ls, b, name);
                if (t) {
                    Label *l = find(ls, name);
                    s->name->obj = l->obj;
                } else {
                    gotos_push(&fwd, s);
                }
                break;
            }
            default:
                break;
            }
            break;
        }
        case N_ASSIGN:
            if (s->op == T_DEFINE) {
                var_line = s->opline;
                var_col = s->opcol;
                var_name = lhs_string(s);
                bad.n = 0;
                for (int i = 0; i < fwd.n; i++) gotos_push(&bad, fwd.v[i]);
            }
            break;
        case N_BLOCK: {
            Targets in = { ctxt.breaks, ctxt.continues, -1, 0 };
            inner_block(ls, b, &fwd, in, cur_lstmt, s->line, s->col, s->list.v, s->list.n);
            break;
        }
        case N_IF: {
            Targets in = { ctxt.breaks, ctxt.continues, -1, 0 };
            if (s->body)
                inner_block(ls, b, &fwd, in, cur_lstmt, s->body->line, s->body->col, s->body->list.v,
                            s->body->list.n);
            if (s->z) {
                Node *e = s->z;
                inner_block(ls, b, &fwd, in, cur_lstmt, e->line, e->col, &s->z, 1);
            }
            break;
        }
        case N_FOR:
        case N_RANGE: {
            Targets in = { s, s, -1, 0 };
            if (s->body)
                inner_block(ls, b, &fwd, in, cur_lstmt, s->body->line, s->body->col, s->body->list.v,
                            s->body->list.n);
            break;
        }
        case N_SWITCH:
        case N_TYPESWITCH: {
            Targets in = { s, ctxt.continues, -1, s->list.n };
            for (int i = 0; i < s->list.n; i++) {
                Node *cc = s->list.v[i];
                in.case_index = i;
                Node *cb = cc->body;
                inner_block(ls, b, &fwd, in, cur_lstmt, cc->line, cc->col, cb ? cb->list.v : NULL,
                            cb ? cb->list.n : 0);
            }
            break;
        }
        case N_SELECT: {
            Targets in = { s, ctxt.continues, -1, 0 };
            for (int i = 0; i < s->list.n; i++) {
                Node *cc = s->list.v[i];
                Node *cb = cc->body;
                inner_block(ls, b, &fwd, in, cur_lstmt, cc->line, cc->col, cb ? cb->list.v : NULL,
                            cb ? cb->list.n : 0);
            }
            break;
        }
        default:
            break;
        }
    }
    return fwd;
}

// check_branches checks the labels and branch statements of a body.
void check_branches(Checker *c, Node *body) {
    if (!body) return;
    Labels ls = { c, NULL, 0, 0 };
    Targets none = { NULL, NULL, -1, 0 };
    Gotos fwd = block_branches(&ls, NULL, none, NULL, body->line, body->col, body->list.v, body->list.n);
    for (int i = 0; i < fwd.n; i++) {
        Node *g = fwd.v[i];
        const char *name = check_name(g->name);
        Label *l = find(&ls, name);
        if (l) {
            l->used = true;
            g->name->obj = l->obj;
            check_errorf(c, g->name->line, g->name->col, "goto %s jumps into block starting at %s", name,
                         check_pos(c, l->parent->line, l->parent->col));
        } else {
            check_errorf(c, g->name->line, g->name->col, "label %s not defined", name);
        }
    }
    for (int i = 0; i < ls.n; i++) {
        Label *l = &ls.v[i];
        if (!l->used) {
            Node *nm = l->lstmt->name;
            check_errorf(c, nm->line, nm->col, "label %s defined and not used", l->name);
        }
    }
}
