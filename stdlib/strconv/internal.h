// stdlib/strconv/internal.h: what the files of stdlib/strconv share
// beyond strconv.h, and what the unit tests look at inside: the decimal
// digit strings in which the float to decimal converters (shortest.c,
// exact.c) hand their result to the formatter (ftoa.c). See strconv.h for
// the design.
#ifndef GOLI_STRCONV_INTERNAL_H
#define GOLI_STRCONV_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

// ---- Digit strings ----

// StrconvDigits is a non-negative decimal 0.d[0]d[1]...d[nd-1] × 10^dp, as
// Go's decimalSlice: the digits are ASCII, the first and the last are not
// '0', and nd == 0 means zero.
typedef struct StrconvDigits {
    char *d;    // nd digits, in storage the caller provides
    int nd;     // number of digits
    int dp;     // decimal point position
} StrconvDigits;

// STRCONV_SHORTEST_MAX is the room strconv_shortest needs in d->d;
// STRCONV_EXACT_MAX the room strconv_exact needs: a float64 has at most 767
// significant digits, and rounding may carry into one more.
#define STRCONV_SHORTEST_MAX 24
#define STRCONV_EXACT_MAX 800

// strconv_shortest stores in d the shortest digits that read back (round
// to nearest, ties to even) as the float mant × 2^exp, choosing the one
// closest to it when several are as short, and the even one of two as
// close. mant and exp are the significand and exponent of a float64
// (bitsize 64: mant < 2^53, exp >= -1074) or of a float32 (bitsize 32:
// mant < 2^24, exp >= -149) with the implicit bit included, as the bits of
// the float give them; mant == 0 gives zero.
void strconv_shortest(StrconvDigits *d, uint64_t mant, int exp, int bitsize);

// strconv_exact stores in d every digit of mant × 2^exp (mant < 2^64,
// -1100 < exp < 1100, the value within float64 range).
void strconv_exact(StrconvDigits *d, uint64_t mant, int exp);

// strconv_round rounds d to nd digits, half to even, as Go's
// decimal.Round: nothing happens when nd < 0 or d already has at most nd
// digits; nd == 0 rounds to zero or to 10^dp. Trailing zeros are dropped.
void strconv_round(StrconvDigits *d, int nd);

// strconv_pow10_entry stores shortest.c's 126-bit approximation of 10^-k,
// for -324 <= k <= 292, as g1·2^63 + g0 (for the tests).
void strconv_pow10_entry(int k, uint64_t *g1, uint64_t *g0);

// ---- Syntax ----

// strconv_underscore_ok is Go's underscoreOK: s[0..n) may contain '_' only
// between digits, or between a base prefix (0b 0o 0x) and a digit. ParseInt
// and ParseFloat ask it once they have seen an underscore.
int strconv_underscore_ok(const char *s, size_t n);

#endif
