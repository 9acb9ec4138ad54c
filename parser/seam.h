// parser/seam.h: the seam between the lemon parser generated from
// parser/go.y and the token pump in parser/parse.c. Nothing outside parser/
// (and the parser's unit test) includes it; the parser's interface is
// parser/parse.h.
#ifndef GOLI_SEAM_H
#define GOLI_SEAM_H

#include <stddef.h>

#include "lexer/token.h"
#include "parser/ast.h"

// The parser lemon generates (lempar.c's interface, %name Parse).
void *ParseAlloc(void *(*alloc)(size_t));
void ParseInit(void *parser);
void ParseFinalize(void *parser);
void Parse(void *parser, int major, Token minor, AstCtx *ctx);

// Helpers in go.y's %code, which see lemon's tables.
int ParseWouldAccept(void *parser, int tok);
int ParseStackDepth(void *parser);
int ParseStackSymbol(void *parser, int i);
const void *ParseStackValue(void *parser, int i);
int ParseTerminalCount(void);
void ParseRearmErrors(void *parser);

// parse_token_code is the grammar's terminal for a token kind (0 for EOF
// and ILLEGAL); a `{` may become TK_LBODY instead (parser/parse.c).
int parse_token_code(TokenKind k);

// parse_token_text names a token as gc's messages do: "name x",
// "literal 1", "newline", "keyword else", "comma", or the operator.
const char *parse_token_text(const Token *t);

// Called from go.y's %syntax_error and %stack_overflow (parser/parse.c).
// tok is the token the parser could not take, major its grammar code.
void parse_syntax_error(AstCtx *c, void *parser, int major, const Token *tok);
void parse_stack_overflow(AstCtx *c);

#endif
