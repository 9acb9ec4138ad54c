// parser/ast.h: the syntax tree. One Node struct serves every construct; its
// kind (NODES below) says which fields are in use. The grammar (parser/go.y)
// builds it through the constructors at the end of this file (parser/ast.c);
// the type checker and code generator read it and fill in `type` and `obj`.
//
// Model:
// - Expressions and types share node kinds, as in gc's syntax package: `*T`
//   is a STAR whether it is a pointer type or a dereference, `a[T]` is an
//   INDEX whether it indexes or instantiates, `T(x)` is a CALL whether it
//   converts or calls, `~T` is a UNARY and `A | B` a BINARY in constraints.
//   The checker decides which, since only it knows what names denote.
// - Positions: line/col is the node's first token. opline/opcol is where
//   gc reports the node: the operator of BINARY, ASSIGN, SEND, INCDEC,
//   KEYVALUE; the `(` of CALL; the `[` of INDEX and SLICE; the `.` of
//   SELECTOR and TYPEASSERT; the `{` of COMPOSITE; the `:` of CASE and
//   COMM; the `}` of BLOCK, SWITCH, TYPESWITCH and SELECT; the `[` for the
//   first type parameter FIELD of a func. Elsewhere it equals line/col.
// - Names and literals keep their source text (text/len point into the
//   Source, which the tree keeps alive); the checker decodes literal values
//   (lexer/lex.h: lit_string, lit_rune).
// - Lists are NodeList values (GC memory, doubling growth). A missing optional
//   child is NULL. After syntax errors the tree may be partial and may hold
//   BAD nodes; it is only meant for `goli parse -ast` then.
// - parse_file accepts what go/parser (gofmt) accepts, which `goli parse`
//   must match. What gc's parser rejects beyond that is recorded on the
//   FILE (rlist) and reported by parse_gc_errors, which compile drivers
//   call: a method with no or several receivers (FUNCDECL rlist has them
//   all), a parenthesized embedded type (kept as a PAREN in the FIELD),
//   `:=` in a for loop's post statement, `goto` without a label. Left to
//   the checker: a conversion with other than one argument, `[...]T` as a
//   declared type (`var a [...]int`), `x.(type)` outside a type switch, and
//   every rule about labels, branches, fallthrough and types.
#ifndef GOLI_AST_H
#define GOLI_AST_H

#include <stddef.h>
#include <stdint.h>

#include "common/diag.h"
#include "common/source.h"
#include "lexer/token.h"

