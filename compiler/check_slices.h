// compiler/check_slices.h: calls of the generic functions of packages
// slices and cmp, which goli builds in until it has generics (the natives
// are vm/slices.c, the model vm/slices.h).
#ifndef GOLI_CHECK_SLICES_H
#define GOLI_CHECK_SLICES_H

#include "compiler/check_impl.h"

// check_slices_call checks the call n if its function is one of the
// generic functions of slices or cmp (stdlib/slices/slices.gol declares
// their names): it infers the type arguments from the arguments as Go's
// inference does, checks the constraints and the arguments, and leaves the
// instantiated signature in n->x->type (check.h's contract for calls), so
// that the generator sees an ordinary call. Returns false, having done
// nothing, for any other call.
bool check_slices_call(Checker *c, Node *n);

#endif
