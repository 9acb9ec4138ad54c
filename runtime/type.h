// runtime/type.h: Go types, one structure for the type checker and the
// runtime alike. The checker builds Type objects; the code generator, the VM,
// fmt, maps, interfaces and type switches read the very same objects as the
// runtime type descriptors (kind, size, %T name, fields, elem, methods).
//
// Model
// - Layout is Go's on amd64: every type has Go's size and alignment (int 8,
//   int32 4, bool 1, string 16, slice 24, interface 16, pointer, map, chan
//   and func 8), struct fields at Go's offsets. Memory (heap objects, array
//   and slice elements, struct fields) holds values in that layout.
// - Registers are 8-byte words in a goroutine's frame. A value of type T
//   takes type_words(T) consecutive words holding its memory image; a scalar
//   narrower than 8 bytes sits in a word sign- or zero-extended.
// - Unnamed types are hash-consed (type_slice, type_map, ... return the one
//   object for the same structure), so type identity is pointer equality:
//   a type switch or assertion compares pointers. A named type (`type T
//   ...`, and the predeclared int, string, error, ...) is its own object
//   whose `under` is its underlying type.
// - Interface values are two words: the dynamic Type* (NULL for a nil
//   interface) and a data word. The data word holds the value itself when
//   the type is TF_DIRECT (size <= 8: ints, floats, bools, pointers, maps,
//   chans, funcs, small structs), else a pointer to an immutable heap copy.
//   Rejected: Go's itab words (an interface-to-interface conversion would
//   need a table look-up); method calls through interfaces use per-call-site
//   caches instead.
//
// Constructors are safe to call from several threads (the REPL compiles
// while goroutines run): the hash-consing table has its own lock.
#ifndef GOLI_TYPE_H
#define GOLI_TYPE_H

#include <stdbool.h>
#include <stdint.h>

typedef enum Kind {
    K_INVALID,
    // ---- basic types ----
    K_BOOL,
    K_INT, K_INT8, K_INT16, K_INT32, K_INT64,
    K_UINT, K_UINT8, K_UINT16, K_UINT32, K_UINT64, K_UINTPTR,
    K_FLOAT32, K_FLOAT64,
    K_COMPLEX64, K_COMPLEX128,
    K_STRING,
    K_UNSAFE_POINTER,
    // ---- composite types ----
    K_ARRAY, K_SLICE, K_STRUCT, K_POINTER, K_FUNC, K_INTERFACE, K_MAP, K_CHAN,
    // ---- checker-only: never the type of a runtime value ----
    K_UNTYPED_BOOL, K_UNTYPED_INT, K_UNTYPED_RUNE, K_UNTYPED_FLOAT,
    K_UNTYPED_COMPLEX, K_UNTYPED_STRING, K_UNTYPED_NIL,
    K_TUPLE,        // the results of a multi-value call
    K_TYPEPARAM,    // reserved for generics
    K_COUNT
} Kind;

// Type flags.
enum {
    TF_NAMED      = 1 << 0,  // declared with a name (has name, pkg, methods)
    TF_COMPARABLE = 1 << 1,  // == is defined (spec "Comparison operators")
    TF_HAS_PTR    = 1 << 2,  // values contain pointers: allocate scanned
    TF_DIRECT     = 1 << 3,  // fits an interface's data word (size <= 8)
    TF_COMPLETE   = 1 << 4,  // layout computed (named types resolve late)
};

// Channel directions (Type.dir).
enum { CHAN_BOTH = 0, CHAN_SEND = 1, CHAN_RECV = 2 };

typedef struct Type Type;
typedef struct Func Func;   // a compiled function (vm/); opaque here

typedef struct Field {
    const char *name;       // "" never: an embedded field is named by its type
    Type *type;
    uint32_t offset;        // byte offset in the struct
    bool embedded;
    bool exported;
    const char *tag;        // raw tag text, or NULL
} Field;

// Method is one entry of a named type's declared methods or of an
// interface's method set; both lists are sorted by name (Go's order for
// reflection and %v of method sets).
typedef struct Method {
    const char *name;
    const char *pkg;        // package of an unexported name, else NULL
    Type *sig;              // the signature without the receiver
    Func *fn;               // implementation (named types; NULL in interfaces)
    void *obj;              // the method's Obj (compiler/scope.h), for the generator
    bool ptr_recv;          // declared on *T
} Method;

