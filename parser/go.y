// parser/go.y: the grammar of Go (the Go specification, Go 1.22, generics
// included) for lemon 3.40. `lemon -q -d$(B)/gen/parser parser/go.y` makes
// $(B)/gen/parser/go.c and go.h; a conflict makes lemon exit 1, which stops
// make. The token pump that feeds it is parser/parse.c; the actions build
// the tree through parser/ast.c (node kinds in parser/ast.h). The design
// notes are ../shared/notes/go-grammar-lalr.md.
//
// The shape follows Go's own yacc grammar (Go 1.4, src/cmd/gc/go.y): lists
// are written `x (';' x)*` with an optional trailing separator, so that `;`
// may be left out before `)` and `}`; expressions and types are separate
// nonterminals, joined by expr_or_type where both may stand (call arguments,
// index lists, case lists); names are reduced late, so that one token of
// lookahead after a name can still choose between readings.
//
// The ambiguities and how each is settled are written up at their rules:
//   - the brace after a header          (`if x == T{} {`)      see Statements
//   - array or type parameters          (`type A [N]int`)      see Declarations
//   - name, then `[`, in a parameter    (`func f(a [N]T)`)     see Parameters
//   - name, then `[`, in a struct field (`struct{ a [N]T }`)   see Struct types
//   - `func()(x)`: result list or conversion                   see Function types
//   - `[]pkg.T`: qualified element or method expression       see Directives
// and go/parser's limits on what may be a value, a composite literal's type
// or a type assertion's type are kept in parser/ast.c, in gc's words.

// ---- Directives ----

%include {
// generated from parser/go.y by lemon; do not edit.
#include "parser/ast.h"
#include "parser/seam.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "common/mem.h"

// lemon's stack grows on demand (%stack_size 0, 100, 300, 700, ... 6300
// entries) rather than being a fixed 8000 entries (384 KiB) that GC_malloc
// clears, so every start touched and every collection scanned all of it.
// Its malloc and realloc are the collector's, so the semantic values on it
// stay visible; past STACK_MAX entries the growth fails and lemon calls
// %stack_overflow ("nesting too deep"), as the fixed stack did at 8000.
#define STACK_MAX 8000
#define malloc(n) stack_realloc(NULL, (n), STACK_MAX * sizeof(yyStackEntry))
#define realloc(p, n) stack_realloc((p), (n), STACK_MAX * sizeof(yyStackEntry))
#define free(p) GC_FREE(p)

static void *stack_realloc(void *p, size_t n, size_t max) {
    return n > max ? NULL : mem_realloc(p, n);
}

// LHS_SYMBOL is the grammar symbol the rule being reduced produces; the
// opener rules record it so the error reporter can recognise them on the
// stack (AstCtx.opener_role in parser/ast.h).
#define LHS_SYMBOL ((int)yyRuleInfoLhs[yyruleno])
// BEFORE_CASE says that the token after the rule being reduced is `case`
// or `default` (a label there lacks its statement).
#define BEFORE_CASE (yyLookahead == TK_CASE || yyLookahead == TK_DEFAULT)
// LOOKAHEAD_TOKEN points to that token.
#define LOOKAHEAD_TOKEN (&yyLookaheadToken)
}

%name Parse
%token_prefix TK_
%token_type {Token}
%default_type {Node*}
%extra_argument {AstCtx *ctx}
%stack_size 0

%syntax_error {
    parse_syntax_error(ctx, yypParser, yymajor, &TOKEN);
}
%stack_overflow {
    parse_stack_overflow(ctx);
}
// No state could take the error token (only before the package clause is
// complete, or at EOF): lemon has reset the parser; stop feeding it.
%parse_failure {
    ctx->stop = 1;
}

// The terminals in a fixed order: those of lexer/token.h (with the five
// literal kinds folded into LITERAL and the eleven op= tokens into
// ASSIGN_OP; parser/parse.c maps them), then LBODY, the `{` that opens the
// body of an if, for, switch or select (see Statements), and RECOVER,
// which no rule takes: the pump feeds it to start error recovery without
// giving the parser the token at fault (see parse_file).
%token IDENT LITERAL
       ADD SUB MUL QUO REM AND OR XOR SHL SHR AND_NOT ASSIGN_OP
       LAND LOR ARROW INC DEC EQL LSS GTR ASSIGN NOT TILDE NEQ LEQ GEQ DEFINE
       ELLIPSIS LPAREN LBRACK LBRACE COMMA PERIOD RPAREN RBRACK RBRACE SEMI COLON
       BREAK CASE CHAN CONST CONTINUE DEFAULT DEFER ELSE FALLTHROUGH FOR FUNC GO
       GOTO IF IMPORT INTERFACE MAP PACKAGE RANGE RETURN SELECT STRUCT SWITCH TYPE
       VAR LBODY RECOVER.

// Binary operators, loosest first (spec: Operator precedence). The lines
// after them settle three shift-reduce choices, each written up at its rule:
// NOTPAREN/LPAREN for `func()(x)`; NAMEPREC below LBRACK for a name
// followed by `[` in a type parameter list, and below PERIOD for a type
// name followed by `.` inside a type literal (`[]pkg.T`, not a method
// expression on `[]pkg`).
%left LOR.
%left LAND.
%left EQL NEQ LSS LEQ GTR GEQ.
%left ADD SUB OR XOR.
%left MUL QUO REM SHL SHR AND AND_NOT.
%nonassoc NOTPAREN.
%nonassoc LPAREN.
%nonassoc NAMEPREC.
%nonassoc LBRACK PERIOD.

%start_symbol file

// ---- File ----

// A file is its package clause and declarations. The FILE node lives in
// ctx->file; declarations are appended as they reduce.
file ::= package_clause xdcl_list.

package_clause ::= PACKAGE(K) IDENT(N) SEMI.                  { ast_package(ctx, &K, &N); }

xdcl_list ::= .
xdcl_list ::= xdcl_list xdcl(D) SEMI.                         { ast_file_add(ctx, D); }

// error: skip to the end of the declaration (go.y's `xdcl: error`).
%type xdcl {Node*}
xdcl(A) ::= common_dcl(D).                                    { A = D; }
xdcl(A) ::= import_decl(D).                                   { A = D; }
xdcl(A) ::= func_decl(D).                                     { A = D; }
xdcl(A) ::= error.                                            { A = NULL; }

// ---- Declarations ----

%type import_decl {Node*}
import_decl(A) ::= IMPORT(K) import_spec(S).                  { A = ast_decl(ctx, &K, S); }
import_decl(A) ::= IMPORT(K) lgroup import_specs(L) osemi RPAREN.
        { A = ast_decl_group(ctx, &K, L); }
import_decl(A) ::= IMPORT(K) lgroup RPAREN.
        { A = ast_decl_group(ctx, &K, ast_empty()); }

%type import_specs {NodeList}
import_specs(A) ::= import_spec(S).                           { A = ast_list1(S); }
import_specs(A) ::= import_specs(L) SEMI import_spec(S).      { A = ast_append(L, S); }

