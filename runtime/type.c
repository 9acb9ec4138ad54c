// runtime/type.c: type constructors, hash-consing, layout and %T names.
// The model is in runtime/type.h.
#include "runtime/type.h"
#include "common/mem.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

Type *type_bool, *type_int, *type_int8, *type_int16, *type_int32, *type_int64,
    *type_uint, *type_uint8, *type_uint16, *type_uint32, *type_uint64,
    *type_uintptr, *type_float32, *type_float64, *type_complex64,
    *type_complex128, *type_string, *type_unsafe_pointer, *type_error,
    *type_any, *type_comparable;
Type *type_untyped_bool, *type_untyped_int, *type_untyped_rune,
    *type_untyped_float, *type_untyped_complex, *type_untyped_string,
    *type_untyped_nil, *type_invalid;

// ---- Names ----

// Buf is a small growable string for building %T names.
typedef struct Buf {
    char *p;
    size_t len, cap;
} Buf;

static void put(Buf *b, const char *s) {
    size_t n = strlen(s);
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->len + n + 1) * 2;
        char *p = mem_alloc_atomic(cap);
        if (b->len) memcpy(p, b->p, b->len);
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n + 1);
    b->len += n;
}

static const char *name_of(const Type *t) { return t && t->str ? t->str : "?"; }

static void put_params(Buf *b, int n, const Field *f, bool variadic) {
    put(b, "(");
    for (int i = 0; i < n; i++) {
        if (i) put(b, ", ");
        if (variadic && i == n - 1) {
            put(b, "...");
            put(b, name_of(f[i].type->elem));
        } else {
            put(b, name_of(f[i].type));
        }
    }
    put(b, ")");
}

// func_sig_text spells a signature after "func" (Go's reflect form:
// "(int, string) (bool, error)", "(int) bool").
static void put_sig(Buf *b, const Type *t) {
    put_params(b, t->nfields, t->fields, t->variadic);
    if (t->nresults == 1) {
        put(b, " ");
        put(b, name_of(t->results[0]));
    } else if (t->nresults > 1) {
        put(b, " (");
        for (int i = 0; i < t->nresults; i++) {
            if (i) put(b, ", ");
            put(b, name_of(t->results[i]));
        }
        put(b, ")");
    }
}

static const char *spell(const Type *t) {
    Buf b = { 0 };
    char num[32];
    switch (t->kind) {
    case K_POINTER: put(&b, "*"); put(&b, name_of(t->elem)); break;
    case K_SLICE:   put(&b, "[]"); put(&b, name_of(t->elem)); break;
    case K_ARRAY:
        snprintf(num, sizeof num, "[%lld]", (long long)t->len);
        put(&b, num);
        put(&b, name_of(t->elem));
        break;
    case K_MAP:
        put(&b, "map[");
        put(&b, name_of(t->key));
        put(&b, "]");
        put(&b, name_of(t->elem));
        break;
    case K_CHAN:
        put(&b, t->dir == CHAN_RECV ? "<-chan " : t->dir == CHAN_SEND ? "chan<- " : "chan ");
        // chan (<-chan int) needs parentheses to keep its meaning.
        if (t->dir == CHAN_BOTH && t->elem->kind == K_CHAN && t->elem->dir == CHAN_RECV &&
            !type_is_named(t->elem)) {
            put(&b, "(");
            put(&b, name_of(t->elem));
            put(&b, ")");
        } else {
            put(&b, name_of(t->elem));
        }
        break;
    case K_FUNC: put(&b, "func"); put_sig(&b, t); break;
    case K_STRUCT:
        put(&b, "struct {");
        for (int i = 0; i < t->nfields; i++) {
            put(&b, i ? "; " : " ");
            if (!t->fields[i].embedded) {
                put(&b, t->fields[i].name);
                put(&b, " ");
            }
            put(&b, name_of(t->fields[i].type));
            if (t->fields[i].tag) {
                put(&b, " \"");
                put(&b, t->fields[i].tag);   // Go quotes the tag with strconv.Quote
                put(&b, "\"");
            }
        }
        put(&b, t->nfields ? " }" : "}");
        break;
    case K_INTERFACE:
        put(&b, "interface {");
        for (int i = 0; i < t->nmethods; i++) {
            put(&b, i ? "; " : " ");
            put(&b, t->methods[i].name);
            put_sig(&b, t->methods[i].sig);
        }
        put(&b, t->nmethods ? " }" : "}");
        break;
    case K_TUPLE:
        put(&b, "(");
        for (int i = 0; i < t->nfields; i++) {
            if (i) put(&b, ", ");
            put(&b, name_of(t->fields[i].type));
        }
        put(&b, ")");
        break;
    default:
        put(&b, "?");
    }
    return b.p;
}

