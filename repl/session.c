// repl/session.c: a REPL session's compiler side (session.h).
//
// An input is parsed as a file of its own: the line "package main;" and the
// imports the input needs come first, numbered line 0 (Source.line_base),
// so that the input's own lines keep their numbers. Declarations (import,
// const, type, func) are parsed as they are; anything else becomes the body
// of `func _() { ... }`, and a lone expression statement is tried first as
// the argument of the prelude's printer.
#include "repl/session.h"
#include "common/mem.h"
#include "common/source.h"
#include "compiler/compile.h"
#include "lexer/lex.h"
#include "parser/parse.h"
#include "stdlib/sources.h"
#include "vm/opcodes.h"

#include <string.h>

// The prelude: a printer for values of expression statements. Its names
// cannot clash with a learner's (they start with "__goli").
static const char prelude[] =
    "import __goli_fmt \"fmt\"\n"
    "func __goli_show(vs ...any) {\n"
    "\ts := \"\"\n"
    "\tfor i, v := range vs {\n"
    "\t\tif i > 0 { s += \", \" }\n"
    "\t\tif _, ok := v.(__goli_fmt.Stringer); ok { s += __goli_fmt.Sprintf(\"%v\", v) } else { s += __goli_fmt.Sprintf(\"%#v\", v) }\n"
    "\t}\n"
    "\t__goli_fmt.Println(s)\n"
    "}\n";

struct Session {
    CheckSession *check;
    GenSession *gen;
    Func **entries;             // every input's code (goroutines may run it)
    int nentries;
    const char **announced;     // packages imported on the learner's behalf
    int nannounced;
};

// ---- Standard package names ----

// std_path returns the import path of the standard package whose name is
// name ("rand": math/rand, not math/rand/v2), or NULL.
static const char *std_path(const char *name, size_t len) {
    const char *best = NULL;
    for (const LibSource *s = lib_sources; s->pkg; s++) {
        const char *p = s->pkg;
        if (strstr(p, "internal")) continue;
        const char *last = strrchr(p, '/');
        last = last ? last + 1 : p;
        size_t n = strlen(last);
        // math/rand/v2 is package rand.
        if (n >= 2 && last[0] == 'v' && last[1] >= '0' && last[1] <= '9' && last > p + 1) {
            const char *e = last - 1, *b = e;
            while (b > p && b[-1] != '/') b--;
            last = b;
            n = (size_t)(e - b);
        }
        if (n == len && memcmp(last, name, len) == 0 && (!best || strlen(p) < strlen(best))) best = p;
    }
    return best;
}

// ---- Tokens ----

typedef struct Scan {
    int depth;              // open brackets
    bool mismatch;          // a closing bracket that closes nothing open
    bool unterminated;      // a raw string or comment runs to the end
    TokenKind first, second;
    int lines;              // lines of text
} Scan;

static Scan scan_text(const char *text) {
    Scan sc = { 0 };
    Diag *d = diag_new();
    Source *src = source_from_string("repl", text, strlen(text));
    Lexer *lx = lex_new(src, d);
    int n = 0;
    char open[256];
    for (;;) {
        Token t = lex_next(lx);
        if (t.kind == T_EOF) break;
        if (n == 0) sc.first = t.kind;
        else if (n == 1) sc.second = t.kind;
        n++;
        char c = t.kind == T_LPAREN ? ')' : t.kind == T_LBRACK ? ']' : t.kind == T_LBRACE ? '}' : 0;
        char close = t.kind == T_RPAREN ? ')' : t.kind == T_RBRACK ? ']' : t.kind == T_RBRACE ? '}' : 0;
        if (c) {
            if (sc.depth < (int)sizeof open) open[sc.depth] = c;
            sc.depth++;
        } else if (close) {
            if (sc.depth == 0 || (sc.depth <= (int)sizeof open && open[sc.depth - 1] != close)) sc.mismatch = true;
            if (sc.depth > 0) sc.depth--;
        }
    }
    for (int i = 0; i < d->n; i++)
        if (strstr(d->v[i].msg, "not terminated")) sc.unterminated = true;
    sc.lines = 1;
    for (const char *p = text; *p; p++) sc.lines += *p == '\n';
    return sc;
}