// NODES lists every node kind: N(KIND, "what it is: the fields it uses").
#define NODES(N)                                                                   \
    /* ---- file and declarations ---- */                                          \
    N(FILE,       "source file: name (package NAME), list (DECL and FUNCDECL), "   \
                  "rlist (BAD nodes: errors only gc's parser reports, text = "     \
                  "message; see parse_gc_errors)")                                 \
    N(DECL,       "import/const/var/type declaration: op (T_IMPORT, T_CONST, "     \
                  "T_VAR or T_TYPE), list (specs); flags NF_PAREN if grouped")     \
    N(IMPORTSPEC, "import spec: name (NAME, \".\" or \"_\"; NULL if none), "       \
                  "x (path BASICLIT)")                                             \
    N(CONSTSPEC,  "const spec: list (NAMEs), x (type or NULL), rlist (values; "    \
                  "empty: repeat the previous spec's), index (iota)")              \
    N(VARSPEC,    "var spec: list (NAMEs), x (type or NULL), rlist (values)")      \
    N(TYPESPEC,   "type spec: name, list (type parameter FIELDs), x (type); "      \
                  "flags NF_ALIAS for `type A = B`")                               \
    N(FUNCDECL,   "func or method: x (receiver FIELD or NULL), name, list (type "  \
                  "parameter FIELDs), y (FUNCTYPE), body (BLOCK; NULL if none); "  \
                  "methods: flags NF_METHOD, rlist (every receiver FIELD "         \
                  "written: the checker reports none or several)")                 \
    /* ---- types ---- */                                                          \
    N(ARRAYTYPE,  "[y]x: x (element), y (length; ELLIPSIS for [...]T)")            \
    N(SLICETYPE,  "[]x: x (element)")                                              \
    N(MAPTYPE,    "map[x]y: x (key), y (value)")                                   \
    N(CHANTYPE,   "chan x: x (element); flags NF_SEND for chan<-, NF_RECV for "    \
                  "<-chan, neither for both ways")                                 \
    N(FUNCTYPE,   "func(list) rlist: list (parameter FIELDs), rlist (result "      \
                  "FIELDs)")                                                       \
    N(STRUCTTYPE, "struct{list}: list (FIELDs)")                                   \
    N(IFACETYPE,  "interface{list}: list (FIELDs: methods have a name and a "      \
                  "FUNCTYPE; embedded elements have no name)")                     \
    N(FIELD,      "field, parameter, method or type parameter: list (NAMEs, "      \
                  "empty if anonymous or embedded), x (type), y (tag BASICLIT "    \
                  "or NULL); the first type parameter of a func has the `[` "      \
                  "as opline/opcol")                                               \
    N(ELLIPSIS,   "...x: x (element type; NULL in [...]T)")                        \
    /* ---- expressions ---- */                                                    \
    N(NAME,       "identifier: text")                                              \
    N(BASICLIT,   "literal: op (T_INT, T_FLOAT, T_IMAG, T_RUNE, T_STRING), text "  \
                  "(raw source)")                                                  \
    N(COMPOSITE,  "x{list}: x (type; NULL if elided), list (elements, "            \
                  "KEYVALUE or expressions)")                                      \
    N(KEYVALUE,   "x: y in a composite literal: x (key), y (value)")               \
    N(FUNCLIT,    "func literal: x (FUNCTYPE), body (BLOCK)")                      \
    N(PAREN,      "(x): x")                                                        \
    N(SELECTOR,   "x.name: x, name (NAME)")                                        \
    N(INDEX,      "x[list]: x, list (one index, or type arguments)")               \
    N(SLICE,      "x[y:z] or x[y:z:w]: x, y, z, w (each may be NULL); "            \
                  "flags NF_SLICE3 for the 3-index form")                          \
    N(TYPEASSERT, "x.(y): x, y (type; NULL for x.(type) in a type switch)")        \
    N(CALL,       "x(list): x (function or type), list (arguments); flags "        \
                  "NF_DOTS if the last argument has ...")                          \
    N(STAR,       "*x: pointer type or indirection: x")                            \
    N(UNARY,      "op x: op (T_ADD, T_SUB, T_NOT, T_XOR, T_AND, T_ARROW, "         \
                  "T_TILDE), x")                                                   \
    N(BINARY,     "x op y: op (the operator's token kind), x, y")                  \
    N(BAD,        "placeholder for a construct that had a syntax error")           \
    /* ---- statements ---- */                                                     \
    N(BLOCK,      "{list}: list (statements); opline/opcol is the }")              \
    N(EMPTY,      "empty statement (after a label)")                               \
    N(LABELED,    "name: x: name (label NAME), x (statement)")                     \
    N(EXPRSTMT,   "expression statement: x")                                       \
    N(SEND,       "x <- y: x (channel), y (value)")                                \
    N(INCDEC,     "x++ or x--: op (T_INC or T_DEC), x")                            \
    N(ASSIGN,     "list op rlist: op (T_ASSIGN, T_DEFINE, or an op= token "        \
                  "such as T_ADD_ASSIGN), list (left), rlist (right)")             \
    N(GO,         "go x: x (CALL)")                                                \
    N(DEFER,      "defer x: x (CALL)")                                             \
    N(RETURN,     "return list: list (results)")                                   \
    N(BRANCH,     "break, continue, goto, fallthrough: op (T_BREAK, ...), name "   \
                  "(label NAME or NULL)")                                          \
    N(DECLSTMT,   "declaration in a function: x (DECL)")                           \
    N(IF,         "if x; y body else z: x (init or NULL), y (condition), body "    \
                  "(BLOCK), z (IF, BLOCK or NULL)")                                \
    N(SWITCH,     "switch x; y {list}: x (init or NULL), y (tag or NULL), list "   \
                  "(CASEs)")                                                       \
    N(TYPESWITCH, "switch x; name := y.(type) {list}: x (init or NULL), name "     \
                  "(bound NAME or NULL), y (the operand of .(type)), list (CASEs)") \
    N(SELECT,     "select {list}: list (COMMs)")                                   \
    N(CASE,       "case list: body: list (expressions or types; empty for "        \
                  "default), body (BLOCK); flags NF_DEFAULT")                      \
    N(COMM,       "select case x: body: x (SEND, EXPRSTMT or ASSIGN with a "       \
                  "receive; NULL for default), body (BLOCK)")                      \
    N(FOR,        "for x; y; z body: x (init), y (condition), z (post), each may " \
                  "be NULL; body (BLOCK)")                                         \
    N(RANGE,      "for x, y op range z body: x (key or NULL), y (value or NULL), " \
                  "op (T_DEFINE, T_ASSIGN, or 0 for bare `for range z`), z, body")