%type import_spec {Node*}
import_spec(A) ::= LITERAL(P).                                { A = ast_import(ctx, NULL, &P); }
import_spec(A) ::= IDENT(N) LITERAL(P).                       { A = ast_import(ctx, &N, &P); }
import_spec(A) ::= PERIOD(N) LITERAL(P).                      { A = ast_import(ctx, &N, &P); }

%type common_dcl {Node*}
common_dcl(A) ::= VAR(K) var_spec(S).                         { A = ast_decl(ctx, &K, S); }
common_dcl(A) ::= VAR(K) lgroup var_specs(L) osemi RPAREN.    { A = ast_decl_group(ctx, &K, L); }
common_dcl(A) ::= VAR(K) lgroup RPAREN.
        { A = ast_decl_group(ctx, &K, ast_empty()); }
common_dcl(A) ::= CONST(K) const_spec(S).                     { A = ast_decl(ctx, &K, S); }
common_dcl(A) ::= CONST(K) lgroup const_specs(L) osemi RPAREN. { A = ast_decl_group(ctx, &K, L); }
common_dcl(A) ::= CONST(K) lgroup RPAREN.
        { A = ast_decl_group(ctx, &K, ast_empty()); }
common_dcl(A) ::= TYPE(K) type_spec(S).                       { A = ast_decl(ctx, &K, S); }
common_dcl(A) ::= TYPE(K) lgroup type_specs(L) osemi RPAREN.  { A = ast_decl_group(ctx, &K, L); }
common_dcl(A) ::= TYPE(K) lgroup RPAREN.
        { A = ast_decl_group(ctx, &K, ast_empty()); }

%type lgroup {Token}
lgroup(A) ::= LPAREN(T).
        { A = ast_opener(ctx, T, OPEN_GROUP, LHS_SYMBOL); }

// A `:=` in a var or const spec is taken for `=` after an error, as gc's
// gotAssign does.
%type var_specs {NodeList}
var_specs(A) ::= var_spec(S).                                 { A = ast_list1(S); }
var_specs(A) ::= var_specs(L) SEMI var_spec(S).               { A = ast_append(L, S); }

%type var_spec {Node*}
var_spec(A) ::= name_list(N) type(T).
        { A = ast_var(ctx, N, T, ast_empty()); }
var_spec(A) ::= name_list(N) type(T) ASSIGN expr_list(V).     { A = ast_var(ctx, N, T, V); }
var_spec(A) ::= name_list(N) ASSIGN expr_list(V).             { A = ast_var(ctx, N, NULL, V); }
var_spec(A) ::= name_list(N) type(T) DEFINE(O) expr_list(V).
        { A = ast_var_define(ctx, N, T, &O, V); }
var_spec(A) ::= name_list(N) DEFINE(O) expr_list(V).
        { A = ast_var_define(ctx, N, NULL, &O, V); }

// A const spec without values repeats the previous one's (implicit
// repetition, spec: Iota); the checker copies them, the index says which
// iota each spec sees.
%type const_specs {NodeList}
const_specs(A) ::= const_spec(S).                             { A = ast_list1(S); }
const_specs(A) ::= const_specs(L) SEMI const_spec(S).         { A = ast_append(L, S); }

%type const_spec {Node*}
const_spec(A) ::= name_list(N).
        { A = ast_const(ctx, N, NULL, ast_empty()); }
const_spec(A) ::= name_list(N) type(T).
        { A = ast_const(ctx, N, T, ast_empty()); }
const_spec(A) ::= name_list(N) ASSIGN expr_list(V).           { A = ast_const(ctx, N, NULL, V); }
const_spec(A) ::= name_list(N) type(T) ASSIGN expr_list(V).   { A = ast_const(ctx, N, T, V); }
const_spec(A) ::= name_list(N) DEFINE(O) expr_list(V).
        { A = ast_const_define(ctx, N, NULL, &O, V); }
const_spec(A) ::= name_list(N) type(T) DEFINE(O) expr_list(V).
        { A = ast_const_define(ctx, N, T, &O, V); }

%type type_specs {NodeList}
type_specs(A) ::= type_spec(S).                               { A = ast_list1(S); }
type_specs(A) ::= type_specs(L) SEMI type_spec(S).            { A = ast_append(L, S); }

// Array or type parameters? After `type T [` the spec allows an array
// length or a type parameter list:
//     type A [N]int            array of N ints
//     type L[T any] []T        generic slice
//     type P[T *C] struct{}    array of T*C structs: a lone expression before
//     type Q[T *C,] struct{}   `]` is a length; a comma makes it parameters
// As gc does (syntax/parser.go typeDecl), the first element is parsed as an
// expression unless a name is followed by something only a type can start
// with (a name, `[`, `~`, chan, func, map, struct, interface, `<-`); then
// ast_type_brack splits `P *C`, `P (C)` and unions into name and
// constraint where a comma or a type literal says they are parameters.
// A name followed by `[` (`type T[P []E] ...`) is always a parameter, as
// in gc, whence the NAMEPREC < LBRACK precedence on tparam_first's name.
%type type_spec {Node*}
type_spec(A) ::= IDENT(N) type_nb(T).
        { A = ast_type(ctx, &N, ast_empty(), 0, T); }
type_spec(A) ::= IDENT(N) LBRACK(L) RBRACK type(T).
        { A = ast_type_slice(ctx, &N, &L, T); }
type_spec(A) ::= IDENT(N) dots_array(T).
        { A = ast_type(ctx, &N, ast_empty(), 0, T); }
type_spec(A) ::= IDENT(N) ASSIGN type(T).
        { A = ast_type(ctx, &N, ast_empty(), 1, T); }
type_spec(A) ::= IDENT(N) LBRACK(L) tdecl_x(X) RBRACK type(T).
        { A = ast_type_brack(ctx, &N, &L, X, NULL, ast_empty(), 0, T); }
type_spec(A) ::= IDENT(N) LBRACK(L) tdecl_x(X) COMMA(C) tparams_rest(R) RBRACK type(T).
        { A = ast_type_brack(ctx, &N, &L, X, &C, R, 0, T); }
type_spec(A) ::= IDENT(N) LBRACK(L) tdecl_x(X) COMMA(C) tparams_rest(R) RBRACK ASSIGN type(T).
        { A = ast_type_brack(ctx, &N, &L, X, &C, R, 1, T); }
type_spec(A) ::= IDENT(N) LBRACK IDENT(P) tparam_first(C) tparams_more(R) RBRACK type(T).
        { A = ast_type_tparam1(ctx, &N, &P, C, R, 0, T); }
type_spec(A) ::= IDENT(N) LBRACK IDENT(P) tparam_first(C) tparams_more(R) RBRACK ASSIGN type(T).
        { A = ast_type_tparam1(ctx, &N, &P, C, R, 1, T); }

// tdecl_x is the first element after `type T [` read as gc reads it: an
// expression, where gc's expression parser also takes a type literal
// after `*` or `|` (`[P *struct{}]`, `[P *C | []int]`).
%type tdecl_x {Node*}
tdecl_x(A) ::= expr(X).                                       { A = X; }
tdecl_x(A) ::= tdecl_t(X).                                    { A = X; }