// ---- Layout ----

static void set_scalar(Type *t, uint32_t size, uint32_t align) {
    t->size = size;
    t->align = (uint8_t)align;
}

static uint32_t round_up(uint32_t n, uint32_t a) { return (n + a - 1) / a * a; }

// layout computes size, alignment and the flags that follow from the
// structure. It is called when the type's parts are complete.
static void layout(Type *t) {
    uint16_t keep = t->flags & TF_NAMED;
    t->flags = keep | TF_COMPLETE;
    bool comparable = true, has_ptr = false;
    switch (t->kind) {
    case K_BOOL: case K_INT8: case K_UINT8: set_scalar(t, 1, 1); break;
    case K_INT16: case K_UINT16: set_scalar(t, 2, 2); break;
    case K_INT32: case K_UINT32: case K_FLOAT32: set_scalar(t, 4, 4); break;
    case K_INT: case K_INT64: case K_UINT: case K_UINT64: case K_UINTPTR:
    case K_FLOAT64: case K_COMPLEX64:
        set_scalar(t, 8, t->kind == K_COMPLEX64 ? 4 : 8);
        break;
    case K_COMPLEX128: set_scalar(t, 16, 8); break;
    case K_STRING: set_scalar(t, 16, 8); has_ptr = true; break;
    case K_UNSAFE_POINTER: case K_POINTER: case K_CHAN:
        set_scalar(t, 8, 8); has_ptr = true; break;
    case K_MAP: case K_FUNC:
        set_scalar(t, 8, 8); has_ptr = true; comparable = false; break;
    case K_SLICE: set_scalar(t, 24, 8); has_ptr = true; comparable = false; break;
    case K_INTERFACE: set_scalar(t, 16, 8); has_ptr = true; break;
    case K_ARRAY: {
        Type *e = t->elem;
        uint64_t size = (uint64_t)e->size * (uint64_t)(t->len > 0 ? t->len : 0);
        t->size = size > UINT32_MAX ? UINT32_MAX : (uint32_t)size;
        t->align = e->align ? e->align : 1;
        comparable = (e->flags & TF_COMPARABLE) != 0;
        has_ptr = t->len > 0 && (e->flags & TF_HAS_PTR);
        break;
    }
    case K_STRUCT: {
        uint32_t off = 0, align = 1;
        for (int i = 0; i < t->nfields; i++) {
            Type *f = t->fields[i].type;
            uint32_t a = f->align ? f->align : 1;
            off = round_up(off, a);
            t->fields[i].offset = off;
            off += f->size;
            if (a > align) align = a;
            if (!(f->flags & TF_COMPARABLE)) comparable = false;
            if (f->flags & TF_HAS_PTR) has_ptr = true;
        }
        // Go pads a struct whose last field has size zero, so that a
        // pointer to it cannot point past the object.
        if (t->nfields && t->fields[t->nfields - 1].type->size == 0 && off > 0) off++;
        t->size = round_up(off, align);
        t->align = (uint8_t)align;
        break;
    }
    case K_TUPLE: {
        // A tuple is never in memory; its "size" is the register words its
        // values take side by side, so type_words gives the result block.
        uint32_t words = 0;
        for (int i = 0; i < t->nfields; i++) words += type_words(t->fields[i].type);
        set_scalar(t, words * 8, 8);
        comparable = false;
        break;
    }
    default:
        set_scalar(t, 0, 1);
        break;
    }
    if (comparable) t->flags |= TF_COMPARABLE;
    if (has_ptr) t->flags |= TF_HAS_PTR;
    if (t->size <= 8 && t->kind != K_TUPLE) t->flags |= TF_DIRECT;
}

// ---- Hash-consing ----

// The table maps structure to the one Type object; guarded by table_lock.
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static Type **table;         // GC memory, open addressing
static size_t table_cap, table_len;

static uint32_t mix(uint32_t h, uintptr_t v) {
    uint64_t x = (h ^ (uint64_t)v) * 0x9E3779B97F4A7C15ULL;
    return (uint32_t)(x ^ (x >> 29));
}

