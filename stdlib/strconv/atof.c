// stdlib/strconv/atof.c: text to floats, strconv.ParseFloat and
// ParseComplex (see strconv.h for the design).
//
// read_float follows Go's readFloat: it accepts exactly Go's syntax and
// notes where the decimal point falls, capping exponents as Go does (an
// exponent takes no more digits once it reaches 10000, so "0." + 100000
// zeros + "9e100000" is 0 here as in Go). A decimal mantissa keeps its
// first 800 significant digits and a sticky nonzero digit for any it
// drops: no float and no point halfway between two floats has more than
// 767 significant digits, so this rounds as the whole input would. The
// clean digits go to strtod or strtof with an integer mantissa (no decimal
// point, so no locale can change their meaning). A hex mantissa keeps 16
// digits and a sticky bit, as Go's does, and is rounded here.
//
// One difference from Go on purpose: Go's slow path (decimal.set) puts the
// decimal point after the 800th digit when more digits come before it, so
// go 1.19 reads "9007199254740993" + 900 zeros + "e-900" as 9e-101 when its
// fast path gives up; we round every input correctly.
#include "stdlib/strconv/strconv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/strconv/internal.h"

#define MAX_DIGITS 800      // decimal digits kept before the sticky one

static inline char lower(char c) {
    return (char)(c | ('x' - 'X'));
}

static double from_bits(uint64_t u) {
    double f;
    memcpy(&f, &u, sizeof f);
    return f;
}

// prefix_len_ignore_case returns how many leading bytes of s[0..n) match
// the lower-case word.
static size_t prefix_len_ignore_case(const char *s, size_t n,
                                     const char *word) {
    size_t i = 0;
    while (i < n && word[i]) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 'a' - 'A');
        if (c != word[i])
            break;
        i++;
    }
    return i;
}

// special reads Go's [+-]inf, [+-]infinity and nan (no sign), in any case,
// at the start of s; it returns the bytes used, 0 if there is none.
static size_t special(const char *s, size_t n, int bitsize, double *out) {
    if (n == 0)
        return 0;
    size_t nsign = 0;
    int neg = 0;
    if (s[0] == '+' || s[0] == '-') {
        neg = s[0] == '-';
        nsign = 1;
    } else if (s[0] == 'n' || s[0] == 'N') {
        if (prefix_len_ignore_case(s, n, "nan") != 3)
            return 0;
        // Go's math.NaN(); through float32 the low payload bit is lost.
        *out = from_bits(bitsize == 32 ? 0x7FF8000000000000
                                       : 0x7FF8000000000001);
        return 3;
    } else if (s[0] != 'i' && s[0] != 'I') {
        return 0;
    }
    size_t k = prefix_len_ignore_case(s + nsign, n - nsign, "infinity");
    if (k > 3 && k < 8)
        k = 3;
    if (k != 3 && k != 8)
        return 0;
    *out = neg ? -INFINITY : INFINITY;
    return nsign + k;
}

// Float is what read_float found: 0.digits × 10^dp for a decimal, or
// mant × 2^exp for a hex mantissa.
typedef struct Float {
    int neg, hex;
    int trunc;                  // nonzero digits were dropped
    char digits[MAX_DIGITS + 1];
    int nd;                     // digits kept, without trailing zeros
    long long dp;               // decimal point (decimal)
    uint64_t mant;              // hex mantissa, up to 16 digits
    long long exp;              // binary exponent (hex)
} Float;

