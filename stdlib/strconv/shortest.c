// stdlib/strconv/shortest.c: the shortest decimal that reads back as a
// given float, by Raffaello Giulietti's Schubfach ("The Schubfach way to
// render doubles", 2020); see internal.h for the contract and strconv.h for
// the design.
//
// A float v = c·2^q (c an integer) rounds back from every decimal inside
// its rounding interval R: the points halfway to its neighbours, included
// when c is even (ties to even). Pick k with 10^k <= the width of R <
// 10^(k+1): then R holds at most one multiple of 10^(k+1), and at least one
// of s·10^k and (s+1)·10^k where s = floor(v/10^k). If exactly one multiple
// of 10^(k+1) lies in R it is the unique shortest answer; otherwise the
// answer is whichever of s, s+1 lies in R, the nearer to v if both do.
// Everything is computed on 4v/10^k, taken from one 128-bit approximation g
// of 10^-k per k; the paper proves that the rounding in rop never changes a
// comparison against R's ends.
//
// Java's version (JDK 19's DoubleToDecimal) asks for two digits at least,
// so it only tries one digit fewer when s >= 100 and scales tiny
// subnormals by 10; Go wants the shortest, so we try it whenever s has two
// digits and leave subnormals alone (5e-324, not 4.9e-324). A float32 goes
// through the same code with its own smallest normal c and subnormal q;
// its values are float64 values, so the float64 table serves (we compared
// every 11th float32 bit pattern with Go). The table is computed on first
// use, in about 20 µs, rather than pasted in as 617 generated constants.
#include "stdlib/strconv/internal.h"

#include <pthread.h>
#include <string.h>

#define K_MIN (-324)    // the smallest k: flog10pow2(-1074)
#define K_MAX 292       // the largest k: flog10pow2(971)
#define MASK63 ((uint64_t)-1 >> 1)

// Pow10 is the approximation g = g1·2^63 + g0 of 10^-k: with 10^-k = β·2^r
// and 2^125 <= β < 2^126, g = floor(β) + 1, so g1 < 2^63 and g0 < 2^63.
typedef struct Pow10 {
    uint64_t g1, g0;
} Pow10;

static Pow10 pow10[K_MAX - K_MIN + 1];  // [k - K_MIN]; filled by fill_pow10
static pthread_once_t pow10_once = PTHREAD_ONCE_INIT;

// flog10pow2 returns floor(q·log10(2)), flog10_three_quarters_pow2 returns
// floor(log10(3/4·2^q)) and flog2pow10 floor(e·log2(10)); the constants are
// Giulietti's, exact for |q| < 1200 and |e| < 400 (we checked every value
// against exact arithmetic; tests/unit/strconv_ftoa.c formats every power of
// two, which meets every q).
static inline int flog10pow2(int q) {
    return (int)(((int64_t)q * 661971961083) >> 41);
}

static inline int flog10_three_quarters_pow2(int q) {
    return (int)(((int64_t)q * 661971961083 - 274743187321) >> 41);
}

static inline int flog2pow10(int e) {
    return (int)(((int64_t)e * 913124641741) >> 38);
}

// ---- The table of powers of ten ----

// A Big is an unsigned integer of up to 896 bits, least significant limb
// first; 32-bit limbs let division by 5 compile to multiplications.
typedef struct Big {
    uint32_t w[28];
    int n;          // limbs in use; w[n-1] != 0 unless n == 0
} Big;

static void big_mul5(Big *a) {
    uint64_t carry = 0;
    for (int i = 0; i < a->n; i++) {
        carry += (uint64_t)a->w[i] * 5;
        a->w[i] = (uint32_t)carry;
        carry >>= 32;
    }
    if (carry)
        a->w[a->n++] = (uint32_t)carry;
}

// big_div5 divides a by 5, dropping the remainder.
static void big_div5(Big *a) {
    uint64_t rem = 0;
    for (int i = a->n - 1; i >= 0; i--) {
        uint64_t cur = rem << 32 | a->w[i];
        a->w[i] = (uint32_t)(cur / 5);
        rem = cur % 5;
    }
    while (a->n > 0 && a->w[a->n - 1] == 0)
        a->n--;
}

static int big_bitlen(const Big *a) {
    if (a->n == 0)
        return 0;
    return 32 * (a->n - 1) + 32 - __builtin_clz(a->w[a->n - 1]);
}

// big_shr returns floor(a / 2^s) for s >= 0; the result must fit 128 bits.
static unsigned __int128 big_shr(const Big *a, int s) {
    unsigned __int128 r = 0;
    for (int i = 3; i >= 0; i--) {
        int bit = s + 32 * i, j = bit / 32, off = bit % 32;
        uint64_t lo = j < a->n ? a->w[j] : 0;
        uint64_t hi = j + 1 < a->n ? a->w[j + 1] : 0;
        r = r << 32 | (uint32_t)((hi << 32 | lo) >> off);
    }
    return r;
}