// A declaration input: import, const, type, or func with a name or a
// receiver (a func literal is a statement; tried after a method).
static bool is_decl(const Scan *sc) {
    return sc->first == T_IMPORT || sc->first == T_TYPE || sc->first == T_CONST ||
           (sc->first == T_FUNC && (sc->second == T_IDENT || sc->second == T_LPAREN));
}

// ---- Parsing ----

typedef struct Parsed {
    Node *file;
    Node *input;            // the FUNCDECL of the statements, or NULL
    Diag *diag;
    int min_line;           // the first line any error is on
} Parsed;

enum { WRAP_DECL, WRAP_STMT, WRAP_SHOW, WRAP_TYPE };

// Inputs are reported and traced back under the file name "repl".
static const char *input_path(void) { return "repl"; }

// prints_itself: fmt.Print* and Fprint* results (byte count, error) are not
// worth showing after the output itself.
static bool prints_itself(Session *s, Node *x) {
    if (!x || x->kind != N_CALL || !x->x || x->x->kind != N_SELECTOR) return false;
    Node *sel = x->x;
    if (!sel->x || sel->x->kind != N_NAME || !sel->name) return false;
    const char *pkg = mem_strndup(sel->x->text, sel->x->len);
    Obj *o = check_session_lookup(s->check, pkg);
    bool is_fmt = o ? o->kind == OBJ_PKG && o->imported && strcmp(o->imported->path, "fmt") == 0
                    : strcmp(pkg, "fmt") == 0;
    const char *name = mem_strndup(sel->name->text, sel->name->len);
    return is_fmt && (strncmp(name, "Print", 5) == 0 || strncmp(name, "Fprint", 6) == 0);
}

static Parsed parse_input(const char *path, const char *imports, const char *text, int wrap) {
    const char *src_text;
    if (wrap == WRAP_DECL) src_text = mem_sprintf("package main;%s\n%s\n", imports, text);
    else if (wrap == WRAP_STMT) src_text = mem_sprintf("package main;%s func _() {\n%s\n}\n", imports, text);
    else if (wrap == WRAP_SHOW) src_text = mem_sprintf("package main;%s func _() { __goli_show(\n%s)\n}\n", imports, text);
    else src_text = mem_sprintf("package main;%s func _() { _ = \n%s\n}\n", imports, text);
    Parsed p = { 0 };
    p.diag = diag_new();
    Source *src = source_from_string(path, src_text, strlen(src_text));
    src->line_base = -1;
    p.file = parse_file(src, p.diag);
    if (!diag_count(p.diag)) parse_gc_errors(src, p.file, p.diag);
    p.file->text = path;
    p.file->len = (uint32_t)strlen(path);
    for (int i = 0; i < p.diag->n; i++)
        if (i == 0 || p.diag->v[i].line < p.min_line) p.min_line = p.diag->v[i].line;
    if (wrap != WRAP_DECL && !diag_count(p.diag)) {
        for (int i = 0; i < p.file->list.n; i++) {
            Node *d = p.file->list.v[i];
            if (d->kind == N_FUNCDECL && ast_name_is(d->name, "_")) p.input = d;
        }
    }
    return p;
}

bool session_incomplete(const char *text) {
    Scan sc = scan_text(text);
    if (sc.unterminated) return true;
    if (sc.mismatch) return false;   // an error to report now
    // The parser decides: more is wanted when every error it finds is
    // past the input's end (an open bracket, a trailing operator, ...).
    Parsed p = parse_input(input_path(), "", text, is_decl(&sc) ? WRAP_DECL : WRAP_STMT);
    return diag_count(p.diag) && p.min_line > sc.lines;
}

// ---- Imports on the learner's behalf ----

