// compiler/check.h: the type checker. check_package type-checks the files of
// one package and annotates their syntax trees for the code generator; its
// errors use gc's present-day (types2) wording, FILE:LINE:COL: message.
//
// What the checker leaves in the tree (the contract with compiler/gen*.c):
// - Every expression node: n->type is its type (for an untyped constant in a
//   typed context, the type it was converted to; an untyped constant that
//   stays untyped, e.g. a shift count, gets its default type), n->mode one
//   of MODE_*, and for constants n->val the value, already converted to
//   n->type (rounded for floats, exact for integers).
// - NAME (declaration or use): n->obj is the Obj (compiler/scope.h). Blank
//   `_` declarations get an Obj too (kind OBJ_VAR, name "_").
// - SELECTOR: n->obj is a Selection saying what x.f is (field through an
//   embedding path, method, interface method, package member, method
//   expression); n->name->obj is the field or method Obj when there is one.
// - CALL: n->builtin = Builtin + 1 for a builtin call (0 otherwise); n->conv
//   = 1 when x denotes a type (a conversion); n->x->type is the function type
//   otherwise (a method call's x is its SELECTOR).
// - COMPOSITE: n->type is the literal's type, also for elided `{...}`
//   elements; KEYVALUE keys of struct literals have key->obj = the field Obj.
// - TYPESWITCH: each CASE's obj is the implicit Obj bound in that clause
//   (its type: the case's type if there is exactly one, else the operand's).
// - RANGE: n->z->type is the ranged-over type; key/value NAMEs have Objs.
// - LABELED / BRANCH: name->obj is the label Obj; BRANCH without a label: the
//   checker resolves nothing (the generator knows the enclosing statements).
// - Obj flags for the generator: Obj.captured (a function literal uses this
//   local variable of an enclosing function), Obj.addressed (&x, a pointer
//   method called on x, or x[i:j] of an array variable): both mean the
//   variable lives in a heap cell. Obj.decl points at the declaring node
//   (the VARSPEC, ASSIGN with :=, FIELD of a signature, RANGE, ...).
// Implicit conversions the generator must perform are visible as a
// difference between an operand's n->type and the type it is used as
// (assignability: a value to an interface, a bidirectional channel to a
// directional one, untyped nil to a pointer/slice/map/chan/func/interface).
// Details the points above leave open:
// - nil keeps type_untyped_nil wherever it is used; a call without results
//   has mode MODE_NOVALUE and type type_tuple(0, NULL); a multi-value call
//   has a K_TUPLE type (also as the single argument of f(g())).
// - An elided element `{...}` of pointer element type *T (as in
//   []*T{{...}}) has n->type *T: it stands for &T{...}.
// - SEL_IFACE_METHOD has a path when the interface is an embedded field of
//   x's struct (struct{ io.Reader }.Read): npath leads to that field.
// - Type expression nodes (NAME, STAR, ARRAYTYPE, ...) have mode MODE_TYPE
//   and n->type the type; a method's receiver type expression
//   (FUNCDECL x->x) has the receiver type (T or *T), FUNCDECL n->type the
//   signature without receiver; a TYPESPEC's name has the declared type.
// - A TYPESWITCH's bound NAME has an Obj of the operand's type (not in any
//   scope; the clauses' Objs are the ones used).
#ifndef GOLI_CHECK_H
#define GOLI_CHECK_H

#include "common/diag.h"
#include "compiler/scope.h"
#include "parser/ast.h"

// Expression modes (types2's operand modes).
typedef enum Mode {
    MODE_INVALID,       // an error was reported
    MODE_NOVALUE,       // a call of a function without results
    MODE_BUILTIN,       // a builtin function name (only in calls)
    MODE_TYPE,          // the expression denotes a type
    MODE_CONST,         // a constant: n->val
    MODE_VAR,           // an addressable variable
    MODE_MAPINDEX,      // m[k]: assignable, not addressable; comma-ok allowed
    MODE_VALUE,         // a computed value
    MODE_COMMAOK,       // x.(T), <-ch: a value that allows v, ok := ...
    MODE_PKG,           // a package name (only before a selector)
} Mode;

