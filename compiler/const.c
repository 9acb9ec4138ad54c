// compiler/const.c: exact constant arithmetic over GMP, rounding through
// MPFR (see const.h).
#include "compiler/const.h"
#include "common/mem.h"
#include "lexer/token.h"

#include <math.h>
#include <mpfr.h>
#include <stdio.h>
#include <string.h>

// ---- GMP on the GC heap ----

static void *gmp_alloc(size_t n) { return mem_alloc_atomic(n); }
static void *gmp_realloc(void *p, size_t old, size_t n) {
    void *q = mem_alloc_atomic(n);
    memcpy(q, p, old < n ? old : n);
    return q;
}
static void gmp_free(void *p, size_t n) { (void)p; (void)n; }

void const_init(void) {
    static int done;
    if (done) return;
    done = 1;
    mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
}

// ---- Making values ----

static Const *make(ConstKind k) {
    Const *c = mem_new(Const);
    c->kind = k;
    switch (k) {
    case CV_INT: mpz_init(c->i); break;
    case CV_FLOAT: mpq_init(c->re); break;
    case CV_COMPLEX: mpq_init(c->re); mpq_init(c->im); break;
    default: break;
    }
    return c;
}

Const *const_unknown(void) { return make(CV_UNKNOWN); }

Const *const_bool(bool b) {
    Const *c = make(CV_BOOL);
    c->b = b;
    return c;
}

Const *const_string(const char *s, int64_t len) {
    Const *c = make(CV_STRING);
    c->s = s;
    c->slen = len;
    return c;
}

Const *const_int64(int64_t v) {
    Const *c = make(CV_INT);
    mpz_set_si(c->i, v);
    return c;
}

Const *const_uint64(uint64_t v) {
    Const *c = make(CV_INT);
    mpz_set_ui(c->i, v);   // unsigned long is 64-bit on this platform
    return c;
}

Const *const_float64(double v) {
    Const *c = make(CV_FLOAT);
    mpq_set_d(c->re, v);
    return c;
}

// digits copies the literal text without '_' separators.
static char *digits(const char *text, int len) {
    char *d = mem_alloc_atomic((size_t)len + 1);
    int n = 0;
    for (int i = 0; i < len; i++)
        if (text[i] != '_') d[n++] = text[i];
    d[n] = 0;
    return d;
}

// Exponents beyond this make exact rationals too large to be useful; such
// constants are clamped (a float64 overflows long before).
enum { MAX_EXP10 = 100000 };

// scale multiplies q by base^exp exactly.
static void scale(mpq_t q, int base, long exp) {
    if (exp > MAX_EXP10) exp = MAX_EXP10;
    if (exp < -MAX_EXP10) exp = -MAX_EXP10;
    mpz_t p;
    mpz_init(p);
    mpz_ui_pow_ui(p, (unsigned long)base, (unsigned long)(exp < 0 ? -exp : exp));
    mpq_t f;
    mpq_init(f);
    mpq_set_z(f, p);
    if (exp < 0) mpq_div(q, q, f);
    else mpq_mul(q, q, f);
}

// parse_float reads a decimal or hexadecimal floating literal into q.
static void parse_float(mpq_t q, const char *s) {
    int hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    if (hex) s += 2;
    int base = hex ? 16 : 10;
    mpz_t mant;
    mpz_init(mant);
    long frac = 0;
    int seen_point = 0;
    char *buf = mem_alloc_atomic(strlen(s) + 2);
    int n = 0;
    for (; *s; s++) {
        if (*s == '.') { seen_point = 1; continue; }
        if (hex ? (*s == 'p' || *s == 'P') : (*s == 'e' || *s == 'E')) break;
        buf[n++] = *s;
        if (seen_point) frac++;
    }
    buf[n] = 0;
    if (n) mpz_set_str(mant, buf, base);
    long exp = 0;
    if (*s) {
        s++;
        int neg = *s == '-';
        if (*s == '+' || *s == '-') s++;
        for (; *s >= '0' && *s <= '9'; s++) {
            if (exp < 100000000) exp = exp * 10 + (*s - '0');
        }
        if (neg) exp = -exp;
    }
    mpq_set_z(q, mant);
    if (hex) {
        long e2 = exp - 4 * frac;
        if (e2 > 4 * MAX_EXP10) e2 = 4 * MAX_EXP10;
        if (e2 < -4 * MAX_EXP10) e2 = -4 * MAX_EXP10;
        if (e2 >= 0) mpq_mul_2exp(q, q, (mp_bitcnt_t)e2);
        else mpq_div_2exp(q, q, (mp_bitcnt_t)-e2);
    } else {
        scale(q, 10, exp - frac);
    }
    mpq_canonicalize(q);
}

