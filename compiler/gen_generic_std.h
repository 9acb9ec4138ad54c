// compiler/gen_generic_std.h: code for calls of sync.OnceValue and
// sync.OnceValues (compiler/check_generic_std.h checked and instantiated
// them).
#ifndef GOLI_GEN_GENERIC_STD_H
#define GOLI_GEN_GENERIC_STD_H

#include "compiler/gen.h"

// gen_generic_std_call compiles call into dst if it calls sync.OnceValue
// or sync.OnceValues. Returns false, having emitted nothing, for any other
// call.
bool gen_generic_std_call(Gen *g, Node *call, int dst);

#endif