// read_float scans Go's float syntax at the start of s into f and returns
// the bytes it used, or 0 for a syntax error.
static size_t read_float(const char *s, size_t n, Float *f) {
    size_t i = 0;
    int underscores = 0;
    f->neg = f->hex = f->trunc = 0;
    f->nd = 0;
    f->mant = 0;
    f->exp = 0;
    if (i < n && (s[i] == '+' || s[i] == '-')) {
        f->neg = s[i] == '-';
        i++;
    }
    int base = 10;
    char expchar = 'e';
    if (i + 2 < n && s[i] == '0' && lower(s[i + 1]) == 'x') {
        base = 16;
        expchar = 'p';
        f->hex = 1;
        i += 2;
    }
    int sawdot = 0, sawdigits = 0;
    long long nd = 0, dp = 0;
    int ndmant = 0;     // hex digits in mant
    for (; i < n; i++) {
        char c = s[i];
        int d;
        if (c == '_') {
            underscores = 1;
            continue;
        }
        if (c == '.') {
            if (sawdot)
                break;
            sawdot = 1;
            dp = nd;
            continue;
        }
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (base == 16 && lower(c) >= 'a' && lower(c) <= 'f')
            d = lower(c) - 'a' + 10;
        else
            break;
        sawdigits = 1;
        if (d == 0 && nd == 0) {    // leading zeros only move the point
            dp--;
            continue;
        }
        nd++;
        if (base == 16) {
            if (ndmant < 16) {
                f->mant = f->mant * 16 + (uint64_t)d;
                ndmant++;
            } else if (d != 0) {
                f->trunc = 1;
            }
        } else if (f->nd < MAX_DIGITS) {
            f->digits[f->nd++] = c;
        } else if (d != 0) {
            f->trunc = 1;
        }
    }
    if (!sawdigits)
        return 0;
    if (!sawdot)
        dp = nd;
    if (base == 16) {
        dp *= 4;
        ndmant *= 4;
    }
    if (i < n && lower(s[i]) == expchar) {
        i++;
        if (i >= n)
            return 0;
        int esign = 1;
        if (s[i] == '+') {
            i++;
        } else if (s[i] == '-') {
            i++;
            esign = -1;
        }
        if (i >= n || s[i] < '0' || s[i] > '9')
            return 0;
        long long e = 0;
        for (; i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_'); i++) {
            if (s[i] == '_') {
                underscores = 1;
                continue;
            }
            if (e < 10000)
                e = e * 10 + (s[i] - '0');
        }
        dp += e * esign;
    } else if (base == 16) {
        return 0;   // a hex mantissa needs its p exponent
    }
    if (underscores && !strconv_underscore_ok(s, i))
        return 0;
    if (base == 16) {
        if (f->mant != 0)
            f->exp = dp - ndmant;
    } else {
        // Trailing zeros say nothing, unless the sticky digit is to follow.
        while (!f->trunc && f->nd > 0 && f->digits[f->nd - 1] == '0')
            f->nd--;
        f->dp = dp;
    }
    return i;
}

// hex_to_float rounds mant × 2^exp (plus a little when trunc) to the
// nearest float of bitsize, ties to even.
static StrconvErr hex_to_float(const Float *f, int bitsize, double *out) {
    int prec = bitsize == 32 ? 24 : 53;         // significand bits
    int emin = bitsize == 32 ? -126 : -1022;    // smallest normal exponent
    int emax = bitsize == 32 ? 127 : 1023;
    double sign = f->neg ? -1.0 : 1.0;
    uint64_t m = f->mant;
    if (m == 0) {
        *out = sign * 0.0;
        return STRCONV_OK;
    }
    long long e2 = f->exp;
    int len = 64 - __builtin_clzll(m);
    long long top = e2 + len - 1;               // exponent of the leading bit
    long long lsb = (top > emin ? top : emin) - (prec - 1);
    long long shift = lsb - e2;                 // low bits to round off
    uint64_t q;
    if (shift <= 0) {
        q = m;
        lsb = e2;
    } else {
        uint64_t rem, half;
        if (shift >= 65) {
            q = 0;
            rem = 0;
            half = 1;   // all below half: the value is under 2^(lsb-1)
        } else if (shift == 64) {
            q = 0;
            rem = m;
            half = (uint64_t)1 << 63;
        } else {
            q = m >> shift;
            rem = m & (((uint64_t)1 << shift) - 1);
            half = (uint64_t)1 << (shift - 1);
        }
        if (rem > half || (rem == half && (f->trunc || (q & 1))))
            q++;
    }
    if (q == 0) {
        *out = sign * 0.0;
        return STRCONV_OK;
    }
    top = lsb + (64 - __builtin_clzll(q)) - 1;
    if (top > emax) {
        *out = sign * INFINITY;
        return STRCONV_ERR_RANGE;
    }
    // q has at most prec bits at or above the smallest subnormal's: exact.
    *out = sign * ldexp((double)q, (int)lsb);
    return STRCONV_OK;
}

