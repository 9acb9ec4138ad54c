// compiler/gen_slices.h: code for calls of the generic functions of
// slices and cmp (compiler/check_slices.h checked and instantiated them;
// vm/slices.h is the model of their natives).
#ifndef GOLI_GEN_SLICES_H
#define GOLI_GEN_SLICES_H

#include "compiler/gen.h"

// gen_slices_call compiles call into dst if it calls a function of slices
// or cmp: the instantiated signature (a Type constant), then the
// arguments, in one frame for the function's native. Returns false, having
// emitted nothing, for any other call.
bool gen_slices_call(Gen *g, Node *call, int dst);

#endif
