// tests/unit/parser.c: criterion tests of the parser (parser/go.y,
// parser/parse.c, parser/ast.c): each construct of Go's syntax parsed from a
// small source and compared, as an S-expression (ast_sexpr, parser/dump.c),
// with a tree written out by hand; the `{` decisions of the token pump
// (ParseWouldAccept); every syntax error message with its position; and
// inputs that must neither crash nor recurse without bound.
//
// Tables are static arrays walked inside one Test (not ParameterizedTest):
// criterion copies parameters into another process, where pointers into a
// PIE binary's string literals are not valid (shared/notes/criterion-and-ci.md).
#include "common/diag.h"
#include "common/mem.h"
#include "common/source.h"
#include "lexer/lex.h"
#include "parser/seam.h"
#include "parser/go.h"
#include "parser/parse.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void setup(void) {
    GC_INIT();
}

TestSuite(parser, .init = setup);

// ---- Helpers ----

// errors returns the diagnostics as diag_flush prints them, without the
// "x.go:" before each line; "" if there were none.
static char *errors(Diag *d) {
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    diag_flush(d, f);
    fclose(f);
    char *s = mem_strndup(out, len);
    free(out);
    // Drop the file names.
    char *r = mem_alloc(len + 1), *w = r;
    for (const char *p = s; *p;) {
        if (strncmp(p, "x.go:", 5) == 0)
            p += 5;
        while (*p && *p != '\n')
            *w++ = *p++;
        if (*p)
            *w++ = *p++;
    }
    *w = 0;
    return r;
}

// parse parses src as x.go; *errs gets the errors ("" if none).
static Node *parse(const char *src, char **errs) {
    Diag *d = diag_new();
    Node *f = parse_file(source_from_string("x.go", src, strlen(src)), d);
    *errs = errors(d);
    return f;
}

// decls parses "package p" and src, and returns the declarations as
// S-expressions separated by spaces; the test fails on syntax errors.
static char *decls(const char *src) {
    char *errs;
    Node *f = parse(mem_sprintf("package p\n%s\n", src), &errs);
    cr_assert_str_eq(errs, "", "errors in %s", src);
    char *s = mem_sprintf("%s", "");
    for (int i = 0; i < f->list.n; i++)
        s = mem_sprintf("%s%s%s", s, i ? " " : "", ast_sexpr(f->list.v[i]));
    return s;
}

// stmts parses src as the body of a function and returns its statements
// as S-expressions separated by spaces.
static char *stmts(const char *src) {
    char *errs;
    Node *f = parse(mem_sprintf("package p\nfunc _() {\n%s\n}\n", src), &errs);
    cr_assert_str_eq(errs, "", "errors in %s", src);
    Node *body = f->list.v[0]->body;
    char *s = mem_sprintf("%s", "");
    for (int i = 0; i < body->list.n; i++)
        s = mem_sprintf("%s%s%s", s, i ? " " : "", ast_sexpr(body->list.v[i]));
    return s;
}

// expr parses `_ = src` in a function and returns src's tree.
static char *expr(const char *src) {
    char *errs;
    Node *f = parse(mem_sprintf("package p\nfunc _() {\n_ = %s\n}\n", src), &errs);
    cr_assert_str_eq(errs, "", "errors in %s", src);
    return ast_sexpr(f->list.v[0]->body->list.v[0]->rlist.v[0]);
}

typedef struct Case {
    const char *src;
    const char *want;
} Case;

#define CHECK(fn, table)                                                             \
    for (size_t i_ = 0; i_ < sizeof(table) / sizeof(table)[0]; i_++)                 \
        cr_expect_str_eq(fn((table)[i_].src), (table)[i_].want, "source: %s", (table)[i_].src)

// ---- Declarations ----

Test(parser, package_clause) {
    char *errs;
    Node *f = parse("package main\n", &errs);
    cr_assert_str_eq(errs, "");
    cr_expect_str_eq(ast_sexpr(f), "(FILE main [])");
    cr_expect_eq(f->name->line, 1);
    cr_expect_eq(f->name->col, 9);
}

Test(parser, imports) {
    static const Case cases[] = {
        { "import \"fmt\"", "(DECL import [(IMPORTSPEC nil \"fmt\")])" },
        { "import (\n\t\"a\"\n\tb \"b\"\n\t. \"c\"\n\t_ \"d\"\n)",
          "(DECL import paren [(IMPORTSPEC nil \"a\") (IMPORTSPEC b \"b\") "
          "(IMPORTSPEC . \"c\") (IMPORTSPEC _ \"d\")])" },
        { "import ()", "(DECL import paren [])" },
        { "import `raw`; import m \"math\"",
          "(DECL import [(IMPORTSPEC nil `raw`)]) (DECL import [(IMPORTSPEC m \"math\")])" },
    };
    CHECK(decls, cases);
}

Test(parser, const_var) {
    static const Case cases[] = {
        { "const c = 1", "(DECL const [(CONSTSPEC [c] nil [1])])" },
        { "const (\n\tA = iota\n\tB\n\tC, D float64 = 1, 2\n)",
          "(DECL const paren [(CONSTSPEC [A] nil [iota]) (CONSTSPEC [B] nil []) "
          "(CONSTSPEC [C D] float64 [1 2])])" },
        { "var x, y int = 1, 2", "(DECL var [(VARSPEC [x y] int [1 2])])" },
        { "var (\n\tz = f()\n\tw []string;\n)",
          "(DECL var paren [(VARSPEC [z] nil [(CALL f [])]) (VARSPEC [w] (SLICETYPE string) [])])" },
    };
    CHECK(decls, cases);
    // Each spec of a const group knows its iota.
    char *errs;
    Node *f = parse("package p\nconst (\n\tA = iota\n\tB\n\tC\n)\n", &errs);
    Node *g = f->list.v[0];
    cr_expect_eq(g->list.v[0]->index, 0);
    cr_expect_eq(g->list.v[2]->index, 2);
}

