// vm/builtins.c: the runtime natives listed in vm/builtins.h.
#include "vm/builtins.h"
#include "vm/chanops.h"
#include "common/mem.h"
#include "common/utf8.h"
#include "runtime/map.h"
#include "runtime/method.h"
#include "runtime/panic.h"
#include "runtime/value.h"
#include "stdlib/fmt/fmt.h"
#include "vm/vm.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define TYPE(w) ((Type *)(uintptr_t)(w))
#define PTR(w)  ((void *)(uintptr_t)(w))

static void *alloc_elems(const Type *elem, int64_t n) {
    size_t bytes = (size_t)n * elem->size;
    if (bytes == 0) bytes = 1;
    if (elem->flags & TF_HAS_PTR) return mem_alloc(bytes);
    void *p = mem_alloc_atomic(bytes);
    memset(p, 0, bytes);
    return p;
}

// grow returns a slice with room for at least need elements, keeping s's
// elements (Go's growslice: double small slices, 1.25x large ones).
static GoSlice grow(const Type *elem, GoSlice s, int64_t need) {
    int64_t cap = s.cap;
    int64_t want = cap < 256 ? cap * 2 : cap + (cap + 3 * 256) / 4;
    if (want < need) want = need;
    if (want < 4 && elem->size <= 16) want = need < 4 ? (need > 0 ? need : 1) : need;
    void *p = alloc_elems(elem, want);
    if (s.len) memcpy(p, s.ptr, (size_t)s.len * elem->size);
    GoSlice r = { p, s.len, want };
    return r;
}

static int rt_makeslice(G *g, Word *a) {
    const Type *t = TYPE(a[0]);
    int64_t len = (int64_t)a[1], cap = (int64_t)a[2];
    if (len < 0) return vm_throw(g, "runtime error: makeslice: len out of range");
    if (cap < len) return vm_throw(g, "runtime error: makeslice: cap out of range");
    GoSlice s = { alloc_elems(t->elem, cap), len, cap };
    memcpy(a, &s, sizeof s);
    return VM_OK;
}

static int rt_append1(G *g, Word *a) {
    (void)g;
    const Type *elem = TYPE(a[0])->elem;
    GoSlice s;
    memcpy(&s, &a[1], sizeof s);
    if (s.len + 1 > s.cap) s = grow(elem, s, s.len + 1);
    memcpy((uint8_t *)s.ptr + s.len * elem->size, &a[4], elem->size);
    s.len++;
    memcpy(a, &s, sizeof s);
    return VM_OK;
}

static int rt_appendslice(G *g, Word *a) {
    (void)g;
    const Type *elem = TYPE(a[0])->elem;
    GoSlice s, t;
    memcpy(&s, &a[1], sizeof s);
    memcpy(&t, &a[4], sizeof t);
    if (t.len > 0) {
        if (s.len + t.len > s.cap) s = grow(elem, s, s.len + t.len);
        memmove((uint8_t *)s.ptr + s.len * elem->size, t.ptr, (size_t)t.len * elem->size);
        s.len += t.len;
    }
    memcpy(a, &s, sizeof s);
    return VM_OK;
}

static int rt_copy(G *g, Word *a) {
    (void)g;
    const Type *elem = TYPE(a[0])->elem;
    GoSlice d, s;
    memcpy(&d, &a[1], sizeof d);
    memcpy(&s, &a[4], sizeof s);
    int64_t n = d.len < s.len ? d.len : s.len;
    if (n > 0) memmove(d.ptr, s.ptr, (size_t)n * elem->size);
    a[0] = (Word)n;
    return VM_OK;
}

// ---- Maps ----

static int unhashable(G *g) {
    Type *t = map_unhashable_type();
    return vm_throw(g, mem_sprintf("runtime error: hash of unhashable type %s", t ? t->str : "?"));
}

static int rt_makemap(G *g, Word *a) {
    (void)g;
    a[0] = (Word)(uintptr_t)map_new(TYPE(a[0]), (int64_t)a[1]);
    return VM_OK;
}

static int rt_mapget(G *g, Word *a) {
    const Type *mt = TYPE(a[0]);
    int err = MAP_OK;
    void *v = map_get(PTR(a[1]), &a[2], &err);
    if (err) return unhashable(g);
    uint32_t vw = type_words(mt->elem);
    if (v) {
        memset(a, 0, vw * sizeof(Word));
        memcpy(a, v, mt->elem->size);
    } else {
        memset(a, 0, vw * sizeof(Word));
    }
    a[vw] = v != NULL;
    return VM_OK;
}

