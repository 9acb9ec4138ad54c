// lexer/token.c: token names and spellings, expanded from TOKENS in token.h.
#include "lexer/token.h"

static const char *const spelling[T_COUNT] = {
#define TOK_TEXT(name, text) text,
    TOKENS(TOK_TEXT)
#undef TOK_TEXT
};

static const char *const names[T_COUNT] = {
#define TOK_NAME(name, text) #name,
    TOKENS(TOK_NAME)
#undef TOK_NAME
};

const char *tok_spelling(TokenKind k) {
    return (unsigned)k < T_COUNT ? spelling[k] : "?";
}

const char *tok_name(TokenKind k) {
    return (unsigned)k < T_COUNT ? names[k] : "?";
}
