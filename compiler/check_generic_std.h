// compiler/check_generic_std.h: calls of the generic functions of package
// sync (OnceValue, OnceValues), which goli builds in until it has generics,
// as compiler/check_slices.h does for slices and cmp; the code is
// compiler/gen_generic_std.c.
#ifndef GOLI_CHECK_GENERIC_STD_H
#define GOLI_CHECK_GENERIC_STD_H

#include "compiler/check_impl.h"

// check_generic_std_call checks the call n if its function is
// sync.OnceValue or sync.OnceValues: it infers the type arguments from f's
// type, checks f against the instantiated parameter and leaves the
// instantiated signature in n->x->type (check.h's contract for calls).
// Returns false, having done nothing, for any other call.
bool check_generic_std_call(Checker *c, Node *n);

#endif
