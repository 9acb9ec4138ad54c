// compiler/check_type.c: type expressions (arrays, slices, maps, channels,
// functions, structs with embedding, interfaces with embedding), field and
// method lookup through embedded fields (the spec's depth rules, types2's
// lookupFieldOrMethod), method sets, interface satisfaction and the one
// built-in generic type, atomic.Pointer[T]. The checker's model is in
// compiler/check_impl.h.
#include "compiler/check_impl.h"
#include "common/unicode.h"
#include "common/utf8.h"
#include "stdlib/natives.h"

#include <pthread.h>

static bool name_exported(const char *s) {
    if (!s || !*s) return false;
    if ((unsigned char)s[0] < 0x80) return s[0] >= 'A' && s[0] <= 'Z';
    int w;
    int32_t r = utf8_decode((const unsigned char *)s, strlen(s), &w);
    return uni_is_upper(r) != 0;
}

bool check_is_interface(const Type *t) { return t && t->kind == K_INTERFACE; }

bool check_has_nil(const Type *t) {
    switch (t->kind) {
    case K_POINTER: case K_SLICE: case K_MAP: case K_CHAN: case K_FUNC: case K_INTERFACE:
    case K_UNSAFE_POINTER: case K_UNTYPED_NIL:
        return true;
    default:
        return false;
    }
}

Type *check_deref(Type *t, bool *ptr) {
    if (t && t->kind == K_POINTER && !type_is_named(t)) {
        if (ptr) *ptr = true;
        return t->elem;
    }
    if (ptr) *ptr = false;
    return t;
}

// ---- Completeness and cycles ----

// report_cycle words a declaration cycle through the objects path[from..]
// as types2's cycleError does, starting at the one declared first.
void check_report_cycle(Checker *c, Obj **cyc, int n) {
    int start = 0;
    for (int i = 1; i < n; i++)
        if (cyc[i]->line < cyc[start]->line ||
            (cyc[i]->line == cyc[start]->line && cyc[i]->col < cyc[start]->col))
            start = i;
    Obj *o = cyc[start];
    bool is_type = o->kind == OBJ_TYPE;
    if (n == 1) {
        check_errorf(c, o->line, o->col, is_type ? "invalid recursive type: %s refers to itself"
                                                 : "invalid cycle in declaration: %s refers to itself",
                     o->name);
        return;
    }
    Str s = { 0 };
    str_printf(&s, is_type ? "invalid recursive type %s" : "invalid cycle in declaration of %s",
               o->name);
    for (int k = 0; k < n; k++) {
        Obj *p = cyc[(start + k) % n];
        str_printf(&s, "\n\t%s: %s refers to", check_obj_pos(c, p), p->name);
    }
    str_printf(&s, "\n\t%s: %s", check_obj_pos(c, o), o->name);
    check_errorf(c, o->line, o->col, "%s", str_get(&s));
}

bool check_need_complete(Checker *c, Type *t, Node *at) {
    (void)at;
    if (!t || !type_is_named(t) || (t->flags & TF_COMPLETE)) return true;
    // t is being declared: find it on the resolution path.
    for (int i = c->npath - 1; i >= 0; i--) {
        Obj *o = c->path_objs[i];
        if (o->kind == OBJ_TYPE && o->type == t) {
            check_report_cycle(c, c->path_objs + i, c->npath - i);
            // Give the type an invalid underlying type so that nothing
            // reports the cycle again.
            type_set_under(t, type_invalid);
            return false;
        }
    }
    // t waits for a type on the path (`type T2 T1` inside T1's declaration).
    for (int k = 0; k < c->npending; k++) {
        if (c->pending[k].obj->type != t) continue;
        Type *target = c->pending[k].target;
        for (int i = c->npath - 1; i >= 0; i--) {
            Obj *o = c->path_objs[i];
            if (o->kind == OBJ_TYPE && o->type == target) {
                int n = c->npath - i;
                Obj **cyc = mem_alloc((n + 1) * sizeof *cyc);
                memcpy(cyc, c->path_objs + i, n * sizeof *cyc);
                cyc[n++] = c->pending[k].obj;
                check_report_cycle(c, cyc, n);
                type_set_under(target, type_invalid);
                return false;
            }
        }
    }
    return false;
}

// ---- Field objects ----

// Field Objs per struct type (struct types are hash-consed and shared by
// every package, so the table is global); guarded by field_lock.
typedef struct FieldObjs {
    Type *st;
    Obj **objs;
} FieldObjs;

static pthread_mutex_t field_lock = PTHREAD_MUTEX_INITIALIZER;
static FieldObjs *field_tab;
static size_t field_cap, field_len;

static size_t ptr_hash(const void *p) {
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 17;
    x *= 0x9E3779B97F4A7C15ULL;
    return (size_t)(x ^ (x >> 31));
}

static void field_insert(FieldObjs e) {
    size_t mask = field_cap - 1, i = ptr_hash(e.st) & mask;
    while (field_tab[i].st) i = (i + 1) & mask;
    field_tab[i] = e;
    field_len++;
}

