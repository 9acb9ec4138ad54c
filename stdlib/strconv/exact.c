// stdlib/strconv/exact.c: every decimal digit of a float, and rounding of
// digit strings half to even; what fixed precisions ('e' with prec 40, 'f'
// with prec 30, %.2f) are made from. See internal.h and strconv.h.
//
// mant × 2^exp is an integer N times a power of ten: N = mant·2^exp for
// exp >= 0, and N = mant·5^-exp with the point moved -exp places left for
// exp < 0, since 2^-1 = 5·10^-1. N is built in base 10^9 limbs by
// multiplying with small powers of 2 or 5, so its decimal digits fall out
// of the limbs with no division of big numbers. A float64 needs at most
// 87 limbs (mant·5^1074 has 767 digits).
#include "stdlib/strconv/internal.h"

#include <string.h>

#define LIMB 1000000000u    // a limb holds 9 decimal digits
#define MAX_LIMBS 130

// mul_small multiplies the n limbs of a by m (m·10^9 < 2^64) and returns
// the new limb count.
static int mul_small(uint32_t *a, int n, uint32_t m) {
    uint64_t carry = 0;
    for (int i = 0; i < n; i++) {
        uint64_t x = (uint64_t)a[i] * m + carry;
        a[i] = (uint32_t)(x % LIMB);
        carry = x / LIMB;
    }
    while (carry) {
        a[n++] = (uint32_t)(carry % LIMB);
        carry /= LIMB;
    }
    return n;
}

void strconv_exact(StrconvDigits *d, uint64_t mant, int exp) {
    d->nd = 0;
    d->dp = 0;
    if (mant == 0)
        return;
    // Fewer factors of five to multiply in: move mant's twos into exp.
    int tz = __builtin_ctzll(mant);
    mant >>= tz;
    exp += tz;

    uint32_t a[MAX_LIMBS];
    int n = 0;
    while (mant) {
        a[n++] = (uint32_t)(mant % LIMB);
        mant /= LIMB;
    }
    int point = 0;      // the value is N × 10^point
    if (exp > 0) {
        for (; exp >= 28; exp -= 28)
            n = mul_small(a, n, 1u << 28);
        if (exp > 0)
            n = mul_small(a, n, 1u << exp);
    } else if (exp < 0) {
        point = exp;
        int m = -exp;
        for (; m >= 13; m -= 13)
            n = mul_small(a, n, 1220703125u);   // 5^13
        uint32_t rest = 1;
        while (m-- > 0)
            rest *= 5;
        n = mul_small(a, n, rest);
    }

    // Digits, most significant limb first; the top limb has no padding.
    char *p = d->d;
    uint32_t top = a[n - 1];
    char tmp[10];
    int t = 0;
    while (top) {
        tmp[t++] = (char)('0' + top % 10);
        top /= 10;
    }
    while (t > 0)
        *p++ = tmp[--t];
    for (int i = n - 2; i >= 0; i--) {
        uint32_t v = a[i];
        for (int j = 8; j >= 0; j--) {
            p[j] = (char)('0' + v % 10);
            v /= 10;
        }
        p += 9;
    }
    int nd = (int)(p - d->d);
    d->dp = nd + point;
    while (d->d[nd - 1] == '0')
        nd--;
    d->nd = nd;
}

void strconv_round(StrconvDigits *d, int nd) {
    if (nd < 0 || nd >= d->nd)
        return;
    int up;
    if (d->d[nd] != '5')
        up = d->d[nd] > '5';
    else if (nd + 1 < d->nd)
        up = 1;         // more than half: the digits after the 5 are not all 0
    else
        up = nd > 0 && (d->d[nd - 1] - '0') % 2 == 1;   // exactly half
    if (!up) {
        d->nd = nd;
        while (d->nd > 0 && d->d[d->nd - 1] == '0')
            d->nd--;
        if (d->nd == 0)
            d->dp = 0;
        return;
    }
    for (int i = nd - 1; i >= 0; i--) {
        if (d->d[i] < '9') {
            d->d[i]++;
            d->nd = i + 1;
            return;
        }
    }
    // All nines (or nd == 0): the result is 10^dp.
    d->d[0] = '1';
    d->nd = 1;
    d->dp++;
}
