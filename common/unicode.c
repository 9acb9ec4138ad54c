// common/unicode.c: Unicode properties and case mapping over the generated
// tables in unicode_tables.c (see unicode.h). ASCII and Latin-1 answer from
// small fast paths; everything else is a binary search.
#include "common/unicode.h"

int uni_in(const UniRange *t, int n, int32_t r) {
    if (r < 0 || n == 0 || (uint32_t)r < t[0].lo || (uint32_t)r > t[n - 1].hi)
        return 0;
    int lo = 0, hi = n;
    while (lo < hi) {
        int m = lo + (hi - lo) / 2;
        if ((uint32_t)r > t[m].hi)
            lo = m + 1;
        else if ((uint32_t)r < t[m].lo)
            hi = m;
        else
            return 1;
    }
    return 0;
}

static inline int ascii_letter(int32_t r) {
    return (unsigned)((r | 0x20) - 'a') < 26;
}

int uni_is_letter(int32_t r) {
    if (r < 0x80)
        return ascii_letter(r);
    return uni_in(uni_letter, uni_letter_len, r);
}

int uni_is_digit(int32_t r) {
    if (r < 0x80)
        return (unsigned)(r - '0') < 10;
    return uni_in(uni_digit, uni_digit_len, r);
}

int uni_is_number(int32_t r) {
    if (r < 0x80)
        return (unsigned)(r - '0') < 10;
    return uni_in(uni_number, uni_number_len, r);
}

int uni_is_upper(int32_t r) {
    if (r < 0x80)
        return (unsigned)(r - 'A') < 26;
    return uni_in(uni_upper, uni_upper_len, r);
}

int uni_is_lower(int32_t r) {
    if (r < 0x80)
        return (unsigned)(r - 'a') < 26;
    return uni_in(uni_lower, uni_lower_len, r);
}

int uni_is_title(int32_t r) {
    if (r < 0x80)
        return 0;
    return uni_in(uni_title, uni_title_len, r);
}

int uni_is_mark(int32_t r) {
    return uni_in(uni_mark, uni_mark_len, r);
}

int uni_is_punct(int32_t r) {
    return uni_in(uni_punct, uni_punct_len, r);
}

int uni_is_symbol(int32_t r) {
    return uni_in(uni_symbol, uni_symbol_len, r);
}

int uni_is_control(int32_t r) {
    return uni_in(uni_control, uni_control_len, r);
}

int uni_is_space(int32_t r) {
    if (r >= 0 && r <= 0xFF) {
        switch (r) {
        case '\t': case '\n': case '\v': case '\f': case '\r': case ' ':
        case 0x85: case 0xA0:
            return 1;
        }
        return 0;
    }
    return uni_in(uni_white_space, uni_white_space_len, r);
}

int uni_is_print(int32_t r) {
    if (r < 0x80)
        return r >= 0x20 && r < 0x7F;
    return uni_is_letter(r) || uni_is_mark(r) || uni_is_number(r) ||
           uni_is_punct(r) || uni_is_symbol(r);
}

int uni_is_graphic(int32_t r) {
    return uni_is_print(r) || uni_in(uni_zs, uni_zs_len, r);
}

// to_case maps r by the case table; which is UNI_UPPER, UNI_LOWER or UNI_TITLE.
static int32_t to_case(int which, int32_t r) {
    if (r < 0 || r > 0x10FFFF)
        return r;
    int lo = 0, hi = uni_case_len;
    while (lo < hi) {
        int m = lo + (hi - lo) / 2;
        const UniCaseRange *c = &uni_case[m];
        if ((uint32_t)r > c->hi) {
            lo = m + 1;
        } else if ((uint32_t)r < c->lo) {
            hi = m;
        } else {
            int32_t d = c->delta[which];
            if (d == UNI_UPPER_LOWER) {
                // Pairs start at even offsets: upper is the even member,
                // lower the odd one, and title case equals upper case.
                int32_t base = (int32_t)c->lo + ((r - (int32_t)c->lo) & ~1);
                return which == UNI_LOWER ? base + 1 : base;
            }
            return r + d;
        }
    }
    return r;
}

int32_t uni_to_upper(int32_t r) {
    if (r < 0x80)
        return (unsigned)(r - 'a') < 26 ? r - 32 : r;
    return to_case(UNI_UPPER, r);
}

int32_t uni_to_lower(int32_t r) {
    if (r < 0x80)
        return (unsigned)(r - 'A') < 26 ? r + 32 : r;
    return to_case(UNI_LOWER, r);
}

int32_t uni_to_title(int32_t r) {
    if (r < 0x80)
        return (unsigned)(r - 'a') < 26 ? r - 32 : r;
    return to_case(UNI_TITLE, r);
}
