// compiler/check_impl.h: the type checker's internal interface, shared by
// compiler/check*.c. The contract with the code generator is check.h; this
// header is the checker's own working state.
//
// Model
// - The checker annotates the tree in place: an "operand" is the Node
//   itself, with n->mode, n->type and n->val (types2's operand, kept in the
//   node). Untyped expressions keep an untyped n->type until the context
//   fixes it (check_convert_untyped walks down and retypes them);
//   check_finish_tree gives whatever stays untyped its default type.
// - Package-level objects are resolved lazily, in any order (types2's
//   objDecl): check_resolve declares an object on first use, and the
//   stack of objects being resolved (Checker.path_objs) reports cycles.
//   Initialization cycles among consts, vars and funcs are reported by the
//   init order computation, as in types2.
// - Named types are made (type_named) when collected, so a name always
//   denotes its Type; the underlying type is set when resolved. A type used
//   by value (struct field, array element, underlying type) must be
//   complete: check_need_complete reports `invalid recursive type`
//   otherwise. `type T2 T1` inside T1's own declaration waits (Pending)
//   until T1 is complete. Methods are added to a named type right after
//   its underlying type is set (check_collect_methods), as types2 does.
//   Rejected: types2's lazily expanded underlying types; goli's Type has
//   its layout computed at construction (runtime/type.h), so the rare
//   `type T18 *[10]T19; type T19 T18` is reported as a cycle.
// - Obj.check points at checker data: a DeclInfo for package-level
//   objects, the owning FuncCtx for local variables (which tells captured
//   variables from local ones). Both start with a tag.
// - Files: check.c (package level, declarations, init order), check_type.c
//   (type expressions, lookup, method sets), check_expr.c (operands),
//   check_op.c (operators, untyped conversion, assignability), check_call.c
//   (calls, builtins, conversions), check_stmt.c (statements, bodies),
//   check_branch.c (labels and branches), check_fmt.c (message spelling).
#ifndef GOLI_CHECK_IMPL_H
#define GOLI_CHECK_IMPL_H

#include <stdarg.h>
#include <stdbool.h>
#include <string.h>

#include "common/mem.h"
#include "compiler/check.h"
#include "lexer/lex.h"

// Expressions nest at most this deep; deeper input gets one error.
enum { CHECK_MAX_DEPTH = 10000 };

enum { INFO_DECL = 1, INFO_LOCAL = 2 };

// DeclInfo describes a package-level object's declaration.
typedef struct DeclInfo {
    int tag;                // INFO_DECL
    Node *spec;             // CONSTSPEC, VARSPEC, TYPESPEC or FUNCDECL
    int index;              // the name's index in spec->list
    int file;               // index of the file in Checker.files
    Node *typ;              // const/var: the type expression or NULL
    Node *init;             // const: the value expression (maybe inherited);
                            // var: the initializer (NULL if none)
    Node *vals_spec;        // const: the spec the values come from
    int iota;               // const: iota of the spec
    Obj **lhs;              // var a, b = f(): every object of the spec
    int nlhs;               // > 1 only for such n:1 declarations
    Obj **deps;             // package-level consts, vars and funcs used
    int ndeps, capdeps;
    int order;              // declaration order (init order ties)
    Obj **methods;          // OBJ_TYPE: methods declared on it (collected)
    int nmethods, capmethods;
    bool methods_done;
    int ncollected;         // methods added to the type so far
    Scope *fscope;          // func: the scope of its parameters
    Obj **results;          // func: result variables (NULL where unnamed)
} DeclInfo;

typedef struct LabelInfo LabelInfo;

// FuncCtx is the function whose body is being checked.
typedef struct FuncCtx {
    int tag;                // INFO_LOCAL
    struct FuncCtx *outer;  // enclosing function (function literals)
    Type *sig;
    Obj **results;          // result variables (named or not), nresults of sig
    bool named_results;
    Obj **vars;             // local variables, for "declared and not used"
    int nvars, capvars;
    Node *body;
    const char *name;       // for messages
} FuncCtx;

// DotImport remembers a dot import so a use of its objects counts.
typedef struct DotImport {
    Package *pkg;
    Obj *obj;               // the OBJ_PKG standing for the import
} DotImport;

typedef struct FileInfo {
    Node *node;
    const char *path;       // for error positions
    Scope *scope;           // imports
    DotImport *dots;
    int ndots;
} FileInfo;

// Pending is a named type whose underlying type is target's, still being
// declared (compiler/check.c sets it when target is done).
typedef struct Pending {
    Obj *obj;
    Type *target;
} Pending;

