// tests/unit/unicode.c: criterion tests of the Unicode tables and functions
// (common/unicode.c over the generated common/unicode_tables.c) and of the
// UTF-8 codec (common/utf8.c).
//
// Expected values were cross-checked against Python 3.11's unicodedata
// (Unicode 14.0.0) and Go 1.19's unicode package (13.0.0) for characters
// those versions know, and against UnicodeData.txt 15.0.0 for characters
// added in 15.0. A full comparison with Go 1.19 over every code point differed
// only at the 5318 code points DerivedAge.txt dates 14.0 or 15.0. The UTF-8
// decoder agreed with Go's utf8.DecodeRune on every 3-byte prefix.
#include "common/unicode.h"
#include "common/utf8.h"

#include <criterion/criterion.h>
#include <string.h>

Test(uni, version) {
    cr_expect_str_eq(uni_version, "15.0.0");
}

// Each table is sorted, and its ranges neither overlap nor touch.
Test(uni, tables_well_formed) {
    static const struct {
        const char *name;
        const UniRange *t;
        const int *n;
    } tabs[] = {
        {"letter", uni_letter, &uni_letter_len}, {"upper", uni_upper, &uni_upper_len},
        {"lower", uni_lower, &uni_lower_len}, {"title", uni_title, &uni_title_len},
        {"mark", uni_mark, &uni_mark_len}, {"digit", uni_digit, &uni_digit_len},
        {"number", uni_number, &uni_number_len}, {"punct", uni_punct, &uni_punct_len},
        {"symbol", uni_symbol, &uni_symbol_len}, {"control", uni_control, &uni_control_len},
        {"zs", uni_zs, &uni_zs_len}, {"white_space", uni_white_space, &uni_white_space_len},
    };
    for (size_t i = 0; i < sizeof tabs / sizeof tabs[0]; i++) {
        const UniRange *t = tabs[i].t;
        int n = *tabs[i].n;
        cr_expect_gt(n, 0, "%s is empty", tabs[i].name);
        for (int k = 0; k < n; k++) {
            cr_expect_leq(t[k].lo, t[k].hi, "%s[%d]", tabs[i].name, k);
            cr_expect_leq(t[k].hi, 0x10FFFF, "%s[%d]", tabs[i].name, k);
            if (k > 0)
                cr_expect_gt(t[k].lo, t[k - 1].hi + 1, "%s[%d]", tabs[i].name, k);
        }
    }
    for (int k = 1; k < uni_case_len; k++)
        cr_expect_gt(uni_case[k].lo, uni_case[k - 1].hi, "case[%d]", k);
}

Test(uni, letters) {
    static const int32_t yes[] = {
        'a', 'Z', 0xAA, 0xB5, 0xE9, 0x3B1, 0x416, 0x5D0, 0x627, 0x4E00, 0x65E5,
        0x9FFF,     // CJK, beyond re2c's Unicode 7.0 data
        0x1C5,      // Lt
        0x2B0,      // Lm
        0x10570,    // Vithkuqi, 14.0
        0x1CFA,     // Lo since 12.0
        0x1E030,    // Lm, 15.0
        0x11F04,    // Kawi, 15.0
        0x31350,    // CJK Extension H, 15.0
        0x323AF,    // its last
    };
    static const int32_t no[] = {
        '_', '0', '9', ' ', '@', 0x7F, 0xA0, 0xD7, 0x300, 0x301, 0x663, 0x20AC,
        0x2160, 0x3000, 0x1F600, 0xFEFF, 0xD800, 0x10FFFF, -1, 0x110000, 0x323B0,
    };
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        cr_expect(uni_is_letter(yes[i]), "U+%04X is a letter", (unsigned)yes[i]);
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        cr_expect(!uni_is_letter(no[i]), "U+%04X is not a letter", (unsigned)no[i]);
}