%type tdecl_t {Node*}
tdecl_t(A) ::= expr(X) MUL(O) non_expr_type(Y).               { A = ast_binary(ctx, X, &O, Y); }
tdecl_t(A) ::= expr(X) OR(O) non_expr_type(Y).                { A = ast_binary(ctx, X, &O, Y); }
tdecl_t(A) ::= tdecl_t(X) OR(O) cterm(Y).                     { A = ast_binary(ctx, X, &O, Y); }

%type tparams_rest {NodeList}
tparams_rest(A) ::= .                                         { A = ast_empty(); }
tparams_rest(A) ::= tparam_list(L) ocomma.                    { A = L; }

%type tparams_more {NodeList}
tparams_more(A) ::= ocomma.                                   { A = ast_empty(); }
tparams_more(A) ::= COMMA tparam_list(L) ocomma.              { A = L; }

// tparam_first is the constraint of a first type parameter given as `P C`
// where C does not start with `*` or `(` (those are read as expressions,
// see above).
%type tparam_first {Node*}
tparam_first(A) ::= ctype_first(T).                           { A = T; }
tparam_first(A) ::= TILDE(O) type(T).                         { A = ast_tilde(ctx, &O, T); }
tparam_first(A) ::= tparam_first(X) OR(O) cterm(Y).           { A = ast_union(ctx, X, &O, Y); }

// ---- Function declarations ----

// A method has a receiver list; ast_func reports type parameters on it,
// and leaves a list of no or several receivers to the checker (gc's parser
// reports those, go/parser does not). A function without a body is
// allowed (assembly-backed functions in the standard library).
%type func_decl {Node*}
func_decl(A) ::= FUNC(K) IDENT(N) otparams(P) signature(S) ofnbody(B).
        { A = ast_func(ctx, &K, 0, ast_empty(), &N, P, S, B); }
func_decl(A) ::= FUNC(K) lparams oparams(R) RPAREN IDENT(N) otparams(P) signature(S) ofnbody(B).
        { A = ast_func(ctx, &K, 1, R, &N, P, S, B); }

%type otparams {NodeList}
otparams(A) ::= .                                             { A = ast_empty(); }
otparams(A) ::= ltparams(B) tparam_list(L) ocomma RBRACK.     { A = ast_tparams(ctx, &B, L); }

%type ltparams {Token}
ltparams(A) ::= LBRACK(T).
        { A = ast_opener(ctx, T, OPEN_TPARAMS, LHS_SYMBOL); }

%type ofnbody {Node*}
ofnbody(A) ::= .                                              { A = NULL; }
ofnbody(A) ::= lblock(L) stmt_list(S) RBRACE(R).              { A = ast_block(ctx, &L, S, &R); }

%type lblock {Token}
lblock(A) ::= LBRACE(T).
        { A = ast_opener(ctx, T, OPEN_BLOCK, LHS_SYMBOL); }

// ---- Type parameters ----

%type tparam_list {NodeList}
tparam_list(A) ::= tparam(P).                                 { A = ast_list1(P); }
tparam_list(A) ::= tparam_list(L) COMMA tparam(P).            { A = ast_append(L, P); }

%type tparam {Node*}
tparam(A) ::= name_list(N) constraint(C).                     { A = ast_tparam(ctx, N, C); }

// A constraint is a type or a union of terms `~int | string`; interface
// type-set elements are the same (spec: Interface types).
%type constraint {Node*}
constraint(A) ::= cterm(T).                                   { A = T; }
constraint(A) ::= constraint(X) OR(O) cterm(Y).               { A = ast_union(ctx, X, &O, Y); }

%type cterm {Node*}
cterm(A) ::= type(T).                                         { A = T; }
cterm(A) ::= TILDE(O) type(T).                                { A = ast_tilde(ctx, &O, T); }

// ---- Types ----

// Types are split as in go.y so that a type can follow a name, stand in
// an expression list (non_expr_type) or be converted or composed (convtype,
// comptype) without conflicts:
//   type            any type
//   ctype_first     a type not starting with `*` or `(`
//   non_expr_type   a type that cannot be read as an expression
//   non_recvchantype  a type that may follow `chan` (`chan <-chan T` would
//                   be ambiguous; spec: Channel types)
%type type {Node*}
type(A) ::= ctype_first(T).                                   { A = T; }
type(A) ::= ptrtype(T).                                       { A = T; }
type(A) ::= LPAREN(L) type(T) RPAREN.                         { A = ast_paren(ctx, &L, T); }

%type ctype_first {Node*}
ctype_first(A) ::= recvchantype(T).                           { A = T; }
ctype_first(A) ::= fntype(T).                                 { A = T; }
ctype_first(A) ::= othertype(T).                              { A = T; }
ctype_first(A) ::= tname(T).                                  { A = T; }

// type_nb is a type that does not start with `[`: the type after a name
// in a field, a parameter or a type declaration (see Struct types).
%type type_nb {Node*}
type_nb(A) ::= recvchantype(T).                               { A = T; }
type_nb(A) ::= fntype(T).                                     { A = T; }
type_nb(A) ::= othertype_nb(T).                               { A = T; }
type_nb(A) ::= tname(T).                                      { A = T; }
type_nb(A) ::= ptrtype(T).                                    { A = T; }
type_nb(A) ::= LPAREN(L) type(T) RPAREN.                      { A = ast_paren(ctx, &L, T); }

%type non_expr_type {Node*}
non_expr_type(A) ::= recvchantype(T).                         { A = T; }
non_expr_type(A) ::= fntype(T).                               { A = T; }
non_expr_type(A) ::= othertype_x(T).                          { A = T; }
non_expr_type(A) ::= MUL(S) non_expr_type(T).                 { A = ast_star(ctx, &S, T); }

%type non_recvchantype {Node*}
non_recvchantype(A) ::= fntype(T).                            { A = T; }
non_recvchantype(A) ::= othertype(T).                         { A = T; }
non_recvchantype(A) ::= ptrtype(T).                           { A = T; }
non_recvchantype(A) ::= tname(T).                             { A = T; }
non_recvchantype(A) ::= LPAREN(L) type(T) RPAREN.             { A = ast_paren(ctx, &L, T); }

%type convtype {Node*}
convtype(A) ::= fntype(T).                                    { A = T; }
convtype(A) ::= othertype_x(T).                               { A = T; }

%type comptype {Node*}
comptype(A) ::= othertype_x(T).                               { A = T; }
comptype(A) ::= dots_array(T).                                { A = T; }

// The type after `)` of a signature: a parenthesized type there is a
// result list instead.
%type fnret_type {Node*}
fnret_type(A) ::= recvchantype(T).                            { A = T; }
fnret_type(A) ::= fntype(T).                                  { A = T; }
fnret_type(A) ::= othertype(T).                               { A = T; }
fnret_type(A) ::= ptrtype(T).                                 { A = T; }
fnret_type(A) ::= tname(T).                                   { A = T; }

// tname is a type name, qualified or not, possibly instantiated.
%type tname {Node*}
tname(A) ::= dotname(T).                                      { A = T; }
tname(A) ::= dotname(T) LBRACK(L) type_args(R) ocomma RBRACK. { A = ast_inst(ctx, T, &L, R); }

%type dotname {Node*}
dotname(A) ::= name(N).                                       { A = N; }
dotname(A) ::= IDENT(P) PERIOD(D) IDENT(N).
        { A = ast_qualified(ctx, &P, &D, &N); }

