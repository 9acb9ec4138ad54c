// compiler/check_session.c: checking a REPL's inputs one at a time into one
// package main (check.h, "REPL sessions").
//
// Each input is a file of its own. Its declarations join the package scope
// in place of earlier ones of the same name; all inputs share one file
// scope, so imports persist. An input's statements are the body of a
// FUNCDECL named _; the variables that body declares at its top level are
// then moved to the package scope, where the generator gives them global
// cells. An input with errors is undone: the scopes, the checker's lists
// and the method sets of the package's types are put back as they were.
#include "compiler/check_impl.h"

struct CheckSession {
    Checker c;
    Scope *file_scope;      // the imports of every input
    // The functions and methods the last input redefined with the same
    // signature: old[i] was replaced by new[i].
    Obj **old, **new;
    int nreplaced;
    Obj **forgotten;        // functions the input's declarations replace
    int nforgotten;
};

// A type's method set and its declaration's method list, before an input.
typedef struct TypeSnap {
    Type *type;
    Method *methods;
    int nmethods;
    DeclInfo *info;
    int ninfo, ncollected;
    bool done;
} TypeSnap;

typedef struct Snapshot {
    Scope pkg_scope, file_scope;
    int nobjs, nmethods, nfiles, nimports, nfuncs, ninit_funcs, ninits;
    Node **inits;
    TypeSnap *types;
    int ntypes;
} Snapshot;

static Scope copy_scope(const Scope *s) {
    Scope x = *s;
    x.objs = mem_alloc((s->cap + 1) * sizeof *x.objs);
    if (s->cap) memcpy(x.objs, s->objs, s->cap * sizeof *x.objs);
    return x;
}

static Snapshot take(CheckSession *s) {
    Checker *c = &s->c;
    Package *pkg = c->pkg;
    Snapshot x = { 0 };
    x.pkg_scope = copy_scope(pkg->scope);
    x.file_scope = copy_scope(s->file_scope);
    x.nobjs = c->nobjs;
    x.nmethods = c->nmethods;
    x.nfiles = c->nfiles;
    x.nimports = pkg->nimports;
    x.nfuncs = pkg->nfuncs;
    x.ninit_funcs = pkg->ninit_funcs;
    x.inits = pkg->inits;
    x.ninits = pkg->ninits;
    x.types = mem_alloc((pkg->scope->n + 1) * sizeof *x.types);
    for (int i = 0; i < pkg->scope->cap; i++) {
        Obj *o = pkg->scope->objs[i];
        if (!o || o->kind != OBJ_TYPE || !o->type || !type_is_named(o->type)) continue;
        DeclInfo *d = o->check;
        if (d && d->tag != INFO_DECL) d = NULL;
        x.types[x.ntypes++] = (TypeSnap){ o->type, o->type->methods, o->type->nmethods, d,
                                          d ? d->nmethods : 0, d ? d->ncollected : 0,
                                          d ? d->methods_done : false };
    }
    return x;
}

static void undo(CheckSession *s, const Snapshot *x) {
    Checker *c = &s->c;
    Package *pkg = c->pkg;
    *pkg->scope = x->pkg_scope;
    *s->file_scope = x->file_scope;
    c->nobjs = x->nobjs;
    c->nmethods = x->nmethods;
    c->nfiles = x->nfiles;
    pkg->nfiles = x->nfiles;
    pkg->nimports = x->nimports;
    pkg->nfuncs = x->nfuncs;
    pkg->ninit_funcs = x->ninit_funcs;
    pkg->inits = x->inits;
    pkg->ninits = x->ninits;
    c->npending = 0;
    c->nlater = 0;
    c->npath = 0;
    for (int i = 0; i < x->ntypes; i++) {
        const TypeSnap *t = &x->types[i];
        t->type->methods = t->methods;
        t->type->nmethods = t->nmethods;
        if (t->info) {
            t->info->nmethods = t->ninfo;
            t->info->ncollected = t->ncollected;
            t->info->methods_done = t->done;
        }
    }
}