// auto_imports returns import declarations for the packages text uses as
// pkg.Name without having imported them, and lists their paths.
static const char *auto_imports(Session *s, const char *text, const char ***paths, int *npaths) {
    Diag *d = diag_new();
    Lexer *lx = lex_new(source_from_string("repl", text, strlen(text)), d);
    Token prev2 = { 0 }, prev = { 0 };
    const char *imports = "";
    for (;;) {
        Token t = lex_next(lx);
        if (t.kind == T_EOF) break;
        if (t.kind == T_IDENT && prev.kind == T_PERIOD && prev2.kind == T_IDENT) {
            // prev2 is a candidate unless it follows a period itself.
            const char *name = mem_strndup(prev2.text, prev2.len);
            const char *path = std_path(prev2.text, prev2.len);
            if (path && !check_session_lookup(s->check, name) && !strstr(imports, mem_sprintf("\"%s\"", path))) {
                imports = mem_sprintf("%s import \"%s\";", imports, path);
                const char **v = mem_alloc((*npaths + 1) * sizeof *v);
                if (*npaths) memcpy(v, *paths, *npaths * sizeof *v);
                v[(*npaths)++] = path;
                *paths = v;
            }
        }
        prev2 = prev;
        prev = t;
        if (prev2.kind == T_PERIOD) prev2.kind = T_ILLEGAL;   // x.y.z: only x is a candidate
    }
    return imports;
}

// announce says once which packages were imported on the learner's behalf.
static void announce(Session *s, const char **paths, int n, FILE *out) {
    for (int k = 0; k < n; k++) {
        bool said = false;
        for (int i = 0; i < s->nannounced; i++) said |= strcmp(s->announced[i], paths[k]) == 0;
        if (said) continue;
        fprintf(out, "(imported \"%s\")\n", paths[k]);
        const char **v = mem_alloc((s->nannounced + 1) * sizeof *v);
        if (s->nannounced) memcpy(v, s->announced, s->nannounced * sizeof *v);
        v[s->nannounced++] = paths[k];
        s->announced = v;
    }
}

// ---- Compiling ----

typedef struct FuncSet {
    Func **v;
    int n, cap;
} FuncSet;

static void visit(FuncSet *set, Func *f) {
    if (!f || f->native) return;
    for (int i = 0; i < set->n; i++)
        if (set->v[i] == f) return;
    if (set->n == set->cap) {
        set->cap = set->cap ? set->cap * 2 : 64;
        Func **v = mem_alloc(set->cap * sizeof *v);
        if (set->n) memcpy(v, set->v, set->n * sizeof *v);
        set->v = v;
    }
    set->v[set->n++] = f;
    for (int i = 0; i < f->ncode; i++) {
        Instr in = f->code[i];
        if (in.op == OP_CALL || in.op == OP_CLOSURE) visit(set, (Func *)(uintptr_t)f->k[in.b]);
    }
}

// relink points the calls of every function of the session that called a
// function (or method) the last input redefined, with the same signature,
// at the new definition: a later definition replaces an earlier one for
// its callers too, goroutines running them included (a call reads its
// callee from the constant pool each time; the store is one word).
static void relink(Session *s) {
    Obj **old, **new;
    int n = check_session_replaced(s->check, &old, &new);
    if (n == 0) return;
    FuncSet set = { 0 };
    Package *pkg = check_session_package(s->check);
    for (int i = 0; i < pkg->nfuncs; i++) visit(&set, pkg->funcs[i]->gen);
    for (int i = 0; i < s->nentries; i++) visit(&set, s->entries[i]);
    for (int r = 0; r < n; r++) {
        Func *from = old[r]->gen, *to = new[r]->gen;
        if (!from || !to || from == to) continue;
        for (int i = 0; i < set.n; i++) {
            Func *f = set.v[i];
            for (int k = 0; k < f->ncode; k++)
                if (f->code[k].op == OP_CALL && f->k[f->code[k].b] == (Word)(uintptr_t)from)
                    __atomic_store_n(&f->k[f->code[k].b], (Word)(uintptr_t)to, __ATOMIC_RELEASE);
        }
    }
}