// LaterKey is a map key type checked for comparability once complete.
typedef struct LaterKey {
    Type *key;
    Node *at;
    const char *path;
} LaterKey;

typedef struct Checker {
    Diag *diag;
    Package *pkg;
    ImportFunc import;
    FileInfo *files;
    int nfiles;
    int file;               // current file index
    const char *path;       // current file path (errors)
    Scope *scope;           // innermost scope
    FuncCtx *fn;            // function being checked, or NULL
    DeclInfo *decl;         // package-level declaration being checked
                            // (dependencies are recorded in it), or NULL
    Const *iota;            // value of iota, NULL outside const specs
    Obj **path_objs;        // objects being resolved (cycle reports)
    int npath, cappath;
    Obj **objs;             // package-level objects in declaration order
    int nobjs, capobjs;
    int depth;              // expression nesting
    bool depth_reported;
    // Spelling of uint8/int32 in messages: types2 keeps byte and rune as
    // distinct names; goli's types are shared, so the checker prints the
    // name the package spells (byte/rune unless only uint8/int32 appear).
    bool saw_byte, saw_uint8, saw_rune, saw_int32, saw_any_name;
    int err_line, err_col;  // report every error here (inherited const values)
    int nerrors;
    Obj **methods;          // every method declared in the package
    int nmethods, capmethods;
    int cap_init;           // capacity of pkg->init_funcs
    Pending *pending;       // named types waiting for an underlying type
    int npending, cappending;
    LaterKey *later;        // map keys to check once declarations are done
    int nlater, caplater;
    bool repl;              // a REPL session: unused variables and imports
                            // are fine, later declarations replace earlier
    Node **shift_lhs;       // lhs of untyped shifts whose type the context decides
    int nshift_lhs, capshift_lhs;
} Checker;

// ---- check.c: declarations, resolution, messages ----

