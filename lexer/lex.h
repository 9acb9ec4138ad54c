// lexer/lex.h: the scanner's interface. lex_next turns a Source into Go
// tokens one at a time, inserting semicolons as the spec says and reporting
// lexical errors to a Diag in gc's wording. The scanner is lexer/scan.re.
#ifndef GOLI_LEX_H
#define GOLI_LEX_H

#include "common/diag.h"
#include "common/source.h"
#include "lexer/token.h"

typedef struct Lexer Lexer;

// lex_new starts scanning src; errors go to diag under src->path.
Lexer *lex_new(const Source *src, Diag *diag);
// lex_next returns the next token. After the last token (and the semicolon
// inserted before EOF, if any) it returns T_EOF again and again.
Token lex_next(Lexer *lx);

// Literal values, decoded from tokens the scanner accepted (lexer/literal.c).
// lit_string returns a STRING token's bytes (escapes decoded, CRs removed from
// raw strings), NUL-terminated, with the length in *len.
char *lit_string(const Token *t, size_t *len);
// lit_rune returns a RUNE token's code point.
int32_t lit_rune(const Token *t);
// lit_number returns an INT, FLOAT or IMAG token's text without '_', without
// a 0x/0o/0b prefix and without the imaginary 'i', NUL-terminated, with its
// length in *len, and sets *base to 2, 8, 10 or 16 (8 for legacy octal ints
// such as 0777; 0777.5 and 0777i are decimal).
char *lit_number(const Token *t, int *base, size_t *len);

#endif