%type type_args {NodeList}
type_args(A) ::= type(T).                                     { A = ast_list1(T); }
type_args(A) ::= type_args(L) COMMA type(T).                  { A = ast_append(L, T); }

// othertype is a type literal other than a func or pointer type;
// othertype_x is one that may stand in an expression: `[...]T` may only
// start a composite literal there (go/parser: "expected array length").
%type othertype {Node*}
othertype(A) ::= othertype_x(T).                              { A = T; }
othertype(A) ::= dots_array(T).                               { A = T; }

%type othertype_x {Node*}
othertype_x(A) ::= lbrack_type(T).                            { A = T; }
othertype_x(A) ::= othertype_nb(T).                           { A = T; }

%type dots_array {Node*}
dots_array(A) ::= LBRACK(L) ELLIPSIS(D) RBRACK type(T).
        { A = ast_dots_array(ctx, &L, &D, T); }

%type othertype_nb {Node*}
othertype_nb(A) ::= CHAN(K) non_recvchantype(T).              { A = ast_chan(ctx, &K, 0, T); }
othertype_nb(A) ::= CHAN(K) ARROW type(T).                    { A = ast_chan(ctx, &K, NF_SEND, T); }
othertype_nb(A) ::= MAP(K) LBRACK type(X) RBRACK type(Y).     { A = ast_map_type(ctx, &K, X, Y); }
othertype_nb(A) ::= structtype(T).                            { A = T; }
othertype_nb(A) ::= interfacetype(T).                         { A = T; }

%type lbrack_type {Node*}
lbrack_type(A) ::= LBRACK(L) RBRACK type(T).                  { A = ast_slice_type(ctx, &L, T); }
lbrack_type(A) ::= LBRACK(L) expr(N) RBRACK type(T).          { A = ast_array(ctx, &L, N, T); }

%type ptrtype {Node*}
ptrtype(A) ::= MUL(S) type(T).                                { A = ast_star(ctx, &S, T); }

%type recvchantype {Node*}
recvchantype(A) ::= ARROW(O) CHAN type(T).                    { A = ast_chan(ctx, &O, NF_RECV, T); }

// ---- Struct types ----

// Name, then `[`, in a struct field: `a [N]T` declares field a of array
// type, `List[T]` embeds an instantiated type. The decision falls after
// `]`: a type following it makes the bracket an array length. So a field
// starting with a name and `[` has rules of its own, and the name of `a T`
// is not reduced before the lookahead shows it is no `[` (type_nb).
// A parenthesized embedded type is kept as a PAREN for the checker to
// reject (gc: "cannot parenthesize embedded type"; go/parser takes it).
%type structtype {Node*}
structtype(A) ::= STRUCT(K) lstruct fields(L) osemi RBRACE.   { A = ast_struct(ctx, &K, L); }
structtype(A) ::= STRUCT(K) lstruct RBRACE.
        { A = ast_struct(ctx, &K, ast_empty()); }

%type lstruct {Token}
lstruct(A) ::= LBRACE(T).
        { A = ast_opener(ctx, T, OPEN_STRUCT, LHS_SYMBOL); }
lstruct(A) ::= LBODY(T).
        { A = ast_opener(ctx, T, OPEN_STRUCT, LHS_SYMBOL); }

%type fields {NodeList}
fields(A) ::= field(F).                                       { A = ast_list1(F); }
fields(A) ::= fields(L) SEMI field(F).                        { A = ast_append(L, F); }

%type field {Node*}
field(A) ::= IDENT(N) type_nb(T) otag(G).                     { A = ast_field1(ctx, &N, T, &G); }
field(A) ::= name_list2(N) type(T) otag(G).                   { A = ast_field(ctx, N, T, &G); }
field(A) ::= embed(T) otag(G).                                { A = ast_embed(ctx, T, &G); }
field(A) ::= MUL(S) embed_x(T) otag(G).
        { A = ast_embed_ptr(ctx, &S, NULL, T, &G); }
field(A) ::= LPAREN(P) embed_x(T) RPAREN otag(G).
        { A = ast_embed_paren(ctx, &P, NULL, T, &G); }
field(A) ::= LPAREN(P) MUL(S) embed_x(T) RPAREN otag(G).
        { A = ast_embed_paren(ctx, &P, &S, T, &G); }
field(A) ::= MUL(S) LPAREN(P) embed_x(T) RPAREN otag(G).
        { A = ast_embed_ptr(ctx, &S, &P, T, &G); }
field(A) ::= IDENT(N) LBRACK(L) RBRACK type(T) otag(G).
        { A = ast_field_brack(ctx, &N, &L, NULL, T, &G); }
field(A) ::= IDENT(N) dots_array(T) otag(G).                  { A = ast_field1(ctx, &N, T, &G); }
field(A) ::= IDENT(N) LBRACK(L) expr_or_type(X) RBRACK type(T) otag(G).
        { A = ast_field_brack(ctx, &N, &L, X, T, &G); }
field(A) ::= IDENT(N) LBRACK(L) expr_or_type(X) RBRACK otag(G).
        { A = ast_embed_inst(ctx, &N, &L, ast_list1(X), &G); }
field(A) ::= IDENT(N) LBRACK(L) expr_or_type(X) COMMA eot_list(R) ocomma RBRACK otag(G).
        { A = ast_embed_inst(ctx, &N, &L, ast_prepend(X, R), &G); }
field(A) ::= IDENT(N) LBRACK(L) expr_or_type(X) COMMA RBRACK otag(G).
        { A = ast_embed_inst(ctx, &N, &L, ast_list1(X), &G); }

%type name_list2 {NodeList}
name_list2(A) ::= IDENT(X) COMMA IDENT(Y).                    { A = ast_names2(ctx, &X, &Y); }
name_list2(A) ::= name_list2(L) COMMA IDENT(Y).               { A = ast_names(ctx, L, &Y); }

// embed is an embedded field's type name (the `[` forms are field rules).
%type embed {Node*}
embed(A) ::= IDENT(N).                                        { A = ast_name(ctx, &N); }
embed(A) ::= IDENT(P) PERIOD(D) IDENT(N).
        { A = ast_qualified(ctx, &P, &D, &N); }
embed(A) ::= IDENT(P) PERIOD(D) IDENT(N) LBRACK(L) type_args(R) ocomma RBRACK.
        { A = ast_qualified_inst(ctx, &P, &D, &N, &L, R); }

// embed_x is an embedded type after `*` or `(`, where a name followed by
// `[` can only be instantiated.
%type embed_x {Node*}
embed_x(A) ::= embed(T).                                      { A = T; }
embed_x(A) ::= IDENT(N) LBRACK(L) type_args(R) ocomma RBRACK. { A = ast_inst_name(ctx, &N, &L, R); }

%type otag {Token}
otag(A) ::= .                                                 { A = ast_no_token(); }
otag(A) ::= LITERAL(T).                                       { A = T; }

// ---- Interface types ----

// An element is a method `M(params) results`, an embedded interface, or a
// type-set element: a constraint such as `~int | ~string` (spec).
%type interfacetype {Node*}
interfacetype(A) ::= INTERFACE(K) liface ielems(L) osemi RBRACE. { A = ast_iface(ctx, &K, L); }
interfacetype(A) ::= INTERFACE(K) liface RBRACE.
        { A = ast_iface(ctx, &K, ast_empty()); }

