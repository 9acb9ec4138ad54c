// lexer/number.c: scanning number literals by gc's rules (see lexer/scan.h).
// lexer/scan.re sees where a number starts; num_scan takes the characters
// gc's scanner takes (through the Reader, so that bytes gc skips are skipped
// here too) and reports the first rule the literal breaks, in gc's words and
// at gc's column.
#include "lexer/scan.h"

// lower folds an ASCII letter to lower case; its result is only compared
// with letters.
static inline int32_t lower(int32_t c) {
    return c | 0x20;
}

static inline int is_decimal(int32_t c) {
    return c >= '0' && c <= '9';
}

static inline int is_hex(int32_t c) {
    return is_decimal(c) || (lower(c) >= 'a' && lower(c) <= 'f');
}

static const char *base_name(int base) {
    switch (base) {
    case 2: return "binary";
    case 8: return "octal";
    case 16: return "hexadecimal";
    }
    return "decimal";
}

// Bits of what a run of digits held.
enum { HAD_DIGIT = 1, HAD_SEP = 2 };

// digits consumes digits of base and '_' and says what it saw. For bases
// up to 10 it takes every decimal digit, recording in *invalid the first
// one too large for the base (if *invalid is still NULL).
static int digits(Reader *r, int base, const uchar **invalid) {
    int seen = 0;
    for (;; lex_rd_next(r)) {
        int32_t c = r->ch;
        if (c == '_') {
            seen |= HAD_SEP;
        } else if (base <= 10 ? is_decimal(c) : is_hex(c)) {
            seen |= HAD_DIGIT;
            if (base < 10 && c >= '0' + base && !*invalid)
                *invalid = r->p;
        } else {
            return seen;
        }
    }
}

// bad_separator returns the offset of the first '_' in the n bytes at s
// that does not stand between two digits (a base prefix counts as a
// digit), or -1.
static int bad_separator(const uchar *s, int n) {
    int hex = 0, i = 0;
    char prev = '.';    // what came before: '0' a digit, '_', '.' anything else
    if (n >= 2 && s[0] == '0') {
        int x = lower(s[1]);
        if (x == 'x' || x == 'o' || x == 'b') {
            hex = x == 'x';
            prev = '0';
            i = 2;
        }
    }
    for (; i < n; i++) {
        int c = s[i];
        if (c == '_') {
            if (prev != '0')
                return i;
            prev = '_';
        } else if (is_decimal(c) || (hex && is_hex(c))) {
            prev = '0';
        } else {
            if (prev == '_')
                return i - 1;
            prev = '.';
        }
    }
    return prev == '_' ? n - 1 : -1;
}

const uchar *num_scan(Lexer *lx, const uchar *s, TokenKind *kind, int *bad) {
    Reader r = lex_rd_start(lx, s);
    TokenKind k = T_INT;
    int base = 10;
    int prefix = 0;                 // 0 decimal, '0' legacy octal, or 'x', 'o', 'b'
    int seen = 0;                   // HAD_DIGIT | HAD_SEP over the mantissa
    const uchar *invalid = NULL;    // a digit too large for the base
    int ok = 1;

    int point = r.ch == '.';
    if (point) {
        lex_rd_next(&r);
    } else {
        if (r.ch == '0') {
            lex_rd_next(&r);
            switch (lower(r.ch)) {
            case 'x': lex_rd_next(&r); base = 16; prefix = 'x'; break;
            case 'o': lex_rd_next(&r); base = 8; prefix = 'o'; break;
            case 'b': lex_rd_next(&r); base = 2; prefix = 'b'; break;
            default: base = 8; prefix = '0'; seen = HAD_DIGIT; break;
            }
        }
        seen |= digits(&r, base, &invalid);
        if (r.ch == '.') {
            if (prefix == 'o' || prefix == 'b') {
                lex_error(lx, lex_rd_pos(&r), "invalid radix point in %s literal", base_name(base));
                ok = 0;
            }
            lex_rd_next(&r);
            point = 1;
        }
    }
    if (point) {
        k = T_FLOAT;
        seen |= digits(&r, base, &invalid);
    }
    if (!(seen & HAD_DIGIT) && ok) {
        lex_error(lx, lex_rd_pos(&r), "%s literal has no digits", base_name(base));
        ok = 0;
    }

    int x = lower(r.ch);
    if (x == 'e' || x == 'p') {
        if (ok && x == 'e' && prefix != 0 && prefix != '0') {
            lex_error(lx, lex_rd_pos(&r), "'%c' exponent requires decimal mantissa", (char)r.ch);
            ok = 0;
        } else if (ok && x == 'p' && prefix != 'x') {
            lex_error(lx, lex_rd_pos(&r), "'%c' exponent requires hexadecimal mantissa", (char)r.ch);
            ok = 0;
        }
        lex_rd_next(&r);
        k = T_FLOAT;
        if (r.ch == '+' || r.ch == '-')
            lex_rd_next(&r);
        const uchar *unused = NULL;
        int exp = digits(&r, 10, &unused);
        seen = exp | (seen & HAD_SEP);
        if (!(exp & HAD_DIGIT) && ok) {
            lex_error(lx, lex_rd_pos(&r), "exponent has no digits");
            ok = 0;
        }
    } else if (prefix == 'x' && k == T_FLOAT && ok) {
        lex_error(lx, lex_rd_pos(&r), "hexadecimal mantissa requires a 'p' exponent");
        ok = 0;
    }
    if (r.ch == 'i') {
        k = T_IMAG;
        lex_rd_next(&r);
    }

    // The literal is s..r.p, bad bytes gc skipped included, as in gc.
    Pos pos = lex_pos(lx, s);
    if (k == T_INT && invalid && ok) {
        pos.col += (int)(invalid - s);
        lex_error(lx, pos, "invalid digit '%c' in %s literal", *invalid, base_name(base));
        ok = 0;
    }
    if ((seen & HAD_SEP) && ok) {
        int i = bad_separator(s, (int)(r.p - s));
        if (i >= 0) {
            pos.col += i;
            lex_error(lx, pos, "'_' must separate successive digits");
            ok = 0;
        }
    }
    *kind = k;
    *bad = !ok;
    return r.p;
}
