// tests/unit/lexer.c: criterion tests of the scanner (lexer/scan.re,
// lexer/slow.c, lexer/number.c) and of literal values (lexer/literal.c):
// every token kind, semicolon insertion, positions, every literal form, the
// decoded values, and each lexical error gc reports with its line:col.
//
// Tables are static arrays walked inside one Test (not ParameterizedTest):
// criterion copies parameters into another process, where pointers into a
// PIE binary's string literals are not valid (shared/notes/criterion-and-ci.md).
#include "common/diag.h"
#include "common/mem.h"
#include "common/source.h"
#include "lexer/lex.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

static void setup(void) {
    GC_INIT();
}

TestSuite(lex, .init = setup);

// S(lit) is a string literal and its length, for sources holding NUL bytes.
#define S(lit) lit, sizeof(lit) - 1

// lex_src starts a lexer over n bytes of text, reporting to a fresh Diag.
static Lexer *lex_src(const char *text, size_t n, Diag **diag) {
    *diag = diag_new();
    return lex_new(source_from_string("x.go", text, n), *diag);
}

// render lexes text to EOF and spells the tokens, separated by spaces:
// kind names from tok_name, literals and identifiers with their text in
// parentheses, inserted semicolons as ";nl" and ";eof", an explicit one as ";".
static char *render_n(const char *text, size_t n) {
    Diag *d;
    Lexer *lx = lex_src(text, n, &d);
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    for (int i = 0; i < 10000; i++) {
        Token t = lex_next(lx);
        if (i > 0)
            fputc(' ', f);
        if (t.kind == T_SEMI)
            fputs(t.semi == SEMI_NEWLINE ? ";nl" : t.semi == SEMI_EOF ? ";eof" : ";", f);
        else if (t.kind == T_IDENT || tok_is_literal(t.kind))
            fprintf(f, "%s(%.*s)", tok_name(t.kind), (int)t.len, t.text);
        else
            fputs(tok_name(t.kind), f);
        if (t.kind == T_EOF)
            break;
    }
    fclose(f);
    char *s = mem_strndup(out, len);
    free(out);
    return s;
}

static char *render(const char *text) {
    return render_n(text, strlen(text));
}

// first lexes text and returns its first token.
static Token first(const char *text, size_t n) {
    Diag *d;
    return lex_next(lex_src(text, n, &d));
}

// errors_of lexes text to EOF and returns the errors as diag_flush prints
// them, without the "x.go:" in front of each line.
static char *errors_of(const char *text, size_t n) {
    Diag *d;
    Lexer *lx = lex_src(text, n, &d);
    for (int i = 0; i < 10000 && lex_next(lx).kind != T_EOF; i++)
        ;
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    diag_flush(d, f);
    fclose(f);
    char *s = mem_alloc_atomic(len + 1);
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        if ((i == 0 || out[i - 1] == '\n') && strncmp(out + i, "x.go:", 5) == 0)
            i += 5;
        s[k++] = out[i];
    }
    s[k] = 0;
    free(out);
    return s;
}

// ---- Tokens ----

Test(lex, every_operator) {
    static const struct {
        const char *text;
        TokenKind kind;
    } ops[] = {
        {"+", T_ADD}, {"-", T_SUB}, {"*", T_MUL}, {"/", T_QUO}, {"%", T_REM},
        {"&", T_AND}, {"|", T_OR}, {"^", T_XOR}, {"<<", T_SHL}, {">>", T_SHR},
        {"&^", T_AND_NOT}, {"+=", T_ADD_ASSIGN}, {"-=", T_SUB_ASSIGN},
        {"*=", T_MUL_ASSIGN}, {"/=", T_QUO_ASSIGN}, {"%=", T_REM_ASSIGN},
        {"&=", T_AND_ASSIGN}, {"|=", T_OR_ASSIGN}, {"^=", T_XOR_ASSIGN},
        {"<<=", T_SHL_ASSIGN}, {">>=", T_SHR_ASSIGN}, {"&^=", T_AND_NOT_ASSIGN},
        {"&&", T_LAND}, {"||", T_LOR}, {"<-", T_ARROW}, {"++", T_INC},
        {"--", T_DEC}, {"==", T_EQL}, {"<", T_LSS}, {">", T_GTR}, {"=", T_ASSIGN},
        {"!", T_NOT}, {"~", T_TILDE}, {"!=", T_NEQ}, {"<=", T_LEQ}, {">=", T_GEQ},
        {":=", T_DEFINE}, {"...", T_ELLIPSIS}, {"(", T_LPAREN}, {"[", T_LBRACK},
        {"{", T_LBRACE}, {",", T_COMMA}, {".", T_PERIOD}, {")", T_RPAREN},
        {"]", T_RBRACK}, {"}", T_RBRACE}, {";", T_SEMI}, {":", T_COLON},
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        Token t = first(ops[i].text, strlen(ops[i].text));
        cr_expect_eq(t.kind, ops[i].kind, "%s: got %s", ops[i].text, tok_name(t.kind));
        cr_expect_eq(t.len, strlen(ops[i].text), "%s: len %u", ops[i].text, t.len);
        cr_expect_eq(t.line, 1);
        cr_expect_eq(t.col, 1);
    }
    // Longest match, and operators that split.
    cr_expect_str_eq(render("a<<=b>>c&^=d&^e&&f"),
                     "IDENT(a) SHL_ASSIGN IDENT(b) SHR IDENT(c) AND_NOT_ASSIGN IDENT(d) "
                     "AND_NOT IDENT(e) LAND IDENT(f) ;eof EOF");
    cr_expect_str_eq(render("a...b..c"),
                     "IDENT(a) ELLIPSIS IDENT(b) PERIOD PERIOD IDENT(c) ;eof EOF");
    cr_expect_str_eq(render("<-<--x+++y"),
                     "ARROW ARROW SUB IDENT(x) INC ADD IDENT(y) ;eof EOF");
    cr_expect_str_eq(render("a/b/=c"), "IDENT(a) QUO IDENT(b) QUO_ASSIGN IDENT(c) ;eof EOF");
}