%type liface {Token}
liface(A) ::= LBRACE(T).
        { A = ast_opener(ctx, T, OPEN_IFACE, LHS_SYMBOL); }
liface(A) ::= LBODY(T).
        { A = ast_opener(ctx, T, OPEN_IFACE, LHS_SYMBOL); }

%type ielems {NodeList}
ielems(A) ::= ielem(E).                                       { A = ast_list1(E); }
ielems(A) ::= ielems(L) SEMI ielem(E).                        { A = ast_append(L, E); }

%type ielem {Node*}
ielem(A) ::= IDENT(N) signature(S).                           { A = ast_method(ctx, &N, S); }
ielem(A) ::= constraint(C).                                   { A = ast_embed(ctx, C, NULL); }

// ---- Function types ----

// `func()(x)`: after `func()` a `(` may open a result list or a
// conversion. The spec reads it as a result list (func() (x) is the type
// of a function returning x; write (func())(x) to convert), so the empty
// result (fnres, NOTPAREN) loses to shifting LPAREN.
%type fntype {Node*}
fntype(A) ::= FUNC(K) signature(S).                           { A = ast_functype_kw(ctx, &K, S); }

%type signature {Node*}
signature(A) ::= lparams(L) oparams(P) RPAREN fnres(R).       { A = ast_signature(ctx, &L, P, R); }

%type fnres {NodeList}
fnres(A) ::= . [NOTPAREN]                                     { A = ast_empty(); }
fnres(A) ::= fnret_type(T).                                   { A = ast_result_type(ctx, T); }
fnres(A) ::= lparams oparams(P) RPAREN.                       { A = ast_params(ctx, P, 1); }

%type lparams {Token}
lparams(A) ::= LPAREN(T).
        { A = ast_opener(ctx, T, OPEN_PARAMS, LHS_SYMBOL); }

// ---- Parameters ----

// Name, then `[`, in a parameter: `a [N]T` and `a []T` name a parameter
// of array or slice type, `List[T]` is an unnamed parameter of a generic
// type. As in gc's paramDeclOrNil the choice falls after `]`: a type
// following it makes it an array. type_nb is a named parameter's type
// when it does not start with `[`; a lone name is an unnamed parameter
// until ast_params sees a typed neighbour (`a, b int`).
%type oparams {NodeList}
oparams(A) ::= .                                              { A = ast_empty(); }
oparams(A) ::= param_list(L) ocomma.                          { A = L; }

%type param_list {NodeList}
param_list(A) ::= param(P).                                   { A = ast_list1(P); }
param_list(A) ::= param_list(L) COMMA param(P).               { A = ast_append(L, P); }

%type param {Node*}
param(A) ::= IDENT(N).                                        { A = ast_param_name(ctx, &N); }
param(A) ::= IDENT(P) PERIOD(D) IDENT(N).
        { A = ast_param_qualified(ctx, &P, &D, &N, NULL, ast_empty()); }
param(A) ::= IDENT(P) PERIOD(D) IDENT(N) LBRACK(L) type_args(R) ocomma RBRACK.
        { A = ast_param_qualified(ctx, &P, &D, &N, &L, R); }
param(A) ::= IDENT(N) type_nb(T).                             { A = ast_param(ctx, &N, T); }
param(A) ::= IDENT(N) ELLIPSIS(D) type(T).
        { A = ast_param_dots(ctx, &N, &D, T); }
param(A) ::= ELLIPSIS(D) type(T).
        { A = ast_param_dots(ctx, NULL, &D, T); }
param(A) ::= param_anon(T).                                   { A = ast_param(ctx, NULL, T); }
param(A) ::= IDENT(N) LBRACK(L) RBRACK type(T).
        { A = ast_param_brack(ctx, &N, &L, NULL, T); }
param(A) ::= IDENT(N) dots_array(T).                          { A = ast_param(ctx, &N, T); }
param(A) ::= IDENT(N) LBRACK(L) expr_or_type(X) RBRACK type(T).
        { A = ast_param_brack(ctx, &N, &L, X, T); }
param(A) ::= IDENT(N) LBRACK(L) expr_or_type(X) RBRACK.
        { A = ast_param_inst(ctx, &N, &L, ast_list1(X)); }
param(A) ::= IDENT(N) LBRACK(L) expr_or_type(X) COMMA RBRACK.
        { A = ast_param_inst(ctx, &N, &L, ast_list1(X)); }
param(A) ::= IDENT(N) LBRACK(L) expr_or_type(X) COMMA eot_list(R) ocomma RBRACK.
        { A = ast_param_inst(ctx, &N, &L, ast_prepend(X, R)); }

// param_anon is an unnamed parameter's type when it does not start with a
// name.
%type param_anon {Node*}
param_anon(A) ::= recvchantype(T).                            { A = T; }
param_anon(A) ::= fntype(T).                                  { A = T; }
param_anon(A) ::= othertype(T).                               { A = T; }
param_anon(A) ::= ptrtype(T).                                 { A = T; }
param_anon(A) ::= LPAREN(L) type(T) RPAREN.                   { A = ast_paren(ctx, &L, T); }


// ---- Statements ----

// The brace after a header: in `if x == T{} {` the first `{` could open a
// composite literal T{} or the body. Go's rule (gc, go/parser exprLev):
// in an if, for or switch header a `{` after a plain name or call starts
// the body; inside ( ) or [ ], or after a type literal (`[]int{`), it opens
// a composite literal. Bodies are written with LBODY, composite literals
// after a name with LBRACE, and the places that take either (after a type
// literal, func literal bodies, struct and interface braces) accept both.
// parser/parse.c sends a `{` as LBODY exactly when the parser would shift
// LBODY in its present state (ParseWouldAccept below), else as LBRACE:
//     if x == T {            LBODY                (body)
//     if (x == T{}) {        LBRACE, LBODY        (literal, body)
//     if v := []T{}; v == T {    LBODY, LBODY     (literal, body)
//     x == T{}               LBRACE               (statement: literal)
//     { ... }                LBRACE               (block)
%type stmt_list {NodeList}
stmt_list(A) ::= stmt(S).                                     { A = ast_stmt_add(ast_empty(), S); }
stmt_list(A) ::= stmt_list(L) SEMI stmt(S).                   { A = ast_stmt_add(L, S); }

// error: skip to the end of the statement (go.y's `stmt: error`).
%type stmt {Node*}
stmt(A) ::= .                                                 { A = NULL; }
stmt(A) ::= compound_stmt(S).                                 { A = S; }
stmt(A) ::= common_dcl(D).                                    { A = ast_declstmt(ctx, D); }
stmt(A) ::= non_dcl_stmt(S).                                  { A = S; }
stmt(A) ::= error.                                            { A = NULL; }

%type compound_stmt {Node*}
compound_stmt(A) ::= lblock(L) stmt_list(S) RBRACE(R).        { A = ast_block(ctx, &L, S, &R); }

