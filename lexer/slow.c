// lexer/slow.c: the scanner's slow paths (see lexer/scan.h). lexer/scan.re
// matches well-formed tokens whole; when a literal, comment or identifier is
// malformed or holds unusual bytes, its action calls here, and the text is
// rescanned one character at a time with the rules of gc's scanner
// (cmd/compile/internal/syntax, Go 1.19), so that the errors, their wording
// and their columns are gc's.
//
// The Reader (lexer/scan.h) skips the bytes gc's reader refuses, with gc's
// errors, wherever they occur.
#include "lexer/scan.h"
#include "common/unicode.h"
#include "common/utf8.h"

#include <stdio.h>
#include <string.h>

// ---- Reading characters ----

void lex_rd_load(Reader *r, const uchar *p) {
    Lexer *lx = r->lx;
    for (;;) {
        uchar c = *p;
        if (c != 0 && c < 0x80) {
            r->p = p;
            r->ch = c;
            r->w = 1;
            return;
        }
        if (c == 0) {
            if (p == lx->end) {
                r->p = p;
                r->ch = -1;
                r->w = 0;
                return;
            }
            lex_error(lx, lex_pos(lx, p), "invalid NUL character");
            p++;
            continue;
        }
        int w;
        int32_t ch = utf8_decode(p, (size_t)(lx->end - p), &w);
        if (ch == UTF8_RUNE_ERROR && w == 1) {
            lex_error(lx, lex_pos(lx, p), "invalid UTF-8 encoding");
            p++;
            continue;
        }
        if (ch == 0xFEFF) {
            if (p != lx->base)
                lex_error(lx, lex_pos(lx, p), "invalid BOM in the middle of the file");
            p += w;
            continue;
        }
        r->p = p;
        r->ch = ch;
        r->w = w;
        return;
    }
}

int slow_count_lines(Lexer *lx, const uchar *p, const uchar *e) {
    int any = 0;
    const uchar *nl;
    while ((nl = memchr(p, '\n', (size_t)(e - p))) != NULL) {
        lx->line++;
        lx->bol = nl + 1;
        p = nl + 1;
        any = 1;
    }
    return any;
}

// ---- Formatting characters as gc does ----

// fmt_U writes r as Go's %#U: "U+0040 '@'", or just "U+0000" for a
// character strconv.IsPrint rejects.
static const char *fmt_U(char *buf, size_t n, int32_t r) {
    int k = snprintf(buf, n, "U+%04X", (unsigned)r);
    if (uni_is_print(r) && utf8_valid_rune(r)) {
        uchar u[UTF8_UTF_MAX];
        int w = utf8_encode(u, r);
        snprintf(buf + k, n - (size_t)k, " '%.*s'", w, (const char *)u);
    }
    return buf;
}

// named_escape returns the letter of C's escape for control character c
// ('n' for a newline), or 0.
static char named_escape(int32_t c) {
    switch (c) {
    case '\a': return 'a';
    case '\b': return 'b';
    case '\f': return 'f';
    case '\n': return 'n';
    case '\r': return 'r';
    case '\t': return 't';
    case '\v': return 'v';
    }
    return 0;
}

// fmt_q writes r as Go's %q of a rune (strconv.QuoteRune): in single quotes,
// printable characters as themselves, others as an escape.
static const char *fmt_q(char *buf, size_t n, int32_t r) {
    if (r == '\'' || r == '\\') {
        snprintf(buf, n, "'\\%c'", (char)r);
    } else if (uni_is_print(r)) {
        uchar u[UTF8_UTF_MAX];
        int w = utf8_encode(u, r);
        snprintf(buf, n, "'%.*s'", w, (const char *)u);
    } else if (named_escape(r)) {
        snprintf(buf, n, "'\\%c'", named_escape(r));
    } else if (r < ' ' || r == 0x7F) {
        snprintf(buf, n, "'\\x%02x'", (unsigned)r);
    } else if (r < 0x10000) {
        snprintf(buf, n, "'\\u%04x'", (unsigned)r);
    } else {
        snprintf(buf, n, "'\\U%08x'", (unsigned)r);
    }
    return buf;
}

void slow_bad_char(Lexer *lx, const uchar *p) {
    char b[32];
    lex_error(lx, lex_pos(lx, p), "invalid character %s", fmt_U(b, sizeof b, *p));
}

// ---- Identifiers ----

static inline int ascii_ident_char(int32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           (c >= '0' && c <= '9');
}

// check_ident_char checks the non-ASCII character at r, which belongs to an
// identifier whatever it is, as in gc: what is neither a letter nor a digit
// is reported, and so is a digit that comes first.
static void check_ident_char(const Reader *r, int first) {
    char b[32];
    if (uni_is_letter(r->ch))
        return;
    if (uni_is_digit(r->ch)) {
        if (first)
            lex_error(r->lx, lex_rd_pos(r), "identifier cannot begin with digit %s",
                      fmt_U(b, sizeof b, r->ch));
        return;
    }
    lex_error(r->lx, lex_rd_pos(r), "invalid character %s in identifier", fmt_U(b, sizeof b, r->ch));
}

const uchar *slow_ident_rest(Lexer *lx, const uchar *p) {
    Reader r = lex_rd_start(lx, p);
    for (;;) {
        if (r.ch >= 0x80)
            check_ident_char(&r, 0);
        else if (r.ch < 0 || !ascii_ident_char(r.ch))
            break;
        lex_rd_next(&r);
    }
    return r.p;
}