Test(uni, digits_and_numbers) {
    static const int32_t digits[] = {'0', '9', 0x663, 0x966, 0xFF10, 0x1D7CE, 0x1E4F0 /* 15.0 */};
    for (size_t i = 0; i < sizeof digits / sizeof digits[0]; i++) {
        cr_expect(uni_is_digit(digits[i]), "U+%04X is a digit", (unsigned)digits[i]);
        cr_expect(uni_is_number(digits[i]), "U+%04X is a number", (unsigned)digits[i]);
        cr_expect(!uni_is_letter(digits[i]));
    }
    // Nl and No are numbers but not digits.
    static const int32_t numbers[] = {0x2160, 0xB2, 0xBD, 0x2460};
    for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
        cr_expect(uni_is_number(numbers[i]), "U+%04X is a number", (unsigned)numbers[i]);
        cr_expect(!uni_is_digit(numbers[i]), "U+%04X is not a digit", (unsigned)numbers[i]);
    }
    cr_expect(!uni_is_digit('a'));
    cr_expect(!uni_is_digit('/'));
    cr_expect(!uni_is_digit(':'));
}

Test(uni, categories) {
    cr_expect(uni_is_upper('A') && !uni_is_upper('a') && uni_is_upper(0xC9) && uni_is_upper(0x10570));
    cr_expect(uni_is_lower('a') && !uni_is_lower('A') && uni_is_lower(0xDF) && uni_is_lower(0x10597));
    cr_expect(uni_is_title(0x1C5) && !uni_is_title('A') && !uni_is_upper(0x1C5));
    cr_expect(uni_is_mark(0x301) && uni_is_mark(0x903) && !uni_is_mark('a'));
    cr_expect(uni_is_punct('!') && uni_is_punct(0xBF) && uni_is_punct(0x3001) && !uni_is_punct('+'));
    cr_expect(uni_is_symbol('+') && uni_is_symbol(0x20AC) && uni_is_symbol(0x1F600) && !uni_is_symbol('!'));
    cr_expect(uni_is_control(0) && uni_is_control(0x1F) && uni_is_control(0x85) && !uni_is_control(' '));
}

// uni_is_space is Go's unicode.IsSpace.
Test(uni, space) {
    static const int32_t yes[] = {'\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xA0, 0x1680,
                                  0x2000, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000};
    static const int32_t no[] = {0, 'a', 0x1C, 0x1F, 0x180E, 0x200B, 0xFEFF};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        cr_expect(uni_is_space(yes[i]), "U+%04X is space", (unsigned)yes[i]);
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        cr_expect(!uni_is_space(no[i]), "U+%04X is not space", (unsigned)no[i]);
}

// uni_is_print decides how %#U prints a rune in gc's messages.
Test(uni, print_and_graphic) {
    cr_expect(uni_is_print(' ') && uni_is_print('@') && uni_is_print(0x20AC) && uni_is_print(0x301));
    cr_expect(!uni_is_print(0x7F) && !uni_is_print('\n') && !uni_is_print(0xA0) && !uni_is_print(0x200B));
    cr_expect(!uni_is_print(0x3000) && uni_is_graphic(0x3000) && uni_is_graphic(0xA0));
    cr_expect(!uni_is_print(0xD800) && !uni_is_print(0xE000));
}