// SelKind says what a selector x.f denotes.
typedef enum SelKind {
    SEL_FIELD,          // a struct field of x (through Selection.path)
    SEL_METHOD,         // a method value or call x.m on a concrete type
    SEL_IFACE_METHOD,   // a method of an interface x
    SEL_METHOD_EXPR,    // T.m or (*T).m: a function taking the receiver first
    SEL_PKG,            // pkg.Name: Selection.obj is the package member
} SelKind;

typedef struct Selection {
    SelKind kind;
    Obj *obj;           // the field, method (OBJ_FUNC) or package member
    Type *recv;         // the type of x (for SEL_METHOD_EXPR: the T or *T)
    // Embedding path: the field indices followed from x's struct type to
    // reach the field or the embedded type declaring the method; the last
    // entry is the field itself for SEL_FIELD. indirect[i] is true when
    // step i goes through a pointer (an embedded *T, or x itself a pointer
    // for i == 0: automatic dereference).
    int npath;
    int *path;
    bool *indirect;
    // For methods: the declared method and whether the generator must take
    // the receiver's address (pointer method on an addressable value) or
    // dereference it (value method on a pointer).
    Method *method;
    bool addr_recv;
    bool deref_recv;
} Selection;

// Package is a checked package.
typedef struct Package {
    const char *path;       // import path: "main", "fmt", "math/rand"
    const char *name;       // package name
    Scope *scope;           // package-level objects
    Node **files;
    int nfiles;
    // Package-level variable initialisation in the order the spec
    // prescribes (dependency order, then declaration order): each entry is a
    // VARSPEC (or one of its names, for multi-value `var a, b = f()` the
    // whole spec once). Precisely: a VARSPEC with values stands for all its
    // names (`var a = x`, `var a, b = f()`, and `var a, b = x, y` when a and
    // b come one after the other); otherwise an entry is a NAME of such a
    // spec, initialized alone from its own value (`var a, b = x, y` with a
    // depending on something declared later). Specs without values have no
    // entry.
    Node **inits;
    int ninits;
    Obj **init_funcs;       // func init() in source order
    int ninit_funcs;
    Obj **funcs;            // every function and method declared, in order
    int nfuncs;
    Package **imports;      // the packages this one imports
    int nimports;
    bool checked;
    bool generated;         // its code exists (set by compiler/gen.c)
    const char **paths;     // paths[i]: the source file of files[i] (set by
                            // the compiler driver, for tracebacks)
} Package;

// ImportFunc loads and checks an imported package by path (the embedded
// standard library), or returns NULL after reporting `package X is not in
// std`. The compiler driver provides it.
typedef Package *(*ImportFunc)(const char *path, Diag *diag);

// check_package checks the files of one package. Errors go to diag; the
// package is returned in any case (with partial annotations after errors).
// Errors in files[i] are reported under the path in its FILE node's
// text/len (the driver stores the Source's path there).
Package *check_package(const char *path, Node **files, int nfiles, Diag *diag,
                       ImportFunc import);

// check_main_errors adds the checks a program's main package needs:
// `function main is undeclared in the main package`, or main/init with
// parameters or results.
void check_main_errors(Package *pkg, Diag *diag);

// ---- REPL sessions (compiler/check_session.c) ----
// A CheckSession checks a REPL's inputs one by one into one package main.
// Each input is a file (reported under path); a later declaration replaces
// an earlier one of the same name, unused variables and imports are not
// errors, and imports persist from input to input. input, if not NULL, is a
// FUNCDECL named _ in file holding the input's statements: the variables
// its body declares at top level become package-level variables (with
// Obj.global 0, for the generator to give a cell). check_session_add
// returns false after errors, with the session as it was before the input.
typedef struct CheckSession CheckSession;
CheckSession *check_session_new(ImportFunc import);
bool check_session_add(CheckSession *s, Node *file, const char *path, Node *input, Diag *diag);
// check_session_try checks an input as check_session_add does, leaving
// its annotations in the tree, then undoes it whatever the outcome.
bool check_session_try(CheckSession *s, Node *file, const char *path, Node *input, Diag *diag);
Package *check_session_package(CheckSession *s);
// The session's innermost scope (imports; then the package scope).
Scope *check_session_scope(CheckSession *s);
Obj *check_session_lookup(CheckSession *s, const char *name);
// check_session_replaced lists the functions and methods the last input
// redefined with an identical signature: (*old)[i] by (*new)[i].
int check_session_replaced(CheckSession *s, Obj ***old, Obj ***new);

#endif
