// stdlib/strconv/atoi.c: text to integers and booleans, strconv.ParseUint,
// ParseInt, Atoi and ParseBool with Go's prefixes, underscores, clamping
// and errors (see strconv.h).
#include "stdlib/strconv/strconv.h"

#include <string.h>

#include "stdlib/strconv/internal.h"

static inline char lower(char c) {
    return (char)(c | ('x' - 'X'));
}

int strconv_underscore_ok(const char *s, size_t n) {
    // saw: '^' at the start, '0' after a digit or base prefix, '_' after
    // an underscore, '!' after anything else.
    char saw = '^';
    size_t i = 0;
    if (n >= 1 && (s[0] == '-' || s[0] == '+')) {
        s++;
        n--;
    }
    int hex = 0;
    if (n >= 2 && s[0] == '0' &&
        (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
        i = 2;
        saw = '0';
        hex = lower(s[1]) == 'x';
    }
    for (; i < n; i++) {
        char c = s[i];
        int digit = (c >= '0' && c <= '9') ||
                    (hex && lower(c) >= 'a' && lower(c) <= 'f');
        if (digit) {
            saw = '0';
            continue;
        }
        if (c == '_') {
            if (saw != '0')
                return 0;
            saw = '_';
            continue;
        }
        if (saw == '_')
            return 0;
        saw = '!';
    }
    return saw != '_';
}

StrconvErr strconv_parse_uint(const char *s, size_t n, int base, int bitsize,
                              uint64_t *out) {
    *out = 0;
    if (n == 0)
        return STRCONV_ERR_SYNTAX;
    const char *s0 = s;
    size_t n0 = n;
    int base0 = base == 0;
    if (base == 0) {
        base = 10;
        if (s[0] == '0') {
            if (n >= 3 && lower(s[1]) == 'b') {
                base = 2;
                s += 2;
                n -= 2;
            } else if (n >= 3 && lower(s[1]) == 'o') {
                base = 8;
                s += 2;
                n -= 2;
            } else if (n >= 3 && lower(s[1]) == 'x') {
                base = 16;
                s += 2;
                n -= 2;
            } else {
                base = 8;
                s++;
                n--;
            }
        }
    } else if (base < 2 || base > 36) {
        return STRCONV_ERR_BASE;
    }
    if (bitsize == 0)
        bitsize = 64;
    else if (bitsize < 0 || bitsize > 64)
        return STRCONV_ERR_BITSIZE;

    uint64_t cutoff = UINT64_MAX / (uint64_t)base + 1;  // n*base overflows
    uint64_t maxval = bitsize == 64 ? UINT64_MAX : ((uint64_t)1 << bitsize) - 1;
    int underscores = 0;
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        unsigned d;
        if (c == '_' && base0) {
            underscores = 1;
            continue;
        } else if (c >= '0' && c <= '9') {
            d = (unsigned)(c - '0');
        } else if (lower(c) >= 'a' && lower(c) <= 'z') {
            d = (unsigned)(lower(c) - 'a') + 10;
        } else {
            return STRCONV_ERR_SYNTAX;
        }
        if (d >= (unsigned)base)
            return STRCONV_ERR_SYNTAX;
        if (v >= cutoff) {
            *out = maxval;
            return STRCONV_ERR_RANGE;
        }
        v *= (uint64_t)base;
        uint64_t v1 = v + d;
        if (v1 < v || v1 > maxval) {
            *out = maxval;
            return STRCONV_ERR_RANGE;
        }
        v = v1;
    }
    if (underscores && !strconv_underscore_ok(s0, n0))
        return STRCONV_ERR_SYNTAX;
    *out = v;
    return STRCONV_OK;
}

StrconvErr strconv_parse_int(const char *s, size_t n, int base, int bitsize,
                             int64_t *out) {
    *out = 0;
    if (n == 0)
        return STRCONV_ERR_SYNTAX;
    int neg = 0;
    if (s[0] == '+' || s[0] == '-') {
        neg = s[0] == '-';
        s++;
        n--;
    }
    uint64_t un;
    StrconvErr err = strconv_parse_uint(s, n, base, bitsize, &un);
    if (err != STRCONV_OK && err != STRCONV_ERR_RANGE)
        return err;
    if (bitsize == 0)
        bitsize = 64;
    uint64_t cutoff = (uint64_t)1 << (bitsize - 1);
    if (!neg && un >= cutoff) {
        *out = (int64_t)(cutoff - 1);
        return STRCONV_ERR_RANGE;
    }
    if (neg && un > cutoff) {
        *out = (int64_t)(0 - cutoff);
        return STRCONV_ERR_RANGE;
    }
    *out = neg ? (int64_t)(0 - un) : (int64_t)un;
    return STRCONV_OK;
}

StrconvErr strconv_atoi(const char *s, size_t n, int64_t *out) {
    // Go's fast path for fewer than 19 bytes gives the same answers.
    return strconv_parse_int(s, n, 10, 0, out);
}

StrconvErr strconv_parse_bool(const char *s, size_t n, int *out) {
    static const char *const yes[] = {"1", "t", "T", "true", "TRUE", "True"};
    static const char *const no[] = {"0", "f", "F", "false", "FALSE", "False"};
    for (int i = 0; i < 6; i++) {
        if (strlen(yes[i]) == n && memcmp(yes[i], s, n) == 0) {
            *out = 1;
            return STRCONV_OK;
        }
        if (strlen(no[i]) == n && memcmp(no[i], s, n) == 0) {
            *out = 0;
            return STRCONV_OK;
        }
    }
    *out = 0;
    return STRCONV_ERR_SYNTAX;
}