const uchar *slow_nonascii(Lexer *lx, const uchar *p, const uchar **start) {
    Reader r = lex_rd_start(lx, p);
    if (r.ch < 0x80) {     // only bad bytes: scanning resumes after them
        *start = NULL;
        return r.p;
    }
    *start = r.p;
    check_ident_char(&r, 1);
    lex_rd_next(&r);
    return slow_ident_rest(lx, r.p);
}

// ---- Escapes, strings and runes ----

// escape checks the escape after a backslash (r is at the character after
// it) in a literal quoted by quote, consuming it. It returns 0 after
// reporting an error. At EOF it returns 1: the caller reports that.
static int escape(Reader *r, int32_t quote) {
    char b[32];
    int n;
    uint32_t base, max;
    switch (r->ch) {
    case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\':
        lex_rd_next(r);
        return 1;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        n = 3, base = 8, max = 255;
        break;
    case 'x':
        lex_rd_next(r);
        n = 2, base = 16, max = 255;
        break;
    case 'u':
        lex_rd_next(r);
        n = 4, base = 16, max = UTF8_MAX_RUNE;
        break;
    case 'U':
        lex_rd_next(r);
        n = 8, base = 16, max = UTF8_MAX_RUNE;
        break;
    default:
        if (r->ch == quote) {
            lex_rd_next(r);
            return 1;
        }
        if (r->ch < 0)
            return 1;
        lex_error(r->lx, lex_rd_pos(r), "unknown escape");
        return 0;
    }
    uint32_t x = 0;
    for (int i = 0; i < n; i++) {
        if (r->ch < 0)
            return 1;
        uint32_t d = base;
        int32_t c = r->ch;
        if (c >= '0' && c <= '9')
            d = (uint32_t)(c - '0');
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
            d = (uint32_t)((c | 0x20) - 'a' + 10);
        if (d >= base) {
            lex_error(r->lx, lex_rd_pos(r), "invalid character %s in %s escape",
                      fmt_q(b, sizeof b, c), base == 8 ? "octal" : "hexadecimal");
            return 0;
        }
        x = x * base + d;
        lex_rd_next(r);
    }
    if (base == 8 && x > max) {
        lex_error(r->lx, lex_rd_pos(r), "octal escape value %u > 255", (unsigned)x);
        return 0;
    }
    if (x > max || (x >= 0xD800 && x < 0xE000)) {
        lex_error(r->lx, lex_rd_pos(r), "escape is invalid Unicode code point %s",
                  fmt_U(b, sizeof b, (int32_t)x));
        return 0;
    }
    return 1;
}

const uchar *slow_string(Lexer *lx, const uchar *tok, Pos pos, int *bad) {
    Reader r = lex_rd_start(lx, tok + 1);
    for (;;) {
        if (r.ch == '"') {
            lex_rd_next(&r);
            break;
        }
        if (r.ch == '\\') {
            lex_rd_next(&r);
            if (!escape(&r, '"'))
                *bad = 1;
            continue;
        }
        if (r.ch == '\n') {
            lex_error(lx, lex_rd_pos(&r), "newline in string");
            *bad = 1;
            break;
        }
        if (r.ch < 0) {
            lex_error(lx, pos, "string not terminated");
            *bad = 1;
            break;
        }
        lex_rd_next(&r);
    }
    return r.p;
}

const uchar *slow_rune(Lexer *lx, const uchar *tok, Pos pos, int *bad) {
    Reader r = lex_rd_start(lx, tok + 1);
    // Only the first error in a rune literal is reported, as in gc.
    for (int n = 0;; n++) {
        if (r.ch == '\'') {
            if (!*bad) {
                if (n == 0) {
                    lex_error(lx, lex_rd_pos(&r), "empty rune literal or unescaped '");
                    *bad = 1;
                } else if (n != 1) {
                    lex_error(lx, pos, "more than one character in rune literal");
                    *bad = 1;
                }
            }
            lex_rd_next(&r);
            break;
        }
        if (r.ch == '\\') {
            lex_rd_next(&r);
            if (!escape(&r, '\''))
                *bad = 1;
            continue;
        }
        if (r.ch == '\n') {
            if (!*bad)
                lex_error(lx, lex_rd_pos(&r), "newline in rune literal");
            *bad = 1;
            break;
        }
        if (r.ch < 0) {
            if (!*bad)
                lex_error(lx, pos, "rune literal not terminated");
            *bad = 1;
            break;
        }
        lex_rd_next(&r);
    }
    return r.p;
}

const uchar *slow_raw_string(Lexer *lx, const uchar *tok, Pos pos, int *bad) {
    Reader r = lex_rd_start(lx, tok + 1);
    for (;;) {
        if (r.ch == '`') {
            lex_rd_next(&r);
            break;
        }
        if (r.ch < 0) {
            lex_error(lx, pos, "string not terminated");
            *bad = 1;
            break;
        }
        lex_rd_next(&r);
    }
    return r.p;
}

// ---- Comments ----

const uchar *slow_line_comment(Lexer *lx, const uchar *p) {
    Reader r = lex_rd_start(lx, p);
    while (r.ch >= 0 && r.ch != '\n')
        lex_rd_next(&r);
    return r.p;
}

const uchar *slow_block_comment(Lexer *lx, const uchar *tok, Pos pos) {
    Reader r = lex_rd_start(lx, tok + 2);
    while (r.ch >= 0) {
        while (r.ch == '*') {
            lex_rd_next(&r);
            if (r.ch == '/') {
                lex_rd_next(&r);
                return r.p;
            }
        }
        lex_rd_next(&r);
    }
    lex_error(lx, pos, "comment not terminated");
    return r.p;
}