static void parse_int(mpz_t z, const char *d) {
    int base = 10;
    if (d[0] == '0' && d[1]) {
        switch (d[1]) {
        case 'x': case 'X': base = 16; d += 2; break;
        case 'b': case 'B': base = 2; d += 2; break;
        case 'o': case 'O': base = 8; d += 2; break;
        default: base = 8; d += 1; break;   // legacy octal 0777
        }
    }
    if (*d) mpz_set_str(z, d, base);
    else mpz_set_ui(z, 0);
}

Const *const_from_literal(int tok, const char *text, int len) {
    char *d = digits(text, len);
    switch (tok) {
    case T_INT: {
        Const *c = make(CV_INT);
        parse_int(c->i, d);
        return c;
    }
    case T_FLOAT: {
        Const *c = make(CV_FLOAT);
        parse_float(c->re, d);
        return c;
    }
    case T_IMAG: {
        size_t n = strlen(d);
        if (n) d[n - 1] = 0;   // drop the 'i'
        Const *c = make(CV_COMPLEX);
        // 0123i is decimal (spec: backward compatibility); hex ints stay hex.
        int is_float = d[0] == '0' && (d[1] == 'x' || d[1] == 'X')
                           ? strpbrk(d, ".pP") != NULL
                           : strpbrk(d, ".eE") != NULL;
        if (is_float) {
            parse_float(c->im, d);
        } else {
            mpz_t z;
            mpz_init(z);
            const char *p = d;
            if (p[0] == '0' && p[1] && p[1] != 'x' && p[1] != 'X' && p[1] != 'b' &&
                p[1] != 'B' && p[1] != 'o' && p[1] != 'O') {
                mpz_set_str(z, p, 10);
            } else {
                parse_int(z, p);
            }
            mpq_set_z(c->im, z);
        }
        return c;
    }
    default:
        return const_unknown();
    }
}

// ---- Kinds ----

Const *const_to_float(const Const *x) {
    if (x->kind == CV_FLOAT) return (Const *)x;
    Const *c = make(CV_FLOAT);
    if (x->kind == CV_INT) mpq_set_z(c->re, x->i);
    else if (x->kind == CV_COMPLEX) mpq_set(c->re, x->re);
    return c;
}

Const *const_to_complex(const Const *x) {
    if (x->kind == CV_COMPLEX) return (Const *)x;
    Const *c = make(CV_COMPLEX);
    if (x->kind == CV_INT) mpq_set_z(c->re, x->i);
    else if (x->kind == CV_FLOAT) mpq_set(c->re, x->re);
    return c;
}

Const *const_to_int(const Const *x) {
    switch (x->kind) {
    case CV_INT: return (Const *)x;
    case CV_FLOAT:
        if (mpz_cmp_ui(mpq_denref(x->re), 1) != 0) return NULL;
        {
            Const *c = make(CV_INT);
            mpz_set(c->i, mpq_numref(x->re));
            return c;
        }
    case CV_COMPLEX:
        if (mpq_sgn(x->im) != 0 || mpz_cmp_ui(mpq_denref(x->re), 1) != 0) return NULL;
        {
            Const *c = make(CV_INT);
            mpz_set(c->i, mpq_numref(x->re));
            return c;
        }
    default:
        return NULL;
    }
}

bool const_is_integral(const Const *x) { return const_to_int(x) != NULL; }

int const_sign(const Const *x) {
    switch (x->kind) {
    case CV_INT: return mpz_sgn(x->i);
    case CV_FLOAT: return mpq_sgn(x->re);
    case CV_COMPLEX: return mpq_sgn(x->re) | mpq_sgn(x->im);
    default: return 0;
    }
}