struct Type {
    uint8_t kind;           // Kind of the underlying type (named types too)
    uint8_t align;
    uint16_t flags;         // TF_*
    uint32_t size;          // bytes
    uint32_t hash;          // structural hash (hash-consing, type switches)
    const char *str;        // as %T prints it: "int", "main.Point", "[]string"
    const char *name;       // named types: "Point"; else NULL
    const char *pkg;        // named types: package path ("main", "time")
    Type *under;            // the underlying type; itself for unnamed types
    Type *elem;             // array, slice, pointer, chan; map value
    Type *key;              // map key
    int64_t len;            // array length; tuple and func param counts below
    uint8_t dir;            // chan direction
    bool variadic;          // func: last parameter is ...T
    int nfields;            // struct fields; tuple members; func params
    Field *fields;          // struct: fields; func/tuple: (name, type) per param
    int nresults;           // func results
    Type **results;
    int nmethods;
    Method *methods;        // named: declared methods; interface: method set
    Type *ptr_to;           // cached *T
    void *rt;               // runtime caches (method call sites, map helpers)
};

// The predeclared types (type_init creates them).
extern Type *type_bool, *type_int, *type_int8, *type_int16, *type_int32,
    *type_int64, *type_uint, *type_uint8, *type_uint16, *type_uint32,
    *type_uint64, *type_uintptr, *type_float32, *type_float64,
    *type_complex64, *type_complex128, *type_string, *type_unsafe_pointer,
    *type_error, *type_any, *type_comparable;
extern Type *type_untyped_bool, *type_untyped_int, *type_untyped_rune,
    *type_untyped_float, *type_untyped_complex, *type_untyped_string,
    *type_untyped_nil, *type_invalid;

// type_init creates the predeclared types; call once at start-up.
void type_init(void);

// Constructors of unnamed types; each returns the one object for its
// structure.
Type *type_pointer(Type *elem);
Type *type_slice(Type *elem);
Type *type_array(Type *elem, int64_t len);
Type *type_map(Type *key, Type *elem);
Type *type_chan(int dir, Type *elem);
// type_func: params[i].name may be NULL; results likewise.
Type *type_func(int nparams, const Field *params, int nresults, Type *const *results,
                bool variadic);
Type *type_tuple(int n, Type *const *types);
Type *type_struct(int n, const Field *fields);
// type_interface takes the full method set (embedded interfaces already
// flattened), in any order; it sorts a copy by name.
Type *type_interface(int n, const Method *methods);

// type_named makes a new named type. under may be NULL and set later with
// type_set_under (declarations may refer to types declared after them).
Type *type_named(const char *pkg, const char *name, Type *under);
void type_set_under(Type *named, Type *under);
// type_add_method adds a declared method to a named type, keeping the list
// sorted; returns false if the name is taken.
bool type_add_method(Type *named, const Method *m);
Method *type_find_method(const Type *t, const char *name);

// Layout and properties.
static inline uint32_t type_words(const Type *t) { return (t->size + 7) / 8; }
static inline bool type_is_named(const Type *t) { return t->flags & TF_NAMED; }
static inline bool type_is_untyped(const Type *t) {
    return t->kind >= K_UNTYPED_BOOL && t->kind <= K_UNTYPED_NIL;
}
bool type_is_integer(const Type *t);    // typed or untyped integer (rune too)
bool type_is_unsigned(const Type *t);
bool type_is_float(const Type *t);
bool type_is_complex(const Type *t);
bool type_is_numeric(const Type *t);
bool type_is_string(const Type *t);
bool type_is_boolean(const Type *t);
bool type_is_comparable(const Type *t);
// type_default is the default type of an untyped constant's type (int for
// untyped int, rune = int32 for untyped rune, ...); t itself otherwise.
Type *type_default(Type *t);
// type_identical is identity per the spec (pointer equality, given
// hash-consing, except for cases hash-consing cannot see: it is exact).
bool type_identical(const Type *a, const Type *b);

#endif