Test(parser, type_decls) {
    static const Case cases[] = {
        { "type T struct{}", "(DECL type [(TYPESPEC T [] (STRUCTTYPE []))])" },
        { "type A = B", "(DECL type [(TYPESPEC alias A [] B)])" },
        { "type L[T any] []T", "(DECL type [(TYPESPEC L [(FIELD [T] any nil)] (SLICETYPE T))])" },
        { "type M[K comparable, V any] map[K]V",
          "(DECL type [(TYPESPEC M [(FIELD [K] comparable nil) (FIELD [V] any nil)] "
          "(MAPTYPE K V))])" },
        { "type P[A, B any] struct{}",
          "(DECL type [(TYPESPEC P [(FIELD [A B] any nil)] (STRUCTTYPE []))])" },
        { "type G[P any] = []P", "(DECL type [(TYPESPEC alias G [(FIELD [P] any nil)] (SLICETYPE P))])" },
        { "type (\n\tS []int\n\tR [...]int\n)",
          "(DECL type paren [(TYPESPEC S [] (SLICETYPE int)) "
          "(TYPESPEC R [] (ARRAYTYPE (ELLIPSIS nil) int))])" },
    };
    CHECK(decls, cases);
}

// Array or type parameters (go.y, Declarations): gc's reading.
Test(parser, array_or_type_params) {
    static const Case cases[] = {
        { "type A [N]int", "(DECL type [(TYPESPEC A [] (ARRAYTYPE N int))])" },
        { "type A [N + 1]int", "(DECL type [(TYPESPEC A [] (ARRAYTYPE (BINARY + N 1) int))])" },
        { "type P[T *C] struct{}",
          "(DECL type [(TYPESPEC P [] (ARRAYTYPE (BINARY * T C) (STRUCTTYPE [])))])" },
        { "type Q[T *C,] struct{}", "(DECL type [(TYPESPEC Q [(FIELD [T] (STAR C) nil)] (STRUCTTYPE []))])" },
        { "type R[T *C | ~int] int",
          "(DECL type [(TYPESPEC R [(FIELD [T] (BINARY | (STAR C) (UNARY ~ int)) nil)] int)])" },
        { "type S[P (C)] int", "(DECL type [(TYPESPEC S [] (ARRAYTYPE (CALL P [C]) int))])" },
        { "type U[P ([]int)] int", "(DECL type [(TYPESPEC U [(FIELD [P] (SLICETYPE int) nil)] int)])" },
        { "type V[P *struct{}] int",
          "(DECL type [(TYPESPEC V [(FIELD [P] (STAR (STRUCTTYPE [])) nil)] int)])" },
        { "type W[P []E] int", "(DECL type [(TYPESPEC W [(FIELD [P] (SLICETYPE E) nil)] int)])" },
        { "type X[P ~int | ~string, Q interface{ M() }] int",
          "(DECL type [(TYPESPEC X [(FIELD [P] (BINARY | (UNARY ~ int) (UNARY ~ string)) nil) "
          "(FIELD [Q] (IFACETYPE [(FIELD [M] (FUNCTYPE [] []) nil)]) nil)] int)])" },
    };
    CHECK(decls, cases);
}

Test(parser, func_decls) {
    static const Case cases[] = {
        { "func f()", "(FUNCDECL [] f [] (FUNCTYPE [] []) nil)" },
        { "func f(a, b int, c ...string) (r int, err error) {}",
          "(FUNCDECL [] f [] (FUNCTYPE [(FIELD [a b] int nil) (FIELD [c] (ELLIPSIS string) nil)] "
          "[(FIELD [r] int nil) (FIELD [err] error nil)]) (BLOCK []))" },
        { "func f(int, []string) error",
          "(FUNCDECL [] f [] (FUNCTYPE [(FIELD [] int nil) (FIELD [] (SLICETYPE string) nil)] "
          "[(FIELD [] error nil)]) nil)" },
        { "func g[T any, U ~int | string](x T, y []U, z List[T], w pkg.L[T]) T { return x }",
          "(FUNCDECL [] g [(FIELD [T] any nil) (FIELD [U] (BINARY | (UNARY ~ int) string) nil)] "
          "(FUNCTYPE [(FIELD [x] T nil) (FIELD [y] (SLICETYPE U) nil) (FIELD [z] (INDEX List [T]) nil) "
          "(FIELD [w] (INDEX (SELECTOR pkg L) [T]) nil)] [(FIELD [] T nil)]) (BLOCK [(RETURN [x])]))" },
        { "func h(a [N]T, b List[T], m map[K]V)",
          "(FUNCDECL [] h [] (FUNCTYPE [(FIELD [a] (ARRAYTYPE N T) nil) (FIELD [b] (INDEX List [T]) nil) "
          "(FIELD [m] (MAPTYPE K V) nil)] []) nil)" },
        { "func h(List[T], [N]T, pkg.T)",
          "(FUNCDECL [] h [] (FUNCTYPE [(FIELD [] (INDEX List [T]) nil) (FIELD [] (ARRAYTYPE N T) nil) "
          "(FIELD [] (SELECTOR pkg T) nil)] []) nil)" },
        { "func (l *List[T]) Len() int { return 0 }",
          "(FUNCDECL method [(FIELD [l] (STAR (INDEX List [T])) nil)] Len [] "
          "(FUNCTYPE [] [(FIELD [] int nil)]) (BLOCK [(RETURN [0])]))" },
        { "func (T) M()", "(FUNCDECL method [(FIELD [] T nil)] M [] (FUNCTYPE [] []) nil)" },
        { "func f() func() (int, error)",
          "(FUNCDECL [] f [] (FUNCTYPE [] [(FIELD [] (FUNCTYPE [] [(FIELD [] int nil) "
          "(FIELD [] error nil)]) nil)]) nil)" },
    };
    CHECK(decls, cases);
}

