// runtime/method.h: finding a method in a dynamic type's method set, with
// Go's promotion through embedded fields (the spec's "Selectors" and
// "Method sets"). Interface calls and assertions use it at run time; the
// result says how to reach the receiver from the value.
#ifndef GOLI_METHOD_H
#define GOLI_METHOD_H

#include <stdbool.h>
#include <stdint.h>

#include "runtime/type.h"

#define METHOD_MAX_DEPTH 16

typedef struct MethodStep {
    uint32_t offset;        // of the embedded field
    bool deref;             // the field is a pointer: follow it
} MethodStep;

typedef struct MethodPath {
    const Method *m;        // the method; for iface, the interface's entry
    const Type *recv;       // the type declaring it (or the embedded interface)
    bool iface;             // reached an embedded interface: call through it
    int nsteps;             // embedded fields from the value to the receiver
    MethodStep steps[METHOD_MAX_DEPTH];
} MethodPath;

// type_method_path finds method name in the method set of dynamic type t.
// False when absent, ambiguous at its depth, or declared on a pointer
// receiver that a value of t cannot supply.
bool type_method_path(const Type *t, const char *name, MethodPath *out);

#endif
