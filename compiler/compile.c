// compiler/compile.c: the compiler driver (compile.h).
#include "compiler/compile.h"
#include "common/mem.h"
#include "common/source.h"
#include "parser/parse.h"
#include "stdlib/sources.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

// The standard packages checked so far, by import path.
typedef struct Loaded {
    const char *path;
    Package *pkg;
} Loaded;

static Loaded *loaded;
static int nloaded, caploaded;

static Package *import_std(const char *path, Diag *diag);

// check_sources parses and checks one package made of the given sources.
static Package *check_sources(const char *pkgpath, Source **srcs, const char **paths, int n,
                              Diag *diag) {
    Node **files = mem_alloc((n + 1) * sizeof *files);
    int before = diag_count(diag);
    for (int i = 0; i < n; i++) {
        files[i] = parse_file(srcs[i], diag);
        // gc's parser rejects a few things gofmt's accepts (parse.h).
        if (diag_count(diag) == before) parse_gc_errors(srcs[i], files[i], diag);
        // The checker reports errors under the FILE node's text (check.h).
        files[i]->text = srcs[i]->path;
        files[i]->len = (uint32_t)strlen(srcs[i]->path);
    }
    if (diag_count(diag) > before) return NULL;
    Package *pkg = check_package(pkgpath, files, n, diag, import_std);
    if (pkg) pkg->paths = paths;
    return pkg;
}

static Package *import_std(const char *path, Diag *diag) {
    for (int i = 0; i < nloaded; i++)
        if (strcmp(loaded[i].path, path) == 0) return loaded[i].pkg;
    int n = 0;
    for (const LibSource *s = lib_sources; s->pkg; s++)
        if (strcmp(s->pkg, path) == 0) n++;
    if (n == 0) return NULL;
    Source **srcs = mem_alloc(n * sizeof *srcs);
    const char **paths = mem_alloc(n * sizeof *paths);
    int k = 0;
    for (const LibSource *s = lib_sources; s->pkg; s++) {
        if (strcmp(s->pkg, path) != 0) continue;
        paths[k] = mem_sprintf("$GOROOT/src/%s/%s", s->pkg, s->name);
        srcs[k] = source_from_string(paths[k], s->text, s->len);
        k++;
    }
    Package *pkg = check_sources(path, srcs, paths, n, diag);
    if (nloaded == caploaded) {
        int c = caploaded ? caploaded * 2 : 16;
        Loaded *v = mem_alloc(c * sizeof *v);
        if (nloaded) memcpy(v, loaded, nloaded * sizeof *v);
        loaded = v;
        caploaded = c;
    }
    loaded[nloaded].path = path;
    loaded[nloaded].pkg = pkg;
    nloaded++;
    return pkg;
}

Package *compile_import(const char *path, Diag *diag) { return import_std(path, diag); }

bool compile_is_std(const char *path) {
    for (const LibSource *s = lib_sources; s->pkg; s++)
        if (strcmp(s->pkg, path) == 0) return true;
    return false;
}

Package *compile_check(const char *path, Diag *diag, const char **read_err) {
    universe_init();
    Source *src = source_read(path, read_err);
    if (!src) return NULL;
    // Tracebacks print absolute paths, as Go's do.
    char buf[PATH_MAX];
    const char **paths = mem_alloc(sizeof *paths);
    paths[0] = realpath(path, buf) ? mem_sprintf("%s", buf) : path;
    Package *pkg = check_sources("main", &src, paths, 1, diag);
    if (pkg && !diag_count(diag)) check_main_errors(pkg, diag);
    return diag_count(diag) ? NULL : pkg;
}

Program *compile_program(const char *path, Diag *diag, const char **read_err) {
    Package *pkg = compile_check(path, diag, read_err);
    if (!pkg) return NULL;
    return gen_program(pkg, diag);
}

// each_func visits the Funcs reachable from fn's constant pool.
typedef struct Visit {
    Func **seen;
    int n, cap;
} Visit;

void compile_each_func(Program *prog, void (*fn)(Func *f, void *arg), void *arg) {
    Visit v = { 0 };
    Func *stack[4096];
    int sp = 0;
    stack[sp++] = prog->entry;
    while (sp > 0) {
        Func *f = stack[--sp];
        bool dup = false;
        for (int i = 0; i < v.n; i++) dup |= v.seen[i] == f;
        if (dup || f->native) continue;
        if (v.n == v.cap) {
            v.cap = v.cap ? v.cap * 2 : 64;
            Func **s = mem_alloc(v.cap * sizeof *s);
            if (v.n) memcpy(s, v.seen, v.n * sizeof *s);
            v.seen = s;
        }
        v.seen[v.n++] = f;
        fn(f, arg);
        for (int i = 0; i < f->ncode && sp < 4096; i++) {
            Instr in = f->code[i];
            if (in.op == OP_CALL || in.op == OP_CLOSURE) stack[sp++] = (Func *)(uintptr_t)f->k[in.b];
        }
    }
}
