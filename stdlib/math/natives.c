// stdlib/math/natives.c: the natives of package math (stdlib/math/math.gol):
// libm's functions, whose special cases are the ones Go documents, and the
// bit conversions between float64 and uint64.
#include "stdlib/natives.h"
#include "vm/vm.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

static double arg(const Word *a) {
    double d;
    memcpy(&d, a, sizeof d);
    return d;
}

static void put(Word *a, double d) {
    memcpy(a, &d, sizeof d);
}

// UNARY defines the native for a float64 -> float64 libm function.
#define UNARY(name, f)                     \
    static int name(G *g, Word *a) {       \
        (void)g;                           \
        put(a, f(arg(a)));                 \
        return VM_OK;                      \
    }

// BINARY defines the native for a (float64, float64) -> float64 one.
#define BINARY(name, f)                    \
    static int name(G *g, Word *a) {       \
        (void)g;                           \
        put(a, f(arg(a), arg(a + 1)));     \
        return VM_OK;                      \
    }

UNARY(math_sqrt, sqrt)
UNARY(math_floor, floor)
UNARY(math_ceil, ceil)
UNARY(math_trunc, trunc)
UNARY(math_round, round)
UNARY(math_round_even, nearbyint)
UNARY(math_log, log)
UNARY(math_log2, log2)
UNARY(math_log10, log10)
UNARY(math_log1p, log1p)
UNARY(math_exp, exp)
UNARY(math_exp2, exp2)
UNARY(math_expm1, expm1)
UNARY(math_sin, sin)
UNARY(math_cos, cos)
UNARY(math_tan, tan)
UNARY(math_asin, asin)
UNARY(math_acos, acos)
UNARY(math_atan, atan)
UNARY(math_sinh, sinh)
UNARY(math_cosh, cosh)
UNARY(math_tanh, tanh)
UNARY(math_asinh, asinh)
UNARY(math_acosh, acosh)
UNARY(math_atanh, atanh)
UNARY(math_gamma, tgamma)
UNARY(math_erf, erf)
UNARY(math_erfc, erfc)
BINARY(math_pow, pow)
BINARY(math_atan2, atan2)
BINARY(math_hypot, hypot)
BINARY(math_mod, fmod)
BINARY(math_remainder, remainder)

// Cbrt is libm's, except that a perfect cube's root comes out exact, as
// Go's does (glibc gives 3.0000000000000004 for 27).
static int math_cbrt(G *g, Word *a) {
    (void)g;
    double x = arg(a), y = cbrt(x), r = nearbyint(y);
    put(a, r != 0 && r * r * r == x ? r : y);
    return VM_OK;
}

// Float64bits and Float64frombits reinterpret the word: a float64 already
// is its IEEE 754 bits in the frame.
static int math_bits(G *g, Word *a) {
    (void)g;
    (void)a;
    return VM_OK;
}

static int math_float32bits(G *g, Word *a) {
    (void)g;
    float f = (float)arg(a);
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    a[0] = (Word)u;
    return VM_OK;
}

static int math_float32frombits(G *g, Word *a) {
    (void)g;
    uint32_t u = (uint32_t)a[0];
    float f;
    memcpy(&f, &u, sizeof f);
    put(a, (double)f);
    return VM_OK;
}

const LibNative lib_math_natives[] = {
    { "Sqrt", math_sqrt },
    { "Floor", math_floor },
    { "Ceil", math_ceil },
    { "Trunc", math_trunc },
    { "Round", math_round },
    { "RoundToEven", math_round_even },
    { "Log", math_log },
    { "Log2", math_log2 },
    { "Log10", math_log10 },
    { "Log1p", math_log1p },
    { "Exp", math_exp },
    { "Exp2", math_exp2 },
    { "Expm1", math_expm1 },
    { "Sin", math_sin },
    { "Cos", math_cos },
    { "Tan", math_tan },
    { "Asin", math_asin },
    { "Acos", math_acos },
    { "Atan", math_atan },
    { "Sinh", math_sinh },
    { "Cosh", math_cosh },
    { "Tanh", math_tanh },
    { "Asinh", math_asinh },
    { "Acosh", math_acosh },
    { "Atanh", math_atanh },
    { "Cbrt", math_cbrt },
    { "Gamma", math_gamma },
    { "Erf", math_erf },
    { "Erfc", math_erfc },
    { "Pow", math_pow },
    { "Atan2", math_atan2 },
    { "Hypot", math_hypot },
    { "Mod", math_mod },
    { "Remainder", math_remainder },
    { "Float64bits", math_bits },
    { "Float64frombits", math_bits },
    { "Float32bits", math_float32bits },
    { "Float32frombits", math_float32frombits },
    { NULL, NULL },
};