%type non_dcl_stmt {Node*}
non_dcl_stmt(A) ::= simple_stmt(S).                           { A = ast_stmt_start(ctx, S); }
non_dcl_stmt(A) ::= for_stmt(S).                              { A = S; }
non_dcl_stmt(A) ::= switch_stmt(S).                           { A = S; }
non_dcl_stmt(A) ::= select_stmt(S).                           { A = S; }
non_dcl_stmt(A) ::= if_stmt(S).                               { A = S; }
non_dcl_stmt(A) ::= IDENT(L) COLON(C) stmt(S).
        { A = ast_labeled(ctx, &L, &C, S, BEFORE_CASE); }
non_dcl_stmt(A) ::= FALLTHROUGH(K).                           { A = ast_branch(ctx, &K, NULL); }
non_dcl_stmt(A) ::= BREAK(K).                                 { A = ast_branch(ctx, &K, NULL); }
non_dcl_stmt(A) ::= BREAK(K) IDENT(L).                        { A = ast_branch(ctx, &K, &L); }
non_dcl_stmt(A) ::= CONTINUE(K).                              { A = ast_branch(ctx, &K, NULL); }
non_dcl_stmt(A) ::= CONTINUE(K) IDENT(L).                     { A = ast_branch(ctx, &K, &L); }
non_dcl_stmt(A) ::= GOTO(K) IDENT(L).                         { A = ast_branch(ctx, &K, &L); }
non_dcl_stmt(A) ::= GOTO(K).                                  { A = ast_goto_nolabel(ctx, &K, LOOKAHEAD_TOKEN); }
non_dcl_stmt(A) ::= GO(K) expr(X).                            { A = ast_go(ctx, &K, X); }
non_dcl_stmt(A) ::= DEFER(K) expr(X).                         { A = ast_go(ctx, &K, X); }
non_dcl_stmt(A) ::= RETURN(K).
        { A = ast_return(ctx, &K, ast_empty()); }
non_dcl_stmt(A) ::= RETURN(K) expr_list(L).                   { A = ast_return(ctx, &K, L); }

// Sends, assignments, short variable declarations and inc/dec. `:=`
// operands are checked in ast_assign ("non-name ... on left side of :=").
%type simple_stmt {Node*}
simple_stmt(A) ::= expr(X).                                   { A = ast_exprstmt(ctx, X); }
simple_stmt(A) ::= expr(X) ASSIGN_OP(O) expr(Y).              { A = ast_opassign(ctx, X, &O, Y); }
simple_stmt(A) ::= expr_list(L) ASSIGN(O) expr_list(R).       { A = ast_assign(ctx, L, &O, R); }
simple_stmt(A) ::= expr_list(L) DEFINE(O) expr_list(R).       { A = ast_assign(ctx, L, &O, R); }
simple_stmt(A) ::= expr(X) INC(O).                            { A = ast_incdec(ctx, X, &O); }
simple_stmt(A) ::= expr(X) DEC(O).                            { A = ast_incdec(ctx, X, &O); }
simple_stmt(A) ::= expr(X) ARROW(O) expr(Y).                  { A = ast_send(ctx, X, &O, Y); }

%type osimple_stmt {Node*}
osimple_stmt(A) ::= .                                         { A = NULL; }
osimple_stmt(A) ::= simple_stmt(S).                           { A = S; }

// if_header is `[init ;] cond` for if and `[init ;] [tag]` for switch.
%type if_header {Node*}
if_header(A) ::= osimple_stmt(C).
        { A = ast_header(ctx, NULL, NULL, C, 0); }
if_header(A) ::= osimple_stmt(I) SEMI(S) osimple_stmt(C).     { A = ast_header(ctx, I, &S, C, 1); }

%type loop_body {Node*}
loop_body(A) ::= LBODY(L) stmt_list(S) RBRACE(R).             { A = ast_block(ctx, &L, S, &R); }

// An else-if chain is built left to right (constant parser stack however
// long the chain); if_chain carries its first and last IF.
%type if_stmt {Node*}
if_stmt(A) ::= if_chain(C).                                   { A = ast_if_end(ctx, C, NULL); }
if_stmt(A) ::= if_chain(C) ELSE compound_stmt(B).             { A = ast_if_end(ctx, C, B); }

%type if_chain {NodePair}
if_chain(A) ::= IF(K) if_header(H) loop_body(B).              { A = ast_if(ctx, &K, H, B); }
if_chain(A) ::= if_chain(C) ELSE IF(K) if_header(H) loop_body(B).
        { A = ast_elseif(ctx, C, &K, H, B); }

%type for_stmt {Node*}
for_stmt(A) ::= FOR(K) for_header(H) loop_body(B).            { A = ast_for(ctx, &K, H, B); }

%type for_header {Node*}
for_header(A) ::= osimple_stmt(I) SEMI osimple_stmt(C) SEMI osimple_stmt(P).
        { A = ast_for_header(ctx, I, C, P, 1); }
for_header(A) ::= osimple_stmt(C).
        { A = ast_for_header(ctx, NULL, C, NULL, 0); }
for_header(A) ::= range_clause(R).                            { A = R; }

%type range_clause {Node*}
range_clause(A) ::= expr_list(L) ASSIGN(O) RANGE(K) expr(X).  { A = ast_range(ctx, L, &O, &K, X); }
range_clause(A) ::= expr_list(L) DEFINE(O) RANGE(K) expr(X).  { A = ast_range(ctx, L, &O, &K, X); }
range_clause(A) ::= RANGE(K) expr(X).
        { A = ast_range(ctx, ast_empty(), NULL, &K, X); }

// Switch and select share the case clause rules; ast_switch and
// ast_select check that each clause fits (as go.y's `case` did).
%type switch_stmt {Node*}
switch_stmt(A) ::= SWITCH(K) if_header(H) LBODY caseblock_list(L) RBRACE(R).
        { A = ast_switch(ctx, &K, H, L, &R); }

%type select_stmt {Node*}
select_stmt(A) ::= SELECT(K) LBODY caseblock_list(L) RBRACE(R). { A = ast_select(ctx, &K, L, &R); }

%type caseblock_list {NodeList}
caseblock_list(A) ::= .                                       { A = ast_empty(); }
caseblock_list(A) ::= caseblock_list(L) caseblock(C).         { A = ast_append(L, C); }

%type caseblock {Node*}
caseblock(A) ::= case(C) stmt_list(S).                        { A = ast_case_body(ctx, C, S); }

%type case {Node*}
case(A) ::= CASE(K) expr_or_type_list(L) COLON(C).
        { A = ast_case(ctx, &K, L, NULL, &C); }
case(A) ::= CASE(K) expr(X) ARROW(O) expr(Y) COLON(C).
        { A = ast_case_send(ctx, &K, X, &O, Y, &C); }
case(A) ::= CASE(K) expr_or_type_list(L) ASSIGN(O) expr(X) COLON(C).
        { A = ast_case_recv(ctx, &K, L, &O, X, &C); }
case(A) ::= CASE(K) expr_or_type_list(L) DEFINE(O) expr(X) COLON(C).
        { A = ast_case_recv(ctx, &K, L, &O, X, &C); }
case(A) ::= DEFAULT(K) COLON(C).
        { A = ast_case(ctx, &K, ast_empty(), NULL, &C); }

// ---- Expressions ----