Test(uni, case_mapping) {
    static const struct {
        int32_t r, upper, lower, title;
    } cases[] = {
        {'a', 'A', 'a', 'A'},
        {'A', 'A', 'a', 'A'},
        {'0', '0', '0', '0'},
        {0xE9, 0xC9, 0xE9, 0xC9},           // é
        {0xFF, 0x178, 0xFF, 0x178},         // ÿ
        {0xDF, 0xDF, 0xDF, 0xDF},           // ß: no simple upper case
        {0xB5, 0x39C, 0xB5, 0x39C},         // µ
        {0x100, 0x100, 0x101, 0x100},       // an alternating run
        {0x101, 0x100, 0x101, 0x100},
        {0x12F, 0x12E, 0x12F, 0x12E},
        {0x130, 0x130, 'i', 0x130},         // İ
        {0x131, 'I', 0x131, 'I'},           // ı
        {0x1C4, 0x1C4, 0x1C6, 0x1C5},       // Ǆ ǅ ǆ
        {0x1C5, 0x1C4, 0x1C6, 0x1C5},
        {0x1C6, 0x1C4, 0x1C6, 0x1C5},
        {0x3A3, 0x3A3, 0x3C3, 0x3A3},       // Σ
        {0x3C2, 0x3A3, 0x3C2, 0x3A3},       // ς
        {0x416, 0x416, 0x436, 0x416},       // Ж
        {0x10A0, 0x10A0, 0x2D00, 0x10A0},   // Georgian
        {0x10D0, 0x1C90, 0x10D0, 0x10D0},   // Mkhedruli: title is itself
        {0x1E9E, 0x1E9E, 0xDF, 0x1E9E},     // ẞ
        {0x2C65, 0x23A, 0x2C65, 0x23A},
        {0xFF41, 0xFF21, 0xFF41, 0xFF21},   // fullwidth a
        {0x10570, 0x10570, 0x10597, 0x10570},   // Vithkuqi, 14.0
        {0x1E900, 0x1E900, 0x1E922, 0x1E900},   // Adlam
        {0x1E922, 0x1E900, 0x1E922, 0x1E900},
        {0x4E00, 0x4E00, 0x4E00, 0x4E00},
        {-1, -1, -1, -1},
        {0x110000, 0x110000, 0x110000, 0x110000},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int32_t r = cases[i].r;
        cr_expect_eq(uni_to_upper(r), cases[i].upper, "upper U+%04X: %X", (unsigned)r,
                     (unsigned)uni_to_upper(r));
        cr_expect_eq(uni_to_lower(r), cases[i].lower, "lower U+%04X: %X", (unsigned)r,
                     (unsigned)uni_to_lower(r));
        cr_expect_eq(uni_to_title(r), cases[i].title, "title U+%04X: %X", (unsigned)r,
                     (unsigned)uni_to_title(r));
    }
}

// ---- UTF-8 ----