Test(lex, every_keyword) {
    for (int k = T_BREAK; k <= T_VAR; k++) {
        const char *kw = tok_spelling((TokenKind)k);
        Token t = first(kw, strlen(kw));
        cr_expect_eq(t.kind, (TokenKind)k, "%s: got %s", kw, tok_name(t.kind));
        cr_expect_eq(t.len, strlen(kw));
        // A longer word, or one continued by a non-ASCII letter, is a name.
        char *longer = mem_sprintf("%sx", kw);
        cr_expect_eq(first(longer, strlen(longer)).kind, T_IDENT, "%s", longer);
        char *accent = mem_sprintf("%s\xC3\xA9", kw);
        Token a = first(accent, strlen(accent));
        cr_expect_eq(a.kind, T_IDENT, "%s", accent);
        cr_expect_eq(a.len, strlen(accent));
    }
}

// every_kind_appears lexes one source holding each token and checks that
// every kind but EOF and ILLEGAL (bad characters are skipped, not tokens)
// turns up.
Test(lex, every_kind_appears) {
    const char *src =
        "package p; import \"fmt\"; func f(x int) { var a = 1 + 2.5 + 3i + 'c' + `r`\n"
        "a -= *p / 4 % 5 & 6 | 7 ^ 8 << 9 >> 10 &^ 11; a += 1; a *= 1; a /= 1; a %= 1\n"
        "a &= 1; a |= 1; a ^= 1; a <<= 1; a >>= 1; a &^= 1; b := a && b || !c\n"
        "ch <- x; x++; x--; a == b; a < b; a > b; a != b; a <= b; a >= b; ~int\n"
        "f(a...); f(a, b - c); m[1] = s.f; type T struct{}; const c = 0; goto L; L:\n"
        "for range ch { break; continue }; switch { case a: fallthrough; default: }\n"
        "select {}; defer f(); go f(); if a {} else {}; var i interface{}; var m map[int]chan int\n"
        "return }\n";
    Diag *d;
    Lexer *lx = lex_src(src, strlen(src), &d);
    int seen[T_COUNT] = {0};
    for (Token t; (t = lex_next(lx)).kind != T_EOF;)
        seen[t.kind] = 1;
    cr_expect_eq(diag_count(d), 0);
    for (int k = T_IDENT; k < T_COUNT; k++)
        cr_expect(seen[k], "no %s token", tok_name((TokenKind)k));
}