// ---- Types ----

Test(parser, types) {
    static const Case cases[] = {
        { "var a [4]*T", "(DECL var [(VARSPEC [a] (ARRAYTYPE 4 (STAR T)) [])])" },
        { "var c chan<- int", "(DECL var [(VARSPEC [c] (CHANTYPE send int) [])])" },
        { "var c <-chan int", "(DECL var [(VARSPEC [c] (CHANTYPE recv int) [])])" },
        { "var c chan (<-chan int)",
          "(DECL var [(VARSPEC [c] (CHANTYPE (PAREN (CHANTYPE recv int))) [])])" },
        { "var c chan<- chan int", "(DECL var [(VARSPEC [c] (CHANTYPE send (CHANTYPE int)) [])])" },
        { "var c chan<- <-chan int",
          "(DECL var [(VARSPEC [c] (CHANTYPE send (CHANTYPE recv int)) [])])" },
        { "var f func(int, ...string) bool",
          "(DECL var [(VARSPEC [f] (FUNCTYPE [(FIELD [] int nil) (FIELD [] (ELLIPSIS string) nil)] "
          "[(FIELD [] bool nil)]) [])])" },
        { "var m map[string][]pkg.T", "(DECL var [(VARSPEC [m] (MAPTYPE string (SLICETYPE (SELECTOR pkg T))) [])])" },
        { "type S struct {\n\ta, b int \"tag\"\n\t*T\n\tpkg.U\n\tV[int]\n\t*W[K, V]\n\tx [2]byte\n\ty []X\n}",
          "(DECL type [(TYPESPEC S [] (STRUCTTYPE [(FIELD [a b] int \"tag\") (FIELD [] (STAR T) nil) "
          "(FIELD [] (SELECTOR pkg U) nil) (FIELD [] (INDEX V [int]) nil) "
          "(FIELD [] (STAR (INDEX W [K V])) nil) (FIELD [x] (ARRAYTYPE 2 byte) nil) "
          "(FIELD [y] (SLICETYPE X) nil)]))])" },
        { "type I interface {\n\tM(x int) error\n\tfmt.Stringer\n\t~int | ~string\n\tC[T]\n}",
          "(DECL type [(TYPESPEC I [] (IFACETYPE [(FIELD [M] (FUNCTYPE [(FIELD [x] int nil)] "
          "[(FIELD [] error nil)]) nil) (FIELD [] (SELECTOR fmt Stringer) nil) "
          "(FIELD [] (BINARY | (UNARY ~ int) (UNARY ~ string)) nil) (FIELD [] (INDEX C [T]) nil)]))])" },
    };
    CHECK(decls, cases);
}

// ---- Expressions ----

Test(parser, operands_and_literals) {
    static const Case cases[] = {
        { "x", "x" },
        { "42", "42" },
        { "0x1p-2", "0x1p-2" },
        { "'a'", "'a'" },
        { "\"s\"", "\"s\"" },
        { "[]T{{1, 2}, {3}}", "(COMPOSITE (SLICETYPE T) [(COMPOSITE nil [1 2]) (COMPOSITE nil [3])])" },
        { "map[string]int{\"a\": 1, \"b\": 2,}",
          "(COMPOSITE (MAPTYPE string int) [(KEYVALUE \"a\" 1) (KEYVALUE \"b\" 2)])" },
        { "map[P]string{{1, 2}: \"a\"}",
          "(COMPOSITE (MAPTYPE P string) [(KEYVALUE (COMPOSITE nil [1 2]) \"a\")])" },
        { "[...]int{1, 2}", "(COMPOSITE (ARRAYTYPE (ELLIPSIS nil) int) [1 2])" },
        { "&T{A: 1}", "(UNARY & (COMPOSITE T [(KEYVALUE A 1)]))" },
        { "pkg.T{}", "(COMPOSITE (SELECTOR pkg T) [])" },
        { "Pair[K, V]{}", "(COMPOSITE (INDEX Pair [K V]) [])" },
        { "struct{ a int }{1}", "(COMPOSITE (STRUCTTYPE [(FIELD [a] int nil)]) [1])" },
        { "func(x int) int { return x }",
          "(FUNCLIT (FUNCTYPE [(FIELD [x] int nil)] [(FIELD [] int nil)]) (BLOCK [(RETURN [x])]))" },
    };
    CHECK(expr, cases);
}

Test(parser, primary_expressions) {
    static const Case cases[] = {
        { "a.b.c", "(SELECTOR (SELECTOR a b) c)" },
        { "(*T).M", "(SELECTOR (PAREN (STAR T)) M)" },
        { "T.M", "(SELECTOR T M)" },
        { "struct{ I }.M", "(SELECTOR (STRUCTTYPE [(FIELD [] I nil)]) M)" },
        { "[]byte(s)", "(CALL (SLICETYPE byte) [s])" },
        { "(*T)(x)", "(CALL (PAREN (STAR T)) [x])" },
        { "(func())(x)", "(CALL (PAREN (FUNCTYPE [] [])) [x])" },
        { "<-chan int(c)", "(UNARY <- (CALL (CHANTYPE int) [c]))" },
        { "x.(T)", "(TYPEASSERT x T)" },
        { "x.(interface{ M() })", "(TYPEASSERT x (IFACETYPE [(FIELD [M] (FUNCTYPE [] []) nil)]))" },
        { "a[i]", "(INDEX a [i])" },
        { "a[i:j]", "(SLICE a i j nil)" },
        { "a[:]", "(SLICE a nil nil nil)" },
        { "a[i:j:k]", "(SLICE slice3 a i j k)" },
        { "f[int]", "(INDEX f [int])" },
        { "f[int, []string](x)", "(CALL (INDEX f [int (SLICETYPE string)]) [x])" },
        { "f()", "(CALL f [])" },
        { "f(a, b,)", "(CALL f [a b])" },
        { "f(xs...)", "(CALL dots f [xs])" },
        { "make([]int, n)", "(CALL make [(SLICETYPE int) n])" },
        { "new(map[K]V)", "(CALL new [(MAPTYPE K V)])" },
        { "func() {}()", "(CALL (FUNCLIT (FUNCTYPE [] []) (BLOCK [])) [])" },
    };
    CHECK(expr, cases);
}