static int rt_mapset(G *g, Word *a) {
    const Type *mt = TYPE(a[0]);
    Map *m = PTR(a[1]);
    if (!m) return vm_throw(g, "assignment to entry in nil map");
    int err = MAP_OK;
    void *slot = map_set(m, &a[2], &err);
    if (err) return unhashable(g);
    memcpy(slot, &a[2 + type_words(mt->key)], mt->elem->size);
    return VM_OK;
}

static int rt_mapdelete(G *g, Word *a) {
    int err = MAP_OK;
    map_delete(PTR(a[1]), &a[2], &err);
    if (err) return unhashable(g);
    return VM_OK;
}

static int rt_maplen(G *g, Word *a) {
    (void)g;
    a[0] = (Word)map_len(PTR(a[0]));
    return VM_OK;
}

static int rt_mapiter(G *g, Word *a) {
    (void)g;
    MapIter *it = mem_new(MapIter);
    map_iter_init(it, PTR(a[1]));
    a[0] = (Word)(uintptr_t)it;
    return VM_OK;
}

static int rt_mapnext(G *g, Word *a) {
    (void)g;
    const Type *mt = TYPE(a[0]);
    MapIter *it = PTR(a[1]);
    void *k, *v;
    uint32_t kw = type_words(mt->key), vw = type_words(mt->elem);
    bool ok = it && map_iter_next(it, &k, &v);
    memset(a, 0, (1 + kw + vw) * sizeof(Word));
    a[0] = ok;
    if (ok) {
        memcpy(&a[1], k, mt->key->size);
        memcpy(&a[1 + kw], v, mt->elem->size);
    }
    return VM_OK;
}

static int rt_mapclear(G *g, Word *a) {
    (void)g;
    if (a[0]) map_clear(PTR(a[0]));
    return VM_OK;
}

// ---- Strings ----

static int rt_str2bytes(G *g, Word *a) {
    (void)g;
    int64_t n = (int64_t)a[1];
    uint8_t *p = mem_alloc_atomic(n ? (size_t)n : 1);
    if (n) memcpy(p, PTR(a[0]), (size_t)n);
    GoSlice s = { p, n, n };
    memcpy(a, &s, sizeof s);
    return VM_OK;
}

static int rt_bytes2str(G *g, Word *a) {
    (void)g;
    int64_t n = (int64_t)a[1];
    uint8_t *p = mem_alloc_atomic(n ? (size_t)n : 1);
    if (n) memcpy(p, PTR(a[0]), (size_t)n);
    a[0] = (Word)(uintptr_t)p;
    a[1] = (Word)n;
    return VM_OK;
}

static int rt_str2runes(G *g, Word *a) {
    (void)g;
    const unsigned char *s = PTR(a[0]);
    int64_t n = (int64_t)a[1], count = 0;
    for (int64_t i = 0; i < n;) {
        int w;
        utf8_decode(s + i, (size_t)(n - i), &w);
        i += w;
        count++;
    }
    int32_t *r = mem_alloc_atomic(count ? (size_t)count * 4 : 4);
    int64_t k = 0;
    for (int64_t i = 0; i < n;) {
        int w;
        r[k++] = utf8_decode(s + i, (size_t)(n - i), &w);
        i += w;
    }
    GoSlice out = { r, count, count };
    memcpy(a, &out, sizeof out);
    return VM_OK;
}

static int rt_runes2str(G *g, Word *a) {
    (void)g;
    const int32_t *r = PTR(a[0]);
    int64_t n = (int64_t)a[1];
    unsigned char *p = mem_alloc_atomic(n ? (size_t)n * 4 : 1);
    int64_t len = 0;
    for (int64_t i = 0; i < n; i++) len += utf8_encode(p + len, r[i]);
    a[0] = (Word)(uintptr_t)p;
    a[1] = (Word)len;
    return VM_OK;
}

static int rt_rune2str(G *g, Word *a) {
    (void)g;
    int64_t r = (int64_t)a[0];
    unsigned char *p = mem_alloc_atomic(4);
    int n = utf8_encode(p, r < 0 || r > 0x10FFFF ? 0xFFFD : (int32_t)r);
    a[0] = (Word)(uintptr_t)p;
    a[1] = (Word)n;
    return VM_OK;
}