static uint32_t hash_str(uint32_t h, const char *s) {
    for (; s && *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return mix(h, 1);
}

static uint32_t structural_hash(const Type *t) {
    uint32_t h = mix(2166136261u, t->kind);
    h = mix(h, (uintptr_t)t->elem);
    h = mix(h, (uintptr_t)t->key);
    h = mix(h, (uintptr_t)t->len);
    h = mix(h, t->dir | (t->variadic << 4));
    for (int i = 0; i < t->nfields; i++) {
        h = mix(h, (uintptr_t)t->fields[i].type);
        if (t->kind == K_STRUCT) {
            h = hash_str(h, t->fields[i].name);
            h = hash_str(h, t->fields[i].tag);
            h = mix(h, t->fields[i].embedded);
        }
    }
    for (int i = 0; i < t->nresults; i++) h = mix(h, (uintptr_t)t->results[i]);
    for (int i = 0; i < t->nmethods; i++) {
        h = hash_str(h, t->methods[i].name);
        h = mix(h, (uintptr_t)t->methods[i].sig);
    }
    return h;
}

static bool str_eq(const char *a, const char *b) {
    return a == b || (a && b && strcmp(a, b) == 0);
}

static bool same_structure(const Type *a, const Type *b) {
    if (a->kind != b->kind || a->elem != b->elem || a->key != b->key || a->len != b->len ||
        a->dir != b->dir || a->variadic != b->variadic || a->nfields != b->nfields ||
        a->nresults != b->nresults || a->nmethods != b->nmethods)
        return false;
    for (int i = 0; i < a->nfields; i++) {
        const Field *x = &a->fields[i], *y = &b->fields[i];
        if (x->type != y->type) return false;
        if (a->kind == K_STRUCT &&
            (!str_eq(x->name, y->name) || !str_eq(x->tag, y->tag) || x->embedded != y->embedded))
            return false;
    }
    for (int i = 0; i < a->nresults; i++)
        if (a->results[i] != b->results[i]) return false;
    for (int i = 0; i < a->nmethods; i++)
        if (!str_eq(a->methods[i].name, b->methods[i].name) ||
            !str_eq(a->methods[i].pkg, b->methods[i].pkg) || a->methods[i].sig != b->methods[i].sig)
            return false;
    return true;
}

static void table_insert(Type *t) {
    size_t mask = table_cap - 1, i = t->hash & mask;
    while (table[i]) i = (i + 1) & mask;
    table[i] = t;
    table_len++;
}

static void table_grow(void) {
    Type **old = table;
    size_t old_cap = table_cap;
    table_cap = table_cap ? table_cap * 2 : 1024;
    table = mem_alloc(table_cap * sizeof *table);
    table_len = 0;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i]) table_insert(old[i]);
}

// intern returns the table's object with proto's structure, or makes one
// from proto (copied).
static Type *intern(const Type *proto) {
    uint32_t h = structural_hash(proto);
    pthread_mutex_lock(&table_lock);
    if (table_len * 2 >= table_cap) table_grow();
    size_t mask = table_cap - 1;
    for (size_t i = h & mask; table[i]; i = (i + 1) & mask) {
        if (table[i]->hash == h && same_structure(table[i], proto)) {
            Type *t = table[i];
            pthread_mutex_unlock(&table_lock);
            return t;
        }
    }
    Type *t = mem_new(Type);
    *t = *proto;
    t->hash = h;
    t->under = t;
    layout(t);
    t->str = spell(t);
    table_insert(t);
    pthread_mutex_unlock(&table_lock);
    return t;
}

// ---- Constructors ----

Type *type_pointer(Type *elem) {
    if (elem->ptr_to) return elem->ptr_to;
    Type p = { .kind = K_POINTER, .elem = elem };
    Type *t = intern(&p);
    elem->ptr_to = t;   // a benign race: every writer stores the same object
    return t;
}

Type *type_slice(Type *elem) {
    Type p = { .kind = K_SLICE, .elem = elem };
    return intern(&p);
}

Type *type_array(Type *elem, int64_t len) {
    Type p = { .kind = K_ARRAY, .elem = elem, .len = len };
    return intern(&p);
}

Type *type_map(Type *key, Type *elem) {
    Type p = { .kind = K_MAP, .key = key, .elem = elem };
    return intern(&p);
}

