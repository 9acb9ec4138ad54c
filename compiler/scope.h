// compiler/scope.h: objects and scopes (spec "Declarations and scope").
// An Obj is what a name denotes: a constant, type, variable, function,
// package, builtin, label or nil. Scopes nest: universe, package, file (for
// imports), then function and block scopes; look-up walks outward.
#ifndef GOLI_SCOPE_H
#define GOLI_SCOPE_H

#include <stdbool.h>
#include <stdint.h>

#include "compiler/const.h"
#include "runtime/type.h"

typedef struct Node Node;   // parser/ast.h
typedef struct Package Package;

typedef enum ObjKind {
    OBJ_BAD,
    OBJ_CONST,
    OBJ_TYPE,
    OBJ_VAR,
    OBJ_FUNC,
    OBJ_PKG,        // an imported package name
    OBJ_BUILTIN,    // len, append, make, ... (Obj.builtin says which)
    OBJ_NIL,
    OBJ_LABEL,
} ObjKind;

// The predeclared functions.
typedef enum Builtin {
    BI_APPEND, BI_CAP, BI_CLEAR, BI_CLOSE, BI_COMPLEX, BI_COPY, BI_DELETE,
    BI_IMAG, BI_LEN, BI_MAKE, BI_MAX, BI_MIN, BI_NEW, BI_PANIC, BI_PRINT,
    BI_PRINTLN, BI_REAL, BI_RECOVER,
    BI_COUNT
} Builtin;

// Declaration state, for resolving package-level declarations in any order
// and reporting cycles ("initialization cycle", "invalid recursive type").
enum { RESOLVE_NONE, RESOLVE_BUSY, RESOLVE_DONE };

typedef struct Obj Obj;
struct Obj {
    ObjKind kind;
    const char *name;
    Type *type;             // the object's type (for OBJ_TYPE: the type itself)
    Node *decl;             // declaring node (spec for package-level objects)
    int line, col;          // where declared
    Package *pkg;           // the package it belongs to (NULL: universe)
    int resolve;            // RESOLVE_*
    bool used;              // for "declared and not used" / imports
    bool exported;
    // kind-specific
    Const *val;             // OBJ_CONST
    Builtin builtin;        // OBJ_BUILTIN
    Package *imported;      // OBJ_PKG: the package the name refers to
    int iota;               // OBJ_CONST in a group: its iota value
    // code generation (compiler/gen*.c)
    bool captured;          // a closure refers to it: lives in a heap cell
    bool addressed;         // its address is taken: lives in a heap cell
    int reg;                // OBJ_VAR: first register word; -1 if global
    int64_t global;         // OBJ_VAR at package level: its slot in globals
    void *gen;              // OBJ_FUNC: the Func being generated
    // type checker (compiler/check_impl.h): its DeclInfo for package-level
    // objects, the owning function for local variables
    void *check;
};

typedef struct Scope Scope;
struct Scope {
    Scope *outer;
    Obj **objs;             // open-addressed by name
    int n, cap;
    bool func_scope;        // the outermost scope of a function body
    int line, col;          // where the scope starts (shadowing rules)
};

Scope *scope_new(Scope *outer);
// scope_insert adds obj; if the name is taken in this scope it returns the
// existing object and does not insert.
Obj *scope_insert(Scope *s, Obj *obj);
Obj *scope_lookup_here(const Scope *s, const char *name);
// For REPL sessions, where a later declaration replaces an earlier one:
// scope_replace puts obj in place of the object of the same name (returned,
// or NULL if there was none); scope_remove drops the object named name.
Obj *scope_replace(Scope *s, Obj *obj);
void scope_remove(Scope *s, const char *name);
// scope_lookup walks outward; *where receives the scope found in.
Obj *scope_lookup(const Scope *s, const char *name, const Scope **where);

Obj *obj_new(ObjKind kind, const char *name, Type *type);

// The universe block: predeclared types, constants (true, false, iota),
// nil and the builtin functions. universe_init creates it once.
extern Scope *universe;
void universe_init(void);
extern Obj *universe_iota;     // iota (valid only in constant declarations)

const char *builtin_name(Builtin b);

#endif
