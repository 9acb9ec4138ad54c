// compiler/const.h: constant values with the spec's exact arithmetic.
// Integer constants are GMP integers and floating-point constants exact GMP
// rationals, so `1 << 100 >> 98` is 4 and `0.1 + 0.2 == 0.3` holds, as the
// spec requires of untyped constants ("Constant expressions"). Rounding to a
// machine type (float64, float32) goes through MPFR, correctly rounded.
// GMP's memory comes from the GC heap (const_init), so a Const needs no
// clearing.
#ifndef GOLI_CONST_H
#define GOLI_CONST_H

#include <gmp.h>
#include <stdbool.h>
#include <stdint.h>

#include "runtime/type.h"

typedef enum ConstKind {
    CV_UNKNOWN,     // the result of an erroneous operation; errors already reported
    CV_BOOL,
    CV_STRING,
    CV_INT,
    CV_FLOAT,
    CV_COMPLEX,
} ConstKind;

typedef struct Const {
    ConstKind kind;
    bool b;                 // CV_BOOL
    const char *s;          // CV_STRING: bytes (may contain NUL)
    int64_t slen;
    mpz_t i;                // CV_INT
    mpq_t re, im;           // CV_FLOAT: re; CV_COMPLEX: re + im·i
} Const;

// Errors an operation can give, for the checker to word.
typedef enum ConstErr {
    CE_OK,
    CE_DIV_ZERO,        // "invalid operation: division by zero"
    CE_NOT_INT,         // an integer operation on a non-integral value
    CE_SHIFT_COUNT,     // negative or non-integral shift count
    CE_OVERFLOW,        // beyond goli's limit for untyped integers
} ConstErr;

// const_init routes GMP's allocations to the GC heap; call once.
void const_init(void);

Const *const_bool(bool b);
Const *const_string(const char *s, int64_t len);
Const *const_int64(int64_t v);
Const *const_uint64(uint64_t v);
Const *const_float64(double v);
Const *const_unknown(void);
// const_from_literal converts an INT, FLOAT, IMAG or RUNE literal's text
// (validated by the scanner) to its exact value. rune literals are decoded
// by the caller (lit_rune) and made with const_int64.
Const *const_from_literal(int tok, const char *text, int len);

// Arithmetic. op is a lexer TokenKind (T_ADD, T_SHL, T_EQL, ...). For
// integer operands of a typed integer type, int_div selects truncated integer
// division for T_QUO (the operands' type decides, not their values).
Const *const_binary(int op, const Const *x, const Const *y, bool int_div, ConstErr *err);
Const *const_unary(int op, const Const *x, ConstErr *err);
Const *const_shift(int op, const Const *x, const Const *y, ConstErr *err);
bool const_compare(int op, const Const *x, const Const *y);

// Kind conversions for untyped constants (int -> float -> complex), and back
// when the value allows it (const_to_int fails for 1.5).
Const *const_to_float(const Const *x);
Const *const_to_complex(const Const *x);
Const *const_to_int(const Const *x);    // NULL if not integral

// const_representable reports whether x can be a value of the basic type t
// (spec "Representability"); *rounded (if not NULL) receives the value
// converted to t (floats rounded to t's precision).
bool const_representable(const Const *x, const Type *t, Const **rounded);

// Machine values of a constant already known representable.
int64_t const_get_int64(const Const *x);
uint64_t const_get_uint64(const Const *x);
double const_get_float64(const Const *x);
float const_get_float32(const Const *x);
bool const_is_integral(const Const *x);   // an int, or a float with integer value
int const_sign(const Const *x);

// const_text spells a value as gc's messages do: ints exactly, floats with
// six significant digits (0.1, 1e+100, 0.333333), strings quoted.
const char *const_text(const Const *x);

#endif