Type *type_chan(int dir, Type *elem) {
    Type p = { .kind = K_CHAN, .dir = (uint8_t)dir, .elem = elem };
    return intern(&p);
}

static Field *copy_fields(int n, const Field *f) {
    if (!n) return NULL;
    Field *c = mem_alloc(n * sizeof *c);
    memcpy(c, f, n * sizeof *c);
    return c;
}

Type *type_func(int nparams, const Field *params, int nresults, Type *const *results,
                bool variadic) {
    // Parameter names do not take part in identity: intern without them.
    Field *ps = copy_fields(nparams, params);
    for (int i = 0; i < nparams; i++) ps[i].name = NULL;
    Type **rs = NULL;
    if (nresults) {
        rs = mem_alloc(nresults * sizeof *rs);
        memcpy(rs, results, nresults * sizeof *rs);
    }
    Type p = { .kind = K_FUNC, .nfields = nparams, .fields = ps, .nresults = nresults,
               .results = rs, .variadic = variadic };
    return intern(&p);
}

Type *type_tuple(int n, Type *const *types) {
    Field *fs = mem_alloc((n ? n : 1) * sizeof *fs);
    for (int i = 0; i < n; i++) fs[i].type = types[i];
    Type p = { .kind = K_TUPLE, .nfields = n, .fields = fs };
    return intern(&p);
}

Type *type_struct(int n, const Field *fields) {
    Type p = { .kind = K_STRUCT, .nfields = n, .fields = copy_fields(n, fields) };
    return intern(&p);
}

static int cmp_method(const void *a, const void *b) {
    return strcmp(((const Method *)a)->name, ((const Method *)b)->name);
}

Type *type_interface(int n, const Method *methods) {
    Method *ms = NULL;
    if (n) {
        ms = mem_alloc(n * sizeof *ms);
        memcpy(ms, methods, n * sizeof *ms);
        qsort(ms, n, sizeof *ms, cmp_method);
        for (int i = 0; i < n; i++) ms[i].fn = NULL;
    }
    Type p = { .kind = K_INTERFACE, .nmethods = n, .methods = ms };
    return intern(&p);
}

Type *type_named(const char *pkg, const char *name, Type *under) {
    Type *t = mem_new(Type);
    t->flags = TF_NAMED;
    t->name = name;
    t->pkg = pkg;
    t->str = pkg && *pkg ? mem_sprintf("%s.%s", pkg, name) : name;
    t->hash = hash_str(hash_str(0x5bd1e995u, pkg), name) ^ (uint32_t)(uintptr_t)t;
    if (under) type_set_under(t, under);
    return t;
}

void type_set_under(Type *named, Type *under) {
    Type *u = under->under ? under->under : under;
    named->under = u;
    named->kind = u->kind;
    named->elem = u->elem;
    named->key = u->key;
    named->len = u->len;
    named->dir = u->dir;
    named->variadic = u->variadic;
    named->nfields = u->nfields;
    named->fields = u->fields;
    named->nresults = u->nresults;
    named->results = u->results;
    named->size = u->size;
    named->align = u->align;
    named->flags = (uint16_t)(TF_NAMED | (u->flags & ~TF_NAMED));
    if (u->kind == K_INTERFACE) {   // an interface's methods are its set
        named->nmethods = u->nmethods;
        named->methods = u->methods;
    }
}

bool type_add_method(Type *named, const Method *m) {
    if (type_find_method(named, m->name)) return false;
    Method *ms = mem_alloc((named->nmethods + 1) * sizeof *ms);
    int i = 0, j = 0;
    for (; i < named->nmethods && strcmp(named->methods[i].name, m->name) < 0; i++)
        ms[j++] = named->methods[i];
    ms[j++] = *m;
    for (; i < named->nmethods; i++) ms[j++] = named->methods[i];
    named->methods = ms;
    named->nmethods++;
    return true;
}

Method *type_find_method(const Type *t, const char *name) {
    int lo = 0, hi = t->nmethods - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2, c = strcmp(t->methods[mid].name, name);
        if (c == 0) return &t->methods[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid - 1;
    }
    return NULL;
}

// ---- Predeclared types ----

static Type *basic(Kind k, const char *name) {
    Type *t = mem_new(Type);
    t->kind = (uint8_t)k;
    t->under = t;
    t->str = name;
    layout(t);
    return t;
}