Obj *check_field_obj(Type *st, int i) {
    st = under(st);
    if (!st || st->kind != K_STRUCT || i < 0 || i >= st->nfields) return NULL;
    pthread_mutex_lock(&field_lock);
    if (field_len * 2 >= field_cap) {
        FieldObjs *old = field_tab;
        size_t oc = field_cap;
        field_cap = field_cap ? field_cap * 2 : 256;
        field_tab = mem_alloc(field_cap * sizeof *field_tab);
        field_len = 0;
        for (size_t k = 0; k < oc; k++)
            if (old[k].st) field_insert(old[k]);
    }
    size_t mask = field_cap - 1, h = ptr_hash(st) & mask;
    while (field_tab[h].st && field_tab[h].st != st) h = (h + 1) & mask;
    if (!field_tab[h].st) {
        FieldObjs e = { st, mem_alloc(st->nfields * sizeof(Obj *)) };
        for (int k = 0; k < st->nfields; k++) {
            Obj *o = obj_new(OBJ_VAR, st->fields[k].name, st->fields[k].type);
            o->exported = st->fields[k].exported;
            e.objs[k] = o;
        }
        field_insert(e);
        h = ptr_hash(st) & mask;
        mask = field_cap - 1;
        h = ptr_hash(st) & mask;
        while (field_tab[h].st != st) h = (h + 1) & mask;
    }
    Obj *o = field_tab[h].objs[i];
    pthread_mutex_unlock(&field_lock);
    return o;
}

Obj *check_method_obj(Method *m, Type *recv) {
    (void)recv;
    if (!m->obj) {
        Obj *o = obj_new(OBJ_FUNC, m->name, m->sig);
        m->obj = o;
    }
    return m->obj;
}

// ---- Type expressions ----

static void set_type_node(Node *n, Type *t) {
    n->mode = type_ok(t) ? MODE_TYPE : MODE_INVALID;
    n->type = t;
}

// array_length evaluates an array length (types2's arrayLength); -1 after
// an error.
static int64_t array_length(Checker *c, Node *e) {
    if (e->kind == N_NAME) {
        const char *name = check_name(e);
        Obj *o = scope_lookup(c->scope, name, NULL);
        if (!o) {
            check_error_at(c, e, "undefined array length %s or missing type constraint", name);
            return -1;
        }
        if (o->kind != OBJ_CONST) {
            check_error_at(c, e, "invalid array length %s", name);
            return -1;
        }
    }
    check_expr(c, e);
    if (e->mode != MODE_CONST) {
        if (e->mode != MODE_INVALID)
            check_error_at(c, e, "array length %s must be constant", check_operand_str(c, e));
        return -1;
    }
    if (type_is_untyped(e->type) || type_is_integer(e->type)) {
        Const *iv = const_to_int(e->val);
        if (iv && const_representable(iv, type_int, NULL) && const_sign(iv) >= 0) {
            if (type_is_untyped(e->type)) check_convert_untyped(c, e, type_int);
            return const_get_int64(iv);
        }
    }
    if (type_is_integer(e->type))
        check_error_at(c, e, "invalid array length %s", check_operand_str(c, e));
    else
        check_error_at(c, e, "array length %s must be integer", check_operand_str(c, e));
    return -1;
}

static void check_map_key(Checker *c, Type *key, Node *at) {
    if (!valid_type(key)) return;
    if (!check_comparable(key, NULL, c))
        check_error_at(c, at, "invalid map key type %s", check_type_str(c, key));
}

// A key type still being declared is checked once it is complete.
static void check_later_map_key(Checker *c, Type *key, Node *at) {
    if (c->nlater == c->caplater) {
        c->caplater = c->caplater ? c->caplater * 2 : 8;
        LaterKey *v = mem_alloc(c->caplater * sizeof *v);
        if (c->nlater) memcpy(v, c->later, c->nlater * sizeof *v);
        c->later = v;
    }
    c->later[c->nlater++] = (LaterKey){ key, at, c->path };
}

void check_later_keys(Checker *c) {
    const char *saved = c->path;
    for (int i = 0; i < c->nlater; i++) {
        c->path = c->later[i].path;
        check_map_key(c, c->later[i].key, c->later[i].at);
    }
    c->path = saved;
    c->nlater = 0;
}

// ---- atomic.Pointer[T] ----

// sync/atomic's Pointer is the one generic type goli builds in (until it
// has generics): stdlib/sync/atomic/atomic.gol declares it as a template, a
// struct whose fields and methods use the placeholder typeParam for T. Each
// instantiation Pointer[X] is a named type of its own, made once per type
// argument (identical arguments give the one type), with the template's
// fields and method signatures where typeParam reads X. Its methods are the
// template's natives: each gets an Obj of its own whose Func is made here
// already, so the generator's calls, method values and interface calls all
// reach it (gen_func_of returns an Obj's Func once it has one).

static bool is_atomic_pointer(const Type *t) {
    return t && type_is_named(t) && t->pkg && t->name && strcmp(t->pkg, "sync/atomic") == 0 &&
           strcmp(t->name, "Pointer") == 0;
}

// subst is t with the type from replaced by to, through the pointer, array
// and function types the template spells.
static Type *subst(Type *t, Type *from, Type *to) {
    if (t == from) return to;
    if (type_is_named(t)) return t;
    switch (t->kind) {
    case K_POINTER: return type_pointer(subst(t->elem, from, to));
    case K_ARRAY: return type_array(subst(t->elem, from, to), t->len);
    case K_FUNC: {
        Field *ps = mem_alloc((t->nfields + 1) * sizeof *ps);
        Type **rs = mem_alloc((t->nresults + 1) * sizeof *rs);
        for (int i = 0; i < t->nfields; i++) {
            ps[i] = t->fields[i];
            ps[i].type = subst(t->fields[i].type, from, to);
        }
        for (int i = 0; i < t->nresults; i++) rs[i] = subst(t->results[i], from, to);
        return type_func(t->nfields, ps, t->nresults, rs, t->variadic);
    }
    default:
        return t;
    }
}

