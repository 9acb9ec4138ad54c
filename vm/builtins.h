// vm/builtins.h: the runtime's natives behind Go's builtins and the
// operations too large for an instruction (make, append, copy, map access,
// conversions between strings and slices, slicing, type assertions). The
// code generator calls them with CALLN; each takes its operands from the
// frame words given below and writes its results from word 0. A leading T
// word is a Type* the operation needs (element, map or target type).
#ifndef GOLI_BUILTINS_H
#define GOLI_BUILTINS_H

#include "vm/func.h"

typedef enum RtNative {
    RT_MAKESLICE,     // T(slice), len, cap             -> slice (3)
    RT_APPEND1,       // T(slice), s(3), x(size of elem) -> slice (3)
    RT_APPENDSLICE,   // T(slice), s(3), t(3)            -> slice (3); t may be a string (2 + pad)
    RT_COPY,          // T(slice), dst(3), src(3)        -> n
    RT_MAKEMAP,       // T(map), hint                    -> map
    RT_MAPGET,        // T(map), m, key...               -> value..., ok
    RT_MAPSET,        // T(map), m, key..., value...
    RT_MAPDELETE,     // T(map), m, key...
    RT_MAPLEN,        // m                               -> n
    RT_MAPITER,       // T(map), m                       -> iterator
    RT_MAPNEXT,       // T(map), iterator                -> ok, key..., value...
    RT_MAPCLEAR,      // m
    RT_STR2BYTES,     // s(2)                            -> slice
    RT_BYTES2STR,     // slice(3)                        -> s(2)
    RT_STR2RUNES,     // s(2)                            -> slice
    RT_RUNES2STR,     // slice(3)                        -> s(2)
    RT_RUNE2STR,      // rune                            -> s(2)
    RT_DECODERUNE,    // s(2), i                         -> rune, width
    RT_SLICE,         // T(slice or *array), s(3), lo, hi, max, flags -> slice (3)
    RT_STRSLICE,      // s(2), lo, hi, flags             -> s(2)
    RT_ASSERT,        // T(target), iface(2), ok?        -> value..., ok
    RT_IFACE_EQ,      // a(2), b(2)                      -> bool (may panic: uncomparable)
    RT_PRINT,         // T(tuple of operand types), newline?, values... (print/println)
    RT_VALUE_EQ,      // T, a(words), b(words)               -> bool (may panic: uncomparable)
    RT_CLONE,         // T, p                                -> a new copy of *p
    RT_CLEARSLICE,    // T(slice), s(3)                      (clear(s))
    RT_FMIN,          // a, b (float64)                      -> min(a, b) as Go's min
    RT_FMAX,          // a, b (float64)                      -> max(a, b) as Go's max
    RT_MAKECHAN,      // T(chan), size                       -> ch
    RT_CHANSEND,      // ch, value...                        (may park, may panic)
    RT_CHANRECV,      // T(chan), ch                         -> value..., ok (may park)
    RT_CHANCLOSE,     // ch                                  (may panic)
    RT_CHANLEN,       // ch                                  -> n
    RT_CHANCAP,       // ch                                  -> n
    RT_SELECT,        // n, has_default, (ch, slot<<1|send)... -> chosen, recv_ok (vm/chanops.c)
    RT_GOPANIC,       // v(2)                                (panic(v), deferred)
    RT_COUNT
} RtNative;

// Flags of RT_SLICE and RT_STRSLICE: which bounds were written.
enum { SLICE_LO = 1, SLICE_HI = 2, SLICE_MAX = 4 };

// rt_native returns the Func of a runtime native.
Func *rt_native(RtNative which);
// rt_native_closure is a func value calling it (defer close(ch)).
Closure *rt_native_closure(RtNative which);

#endif