// check_errorf reports at line:col of the current file. Continuation lines
// (types2's multi-part errors) are part of msg after "\n\t".
void check_errorf(Checker *c, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
// check_error_at reports at the start of node n.
void check_error_at(Checker *c, const Node *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void check_verrorf(Checker *c, int line, int col, const char *fmt, va_list ap);
// check_pos spells a position for a continuation line: "FILE:L:C".
const char *check_pos(Checker *c, int line, int col);
// check_obj_pos spells where obj is declared (its own file's path).
const char *check_obj_pos(Checker *c, const Obj *o);
// check_file_path is the path errors in file f are reported under: the
// FILE node's text (parse_file records the Source's path there).
const char *check_file_path(const Node *f);
void check_init_vars(Checker *c, Obj **lhs, int l, NodeList *rhs, Node *ret);

// Package-level passes, also run on each input of a REPL session
// (compiler/check_session.c): collect the declarations of files[fidx];
// attach methods[from..] to their types; order the initialization of the
// variables among objs[from..] into pkg->inits.
void check_collect_file(Checker *c, int fidx);
void check_associate_methods(Checker *c, int from);
void check_init_order(Checker *c, int from);
// check_func_bodies checks the bodies of the functions among objs[from..].
void check_func_bodies(Checker *c, int from);

// check_resolve declares a package-level object if not yet done.
void check_resolve(Checker *c, Obj *obj);
// check_use_pkg_obj records that the current declaration depends on obj
// (package-level const, var or func of this package).
void check_add_dep(Checker *c, Obj *obj);
// check_declare inserts obj into scope s, reporting `x redeclared in this
// block` against the earlier object. Blank names are not inserted.
bool check_declare(Checker *c, Scope *s, Obj *obj, Node *at);
// check_new_obj makes an object declared at NAME node n.
Obj *check_new_obj(Checker *c, ObjKind kind, Node *n, Type *t);

// Declarations shared by package level and function bodies.
void check_const_decl(Checker *c, Obj *obj, Node *typ, Node *init, Node *vals_spec, int iota,
                      int index);
void check_var_decl(Checker *c, Obj **lhs, int nlhs, Node *typ, NodeList *init, Node *spec);
void check_type_decl(Checker *c, Obj *obj, Node *spec);
void check_collect_methods(Checker *c, Obj *tobj);
// check_local_decl checks a DECL inside a function body.
void check_local_decl(Checker *c, Node *decl);

// ---- check_fmt.c: spelling types and operands for messages ----

typedef struct Str {
    char *p;
    size_t n, cap;
} Str;

void str_put(Str *s, const char *t);
void str_putn(Str *s, const char *t, size_t n);
void str_printf(Str *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *str_get(Str *s);

// check_type_str spells t as types2 does, qualifying named types of other
// packages with their package name.
const char *check_type_str(Checker *c, Type *t);
// check_operand_str spells an operand (types2's operandString):
// "x (variable of type int)", "1 (untyped int constant)", "nil", ...
const char *check_operand_str(Checker *c, Node *n);
// check_expr_str is ast_string of n.
const char *check_expr_str(const Node *n);
// check_name returns a NAME's text, NUL-terminated (cached in GC memory).
const char *check_name(const Node *n);
// check_types_summary is "(number, string)" for have/want lines.
const char *check_types_summary(Checker *c, Type **ts, int n, bool variadic);
const char *check_const_str(Checker *c, Const *v, Type *t);
// check_pkg_name is the name a package is known by in messages.
const char *check_pkg_name(const char *path);

// ---- check_type.c: types, lookup, method sets ----

// check_typexpr evaluates n as a type; errors give type_invalid.
Type *check_typexpr(Checker *c, Node *n);
// check_typexpr_def evaluates the type of a declaration `type T X`: the
// result is the underlying type to set (for X a named type, its
// underlying).
// check_need_complete reports `invalid recursive type` when t is a named
// type whose underlying type is still being resolved; returns false then.
bool check_need_complete(Checker *c, Type *t, Node *at);
// check_later_keys checks the map key types that were incomplete.
void check_later_keys(Checker *c);
// check_report_cycle reports a declaration cycle through objs[0..n).
void check_report_cycle(Checker *c, Obj **objs, int n);
// check_signature makes a function type from a FUNCTYPE node; with
// scope != NULL it declares the parameters there (Obj.decl = the FIELD).
// recv (FIELD or NULL) is declared too but not part of the type.
Type *check_signature(Checker *c, Node *ft, Node *recv, Scope *scope, Obj ***results_out);

// LookupResult is what selecting name in a type finds.
typedef struct LookupResult {
    enum { LK_NONE, LK_FIELD, LK_METHOD, LK_IFACE_METHOD, LK_AMBIGUOUS } kind;
    Obj *obj;               // field Obj, method Obj
    Field *field;
    Method *method;
    Type *recv_type;        // the type declaring the method (named T or iface)
    int npath;
    int *path;
    bool *indirect;
    bool any_indirect;      // some pointer was followed (including x itself)
    Type *last;             // type of the value the field or method belongs to
                            // (the embedded field's type, or x's type)
} LookupResult;

void check_lookup(Checker *c, Type *t, const char *name, LookupResult *r);
// check_field_obj returns the Obj of field i of struct type st.
Obj *check_field_obj(Type *st, int i);
// check_method_obj returns the Obj of a method (Method.obj).
Obj *check_method_obj(Method *m, Type *recv);
// check_missing_method finds a method of interface iface missing from t
// (static: t is an interface too for assertions) and words the cause as
// types2 does: "(missing method M)", "(method M has pointer receiver)".
// Returns NULL if t implements iface.
const char *check_missing_method(Checker *c, Type *t, Type *iface, bool static_,
                                 const char **cause);
// check_implements reports whether t implements iface; *cause gets
// "T does not implement I (missing method M)" otherwise.
bool check_implements(Checker *c, Type *t, Type *iface, const char **cause);
bool check_is_interface(const Type *t);
bool check_comparable(Type *t, const char **why, Checker *c);
bool check_has_nil(const Type *t);
// check_deref returns T for *T (with *ptr = true), else t.
Type *check_deref(Type *t, bool *ptr);

// ---- check_expr.c and check_op.c: expressions and operators ----

// Expression kinds that may stand alone as statements.
enum { EXPR_VALUE, EXPR_CONVERSION, EXPR_STATEMENT };

// check_raw checks n as an expression or type; hint is the expected type of
// an elided composite literal. Returns the statement kind (EXPR_*).
int check_raw(Checker *c, Node *n, Type *hint, bool allow_generic);
// check_expr: single value; errors for types, no-value calls and tuples.
void check_expr(Checker *c, Node *n);
void check_expr_hint(Checker *c, Node *n, Type *hint);
// check_expr_or_type: also accepts types.
void check_expr_or_type(Checker *c, Node *n);
// check_multi_expr: may be a tuple (multi-value call) or comma-ok form.
void check_multi_expr(Checker *c, Node *n);
// check_single_value reports tuples and no-values used as one value.
void check_single_value(Checker *c, Node *n);
// check_operand_value makes sure operand x of n is one value; if not it
// reports why (once), marks n invalid and returns false.
bool check_operand_value(Checker *c, Node *x, Node *n);

// check_convert_untyped converts an untyped operand to target (types2's
// convertUntyped): errors are `cannot use ...`-free, worded for operators.
void check_convert_untyped(Checker *c, Node *n, Type *target);
// check_implicit_type is implicitTypeAndValue: the type an untyped n takes
// for target (NULL + code on failure).
enum { IC_OK, IC_TRUNCATED, IC_OVERFLOW, IC_INVALID };
Type *check_implicit_type(Checker *c, Node *n, Type *target, Const **val, int *code);
// check_update_type sets the final type of an untyped expression tree.
void check_update_type(Checker *c, Node *n, Type *t, bool final);
// check_default sets an untyped n to its default type.
void check_default(Checker *c, Node *n);
// check_assignment checks that n can be assigned to type t (t NULL: the
// blank identifier or an inferred variable type) in context ("assignment",
// "argument to f", ...); returns false after reporting.
bool check_assignment(Checker *c, Node *n, Type *t, const char *context);
// check_assignable_to is types2's assignableTo; *cause may get a reason.
bool check_assignable_to(Checker *c, Node *n, Type *t, const char **cause);
// check_representable checks constant n against basic type t, reporting
// `X overflows T` / `X truncated to T`; converts n->val.
bool check_representable(Checker *c, Node *n, Type *t);
void check_invalid_conversion(Checker *c, Node *n, Type *t, int code);
// check_index checks an index expression: returns its constant value or -1,
// reporting errors; max >= 0 is the length bound.
int64_t check_index(Checker *c, Node *n, int64_t max, bool allow_neg, const char *what);
// check_finish_tree gives untyped expression nodes their default type.
void check_finish_tree(Checker *c, Node *n);
// check_ident resolves a NAME for use; mark_used false for assignment lhs.
void check_ident(Checker *c, Node *n, bool mark_used, bool want_type);
void check_funclit(Checker *c, Node *n);
bool check_is_const_type(const Type *t);
void check_set_invalid(Node *n);
// check_comparison checks x op y for ==, != and ordering.
void check_comparison(Checker *c, Node *e, Node *x, Node *y, int op, bool switch_case);
// check_unary checks a UNARY expression (check_op.c).
void check_unary(Checker *c, Node *n);
// check_binary checks x op y into e (e may be a BINARY or an op= statement).
void check_binary(Checker *c, Node *e, Node *x, Node *y, int op, int opline, int opcol);
// check_mark_addressed marks the variable behind an addressable n.
void check_mark_addressed(Node *n);
Node *check_unparen(Node *n);

// ---- check_call.c: calls, builtins, conversions ----

// For the generic functions goli builds in (check_slices.c,
// check_generic_std.c): check_set_invalid_call marks call n invalid and
// returns true (the call is handled); check_all_args checks every argument
// of n, and returns false, n marked invalid, if one was invalid.
bool check_set_invalid_call(Node *n);
bool check_all_args(Checker *c, Node *n);

int check_call(Checker *c, Node *n);
void check_conversion(Checker *c, Node *n, Type *t);
bool check_convertible(Checker *c, Node *x, Type *t, const char **cause);

// ---- check_stmt.c: statements and function bodies ----

void check_func_body(Checker *c, const char *name, Type *sig, Node *decl, Node *recv,
                     Node *ftype, Node *body);
// check_declare_local registers a local variable with the function.
void check_declare_local(Checker *c, Obj *obj);
bool check_is_terminating(Node *s, const Node *label);
// check_branches checks labels and branches of one body (check_branch.c).
void check_branches(Checker *c, Node *body);

// Helpers on the shared types.
static inline Type *under(Type *t) { return t && t->under ? t->under : t; }
static inline bool valid_type(const Type *t) { return t && t->kind != K_INVALID; }
// type_ok is true for valid types and for named types still being declared
// (which may be referred to, e.g. through pointers).
static inline bool type_ok(const Type *t) {
    return t && (t->kind != K_INVALID || ((t->flags & TF_NAMED) && !(t->flags & TF_COMPLETE)));
}
// Predicates on types (types2's allNumeric etc.; no type parameters here).
static inline bool all_numeric(Type *t) { return type_is_numeric(under(t)); }
static inline bool all_integer(Type *t) { return type_is_integer(under(t)); }
static inline bool all_boolean(Type *t) { return type_is_boolean(under(t)); }
static inline bool all_string(Type *t) { return type_is_string(under(t)); }
static inline bool all_ordered(Type *t) {
    Type *u = under(t);
    return type_is_integer(u) || type_is_float(u) || type_is_string(u);
}
static inline bool is_blank_name(const Node *n) {
    return n && n->kind == N_NAME && n->len == 1 && n->text[0] == '_';
}

#endif