static int rt_decoderune(G *g, Word *a) {
    (void)g;
    const unsigned char *s = PTR(a[0]);
    int64_t n = (int64_t)a[1], i = (int64_t)a[2];
    int w;
    int32_t r = utf8_decode(s + i, (size_t)(n - i), &w);
    a[0] = (Word)(int64_t)r;
    a[1] = (Word)w;
    return VM_OK;
}

// ---- Slicing ----

static int rt_slice(G *g, Word *a) {
    const Type *t = TYPE(a[0]);
    GoSlice s;
    memcpy(&s, &a[1], sizeof s);
    if (t->kind == K_POINTER) {   // slicing an array through its address
        if (!s.ptr) return vm_throw(g, NIL_DEREF_TEXT);
        s.len = s.cap = t->elem->len;
    }
    unsigned flags = (unsigned)a[7];
    int64_t lo = flags & SLICE_LO ? (int64_t)a[4] : 0;
    int64_t hi = flags & SLICE_HI ? (int64_t)a[5] : s.len;
    int64_t max = flags & SLICE_MAX ? (int64_t)a[6] : s.cap;
    const char *what = t->kind == K_POINTER ? "length" : "capacity";
    if (flags & SLICE_MAX) {
        if ((uint64_t)max > (uint64_t)s.cap)
            return vm_throw(g, mem_sprintf("runtime error: slice bounds out of range [::%lld] with %s %lld",
                                           (long long)max, what, (long long)s.cap));
        if ((uint64_t)hi > (uint64_t)max)
            return vm_throw(g, mem_sprintf("runtime error: slice bounds out of range [:%lld:%lld]",
                                           (long long)hi, (long long)max));
        if ((uint64_t)lo > (uint64_t)hi)
            return vm_throw(g, mem_sprintf("runtime error: slice bounds out of range [%lld:%lld:]",
                                           (long long)lo, (long long)hi));
    } else {
        if ((uint64_t)hi > (uint64_t)s.cap)
            return vm_throw(g, mem_sprintf("runtime error: slice bounds out of range [:%lld] with %s %lld",
                                           (long long)hi, what, (long long)s.cap));
        if ((uint64_t)lo > (uint64_t)hi)
            return vm_throw(g, mem_sprintf("runtime error: slice bounds out of range [%lld:%lld]",
                                           (long long)lo, (long long)hi));
    }
    const Type *elem = t->kind == K_POINTER ? t->elem->elem : t->elem;
    GoSlice r = { (uint8_t *)s.ptr + lo * (int64_t)elem->size, hi - lo, max - lo };
    memcpy(a, &r, sizeof r);
    return VM_OK;
}

static int rt_strslice(G *g, Word *a) {
    int64_t n = (int64_t)a[1];
    unsigned flags = (unsigned)a[4];
    int64_t lo = flags & SLICE_LO ? (int64_t)a[2] : 0;
    int64_t hi = flags & SLICE_HI ? (int64_t)a[3] : n;
    if ((uint64_t)hi > (uint64_t)n)
        return vm_throw(g, mem_sprintf("runtime error: slice bounds out of range [:%lld] with length %lld",
                                       (long long)hi, (long long)n));
    if ((uint64_t)lo > (uint64_t)hi)
        return vm_throw(g, mem_sprintf("runtime error: slice bounds out of range [%lld:%lld]",
                                       (long long)lo, (long long)hi));
    a[0] = a[0] + (Word)lo;
    a[1] = (Word)(hi - lo);
    return VM_OK;
}

// ---- Interfaces ----

// implements reports whether a value of dynamic type t has every method of
// interface it; *missing receives the first absent method's name.
static bool implements(const Type *t, const Type *it, const char **missing) {
    for (int i = 0; i < it->nmethods; i++) {
        const char *name = it->methods[i].name;
        MethodPath path;
        const Method *m = type_method_path(t, name, &path) ? path.m : NULL;
        if (m && m->sig && it->methods[i].sig && !type_identical(m->sig, it->methods[i].sig)) m = NULL;
        if (!m) {
            *missing = name;
            return false;
        }
    }
    return true;
}