%type expr {Node*}
expr(A) ::= uexpr(X).                                         { A = X; }
expr(A) ::= expr(X) LOR(O) expr(Y).                           { A = ast_binary(ctx, X, &O, Y); }
expr(A) ::= expr(X) LAND(O) expr(Y).                          { A = ast_binary(ctx, X, &O, Y); }
expr(A) ::= expr(X) EQL(O) expr(Y).                           { A = ast_binary(ctx, X, &O, Y); }
expr(A) ::= expr(X) NEQ(O) expr(Y).                           { A = ast_binary(ctx, X, &O, Y); }
expr(A) ::= expr(X) LSS(O) expr(Y).                           { A = ast_binary(ctx, X, &O, Y); }
expr(A) ::= expr(X) LEQ(O) expr(Y).                           { A = ast_binary(ctx, X, &O, Y); }
expr(A) ::= expr(X) GTR(O) expr(Y).                           { A = ast_binary(ctx, X, &O, Y); }
expr(A) ::= expr(X) GEQ(O) expr(Y).                           { A = ast_binary(ctx, X, &O, Y); }
expr(A) ::= expr(X) ADD(O) expr(Y).                           { A = ast_binary(ctx, X, &O, Y); }
expr(A) ::= expr(X) SUB(O) expr(Y).                           { A = ast_binary(ctx, X, &O, Y); }
expr(A) ::= expr(X) OR(O) expr(Y).                            { A = ast_binary(ctx, X, &O, Y); }
expr(A) ::= expr(X) XOR(O) expr(Y).                           { A = ast_binary(ctx, X, &O, Y); }
expr(A) ::= expr(X) MUL(O) expr(Y).                           { A = ast_binary(ctx, X, &O, Y); }
expr(A) ::= expr(X) QUO(O) expr(Y).                           { A = ast_binary(ctx, X, &O, Y); }
expr(A) ::= expr(X) REM(O) expr(Y).                           { A = ast_binary(ctx, X, &O, Y); }
expr(A) ::= expr(X) AND(O) expr(Y).                           { A = ast_binary(ctx, X, &O, Y); }
expr(A) ::= expr(X) AND_NOT(O) expr(Y).                       { A = ast_binary(ctx, X, &O, Y); }
expr(A) ::= expr(X) SHL(O) expr(Y).                           { A = ast_binary(ctx, X, &O, Y); }
expr(A) ::= expr(X) SHR(O) expr(Y).                           { A = ast_binary(ctx, X, &O, Y); }

// `*x` is STAR (a pointer type or an indirection); `<-chan int(c)` is a
// receive from a conversion (spec: Conversions); the checker turns `<-`
// applied to a channel type into a receive-only channel type, as gc does.
%type uexpr {Node*}
uexpr(A) ::= pexpr(X).                                        { A = X; }
uexpr(A) ::= MUL(O) uexpr(X).                                 { A = ast_star(ctx, &O, X); }
uexpr(A) ::= AND(O) uexpr(X).                                 { A = ast_unary(ctx, &O, X); }
uexpr(A) ::= ADD(O) uexpr(X).                                 { A = ast_unary(ctx, &O, X); }
uexpr(A) ::= SUB(O) uexpr(X).                                 { A = ast_unary(ctx, &O, X); }
uexpr(A) ::= NOT(O) uexpr(X).                                 { A = ast_unary(ctx, &O, X); }
uexpr(A) ::= XOR(O) uexpr(X).                                 { A = ast_unary(ctx, &O, X); }
uexpr(A) ::= ARROW(O) uexpr(X).                               { A = ast_unary(ctx, &O, X); }
uexpr(A) ::= TILDE(O) uexpr(X).                               { A = ast_unary(ctx, &O, X); }

// Index or instantiation (`m[k]`, `f[int]`, `Pair[K, V]`) are one rule;
// the checker tells them apart. Conversions to type literals (`[]byte(s)`;
// `func()(x)` is not one, see Function types) go through callee, method
// expressions on them (`struct{ T }.M`) through othertype_x.
%type pexpr_no_paren {Node*}
pexpr_no_paren(A) ::= LITERAL(T).                             { A = ast_literal(ctx, &T); }
pexpr_no_paren(A) ::= complit_type(T).                        { A = T; }
pexpr_no_paren(A) ::= pexpr(X) PERIOD(D) LPAREN expr_or_type(T) RPAREN.
        { A = ast_typeassert(ctx, X, &D, T); }
pexpr_no_paren(A) ::= pexpr(X) PERIOD(D) LPAREN TYPE RPAREN.
        { A = ast_typeassert(ctx, X, &D, NULL); }
pexpr_no_paren(A) ::= pexpr(X) LBRACK(L) oexpr(I) COLON oexpr(J) RBRACK.
        { A = ast_slice(ctx, X, &L, I, J, NULL, NULL, NULL); }
pexpr_no_paren(A) ::= pexpr(X) LBRACK(L) oexpr(I) COLON oexpr(J) COLON(C) oexpr(K) RBRACK(R).
        { A = ast_slice(ctx, X, &L, I, J, K, &C, &R); }
pexpr_no_paren(A) ::= callee(X) lcall(L) RPAREN.
        { A = ast_call(ctx, X, &L, ast_empty(), 0); }
pexpr_no_paren(A) ::= callee(X) lcall(L) eot_list(R) ocomma RPAREN.
        { A = ast_call(ctx, X, &L, R, 0); }
pexpr_no_paren(A) ::= callee(X) lcall(L) eot_list(R) ELLIPSIS ocomma RPAREN.
        { A = ast_call(ctx, X, &L, R, 1); }
pexpr_no_paren(A) ::= othertype_x(T) PERIOD(D) IDENT(N).      { A = ast_selector(ctx, T, &D, &N); }
pexpr_no_paren(A) ::= comptype(T) lcomplit_any(L) elements(E) RBRACE.
        { A = ast_composite(ctx, T, &L, E); }
pexpr_no_paren(A) ::= complit_type(T) lcomplit(L) elements(E) RBRACE.
        { A = ast_composite(ctx, T, &L, E); }
pexpr_no_paren(A) ::= LPAREN(P) expr_or_type(T) RPAREN lcomplit(L) elements(E) RBRACE.
        { A = ast_paren_complit(ctx, &P, T, &L, E); }
pexpr_no_paren(A) ::= fnliteral(F).                           { A = F; }

// callee is what may be called: an expression, or a type literal to
// convert to (the checker counts the arguments of a conversion).
%type callee {Node*}
callee(A) ::= pexpr(X).                                       { A = X; }
callee(A) ::= convtype(T).                                    { A = T; }

// complit_type is an expression that may name the type of a composite
// literal: a name, a selector or an index (instantiation) expression, as
// in gc and go/parser; so `f(){}` and `T{}{}` are errors.
%type complit_type {Node*}
complit_type(A) ::= name(N).                                  { A = N; }
complit_type(A) ::= pexpr(X) PERIOD(D) IDENT(N).              { A = ast_selector(ctx, X, &D, &N); }
complit_type(A) ::= pexpr(X) LBRACK(L) expr_or_type(I) RBRACK.
        { A = ast_index(ctx, X, &L, ast_list1(I)); }
