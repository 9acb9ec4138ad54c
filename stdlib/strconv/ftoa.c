// stdlib/strconv/ftoa.c: strconv.FormatFloat and fmt's float verbs. The
// digits come from shortest.c or exact.c (internal.h); this file lays them
// out as %e %f %g, and does %b and %x straight from the bits. See
// strconv.h for the design.
#include "stdlib/strconv/strconv.h"

#include <string.h>

#include "stdlib/strconv/internal.h"

// FloatInfo describes a binary format, as Go's floatInfo.
typedef struct FloatInfo {
    int mantbits;   // stored significand bits
    int expbits;    // exponent bits
    int bias;       // exponent bias, negative: -1023, -127
} FloatInfo;

static const FloatInfo float32info = {23, 8, -127};
static const FloatInfo float64info = {52, 11, -1023};

static inline int max_int(int a, int b) {
    return a > b ? a : b;
}

static inline int min_int(int a, int b) {
    return a < b ? a : b;
}

// ---- Layouts of decimal digits ----

// put_exp writes Go's decimal exponent: 'e' or 'E', a sign, at least two
// digits.
static char *put_exp(char *p, int fmt, int exp) {
    *p++ = (char)fmt;
    *p++ = exp < 0 ? '-' : '+';
    if (exp < 0)
        exp = -exp;
    if (exp >= 100) {
        *p++ = (char)('0' + exp / 100);
        exp %= 100;
    }
    *p++ = (char)('0' + exp / 10);
    *p++ = (char)('0' + exp % 10);
    return p;
}

// fmt_e appends -d.dddde±dd with prec digits after the point.
static void fmt_e(StrconvBuf *b, int neg, const StrconvDigits *d, int prec,
                  int fmt) {
    char *p = strconv_buf_grow(b, (size_t)prec + 10);
    char *start = p;
    if (neg)
        *p++ = '-';
    *p++ = d->nd ? d->d[0] : '0';
    if (prec > 0) {
        *p++ = '.';
        int m = min_int(d->nd, prec + 1);
        if (m > 1) {
            memcpy(p, d->d + 1, (size_t)m - 1);
            p += m - 1;
        } else {
            m = 1;
        }
        memset(p, '0', (size_t)(prec + 1 - m));
        p += prec + 1 - m;
    }
    p = put_exp(p, fmt, d->nd ? d->dp - 1 : 0);   // zero has exponent 0
    b->len += (size_t)(p - start);
}

// fmt_f appends -ddd.dddd with prec digits after the point.
static void fmt_f(StrconvBuf *b, int neg, const StrconvDigits *d, int prec) {
    size_t need = (size_t)max_int(d->dp, 1) + (size_t)prec + 3;
    char *p = strconv_buf_grow(b, need);
    char *start = p;
    if (neg)
        *p++ = '-';
    if (d->dp > 0) {
        int m = min_int(d->nd, d->dp);
        memcpy(p, d->d, (size_t)m);
        p += m;
        memset(p, '0', (size_t)(d->dp - m));
        p += d->dp - m;
    } else {
        *p++ = '0';
    }
    if (prec > 0) {
        *p++ = '.';
        for (int i = 0; i < prec; i++) {
            int j = d->dp + i;
            *p++ = j >= 0 && j < d->nd ? d->d[j] : '0';
        }
    }
    b->len += (size_t)(p - start);
}

// format_digits lays d out for fmt, Go's formatDigits. shortest says the
// digits are the shortest ones, which makes %g choose between e and f at
// exponent 6 (Go's eprec) instead of at prec.
static void format_digits(StrconvBuf *b, int shortest, int neg,
                          const StrconvDigits *d, int prec, int fmt) {
    switch (fmt) {
    case 'e':
    case 'E':
        fmt_e(b, neg, d, prec, fmt);
        return;
    case 'f':
        fmt_f(b, neg, d, prec);
        return;
    }
    // 'g' and 'G': trailing zeros of the 'e' form are trimmed.
    int eprec = prec;
    if (eprec > d->nd && d->nd >= d->dp)
        eprec = d->nd;
    if (shortest)
        eprec = 6;
    int exp = d->dp - 1;
    if (exp < -4 || exp >= eprec) {
        if (prec > d->nd)
            prec = d->nd;
        fmt_e(b, neg, d, prec - 1, fmt + 'e' - 'g');
        return;
    }
    if (prec > d->dp)
        prec = d->nd;
    fmt_f(b, neg, d, max_int(prec - d->dp, 0));
}

