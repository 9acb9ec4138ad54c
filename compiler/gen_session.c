// compiler/gen_session.c: code for a REPL session's inputs, one at a time
// (gen.h, "REPL sessions"). The packages an input imports for the first
// time are generated whole; of package main, only the input's own file.
#include "compiler/gen.h"
#include "common/mem.h"

struct GenSession {
    Gen g;
    Program prog;
    int ninit_funcs;    // main's init functions already run
};

GenSession *gen_session_new(Package *main_pkg) {
    GenSession *s = mem_new(GenSession);
    s->prog.main = main_pkg;
    s->g.prog = &s->prog;
    return s;
}

Func *gen_session_input(GenSession *s, int file_from, Node *input, Diag *diag) {
    Gen *g = &s->g;
    Package *main_pkg = s->prog.main;
    g->diag = diag;
    g->fn = NULL;
    int before = diag_count(diag);
    Package **pkgs = NULL;
    int npkgs = 0, cap = 0;
    gen_order_packages(main_pkg, &pkgs, &npkgs, &cap);
    int n = 0;
    for (int i = 0; i < npkgs; i++)   // the packages new to the session
        if (pkgs[i] != main_pkg && !pkgs[i]->generated) pkgs[n++] = pkgs[i];
    for (int i = 0; i < n; i++) gen_alloc_globals(pkgs[i]);
    gen_alloc_globals(main_pkg);
    for (int i = 0; i < n; i++) gen_declare_funcs(g, pkgs[i], 0);
    gen_declare_funcs(g, main_pkg, file_from);
    Func *in = NULL;
    if (input && input->name->obj) {
        in = gen_func_of(g, input->name->obj);
        in->name = "main.repl";
    }
    for (int i = 0; i < n; i++) gen_func_bodies(g, pkgs[i], 0);
    gen_func_bodies(g, main_pkg, file_from);
    GenFunc *entry = gen_begin_entry(g, "runtime.main");
    for (int i = 0; i < n; i++) gen_package_init(g, pkgs[i], 0);
    gen_package_init(g, main_pkg, s->ninit_funcs);
    s->ninit_funcs = main_pkg->ninit_funcs;
    FuncBuilder *fb = entry->fb;
    if (in) emit(fb, OP_CALL, emit_top(fb), emit_const_ptr(fb, in), 0);
    emit(fb, OP_RET0, 0, 0, 0);
    Func *fn = emit_end(fb);
    g->fn = NULL;
    return diag_count(diag) > before ? NULL : fn;
}
