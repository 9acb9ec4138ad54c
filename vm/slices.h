// vm/slices.h: the natives behind Go's generic packages slices and cmp
// (Go 1.21/1.22), which goli builds in until it has generics. The checker
// instantiates each call (compiler/check_slices.c) and the generator calls
// one native per function (compiler/gen_slices.c).
//
// The model. Every native works on any element type through the runtime
// Type: its frame's word 0 is the call's instantiated signature (a K_FUNC
// Type such as func([]int, int) int for slices.Index on []int), the
// arguments follow in their register layout, and the results are written
// from word 0. Elements are read from the slice's memory by their size;
// ordered comparisons are chosen by kind (signed and unsigned integers,
// floats with NaN below everything as cmp.Compare orders them, strings),
// equality is runtime/map.h's value_equal (Go's ==), and the ...Func
// variants call the Go function value back through vm_call, in the same
// order and number as Go's generic code does, so a function with side
// effects sees what it would see under Go. Sort and SortFunc are Go's
// pdqsort step for step (so equal elements end where Go puts them);
// SortStableFunc is Go's insertion sort by blocks and SymMerge.
// Rejected: a sort of our own (introsort): the order of equal elements under
// SortFunc is visible to programs and must be Go's.
#ifndef GOLI_SLICES_H
#define GOLI_SLICES_H

#include "vm/func.h"

typedef struct SlicesNative {
    const char *name;       // "slices.Sort", "cmp.Compare"
    NativeFn fn;
} SlicesNative;

// slices_native finds the native of pkg.name ("slices", "Sort"), or NULL.
NativeFn slices_native(const char *pkg, const char *name);

#endif