Test(parser, operators) {
    static const Case cases[] = {
        { "a + b*c == d && e || f",
          "(BINARY || (BINARY && (BINARY == (BINARY + a (BINARY * b c)) d) e) f)" },
        { "a - b - c", "(BINARY - (BINARY - a b) c)" },
        { "a << 1 | b &^ c", "(BINARY | (BINARY << a 1) (BINARY &^ b c))" },
        { "-x * +y", "(BINARY * (UNARY - x) (UNARY + y))" },
        { "!b", "(UNARY ! b)" },
        { "^y", "(UNARY ^ y)" },
        { "<-c", "(UNARY <- c)" },
        { "*p", "(STAR p)" },
        { "&x.y", "(UNARY & (SELECTOR x y))" },
        { "*T(x)", "(STAR (CALL T [x]))" },
        { "a != b", "(BINARY != a b)" },
    };
    CHECK(expr, cases);
}

// Positions: gc reports a binary expression at its operator, a call at its
// `(`; line/col always hold the first token.
Test(parser, positions) {
    char *errs;
    Node *f = parse("package p\nvar x = a +\n\tf(b)\n", &errs);
    Node *bin = f->list.v[0]->list.v[0]->rlist.v[0];
    cr_assert_eq(bin->kind, N_BINARY);
    cr_expect_eq(bin->line, 2);
    cr_expect_eq(bin->col, 9);
    cr_expect_eq(bin->opline, 2);
    cr_expect_eq(bin->opcol, 11);
    Node *call = bin->y;
    cr_expect_eq(call->line, 3);
    cr_expect_eq(call->col, 2);
    cr_expect_eq(call->opcol, 3);
    cr_expect_eq(call->x->len, 1);
    cr_expect(ast_name_is(call->x, "f"));
}

// ---- Statements ----

Test(parser, simple_statements) {
    static const Case cases[] = {
        { "x := 1", "(ASSIGN := [x] [1])" },
        { "a, b := f()", "(ASSIGN := [a b] [(CALL f [])])" },
        { "a, b = b, a", "(ASSIGN = [a b] [b a])" },
        { "x += 2", "(ASSIGN += [x] [2])" },
        { "x <<= 1", "(ASSIGN <<= [x] [1])" },
        { "x++", "(INCDEC ++ x)" },
        { "m[k]--", "(INCDEC -- (INDEX m [k]))" },
        { "c <- v + 1", "(SEND c (BINARY + v 1))" },
        { "f(x)", "(EXPRSTMT (CALL f [x]))" },
        { "x == T{}", "(EXPRSTMT (BINARY == x (COMPOSITE T [])))" },
        { "go f(x)", "(GO (CALL f [x]))" },
        { "defer func() {}()", "(DEFER (CALL (FUNCLIT (FUNCTYPE [] []) (BLOCK [])) []))" },
        { "return", "(RETURN [])" },
        { "return a, b", "(RETURN [a b])" },
        { "var x int", "(DECLSTMT (DECL var [(VARSPEC [x] int [])]))" },
        { "type T[P any] struct{ p P }",
          "(DECLSTMT (DECL type [(TYPESPEC T [(FIELD [P] any nil)] (STRUCTTYPE [(FIELD [p] P nil)]))]))" },
        { "{ x := 1; _ = x }", "(BLOCK [(ASSIGN := [x] [1]) (ASSIGN = [_] [x])])" },
        { ";;", "" },
    };
    CHECK(stmts, cases);
}

Test(parser, labels_and_branches) {
    static const Case cases[] = {
        { "L:\n", "(LABELED L (EMPTY))" },
        { "L: for {\n\tbreak L\n\tcontinue L\n}",
          "(LABELED L (FOR nil nil nil (BLOCK [(BRANCH break L) (BRANCH continue L)])))" },
        { "goto L\nL: x++", "(BRANCH goto L) (LABELED L (INCDEC ++ x))" },
        { "for { break; continue }", "(FOR nil nil nil (BLOCK [(BRANCH break nil) (BRANCH continue nil)]))" },
        { "switch { case true: fallthrough\ndefault: }",
          "(SWITCH nil nil [(CASE [true] (BLOCK [(BRANCH fallthrough nil)])) (CASE default [] (BLOCK []))])" },
    };
    CHECK(stmts, cases);
}

Test(parser, if_statements) {
    static const Case cases[] = {
        { "if x {}", "(IF nil x (BLOCK []) nil)" },
        { "if x := f(); x > 0 {\n} else if y {\n} else {\n}",
          "(IF (ASSIGN := [x] [(CALL f [])]) (BINARY > x 0) (BLOCK []) "
          "(IF nil y (BLOCK []) (BLOCK [])))" },
        { "if a {} else if b {} else if c {}",
          "(IF nil a (BLOCK []) (IF nil b (BLOCK []) (IF nil c (BLOCK []) nil)))" },
        { "if f := func() bool { return true }; f() {}",
          "(IF (ASSIGN := [f] [(FUNCLIT (FUNCTYPE [] [(FIELD [] bool nil)]) (BLOCK [(RETURN [true])]))]) "
          "(CALL f []) (BLOCK []) nil)" },
    };
    CHECK(stmts, cases);
}