typedef enum NodeKind {
#define NODE_ENUM(kind, doc) N_##kind,
    NODES(NODE_ENUM)
#undef NODE_ENUM
    N_COUNT
} NodeKind;

// Node flags.
enum {
    NF_PAREN   = 1 << 0,    // DECL: grouped, `var ( ... )`
    NF_ALIAS   = 1 << 1,    // TYPESPEC: `type A = B`
    NF_SEND    = 1 << 2,    // CHANTYPE: chan<- T
    NF_RECV    = 1 << 3,    // CHANTYPE: <-chan T
    NF_DOTS    = 1 << 4,    // CALL: f(xs...)
    NF_SLICE3  = 1 << 5,    // SLICE: x[i:j:k]
    NF_DEFAULT = 1 << 6,    // CASE, COMM: the default clause
    NF_METHOD  = 1 << 7,    // FUNCDECL: has a receiver list (maybe empty)
};

typedef struct Node Node;

// NodeList is a growable array of nodes in GC memory.
typedef struct NodeList {
    Node **v;
    int n, cap;
} NodeList;

struct Node {
    NodeKind kind;
    TokenKind op;           // operator or keyword, per kind (see NODES)
    int line, col;          // first token
    int opline, opcol;      // where gc reports the node (see the model above)
    int flags;              // NF_*
    int index;              // CONSTSPEC: iota; FOR: 1 if the header had `;`
    const char *text;       // NAME, BASICLIT: source text, not NUL-terminated
    uint32_t len;           // bytes of text
    Node *name;             // the declared or selected NAME, or a label
    Node *x, *y, *z, *w;    // children, per kind
    Node *body;             // BLOCK of functions, loops, ifs, clauses
    NodeList list, rlist;   // per kind
    // Filled in by the type checker (compiler/check.h says what each holds).
    struct Type *type;      // the expression's type (after implicit conversion)
    void *obj;              // NAME: its Obj; SELECTOR: its Selection; CASE of
                            // a type switch: the clause's implicit Obj
    struct Const *val;      // the value of a constant expression
    uint8_t mode;           // MODE_* (compiler/check.h)
    uint8_t builtin;        // CALL of a builtin: its Builtin + 1, else 0
    uint8_t conv;           // CALL that is a conversion (x denotes a type)
};

// ast_kind_name returns "BINARY" for N_BINARY.
const char *ast_kind_name(NodeKind k);
// ast_name_is reports whether a NAME node spells s.
int ast_name_is(const Node *n, const char *s);
// nodelist_push appends n (which may be NULL) to l.
void nodelist_push(NodeList *l, Node *n);