// match brings x and y to the same numeric kind, the larger of the two.
static void match(const Const **x, const Const **y) {
    ConstKind k = (*x)->kind > (*y)->kind ? (*x)->kind : (*y)->kind;
    if (k == CV_FLOAT) {
        *x = const_to_float(*x);
        *y = const_to_float(*y);
    } else if (k == CV_COMPLEX) {
        *x = const_to_complex(*x);
        *y = const_to_complex(*y);
    }
}

// ---- Arithmetic ----

// Untyped integers wider than this many bits are an overflow, as in gc
// (which keeps 512 bits of mantissa).
enum { MAX_INT_BITS = 512 };

static Const *checked_int(Const *c, ConstErr *err) {
    if (mpz_sizeinbase(c->i, 2) > MAX_INT_BITS) {
        *err = CE_OVERFLOW;
        return const_unknown();
    }
    return c;
}

Const *const_binary(int op, const Const *x, const Const *y, bool int_div, ConstErr *err) {
    *err = CE_OK;
    if (x->kind == CV_UNKNOWN || y->kind == CV_UNKNOWN) return const_unknown();
    if (x->kind == CV_BOOL && y->kind == CV_BOOL) {
        if (op == T_LAND) return const_bool(x->b && y->b);
        if (op == T_LOR) return const_bool(x->b || y->b);
        return const_bool(const_compare(op, x, y));
    }
    if (x->kind == CV_STRING && y->kind == CV_STRING) {
        if (op != T_ADD) return const_bool(const_compare(op, x, y));
        char *s = mem_alloc_atomic((size_t)(x->slen + y->slen) + 1);
        memcpy(s, x->s, (size_t)x->slen);
        memcpy(s + x->slen, y->s, (size_t)y->slen);
        s[x->slen + y->slen] = 0;
        return const_string(s, x->slen + y->slen);
    }
    switch (op) {
    case T_EQL: case T_NEQ: case T_LSS: case T_LEQ: case T_GTR: case T_GEQ:
        return const_bool(const_compare(op, x, y));
    default:
        break;
    }
    match(&x, &y);
    Const *c = make(x->kind);
    if (x->kind == CV_INT) {
        switch (op) {
        case T_ADD: mpz_add(c->i, x->i, y->i); break;
        case T_SUB: mpz_sub(c->i, x->i, y->i); break;
        case T_MUL: mpz_mul(c->i, x->i, y->i); break;
        case T_QUO:
            if (mpz_sgn(y->i) == 0) { *err = CE_DIV_ZERO; return const_unknown(); }
            if (int_div) {
                mpz_tdiv_q(c->i, x->i, y->i);
            } else {
                Const *f = make(CV_FLOAT);
                mpq_set_num(f->re, x->i);
                mpq_set_den(f->re, y->i);
                mpq_canonicalize(f->re);
                return f;
            }
            break;
        case T_REM:
            if (mpz_sgn(y->i) == 0) { *err = CE_DIV_ZERO; return const_unknown(); }
            mpz_tdiv_r(c->i, x->i, y->i);
            break;
        case T_AND: mpz_and(c->i, x->i, y->i); break;
        case T_OR: mpz_ior(c->i, x->i, y->i); break;
        case T_XOR: mpz_xor(c->i, x->i, y->i); break;
        case T_AND_NOT: {
            mpz_t t;
            mpz_init(t);
            mpz_com(t, y->i);
            mpz_and(c->i, x->i, t);
            break;
        }
        default: *err = CE_NOT_INT; return const_unknown();
        }
        return checked_int(c, err);
    }
    if (x->kind == CV_FLOAT) {
        switch (op) {
        case T_ADD: mpq_add(c->re, x->re, y->re); break;
        case T_SUB: mpq_sub(c->re, x->re, y->re); break;
        case T_MUL: mpq_mul(c->re, x->re, y->re); break;
        case T_QUO:
            if (mpq_sgn(y->re) == 0) { *err = CE_DIV_ZERO; return const_unknown(); }
            mpq_div(c->re, x->re, y->re);
            break;
        default: *err = CE_NOT_INT; return const_unknown();
        }
        return c;
    }
    if (x->kind == CV_COMPLEX) {
        mpq_t a, b;
        mpq_init(a);
        mpq_init(b);
        switch (op) {
        case T_ADD: mpq_add(c->re, x->re, y->re); mpq_add(c->im, x->im, y->im); break;
        case T_SUB: mpq_sub(c->re, x->re, y->re); mpq_sub(c->im, x->im, y->im); break;
        case T_MUL:   // (a+bi)(c+di) = (ac-bd) + (ad+bc)i
            mpq_mul(a, x->re, y->re); mpq_mul(b, x->im, y->im); mpq_sub(c->re, a, b);
            mpq_mul(a, x->re, y->im); mpq_mul(b, x->im, y->re); mpq_add(c->im, a, b);
            break;
        case T_QUO: { // (a+bi)/(c+di) = ((ac+bd) + (bc-ad)i) / (c²+d²)
            mpq_t den;
            mpq_init(den);
            mpq_mul(a, y->re, y->re); mpq_mul(b, y->im, y->im); mpq_add(den, a, b);
            if (mpq_sgn(den) == 0) { *err = CE_DIV_ZERO; return const_unknown(); }
            mpq_mul(a, x->re, y->re); mpq_mul(b, x->im, y->im); mpq_add(c->re, a, b);
            mpq_mul(a, x->im, y->re); mpq_mul(b, x->re, y->im); mpq_sub(c->im, a, b);
            mpq_div(c->re, c->re, den);
            mpq_div(c->im, c->im, den);
            break;
        }
        default: *err = CE_NOT_INT; return const_unknown();
        }
        return c;
    }
    return const_unknown();
}