Test(parser, switch_statements) {
    static const Case cases[] = {
        { "switch {}", "(SWITCH nil nil [])" },
        { "switch x := 1; x {\ncase 1, 2:\n\tf()\ndefault:\n}",
          "(SWITCH (ASSIGN := [x] [1]) x [(CASE [1 2] (BLOCK [(EXPRSTMT (CALL f []))])) "
          "(CASE default [] (BLOCK []))])" },
        { "switch f(); {}", "(SWITCH (EXPRSTMT (CALL f [])) nil [])" },
        { "switch y := x.(type) {\ncase int:\ncase nil, *T, []int, map[K]V, pkg.T, L[int]:\n}",
          "(TYPESWITCH nil y x [(CASE [int] (BLOCK [])) "
          "(CASE [nil (STAR T) (SLICETYPE int) (MAPTYPE K V) (SELECTOR pkg T) (INDEX L [int])] "
          "(BLOCK []))])" },
        { "switch x.(type) {}", "(TYPESWITCH nil nil x [])" },
        { "switch a := f(); t := a.(type) {}", "(TYPESWITCH (ASSIGN := [a] [(CALL f [])]) t a [])" },
    };
    CHECK(stmts, cases);
}

Test(parser, select_statements) {
    static const Case cases[] = {
        { "select {}", "(SELECT [])" },
        { "select {\ncase v, ok := <-c:\ncase c <- v:\ncase <-d:\ncase x = <-e:\ndefault:\n}",
          "(SELECT [(COMM (ASSIGN := [v ok] [(UNARY <- c)]) (BLOCK [])) (COMM (SEND c v) (BLOCK [])) "
          "(COMM (EXPRSTMT (UNARY <- d)) (BLOCK [])) (COMM (ASSIGN = [x] [(UNARY <- e)]) (BLOCK [])) "
          "(COMM default nil (BLOCK []))])" },
    };
    CHECK(stmts, cases);
}

Test(parser, for_statements) {
    static const Case cases[] = {
        { "for {}", "(FOR nil nil nil (BLOCK []))" },
        { "for c {}", "(FOR nil c nil (BLOCK []))" },
        { "for i := 0; i < n; i++ {}",
          "(FOR (ASSIGN := [i] [0]) (BINARY < i n) (INCDEC ++ i) (BLOCK []))" },
        { "for ;; {}", "(FOR nil nil nil (BLOCK []))" },
        { "for k, v := range m {}", "(RANGE := k v m (BLOCK []))" },
        { "for range ch {}", "(RANGE nil nil ch (BLOCK []))" },
        { "for i := range 10 {}", "(RANGE := i nil 10 (BLOCK []))" },
        { "for x = range s {}", "(RANGE = x nil s (BLOCK []))" },
        { "for _, x := range []int{1, 2} {}",
          "(RANGE := _ x (COMPOSITE (SLICETYPE int) [1 2]) (BLOCK []))" },
    };
    CHECK(stmts, cases);
}

// ---- The brace after a header (ParseWouldAccept) ----

// braces feeds src (a function body) to the parser the way parse_file
// does and returns, for each `{`, whether it went in as LBODY or LBRACE.
static char *braces(const char *body) {
    const char *text = mem_sprintf("package p\nfunc f() %s\n", body);
    Source *src = source_from_string("x.go", text, strlen(text));
    Diag *d = diag_new();
    AstCtx *c = mem_new(AstCtx);
    c->src = src;
    c->diag = d;
    Token at = { .line = 1, .col = 1 };
    c->file = ast_new(c, N_FILE, &at);
    Lexer *lx = lex_new(src, d);
    void *p = ParseAlloc(mem_alloc);
    char *out = mem_sprintf("%s", "");
    for (;;) {
        Token t = lex_next(lx);
        int major = parse_token_code(t.kind);
        if (t.kind == T_LBRACE) {
            if (ParseWouldAccept(p, TK_LBODY))
                major = TK_LBODY;
            out = mem_sprintf("%s%s%s", out, *out ? " " : "", major == TK_LBODY ? "LBODY" : "LBRACE");
        }
        Parse(p, major, t, c);
        if (t.kind == T_EOF)
            break;
    }
    cr_expect_str_eq(errors(d), "", "errors in %s", body);
    return out;
}

Test(parser, body_brace) {
    static const Case cases[] = {
        // The first brace is the function's body.
        { "{ if x == T {} }", "LBRACE LBODY" },
        { "{ if (x == T{}) {} }", "LBRACE LBRACE LBODY" },
        { "{ if v := []T{}; v == T {} }", "LBRACE LBODY LBODY" },
        { "{ x == T{} }", "LBRACE LBRACE" },
        { "{ { x() } }", "LBRACE LBRACE" },
        { "{ for _, v := range []int{1} { _ = v } }", "LBRACE LBODY LBODY" },
        { "{ if f := func() bool { return true }; f() {} }", "LBRACE LBODY LBODY" },
        { "{ switch x := (T{}); x {} }", "LBRACE LBRACE LBODY" },
        { "{ select {} }", "LBRACE LBODY" },
        { "{ for { if a[T{}.x] {} } }", "LBRACE LBODY LBRACE LBODY" },
        { "{ if x := struct{}{}; true {} }", "LBRACE LBODY LBODY LBODY" },
    };
    CHECK(braces, cases);
    // The same decisions, seen in the tree: `if x == T {` compares with T.
    cr_expect_str_eq(stmts("if x == T {\n}"), "(IF nil (BINARY == x T) (BLOCK []) nil)");
    cr_expect_str_eq(stmts("if (x == T{}) {\n}"),
                     "(IF nil (PAREN (BINARY == x (COMPOSITE T []))) (BLOCK []) nil)");
    cr_expect_str_eq(stmts("if v := []T{}; v == T {\n}"),
                     "(IF (ASSIGN := [v] [(COMPOSITE (SLICETYPE T) [])]) (BINARY == v T) (BLOCK []) nil)");
}