// ---- Binary layouts ----

// fmt_b appends -ddddp±ddd: the significand in decimal and the binary
// exponent.
static void fmt_b(StrconvBuf *b, int neg, uint64_t mant, int exp) {
    if (neg)
        strconv_buf_putc(b, '-');
    strconv_format_uint(b, mant, 10);
    strconv_buf_putc(b, 'p');
    if (exp >= 0)
        strconv_buf_putc(b, '+');
    strconv_format_int(b, exp, 10);
}

static const char lowerhex[] = "0123456789abcdef";
static const char upperhex[] = "0123456789ABCDEF";

// fmt_x appends -0x1.hhhhp±dd for mant·2^(exp - mantbits): the leading
// digit is 1 (0 only for zero), prec hex digits follow (all of them, with
// trailing zeros dropped, when prec < 0) rounded half to even, and the
// binary exponent has at least two digits.
static void fmt_x(StrconvBuf *b, int neg, uint64_t mant, int exp, int prec,
                  int fmt, int mantbits) {
    if (mant == 0)
        exp = 0;
    // Put the leading 1 at bit 60, so the value is mant/2^60 · 2^exp.
    mant <<= 60 - mantbits;
    while (mant != 0 && (mant & (uint64_t)1 << 60) == 0) {
        mant <<= 1;
        exp--;
    }
    if (prec >= 0 && prec < 15) {
        int keep = prec * 4;                    // fraction bits kept
        uint64_t half = (uint64_t)1 << 59;
        uint64_t dropped = (mant << keep) & (((uint64_t)1 << 60) - 1);
        mant >>= 60 - keep;
        if (dropped > half || (dropped == half && (mant & 1)))
            mant++;
        mant <<= 60 - keep;
        if (mant & (uint64_t)1 << 61) {         // carried into a new bit
            mant >>= 1;
            exp++;
        }
    }
    const char *hex = fmt == 'X' ? upperhex : lowerhex;
    char *p = strconv_buf_grow(b, (size_t)max_int(prec, 16) + 12);
    char *start = p;
    if (neg)
        *p++ = '-';
    *p++ = '0';
    *p++ = (char)fmt;
    *p++ = (char)('0' + (mant >> 60 & 1));
    mant <<= 4;     // drops the leading digit
    if (prec < 0 && mant != 0) {
        *p++ = '.';
        for (; mant != 0; mant <<= 4)
            *p++ = hex[mant >> 60 & 15];
    } else if (prec > 0) {
        *p++ = '.';
        for (int i = 0; i < prec; i++, mant <<= 4)
            *p++ = hex[mant >> 60 & 15];
    }
    *p++ = fmt == 'X' ? 'P' : 'p';
    *p++ = exp < 0 ? '-' : '+';
    if (exp < 0)
        exp = -exp;
    if (exp >= 1000)
        *p++ = (char)('0' + exp / 1000);
    if (exp >= 100)
        *p++ = (char)('0' + exp / 100 % 10);
    *p++ = (char)('0' + exp / 10 % 10);
    *p++ = (char)('0' + exp % 10);
    b->len += (size_t)(p - start);
}

// ---- FormatFloat ----