typedef struct Instance {
    Type *arg, *type;
} Instance;

static pthread_mutex_t instance_lock = PTHREAD_MUTEX_INITIALIZER;   // guards the two below
static Instance *instances;
static int ninstances, capinstances;

// tmpl_param is the template's placeholder for T (Load's result is
// *typeParam), or NULL if the template is not the one expected.
static Type *tmpl_param(Type *tmpl) {
    Method *load = type_find_method(tmpl, "Load");
    if (!load || load->sig->nresults != 1 || load->sig->results[0]->kind != K_POINTER) return NULL;
    for (int i = 0; i < tmpl->nmethods; i++)
        if (!lib_native_lookup(tmpl->pkg, mem_sprintf("Pointer.%s", tmpl->methods[i].name))) return NULL;
    return load->sig->results[0]->elem;
}

static Type *make_pointer_instance(Type *tmpl, Type *arg) {
    Type *param = tmpl_param(tmpl);
    Type *t = type_named(tmpl->pkg, mem_sprintf("Pointer[%s]", arg->str), NULL);
    t->str = mem_sprintf("atomic.Pointer[%s]", arg->str);   // as %T prints it
    Type *u = under(tmpl);
    Field *fs = mem_alloc((u->nfields + 1) * sizeof *fs);
    for (int i = 0; i < u->nfields; i++) {
        fs[i] = u->fields[i];
        fs[i].type = subst(u->fields[i].type, param, arg);
    }
    type_set_under(t, type_struct(u->nfields, fs));
    for (int i = 0; i < tmpl->nmethods; i++) {
        Method m = tmpl->methods[i];
        Obj *to = m.obj;
        m.sig = subst(m.sig, param, arg);
        Func *fn = mem_new(Func);
        fn->name = mem_sprintf("sync/atomic.(*Pointer[...]).%s", m.name);
        fn->file = "?";
        fn->line = to ? to->line : 0;
        fn->defer_pc = -1;
        fn->native = lib_native_lookup(tmpl->pkg, mem_sprintf("Pointer.%s", m.name));
        Obj *o = obj_new(OBJ_FUNC, m.name, m.sig);
        if (to) {
            o->decl = to->decl;
            o->line = to->line;
            o->col = to->col;
            o->pkg = to->pkg;
            o->exported = to->exported;
        }
        o->resolve = RESOLVE_DONE;
        o->used = true;
        o->gen = fn;
        m.obj = o;
        m.fn = fn;
        type_add_method(t, &m);
    }
    return t;
}

// pointer_instance returns atomic.Pointer[arg], made on first use.
static Type *pointer_instance(Type *tmpl, Type *arg) {
    pthread_mutex_lock(&instance_lock);
    Type *t = NULL;
    for (int i = 0; i < ninstances && !t; i++)
        if (type_identical(instances[i].arg, arg)) t = instances[i].type;
    if (!t) {
        t = make_pointer_instance(tmpl, arg);
        if (ninstances == capinstances) {
            capinstances = capinstances ? capinstances * 2 : 8;
            Instance *v = mem_alloc(capinstances * sizeof *v);
            if (ninstances) memcpy(v, instances, ninstances * sizeof *v);
            instances = v;
        }
        instances[ninstances++] = (Instance){ arg, t };
    }
    pthread_mutex_unlock(&instance_lock);
    return t;
}

// instantiate checks the type expression x[args] whose x is a type.
static Type *instantiate(Checker *c, Node *n) {
    Type *gt = n->x->type;
    if (!is_atomic_pointer(gt)) {
        check_error_at(c, n->x, "%s is not a generic type", check_type_str(c, gt));
        for (int i = 0; i < n->list.n; i++) check_expr_or_type(c, n->list.v[i]);
        return type_invalid;
    }
    if (n->list.n != 1) {
        Node *at = n->list.n > 1 ? n->list.v[1] : n;
        check_error_at(c, at, "%s type arguments for type Pointer: have %d, want 1",
                       n->list.n > 1 ? "too many" : "not enough", n->list.n);
        for (int i = 0; i < n->list.n; i++) check_expr_or_type(c, n->list.v[i]);
        return type_invalid;
    }
    Type *arg = check_typexpr(c, n->list.v[0]);
    if (!type_ok(arg)) return type_invalid;
    if (!tmpl_param(gt)) {
        check_error_at(c, n, "goli: internal error: atomic.Pointer is not the template goli expects");
        return type_invalid;
    }
    return pointer_instance(gt, arg);
}

static Type *struct_type(Checker *c, Node *n);
static Type *iface_type(Checker *c, Node *n);