Test(utf8, decode) {
    static const struct {
        const char *s;
        size_t n;
        int32_t r;
        int w;
    } cases[] = {
        {"", 0, UTF8_RUNE_ERROR, 0},
        {"a", 1, 'a', 1},
        {"\0", 1, 0, 1},
        {"\x7F", 1, 0x7F, 1},
        {"\xC2\x80", 2, 0x80, 2},
        {"\xC3\xA9", 2, 0xE9, 2},
        {"\xDF\xBF", 2, 0x7FF, 2},
        {"\xE0\xA0\x80", 3, 0x800, 3},
        {"\xE6\x97\xA5", 3, 0x65E5, 3},
        {"\xED\x9F\xBF", 3, 0xD7FF, 3},
        {"\xEE\x80\x80", 3, 0xE000, 3},
        {"\xEF\xBB\xBF", 3, 0xFEFF, 3},
        {"\xEF\xBF\xBD", 3, 0xFFFD, 3},     // RuneError itself, encoded
        {"\xEF\xBF\xBF", 3, 0xFFFF, 3},
        {"\xF0\x90\x80\x80", 4, 0x10000, 4},
        {"\xF0\x9F\x98\x80", 4, 0x1F600, 4},
        {"\xF4\x8F\xBF\xBF", 4, 0x10FFFF, 4},
        // Invalid: each is RuneError of width 1.
        {"\x80", 1, UTF8_RUNE_ERROR, 1},            // lone continuation
        {"\xBF", 1, UTF8_RUNE_ERROR, 1},
        {"\xC0\x80", 2, UTF8_RUNE_ERROR, 1},        // overlong NUL
        {"\xC1\xBF", 2, UTF8_RUNE_ERROR, 1},        // overlong
        {"\xE0\x9F\xBF", 3, UTF8_RUNE_ERROR, 1},    // overlong
        {"\xF0\x8F\xBF\xBF", 4, UTF8_RUNE_ERROR, 1},// overlong
        {"\xED\xA0\x80", 3, UTF8_RUNE_ERROR, 1},    // surrogate U+D800
        {"\xED\xBF\xBF", 3, UTF8_RUNE_ERROR, 1},    // surrogate U+DFFF
        {"\xF4\x90\x80\x80", 4, UTF8_RUNE_ERROR, 1},// U+110000
        {"\xF5\x80\x80\x80", 4, UTF8_RUNE_ERROR, 1},
        {"\xFF", 1, UTF8_RUNE_ERROR, 1},
        {"\xC3", 1, UTF8_RUNE_ERROR, 1},            // truncated
        {"\xE6\x97", 2, UTF8_RUNE_ERROR, 1},
        {"\xF0\x9F\x98", 3, UTF8_RUNE_ERROR, 1},
        {"\xC3\x28", 2, UTF8_RUNE_ERROR, 1},        // bad continuation
        {"\xE6\x97\x28", 3, UTF8_RUNE_ERROR, 1},
        {"\xF0\x9F\x98\x28", 4, UTF8_RUNE_ERROR, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int w = -1;
        int32_t r = utf8_decode((const unsigned char *)cases[i].s, cases[i].n, &w);
        cr_expect_eq(r, cases[i].r, "case %zu: rune %X", i, (unsigned)r);
        cr_expect_eq(w, cases[i].w, "case %zu: width %d", i, w);
    }
}

Test(utf8, encode) {
    static const struct {
        int32_t r;
        const char *s;
        int n;
    } cases[] = {
        {0, "\0", 1}, {'a', "a", 1}, {0x7F, "\x7F", 1}, {0x80, "\xC2\x80", 2},
        {0x7FF, "\xDF\xBF", 2}, {0x800, "\xE0\xA0\x80", 3}, {0x65E5, "\xE6\x97\xA5", 3},
        {0xFFFF, "\xEF\xBF\xBF", 3}, {0x10000, "\xF0\x90\x80\x80", 4},
        {0x10FFFF, "\xF4\x8F\xBF\xBF", 4},
        // Not code points: written as RuneError.
        {0xD800, "\xEF\xBF\xBD", 3}, {0xDFFF, "\xEF\xBF\xBD", 3},
        {0x110000, "\xEF\xBF\xBD", 3}, {-1, "\xEF\xBF\xBD", 3},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        unsigned char buf[UTF8_UTF_MAX];
        int n = utf8_encode(buf, cases[i].r);
        cr_expect_eq(n, cases[i].n, "U+%04X: %d bytes", (unsigned)cases[i].r, n);
        cr_expect_eq(memcmp(buf, cases[i].s, (size_t)cases[i].n), 0, "U+%04X", (unsigned)cases[i].r);
    }
}

Test(utf8, rune_len_and_round_trip) {
    cr_expect_eq(utf8_rune_len(0), 1);
    cr_expect_eq(utf8_rune_len(0x7F), 1);
    cr_expect_eq(utf8_rune_len(0x80), 2);
    cr_expect_eq(utf8_rune_len(0x800), 3);
    cr_expect_eq(utf8_rune_len(0xD800), -1);
    cr_expect_eq(utf8_rune_len(0x10000), 4);
    cr_expect_eq(utf8_rune_len(0x110000), -1);
    cr_expect_eq(utf8_rune_len(-5), -1);
    // Every code point survives encode then decode.
    for (int32_t r = 0; r <= UTF8_MAX_RUNE; r++) {
        if (!utf8_valid_rune(r))
            continue;
        unsigned char buf[UTF8_UTF_MAX];
        int n = utf8_encode(buf, r), w;
        int32_t back = utf8_decode(buf, (size_t)n, &w);
        if (back != r || w != n || n != utf8_rune_len(r)) {
            cr_expect_fail("U+%04X does not round-trip", (unsigned)r);
            break;
        }
    }
}