static Func *commit(Session *s, Parsed *p, FILE *err, bool *ok) {
    Package *pkg = check_session_package(s->check);
    int from = pkg->nfiles;
    Diag *diag = diag_new();
    *ok = check_session_add(s->check, p->file, p->file->text, p->input, diag);
    if (!*ok) {
        p->diag = diag;
        return NULL;
    }
    Func *fn = gen_session_input(s->gen, from, p->input, diag);
    if (!fn) {
        diag_flush(diag, err);
        *ok = false;
        return NULL;
    }
    relink(s);
    Func **v = mem_alloc((s->nentries + 1) * sizeof *v);
    if (s->nentries) memcpy(v, s->entries, s->nentries * sizeof *v);
    v[s->nentries++] = fn;
    s->entries = v;
    return fn;
}

Session *session_new(Func **init) {
    Session *s = mem_new(Session);
    s->check = check_session_new(compile_import);
    s->gen = gen_session_new(check_session_package(s->check));
    Parsed p = parse_input("prelude", "", prelude, WRAP_DECL);
    bool ok = false;
    *init = NULL;
    if (!diag_count(p.diag)) *init = commit(s, &p, stderr, &ok);
    if (!ok) {
        diag_flush(p.diag, stderr);
        return NULL;
    }
    return s;
}

SessionResult session_compile(Session *s, const char *text, Func **entry, FILE *out, FILE *err) {
    *entry = NULL;
    Scan sc = scan_text(text);
    if (sc.first == 0) return SESSION_EMPTY;   // blank, or comments only
    const char *path = input_path();
    const char **paths = NULL;
    int npaths = 0;
    const char *imports = auto_imports(s, text, &paths, &npaths);
    bool ok = false;
    Parsed p = { 0 };
    if (is_decl(&sc)) {
        p = parse_input(path, imports, text, WRAP_DECL);
        if (!diag_count(p.diag)) {
            Func *fn = commit(s, &p, err, &ok);
            if (!ok) {
                diag_flush(p.diag, err);
                return SESSION_ERROR;
            }
            announce(s, paths, npaths, out);
            *entry = fn;
            return SESSION_RUN;
        }
        if (sc.first != T_FUNC) {
            diag_flush(p.diag, err);
            return SESSION_ERROR;
        }
        // func (...) may start a function literal: a statement.
    }
    Parsed stmt = parse_input(path, imports, text, WRAP_STMT);
    if (diag_count(stmt.diag)) {
        diag_flush(p.file && sc.first == T_FUNC && sc.second == T_IDENT ? p.diag : stmt.diag, err);
        return SESSION_ERROR;
    }
    Node *body = stmt.input ? stmt.input->body : NULL;
    Diag *show_errors = NULL;
    if (body && body->list.n == 1 && body->list.v[0]->kind == N_EXPRSTMT && !prints_itself(s, body->list.v[0]->x)) {
        // A value to print: the printer takes it, unless that does not
        // check (a call without results, a type, ...).
        Parsed show = parse_input(path, imports, text, WRAP_SHOW);
        if (!diag_count(show.diag)) {
            Func *fn = commit(s, &show, err, &ok);
            if (ok) {
                announce(s, paths, npaths, out);
                *entry = fn;
                return SESSION_RUN;
            }
            show_errors = show.diag;
        }
    }
    Func *fn = commit(s, &stmt, err, &ok);
    if (!ok) {
        // Both failed: the printer's attempt tells of the expression
        // itself, unless its errors are about the printer.
        bool about_printer = !show_errors;
        for (int i = 0; show_errors && i < show_errors->n; i++)
            about_printer |= strstr(show_errors->v[i].msg, "__goli") || strstr(show_errors->v[i].msg, "used as value") ||
                             strstr(show_errors->v[i].msg, "is not an expression");
        Diag *d = about_printer ? stmt.diag : show_errors;
        if (diag_count(d)) diag_flush(d, err);
        return SESSION_ERROR;
    }
    announce(s, paths, npaths, out);
    *entry = fn;
    return SESSION_RUN;
}

bool session_load(Session *s, const char *path, Func **entry, FILE *err) {
    *entry = NULL;
    const char *rerr = NULL;
    Source *src = source_read(path, &rerr);
    if (!src) {
        fprintf(err, "%s\n", rerr);
        return false;
    }
    Parsed p = { 0 };
    p.diag = diag_new();
    p.file = parse_file(src, p.diag);
    if (!diag_count(p.diag)) parse_gc_errors(src, p.file, p.diag);
    if (diag_count(p.diag)) {
        diag_flush(p.diag, err);
        return false;
    }
    p.file->text = path;
    p.file->len = (uint32_t)strlen(path);
    bool ok = false;
    *entry = commit(s, &p, err, &ok);
    if (!ok && diag_count(p.diag)) diag_flush(p.diag, err);
    return ok;
}