// decimal_to_float rounds 0.digits × 10^dp to the nearest float of bitsize.
static StrconvErr decimal_to_float(const Float *f, int bitsize, double *out) {
    double sign = f->neg ? -1.0 : 1.0;
    if (f->nd == 0 || f->dp < -330) {
        *out = sign * 0.0;
        return STRCONV_OK;
    }
    if (f->dp > 310) {
        *out = sign * INFINITY;
        return STRCONV_ERR_RANGE;
    }
    char buf[MAX_DIGITS + 32];
    int n = f->nd;
    memcpy(buf, f->digits, (size_t)n);
    if (f->trunc)
        buf[n++] = '1';     // the sticky digit
    snprintf(buf + n, sizeof buf - (size_t)n, "e%lld", f->dp - n);
    double v;
    if (bitsize == 32)
        v = strtof(buf, NULL);
    else
        v = strtod(buf, NULL);
    if (isinf(v)) {
        *out = sign * INFINITY;
        return STRCONV_ERR_RANGE;
    }
    *out = sign * v;
    return STRCONV_OK;
}

// parse_prefix is Go's parseFloatPrefix: it converts the float at the
// start of s and stores the bytes it used in *used.
static StrconvErr parse_prefix(const char *s, size_t n, int bitsize,
                               double *out, size_t *used) {
    *out = 0;
    *used = special(s, n, bitsize, out);
    if (*used)
        return STRCONV_OK;
    Float f;
    *used = read_float(s, n, &f);
    if (*used == 0)
        return STRCONV_ERR_SYNTAX;
    if (f.hex)
        return hex_to_float(&f, bitsize, out);
    return decimal_to_float(&f, bitsize, out);
}

StrconvErr strconv_parse_float(const char *s, size_t n, int bitsize,
                               double *out) {
    size_t used;
    StrconvErr err = parse_prefix(s, n, bitsize == 32 ? 32 : 64, out, &used);
    if (err == STRCONV_ERR_SYNTAX || used != n) {
        *out = 0;
        return STRCONV_ERR_SYNTAX;
    }
    return err;
}

// ---- ParseComplex ----

StrconvErr strconv_parse_complex(const char *s, size_t n, int bitsize,
                                 double *re, double *im) {
    int size = bitsize == 64 ? 32 : 64;
    *re = *im = 0;
    if (n >= 2 && s[0] == '(' && s[n - 1] == ')') {
        s++;
        n -= 2;
    }
    StrconvErr pending = STRCONV_OK;    // a range error, reported at the end
    double r, i;
    size_t used;
    StrconvErr err = parse_prefix(s, n, size, &r, &used);
    if (err == STRCONV_ERR_SYNTAX)
        return err;
    if (err != STRCONV_OK)
        pending = err;
    s += used;
    n -= used;
    if (n == 0) {
        *re = r;
        return pending;
    }
    switch (s[0]) {
    case '+':
        if (n > 1 && s[1] != '+') {
            s++;
            n--;
        }
        break;
    case '-':
        break;
    case 'i':
        if (n == 1) {
            *im = r;
            return pending;
        }
        return STRCONV_ERR_SYNTAX;
    default:
        return STRCONV_ERR_SYNTAX;
    }
    err = parse_prefix(s, n, size, &i, &used);
    if (err == STRCONV_ERR_SYNTAX)
        return err;
    if (err != STRCONV_OK)
        pending = err;
    if (n - used != 1 || s[used] != 'i')
        return STRCONV_ERR_SYNTAX;
    *re = r;
    *im = i;
    return pending;
}
