// lexer/token.h: the tokens of Go, as one X-macro list, and the Token value
// the scanner hands to the parser. The scanner is lexer/scan.re; how tokens
// are spelled in error messages follows gc's syntax package (tokstring).
#ifndef GOLI_TOKEN_H
#define GOLI_TOKEN_H

#include <stdint.h>

// TOKENS lists every token once: TOK(NAME, "spelling").
// The spelling is what a syntax error prints for the token ("unexpected +=").
// Order matters only inside the marked ranges (tok_is_keyword etc.).
#define TOKENS(TOK)                         \
    TOK(EOF,          "EOF")                \
    TOK(ILLEGAL,      "illegal")            \
    /* ---- names and literals ---- */      \
    TOK(IDENT,        "name")               \
    TOK(INT,          "literal")            \
    TOK(FLOAT,        "literal")            \
    TOK(IMAG,         "literal")            \
    TOK(RUNE,         "literal")            \
    TOK(STRING,       "literal")            \
    /* ---- operators ---- */               \
    TOK(ADD,          "+")                  \
    TOK(SUB,          "-")                  \
    TOK(MUL,          "*")                  \
    TOK(QUO,          "/")                  \
    TOK(REM,          "%")                  \
    TOK(AND,          "&")                  \
    TOK(OR,           "|")                  \
    TOK(XOR,          "^")                  \
    TOK(SHL,          "<<")                 \
    TOK(SHR,          ">>")                 \
    TOK(AND_NOT,      "&^")                 \
    TOK(ADD_ASSIGN,   "+=")                 \
    TOK(SUB_ASSIGN,   "-=")                 \
    TOK(MUL_ASSIGN,   "*=")                 \
    TOK(QUO_ASSIGN,   "/=")                 \
    TOK(REM_ASSIGN,   "%=")                 \
    TOK(AND_ASSIGN,   "&=")                 \
    TOK(OR_ASSIGN,    "|=")                 \
    TOK(XOR_ASSIGN,   "^=")                 \
    TOK(SHL_ASSIGN,   "<<=")                \
    TOK(SHR_ASSIGN,   ">>=")                \
    TOK(AND_NOT_ASSIGN, "&^=")              \
    TOK(LAND,         "&&")                 \
    TOK(LOR,          "||")                 \
    TOK(ARROW,        "<-")                 \
    TOK(INC,          "++")                 \
    TOK(DEC,          "--")                 \
    TOK(EQL,          "==")                 \
    TOK(LSS,          "<")                  \
    TOK(GTR,          ">")                  \
    TOK(ASSIGN,       "=")                  \
    TOK(NOT,          "!")                  \
    TOK(TILDE,        "~")                  \
    TOK(NEQ,          "!=")                 \
    TOK(LEQ,          "<=")                 \
    TOK(GEQ,          ">=")                 \
    TOK(DEFINE,       ":=")                 \
    TOK(ELLIPSIS,     "...")                \
    TOK(LPAREN,       "(")                  \
    TOK(LBRACK,       "[")                  \
    TOK(LBRACE,       "{")                  \
    TOK(COMMA,        "comma")              \
    TOK(PERIOD,       ".")                  \
    TOK(RPAREN,       ")")                  \
    TOK(RBRACK,       "]")                  \
    TOK(RBRACE,       "}")                  \
    TOK(SEMI,         "semicolon")          \
    TOK(COLON,        ":")                  \
    /* ---- keywords (tok_is_keyword: BREAK..VAR) ---- */ \
    TOK(BREAK,        "break")              \
    TOK(CASE,         "case")               \
    TOK(CHAN,         "chan")               \
    TOK(CONST,        "const")              \
    TOK(CONTINUE,     "continue")           \
    TOK(DEFAULT,      "default")            \
    TOK(DEFER,        "defer")              \
    TOK(ELSE,         "else")               \
    TOK(FALLTHROUGH,  "fallthrough")        \
    TOK(FOR,          "for")                \
    TOK(FUNC,         "func")               \
    TOK(GO,           "go")                 \
    TOK(GOTO,         "goto")               \
    TOK(IF,           "if")                 \
    TOK(IMPORT,       "import")             \
    TOK(INTERFACE,    "interface")          \
    TOK(MAP,          "map")                \
    TOK(PACKAGE,      "package")            \
    TOK(RANGE,        "range")              \
    TOK(RETURN,       "return")             \
    TOK(SELECT,       "select")             \
    TOK(STRUCT,       "struct")             \
    TOK(SWITCH,       "switch")             \
    TOK(TYPE,         "type")               \
    TOK(VAR,          "var")

typedef enum TokenKind {
#define TOK_ENUM(name, text) T_##name,
    TOKENS(TOK_ENUM)
#undef TOK_ENUM
    T_COUNT
} TokenKind;

// How a SEMI token came to be: gc names it "semicolon", "newline" or "EOF".
enum { SEMI_EXPLICIT, SEMI_NEWLINE, SEMI_EOF };

// Token is one lexeme. text/len point into the source buffer (for an
// inserted semicolon: len 0, at the newline or at EOF). line and col are
// 1-based; col counts bytes, as gc reports.
typedef struct Token {
    TokenKind kind;
    int line, col;
    uint32_t off;       // byte offset of the first byte in the source
    uint32_t len;       // bytes of source text
    const char *text;   // = source + off
    int semi;           // for T_SEMI: SEMI_EXPLICIT, SEMI_NEWLINE, SEMI_EOF
    int bad;            // a literal whose lexical error was reported: do not
                        // convert its value (gc's BasicLit.Bad)
} Token;

// tok_spelling returns the spelling of a token kind for error messages.
const char *tok_spelling(TokenKind k);
// tok_name returns the enum name without its prefix ("ADD_ASSIGN").
const char *tok_name(TokenKind k);

static inline int tok_is_keyword(TokenKind k) { return k >= T_BREAK && k <= T_VAR; }
static inline int tok_is_literal(TokenKind k) { return k >= T_INT && k <= T_STRING; }

#endif
