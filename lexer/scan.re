// lexer/scan.re: re2c 3.0 input. `re2c -W -Werror -8 --no-generation-date` generates
// $(B)/gen/lexer/scan.c from it (see Makefile); do not edit the generated file.
//
// The Go scanner (lex_new, lex_next; interface in lexer/lex.h). The whole
// file is in memory with a NUL after it, the sentinel that ends every scan.
// Well-formed tokens are matched here in full by the DFA; anything odd
// (a malformed string or rune, a comment with a NUL or bad UTF-8 in it,
// a non-ASCII identifier, an unterminated literal) falls to a shorter rule
// whose action hands the rest to lexer/slow.c, which rescans it the way gc's
// reader does to give gc's errors at gc's columns. Numbers are scanned by
// lexer/number.c, which applies gc's rules as it goes.
//
// Semicolons are inserted as the spec says: after a token that may end a
// statement (identifier, literal, break continue fallthrough return,
// ++ -- ) ] }) a newline, a /* */ comment holding a newline, or EOF yields
// a SEMI of length 0 (semi = SEMI_NEWLINE or SEMI_EOF). As in gc, that
// SEMI sits at the newline, at the start of the comment, or at EOF.
#include "lexer/scan.h"
#include "common/mem.h"

#include <stdarg.h>
#include <string.h>

Lexer *lex_new(const Source *src, Diag *diag) {
    Lexer *lx = mem_new(Lexer);
    lx->base = (const uchar *)src->text;
    lx->end = lx->base + src->len;
    lx->cur = lx->base;
    lx->bol = lx->base;
    lx->line = src->line_base + 1;
    lx->path = src->path;
    lx->diag = diag;
    // A BOM is allowed as the first character only. It is skipped but still
    // counts in the columns of the first line, as in gc.
    if (src->len >= 3 && memcmp(src->text, "\xEF\xBB\xBF", 3) == 0)
        lx->cur += 3;
    return lx;
}

void lex_error(Lexer *lx, Pos pos, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *msg = mem_vsprintf(fmt, ap);
    va_end(ap);
    diag_error(lx->diag, lx->path, pos.line, pos.col, "%s", msg);
}

// token builds the token [tok, cur) of kind k at pos and leaves the lexer
// after it; semi says whether a newline after it inserts a semicolon.
static inline Token token(Lexer *lx, TokenKind k, const uchar *tok, const uchar *cur,
                          Pos pos, int semi) {
    Token t;
    t.kind = k;
    t.line = pos.line;
    t.col = pos.col;
    t.off = (uint32_t)(tok - lx->base);
    t.len = (uint32_t)(cur - tok);
    t.text = (const char *)tok;
    t.semi = SEMI_EXPLICIT;
    t.bad = 0;
    lx->cur = cur;
    lx->nlsemi = semi;
    return t;
}

// inserted builds a semicolon of length 0 at p, of how SEMI_NEWLINE or
// SEMI_EOF; the scan resumes at resume.
static inline Token inserted(Lexer *lx, const uchar *p, Pos pos, int how,
                             const uchar *resume) {
    Token t = token(lx, T_SEMI, p, p, pos, 0);
    t.semi = how;
    lx->cur = resume;
    return t;
}

// continues_ident reports whether the byte at p extends the identifier
// before it although the ASCII rule stopped: any byte >= 0x80 does (a
// letter or digit joins it, anything else joins it with an error, as in
// gc), and so does a NUL inside the file, which gc reports and skips.
static inline int continues_ident(const Lexer *lx, const uchar *p) {
    return *p >= 0x80 || (*p == 0 && p != lx->end);
}

// Inside lex_next only: TOKEN(k) returns the token [tok, cur) of kind k;
// ENDS(k) returns one after which a newline inserts a semicolon;
// KEYWORD(k, semi) does the same unless non-ASCII text continues the word,
// which makes it an identifier; LITERAL(k, bad) returns a literal marked bad.
#define TOKEN(k) return token(lx, (k), tok, cur, lex_pos(lx, tok), 0)
#define ENDS(k) return token(lx, (k), tok, cur, lex_pos(lx, tok), 1)
#define KEYWORD(k, semi)                                     \
    do {                                                     \
        if (continues_ident(lx, cur))                        \
            goto ident_rest;                                 \
        return token(lx, (k), tok, cur, lex_pos(lx, tok), (semi)); \
    } while (0)
#define LITERAL(k, isbad)                                    \
    do {                                                     \
        Token lit_ = token(lx, (k), tok, cur, pos, 1);       \
        lit_.bad = (isbad);                                  \
        return lit_;                                         \
    } while (0)