// ast_string renders an expression or simple statement in Go syntax, as
// gc's error messages quote them ("cannot use x := 1 as value"); function
// bodies and composite literal elements are elided with "…" as gc does.
char *ast_string(const Node *n);
// ast_sexpr renders a tree on one line, (KIND op flags slots...), with the
// slots in the order of parser/dump.c's table: what the unit tests compare.
char *ast_sexpr(const Node *n);
// ast_string_emph renders an expression list, parenthesizing a lone binary
// expression (gc's emphasize: "assignment (a + b) = c").
char *ast_string_emph(const NodeList *l);

// ---- Construction (parser/ast.c), used by the actions of parser/go.y ----

// Opener names the role of an opening bracket left on the parser stack; the
// syntax error reporter reads them to say "in argument list" and the like.
typedef enum Opener {
    OPEN_NONE,
    OPEN_BLOCK,     // { of a block or function body
    OPEN_CALL,      // ( of an argument list
    OPEN_COMPLIT,   // { of a composite literal
    OPEN_PARAMS,    // ( of a parameter or result list
    OPEN_TPARAMS,   // [ of a type parameter list
    OPEN_GROUP,     // ( of a grouped declaration
    OPEN_STRUCT,    // { of a struct type
    OPEN_IFACE,     // { of an interface type
} Opener;

#define AST_MAX_SYMBOLS 512     // more than the grammar's symbols

// AstCtx is the state of one parse: the file being built and what the
// error reporter needs. parse_file (parser/parse.c) owns it.
typedef struct AstCtx {
    const Source *src;
    Diag *diag;
    Node *file;             // FILE node; name is set once the package clause parsed
    int stop;               // give up: no more tokens are fed to the parser
    int seen_decl;          // a top-level declaration other than import was seen
    int last_bodyless;      // the last top-level declaration was a func without body
    TokenKind prev;         // the token fed before the current one
    const Token *cur;       // the token being fed (for %stack_overflow)
    int quiet;              // the token being fed is RECOVER: report nothing
    // opener_role[sym] is the Opener of grammar symbol sym, recorded by the
    // opener rules of go.y when they reduce (0 for other symbols).
    unsigned char opener_role[AST_MAX_SYMBOLS];
} AstCtx;

// NodePair carries the first and last IF of an else-if chain.
typedef struct NodePair {
    Node *head, *tail;
} NodePair;

// Nodes and lists. ast_empty is the empty list; tokens are passed by
// pointer and copied from.
Node *ast_new(AstCtx *c, NodeKind k, const Token *at);
Node *ast_new_at(NodeKind k, const Node *at);
NodeList ast_empty(void);
NodeList ast_list1(Node *n);
NodeList ast_append(NodeList l, Node *n);
NodeList ast_prepend(Node *n, NodeList l);
NodeList ast_concat(NodeList a, NodeList b);
Token ast_no_token(void);
Token ast_opener(AstCtx *c, Token t, Opener role, int sym);

// File and declarations.
void ast_package(AstCtx *c, const Token *kw, const Token *name);
void ast_file_add(AstCtx *c, Node *decl);
Node *ast_decl(AstCtx *c, const Token *kw, Node *spec);
Node *ast_decl_group(AstCtx *c, const Token *kw, NodeList specs);
Node *ast_import(AstCtx *c, const Token *name, const Token *path);
Node *ast_const(AstCtx *c, NodeList names, Node *type, NodeList values);
Node *ast_var(AstCtx *c, NodeList names, Node *type, NodeList values);
Node *ast_var_define(AstCtx *c, NodeList names, Node *type, const Token *op, NodeList values);
Node *ast_const_define(AstCtx *c, NodeList names, Node *type, const Token *op,
                       NodeList values);
Node *ast_type(AstCtx *c, const Token *name, NodeList tparams, int alias, Node *type);
Node *ast_type_slice(AstCtx *c, const Token *name, const Token *lbrack, Node *elem);
Node *ast_type_brack(AstCtx *c, const Token *name, const Token *lbrack, Node *x,
                     const Token *comma, NodeList rest, int alias, Node *type);