// ---- Syntax errors ----

// first_error parses src and returns its errors.
static char *all_errors(const char *src) {
    char *errs;
    parse(src, &errs);
    return errs;
}

#define F(body) "package main\n\nfunc main() {\n" body "\n}\n"

Test(parser, syntax_errors) {
    static const Case cases[] = {
        { "main\n", "1:1: syntax error: package statement must be first\n" },
        { "package\n", "2:1: syntax error: unexpected EOF, expected name\n" },
        { "package 1\n", "1:9: syntax error: unexpected literal 1, expected name\n" },
        { F("\tx := 1 +"), "5:1: syntax error: unexpected }, expected expression\n" },
        { F("\tx := a b"), "4:9: syntax error: unexpected name b at end of statement\n" },
        { F("\tx++ ++"), "4:6: syntax error: unexpected ++ at end of statement\n" },
        { F("\tf(a b)"), "4:6: syntax error: unexpected name b in argument list; possibly missing comma or )\n" },
        { F("\tf(1,\n\t\t2\n\t)"),
          "5:4: syntax error: unexpected newline in argument list; possibly missing comma or )\n" },
        { F("\t_ = []int{1 2}"),
          "4:14: syntax error: unexpected literal 2 in composite literal; possibly missing comma or }\n" },
        { F("\t_ = map[string]int{\n\t\t\"a\": 1\n\t}"),
          "5:9: syntax error: unexpected newline in composite literal; possibly missing comma or }\n" },
        { F("\tif x {\n\t}\n\telse {\n\t}"), "6:2: syntax error: unexpected keyword else, expected }\n" },
        { F("\tif x {\n\t} else for {\n\t}"), "5:9: syntax error: else must be followed by if or statement block\n" },
        { F("\tfor var i = 0; i < 3; i++ {\n\t}"),
          "4:10: syntax error: var declaration not allowed in for initializer\n" },
        { F("\tfor i := 0; i < 3; i++\n\t{\n\t}"),
          "4:24: syntax error: unexpected newline, expected { after for clause\n" },
        { F("\tif x\n\t{\n\t}"), "4:6: syntax error: unexpected newline, expected { after if clause\n" },
        { F("\tif {\n\t}"), "4:5: syntax error: missing condition in if statement\n" },
        { F("\tif x; {\n\t}"), "4:6: syntax error: missing condition in if statement\n" },
        { F("\tif x y {\n\t}"), "4:7: syntax error: unexpected name y, expected {\n" },
        { F("\tif x; y z {\n\t}"), "4:10: syntax error: unexpected name z, expected { after if clause\n" },
        { F("\tfor x y {\n\t}"), "4:8: syntax error: unexpected name y, expected {\n" },
        { F("\tfor x;\n\t{\n\t}"), "5:2: syntax error: unexpected {, expected for loop condition\n" },
        { F("\tswitch x y {\n\t}"), "4:11: syntax error: unexpected name y, expected {\n" },
        { F("\tswitch x; y z {\n\t}"), "4:14: syntax error: missing { after switch clause\n" },
        { F("\tif x := 1 {\n\t}"), "4:7: syntax error: cannot use x := 1 as value\n" },
        { F("\tif x = 1 {\n\t}"), "4:7: syntax error: cannot use assignment x = 1 as value\n" },
        { F("\tif a + b = c {\n\t}"), "4:11: syntax error: cannot use assignment (a + b) = c as value\n" },
        { F("\tswitch x {\n\tcase 1\n\t}"), "5:8: syntax error: unexpected newline, expected :\n" },
        { F("\t)"), "4:2: syntax error: unexpected ), expected }\n" },
        { F("\tfmt.Println(\"hi\"))"), "4:19: syntax error: unexpected ) at end of statement\n" },
        { F("\ta[0 = 1"), "4:6: syntax error: unexpected =, expected comma, : or ]\n" },
        { F("\tx = = 1"), "4:6: syntax error: unexpected =, expected expression\n" },
        { F("\tfunc inner() {}"), "4:7: syntax error: unexpected name inner, expected (\n" },
        { F("\tswitch {\n\t}\n\tcase 2:"), "6:2: syntax error: unexpected keyword case, expected }\n" },
        { F("\tx.a++ = 2"), "4:8: syntax error: unexpected = at end of statement\n" },
        { F("\tswitch {\n\tcase 1:\n\t)\n\t}"),
          "6:2: syntax error: unexpected ), expected case or default or }\n" },
        { F("\ta."), "5:1: syntax error: unexpected }, expected name or (\n" },
        { F("\tx := ["), "5:1: syntax error: unexpected }, expected expression\n" },
        { F("\tf("), "5:1: syntax error: unexpected }, expected expression\n" },
        { F("\tswitch {\n\tcase 1:\n\tL:\n\tcase 2:\n\t}"),
          "6:3: syntax error: missing statement after label\n" },
        { F("\t_ = (T){}"), "4:9: syntax error: cannot parenthesize type in composite literal\n" },
        { F("\t_ = m[]"), "4:8: syntax error: unexpected ], expected operand\n" },
        { F("\tvar x := 1"), "4:8: syntax error: unexpected :=, expected =\n" },
        { "package main\n\nfunc main() {\n", "4:1: syntax error: unexpected EOF, expected }\n" },
        { "package main\n\nx := 1\n", "3:1: syntax error: non-declaration statement outside function body\n" },
        { "package main\n\nfunc main()\n{\n}\n", "4:1: syntax error: unexpected semicolon or newline before {\n" },
        { "package main\n\nvar x int y\n", "3:11: syntax error: unexpected name y after top level declaration\n" },
        { "package main\n\nvar (\n\tx int y\n)\n",
          "4:8: syntax error: unexpected name y in grouped declaration; possibly missing semicolon or newline or )\n" },
        { "package main\n\nfunc f(a int b) {}\n",
          "3:14: syntax error: unexpected name b in parameter list; possibly missing comma or )\n" },
        { "package main\n\nfunc f[T any, U]() {}\n", "3:16: syntax error: missing type constraint\n" },
        { "package main\n\ntype t[a, b] struct{}\n", "3:12: syntax error: missing type constraint\n" },
        { "package main\n\nfunc f[]() {}\n", "3:8: syntax error: empty type parameter list\n" },
        { "package main\n\nfunc f(a ...) {}\n", "3:13: syntax error: ... is missing type\n" },
        { "package main\n\nvar c chan\n", "4:1: syntax error: missing channel element type\n" },
        { "package main\n\ntype T struct {\n\ta int,\n\tb int\n}\n",
          "4:7: syntax error: unexpected comma in struct type; possibly missing semicolon or newline or }\n" },
        { "package main\n\ntype T struct {\n\ta int b\n}\n",
          "4:8: syntax error: unexpected name b in struct type; possibly missing semicolon or newline or }\n" },
        { "package main\n\ntype I interface {\n\tM() x y\n}\n",
          "4:8: syntax error: unexpected name y in interface type; possibly missing semicolon or newline or }\n" },
        { "package main\n\nvar x\n", "3:6: syntax error: unexpected newline, expected type\n" },
        { "package main\n\ntype T\n", "3:7: syntax error: unexpected newline in type declaration\n" },
        { "package main\n\nimport\n", "4:1: syntax error: missing import path\n" },
        { "package main\n\nimport 42\n", "3:8: syntax error: import path must be a string\n" },
        { "package main\n\nimport \"fmt\"\nvar x int\nimport \"os\"\n",
          "5:1: syntax error: imports must appear before other declarations\n" },
        { "package main\n\nconst _ := 0\n", "3:9: syntax error: unexpected :=, expected =\n" },
        { "package main\n\nfunc (T) m[P any]() {}\n", "3:11: syntax error: method must have no type parameters\n" },
        { "package main\n\nfunc f(a int, []int) {}\n", "3:15: syntax error: mixed named and unnamed parameters\n" },
        { "package main\n\nfunc f() (a, b) {}\n", "" },
        { "package main\n\nfunc f() (a, b int, c) {}\n", "3:21: syntax error: mixed named and unnamed parameters\n" },
    };
    CHECK(all_errors, cases);
}