CheckSession *check_session_new(ImportFunc import) {
    universe_init();
    CheckSession *s = mem_new(CheckSession);
    Package *pkg = mem_new(Package);
    pkg->path = "main";
    pkg->name = "main";
    pkg->scope = scope_new(universe);
    s->file_scope = scope_new(pkg->scope);
    s->c.pkg = pkg;
    s->c.import = import;
    s->c.repl = true;
    return s;
}

Package *check_session_package(CheckSession *s) { return s->c.pkg; }
Scope *check_session_scope(CheckSession *s) { return s->file_scope; }

static void add_file(CheckSession *s, Node *file, const char *path) {
    Checker *c = &s->c;
    Package *pkg = c->pkg;
    FileInfo *fv = mem_alloc((c->nfiles + 1) * sizeof *fv);
    if (c->nfiles) memcpy(fv, c->files, c->nfiles * sizeof *fv);
    c->files = fv;
    Node **nv = mem_alloc((c->nfiles + 1) * sizeof *nv);
    const char **pv = mem_alloc((c->nfiles + 1) * sizeof *pv);
    if (c->nfiles) {
        memcpy(nv, pkg->files, c->nfiles * sizeof *nv);
        memcpy(pv, pkg->paths, c->nfiles * sizeof *pv);
    }
    FileInfo *fi = &c->files[c->nfiles];
    memset(fi, 0, sizeof *fi);
    fi->node = file;
    fi->path = check_file_path(file);
    fi->scope = s->file_scope;
    nv[c->nfiles] = file;
    pv[c->nfiles] = path;
    pkg->files = nv;
    pkg->paths = pv;
    c->nfiles++;
    pkg->nfiles = c->nfiles;
}

static void forget(CheckSession *s, const char *name) {
    if (strcmp(name, "_") == 0) return;
    Obj *o = scope_lookup_here(s->c.pkg->scope, name);
    if (o && o->kind == OBJ_FUNC) {
        Obj **v = mem_alloc((s->nforgotten + 1) * sizeof *v);
        if (s->nforgotten) memcpy(v, s->forgotten, s->nforgotten * sizeof *v);
        v[s->nforgotten++] = o;
        s->forgotten = v;
    }
    scope_remove(s->c.pkg->scope, name);
    scope_remove(s->file_scope, name);
}

// forget_declared drops the earlier objects whose names file declares.
static void forget_declared(CheckSession *s, Node *file) {
    for (int i = 0; i < file->list.n; i++) {
        Node *decl = file->list.v[i];
        if (!decl) continue;
        if (decl->kind == N_FUNCDECL) {
            if (!decl->x && decl->name) forget(s, check_name(decl->name));
            continue;
        }
        if (decl->kind != N_DECL) continue;
        for (int k = 0; k < decl->list.n; k++) {
            Node *spec = decl->list.v[k];
            if (decl->op == T_IMPORT) {
                if (spec->name) {
                    forget(s, check_name(spec->name));
                } else if (spec->x && spec->x->kind == N_BASICLIT && spec->x->len >= 2) {
                    const char *lit = mem_strndup(spec->x->text + 1, spec->x->len - 2);
                    forget(s, check_pkg_name(lit));
                }
                continue;
            }
            if (decl->op == T_TYPE) {
                forget(s, check_name(spec->name));
                continue;
            }
            for (int q = 0; q < spec->list.n; q++) forget(s, check_name(spec->list.v[q]));
        }
    }
}

static bool add(CheckSession *s, Node *file, const char *path, Node *input, Diag *diag, bool keep);

static void pair(CheckSession *s, Obj *old, Obj *new) {
    if (!old || !new || old == new || !old->type || !new->type || !type_identical(old->type, new->type)) return;
    Obj **o = mem_alloc((s->nreplaced + 1) * sizeof *o), **n = mem_alloc((s->nreplaced + 1) * sizeof *n);
    if (s->nreplaced) {
        memcpy(o, s->old, s->nreplaced * sizeof *o);
        memcpy(n, s->new, s->nreplaced * sizeof *n);
    }
    o[s->nreplaced] = old;
    n[s->nreplaced++] = new;
    s->old = o;
    s->new = n;
}