Type *check_typexpr(Checker *c, Node *n) {
    if (!n) return type_invalid;
    if (++c->depth > CHECK_MAX_DEPTH) {
        c->depth--;
        if (!c->depth_reported) check_error_at(c, n, "type expression nested too deeply");
        c->depth_reported = true;
        return type_invalid;
    }
    Type *t = type_invalid;
    switch (n->kind) {
    case N_NAME:
    case N_SELECTOR:
        check_expr_or_type(c, n);
        if (n->mode == MODE_TYPE && is_atomic_pointer(n->type) && c->pkg && strcmp(c->pkg->path, "sync/atomic") != 0) {
            check_error_at(c, n, "cannot use generic type %s[T any] without instantiation", check_expr_str(n));
        } else if (n->mode == MODE_TYPE) {
            t = n->type;
        } else if (n->mode == MODE_NOVALUE) {
            check_error_at(c, n, "%s used as type", check_operand_str(c, n));
        } else if (n->mode != MODE_INVALID) {
            check_error_at(c, n, "%s is not a type", check_operand_str(c, n));
        }
        break;
    case N_PAREN:
        t = check_typexpr(c, n->x);
        break;
    case N_STAR: {
        Type *e = check_typexpr(c, n->x);
        if (type_ok(e)) t = type_pointer(e);
        break;
    }
    case N_ARRAYTYPE: {
        if (n->y && n->y->kind == N_ELLIPSIS) {
            check_error_at(c, n->y, "invalid use of [...] array (outside a composite literal)");
            check_typexpr(c, n->x);
            break;
        }
        int64_t len = n->y ? array_length(c, n->y) : -1;
        Type *e = check_typexpr(c, n->x);
        if (len < 0 || !type_ok(e) || !check_need_complete(c, e, n->x)) break;
        t = type_array(e, len);
        break;
    }
    case N_SLICETYPE: {
        Type *e = check_typexpr(c, n->x);
        if (type_ok(e)) t = type_slice(e);
        break;
    }
    case N_MAPTYPE: {
        Type *k = check_typexpr(c, n->x);
        Type *v = check_typexpr(c, n->y);
        if (!type_ok(k) || !type_ok(v)) break;
        if (k->flags & TF_COMPLETE) check_map_key(c, k, n->x);
        else check_later_map_key(c, k, n->x);
        t = type_map(k, v);
        break;
    }
    case N_CHANTYPE: {
        Type *e = check_typexpr(c, n->x);
        if (!type_ok(e)) break;
        int dir = (n->flags & NF_SEND) ? CHAN_SEND : (n->flags & NF_RECV) ? CHAN_RECV : CHAN_BOTH;
        t = type_chan(dir, e);
        break;
    }
    case N_FUNCTYPE:
        t = check_signature(c, n, NULL, NULL, NULL);
        break;
    case N_STRUCTTYPE:
        t = struct_type(c, n);
        break;
    case N_IFACETYPE:
        t = iface_type(c, n);
        break;
    case N_INDEX:
        check_expr_or_type(c, n->x);
        if (n->x->mode == MODE_TYPE)
            t = instantiate(c, n);
        else if (n->x->mode != MODE_INVALID)
            check_error_at(c, n, "%s is not a type", check_expr_str(n));
        break;
    case N_ELLIPSIS:
        check_error_at(c, n, "invalid use of ...");
        break;
    case N_BAD:
        break;
    default:
        check_error_at(c, n, "%s is not a type", check_expr_str(n));
        break;
    }
    c->depth--;
    set_type_node(n, t);
    return t;
}

// ---- Signatures ----

Type *check_signature(Checker *c, Node *ft, Node *recv, Scope *scope, Obj ***results_out) {
    int np = 0, nr = 0;
    // A function type's parameter names must differ too: declare them in a
    // scope of their own that nobody looks into.
    bool own_scope = !scope;
    if (own_scope) scope = scope_new(NULL);
    for (int i = 0; i < ft->list.n; i++) np += ft->list.v[i]->list.n ? ft->list.v[i]->list.n : 1;
    for (int i = 0; i < ft->rlist.n; i++) nr += ft->rlist.v[i]->list.n ? ft->rlist.v[i]->list.n : 1;
    Field *ps = mem_alloc((np + 1) * sizeof *ps);
    Type **rs = mem_alloc((nr + 1) * sizeof *rs);
    Obj **robjs = mem_alloc((nr + 1) * sizeof *robjs);
    bool variadic = false;
    if (recv && scope) {
        Node *rt = recv->x;
        Type *t = rt ? rt->type : NULL;
        if (!t) t = type_invalid;
        for (int k = 0; k < recv->list.n; k++) {
            Node *nm = recv->list.v[k];
            Obj *o = check_new_obj(c, OBJ_VAR, nm, t);
            o->decl = recv;
            o->used = true;
            check_declare(c, scope, o, nm);
            check_declare_local(c, o);
            o->used = true;
        }
    }
    int pi = 0;
    for (int i = 0; i < ft->list.n; i++) {
        Node *f = ft->list.v[i];
        Node *tx = f->x;
        Type *t;
        if (tx && tx->kind == N_ELLIPSIS) {
            if (i != ft->list.n - 1 || f->list.n > 1) {
                check_error_at(c, tx, "can only use ... with final parameter in list");
                t = check_typexpr(c, tx->x);
                if (type_ok(t)) t = type_slice(t);
            } else {
                Type *e = check_typexpr(c, tx->x);
                t = type_ok(e) ? type_slice(e) : type_invalid;
                variadic = true;
            }
            tx->type = t;
            tx->mode = MODE_TYPE;
        } else {
            t = check_typexpr(c, tx);
        }
        if (!type_ok(t)) t = type_invalid;
        int names = f->list.n ? f->list.n : 1;
        for (int k = 0; k < names; k++, pi++) {
            ps[pi].type = t;
            ps[pi].name = f->list.n ? check_name(f->list.v[k]) : NULL;
            if (f->list.n && scope) {
                Node *nm = f->list.v[k];
                Obj *o = check_new_obj(c, OBJ_VAR, nm, t);
                o->decl = f;
                check_declare(c, scope, o, nm);
                if (!own_scope) check_declare_local(c, o);
                o->used = true;
            }
        }
    }
    int ri = 0;
    for (int i = 0; i < ft->rlist.n; i++) {
        Node *f = ft->rlist.v[i];
        Type *t;
        if (f->x && f->x->kind == N_ELLIPSIS) {
            check_error_at(c, f->x, "can only use ... with final parameter in list");
            t = type_invalid;
        } else {
            t = check_typexpr(c, f->x);
        }
        if (!type_ok(t)) t = type_invalid;
        int names = f->list.n ? f->list.n : 1;
        for (int k = 0; k < names; k++, ri++) {
            rs[ri] = t;
            robjs[ri] = NULL;
            if (f->list.n && scope) {
                Node *nm = f->list.v[k];
                Obj *o = check_new_obj(c, OBJ_VAR, nm, t);
                o->decl = f;
                check_declare(c, scope, o, nm);
                if (!own_scope) check_declare_local(c, o);
                o->used = true;
                robjs[ri] = o;
            }
        }
    }
    if (results_out) *results_out = robjs;
    Type *sig = type_func(np, ps, nr, rs, variadic);
    ft->type = sig;
    ft->mode = MODE_TYPE;
    return sig;
}