// predeclared makes a named predeclared type (int, string, ...): named, so
// that `type MyInt int` has a distinct identity, but with no package.
static Type *predeclared(Kind k, const char *name) {
    Type *t = basic(k, name);
    t->name = name;
    t->flags |= TF_NAMED;
    t->hash = hash_str(0x811c9dc5u, name);
    return t;
}

void type_init(void) {
    if (type_int) return;
    type_invalid = basic(K_INVALID, "invalid type");
    type_bool = predeclared(K_BOOL, "bool");
    type_int = predeclared(K_INT, "int");
    type_int8 = predeclared(K_INT8, "int8");
    type_int16 = predeclared(K_INT16, "int16");
    type_int32 = predeclared(K_INT32, "int32");
    type_int64 = predeclared(K_INT64, "int64");
    type_uint = predeclared(K_UINT, "uint");
    type_uint8 = predeclared(K_UINT8, "uint8");
    type_uint16 = predeclared(K_UINT16, "uint16");
    type_uint32 = predeclared(K_UINT32, "uint32");
    type_uint64 = predeclared(K_UINT64, "uint64");
    type_uintptr = predeclared(K_UINTPTR, "uintptr");
    type_float32 = predeclared(K_FLOAT32, "float32");
    type_float64 = predeclared(K_FLOAT64, "float64");
    type_complex64 = predeclared(K_COMPLEX64, "complex64");
    type_complex128 = predeclared(K_COMPLEX128, "complex128");
    type_string = predeclared(K_STRING, "string");
    type_unsafe_pointer = predeclared(K_UNSAFE_POINTER, "unsafe.Pointer");
    type_untyped_bool = basic(K_UNTYPED_BOOL, "untyped bool");
    type_untyped_int = basic(K_UNTYPED_INT, "untyped int");
    type_untyped_rune = basic(K_UNTYPED_RUNE, "untyped rune");
    type_untyped_float = basic(K_UNTYPED_FLOAT, "untyped float");
    type_untyped_complex = basic(K_UNTYPED_COMPLEX, "untyped complex");
    type_untyped_string = basic(K_UNTYPED_STRING, "untyped string");
    type_untyped_nil = basic(K_UNTYPED_NIL, "untyped nil");

    type_any = type_interface(0, NULL);
    // error is the named interface { Error() string }.
    Type *str = type_string;
    Method m = { .name = "Error", .sig = type_func(0, NULL, 1, &str, false) };
    type_error = type_named(NULL, "error", type_interface(1, &m));
    type_comparable = type_named(NULL, "comparable", type_interface(0, NULL));
}

// ---- Properties ----

bool type_is_integer(const Type *t) {
    return (t->kind >= K_INT && t->kind <= K_UINTPTR) || t->kind == K_UNTYPED_INT ||
           t->kind == K_UNTYPED_RUNE;
}

bool type_is_unsigned(const Type *t) { return t->kind >= K_UINT && t->kind <= K_UINTPTR; }

bool type_is_float(const Type *t) {
    return t->kind == K_FLOAT32 || t->kind == K_FLOAT64 || t->kind == K_UNTYPED_FLOAT;
}

bool type_is_complex(const Type *t) {
    return t->kind == K_COMPLEX64 || t->kind == K_COMPLEX128 || t->kind == K_UNTYPED_COMPLEX;
}

bool type_is_numeric(const Type *t) {
    return type_is_integer(t) || type_is_float(t) || type_is_complex(t);
}

bool type_is_string(const Type *t) {
    return t->kind == K_STRING || t->kind == K_UNTYPED_STRING;
}

bool type_is_boolean(const Type *t) {
    return t->kind == K_BOOL || t->kind == K_UNTYPED_BOOL;
}

bool type_is_comparable(const Type *t) { return (t->flags & TF_COMPARABLE) != 0; }

Type *type_default(Type *t) {
    switch (t->kind) {
    case K_UNTYPED_BOOL: return type_bool;
    case K_UNTYPED_INT: return type_int;
    case K_UNTYPED_RUNE: return type_int32;
    case K_UNTYPED_FLOAT: return type_float64;
    case K_UNTYPED_COMPLEX: return type_complex128;
    case K_UNTYPED_STRING: return type_string;
    default: return t;
    }
}

bool type_identical(const Type *a, const Type *b) { return a == b; }