// Errors that are not syntax errors in gc's words, found while parsing: gc's
// parser reports the first group, go/parser (gofmt) the second.
Test(parser, other_errors) {
    static const Case cases[] = {
        { F("\ta.b := 1"), "4:2: non-name a.b on left side of :=\n" },
        { F("\tfor a.b := range x {\n\t}"), "4:6: non-name a.b on left side of :=\n" },
        { F("\tgo f"), "4:5: expression in go must be function call\n" },
        { F("\tdefer (f())"), "4:8: expression in defer must not be parenthesized\n" },
        { F("\t_ = a[1:2:]"), "4:12: final index required in 3-index slice\n" },
        { F("\t_ = a[1::3]"), "4:10: middle index required in 3-index slice\n" },
        { F("\tfor a, b, c := range x {\n\t}"), "4:12: range clause permits at most two iteration variables\n" },
        { F("\tx := ([]int)"), "4:8: []int (type) is not an expression\n" },
        { F("\tswitch x.(type) {\n\tcase 0:\n\t}"), "5:7: 0 is not a type\n" },
        { F("\tselect {\n\tcase a, b, c := <-ch:\n\t}"),
          "5:7: select case must be send or receive (possibly with assignment)\n" },
        { "package main\n\nconst c int\n", "3:7: missing init expr for c\n" },
        { "package main\n\nconst (\n\ta = 1\n\tb int\n)\n", "5:2: missing init expr for b\n" },
        { "package main\n\nimport \"\"\n", "3:8: invalid import path (empty string)\n" },
        { "package main\n\nimport \"a!b\"\n", "3:8: invalid import path (invalid character U+0021 '!')\n" },
    };
    CHECK(all_errors, cases);
}

// gc's parser rejects these but go/parser (gofmt) takes them: parse_file
// accepts them, as `goli parse` must, and parse_gc_errors reports them.
static char *gc_errors(const char *src) {
    Diag *d = diag_new();
    Source *s = source_from_string("x.go", src, strlen(src));
    Node *f = parse_file(s, d);
    cr_expect_eq(diag_count(d), 0, "parse_file reported errors for %s", src);
    parse_gc_errors(s, f, d);
    return errors(d);
}

