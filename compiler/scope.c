// compiler/scope.c: scopes, objects and the universe block (scope.h).
#include "compiler/scope.h"
#include "common/mem.h"

#include <string.h>

Scope *universe;
Obj *universe_iota;

Obj *obj_new(ObjKind kind, const char *name, Type *type) {
    Obj *o = mem_new(Obj);
    o->kind = kind;
    o->name = name;
    o->type = type;
    o->reg = -1;
    o->global = -1;
    o->exported = name && name[0] >= 'A' && name[0] <= 'Z';
    return o;
}

Scope *scope_new(Scope *outer) {
    Scope *s = mem_new(Scope);
    s->outer = outer;
    return s;
}

static uint32_t hash_name(const char *s) {
    uint32_t h = 2166136261u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static Obj **slot(Obj **objs, int cap, const char *name) {
    uint32_t i = hash_name(name) & (uint32_t)(cap - 1);
    while (objs[i] && strcmp(objs[i]->name, name) != 0) i = (i + 1) & (uint32_t)(cap - 1);
    return &objs[i];
}

Obj *scope_lookup_here(const Scope *s, const char *name) {
    if (!s->cap) return NULL;
    return *slot(s->objs, s->cap, name);
}

Obj *scope_insert(Scope *s, Obj *obj) {
    Obj *old = scope_lookup_here(s, obj->name);
    if (old) return old;
    if ((s->n + 1) * 2 > s->cap) {
        int cap = s->cap ? s->cap * 2 : 8;
        Obj **objs = mem_alloc(cap * sizeof *objs);
        for (int i = 0; i < s->cap; i++)
            if (s->objs[i]) *slot(objs, cap, s->objs[i]->name) = s->objs[i];
        s->objs = objs;
        s->cap = cap;
    }
    *slot(s->objs, s->cap, obj->name) = obj;
    s->n++;
    return NULL;
}

Obj *scope_replace(Scope *s, Obj *obj) {
    Obj *old = scope_lookup_here(s, obj->name);
    if (!old) return scope_insert(s, obj);
    *slot(s->objs, s->cap, obj->name) = obj;
    return old;
}

void scope_remove(Scope *s, const char *name) {
    if (!scope_lookup_here(s, name)) return;
    Obj **objs = mem_alloc(s->cap * sizeof *objs);
    for (int i = 0; i < s->cap; i++)
        if (s->objs[i] && strcmp(s->objs[i]->name, name) != 0) *slot(objs, s->cap, s->objs[i]->name) = s->objs[i];
    s->objs = objs;
    s->n--;
}

Obj *scope_lookup(const Scope *s, const char *name, const Scope **where) {
    for (; s; s = s->outer) {
        Obj *o = scope_lookup_here(s, name);
        if (o) {
            if (where) *where = s;
            return o;
        }
    }
    return NULL;
}

static const char *const builtin_names[BI_COUNT] = {
    [BI_APPEND] = "append", [BI_CAP] = "cap", [BI_CLEAR] = "clear", [BI_CLOSE] = "close",
    [BI_COMPLEX] = "complex", [BI_COPY] = "copy", [BI_DELETE] = "delete", [BI_IMAG] = "imag",
    [BI_LEN] = "len", [BI_MAKE] = "make", [BI_MAX] = "max", [BI_MIN] = "min", [BI_NEW] = "new",
    [BI_PANIC] = "panic", [BI_PRINT] = "print", [BI_PRINTLN] = "println", [BI_REAL] = "real",
    [BI_RECOVER] = "recover",
};

const char *builtin_name(Builtin b) { return (unsigned)b < BI_COUNT ? builtin_names[b] : "?"; }

static void def_type(const char *name, Type *t) {
    scope_insert(universe, obj_new(OBJ_TYPE, name, t));
}

void universe_init(void) {
    if (universe) return;
    type_init();
    const_init();
    universe = scope_new(NULL);
    def_type("bool", type_bool);
    def_type("int", type_int);
    def_type("int8", type_int8);
    def_type("int16", type_int16);
    def_type("int32", type_int32);
    def_type("rune", type_int32);     // alias
    def_type("int64", type_int64);
    def_type("uint", type_uint);
    def_type("uint8", type_uint8);
    def_type("byte", type_uint8);     // alias
    def_type("uint16", type_uint16);
    def_type("uint32", type_uint32);
    def_type("uint64", type_uint64);
    def_type("uintptr", type_uintptr);
    def_type("float32", type_float32);
    def_type("float64", type_float64);
    def_type("complex64", type_complex64);
    def_type("complex128", type_complex128);
    def_type("string", type_string);
    def_type("error", type_error);
    def_type("any", type_any);        // alias for interface{}
    def_type("comparable", type_comparable);

    Obj *t = obj_new(OBJ_CONST, "true", type_untyped_bool);
    t->val = const_bool(true);
    scope_insert(universe, t);
    Obj *f = obj_new(OBJ_CONST, "false", type_untyped_bool);
    f->val = const_bool(false);
    scope_insert(universe, f);
    universe_iota = obj_new(OBJ_CONST, "iota", type_untyped_int);
    universe_iota->val = const_int64(0);
    scope_insert(universe, universe_iota);
    scope_insert(universe, obj_new(OBJ_NIL, "nil", type_untyped_nil));
    for (int b = 0; b < BI_COUNT; b++) {
        Obj *o = obj_new(OBJ_BUILTIN, builtin_names[b], type_invalid);
        o->builtin = (Builtin)b;
        scope_insert(universe, o);
    }
    for (int i = 0; i < universe->cap; i++)
        if (universe->objs[i]) universe->objs[i]->exported = false;
}