static int rt_assert(G *g, Word *a) {
    const Type *target = TYPE(a[0]), *stat = TYPE(a[1]);
    Iface v = { TYPE(a[2]), a[3] };
    bool want_ok = a[4] != 0;
    uint32_t words = type_words(target);
    bool ok;
    const char *missing = NULL;
    if (target->kind == K_INTERFACE) ok = v.type && implements(v.type, target, &missing);
    else ok = v.type == target;
    if (!ok && !want_ok) {
        const char *st = stat ? stat->str : "interface {}";
        if (!v.type)
            return vm_throw(g, mem_sprintf("interface conversion: %s is nil, not %s", st, target->str));
        if (missing)
            return vm_throw(g, mem_sprintf("interface conversion: %s is not %s: missing method %s",
                                           v.type->str, target->str, missing));
        return vm_throw(g, mem_sprintf("interface conversion: %s is %s, not %s", st, v.type->str,
                                       target->str));
    }
    memset(a, 0, (words + 1) * sizeof(Word));
    if (ok) {
        if (target->kind == K_INTERFACE) {
            a[0] = (Word)(uintptr_t)v.type;
            a[1] = v.data;
        } else {
            memcpy(a, iface_ptr(&v), target->size);
        }
    }
    a[words] = ok;
    return VM_OK;
}

static int rt_iface_eq(G *g, Word *a) {
    Iface x = { TYPE(a[0]), a[1] }, y = { TYPE(a[2]), a[3] };
    int err = MAP_OK;
    bool eq = value_equal(type_any, &x, &y, &err);
    if (err) {
        Type *t = map_unhashable_type();
        return vm_throw(g, mem_sprintf("runtime error: comparing uncomparable type %s", t ? t->str : "?"));
    }
    a[0] = eq;
    return VM_OK;
}

static int rt_value_eq(G *g, Word *a) {
    const Type *t = TYPE(a[0]);
    uint32_t w = type_words(t);
    int err = MAP_OK;
    bool eq = value_equal(t, &a[1], &a[1 + w], &err);
    if (err) {
        Type *u = map_unhashable_type();
        return vm_throw(g, mem_sprintf("runtime error: comparing uncomparable type %s", u ? u->str : "?"));
    }
    a[0] = eq;
    return VM_OK;
}

static int rt_clone(G *g, Word *a) {
    (void)g;
    const Type *t = TYPE(a[0]);
    void *copy = vm_new(t);
    memcpy(copy, PTR(a[1]), t->size);
    a[0] = (Word)(uintptr_t)copy;
    return VM_OK;
}

static int rt_clearslice(G *g, Word *a) {
    (void)g;
    const Type *t = TYPE(a[0]);
    GoSlice s;
    memcpy(&s, &a[1], sizeof s);
    if (s.len > 0) memset(s.ptr, 0, (size_t)s.len * t->elem->size);
    return VM_OK;
}

static double word_f64(Word w) {
    double d;
    memcpy(&d, &w, sizeof d);
    return d;
}

static Word f64_word(double d) {
    Word w;
    memcpy(&w, &d, sizeof w);
    return w;
}

// Go's min and max of floats: a NaN operand gives NaN; -0 is below +0.
static int rt_fmin(G *g, Word *a) {
    (void)g;
    double x = word_f64(a[0]), y = word_f64(a[1]);
    double r = isnan(x) || isnan(y) ? NAN : x < y ? x : y < x ? y : signbit(x) ? x : y;
    a[0] = f64_word(r);
    return VM_OK;
}

static int rt_fmax(G *g, Word *a) {
    (void)g;
    double x = word_f64(a[0]), y = word_f64(a[1]);
    double r = isnan(x) || isnan(y) ? NAN : x > y ? x : y > x ? y : signbit(x) ? y : x;
    a[0] = f64_word(r);
    return VM_OK;
}

// ---- print and println ----

static int rt_print(G *g, Word *a) {
    (void)g;
    const Type *tuple = TYPE(a[0]);
    bool ln = a[1] != 0;
    int n = tuple->nfields;
    const Type **types = mem_alloc((n + 1) * sizeof *types);
    const void **vals = mem_alloc((n + 1) * sizeof *vals);
    Word *p = &a[2];
    for (int i = 0; i < n; i++) {
        types[i] = tuple->fields[i].type;
        vals[i] = p;
        p += type_words(types[i]);
    }
    FmtBuf b;
    char stack[256];
    strconv_buf_init(&b, stack, sizeof stack);
    lib_fmt_builtin_print(&b, n, types, vals, ln);
    fflush(stdout);
    if (b.len && write(2, b.data, b.len) < 0) { /* stderr gone: nothing to do */ }
    return VM_OK;
}

