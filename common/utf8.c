// common/utf8.c: UTF-8 decoding and encoding (see utf8.h for the rules).
#include "common/utf8.h"

// is_cont reports whether b is a continuation byte (10xxxxxx).
static inline int is_cont(unsigned char b) {
    return (b & 0xC0) == 0x80;
}

int32_t utf8_decode(const unsigned char *s, size_t n, int *width) {
    if (n == 0) {
        *width = 0;
        return UTF8_RUNE_ERROR;
    }
    unsigned char b0 = s[0];
    if (b0 < 0x80) {
        *width = 1;
        return b0;
    }
    *width = 1;
    // The second byte's range depends on the lead byte: that is what rules
    // out overlong forms (E0 80..9F, F0 80..8F), surrogates (ED A0..BF) and
    // runes past U+10FFFF (F4 90..BF).
    unsigned char lo = 0x80, hi = 0xBF;
    int need;
    int32_t r;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
        r = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2;
        r = b0 & 0x0F;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3;
        r = b0 & 0x07;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;
    } else {
        return UTF8_RUNE_ERROR;     // continuation byte, C0, C1 or F5..FF
    }
    if (n < (size_t)need + 1 || s[1] < lo || s[1] > hi)
        return UTF8_RUNE_ERROR;
    r = (r << 6) | (s[1] & 0x3F);
    for (int i = 2; i <= need; i++) {
        if (!is_cont(s[i]))
            return UTF8_RUNE_ERROR;
        r = (r << 6) | (s[i] & 0x3F);
    }
    *width = need + 1;
    return r;
}

int utf8_rune_len(int32_t r) {
    if (r < 0) return -1;
    if (r < 0x80) return 1;
    if (r < 0x800) return 2;
    if (r >= 0xD800 && r <= 0xDFFF) return -1;
    if (r < 0x10000) return 3;
    if (r <= UTF8_MAX_RUNE) return 4;
    return -1;
}

int utf8_encode(unsigned char *buf, int32_t r) {
    if (!utf8_valid_rune(r))
        r = UTF8_RUNE_ERROR;
    if (r < 0x80) {
        buf[0] = (unsigned char)r;
        return 1;
    }
    if (r < 0x800) {
        buf[0] = (unsigned char)(0xC0 | (r >> 6));
        buf[1] = (unsigned char)(0x80 | (r & 0x3F));
        return 2;
    }
    if (r < 0x10000) {
        buf[0] = (unsigned char)(0xE0 | (r >> 12));
        buf[1] = (unsigned char)(0x80 | ((r >> 6) & 0x3F));
        buf[2] = (unsigned char)(0x80 | (r & 0x3F));
        return 3;
    }
    buf[0] = (unsigned char)(0xF0 | (r >> 18));
    buf[1] = (unsigned char)(0x80 | ((r >> 12) & 0x3F));
    buf[2] = (unsigned char)(0x80 | ((r >> 6) & 0x3F));
    buf[3] = (unsigned char)(0x80 | (r & 0x3F));
    return 4;
}