// ---- Structs ----

// embedded_name is the field name of an embedded type expression: T,
// *T, pkg.T and *pkg.T are all named T.
static Node *embedded_name(Node *x) {
    while (x && (x->kind == N_STAR || x->kind == N_PAREN)) x = x->x;
    if (x && x->kind == N_SELECTOR) return x->name;
    if (x && x->kind == N_INDEX) return embedded_name(x->x);
    return x && x->kind == N_NAME ? x : NULL;
}

static Type *struct_type(Checker *c, Node *n) {
    int nf = 0;
    for (int i = 0; i < n->list.n; i++) nf += n->list.v[i]->list.n ? n->list.v[i]->list.n : 1;
    Field *fs = mem_alloc((nf + 1) * sizeof *fs);
    Node **at = mem_alloc((nf + 1) * sizeof *at);
    int k = 0;
    for (int i = 0; i < n->list.n; i++) {
        Node *f = n->list.v[i];
        Type *t = check_typexpr(c, f->x);
        const char *tag = NULL;
        if (f->y && f->y->kind == N_BASICLIT && f->y->op == T_STRING) {
            Token tk = { .kind = T_STRING, .text = f->y->text, .len = f->y->len };
            size_t len;
            tag = lit_string(&tk, &len);
        }
        if (!type_ok(t)) {
            // Keep the field (selecting it is then quietly invalid).
            t = type_invalid;
        }
        if (f->list.n == 0) {
            // An embedded field: T or *T, T a type name but not a pointer
            // type; *T with T an interface is not allowed.
            Node *nm = embedded_name(f->x);
            bool ptr;
            Type *base = check_deref(t, &ptr);
            if (type_ok(t) && !check_need_complete(c, ptr ? type_invalid : t, f->x)) {
                t = base = type_invalid;
            }
            if (base->flags & TF_COMPLETE) {
                if (base->kind == K_UNSAFE_POINTER) {
                    check_error_at(c, f->x, "embedded field type cannot be unsafe.Pointer");
                    continue;
                }
                if (ptr && base->kind == K_INTERFACE) {
                    check_error_at(c, f->x, "embedded field type cannot be a pointer to an interface");
                    continue;
                }
                if (base->kind == K_POINTER) {
                    check_error_at(c, f->x, ptr ? "embedded field type cannot be a pointer"
                                                : "embedded field type cannot be a pointer");
                    continue;
                }
            }
            const char *name = nm ? check_name(nm) : "?";
            for (int j = 0; j < k; j++) {
                if (strcmp(fs[j].name, name) == 0 && strcmp(name, "_") != 0) {
                    check_errorf(c, f->x->line, f->x->col, "%s redeclared\n\t%s: other declaration of %s",
                                 name, check_pos(c, at[j]->line, at[j]->col), name);
                    goto next_embedded;
                }
            }
            fs[k].name = name;
            fs[k].type = t;
            fs[k].embedded = true;
            fs[k].exported = name_exported(name);
            fs[k].tag = tag;
            at[k] = nm ? nm : f->x;
            k++;
        next_embedded:
            continue;
        }
        if (!check_need_complete(c, t, f->x)) {
            t = type_invalid;
        }
        for (int m = 0; m < f->list.n; m++) {
            Node *nm = f->list.v[m];
            const char *name = check_name(nm);
            bool dup = false;
            for (int j = 0; j < k && strcmp(name, "_") != 0; j++) {
                if (strcmp(fs[j].name, name) == 0) {
                    check_errorf(c, nm->line, nm->col, "%s redeclared\n\t%s: other declaration of %s",
                                 name, check_pos(c, at[j]->line, at[j]->col), name);
                    dup = true;
                    break;
                }
            }
            if (dup) continue;
            fs[k].name = name;
            fs[k].type = t;
            fs[k].exported = name_exported(name);
            fs[k].tag = tag;
            at[k] = nm;
            k++;
        }
    }
    Type *st = type_struct(k, fs);
    // Give the field names their Objs (the code generator and tools read
    // them through NAME.obj).
    for (int i = 0, j = 0; i < n->list.n && j < k; i++) {
        Node *f = n->list.v[i];
        for (int m = 0; m < f->list.n && j < k; m++)
            if (f->list.v[m] == at[j]) f->list.v[m]->obj = check_field_obj(st, j++);
        if (!f->list.n && j < k && at[j] == embedded_name(f->x)) j++;
    }
    return st;
}