Node *ast_type_tparam1(AstCtx *c, const Token *name, const Token *pname, Node *constraint,
                       NodeList rest, int alias, Node *type);
NodeList ast_tparams(AstCtx *c, const Token *lbrack, NodeList l);
Node *ast_tparam(AstCtx *c, NodeList names, Node *constraint);
Node *ast_tilde(AstCtx *c, const Token *tilde, Node *x);
Node *ast_union(AstCtx *c, Node *x, const Token *op, Node *y);

// Functions and parameters.
Node *ast_func(AstCtx *c, const Token *kw, int method, NodeList recv, const Token *name,
               NodeList tparams, Node *sig, Node *body);
Node *ast_signature(AstCtx *c, const Token *lparen, NodeList params, NodeList results);
Node *ast_functype_kw(AstCtx *c, const Token *kw, Node *sig);
NodeList ast_result_type(AstCtx *c, Node *type);
NodeList ast_params(AstCtx *c, NodeList params, int results);
Node *ast_param(AstCtx *c, const Token *name, Node *type);
Node *ast_param_name(AstCtx *c, const Token *name);
Node *ast_param_qualified(AstCtx *c, const Token *pkg, const Token *dot, const Token *name,
                          const Token *lbrack, NodeList args);
Node *ast_param_dots(AstCtx *c, const Token *name, const Token *dots, Node *elem);
Node *ast_param_inst(AstCtx *c, const Token *name, const Token *lbrack, NodeList args);
Node *ast_param_brack(AstCtx *c, const Token *name, const Token *lbrack, Node *len,
                      Node *elem);
Node *ast_method(AstCtx *c, const Token *name, Node *sig);

// Types.
Node *ast_name(AstCtx *c, const Token *t);
NodeList ast_names(AstCtx *c, NodeList l, const Token *t);
NodeList ast_names2(AstCtx *c, const Token *a, const Token *b);
Node *ast_qualified(AstCtx *c, const Token *pkg, const Token *dot, const Token *name);
Node *ast_qualified_inst(AstCtx *c, const Token *pkg, const Token *dot, const Token *name,
                         const Token *lbrack, NodeList args);
Node *ast_array(AstCtx *c, const Token *lbrack, Node *len, Node *elem);
Node *ast_slice_type(AstCtx *c, const Token *lbrack, Node *elem);
Node *ast_map_type(AstCtx *c, const Token *kw, Node *key, Node *val);
Node *ast_chan(AstCtx *c, const Token *kw, int dir, Node *elem);
Node *ast_star(AstCtx *c, const Token *star, Node *x);
Node *ast_ellipsis(AstCtx *c, const Token *dots, Node *elem);
Node *ast_dots_array(AstCtx *c, const Token *lbrack, const Token *dots, Node *elem);
Node *ast_paren(AstCtx *c, const Token *lparen, Node *x);
Node *ast_inst(AstCtx *c, Node *x, const Token *lbrack, NodeList args);
Node *ast_inst_name(AstCtx *c, const Token *name, const Token *lbrack, NodeList args);
Node *ast_struct(AstCtx *c, const Token *kw, NodeList fields);
Node *ast_field(AstCtx *c, NodeList names, Node *type, const Token *tag);
Node *ast_field1(AstCtx *c, const Token *name, Node *type, const Token *tag);
Node *ast_embed(AstCtx *c, Node *type, const Token *tag);
Node *ast_embed_ptr(AstCtx *c, const Token *star, const Token *lparen, Node *type,
                    const Token *tag);
Node *ast_embed_paren(AstCtx *c, const Token *lparen, const Token *star, Node *type,
                      const Token *tag);
Node *ast_embed_inst(AstCtx *c, const Token *name, const Token *lbrack, NodeList args,
                     const Token *tag);
Node *ast_field_brack(AstCtx *c, const Token *name, const Token *lbrack, Node *len,
                      Node *elem, const Token *tag);