// fill_pow10 computes every g exactly, keeping 5^m and floor(2^X / 5^m)
// as m grows. For 10^n with n >= 0, β is 5^n scaled to 126 bits (the 2^n
// in 10^n only moves r). For n = -m < 0, β = floor(2^(125+L) / 5^m) with L
// the bit length of 5^m, which has 126 bits; it is floor(2^X / 5^m) shifted
// right by X - 125 - L, since floor(floor(a/b)/c) = floor(a/(bc)).
static void fill_pow10(void) {
    enum { X = 810 };   // 2^X / 5^292 still has 126 bits and more
    Big p = {{1}, 1};   // 5^m
    Big q = {{0}, X / 32 + 1};
    q.w[X / 32] = (uint32_t)1 << (X % 32);
    for (int m = 0; m <= -K_MIN || m <= K_MAX; m++) {
        int len = big_bitlen(&p);
        if (m <= -K_MIN) {  // 10^m, at k = -m
            unsigned __int128 beta;
            if (len <= 126)
                beta = big_shr(&p, 0) << (126 - len);
            else
                beta = big_shr(&p, len - 126);
            unsigned __int128 g = beta + 1;
            pow10[-m - K_MIN].g1 = (uint64_t)(g >> 63);
            pow10[-m - K_MIN].g0 = (uint64_t)g & MASK63;
        }
        if (m >= 1 && m <= K_MAX) {     // 10^-m, at k = m
            unsigned __int128 g = big_shr(&q, X - 125 - len) + 1;
            pow10[m - K_MIN].g1 = (uint64_t)(g >> 63);
            pow10[m - K_MIN].g0 = (uint64_t)g & MASK63;
        }
        big_mul5(&p);
        big_div5(&q);
    }
}

void strconv_pow10_entry(int k, uint64_t *g1, uint64_t *g0) {
    pthread_once(&pow10_once, fill_pow10);
    *g1 = pow10[k - K_MIN].g1;
    *g0 = pow10[k - K_MIN].g0;
}

// ---- Schubfach ----

// rop returns floor(g·cp / 2^127), with its lowest bit set when that drops
// anything (the paper's r_o').
static inline uint64_t rop(uint64_t g1, uint64_t g0, uint64_t cp) {
    uint64_t x1 = (uint64_t)((unsigned __int128)g0 * cp >> 64);
    unsigned __int128 y = (unsigned __int128)g1 * cp;
    uint64_t y0 = (uint64_t)y, y1 = (uint64_t)(y >> 64);
    uint64_t z = (y0 >> 1) + x1;
    uint64_t vbp = y1 + (z >> 63);
    return vbp | (((z & MASK63) + MASK63) >> 63);
}

// to_decimal finds the shortest f·10^e in the rounding interval of
// c·2^q. cmin is the smallest normal significand, qmin the subnormals'
// exponent.
static void to_decimal(uint64_t c, int q, uint64_t cmin, int qmin,
                       uint64_t *f, int *e) {
    uint64_t out = c & 1;   // an odd c excludes the interval's ends
    uint64_t cb = c << 2, cbr = cb + 2, cbl;
    int k;
    if (c != cmin || q == qmin) {
        cbl = cb - 2;
        k = flog10pow2(q);
    } else {
        // At a power of two the neighbour below is half as far.
        cbl = cb - 1;
        k = flog10_three_quarters_pow2(q);
    }
    int h = q + flog2pow10(-k) + 2;
    const Pow10 *g = &pow10[k - K_MIN];
    uint64_t vb = rop(g->g1, g->g0, cb << h);
    uint64_t vbl = rop(g->g1, g->g0, cbl << h);
    uint64_t vbr = rop(g->g1, g->g0, cbr << h);

    uint64_t s = vb >> 2;
    if (s >= 10) {
        // One digit fewer: is exactly one multiple of 10^(k+1) in R?
        uint64_t sp10 = s / 10 * 10, tp10 = sp10 + 10;
        int upin = vbl + out <= sp10 << 2;
        int wpin = (tp10 << 2) + out <= vbr;
        if (upin != wpin) {
            *f = upin ? sp10 : tp10;
            *e = k;
            return;
        }
    }
    uint64_t t = s + 1;
    int uin = vbl + out <= s << 2;
    int win = (t << 2) + out <= vbr;
    *e = k;
    if (uin != win) {
        *f = uin ? s : t;
        return;
    }
    // Both are in R: the nearer to v, the even one on a tie.
    int64_t cmp = (int64_t)(vb - ((s + t) << 1));
    *f = cmp < 0 || (cmp == 0 && (s & 1) == 0) ? s : t;
}

void strconv_shortest(StrconvDigits *d, uint64_t mant, int exp, int bitsize) {
    d->nd = 0;
    d->dp = 0;
    if (mant == 0)
        return;
    pthread_once(&pow10_once, fill_pow10);
    uint64_t f;
    int e;
    if (bitsize == 32)
        to_decimal(mant, exp, (uint64_t)1 << 23, -149, &f, &e);
    else
        to_decimal(mant, exp, (uint64_t)1 << 52, -1074, &f, &e);
    while (f % 10 == 0) {
        f /= 10;
        e++;
    }
    // f < 10^17: write it from the right, two digits at a time.
    static const char pairs[] =
        "0001020304050607080910111213141516171819202122232425262728293031"
        "3233343536373839404142434445464748495051525354555657585960616263"
        "6465666768697071727374757677787980818283848586878889909192939495"
        "96979899";
    char tmp[20];
    char *p = tmp + sizeof tmp;
    while (f >= 100) {
        unsigned r = (unsigned)(f % 100) * 2;
        f /= 100;
        *--p = pairs[r + 1];
        *--p = pairs[r];
    }
    if (f >= 10) {
        *--p = pairs[f * 2 + 1];
        *--p = pairs[f * 2];
    } else {
        *--p = (char)('0' + f);
    }
    int n = (int)(tmp + sizeof tmp - p);
    memcpy(d->d, p, (size_t)n);
    d->nd = n;
    d->dp = n + e;
}