// note_replaced pairs the functions and methods the input replaced with
// their new definitions of the same signature.
static void note_replaced(CheckSession *s, const Snapshot *x) {
    Scope *ps = s->c.pkg->scope;
    for (int i = 0; i < s->nforgotten; i++) {
        Obj *o = s->forgotten[i], *n = scope_lookup_here(ps, o->name);
        if (n && n->kind == OBJ_FUNC) pair(s, o, n);
    }
    for (int i = 0; i < x->ntypes; i++) {
        const TypeSnap *t = &x->types[i];
        for (int k = 0; k < t->nmethods; k++) {
            Method *m = type_find_method(t->type, t->methods[k].name);
            if (m && m->ptr_recv == t->methods[k].ptr_recv) pair(s, t->methods[k].obj, m->obj);
        }
    }
}

int check_session_replaced(CheckSession *s, Obj ***old, Obj ***new) {
    *old = s->old;
    *new = s->new;
    return s->nreplaced;
}

bool check_session_add(CheckSession *s, Node *file, const char *path, Node *input, Diag *diag) {
    return add(s, file, path, input, diag, true);
}

bool check_session_try(CheckSession *s, Node *file, const char *path, Node *input, Diag *diag) {
    return add(s, file, path, input, diag, false);
}

static bool add(CheckSession *s, Node *file, const char *path, Node *input, Diag *diag, bool keep) {
    Checker *c = &s->c;
    Package *pkg = c->pkg;
    c->diag = diag;
    // Messages spell byte/uint8 and rune/int32 as this input does.
    c->saw_byte = c->saw_uint8 = c->saw_rune = c->saw_int32 = c->saw_any_name = false;
    int before = diag_count(diag);
    Snapshot snap = take(s);
    s->nforgotten = 0;
    s->nreplaced = 0;
    add_file(s, file, path);
    int fidx = c->nfiles - 1;
    forget_declared(s, file);
    int from = c->nobjs, mfrom = c->nmethods;
    c->file = fidx;
    c->path = c->files[fidx].path;
    c->scope = s->file_scope;
    c->fn = NULL;
    c->decl = NULL;
    check_collect_file(c, fidx);
    check_associate_methods(c, mfrom);
    for (int i = from; i < c->nobjs; i++) check_resolve(c, c->objs[i]);
    for (int i = 0; i < c->npending; i++) type_set_under(c->pending[i].obj->type, type_invalid);
    c->npending = 0;
    // Methods declared on the types of earlier inputs.
    for (int i = 0; i < pkg->scope->cap; i++) {
        Obj *o = pkg->scope->objs[i];
        if (o && o->kind == OBJ_TYPE) check_collect_methods(c, o);
    }
    check_later_keys(c);
    check_func_bodies(c, from);
    check_later_keys(c);
    check_init_order(c, from);
    check_finish_tree(c, file);
    if (diag_count(diag) > before || !keep) {
        undo(s, &snap);
        return diag_count(diag) == before;
    }
    note_replaced(s, &snap);
    // The input's own variables outlive it.
    Obj *fo = input && input->name ? input->name->obj : NULL;
    DeclInfo *d = fo ? fo->check : NULL;
    Scope *fs = d && d->tag == INFO_DECL ? d->fscope : NULL;
    for (int i = 0; fs && i < fs->cap; i++) {
        Obj *o = fs->objs[i];
        if (!o || o->kind != OBJ_VAR || strcmp(o->name, "_") == 0) continue;
        scope_remove(s->file_scope, o->name);
        scope_replace(pkg->scope, o);
        o->check = NULL;
        o->resolve = RESOLVE_DONE;
        o->global = 0;   // the generator gives it a cell (not a register)
    }
    return true;
}

Obj *check_session_lookup(CheckSession *s, const char *name) {
    return scope_lookup(s->file_scope, name, NULL);
}