Node *ast_iface(AstCtx *c, const Token *kw, NodeList elems);

// Expressions.
Node *ast_literal(AstCtx *c, const Token *t);
Node *ast_binary(AstCtx *c, Node *x, const Token *op, Node *y);
Node *ast_unary(AstCtx *c, const Token *op, Node *x);
Node *ast_selector(AstCtx *c, Node *x, const Token *dot, const Token *name);
Node *ast_typeassert(AstCtx *c, Node *x, const Token *dot, Node *type);
Node *ast_index(AstCtx *c, Node *x, const Token *lbrack, NodeList index);
Node *ast_slice(AstCtx *c, Node *x, const Token *lbrack, Node *lo, Node *hi, Node *max,
                const Token *colon2, const Token *rbrack);
Node *ast_call(AstCtx *c, Node *fun, const Token *lparen, NodeList args, int dots);
Node *ast_composite(AstCtx *c, Node *type, const Token *lbrace, NodeList elems);
Node *ast_paren_complit(AstCtx *c, const Token *lparen, Node *type, const Token *lbrace,
                        NodeList elems);
Node *ast_keyvalue(AstCtx *c, Node *key, const Token *colon, Node *val);
Node *ast_funclit(AstCtx *c, Node *type, const Token *lbrace, NodeList stmts,
                  const Token *rbrace);

// Statements.
Node *ast_block(AstCtx *c, const Token *lbrace, NodeList stmts, const Token *rbrace);
NodeList ast_stmt_add(NodeList l, Node *s);
Node *ast_exprstmt(AstCtx *c, Node *x);
Node *ast_stmt_start(AstCtx *c, Node *s);
Node *ast_assign(AstCtx *c, NodeList lhs, const Token *op, NodeList rhs);
Node *ast_opassign(AstCtx *c, Node *x, const Token *op, Node *y);
Node *ast_incdec(AstCtx *c, Node *x, const Token *op);
Node *ast_send(AstCtx *c, Node *ch, const Token *arrow, Node *v);
Node *ast_labeled(AstCtx *c, const Token *label, const Token *colon, Node *stmt,
                  int before_case);
Node *ast_branch(AstCtx *c, const Token *kw, const Token *label);
Node *ast_goto_nolabel(AstCtx *c, const Token *kw, const Token *next);
Node *ast_go(AstCtx *c, const Token *kw, Node *x);
Node *ast_return(AstCtx *c, const Token *kw, NodeList results);
Node *ast_declstmt(AstCtx *c, Node *decl);
Node *ast_header(AstCtx *c, Node *init, const Token *semi, Node *cond, int has_semi);
NodePair ast_if(AstCtx *c, const Token *kw, Node *header, Node *body);
NodePair ast_elseif(AstCtx *c, NodePair chain, const Token *kw, Node *header, Node *body);
Node *ast_if_end(AstCtx *c, NodePair chain, Node *els);
Node *ast_switch(AstCtx *c, const Token *kw, Node *header, NodeList clauses,
                 const Token *rbrace);
Node *ast_select(AstCtx *c, const Token *kw, NodeList clauses, const Token *rbrace);
Node *ast_case(AstCtx *c, const Token *kw, NodeList list, Node *comm, const Token *colon);
Node *ast_case_send(AstCtx *c, const Token *kw, Node *ch, const Token *arrow, Node *v,
                    const Token *colon);
Node *ast_case_recv(AstCtx *c, const Token *kw, NodeList lhs, const Token *op, Node *rhs,
                    const Token *colon);
Node *ast_case_body(AstCtx *c, Node *clause, NodeList stmts);
Node *ast_for(AstCtx *c, const Token *kw, Node *header, Node *body);
Node *ast_for_header(AstCtx *c, Node *init, Node *cond, Node *post, int clauses);
Node *ast_range(AstCtx *c, NodeList lhs, const Token *op, const Token *kw, Node *x);

#endif
