// compiler/check_generic_std.c: calls of sync.OnceValue and
// sync.OnceValues, instantiated by inference from f (check_generic_std.h).
//
// func OnceValue[T any](f func() T) func() T
// func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2)
// T (T1, T2) are the results of f's type, or of its underlying type for a
// named function type, as Go's inexact unification finds them.
#include "compiler/check_generic_std.h"

// once_results is how many type parameters fun's function has: 1 for
// sync.OnceValue, 2 for sync.OnceValues, 0 for any other function.
static int once_results(Node *fun) {
    if (fun->kind != N_SELECTOR || fun->mode == MODE_INVALID) return 0;
    Selection *sel = fun->obj;
    if (!sel || sel->kind != SEL_PKG || !sel->obj || sel->obj->kind != OBJ_FUNC || !sel->obj->pkg) return 0;
    if (strcmp(sel->obj->pkg->path, "sync") != 0) return 0;
    if (strcmp(sel->obj->name, "OnceValue") == 0) return 1;
    if (strcmp(sel->obj->name, "OnceValues") == 0) return 2;
    return 0;
}

bool check_generic_std_call(Checker *c, Node *n) {
    Node *fun = check_unparen(n->x);
    int nt = once_results(fun);
    if (!nt) return false;
    const char *fname = nt == 1 ? "sync.OnceValue" : "sync.OnceValues";
    const char *want = nt == 1 ? "func() T" : "func() (T1, T2)";
    int nargs = n->list.n;
    Node **args = n->list.v;
    if (!check_all_args(c, n)) return true;
    if (n->flags & NF_DOTS) {
        check_error_at(c, n, "cannot use ... in call to non-variadic %s", fname);
        return check_set_invalid_call(n);
    }
    if (nargs != 1) {
        Type **have = mem_alloc((nargs + 1) * sizeof *have);
        for (int i = 0; i < nargs; i++) have[i] = args[i]->type;
        check_error_at(c, nargs ? args[nargs - 1] : n, "%s arguments in call to %s\n\thave %s\n\twant (%s)",
                       nargs ? "too many" : "not enough", fname, check_types_summary(c, have, nargs, false),
                       want);
        return check_set_invalid_call(n);
    }
    Node *f = args[0];
    const char *tpars = nt == 1 ? "T" : "T1 and T2";
    if (f->type->kind == K_UNTYPED_NIL) {
        check_error_at(c, n, "in call to %s, cannot infer %s", fname, tpars);
        return check_set_invalid_call(n);
    }
    Type *ft = f->type->under ? f->type->under : f->type;
    if (ft->kind != K_FUNC || ft->nfields != 0 || ft->nresults != nt) {
        check_error_at(c, f, "in call to %s, type %s of %s does not match %s (cannot infer %s)", fname,
                       check_type_str(c, f->type), check_expr_str(f), want, tpars);
        return check_set_invalid_call(n);
    }
    // The instantiated signature: func(func() T) func() T.
    Type *inst = type_func(0, NULL, nt, ft->results, false);
    Field param = { .name = "f", .type = inst };
    fun->type = type_func(1, &param, 1, &inst, false);
    fun->mode = MODE_VALUE;
    if (!check_assignment(c, f, inst, mem_sprintf("argument to %s", fname))) return check_set_invalid_call(n);
    n->mode = MODE_VALUE;
    n->type = inst;
    return true;
}