Const *const_unary(int op, const Const *x, ConstErr *err) {
    *err = CE_OK;
    switch (x->kind) {
    case CV_BOOL:
        if (op == T_NOT) return const_bool(!x->b);
        break;
    case CV_INT: {
        Const *c = make(CV_INT);
        if (op == T_ADD) mpz_set(c->i, x->i);
        else if (op == T_SUB) mpz_neg(c->i, x->i);
        else if (op == T_XOR) mpz_com(c->i, x->i);
        else break;
        return c;
    }
    case CV_FLOAT: {
        Const *c = make(CV_FLOAT);
        if (op == T_ADD) mpq_set(c->re, x->re);
        else if (op == T_SUB) mpq_neg(c->re, x->re);
        else break;
        return c;
    }
    case CV_COMPLEX: {
        Const *c = make(CV_COMPLEX);
        if (op == T_ADD) { mpq_set(c->re, x->re); mpq_set(c->im, x->im); }
        else if (op == T_SUB) { mpq_neg(c->re, x->re); mpq_neg(c->im, x->im); }
        else break;
        return c;
    }
    default:
        return const_unknown();
    }
    *err = CE_NOT_INT;
    return const_unknown();
}

// The largest shift count gc accepts on an untyped constant.
enum { MAX_SHIFT = 1023 - 1 + 52 };

Const *const_shift(int op, const Const *x, const Const *y, ConstErr *err) {
    *err = CE_OK;
    const Const *xi = const_to_int(x), *yi = const_to_int(y);
    if (!xi) { *err = CE_NOT_INT; return const_unknown(); }
    if (!yi || mpz_sgn(yi->i) < 0 || mpz_cmp_ui(yi->i, MAX_SHIFT) > 0) {
        *err = CE_SHIFT_COUNT;
        return const_unknown();
    }
    unsigned long n = mpz_get_ui(yi->i);
    Const *c = make(CV_INT);
    if (op == T_SHL) mpz_mul_2exp(c->i, xi->i, n);
    else mpz_fdiv_q_2exp(c->i, xi->i, n);   // >> rounds toward -inf, like Go
    return checked_int(c, err);
}

bool const_compare(int op, const Const *x, const Const *y) {
    int c = 0;
    if (x->kind == CV_BOOL) {
        c = x->b == y->b ? 0 : 1;
    } else if (x->kind == CV_STRING) {
        int64_t n = x->slen < y->slen ? x->slen : y->slen;
        c = memcmp(x->s, y->s, (size_t)n);
        if (c == 0) c = x->slen < y->slen ? -1 : x->slen > y->slen;
    } else {
        match(&x, &y);
        if (x->kind == CV_INT) c = mpz_cmp(x->i, y->i);
        else if (x->kind == CV_FLOAT) c = mpq_cmp(x->re, y->re);
        else if (x->kind == CV_COMPLEX) c = !mpq_equal(x->re, y->re) || !mpq_equal(x->im, y->im);
    }
    switch (op) {
    case T_EQL: return c == 0;
    case T_NEQ: return c != 0;
    case T_LSS: return c < 0;
    case T_LEQ: return c <= 0;
    case T_GTR: return c > 0;
    case T_GEQ: return c >= 0;
    default: return false;
    }
}