static int rt_gopanic(G *g, Word *a) {
    Iface v = { TYPE(a[0]), a[1] };
    if (!v.type) v = panic_nil_error();
    vm_start_panic(g, v);
    return VM_PANIC;
}

// ---- The table ----

static const struct { const char *name; NativeFn fn; } natives[RT_COUNT] = {
    [RT_MAKESLICE] = { "runtime.makeslice", rt_makeslice },
    [RT_APPEND1] = { "runtime.growslice", rt_append1 },
    [RT_APPENDSLICE] = { "runtime.growslice", rt_appendslice },
    [RT_COPY] = { "runtime.slicecopy", rt_copy },
    [RT_MAKEMAP] = { "runtime.makemap", rt_makemap },
    [RT_MAPGET] = { "runtime.mapaccess2", rt_mapget },
    [RT_MAPSET] = { "runtime.mapassign", rt_mapset },
    [RT_MAPDELETE] = { "runtime.mapdelete", rt_mapdelete },
    [RT_MAPLEN] = { "runtime.maplen", rt_maplen },
    [RT_MAPITER] = { "runtime.mapiterinit", rt_mapiter },
    [RT_MAPNEXT] = { "runtime.mapiternext", rt_mapnext },
    [RT_MAPCLEAR] = { "runtime.mapclear", rt_mapclear },
    [RT_STR2BYTES] = { "runtime.stringtoslicebyte", rt_str2bytes },
    [RT_BYTES2STR] = { "runtime.slicebytetostring", rt_bytes2str },
    [RT_STR2RUNES] = { "runtime.stringtoslicerune", rt_str2runes },
    [RT_RUNES2STR] = { "runtime.slicerunetostring", rt_runes2str },
    [RT_RUNE2STR] = { "runtime.intstring", rt_rune2str },
    [RT_DECODERUNE] = { "runtime.decoderune", rt_decoderune },
    [RT_SLICE] = { "runtime.slice", rt_slice },
    [RT_STRSLICE] = { "runtime.slicestring", rt_strslice },
    [RT_ASSERT] = { "runtime.assert", rt_assert },
    [RT_IFACE_EQ] = { "runtime.efaceeq", rt_iface_eq },
    [RT_PRINT] = { "runtime.print", rt_print },
    [RT_VALUE_EQ] = { "runtime.memequal", rt_value_eq },
    [RT_CLONE] = { "runtime.typedmemmove", rt_clone },
    [RT_CLEARSLICE] = { "runtime.memclr", rt_clearslice },
    [RT_FMIN] = { "runtime.fmin", rt_fmin },
    [RT_FMAX] = { "runtime.fmax", rt_fmax },
    [RT_MAKECHAN] = { "runtime.makechan", rt_makechan },
    [RT_CHANSEND] = { "runtime.chansend1", rt_chansend },
    [RT_CHANRECV] = { "runtime.chanrecv2", rt_chanrecv },
    [RT_CHANCLOSE] = { "runtime.closechan", rt_chanclose },
    [RT_CHANLEN] = { "runtime.chanlen", rt_chanlen },
    [RT_CHANCAP] = { "runtime.chancap", rt_chancap },
    [RT_SELECT] = { "runtime.selectgo", rt_select },
    [RT_GOPANIC] = { "runtime.gopanic", rt_gopanic },
};

static Func *funcs[RT_COUNT];
static Closure *closures[RT_COUNT];

Closure *rt_native_closure(RtNative which) {
    if (!closures[which]) {
        Closure *c = mem_alloc(sizeof(Closure));
        c->fn = rt_native(which);
        closures[which] = c;
    }
    return closures[which];
}

Func *rt_native(RtNative which) {
    if (!funcs[which]) {   // made while compiling, before any goroutine runs
        Func *f = mem_new(Func);
        f->name = natives[which].name;
        f->native = natives[which].fn;
        f->defer_pc = -1;
        funcs[which] = f;
    }
    return funcs[which];
}