// ---- Interfaces ----

typedef struct MethodSet {
    Method *v;
    Node **at;
    int n, cap;
} MethodSet;

static void mset_add(Checker *c, MethodSet *s, Method m, Node *at, bool explicit_) {
    for (int i = 0; i < s->n; i++) {
        if (strcmp(s->v[i].name, m.name) != 0) continue;
        if (!explicit_ && s->v[i].sig == m.sig) return;   // same method embedded twice
        check_errorf(c, at->line, at->col, "duplicate method %s\n\t%s: other declaration of %s",
                     m.name, check_pos(c, s->at[i]->line, s->at[i]->col), m.name);
        return;
    }
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 8;
        Method *v = mem_alloc(s->cap * sizeof *v);
        Node **a = mem_alloc(s->cap * sizeof *a);
        if (s->n) {
            memcpy(v, s->v, s->n * sizeof *v);
            memcpy(a, s->at, s->n * sizeof *a);
        }
        s->v = v;
        s->at = a;
    }
    s->v[s->n] = m;
    s->at[s->n] = at;
    s->n++;
}

static Type *iface_type(Checker *c, Node *n) {
    MethodSet set = { 0 };
    // Explicit methods first, then embedded ones (a duplicate is reported
    // at the later element).
    for (int i = 0; i < n->list.n; i++) {
        Node *f = n->list.v[i];
        if (!f->list.n) continue;
        Node *nm = f->list.v[0];
        const char *name = check_name(nm);
        if (strcmp(name, "_") == 0) {
            check_error_at(c, nm, "methods must have a unique non-blank name");
            continue;
        }
        Type *sig = f->x && f->x->kind == N_FUNCTYPE ? check_signature(c, f->x, NULL, NULL, NULL)
                                                     : type_invalid;
        if (!valid_type(sig)) continue;
        Method m = { .name = name, .sig = sig, .pkg = name_exported(name) ? NULL : c->pkg->path };
        Obj *o = check_new_obj(c, OBJ_FUNC, nm, sig);
        o->decl = f;
        m.obj = o;
        nm->obj = o;
        mset_add(c, &set, m, nm, true);
    }
    for (int i = 0; i < n->list.n; i++) {
        Node *f = n->list.v[i];
        if (f->list.n) continue;
        Node *x = f->x;
        if (x && ((x->kind == N_UNARY && x->op == T_TILDE) || (x->kind == N_BINARY && x->op == T_OR))) {
            check_error_at(c, x, "cannot use type constraints (generic types are not supported yet)");
            continue;
        }
        Type *t = check_typexpr(c, x);
        if (!type_ok(t)) continue;
        if (!check_need_complete(c, t, x)) continue;
        if (t->kind != K_INTERFACE) {
            check_error_at(c, x, "cannot use %s as embedded interface: not an interface "
                                 "(generic types are not supported yet)",
                           check_type_str(c, t));
            continue;
        }
        if (t == type_comparable) {
            check_error_at(c, x, "cannot use comparable (generic types are not supported yet)");
            continue;
        }
        for (int k = 0; k < t->nmethods; k++) mset_add(c, &set, t->methods[k], x, false);
    }
    return type_interface(set.n, set.v);
}

// ---- Lookup ----

// Embedded is one type to search at the current depth.
typedef struct Embedded {
    Type *typ;              // the type (not a pointer)
    bool is_ptr;            // reached through a pointer (x itself, or *T)
    bool any_indirect;
    bool multiples;         // appeared more than once at this depth
    const char *pkg;        // package of the nearest named type (unexported names)
    int npath;
    int *path;
    bool *ind;
} Embedded;

static bool same_name(Checker *c, const char *name, const char *have, bool exported,
                      const char *owner_pkg) {
    if (strcmp(name, have) != 0 || strcmp(name, "_") == 0) return false;
    if (exported) return true;
    // An unexported name matches only inside its own package.
    return !owner_pkg || !c->pkg || strcmp(owner_pkg, c->pkg->path) == 0;
}

static int *path_plus(int n, const int *p, int i) {
    int *q = mem_alloc_atomic((n + 1) * sizeof *q);
    if (n) memcpy(q, p, n * sizeof *q);
    q[n] = i;
    return q;
}

static bool *ind_plus(int n, const bool *p, bool b) {
    bool *q = mem_alloc_atomic((n + 1) * sizeof *q);
    if (n) memcpy(q, p, n * sizeof *q);
    q[n] = b;
    return q;
}