Token lex_next(Lexer *lx) {
    const uchar *cur = lx->cur, *tok, *YYMARKER;
    int nlsemi = lx->nlsemi;
    int bad;
    Pos pos;
    lx->nlsemi = 0;

again:
    tok = cur;
    /*!re2c
    re2c:api:style = free-form;
    re2c:define:YYCTYPE = uchar;
    re2c:define:YYCURSOR = cur;
    re2c:yyfill:enable = 0;

    // A code point gc's reader takes without complaint: not NUL, not a BOM,
    // not a surrogate (re2c's -8 classes never match bad UTF-8).
    clean     = [^\x00\uFEFF\uD800-\uDFFF];
    hex       = [0-9a-fA-F];
    // Escapes gc accepts in both strings and runes: octal <= 0377, \u and
    // \U outside the surrogates and at most U+10FFFF.
    u4        = ([0-9a-cA-CeEfF] hex | [dD] [0-7]) hex hex;
    u8        = "0000" u4 | "000" [1-9a-fA-F] hex{4} | "0010" hex{4};
    esc       = "\\" ([abfnrtv\\] | [0-3] [0-7] [0-7] | "x" hex hex | "u" u4 | "U" u8);
    str_char  = clean \ ["\\\n] | esc | "\\\"";
    rune_char = clean \ ['\\\n] | esc | "\\'";
    raw_char  = clean \ [`];
    com_char  = clean \ [*];
    com_end   = "*"+ "/";
    line_char = clean \ [\n];
    ident     = [a-zA-Z_] [a-zA-Z_0-9]*;

    // Catch-all: an ASCII byte no token starts with, or the lead byte of
    // non-ASCII text (identifier, bad UTF-8, BOM). Bad characters are
    // reported and skipped, as gc does; no token is produced.
    * {
        if (*tok < 0x80) {
            slow_bad_char(lx, tok);
            goto again;
        }
        const uchar *start;
        cur = slow_nonascii(lx, tok, &start);
        if (!start)
            goto again;
        tok = start;
        ENDS(T_IDENT);
    }

    // The sentinel ends the file; any other NUL is an error.
    "\x00" {
        if (tok == lx->end) {
            if (nlsemi)
                return inserted(lx, tok, lex_pos(lx, tok), SEMI_EOF, tok);
            cur = tok;
            TOKEN(T_EOF);
        }
        lex_error(lx, lex_pos(lx, tok), "invalid NUL character");
        goto again;
    }

    [ \t\r]+ { goto again; }

    "\n" {
        pos = lex_pos(lx, tok);
        lx->line++;
        lx->bol = cur;
        if (nlsemi)
            return inserted(lx, tok, pos, SEMI_NEWLINE, cur);
        goto again;
    }

    "//" line_char* {
        if (*cur != '\n' && cur != lx->end)
            cur = slow_line_comment(lx, cur);
        goto again;
    }

    "/*" (com_char | "*"+ (com_char \ [/]))* com_end {
        pos = lex_pos(lx, tok);
        goto block_comment;
    }
    "/*" {
        pos = lex_pos(lx, tok);
        cur = slow_block_comment(lx, tok, pos);
        if (lx->line > pos.line && nlsemi)
            return inserted(lx, tok, pos, SEMI_NEWLINE, cur);
        goto again;
    }

    // ---- Literals ----

    // A number is scanned in C (number.c): gc's rules for bases, digits,
    // '_' and exponents are steps of a walk more than a pattern.
    [0-9] | "." [0-9] {
        pos = lex_pos(lx, tok);
        TokenKind k;
        cur = num_scan(lx, tok, &k, &bad);
        LITERAL(k, bad);
    }

    ["] str_char* ["] { ENDS(T_STRING); }
    ["] {
        pos = lex_pos(lx, tok);
        bad = 0;
        cur = slow_string(lx, tok, pos, &bad);
        LITERAL(T_STRING, bad);
    }

    ['] rune_char ['] { ENDS(T_RUNE); }
    ['] {
        pos = lex_pos(lx, tok);
        bad = 0;
        cur = slow_rune(lx, tok, pos, &bad);
        LITERAL(T_RUNE, bad);
    }

    [`] raw_char* [`] {
        pos = lex_pos(lx, tok);
        slow_count_lines(lx, tok, cur);
        LITERAL(T_STRING, 0);
    }
    [`] {
        pos = lex_pos(lx, tok);
        bad = 0;
        cur = slow_raw_string(lx, tok, pos, &bad);
        LITERAL(T_STRING, bad);
    }

    // ---- Keywords and identifiers ----

    "break"       { KEYWORD(T_BREAK, 1); }
    "case"        { KEYWORD(T_CASE, 0); }
    "chan"        { KEYWORD(T_CHAN, 0); }
    "const"       { KEYWORD(T_CONST, 0); }
    "continue"    { KEYWORD(T_CONTINUE, 1); }
    "default"     { KEYWORD(T_DEFAULT, 0); }
    "defer"       { KEYWORD(T_DEFER, 0); }
    "else"        { KEYWORD(T_ELSE, 0); }
    "fallthrough" { KEYWORD(T_FALLTHROUGH, 1); }
    "for"         { KEYWORD(T_FOR, 0); }
    "func"        { KEYWORD(T_FUNC, 0); }
    "go"          { KEYWORD(T_GO, 0); }
    "goto"        { KEYWORD(T_GOTO, 0); }
    "if"          { KEYWORD(T_IF, 0); }
    "import"      { KEYWORD(T_IMPORT, 0); }
    "interface"   { KEYWORD(T_INTERFACE, 0); }
    "map"         { KEYWORD(T_MAP, 0); }
    "package"     { KEYWORD(T_PACKAGE, 0); }
    "range"       { KEYWORD(T_RANGE, 0); }
    "return"      { KEYWORD(T_RETURN, 1); }
    "select"      { KEYWORD(T_SELECT, 0); }
    "struct"      { KEYWORD(T_STRUCT, 0); }
    "switch"      { KEYWORD(T_SWITCH, 0); }
    "type"        { KEYWORD(T_TYPE, 0); }
    "var"         { KEYWORD(T_VAR, 0); }

    ident {
        if (continues_ident(lx, cur))
            goto ident_rest;
        ENDS(T_IDENT);
    }

    // ---- Operators and punctuation ----

    "+"   { TOKEN(T_ADD); }
    "-"   { TOKEN(T_SUB); }
    "*"   { TOKEN(T_MUL); }
    "/"   { TOKEN(T_QUO); }
    "%"   { TOKEN(T_REM); }
    "&"   { TOKEN(T_AND); }
    "|"   { TOKEN(T_OR); }
    "^"   { TOKEN(T_XOR); }
    "<<"  { TOKEN(T_SHL); }
    ">>"  { TOKEN(T_SHR); }
    "&^"  { TOKEN(T_AND_NOT); }
    "+="  { TOKEN(T_ADD_ASSIGN); }
    "-="  { TOKEN(T_SUB_ASSIGN); }
    "*="  { TOKEN(T_MUL_ASSIGN); }
    "/="  { TOKEN(T_QUO_ASSIGN); }
    "%="  { TOKEN(T_REM_ASSIGN); }
    "&="  { TOKEN(T_AND_ASSIGN); }
    "|="  { TOKEN(T_OR_ASSIGN); }
    "^="  { TOKEN(T_XOR_ASSIGN); }
    "<<=" { TOKEN(T_SHL_ASSIGN); }
    ">>=" { TOKEN(T_SHR_ASSIGN); }
    "&^=" { TOKEN(T_AND_NOT_ASSIGN); }
    "&&"  { TOKEN(T_LAND); }
    "||"  { TOKEN(T_LOR); }
    "<-"  { TOKEN(T_ARROW); }
    "++"  { ENDS(T_INC); }
    "--"  { ENDS(T_DEC); }
    "=="  { TOKEN(T_EQL); }
    "<"   { TOKEN(T_LSS); }
    ">"   { TOKEN(T_GTR); }
    "="   { TOKEN(T_ASSIGN); }
    "!"   { TOKEN(T_NOT); }
    "~"   { TOKEN(T_TILDE); }
    "!="  { TOKEN(T_NEQ); }
    "<="  { TOKEN(T_LEQ); }
    ">="  { TOKEN(T_GEQ); }
    ":="  { TOKEN(T_DEFINE); }
    "..." { TOKEN(T_ELLIPSIS); }
    "("   { TOKEN(T_LPAREN); }
    "["   { TOKEN(T_LBRACK); }
    "{"   { TOKEN(T_LBRACE); }
    ","   { TOKEN(T_COMMA); }
    "."   { TOKEN(T_PERIOD); }
    ")"   { ENDS(T_RPAREN); }
    "]"   { ENDS(T_RBRACK); }
    "}"   { ENDS(T_RBRACE); }
    ";"   { TOKEN(T_SEMI); }
    ":"   { TOKEN(T_COLON); }
    */

block_comment:
    // A /* */ comment holding a newline acts as a newline.
    if (slow_count_lines(lx, tok, cur) && nlsemi)
        return inserted(lx, tok, pos, SEMI_NEWLINE, cur);
    goto again;

ident_rest:
    cur = slow_ident_rest(lx, cur);
    ENDS(T_IDENT);
}