// ---- Rounding to machine types ----

// round_q rounds q to an IEEE binary format of prec bits and exponent range
// [emin, emax] (MPFR's convention), with subnormals. Returns false on
// overflow to infinity.
static bool round_q(const mpq_t q, mpfr_prec_t prec, mpfr_exp_t emin, mpfr_exp_t emax, double *out) {
    mpfr_exp_t old_min = mpfr_get_emin(), old_max = mpfr_get_emax();
    mpfr_t f;
    mpfr_init2(f, prec);
    mpfr_set_emin(emin);
    mpfr_set_emax(emax);
    int t = mpfr_set_q(f, q, MPFR_RNDN);
    t = mpfr_check_range(f, t, MPFR_RNDN);
    mpfr_subnormalize(f, t, MPFR_RNDN);
    bool ok = !mpfr_inf_p(f);
    *out = mpfr_get_d(f, MPFR_RNDN);
    mpfr_set_emin(old_min);
    mpfr_set_emax(old_max);
    mpfr_clear(f);
    return ok;
}

static bool to_float64(const mpq_t q, double *out) { return round_q(q, 53, -1073, 1024, out); }
static bool to_float32(const mpq_t q, double *out) { return round_q(q, 24, -148, 128, out); }

static bool int_fits(const mpz_t z, const Type *t) {
    int bits = (int)t->size * 8;
    if (type_is_unsigned(t)) return mpz_sgn(z) >= 0 && mpz_sizeinbase(z, 2) <= (size_t)bits;
    // signed: -2^(bits-1) <= z < 2^(bits-1)
    mpz_t lim;
    mpz_init(lim);
    mpz_setbit(lim, (mp_bitcnt_t)(bits - 1));
    bool ok = mpz_cmp(z, lim) < 0;
    mpz_neg(lim, lim);
    ok = ok && mpz_cmp(z, lim) >= 0;
    return ok;
}

bool const_representable(const Const *x, const Type *t, Const **rounded) {
    if (rounded) *rounded = (Const *)x;
    if (x->kind == CV_UNKNOWN) return true;
    Kind k = (Kind)t->kind;
    switch (k) {
    case K_BOOL: case K_UNTYPED_BOOL: return x->kind == CV_BOOL;
    case K_STRING: case K_UNTYPED_STRING: return x->kind == CV_STRING;
    case K_UNTYPED_INT: case K_UNTYPED_RUNE: {
        const Const *i = const_to_int(x);
        if (rounded && i) *rounded = (Const *)i;
        return i != NULL;
    }
    case K_UNTYPED_FLOAT:
        if (x->kind == CV_COMPLEX && mpq_sgn(x->im) != 0) return false;
        if (x->kind != CV_INT && x->kind != CV_FLOAT && x->kind != CV_COMPLEX) return false;
        if (rounded) *rounded = const_to_float(x);
        return true;
    case K_UNTYPED_COMPLEX:
        if (x->kind != CV_INT && x->kind != CV_FLOAT && x->kind != CV_COMPLEX) return false;
        if (rounded) *rounded = const_to_complex(x);
        return true;
    default:
        break;
    }
    if (type_is_integer(t)) {
        if (x->kind != CV_INT && x->kind != CV_FLOAT && x->kind != CV_COMPLEX) return false;
        const Const *i = const_to_int(x);
        if (!i || !int_fits(i->i, t)) return false;
        if (rounded) *rounded = (Const *)i;
        return true;
    }
    if (k == K_FLOAT32 || k == K_FLOAT64) {
        if (x->kind != CV_INT && x->kind != CV_FLOAT && x->kind != CV_COMPLEX) return false;
        if (x->kind == CV_COMPLEX && mpq_sgn(x->im) != 0) return false;
        const Const *f = const_to_float(x);
        double d;
        if (!(k == K_FLOAT32 ? to_float32(f->re, &d) : to_float64(f->re, &d))) return false;
        if (rounded) *rounded = const_float64(d);
        return true;
    }
    if (k == K_COMPLEX64 || k == K_COMPLEX128) {
        if (x->kind != CV_INT && x->kind != CV_FLOAT && x->kind != CV_COMPLEX) return false;
        const Const *c = const_to_complex(x);
        double re, im;
        bool ok = k == K_COMPLEX64 ? to_float32(c->re, &re) && to_float32(c->im, &im)
                                   : to_float64(c->re, &re) && to_float64(c->im, &im);
        if (!ok) return false;
        if (rounded) {
            Const *r = make(CV_COMPLEX);
            mpq_set_d(r->re, re);
            mpq_set_d(r->im, im);
            *rounded = r;
        }
        return true;
    }
    return false;
}