Test(parser, gc_only_errors) {
    static const Case cases[] = {
        { "package p\nfunc () M() {}\n", "2:9: method has no receiver\n" },
        { "package p\nfunc (a, b T) M() {}\n", "2:15: method has multiple receivers\n" },
        { "package p\ntype S struct {\n\t(T)\n\t*(U)\n}\n",
          "3:2: syntax error: cannot parenthesize embedded type\n"
          "4:3: syntax error: cannot parenthesize embedded type\n" },
        { "package p\nfunc f() {\n\tfor i := 0; i < 3; j := 1 {\n\t}\n}\n",
          "3:23: syntax error: cannot declare in post statement of for loop\n" },
        { "package p\nfunc f() {\n\tgoto\n}\n", "4:1: syntax error: unexpected }, expected name\n" },
        { "package p\nvar x [...]int\n", "" },
        { "package p\nfunc f() { _ = []byte(\"a\", \"b\"); _ = string() }\n", "" },
    };
    CHECK(gc_errors, cases);
}

Test(parser, error_recovery) {
    // A newline inside ( is consumed with the error, as gc's want does,
    // so the next line is judged at the end of the statement again.
    cr_expect_str_eq(all_errors(F("\tx := (1 + 2\n\t_ = x")),
                     "4:13: syntax error: unexpected newline, expected )\n"
                     "5:2: syntax error: unexpected name _ at end of statement\n");
    // Several errors, one per line, each found after recovering.
    cr_expect_str_eq(all_errors(F("\tx := 1 +\n\ty := )\n\tz := 3")),
                     "5:4: syntax error: unexpected := at end of statement\n");
    cr_expect_str_eq(all_errors("package p\nvar x int y\nvar z int w\nfunc f() { a b }\n"),
                     "2:11: syntax error: unexpected name y after top level declaration\n"
                     "3:11: syntax error: unexpected name w after top level declaration\n"
                     "4:14: syntax error: unexpected name b at end of statement\n");
    // Ten errors, then gc's "too many errors".
    char *src = mem_sprintf("%s", "package p\n");
    for (int i = 0; i < 12; i++)
        src = mem_sprintf("%svar x%d int y\n", src, i);
    char *errs = all_errors(src);
    int lines = 0;
    for (char *p = errs; *p; p++)
        lines += *p == '\n';
    cr_expect_eq(lines, 11, "%s", errs);
    cr_expect(strstr(errs, "11:12: too many errors\n") != NULL, "%s", errs);
}

// ---- Robustness ----

// repeat returns s n times.
static char *repeat(const char *s, int n) {
    size_t len = strlen(s);
    char *r = mem_alloc_atomic(len * n + 1);
    for (int i = 0; i < n; i++)
        memcpy(r + i * len, s, len);
    r[len * n] = 0;
    return r;
}

Test(parser, deep_nesting_is_an_error, .timeout = 20.0) {
    char *src = mem_sprintf("package p\nvar x = %s1%s\n", repeat("(", 100000), repeat(")", 100000));
    char *errs = all_errors(src);
    cr_expect(strstr(errs, "syntax error: nesting too deep") != NULL, "%.200s", errs);
    src = mem_sprintf("package p\nfunc f() {%s%s}\n", repeat("{", 100000), repeat("}", 100000));
    errs = all_errors(src);
    cr_expect(strstr(errs, "syntax error: nesting too deep") != NULL, "%.200s", errs);
}

// Left-nested trees are deep without a deep parser stack; the dump, the
// printers and the checks on them must not recurse without bound.
Test(parser, long_chains, .timeout = 20.0) {
    char *errs;
    Node *f = parse(mem_sprintf("package p\nvar x = a%s\n", repeat(" + a", 300000)), &errs);
    cr_assert_str_eq(errs, "");
    FILE *null = fopen("/dev/null", "w");
    ast_dump(null, f);
    fclose(null);
    cr_expect(strlen(ast_sexpr(f)) > 0);
    cr_expect(strlen(ast_string(f->list.v[0]->list.v[0]->rlist.v[0])) > 0);
    f = parse(mem_sprintf("package p\ntype T[P *C%s] int\n", repeat(" | ~D", 300000)), &errs);
    cr_expect_str_eq(errs, "");
    cr_expect_eq(f->list.v[0]->list.v[0]->list.n, 1);
}

Test(parser, garbage_does_not_crash, .timeout = 20.0) {
    static const char *const junk[] = {
        "", "package", "package p; }}}}", "package p\nfunc", "package p\nfunc f(",
        "package p\ntype T[", "package p\ntype T[P", "package p\nvar x = [...]", "{{{{",
        "package p\nfunc f() { switch { case", "package p\nfunc f() { select { case x := ",
        "package p\nimport (\n", "package p\nfunc f() { L: L: L:", ")))))",
        "package p\nfunc f() { if x { } else", "package p\nvar x = func() {",
        "package p\nfunc f() { go func() { defer", "package p\ntype T interface { ~",
    };
    for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++) {
        char *errs = all_errors(junk[i]);
        cr_expect(junk[i][0] == 0 || *errs, "no error for %s", junk[i]);
    }
    // Every prefix of a real program.
    const char *prog =
        "package main\n\nimport \"fmt\"\n\ntype L[T any] struct{ v []T }\n\n"
        "func (l *L[T]) Add(x T) { l.v = append(l.v, x) }\n\n"
        "func main() {\n\tvar l L[int]\n\tfor i := range 3 {\n\t\tl.Add(i)\n\t}\n"
        "\tswitch x := any(l).(type) {\n\tcase L[int]:\n\t\tfmt.Println(x.v[0:1:2])\n\t}\n"
        "\tselect {\n\tcase v, ok := <-make(chan int):\n\t\t_, _ = v, ok\n\tdefault:\n\t}\n}\n";
    size_t n = strlen(prog);
    for (size_t k = 0; k <= n; k++) {
        Diag *d = diag_new();
        parse_file(source_from_string("x.go", prog, k), d);
    }
    cr_expect_str_eq(all_errors(prog), "");
}