int strconv_format_float(StrconvBuf *b, double f, int fmt, int prec,
                         int bitsize) {
    uint64_t bits;
    const FloatInfo *flt;
    if (bitsize == 32) {
        float f32 = (float)f;
        uint32_t u;
        memcpy(&u, &f32, sizeof u);
        bits = u;
        flt = &float32info;
    } else if (bitsize == 64) {
        memcpy(&bits, &f, sizeof bits);
        flt = &float64info;
    } else {
        return -1;
    }

    int neg = (int)(bits >> (flt->expbits + flt->mantbits)) & 1;
    int exp = (int)(bits >> flt->mantbits) & ((1 << flt->expbits) - 1);
    uint64_t mant = bits & (((uint64_t)1 << flt->mantbits) - 1);
    if (exp == (1 << flt->expbits) - 1) {
        const char *s = mant ? "NaN" : neg ? "-Inf" : "+Inf";
        strconv_buf_write(b, s, strlen(s));
        return 0;
    }
    if (exp == 0)
        exp++;      // subnormal
    else
        mant |= (uint64_t)1 << flt->mantbits;
    exp += flt->bias;   // now f = mant · 2^(exp - mantbits)

    switch (fmt) {
    case 'b':
        fmt_b(b, neg, mant, exp - flt->mantbits);
        return 0;
    case 'x':
    case 'X':
        fmt_x(b, neg, mant, exp, prec, fmt, flt->mantbits);
        return 0;
    case 'e':
    case 'E':
    case 'f':
    case 'g':
    case 'G':
        break;
    default:
        strconv_buf_putc(b, '%');
        strconv_buf_putc(b, (char)fmt);
        return 0;
    }

    char digits[STRCONV_EXACT_MAX];
    StrconvDigits d = {digits, 0, 0};
    int shortest = prec < 0;
    if (shortest) {
        strconv_shortest(&d, mant, exp - flt->mantbits, bitsize);
        switch (fmt) {
        case 'e':
        case 'E':
            prec = max_int(d.nd - 1, 0);
            break;
        case 'f':
            prec = max_int(d.nd - d.dp, 0);
            break;
        default:
            prec = d.nd;
            break;
        }
    } else {
        strconv_exact(&d, mant, exp - flt->mantbits);
        switch (fmt) {
        case 'e':
        case 'E':
            strconv_round(&d, prec + 1);
            break;
        case 'f':
            strconv_round(&d, d.dp + prec);
            break;
        default:
            if (prec == 0)
                prec = 1;
            strconv_round(&d, prec);
            break;
        }
    }
    format_digits(b, shortest, neg, &d, prec, fmt);
    return 0;
}

int strconv_format_complex(StrconvBuf *b, double re, double im, int fmt,
                           int prec, int bitsize) {
    if (bitsize != 64 && bitsize != 128)
        return -1;
    bitsize /= 2;
    strconv_buf_putc(b, '(');
    strconv_format_float(b, re, fmt, prec, bitsize);
    size_t at = b->len;
    strconv_format_float(b, im, fmt, prec, bitsize);
    if (b->data[at] != '+' && b->data[at] != '-') {
        strconv_buf_grow(b, 1);
        memmove(b->data + at + 1, b->data + at, b->len - at);
        b->data[at] = '+';
        b->len++;
    }
    strconv_buf_write(b, "i)", 2);
    return 0;
}

// ---- fmt's verbs ----

// pad appends s[0..n) padded to width as fmt's (*fmt).pad: spaces, or
// zeros when zero is set, on the left unless minus.
static void pad(StrconvBuf *b, const char *s, size_t n, int width, int zero,
                int minus) {
    size_t fill = width > 0 && (size_t)width > n ? (size_t)width - n : 0;
    char *p = strconv_buf_grow(b, n + fill);
    if (minus) {
        memcpy(p, s, n);
        memset(p + n, ' ', fill);
    } else {
        memset(p, zero ? '0' : ' ', fill);
        memcpy(p + fill, s, n);
    }
    b->len += n + fill;
}