bool session_type(Session *s, const char *text, FILE *out, FILE *err) {
    const char **paths = NULL;
    int npaths = 0;
    Parsed p = parse_input(input_path(), auto_imports(s, text, &paths, &npaths), text, WRAP_TYPE);
    Node *body = p.input ? p.input->body : NULL;
    if (diag_count(p.diag) || !body || body->list.n != 1 || body->list.v[0]->kind != N_ASSIGN) {
        if (diag_count(p.diag)) diag_flush(p.diag, err);
        else fprintf(err, "not an expression: %s\n", text);
        return false;
    }
    Diag *diag = diag_new();
    if (!check_session_try(s->check, p.file, p.file->text, p.input, diag)) {
        diag_flush(diag, err);
        return false;
    }
    Node *x = body->list.v[0]->rlist.v[0];
    fprintf(out, "%s\n", x->type ? x->type->str : "?");
    return true;
}

Func *session_func(Session *s, const char *name) {
    const char *dot = strrchr(name, '.');
    if (!dot) {
        Obj *o = check_session_lookup(s->check, name);
        return o && o->kind == OBJ_FUNC ? o->gen : NULL;
    }
    // T.M or (*T).M
    const char *tn = name;
    size_t tl = (size_t)(dot - name);
    if (tn[0] == '(' && tn[1] == '*' && tl > 3 && tn[tl - 1] == ')') {
        tn += 2;
        tl -= 3;
    }
    Obj *t = check_session_lookup(s->check, mem_strndup(tn, tl));
    if (!t || t->kind != OBJ_TYPE || !t->type) return NULL;
    Method *m = type_find_method(t->type, dot + 1);
    return m ? m->fn : NULL;
}

static void add_scope(const Scope *sc, const char *prefix, void (*add)(void *, const char *), void *arg,
                      bool exported_only, const char *qual) {
    size_t n = strlen(prefix);
    for (int i = 0; sc && i < sc->cap; i++) {
        Obj *o = sc->objs[i];
        if (!o || strncmp(o->name, "__goli", 6) == 0 || strcmp(o->name, "_") == 0) continue;
        if (exported_only && !o->exported) continue;
        if (strncmp(o->name, prefix, n) != 0) continue;
        add(arg, qual ? mem_sprintf("%s.%s", qual, o->name) : o->name);
    }
}

void session_complete(Session *s, const char *prefix, void (*add)(void *arg, const char *word), void *arg) {
    const char *dot = strchr(prefix, '.');
    if (dot) {
        const char *pkgname = mem_strndup(prefix, (size_t)(dot - prefix));
        Obj *o = check_session_lookup(s->check, pkgname);
        Package *pkg = o && o->kind == OBJ_PKG ? o->imported : NULL;
        if (!pkg && !o) {
            const char *path = std_path(pkgname, strlen(pkgname));
            if (path) pkg = compile_import(path, diag_new());
        }
        if (pkg) add_scope(pkg->scope, dot + 1, add, arg, true, pkgname);
        return;
    }
    for (const Scope *sc = check_session_scope(s->check); sc; sc = sc->outer) add_scope(sc, prefix, add, arg, false, NULL);
    // Packages not imported yet (they would be on first use).
    size_t n = strlen(prefix);
    for (const LibSource *l = lib_sources; l->pkg; l++) {
        if (l != lib_sources && strcmp(l[-1].pkg, l->pkg) == 0) continue;
        const char *last = strrchr(l->pkg, '/');
        last = last ? last + 1 : l->pkg;
        if (strstr(l->pkg, "internal") || (last[0] == 'v' && last[1] >= '0' && last[1] <= '9')) continue;
        if (strncmp(last, prefix, n) == 0 && !check_session_lookup(s->check, last)) add(arg, last);
    }
}