static bool fold_eq(const char *a, const char *b) {
    if (strlen(a) != strlen(b)) return false;
    for (; *a; a++, b++) {
        char x = *a, y = *b;
        if (x >= 'A' && x <= 'Z') x = (char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = (char)(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

// match_method looks for name among the methods of list (a named type's
// declared methods, or an interface's method set), reached from x's type
// through em, and fills r with kind. It returns 1 when found, -1 when the
// name is ambiguous (found before, or em stands for several embeddings;
// r then says LK_AMBIGUOUS), 0 when absent. A named type's methods
// belong to its package; an interface's carry their own.
static int match_method(Checker *c, Type *list, Type *ty, const Embedded *em, const char *name,
                        bool fold, int kind, bool found, LookupResult *r) {
    for (int m = 0; m < list->nmethods; m++) {
        Method *me = &list->methods[m];
        const char *pkg = kind == LK_METHOD ? ty->pkg : me->pkg;
        bool hit = fold ? fold_eq(me->name, name)
                        : same_name(c, name, me->name, name_exported(me->name), pkg);
        if (!hit) continue;
        if (found || em->multiples) {
            r->kind = LK_AMBIGUOUS;
            return -1;
        }
        r->kind = kind;
        r->method = me;
        r->obj = me->obj;
        r->recv_type = ty;
        r->npath = em->npath;
        r->path = em->path;
        r->indirect = em->ind;
        r->any_indirect = em->any_indirect;
        r->last = em->is_ptr ? type_pointer(ty) : ty;
        return 1;
    }
    return 0;
}

static void lookup_impl(Checker *c, Type *t, const char *name, LookupResult *r, bool fold) {
    memset(r, 0, sizeof *r);
    bool is_ptr;
    Type *typ = check_deref(t, &is_ptr);
    if (!typ || (is_ptr && typ->kind == K_INTERFACE)) return;
    int ncur = 1, capcur = 4;
    Embedded *cur = mem_alloc(capcur * sizeof *cur);
    cur[0] = (Embedded){ .typ = typ, .is_ptr = is_ptr, .any_indirect = is_ptr,
                         .pkg = type_is_named(typ) ? typ->pkg : (c && c->pkg ? c->pkg->path : NULL) };
    Type **seen = NULL;
    int nseen = 0, capseen = 0;
    bool found = false;
    for (int depth = 0; ncur > 0 && depth < 64; depth++) {
        int nnext = 0, capnext = 0;
        Embedded *next = NULL;
        for (int e = 0; e < ncur; e++) {
            Embedded *em = &cur[e];
            Type *ty = em->typ;
            if (type_is_named(ty)) {
                bool dup = false;
                for (int s = 0; s < nseen; s++) dup |= seen[s] == ty;
                if (dup) continue;
                if (nseen == capseen) {
                    capseen = capseen ? capseen * 2 : 8;
                    Type **v = mem_alloc(capseen * sizeof *v);
                    if (nseen) memcpy(v, seen, nseen * sizeof *v);
                    seen = v;
                }
                seen[nseen++] = ty;
                if (ty->kind != K_INTERFACE) {
                    int hit = match_method(c, ty, ty, em, name, fold, LK_METHOD, found, r);
                    if (hit < 0) return;
                    if (hit) found = true;
                    if (found && r->recv_type == ty) continue;
                }
            }
            Type *u = under(ty);
            if (u->kind == K_STRUCT) {
                for (int i = 0; i < u->nfields; i++) {
                    Field *f = &u->fields[i];
                    bool hit = fold ? fold_eq(f->name, name) : same_name(c, name, f->name, f->exported, em->pkg);
                    if (hit) {
                        if (found || em->multiples) {
                            r->kind = LK_AMBIGUOUS;
                            return;
                        }
                        found = true;
                        r->kind = LK_FIELD;
                        r->field = f;
                        r->obj = check_field_obj(u, i);
                        r->npath = em->npath + 1;
                        r->path = path_plus(em->npath, em->path, i);
                        r->indirect = ind_plus(em->npath, em->ind, em->is_ptr);
                        r->any_indirect = em->any_indirect;
                        r->last = ty;
                        continue;
                    }
                    if (!found && f->embedded) {
                        bool p;
                        Type *et = check_deref(f->type, &p);
                        if (nnext == capnext) {
                            capnext = capnext ? capnext * 2 : 8;
                            Embedded *v = mem_alloc(capnext * sizeof *v);
                            if (nnext) memcpy(v, next, nnext * sizeof *v);
                            next = v;
                        }
                        next[nnext++] = (Embedded){
                            .typ = et, .is_ptr = p, .any_indirect = em->any_indirect || p,
                            .multiples = em->multiples,
                            .pkg = type_is_named(et) ? et->pkg : em->pkg,
                            .npath = em->npath + 1,
                            .path = path_plus(em->npath, em->path, i),
                            .ind = ind_plus(em->npath, em->ind, em->is_ptr),
                        };
                    }
                }
            } else if (u->kind == K_INTERFACE) {
                int hit = match_method(c, u, ty, em, name, fold, LK_IFACE_METHOD, found, r);
                if (hit < 0) return;
                if (hit) found = true;
            }
        }
        if (found) return;
        // Consolidate: a type reached twice at one depth is ambiguous below.
        for (int i = 0; i < nnext; i++) {
            for (int j = 0; j < i; j++) {
                if (next[j].typ == next[i].typ) {
                    next[j].multiples = true;
                    next[i].typ = NULL;
                    break;
                }
            }
        }
        int k = 0;
        for (int i = 0; i < nnext; i++)
            if (next[i].typ) next[k++] = next[i];
        cur = next;
        ncur = k;
    }
}

void check_lookup(Checker *c, Type *t, const char *name, LookupResult *r) {
    memset(r, 0, sizeof *r);
    if (strcmp(name, "_") == 0) return;   // blank fields and methods are never found
    // A named pointer type has its pointer's fields but no methods.
    if (t && type_is_named(t) && t->kind == K_POINTER) {
        lookup_impl(c, t->under, name, r, false);
        if (r->kind == LK_METHOD || r->kind == LK_IFACE_METHOD) memset(r, 0, sizeof *r);
        return;
    }
    lookup_impl(c, t, name, r, false);
}

// ---- Interface satisfaction ----

static const char *func_string(Checker *c, Method *m) {
    Str s = { 0 };
    str_put(&s, m->name);
    const char *sig = check_type_str(c, m->sig);
    str_put(&s, sig + 4);   // drop "func"
    return str_get(&s);
}

const char *check_missing_method(Checker *c, Type *t, Type *iface, bool static_,
                                 const char **cause) {
    Type *iu = under(iface);
    if (!iu || iu->kind != K_INTERFACE || iu->nmethods == 0) return NULL;
    Type *tu = under(t);
    if (tu->kind == K_INTERFACE) {
        for (int i = 0; i < iu->nmethods; i++) {
            Method *m = &iu->methods[i];
            Method *f = NULL;
            for (int k = 0; k < tu->nmethods; k++)
                if (strcmp(tu->methods[k].name, m->name) == 0) f = &tu->methods[k];
            if (!f) {
                if (!static_) continue;
                if (cause) *cause = mem_sprintf("(missing method %s)", m->name);
                return m->name;
            }
            if (f->sig != m->sig) {
                if (cause)
                    *cause = mem_sprintf("(wrong type for method %s)\n\t\thave %s\n\t\twant %s", m->name,
                                         func_string(c, f), func_string(c, m));
                return m->name;
            }
        }
        return NULL;
    }
    for (int i = 0; i < iu->nmethods; i++) {
        Method *m = &iu->methods[i];
        LookupResult r;
        lookup_impl(c, t, m->name, &r, false);
        if (r.kind == LK_AMBIGUOUS) {
            if (cause) *cause = mem_sprintf("(ambiguous selector %s.%s)", check_type_str(c, t), m->name);
            return m->name;
        }
        if (r.kind == LK_NONE) {
            if (cause) {
                bool ip;
                Type *b = check_deref(t, &ip);
                if (ip && b->kind == K_INTERFACE) {
                    *cause = mem_sprintf("(type %s is pointer to interface, not interface)",
                                         check_type_str(c, t));
                    return m->name;
                }
                *cause = mem_sprintf("(missing method %s)", m->name);
                LookupResult fr;
                lookup_impl(c, t, m->name, &fr, true);
                if ((fr.kind == LK_METHOD || fr.kind == LK_IFACE_METHOD) && fr.method) {
                    if (strcmp(fr.method->name, m->name) == 0)
                        *cause = mem_sprintf("(unexported method %s)", m->name);
                    else
                        *cause = mem_sprintf("(missing method %s)\n\t\thave %s\n\t\twant %s", m->name,
                                             func_string(c, fr.method), func_string(c, m));
                }
            }
            return m->name;
        }
        if (r.kind == LK_FIELD) {
            if (cause) *cause = mem_sprintf("(%s.%s is a field, not a method)", check_type_str(c, t), m->name);
            return m->name;
        }
        if (r.method->sig != m->sig) {
            if (cause)
                *cause = mem_sprintf("(wrong type for method %s)\n\t\thave %s\n\t\twant %s", m->name,
                                     func_string(c, r.method), func_string(c, m));
            return m->name;
        }
        if (r.kind == LK_METHOD && r.method->ptr_recv && !r.any_indirect) {
            if (cause) *cause = mem_sprintf("(method %s has pointer receiver)", m->name);
            return m->name;
        }
    }
    return NULL;
}

bool check_implements(Checker *c, Type *t, Type *iface, const char **cause) {
    if (!valid_type(t) || !valid_type(iface)) return true;
    if (iface == type_comparable) return check_comparable(t, NULL, c);
    const char *why = NULL;
    if (check_missing_method(c, t, iface, true, &why)) {
        if (cause)
            *cause = mem_sprintf("%s does not implement %s %s", check_type_str(c, t),
                                 check_type_str(c, iface), why ? why : "");
        return false;
    }
    return true;
}

// ---- Comparability ----

bool check_comparable(Type *t, const char **why, Checker *c) {
    if (!t) return false;
    Type *u = under(t);
    switch (u->kind) {
    case K_UNTYPED_NIL: return false;
    case K_SLICE: case K_MAP: case K_FUNC:
        if (why) *why = NULL;
        return false;
    case K_STRUCT:
        for (int i = 0; i < u->nfields; i++) {
            if (!check_comparable(u->fields[i].type, NULL, c)) {
                if (why) *why = mem_sprintf("struct containing %s cannot be compared",
                                            check_type_str(c, u->fields[i].type));
                return false;
            }
        }
        return true;
    case K_ARRAY:
        if (!check_comparable(u->elem, NULL, c)) {
            if (why) *why = mem_sprintf("%s cannot be compared", check_type_str(c, t));
            return false;
        }
        return true;
    case K_TUPLE:
        return false;
    default:
        return u->kind != K_INVALID;
    }
}