// fmt_float is fmt's (*fmt).fmtFloat, with the flags as fmt holds them
// after reading the verb: for %v, '+' and '#' are not set.
static int fmt_float(StrconvBuf *b, double f, int bitsize, int verb,
                     int prec, int width, unsigned flags) {
    int plus = (flags & STRCONV_FMT_PLUS) != 0;
    int space = (flags & STRCONV_FMT_SPACE) != 0;
    int sharp = (flags & STRCONV_FMT_SHARP) != 0;
    int minus = (flags & STRCONV_FMT_MINUS) != 0;
    int zero = (flags & STRCONV_FMT_ZERO) != 0 && !minus;
    int defprec;
    switch (verb) {
    case 'v':
        verb = 'g';
        defprec = -1;
        break;
    case 'b':
    case 'g':
    case 'G':
    case 'x':
    case 'X':
        defprec = -1;
        break;
    case 'f':
    case 'e':
    case 'E':
        defprec = 6;
        break;
    case 'F':
        verb = 'f';
        defprec = 6;
        break;
    default:
        return -1;
    }
    if (prec < 0)
        prec = defprec;

    // num is the number with a sign always in front, as in fmt; '#' may
    // rebuild it in sb.
    char storage[64], sstorage[64];
    StrconvBuf nb, sb;
    strconv_buf_init(&nb, storage, sizeof storage);
    strconv_buf_putc(&nb, '+');
    strconv_format_float(&nb, f, verb, prec, bitsize == 32 ? 32 : 64);
    char *num = nb.data;
    size_t n = nb.len;
    if (num[1] == '-' || num[1] == '+') {
        num++;
        n--;
    }
    if (space && num[0] == '+' && !plus)
        num[0] = ' ';

    // Infinities and NaN are not numbers to pad with zeros; NaN shows a
    // sign only when asked for.
    if (num[1] == 'I' || num[1] == 'N') {
        if (num[1] == 'N' && !space && !plus) {
            num++;
            n--;
        }
        pad(b, num, n, width, 0, minus);
        return 0;
    }

    // '#' keeps a decimal point, and for %g %G %x the trailing zeros up to
    // the precision (6 if none was given); fmt counts digits its own way,
    // which we copy: for %x the 'x' of 0x counts as a digit, and %X keeps
    // no zeros.
    if (sharp && verb != 'b') {
        int digits = 0;
        if (verb == 'g' || verb == 'G' || verb == 'x')
            digits = prec == -1 ? 6 : prec;
        char tail[8];
        size_t tailn = 0;
        int has_point = 0, nonzero = 0;
        for (size_t i = 1; i < n; i++) {
            char c = num[i];
            if (c == '.') {
                has_point = 1;
            } else if (c == 'p' || c == 'P' ||
                       ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
                tailn = n - i;
                memcpy(tail, num + i, tailn);
                n = i;
            } else {
                if (c != '0')
                    nonzero = 1;
                if (nonzero)
                    digits--;
            }
        }
        strconv_buf_init(&sb, sstorage, sizeof sstorage);
        strconv_buf_write(&sb, num, n);
        if (!has_point) {
            if (n == 2 && num[1] == '0')
                digits--;   // a lone leading 0 counts as a digit
            strconv_buf_putc(&sb, '.');
        }
        for (; digits > 0; digits--)
            strconv_buf_putc(&sb, '0');
        strconv_buf_write(&sb, tail, tailn);
        num = sb.data;
        n = sb.len;
    }

    if (plus || num[0] != '+') {
        // With zero padding the sign goes before the zeros.
        if (zero && width > 0 && (size_t)width > n) {
            strconv_buf_putc(b, num[0]);
            pad(b, num + 1, n - 1, width - 1, 1, 0);
            return 0;
        }
        pad(b, num, n, width, zero, minus);
        return 0;
    }
    pad(b, num + 1, n - 1, width, zero, minus);
    return 0;
}

// verb_flags drops the flags that %v reads as plusV and sharpV (Go syntax
// and field names), which do not change how a float prints.
static unsigned verb_flags(int verb, unsigned flags) {
    if (verb == 'v')
        flags &= ~(unsigned)(STRCONV_FMT_PLUS | STRCONV_FMT_SHARP);
    return flags;
}

int strconv_fmt_float(StrconvBuf *b, double f, int bitsize, int verb,
                      int prec, int width, unsigned flags) {
    return fmt_float(b, f, bitsize, verb, prec, width, verb_flags(verb, flags));
}

int strconv_fmt_complex(StrconvBuf *b, double re, double im, int bitsize,
                        int verb, int prec, int width, unsigned flags) {
    switch (verb) {
    case 'v': case 'b': case 'g': case 'G': case 'x': case 'X':
    case 'f': case 'F': case 'e': case 'E':
        break;
    default:
        return -1;
    }
    int part = bitsize == 64 ? 32 : 64;
    flags = verb_flags(verb, flags);
    strconv_buf_putc(b, '(');
    fmt_float(b, re, part, verb, prec, width, flags);
    // The imaginary part always has a sign, even for %v.
    fmt_float(b, im, part, verb, prec, width, flags | STRCONV_FMT_PLUS);
    strconv_buf_write(b, "i)", 2);
    return 0;
}