Test(lex, identifiers) {
    static const struct {
        const char *src, *want;
    } cases[] = {
        {"x _ _x x1 X_Y9 true nil int",
         "IDENT(x) IDENT(_) IDENT(_x) IDENT(x1) IDENT(X_Y9) IDENT(true) IDENT(nil) IDENT(int) ;eof EOF"},
        {"日本 é αβγ Ж x日本", "IDENT(日本) IDENT(é) IDENT(αβγ) IDENT(Ж) IDENT(x日本) ;eof EOF"},
        {"a٣ x\xEF\xBC\x91", "IDENT(a٣) IDENT(x１) ;eof EOF"},   // Unicode digits after the start
        {"breaker iff if_ go2 ifé", "IDENT(breaker) IDENT(iff) IDENT(if_) IDENT(go2) IDENT(ifé) ;eof EOF"},
        {"ᳺ 𞀰", "IDENT(ᳺ) IDENT(𞀰) ;eof EOF"},     // U+1CFA (12.0), U+1E030 (15.0)
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        cr_expect_str_eq(render(cases[i].src), cases[i].want, "%s", cases[i].src);
}

// ---- Semicolon insertion ----

Test(lex, semicolons) {
    static const struct {
        const char *src, *want;
    } cases[] = {
        // After each kind of token that may end a statement.
        {"x\n", "IDENT(x) ;nl EOF"},
        {"1\n", "INT(1) ;nl EOF"},
        {"1.5\n", "FLOAT(1.5) ;nl EOF"},
        {"2i\n", "IMAG(2i) ;nl EOF"},
        {"'a'\n", "RUNE('a') ;nl EOF"},
        {"\"s\"\n", "STRING(\"s\") ;nl EOF"},
        {"`r`\n", "STRING(`r`) ;nl EOF"},
        {"break\n", "BREAK ;nl EOF"},
        {"continue\n", "CONTINUE ;nl EOF"},
        {"fallthrough\n", "FALLTHROUGH ;nl EOF"},
        {"return\n", "RETURN ;nl EOF"},
        {"x++\n", "IDENT(x) INC ;nl EOF"},
        {"x--\n", "IDENT(x) DEC ;nl EOF"},
        {")\n", "RPAREN ;nl EOF"},
        {"]\n", "RBRACK ;nl EOF"},
        {"}\n", "RBRACE ;nl EOF"},
        // Not after others.
        {"+\n-\n*\n/\n", "ADD SUB MUL QUO EOF"},
        {"(\n[\n{\n,\n.\n:\n=\n:=\n", "LPAREN LBRACK LBRACE COMMA PERIOD COLON ASSIGN DEFINE EOF"},
        {"if\nfunc\nvar\ncase\ndefault\nelse\n", "IF FUNC VAR CASE DEFAULT ELSE EOF"},
        {"x +=\n1", "IDENT(x) ADD_ASSIGN INT(1) ;eof EOF"},
        {"x ...\ny", "IDENT(x) ELLIPSIS IDENT(y) ;eof EOF"},
        // Before EOF, and only once per run of newlines.
        {"x", "IDENT(x) ;eof EOF"},
        {"}", "RBRACE ;eof EOF"},
        {"x\n\n\n", "IDENT(x) ;nl EOF"},
        {"", "EOF"},
        {"\n\n", "EOF"},
        {"a\n\nb\n", "IDENT(a) ;nl IDENT(b) ;nl EOF"},
        // Explicit semicolons.
        {"a; b;", "IDENT(a) ; IDENT(b) ; EOF"},
        {"a;\n", "IDENT(a) ; EOF"},
        // Comments: a // comment leaves its newline; /* */ counts only
        // when it spans lines.
        {"x // c\ny", "IDENT(x) ;nl IDENT(y) ;eof EOF"},
        {"x // c", "IDENT(x) ;eof EOF"},
        {"x /* c */\ny", "IDENT(x) ;nl IDENT(y) ;eof EOF"},
        {"x /* c */ y", "IDENT(x) IDENT(y) ;eof EOF"},
        {"x /* a\n b */ y", "IDENT(x) ;nl IDENT(y) ;eof EOF"},
        {"x /* a\n b */\ny", "IDENT(x) ;nl IDENT(y) ;eof EOF"},
        {"+ /* a\n b */ y", "ADD IDENT(y) ;eof EOF"},
        {"x /* c */", "IDENT(x) ;eof EOF"},
        {"/* a */ // b\n/* c\n*/", "EOF"},
        {"return /*\n*/ x", "RETURN ;nl IDENT(x) ;eof EOF"},
        {"x\r\ny\r\n", "IDENT(x) ;nl IDENT(y) ;nl EOF"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        cr_expect_str_eq(render(cases[i].src), cases[i].want, "source %zu: %s", i, cases[i].src);
}

Test(lex, semicolon_tokens) {
    Diag *d;
    const char *src = "x // c\ny;z /* a\n */ w";
    Lexer *lx = lex_src(src, strlen(src), &d);
    Token t = lex_next(lx);                 // x
    t = lex_next(lx);                       // newline after the comment
    cr_expect_eq(t.kind, T_SEMI);
    cr_expect_eq(t.semi, SEMI_NEWLINE);
    cr_expect_eq(t.len, 0);
    cr_expect_eq(t.line, 1);
    cr_expect_eq(t.col, 7);                 // the newline itself
    cr_expect_eq(t.off, 6);
    t = lex_next(lx);                       // y
    t = lex_next(lx);                       // ;
    cr_expect_eq(t.semi, SEMI_EXPLICIT);
    cr_expect_eq(t.len, 1);
    cr_expect_eq(t.col, 2);
    t = lex_next(lx);                       // z
    t = lex_next(lx);                       // the comment acts as a newline
    cr_expect_eq(t.kind, T_SEMI);
    cr_expect_eq(t.semi, SEMI_NEWLINE);
    cr_expect_eq(t.line, 2);                // gc puts it at the comment
    cr_expect_eq(t.col, 5);
    t = lex_next(lx);                       // w
    cr_expect_eq(t.line, 3);
    cr_expect_eq(t.col, 5);
    t = lex_next(lx);
    cr_expect_eq(t.kind, T_SEMI);
    cr_expect_eq(t.semi, SEMI_EOF);
    cr_expect_eq(t.len, 0);
    cr_expect_eq(t.line, 3);
    cr_expect_eq(t.col, 6);
    cr_expect_eq(t.off, strlen(src));
    for (int i = 0; i < 3; i++) {           // EOF, again and again
        t = lex_next(lx);
        cr_expect_eq(t.kind, T_EOF);
        cr_expect_eq(t.line, 3);
        cr_expect_eq(t.col, 6);
    }
}

// ---- Positions ----

Test(lex, positions) {
    // Columns count bytes: 日本 is 6 bytes, a tab is 1, a BOM at the start
    // counts too (as in gc).
    static const struct {
        const char *src;
        int line, col;   // of the last token before EOF
    } cases[] = {
        {"\"日本\" x", 1, 10},
        {"\tx", 1, 2},
        {"\t\t  x", 1, 5},
        {"é := x", 1, 7},
        {"a\nb\n\n  c", 4, 3},
        {"`a\nb\nc` x", 3, 4},
        {"/* a\n\n b */ x", 3, 7},
        {"x\r\ny", 2, 1},
        {"\xEF\xBB\xBFx", 1, 4},
        {"\"\\u65e5\" y", 1, 10},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Diag *d;
        const char *src = cases[i].src;
        Lexer *lx = lex_src(src, strlen(src), &d);
        Token last = {0}, t;
        while ((t = lex_next(lx)).kind != T_EOF)
            if (t.kind != T_SEMI)
                last = t;
        cr_expect_eq(last.line, cases[i].line, "%s: line %d", src, last.line);
        cr_expect_eq(last.col, cases[i].col, "%s: col %d", src, last.col);
        cr_expect_eq(memcmp(last.text, src + last.off, last.len), 0, "%s: text", src);
        cr_expect_eq(diag_count(d), 0, "%s", src);
    }
}

Test(lex, token_text) {
    Diag *d;
    const char *src = "ab := `x\ny` + \"q\"";
    Lexer *lx = lex_src(src, strlen(src), &d);
    Token t = lex_next(lx);
    cr_expect_eq(t.off, 0);
    cr_expect_eq(t.len, 2);
    t = lex_next(lx);
    cr_expect_eq(t.off, 3);
    t = lex_next(lx);
    cr_expect_eq(t.kind, T_STRING);
    cr_expect_eq(t.off, 6);
    cr_expect_eq(t.len, 5);
    cr_expect_eq(strncmp(t.text, "`x\ny`", 5), 0);
    t = lex_next(lx);
    cr_expect_eq(t.line, 2);
    cr_expect_eq(t.col, 4);
}

// ---- Literals ----

Test(lex, numbers) {
    static const struct {
        const char *src;
        TokenKind kind;
    } cases[] = {
        {"0", T_INT}, {"42", T_INT}, {"1_000_000", T_INT}, {"0777", T_INT},
        {"0_7", T_INT}, {"0x1F", T_INT}, {"0XdeadBEEF", T_INT}, {"0x_1F", T_INT},
        {"0b1011", T_INT}, {"0B_1_0", T_INT}, {"0o17", T_INT}, {"0O_7", T_INT},
        {"1.", T_FLOAT}, {".5", T_FLOAT}, {"1.5", T_FLOAT}, {"1e9", T_FLOAT},
        {"1.5e-3", T_FLOAT}, {"1E+5", T_FLOAT}, {"6.67428e-11", T_FLOAT},
        {"0.", T_FLOAT}, {"072.40", T_FLOAT}, {"089.5", T_FLOAT}, {"089e1", T_FLOAT},
        {"0e0", T_FLOAT}, {"1_5.2_5e1_0", T_FLOAT}, {"0x1p-2", T_FLOAT},
        {"0x1.8p3", T_FLOAT}, {"0X.8P0", T_FLOAT}, {"0x_1p1", T_FLOAT},
        {"0x1.p1", T_FLOAT}, {"0x15e-2", T_INT},
        {"0i", T_IMAG}, {"123i", T_IMAG}, {"0123i", T_IMAG}, {"089i", T_IMAG},
        {"1.5i", T_IMAG}, {"1e2i", T_IMAG}, {".5i", T_IMAG}, {"0x1p1i", T_IMAG},
        {"0b101i", T_IMAG}, {"0o7i", T_IMAG}, {"0x10i", T_IMAG}, {"1_0i", T_IMAG},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *src = cases[i].src;
        Diag *d;
        Lexer *lx = lex_src(src, strlen(src), &d);
        Token t = lex_next(lx);
        if (strcmp(src, "0x15e-2") == 0) {
            cr_expect_eq(t.len, 5, "0x15e-2 is 0x15e - 2");
        } else {
            cr_expect_eq(t.len, strlen(src), "%s: len %u", src, t.len);
        }
        cr_expect_eq(t.kind, cases[i].kind, "%s: got %s", src, tok_name(t.kind));
        cr_expect_eq(t.bad, 0, "%s", src);
        cr_expect_eq(diag_count(d), 0, "%s", src);
    }
}

Test(lex, number_splits) {
    // Where gc ends one number and starts the next token.
    static const struct {
        const char *src, *want;
    } cases[] = {
        {"0x1e+5", "INT(0x1e) ADD INT(5) ;eof EOF"},
        {"1..2", "FLOAT(1.) FLOAT(.2) ;eof EOF"},
        {"5.Method", "FLOAT(5.) IDENT(Method) ;eof EOF"},
        {"x.5", "IDENT(x) FLOAT(.5) ;eof EOF"},
        {"1.5.3", "FLOAT(1.5) FLOAT(.3) ;eof EOF"},
        {"123abc", "INT(123) IDENT(abc) ;eof EOF"},
        {"0xgg", "INT(0x) IDENT(gg) ;eof EOF"},
        {"1e3e", "FLOAT(1e3) IDENT(e) ;eof EOF"},
        {"00x1", "INT(00) IDENT(x1) ;eof EOF"},
        {"1iii", "IMAG(1i) IDENT(ii) ;eof EOF"},
        {"a[1:2]", "IDENT(a) LBRACK INT(1) COLON INT(2) RBRACK ;eof EOF"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        cr_expect_str_eq(render(cases[i].src), cases[i].want, "%s", cases[i].src);
}

Test(lex, runes_and_strings) {
    static const struct {
        const char *src;
        TokenKind kind;
    } cases[] = {
        {"'a'", T_RUNE}, {"'日'", T_RUNE}, {"'😀'", T_RUNE}, {"'\\a'", T_RUNE},
        {"'\\b'", T_RUNE}, {"'\\f'", T_RUNE}, {"'\\n'", T_RUNE}, {"'\\r'", T_RUNE},
        {"'\\t'", T_RUNE}, {"'\\v'", T_RUNE}, {"'\\\\'", T_RUNE}, {"'\\''", T_RUNE},
        {"'\\000'", T_RUNE}, {"'\\377'", T_RUNE}, {"'\\x41'", T_RUNE},
        {"'\\xfF'", T_RUNE}, {"'\\u65e5'", T_RUNE}, {"'\\uD7FF'", T_RUNE},
        {"'\\uE000'", T_RUNE}, {"'\\U0001F600'", T_RUNE}, {"'\\U0010FFFF'", T_RUNE},
        {"'\"'", T_RUNE}, {"'`'", T_RUNE},
        {"\"\"", T_STRING}, {"\"abc\"", T_STRING}, {"\"日本\"", T_STRING},
        {"\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\"", T_STRING}, {"\"\\000\\377\\xff\"", T_STRING},
        {"\"\\u00e9\\U0001F600\"", T_STRING}, {"\"'\"", T_STRING}, {"\"a\rb\"", T_STRING},
        {"``", T_STRING}, {"`abc`", T_STRING}, {"`a\\nb`", T_STRING},
        {"`a\r\nb`", T_STRING}, {"`\"'`", T_STRING}, {"`line\n\nline`", T_STRING},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *src = cases[i].src;
        Diag *d;
        Lexer *lx = lex_src(src, strlen(src), &d);
        Token t = lex_next(lx);
        cr_expect_eq(t.kind, cases[i].kind, "%s: got %s", src, tok_name(t.kind));
        cr_expect_eq(t.len, strlen(src), "%s: len %u", src, t.len);
        cr_expect_eq(t.bad, 0, "%s", src);
        cr_expect_eq(diag_count(d), 0, "%s", src);
    }
}

// ---- Literal values ----

Test(lex, lit_string_values) {
    static const struct {
        const char *src;
        const char *want;
        size_t len;
    } cases[] = {
        {"\"\"", S("")},
        {"\"abc\"", S("abc")},
        {"\"日本\"", S("日本")},
        {"\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\"", S("\a\b\f\n\r\t\v\\\"")},
        {"\"\\x41\\x00\\xff\"", S("A\0\xff")},
        {"\"\\101\\000\\377\"", S("A\0\xff")},
        {"\"\\u00e9\"", S("\xC3\xA9")},
        {"\"\\u65e5\\u672C\"", S("日本")},
        {"\"\\U0001F600\"", S("\xF0\x9F\x98\x80")},
        {"\"\\U0010FFFF\"", S("\xF4\x8F\xBF\xBF")},
        {"\"\\xe6\\x97\\xa5\"", S("日")},
        {"\"a\rb\"", S("a\rb")},
        {"\"'\"", S("'")},
        {"``", S("")},
        {"`a\\nb`", S("a\\nb")},
        {"`a\r\nb`", S("a\nb")},
        {"`\r\r\n\r`", S("\n")},
        {"`\"x\"\n'y'`", S("\"x\"\n'y'")},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *src = cases[i].src;
        Token t = first(src, strlen(src));
        size_t len = 99;
        char *v = lit_string(&t, &len);
        cr_expect_eq(len, cases[i].len, "%s: len %zu", src, len);
        cr_expect_eq(memcmp(v, cases[i].want, cases[i].len), 0, "%s: value", src);
        cr_expect_eq(v[len], 0, "%s: NUL-terminated", src);
    }
}

Test(lex, lit_rune_values) {
    static const struct {
        const char *src;
        int32_t want;
    } cases[] = {
        {"'a'", 'a'}, {"'日'", 0x65E5}, {"'😀'", 0x1F600}, {"'é'", 0xE9},
        {"'\\a'", 7}, {"'\\b'", 8}, {"'\\f'", 12}, {"'\\n'", 10}, {"'\\r'", 13},
        {"'\\t'", 9}, {"'\\v'", 11}, {"'\\\\'", '\\'}, {"'\\''", '\''},
        {"'\\000'", 0}, {"'\\101'", 'A'}, {"'\\377'", 255}, {"'\\x80'", 0x80},
        {"'\\xFF'", 255}, {"'\\u65e5'", 0x65E5}, {"'\\uFFFD'", 0xFFFD},
        {"'\\U0001F600'", 0x1F600}, {"'\\U0010ffff'", 0x10FFFF}, {"'\"'", '"'},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *src = cases[i].src;
        Token t = first(src, strlen(src));
        cr_expect_eq(lit_rune(&t), cases[i].want, "%s: %d", src, lit_rune(&t));
    }
}

Test(lex, lit_number_digits) {
    static const struct {
        const char *src, *digits;
        int base;
    } cases[] = {
        {"42", "42", 10}, {"1_000", "1000", 10}, {"0", "0", 10}, {"0777", "0777", 8},
        {"0_7", "07", 8}, {"0x_1F", "1F", 16}, {"0XFF", "FF", 16}, {"0b1_0", "10", 2},
        {"0o17", "17", 8}, {"0O7", "7", 8}, {"0777.5", "0777.5", 10},
        {"0123i", "0123", 10}, {"1e1_0", "1e10", 10}, {"0x1.8p-3", "1.8p-3", 16},
        {"1.5i", "1.5", 10}, {"0x1p1i", "1p1", 16}, {".5", ".5", 10},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *src = cases[i].src;
        Token t = first(src, strlen(src));
        int base = 0;
        size_t len = 0;
        char *v = lit_number(&t, &base, &len);
        cr_expect_str_eq(v, cases[i].digits, "%s", src);
        cr_expect_eq(len, strlen(cases[i].digits), "%s", src);
        cr_expect_eq(base, cases[i].base, "%s: base %d", src, base);
    }
}

// Literals with errors still come out whole, marked bad, and their
// values can be taken without reading past the token.
Test(lex, bad_literals) {
    static const struct {
        const char *src, *want;
    } cases[] = {
        {"0x + 08", "INT(0x) ADD INT(08) ;eof EOF"},
        {"\"abc\n1", "STRING(\"abc) ;nl INT(1) ;eof EOF"},
        {"'ab' 'a\nx", "RUNE('ab') RUNE('a) ;nl IDENT(x) ;eof EOF"},
        {"\"\\q\" x", "STRING(\"\\q\") IDENT(x) ;eof EOF"},
        {"`abc", "STRING(`abc) ;eof EOF"},
        {"\"abc", "STRING(\"abc) ;eof EOF"},
        {"1 @ 2", "INT(1) INT(2) ;eof EOF"},
        {"x /* abc", "IDENT(x) ;eof EOF"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        cr_expect_str_eq(render(cases[i].src), cases[i].want, "%s", cases[i].src);

    static const char *const bad[] = {
        "0x", "1e", "0b12", "1__2", "\"\\q\"", "\"\\x4\"", "\"abc", "\"\\", "'ab'",
        "''", "'\\400'", "`abc", "\"\\uD800\"", "'", "\"\\U",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        Token t = first(bad[i], strlen(bad[i]));
        cr_expect(tok_is_literal(t.kind), "%s: %s", bad[i], tok_name(t.kind));
        cr_expect_eq(t.bad, 1, "%s", bad[i]);
        size_t len;
        if (t.kind == T_STRING)
            cr_expect_leq(strlen(lit_string(&t, &len)), 3 * t.len, "%s", bad[i]);
        if (t.kind == T_RUNE)
            (void)lit_rune(&t);
    }
}

// ---- Errors ----

// gc_errors holds each lexical error gc reports. Every source below is the
// body of a file "package main\n\n" BODY "\n" (BODY alone when it starts
// with a BOM), and the expected lines are exactly the lexical errors
// `go tool compile` printed for that file: the texts, lines and columns
// were verified with go 1.19.8 (gc's scanner, cmd/compile/internal/syntax).
// Syntax errors gc adds afterwards are not the lexer's and are left out.
static const struct {
    const char *body;
    size_t len;
    const char *want;
} gc_errors[] = {
    { S("var _ = 1 @ 2"),
      "3:11: invalid character U+0040 '@'\n" },
    { S("var x€ = 1"),
      "3:6: invalid character U+20AC '€' in identifier\n" },
    { S("var € = 1"),
      "3:5: invalid character U+20AC '€' in identifier\n" },
    { S("var ٣x = 1"),
      "3:5: identifier cannot begin with digit U+0663 '٣'\n" },
    { S("var a = 1 \000 + 2"),
      "3:11: invalid NUL character\n" },
    { S("var a = 1 \377 + 2"),
      "3:11: invalid UTF-8 encoding\n" },
    { S("var a = 1 \357\273\277 + 2"),
      "3:11: invalid BOM in the middle of the file\n" },
    { S("var a = \"abc\n"),
      "3:13: newline in string\n" },
    { S("var a = `abc"),
      "3:9: string not terminated\n" },
    { S("var a = 'ab'"),
      "3:9: more than one character in rune literal\n" },
    { S("var a = ''"),
      "3:10: empty rune literal or unescaped '\n" },
    { S("var a = 'a\n"),
      "3:11: newline in rune literal\n" },
    { S("var a = 'a"),
      "3:11: newline in rune literal\n" },
    { S("var a = \"\\q\""),
      "3:11: unknown escape\n" },
    { S("var a = '\\q'"),
      "3:11: unknown escape\n" },
    { S("var a = \"\\xZZ\""),
      "3:12: invalid character 'Z' in hexadecimal escape\n" },
    { S("var a = \"\\x1\""),
      "3:13: invalid character '\"' in hexadecimal escape\n" },
    { S("var a = \"\\400\""),
      "3:14: octal escape value 256 > 255\n" },
    { S("var a = \"\\12x\""),
      "3:13: invalid character 'x' in octal escape\n" },
    { S("var a = \"\\uD800\""),
      "3:16: escape is invalid Unicode code point U+D800\n" },
    { S("var a = \"\\U00110000\""),
      "3:20: escape is invalid Unicode code point U+110000\n" },
    { S("var a = \"\\U0000DFFF\""),
      "3:20: escape is invalid Unicode code point U+DFFF\n" },
    { S("var a = \"\\u12G4\""),
      "3:14: invalid character 'G' in hexadecimal escape\n" },
    { S("var a = 1 /* abc"),
      "3:11: comment not terminated\n" },
    { S("var a = 0x"),
      "3:11: hexadecimal literal has no digits\n" },
    { S("var a = 0b"),
      "3:11: binary literal has no digits\n" },
    { S("var a = 0o"),
      "3:11: octal literal has no digits\n" },
    { S("var a = 0x_"),
      "3:12: hexadecimal literal has no digits\n" },
    { S("var a = 1__2"),
      "3:11: '_' must separate successive digits\n" },
    { S("var a = 1_"),
      "3:10: '_' must separate successive digits\n" },
    { S("var a = 08"),
      "3:10: invalid digit '8' in octal literal\n" },
    { S("var a = 0_9"),
      "3:11: invalid digit '9' in octal literal\n" },
    { S("var a = 0b102"),
      "3:13: invalid digit '2' in binary literal\n" },
    { S("var a = 0o19"),
      "3:12: invalid digit '9' in octal literal\n" },
    { S("var a = 1e"),
      "3:11: exponent has no digits\n" },
    { S("var a = 1e+"),
      "3:12: exponent has no digits\n" },
    { S("var a = 0x1p"),
      "3:13: exponent has no digits\n" },
    { S("var a = 0x1.0"),
      "3:14: hexadecimal mantissa requires a 'p' exponent\n" },
    { S("var a = 0x1.0i"),
      "3:14: hexadecimal mantissa requires a 'p' exponent\n" },
    { S("var a = 0b1e5"),
      "3:12: 'e' exponent requires decimal mantissa\n" },
    { S("var a = 0o7E5"),
      "3:12: 'E' exponent requires decimal mantissa\n" },
    { S("var a = 1p3"),
      "3:10: 'p' exponent requires hexadecimal mantissa\n" },
    { S("var a = 0p1"),
      "3:10: 'p' exponent requires hexadecimal mantissa\n" },
    { S("var a = 0b1.0"),
      "3:12: invalid radix point in binary literal\n" },
    { S("var a = 0o7.1"),
      "3:12: invalid radix point in octal literal\n" },
    { S("var a = 1_.5"),
      "3:10: '_' must separate successive digits\n" },
    { S("var a = 1._5"),
      "3:11: '_' must separate successive digits\n" },
    { S("var a = 1e_5"),
      "3:11: '_' must separate successive digits\n" },
    { S("var a = 0x_1p1_"),
      "3:15: '_' must separate successive digits\n" },
    { S("var a = 0x.p1"),
      "3:12: hexadecimal literal has no digits\n" },
    { S("var a = 089.5 + 089i + 0_1"),
      "" },
    { S("var a = \"a\000b\""),
      "3:11: invalid NUL character\n" },
    { S("var a = \"a\377b\""),
      "3:11: invalid UTF-8 encoding\n" },
    { S("// c \377 d\nvar a = 1"),
      "3:6: invalid UTF-8 encoding\n" },
    { S("/* c \000 d */ var a = 1"),
      "3:6: invalid NUL character\n" },
    { S("var a\377b = 1"),
      "3:6: invalid UTF-8 encoding\n" },
    { S("var a\000b = 1"),
      "3:6: invalid NUL character\n" },
    { S("var a = `x\357y\357\273\277`"),
      "3:11: invalid UTF-8 encoding\n3:13: invalid BOM in the middle of the file\n" },
    { S("var a = 1 \001 \177 \013"),
      "3:11: invalid character U+0001\n3:13: invalid character U+007F\n3:15: invalid character U+000B\n" },
    { S("var a\302\240b = 1"),
      "3:6: invalid character U+00A0 in identifier\n" },
    { S("var a = 1 ? 2"),
      "3:11: invalid character U+003F '?'\n" },
    { S("var a = 1 # $ \\"),
      "3:11: invalid character U+0023 '#'\n3:13: invalid character U+0024 '$'\n3:15: invalid character U+005C '\\'\n" },
    { S("var a = \"\\u00e9\\x80\\377\""),
      "" },
    { S("var a = '\\'' + '\\\"'"),
      "3:18: unknown escape\n" },
    { S("var a = \"\\'\""),
      "3:11: unknown escape\n" },
    { S("var a = '\\400'"),
      "3:14: octal escape value 256 > 255\n" },
    { S("var a = 'ab\n"),
      "3:12: newline in rune literal\n" },
    { S("var a = '\\xZ'"),
      "3:12: invalid character 'Z' in hexadecimal escape\n" },
    { S("var a = '\\x\n"),
      "3:12: invalid character '\\n' in hexadecimal escape\n" },
    { S("var a = \"\\x\n\""),
      "3:12: invalid character '\\n' in hexadecimal escape\n3:12: newline in string\n4:2: newline in string\n" },
    { S("var a = \"\\u'\""),
      "3:12: invalid character '\\'' in hexadecimal escape\n" },
    { S("var a = \"\\xé\""),
      "3:12: invalid character 'é' in hexadecimal escape\n" },
    { S("var a = \"\\x\\\""),
      "3:12: invalid character '\\\\' in hexadecimal escape\n3:14: newline in string\n" },
    { S("var a = \"\\x\t\""),
      "3:12: invalid character '\\t' in hexadecimal escape\n" },
    { S("var a = \"\\x\302\240\""),
      "3:12: invalid character '\\u00a0' in hexadecimal escape\n" },
    { S("var a = \"\\é\""),
      "3:11: unknown escape\n" },
    { S("var a = \"abc"),
      "3:13: newline in string\n" },
    { S("var a = '\\"),
      "3:11: unknown escape\n" },
    { S("var a = '"),
      "3:10: newline in rune literal\n" },
    { S("var a = \"\\"),
      "3:11: unknown escape\n3:11: newline in string\n" },
    { S("var a = 1 /* abc\n def"),
      "3:11: comment not terminated\n" },
    { S("var a = 0xg"),
      "3:11: hexadecimal literal has no digits\n" },
    { S("var a = 0x1e+5 + 0b1_0 + 0o_7 + 0x_1F"),
      "" },
    { S("var a = .5e + 1E1_"),
      "3:12: exponent has no digits\n3:18: '_' must separate successive digits\n" },
    { S("var a = 0b_1__0"),
      "3:14: '_' must separate successive digits\n" },
    { S("var a = 0B1P2"),
      "3:12: 'P' exponent requires hexadecimal mantissa\n" },
    { S("var a = 😀"),
      "3:9: invalid character U+1F600 '😀' in identifier\n" },
    { S("var a😀 = 1"),
      "3:6: invalid character U+1F600 '😀' in identifier\n" },
    { S("var a\355\240\200 = 1"),
      "3:6: invalid UTF-8 encoding\n" },
    { S("var a\300\200 = 1"),
      "3:6: invalid UTF-8 encoding\n" },
    { S("var a = \"\355\240\200\""),
      "3:10: invalid UTF-8 encoding\n" },
    { S("var Ⅰ = 1"),
      "3:5: invalid character U+2160 'Ⅰ' in identifier\n" },
    { S("var a\342\200\213b = 1"),
      "3:6: invalid character U+200B in identifier\n" },
    { S("var a = 1 \342\200\213 + 2"),
      "3:11: invalid character U+200B in identifier\n" },
    { S("var a = 1 \343\200\200 + 2"),
      "3:11: invalid character U+3000 in identifier\n" },
    { S("var a = '\\u00'"),
      "3:14: invalid character '\\'' in hexadecimal escape\n" },
    { S("var a = 1;;"),
      "" },
    { S("var a = 1 /* \377 */"),
      "3:14: invalid UTF-8 encoding\n" },
    { S("var a = 1 /* \357\273\277 */"),
      "3:14: invalid BOM in the middle of the file\n" },
    { S("\357\273\277package main\nvar a = @ + 1"),
      "2:9: invalid character U+0040 '@'\n" },
    { S("var a = 1 @ @ + @"),
      "3:11: invalid character U+0040 '@'\n" },
    { S("var a = \"\\q\\q\" + '\\q'\nvar b = \"\\q\""),
      "3:11: unknown escape\n4:11: unknown escape\n" },
    { S("var a = 1\n\357\273\277"),
      "4:1: invalid BOM in the middle of the file\n" },
    { S("var a = \"\\u0041\\U0001F600\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\""),
      "" },
    { S("var a = '\\400"),
      "3:14: octal escape value 256 > 255\n" },
    { S("var a = \"\\u"),
      "3:12: invalid character '\\n' in hexadecimal escape\n3:12: newline in string\n" },
    { S("var a = 0x1.p-2 + 1.5e+_3"),
      "3:24: '_' must separate successive digits\n" },
    { S("var a = 0o_8 + 0b1_ + 0x1_p2"),
      "3:12: invalid digit '8' in octal literal\n3:19: '_' must separate successive digits\n" },
    { S("var a = 00x1"),
      "" },
    { S("var a = 1e3e"),
      "" },
    { S("var a = 0128 + 09_8"),
      "3:12: invalid digit '8' in octal literal\n3:17: invalid digit '9' in octal literal\n" },
    { S("var a = '\\U0010FFFF' + '\\U00110000'"),
      "3:35: escape is invalid Unicode code point U+110000\n" },
    { S("var a = \"\\x\""),
      "3:12: invalid character '\"' in hexadecimal escape\n" },
    { S("var a = '😀' + '\\'' + '\\\"'"),
      "3:27: unknown escape\n" },
    { S("// abc\000"),
      "3:7: invalid NUL character\n" },
    { S("var a = `a\000b`"),
      "3:11: invalid NUL character\n" },
    { S("var a = \"abc\342"),
      "3:13: invalid UTF-8 encoding\n3:14: newline in string\n" },
    { S("var a = 1 /*/"),
      "3:11: comment not terminated\n" },
    { S("var a = 1 /**/"),
      "" },
    { S("var a = 1 /***/ + 2 /* ** */"),
      "" },
    { S("var a = \"a\rb\" + `c\rd`"),
      "" },
    { S("var a = 0x1P+2 + 0X.8p0 + 1E5 + 0E0 + 0.e1 + 00e1 + 089e1"),
      "" },
    { S("var a = 0i + 0x1i + 0b1i + 0o7i + 1.5i + 0123i + 1e2i"),
      "" },
    { S("var a = 0x1p1.5"),
      "" },
    { S("var a = 0b"),
      "3:11: binary literal has no digits\n" },
    { S("var a = 0b2"),
      "3:11: invalid digit '2' in binary literal\n" },
    { S("var a = 0o8.5"),
      "3:12: invalid radix point in octal literal\n" },
    { S("var a = 0b1.0e5"),
      "3:12: invalid radix point in binary literal\n" },
    { S("var a = 1__.5e__3"),
      "3:11: '_' must separate successive digits\n" },
    { S("var a = 0x__1"),
      "3:12: '_' must separate successive digits\n" },
    { S("var a = 0_x1"),
      "3:10: '_' must separate successive digits\n" },
    { S("var a = 0e"),
      "3:11: exponent has no digits\n" },
    { S("var a = 1.e+"),
      "3:13: exponent has no digits\n" },
    { S("var a = 0x1pi"),
      "3:13: exponent has no digits\n" },
    { S("var a = \"\\U0000D7FF\\U0000E000\\uFFFF\\ud7ff\\uE000\""),
      "" },
    { S("var a = \"\\uDFFF\""),
      "3:16: escape is invalid Unicode code point U+DFFF\n" },
    { S("var a = '\\777'"),
      "3:14: octal escape value 511 > 255\n" },
    { S("var a = \"\\377\\378\""),
      "3:17: invalid character '8' in octal escape\n" },
    { S("var a = 'a\\'"),
      "3:13: newline in rune literal\n" },
    { S("var a = '\\'\n"),
      "3:12: newline in rune literal\n" },
    { S("var a = 'ab"),
      "3:12: newline in rune literal\n" },
    { S("var a = ''\n"),
      "3:10: empty rune literal or unescaped '\n" },
    { S("var a = '''"),
      "3:10: empty rune literal or unescaped '\n3:12: newline in rune literal\n" },
    { S("var ٣٣ = ٣"),
      "3:5: identifier cannot begin with digit U+0663 '٣'\n" },
    { S("var a٣ = 1"),
      "" },
    { S("var \314\201a = 1"),
      "3:5: invalid character U+0301 '\314\201' in identifier\n" },
    { S("var a\314\201 = 1"),
      "3:6: invalid character U+0301 '\314\201' in identifier\n" },
    { S("var é日本 = 1"),
      "" },
    { S("var ᳺ = 1"),
      "" },
    { S("var 𑫀 = 1"),
      "" },
    { S("var a = 1 \000"),
      "3:11: invalid NUL character\n" },
    { S("var a = 1\000"),
      "3:10: invalid NUL character\n" },
    { S("var a = 1 \364\220\200\200 + 2"),
      "3:11: invalid UTF-8 encoding\n" },
    { S("var a = 1 \360\237\230 + 2"),
      "3:11: invalid UTF-8 encoding\n" },
    { S("var a = 1 \342\202 + 2"),
      "3:11: invalid UTF-8 encoding\n" },
    { S("var a = 1 \200\200 + 2"),
      "3:11: invalid UTF-8 encoding\n" },
    { S("var a = `\355\240\200`"),
      "3:10: invalid UTF-8 encoding\n" },
    { S("var a = \"\\xff\\x00\""),
      "" },
    { S("var a = 1 // \357\273\277"),
      "3:14: invalid BOM in the middle of the file\n" },
    { S("func f() { for { break\314\201 } }"),
      "3:23: invalid character U+0301 '\314\201' in identifier\n" },
    { S("var a = breakxé"),
      "" },
};

Test(lex, gc_errors) {
    for (size_t i = 0; i < sizeof gc_errors / sizeof gc_errors[0]; i++) {
        const char *body = gc_errors[i].body;
        size_t n = gc_errors[i].len;
        int bom = n >= 3 && memcmp(body, "\xEF\xBB\xBF", 3) == 0;
        const char *head = bom ? "" : "package main\n\n";
        size_t hn = strlen(head);
        char *src = mem_alloc_atomic(hn + n + 2);
        memcpy(src, head, hn);
        memcpy(src + hn, body, n);
        src[hn + n] = '\n';
        src[hn + n + 1] = 0;
        cr_expect_str_eq(errors_of(src, hn + n + 1), gc_errors[i].want, "case %zu: %s", i, body);
    }
}

// gc_errors_at_eof: the same, for files "package main\n\n" BODY that end
// without a newline (verified with go 1.19.8 likewise).
static const struct {
    const char *body, *want;
} gc_errors_at_eof[] = {
    {"var a = 'a", "3:9: rune literal not terminated\n"},
    {"var a = 'ab", "3:9: rune literal not terminated\n"},
    {"var a = '", "3:9: rune literal not terminated\n"},
    {"var a = '\\", "3:9: rune literal not terminated\n"},
    {"var a = '\\u12", "3:9: rune literal not terminated\n"},
    {"var a = \"abc", "3:9: string not terminated\n"},
    {"var a = \"\\x4", "3:9: string not terminated\n"},
    {"var a = \"\\U0001", "3:9: string not terminated\n"},
    {"var a = `abc", "3:9: string not terminated\n"},
    {"var a = 1 /* abc", "3:11: comment not terminated\n"},
    {"var a = 0x", "3:11: hexadecimal literal has no digits\n"},
    {"var a = x // c", ""},
};

Test(lex, gc_errors_at_eof) {
    for (size_t i = 0; i < sizeof gc_errors_at_eof / sizeof gc_errors_at_eof[0]; i++) {
        char *src = mem_sprintf("package main\n\n%s", gc_errors_at_eof[i].body);
        cr_expect_str_eq(errors_of(src, strlen(src)), gc_errors_at_eof[i].want, "%s",
                         gc_errors_at_eof[i].body);
    }
}

// Unicode 15.0 letters are letters here; go 1.19 (Unicode 13.0) says
// "invalid character U+1E030 in identifier" for this one, Go 1.21 does not.
Test(lex, unicode_15_letters) {
    cr_expect_str_eq(errors_of(S("var \xF0\x9E\x80\xB0 = 1")), "");
}

// Errors do not stop the scan: all of them are reported in one run, each
// where gc puts it.
Test(lex, keeps_going) {
    const char *src = "a := @ 0x\nb := \"\\q\" + '' \n/* x";
    cr_expect_str_eq(errors_of(src, strlen(src)),
                     "1:6: invalid character U+0040 '@'\n"
                     "1:10: hexadecimal literal has no digits\n"
                     "2:8: unknown escape\n"
                     "2:14: empty rune literal or unescaped '\n"
                     "3:1: comment not terminated\n");
    cr_expect_str_eq(render(src),
                     "IDENT(a) DEFINE INT(0x) ;nl IDENT(b) DEFINE STRING(\"\\q\") ADD RUNE('') ;nl EOF");
}