complit_type(A) ::= pexpr(X) LBRACK(L) expr_or_type(I) COMMA RBRACK.
        { A = ast_index(ctx, X, &L, ast_list1(I)); }
complit_type(A) ::= pexpr(X) LBRACK(L) expr_or_type(I) COMMA eot_list(R) ocomma RBRACK.
        { A = ast_index(ctx, X, &L, ast_prepend(I, R)); }

%type pexpr {Node*}
pexpr(A) ::= pexpr_no_paren(X).                               { A = X; }
pexpr(A) ::= LPAREN(P) expr_or_type(X) RPAREN.                { A = ast_paren(ctx, &P, X); }

%type name {Node*}
name(A) ::= IDENT(N). [NAMEPREC]                              { A = ast_name(ctx, &N); }

%type lcall {Token}
lcall(A) ::= LPAREN(T).
        { A = ast_opener(ctx, T, OPEN_CALL, LHS_SYMBOL); }

%type lcomplit {Token}
lcomplit(A) ::= LBRACE(T).
        { A = ast_opener(ctx, T, OPEN_COMPLIT, LHS_SYMBOL); }

%type lcomplit_any {Token}
lcomplit_any(A) ::= LBRACE(T).
        { A = ast_opener(ctx, T, OPEN_COMPLIT, LHS_SYMBOL); }
lcomplit_any(A) ::= LBODY(T).
        { A = ast_opener(ctx, T, OPEN_COMPLIT, LHS_SYMBOL); }

// A func literal body may be LBODY: `if f := func() bool { ... }; f() {`.
%type fnliteral {Node*}
fnliteral(A) ::= fntype(T) lfunc(L) stmt_list(S) RBRACE(R).
        { A = ast_funclit(ctx, T, &L, S, &R); }

%type lfunc {Token}
lfunc(A) ::= LBRACE(T).
        { A = ast_opener(ctx, T, OPEN_BLOCK, LHS_SYMBOL); }
lfunc(A) ::= LBODY(T).
        { A = ast_opener(ctx, T, OPEN_BLOCK, LHS_SYMBOL); }

// Elements of a composite literal; a bare `{...}` is a literal whose type
// is elided (`[]Point{{1, 2}, {3, 4}}`), allowed for keys too.
%type elements {NodeList}
elements(A) ::= .                                             { A = ast_empty(); }
elements(A) ::= element_list(L) ocomma.                       { A = L; }

%type element_list {NodeList}
element_list(A) ::= element(E).                               { A = ast_list1(E); }
element_list(A) ::= element_list(L) COMMA element(E).         { A = ast_append(L, E); }

%type element {Node*}
element(A) ::= complitexpr(X).                                { A = X; }
element(A) ::= complitexpr(K) COLON(C) complitexpr(V).        { A = ast_keyvalue(ctx, K, &C, V); }

%type complitexpr {Node*}
complitexpr(A) ::= expr(X).                                   { A = X; }
complitexpr(A) ::= lcomplit(L) elements(E) RBRACE.
        { A = ast_composite(ctx, NULL, &L, E); }

%type expr_or_type {Node*}
expr_or_type(A) ::= expr(X).                                  { A = X; }
expr_or_type(A) ::= non_expr_type(T).                         { A = T; }

// ---- Lists and optional things ----

%type name_list {NodeList}
name_list(A) ::= IDENT(N).
        { A = ast_names(ctx, ast_empty(), &N); }
name_list(A) ::= name_list(L) COMMA IDENT(N).                 { A = ast_names(ctx, L, &N); }

%type expr_list {NodeList}
expr_list(A) ::= expr(X).                                     { A = ast_list1(X); }
expr_list(A) ::= expr_list(L) COMMA expr(X).                  { A = ast_append(L, X); }

%type expr_or_type_list {NodeList}
expr_or_type_list(A) ::= expr_or_type(X).                     { A = ast_list1(X); }
expr_or_type_list(A) ::= expr_or_type_list(L) COMMA expr_or_type(X). { A = ast_append(L, X); }

%type eot_list {NodeList}
eot_list(A) ::= expr_or_type(X).                              { A = ast_list1(X); }
eot_list(A) ::= eot_list(L) COMMA expr_or_type(X).            { A = ast_append(L, X); }

%type oexpr {Node*}
oexpr(A) ::= .                                                { A = NULL; }
oexpr(A) ::= expr(X).                                         { A = X; }

osemi ::= .
osemi ::= SEMI.

ocomma ::= .
ocomma ::= COMMA.

// ---- Support for parser/parse.c ----

%code {
// ParseWouldAccept reports whether the parser, in its present state, would
// shift token tok (after the reductions that tok triggers), without
// changing the parser. It replays lemon's pending reductions on a copy of
// the top of the state stack (lempar.c of lemon 3.40); the brace test in
// tests/unit/parser.c catches a lemon whose tables work otherwise.
int ParseWouldAccept(void *pv, int tok) {
    yyParser *p = pv;
    YYACTIONTYPE over[64];          // states pushed by the replayed reductions
    int nover = 0;
    yyStackEntry *base = p->yytos;  // top of the untouched part of the stack
    for (;;) {
        YYACTIONTYPE st = nover ? over[nover - 1] : base->stateno;
        YYACTIONTYPE act = yy_find_shift_action((YYCODETYPE)tok, st);
        if (act < YY_MIN_REDUCE)
            return act <= YY_MAX_SHIFTREDUCE || act == YY_ACCEPT_ACTION;
        if (act > YY_MAX_REDUCE)
            return 0;               // error or accept-by-default
        unsigned rule = act - YY_MIN_REDUCE;
        int pop = -yyRuleInfoNRhs[rule];
        int from_over = pop < nover ? pop : nover;
        nover -= from_over;
        base -= pop - from_over;
        if (base < p->yystack)
            return 0;
        YYACTIONTYPE below = nover ? over[nover - 1] : base->stateno;
        if (nover == (int)(sizeof over / sizeof over[0]))
            return 0;
        over[nover++] = yy_find_reduce_action(below, (YYCODETYPE)yyRuleInfoLhs[rule]);
    }
}

// ParseStackDepth returns the number of entries on the parser stack above
// its bottom; ParseStackSymbol(p, i) the grammar symbol of the i-th entry
// counted from the top (0 is the top). The syntax error reporter reads the
// stack with them.
int ParseStackDepth(void *pv) {
    yyParser *p = pv;
    return (int)(p->yytos - p->yystack);
}

int ParseStackSymbol(void *pv, int i) {
    yyParser *p = pv;
    return p->yytos[-i].major;
}

// ParseStackValue returns the semantic value of the i-th entry from the
// top; every member of lemon's value union starts at its address.
const void *ParseStackValue(void *pv, int i) {
    yyParser *p = pv;
    return &p->yytos[-i].minor;
}

// ParseRearmErrors makes the parser report the next syntax error even if
// fewer than three tokens were shifted since the last one.
void ParseRearmErrors(void *pv) {
    yyParser *p = pv;
    p->yyerrcnt = -1;
}

// ParseTerminalCount is the number of terminal codes (1 .. count-1 are
// tokens; 0 is the end of input).
int ParseTerminalCount(void) {
    return YYNTOKEN;
}
}
