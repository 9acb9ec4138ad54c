// lexer/scan.h: the scanner's private parts, shared by lexer/scan.re (the
// re2c fast path), lexer/slow.c (malformed or unusual input, scanned the way
// gc's reader does) and lexer/number.c (gc's rules for number literals).
// Nothing outside lexer/ includes it; the interface is lexer/lex.h.
#ifndef GOLI_SCAN_H
#define GOLI_SCAN_H

#include "lexer/lex.h"

#include <stdint.h>

typedef unsigned char uchar;

// Lexer is the scanner's state between tokens. Lines are tracked by the
// code that consumes a newline: the re2c rules for "\n", raw strings and
// comments, and rd_next in slow.c.
struct Lexer {
    const uchar *base;      // the source text
    const uchar *end;       // base + len: the NUL sentinel
    const uchar *cur;       // where the next token's scan begins
    const uchar *bol;       // first byte of line `line`
    int line;               // 1-based line number of cur
    int nlsemi;             // the last token may end a statement: a newline
                            // or EOF now yields a semicolon
    const char *path;       // file name for errors
    Diag *diag;
};

// Pos is a 1-based line and byte column.
typedef struct Pos {
    int line, col;
} Pos;

// lex_pos returns the position of p, which must lie on the current line.
static inline Pos lex_pos(const Lexer *lx, const uchar *p) {
    Pos pos = { lx->line, (int)(p - lx->bol) + 1 };
    return pos;
}

// lex_error reports msg at pos.
void lex_error(Lexer *lx, Pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

// ---- Reading characters as gc does (lexer/slow.c) ----
// gc reads its input through a character reader that reports and skips a
// NUL, an invalid UTF-8 sequence and a BOM wherever they occur, even inside
// literals and comments. Reader does the same, for the code below that
// scans character by character.

// Reader holds the current character, as gc's source.ch: ch starts at p
// and is w bytes long; ch is -1 at EOF.
typedef struct Reader {
    Lexer *lx;
    const uchar *p;
    int32_t ch;
    int w;
} Reader;

// lex_rd_load makes the character at p current, first reporting and
// skipping the bytes gc's reader refuses.
void lex_rd_load(Reader *r, const uchar *p);

// lex_rd_start begins reading at p.
static inline Reader lex_rd_start(Lexer *lx, const uchar *p) {
    Reader r;
    r.lx = lx;
    lex_rd_load(&r, p);
    return r;
}

// lex_rd_next consumes the current character, counting a newline.
static inline void lex_rd_next(Reader *r) {
    const uchar *p = r->p + r->w;
    if (r->ch == '\n') {
        r->lx->line++;
        r->lx->bol = p;
    }
    if (*p - 1u < 0x7Fu) {      // ASCII but not NUL
        r->p = p;
        r->ch = *p;
        r->w = 1;
        return;
    }
    lex_rd_load(r, p);
}

// lex_rd_pos is the position of the current character.
static inline Pos lex_rd_pos(const Reader *r) {
    return lex_pos(r->lx, r->p);
}

// ---- Slow paths (lexer/slow.c) ----
// Each takes the token's first byte and position, reports gc's errors, and
// returns the end of the token; *bad is set when an error was reported
// for the literal itself.

const uchar *slow_string(Lexer *lx, const uchar *tok, Pos pos, int *bad);
const uchar *slow_rune(Lexer *lx, const uchar *tok, Pos pos, int *bad);
const uchar *slow_raw_string(Lexer *lx, const uchar *tok, Pos pos, int *bad);
// slow_line_comment continues a // comment at p (a byte the fast rule
// refused) and returns the position of the newline or EOF that ends it.
const uchar *slow_line_comment(Lexer *lx, const uchar *p);
// slow_block_comment scans a /* comment from tok and returns its end.
const uchar *slow_block_comment(Lexer *lx, const uchar *tok, Pos pos);
// slow_ident_rest continues an identifier at p, where a byte at or above
// 0x80 or a NUL inside the file follows its ASCII part.
const uchar *slow_ident_rest(Lexer *lx, const uchar *p);
// slow_nonascii handles a token starting at p with a byte >= 0x80. Bad
// bytes (invalid UTF-8, a BOM) are reported and skipped; if an identifier
// starts after them, *start is set to it and its end returned; otherwise
// *start is NULL and the return value is where scanning resumes.
const uchar *slow_nonascii(Lexer *lx, const uchar *p, const uchar **start);
// slow_bad_char reports the ASCII character at p as gc's "invalid character".
void slow_bad_char(Lexer *lx, const uchar *p);
// slow_count_lines advances the line count over the newlines in [p, e) and
// reports whether there was one.
int slow_count_lines(Lexer *lx, const uchar *p, const uchar *e);

// ---- Numbers (lexer/number.c) ----

// num_scan scans the number literal starting at s (a digit, or a '.' before
// a digit) as gc does, reports the first rule it breaks, and returns its end.
// *kind is set to T_INT, T_FLOAT or T_IMAG, and *bad when it reported an
// error.
const uchar *num_scan(Lexer *lx, const uchar *s, TokenKind *kind, int *bad);

#endif