// ---- Machine values ----

int64_t const_get_int64(const Const *x) {
    const Const *i = const_to_int(x);
    if (!i) return 0;
    if (mpz_fits_slong_p(i->i)) return mpz_get_si(i->i);
    return (int64_t)mpz_get_ui(i->i);   // a uint64 above MaxInt64: same bits
}

uint64_t const_get_uint64(const Const *x) {
    const Const *i = const_to_int(x);
    if (!i) return 0;
    if (mpz_sgn(i->i) < 0) return (uint64_t)mpz_get_si(i->i);
    return mpz_get_ui(i->i);
}

double const_get_float64(const Const *x) {
    double d = 0;
    if (x->kind == CV_INT || x->kind == CV_FLOAT || x->kind == CV_COMPLEX) {
        const Const *f = const_to_float(x);
        if (!to_float64(f->re, &d)) d = mpq_sgn(f->re) < 0 ? -INFINITY : INFINITY;
    }
    return d;
}

float const_get_float32(const Const *x) {
    double d = 0;
    if (x->kind == CV_INT || x->kind == CV_FLOAT || x->kind == CV_COMPLEX) {
        const Const *f = const_to_float(x);
        if (!to_float32(f->re, &d)) d = mpq_sgn(f->re) < 0 ? -INFINITY : INFINITY;
    }
    return (float)d;
}

// ---- Text ----

static const char *float_text(const mpq_t q) {
    double d;
    if (to_float64(q, &d) && (d != 0 || mpq_sgn(q) == 0)) {
        char buf[64];
        snprintf(buf, sizeof buf, "%.6g", d);
        return mem_sprintf("%s", buf);
    }
    // Outside float64's range: six digits through MPFR.
    mpfr_t f;
    mpfr_init2(f, 64);
    mpfr_set_q(f, q, MPFR_RNDN);
    char buf[128];
    mpfr_snprintf(buf, sizeof buf, "%.5Re", f);
    mpfr_clear(f);
    // MPFR prints e+100000; Go prints the same shape.
    return mem_sprintf("%s", buf);
}

const char *const_text(const Const *x) {
    switch (x->kind) {
    case CV_BOOL: return x->b ? "true" : "false";
    case CV_STRING: {
        // Quoted as Go's %q would: printable ASCII as is, the rest escaped.
        char *out = mem_alloc_atomic((size_t)x->slen * 4 + 3);
        int n = 0;
        out[n++] = '"';
        for (int64_t i = 0; i < x->slen; i++) {
            unsigned char ch = (unsigned char)x->s[i];
            if (ch == '"' || ch == '\\') { out[n++] = '\\'; out[n++] = (char)ch; }
            else if (ch == '\n') { out[n++] = '\\'; out[n++] = 'n'; }
            else if (ch == '\t') { out[n++] = '\\'; out[n++] = 't'; }
            else if (ch < 0x20 || ch == 0x7f) n += sprintf(out + n, "\\x%02x", ch);
            else out[n++] = (char)ch;
        }
        out[n++] = '"';
        out[n] = 0;
        return out;
    }
    case CV_INT: {
        char *s = mpz_get_str(NULL, 10, x->i);
        return s;
    }
    case CV_FLOAT: return float_text(x->re);
    case CV_COMPLEX:
        return mem_sprintf("(%s + %si)", float_text(x->re), float_text(x->im));
    default:
        return "unknown";
    }
}
