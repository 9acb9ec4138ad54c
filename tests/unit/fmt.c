// tests/unit/fmt.c: unit tests of stdlib/fmt, the formatting engine, and
// the helpers the generated table (tests/unit/fmt_cases.c) uses: fixture
// types mirroring tests/unit/fmt_cases.go.txt, a fake method hook standing
// in for the VM, operand builders and the checker. Expected texts in this
// file were produced by Go 1.19.8 with the programs quoted beside them,
// except where a comment says Go 1.20+ (multiple %w), whose expectations
// follow Go 1.20's fmt/errors.go by reading.
#include "tests/unit/fmt_test.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "common/mem.h"

Type *ft_T, *ft_U, *ft_MyInt, *ft_MyStr, *ft_Bytes, *ft_SB, *ft_N, *ft_Empty, *ft_S, *ft_S2,
    *ft_PS, *ft_E, *ft_Both, *ft_G, *ft_Pan, *ft_PanE, *ft_NilOK, *ft_V, *ft_W, *ft_Wrap,
    *ft_WrapP, *ft_Amb, *ft_Shadow, *ft_Unexp, *ft_EmbErr, *ft_Deep, *ft_Anon, *ft_TMap, *ft_PT,
    *ft_F, *ft_UI, *ft_lower, *ft_EmbLower, *ft_SP, *ft_WrapV;
int ft_calls, ft_repanics;

// ---- The fake method hook ----

// FakeImpl is a method body in C: recv points to a value of type t (for a
// pointer method, t is the pointer type). It returns 0 with *res, or 1
// with the panic value *pv.
typedef int (*FakeImpl)(const Type *t, const void *recv, GoString *res, Iface *pv);

// Each fake method's Func is a dummy object; impls maps it to the body.
#define MAX_FAKES 64
static struct {
    const Func *fn;
    FakeImpl impl;
} impls[MAX_FAKES];
static int nimpls;

static GoString gs(const char *s) { return gostr(s, (int64_t)strlen(s)); }

static int fake_call(void *ctx, const Method *m, const Type *rt, const void *recv,
                     GoString *res, Iface *pv) {
    (void)ctx;
    ft_calls++;
    // The VM's part: a value method through a pointer dereferences it.
    if (rt->kind == K_POINTER && !m->ptr_recv) {
        const void *p = *(const void *const *)recv;
        if (!p) {
            *pv = S("value method called using nil pointer");
            return 1;
        }
        rt = rt->elem;
        recv = p;
    }
    for (int i = 0; i < nimpls; i++)
        if (impls[i].fn == m->fn) return impls[i].impl(rt, recv, res, pv);
    cr_assert_fail("fake_call: no body for %s", m->name);
    return 1;
}

static void fake_repanic(void *ctx, Iface val) {
    (void)ctx;
    (void)val;
    ft_repanics++;
}

static int64_t recv_int(const void *recv) { return *(const int64_t *)recv; }

static int s_string(const Type *t, const void *r, GoString *res, Iface *pv) {
    (void)t, (void)pv;
    *res = gs(mem_sprintf("S<%lld>", (long long)recv_int(r)));
    return 0;
}

static int s2_string(const Type *t, const void *r, GoString *res, Iface *pv) {
    (void)t, (void)pv;
    *res = gs(mem_sprintf("S2<%lld>", (long long)recv_int(r)));
    return 0;
}

static int ps_string(const Type *t, const void *r, GoString *res, Iface *pv) {
    (void)t;
    const int64_t *ps = *(const int64_t *const *)r;
    if (!ps) {
        *pv = S("runtime error: invalid memory address or nil pointer dereference");
        return 1;
    }
    *res = gs(mem_sprintf("PS<%lld>", (long long)*ps));
    return 0;
}

static int e_error(const Type *t, const void *r, GoString *res, Iface *pv) {
    (void)t, (void)pv;
    *res = *(const GoString *)r;
    return 0;
}

static int both_error(const Type *t, const void *r, GoString *res, Iface *pv) {
    (void)t, (void)r, (void)pv;
    *res = gs("err");
    return 0;
}

static int both_string(const Type *t, const void *r, GoString *res, Iface *pv) {
    (void)t, (void)r, (void)pv;
    *res = gs("str");
    return 0;
}

static int g_gostring(const Type *t, const void *r, GoString *res, Iface *pv) {
    (void)t, (void)r, (void)pv;
    *res = gs("G!");
    return 0;
}

static int g_string(const Type *t, const void *r, GoString *res, Iface *pv) {
    (void)t, (void)r, (void)pv;
    *res = gs("g");
    return 0;
}

static int pan_string(const Type *t, const void *r, GoString *res, Iface *pv) {
    (void)t, (void)r, (void)res;
    *pv = S("boom");
    return 1;
}

static int pane_string(const Type *t, const void *r, GoString *res, Iface *pv) {
    (void)t, (void)r, (void)res;
    *pv = ERR("bad");
    return 1;
}

static int nilok_string(const Type *t, const void *r, GoString *res, Iface *pv) {
    (void)t, (void)pv;
    *res = gs(*(void *const *)r ? "ok" : "nil!");
    return 0;
}

static int v_string(const Type *t, const void *r, GoString *res, Iface *pv) {
    (void)t, (void)pv;
    *res = gs(mem_sprintf("V<%lld>", (long long)**(const int64_t *const *)r));
    return 0;
}

static int lower_string(const Type *t, const void *r, GoString *res, Iface *pv) {
    (void)t, (void)pv;
    *res = gs(mem_sprintf("lower<%lld>", (long long)recv_int(r)));
    return 0;
}

static int never(const Type *t, const void *r, GoString *res, Iface *pv) {
    (void)t, (void)r, (void)res, (void)pv;
    cr_assert_fail("a method fmt must not call was called");
    return 1;
}

// add_method declares name on t with body impl; sig NULL means func() string.
static void add_method(Type *t, const char *name, bool ptr, FakeImpl impl, Type *sig) {
    Type *str = type_string;
    if (!sig) sig = type_func(0, NULL, 1, &str, false);
    Func *fn = mem_alloc(8);
    cr_assert_lt(nimpls, MAX_FAKES);
    impls[nimpls].fn = fn;
    impls[nimpls].impl = impl;
    nimpls++;
    Method m = { .name = name, .sig = sig, .fn = fn, .ptr_recv = ptr };
    cr_assert(type_add_method(t, &m));
}

// ---- Fixture types ----

static Field fld(const char *name, Type *t) {
    Field f = { .name = name, .type = t, .exported = name[0] >= 'A' && name[0] <= 'Z' };
    return f;
}

static Field emb(const char *name, Type *t) {
    Field f = fld(name, t);
    f.embedded = true;
    return f;
}

#define STRUCT(...) \
    type_struct((int)(sizeof((Field[]){ __VA_ARGS__ }) / sizeof(Field)), (Field[]){ __VA_ARGS__ })

static Type *named(const char *name, Type *under) { return type_named("main", name, under); }

void fmt_test_setup(void) {
    GC_INIT();
    type_init();
    ft_T = named("T", STRUCT(fld("A", type_int), fld("B", type_string)));
    ft_U = named("U", STRUCT(fld("a", type_int), fld("B", type_string)));
    ft_MyInt = named("MyInt", type_int);
    ft_MyStr = named("MyStr", type_string);
    ft_Bytes = named("Bytes", type_slice(type_uint8));
    ft_SB = named("SB", STRUCT(fld("B", type_slice(type_uint8))));
    ft_N = named("N", STRUCT(fld("I", type_any), fld("E", type_error),
                             fld("P", type_pointer(ft_T))));
    ft_Empty = named("Empty", type_struct(0, NULL));
    ft_Anon = STRUCT(fld("A", type_int), fld("b", type_string));
    ft_TMap = STRUCT(fld("M", type_map(type_string, type_int)));

    ft_S = named("S", type_int);
    add_method(ft_S, "String", false, s_string, NULL);
    ft_S2 = named("S2", type_int);
    add_method(ft_S2, "String", false, s2_string, NULL);
    ft_PS = named("PS", STRUCT(fld("N", type_int)));
    add_method(ft_PS, "String", true, ps_string, NULL);
    ft_E = named("E", STRUCT(fld("Msg", type_string)));
    add_method(ft_E, "Error", false, e_error, NULL);
    ft_Both = named("Both", type_int);
    add_method(ft_Both, "Error", false, both_error, NULL);
    add_method(ft_Both, "String", false, both_string, NULL);
    ft_G = named("G", type_int);
    add_method(ft_G, "GoString", false, g_gostring, NULL);
    add_method(ft_G, "String", false, g_string, NULL);
    ft_Pan = named("Pan", type_int);
    add_method(ft_Pan, "String", false, pan_string, NULL);
    ft_PanE = named("PanE", type_int);
    add_method(ft_PanE, "String", false, pane_string, NULL);
    ft_NilOK = named("NilOK", type_struct(0, NULL));
    add_method(ft_NilOK, "String", true, nilok_string, NULL);
    ft_V = named("V", type_int);
    add_method(ft_V, "String", true, v_string, NULL);
    ft_W = named("W", type_int);
    Type *str = type_string;
    Field param = { .type = type_int };
    add_method(ft_W, "String", false, never, type_func(1, &param, 1, &str, false));

    ft_Wrap = named("Wrap", STRUCT(emb("S", ft_S)));
    ft_WrapP = named("WrapP", STRUCT(emb("PS", type_pointer(ft_PS))));
    ft_Amb = named("Amb", STRUCT(emb("S", ft_S), emb("S2", ft_S2)));
    ft_Shadow = named("Shadow", STRUCT(emb("S", ft_S), fld("String", type_int)));
    ft_Unexp = named("Unexp", STRUCT(fld("s", ft_S), fld("X", ft_S)));
    ft_EmbErr = named("EmbErr", STRUCT(emb("error", type_error)));
    ft_Deep = named("Deep", STRUCT(emb("Wrap", ft_Wrap)));

    ft_PT = named("PT", type_pointer(ft_T));
    ft_F = named("F", type_func(0, NULL, 0, NULL, false));
    ft_UI = named("UI", STRUCT(fld("s", type_any)));
    ft_lower = named("lower", type_int);
    add_method(ft_lower, "String", false, lower_string, NULL);
    ft_EmbLower = named("EmbLower", STRUCT(emb("lower", ft_lower)));
    ft_SP = named("SP", STRUCT(fld("P", type_pointer(ft_PS))));
    ft_WrapV = named("WrapV", STRUCT(emb("PS", ft_PS)));

    lib_fmt_hooks.call_method = fake_call;
    lib_fmt_hooks.repanic = fake_repanic;
    ft_calls = ft_repanics = 0;
}

// ---- Operands ----

Iface ft_box(const Type *t, const void *v) {
    Iface i = { (Type *)t, 0 };
    if (t->flags & TF_DIRECT) {
        memcpy(&i.data, v, t->size);
    } else {
        void *copy = mem_alloc(t->size ? t->size : 1);
        memcpy(copy, v, t->size);
        i.data = (uint64_t)(uintptr_t)copy;
    }
    return i;
}

// store writes operand v into dst, a variable of type t: an interface
// stores v itself, any other type v's value (v must have type t).
static void store(const Type *t, void *dst, Iface v) {
    if (t->kind == K_INTERFACE) {
        *(Iface *)dst = v;
        return;
    }
    cr_assert(v.type == t, "store: operand of type %s for %s", v.type ? v.type->str : "nil",
              t->str);
    memcpy(dst, iface_ptr(&v), t->size);
}

Iface ft_int(const Type *t, int64_t v) { return ft_box(t, &v); }  // little-endian: truncates
Iface ft_uint(const Type *t, uint64_t v) { return ft_box(t, &v); }
Iface ft_f32(float v) { return ft_box(type_float32, &v); }
Iface ft_f64(double v) { return ft_box(type_float64, &v); }

Iface ft_c64(float re, float im) {
    float v[2] = { re, im };
    return ft_box(type_complex64, v);
}

Iface ft_c128(double re, double im) {
    double v[2] = { re, im };
    return ft_box(type_complex128, v);
}

Iface ft_str(const Type *t, const char *s, size_t n) {
    GoString g = { (const uint8_t *)s, (int64_t)n };
    return ft_box(t, &g);
}

Iface ft_bytes(const Type *t, const char *s, size_t n) {
    GoSlice sl = { mem_alloc_atomic(n ? n : 1), (int64_t)n, (int64_t)n };
    memcpy(sl.ptr, s, n);
    return ft_box(t, &sl);
}

Iface ft_typed_slice(const Type *elem, const Iface *v, int n) {
    // A non-nil slice even when empty, as []T{} is in Go.
    GoSlice sl = { mem_alloc(n ? (size_t)n * elem->size : 1), n, n };
    for (int i = 0; i < n; i++) store(elem, (char *)sl.ptr + (size_t)i * elem->size, v[i]);
    return ft_box(type_slice((Type *)elem), &sl);
}

Iface ft_ints(const int64_t *v, int n) {
    GoSlice sl = { mem_alloc(n ? (size_t)n * 8 : 1), n, n };
    if (n) memcpy(sl.ptr, v, (size_t)n * 8);
    return ft_box(type_slice(type_int), &sl);
}

Iface ft_strs(const char *const *v, int n) {
    GoSlice sl = { mem_alloc((size_t)n * sizeof(GoString)), n, n };
    for (int i = 0; i < n; i++) ((GoString *)sl.ptr)[i] = gs(v[i]);
    return ft_box(type_slice(type_string), &sl);
}

Iface ft_anys(const Iface *v, int n) { return ft_typed_slice(type_any, v, n); }

Iface ft_array(const Type *elem, const Iface *v, int n) {
    Type *at = type_array((Type *)elem, n);
    char *a = mem_alloc(at->size ? at->size : 1);
    for (int i = 0; i < n; i++) store(elem, a + (size_t)i * elem->size, v[i]);
    return ft_box(at, a);
}

Iface ft_struct(const Type *t, const Iface *fields, int n) {
    cr_assert_eq(n, t->nfields, "ft_struct: %d operands for %s", n, t->str);
    char *s = mem_alloc(t->size ? t->size : 1);
    for (int i = 0; i < n; i++) store(t->fields[i].type, s + t->fields[i].offset, fields[i]);
    return ft_box(t, s);
}

Iface ft_ptr(Iface v) {
    void *cell = mem_alloc(v.type->size ? v.type->size : 1);
    memcpy(cell, iface_ptr(&v), v.type->size);
    return ft_box(type_pointer(v.type), &cell);
}

Iface ft_nil(const Type *t) {
    void *zero = mem_alloc(t->size ? t->size : 1);
    return ft_box(t, zero);
}

Iface ft_fake_word(const Type *t) {
    void *obj = mem_alloc(16);
    return ft_box(t, &obj);
}

Iface ft_retype(const Type *t, Iface v) {
    cr_assert_eq(t->size, v.type->size);
    return ft_box(t, iface_ptr(&v));
}

Iface ft_map(const Type *mt, const Iface *kv, int n) {
    Map *m = map_new((Type *)mt, n / 2);
    for (int i = 0; i + 1 < n; i += 2) {
        char key[64];
        int err;
        cr_assert_leq(mt->key->size, sizeof key);
        store(mt->key, key, kv[i]);
        void *slot = map_set(m, key, &err);
        cr_assert_eq(err, MAP_OK);
        store(mt->elem, slot, kv[i + 1]);
    }
    return ft_box(mt, &m);
}

Iface ft_map_any_keys(const Iface *keys, int n) {
    Iface *kv = mem_alloc((size_t)(2 * n) * sizeof *kv);
    for (int i = 0; i < n; i++) {
        kv[2 * i] = keys[i];
        kv[2 * i + 1] = I(i);
    }
    return ft_map(type_map(type_any, type_int), kv, 2 * n);
}

Iface ft_map_s_s(const Iface *keys, int n) {
    Iface *kv = mem_alloc((size_t)(2 * n) * sizeof *kv);
    for (int i = 0; i < n; i++) {
        kv[2 * i] = keys[i];
        kv[2 * i + 1] = SV(10 * *(const int64_t *)iface_ptr(&keys[i]));
    }
    return ft_map(type_map(ft_S, ft_S), kv, 2 * n);
}

Iface ft_map_seq(int n) {
    Iface *kv = mem_alloc((size_t)(2 * n) * sizeof *kv);
    for (int i = 0; i < n; i++) {
        kv[2 * i] = I((i * 7919) % n);
        kv[2 * i + 1] = I(i);
    }
    return ft_map(type_map(type_int, type_int), kv, 2 * n);
}

// ---- Checking ----

// mask replaces every 0x<hex digits> by 0xADDR.
static char *mask(const char *s, size_t n, size_t *outn) {
    char *o = mem_alloc_atomic(n * 3 + 1);
    size_t j = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] == '0' && i + 2 < n + 1 && i + 1 < n && s[i + 1] == 'x' && i + 2 < n &&
            strchr("0123456789abcdef", s[i + 2]) && s[i + 2]) {
            memcpy(o + j, "0xADDR", 6);
            j += 6;
            i += 2;
            while (i < n && s[i] && strchr("0123456789abcdef", s[i])) i++;
        } else {
            o[j++] = s[i++];
        }
    }
    o[j] = 0;
    *outn = j;
    return o;
}

// shown makes a byte string readable in a failure message.
static char *shown(const char *s, size_t n) {
    if (n > 300) n = 300;
    char *o = mem_alloc_atomic(n * 4 + 3);
    size_t j = 0;
    o[j++] = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            o[j++] = '\\';
            o[j++] = (char)c;
        } else if (c < 0x20 || c >= 0x7f) {
            j += (size_t)sprintf(o + j, "\\%03o", c);
        } else {
            o[j++] = (char)c;
        }
    }
    o[j++] = '"';
    o[j] = 0;
    return o;
}

static GoString run(int mode, const char *format, size_t fn, const Iface *args, int nargs) {
    GoString f = gostr(format, (int64_t)fn);
    FmtWrap wrap;
    switch (mode) {
    case FT_SPRINT: return lib_fmt_sprint(NULL, nargs, args);
    case FT_SPRINTLN: return lib_fmt_sprintln(NULL, nargs, args);
    case FT_ERRORF: return lib_fmt_errorf(NULL, f, nargs, args, &wrap);
    default: return lib_fmt_sprintf(NULL, f, nargs, args);
    }
}

void ft_check(const char *file, int line, int mode, const char *format, size_t fn,
              const char *want, size_t wn, const Iface *args, int nargs) {
    GoString got = run(mode, format, fn, args, nargs);
    const char *g = (const char *)got.ptr;
    size_t gn = (size_t)got.len;
    if (mode == FT_SPRINTF_MASKED) {
        g = mask(g, gn, &gn);
        want = mask(want, wn, &wn);
    }
    bool ok = gn == wn && memcmp(g, want, wn) == 0;
    cr_expect(ok, "%s:%d: format %s\n  got  %s\n  want %s", file, line, shown(format, fn),
              shown(g, gn), shown(want, wn));
}

static GoString sprintf_args(const char *format, const Iface *args, int n) {
    return lib_fmt_sprintf(NULL, gs(format), n, args);
}

static bool gs_eq(GoString g, const char *s) {
    return (size_t)g.len == strlen(s) && memcmp(g.ptr, s, (size_t)g.len) == 0;
}

// ---- Hand-written tests ----

Test(fmt, buffer_appends_and_grows, .init = fmt_test_setup) {
    char storage[16];
    FmtBuf b;
    strconv_buf_init(&b, storage, sizeof storage);
    strconv_buf_write(&b, "x=", 2);
    Iface a[] = { I(1), S("two"), F64(3.5) };
    lib_fmt_appendln(&b, NULL, 3, a);
    lib_fmt_append(&b, NULL, 3, a);
    lib_fmt_appendf(&b, NULL, gs("|%05d|%q"), 2, a);
    const char *want = "x=1 two 3.5\n1two3.5|00001|\"two\"";
    cr_assert_eq(b.len, strlen(want));
    cr_assert(memcmp(b.data, want, b.len) == 0);
    cr_assert_neq(b.data, storage, "the buffer moved to the heap");
}

Test(fmt, large_outputs, .init = fmt_test_setup) {
    // A 100000-element slice prints as one growing buffer.
    enum { N = 100000 };
    int64_t *v = mem_alloc_atomic(N * sizeof *v);
    for (int i = 0; i < N; i++) v[i] = i;
    Iface s = ft_ints(v, N);
    GoString got = lib_fmt_sprint(NULL, 1, &s);
    // Expected: 1 + 10*(1+1) + 90*(2+1) + 900*(3+1) + 9000*(4+1) + 90000*(5+1) - 1 + 1
    int64_t want = 2 + 10 * 2 + 90 * 3 + 900 * 4 + 9000 * 5 + 90000 * 6 - 1;
    cr_assert_eq(got.len, want);
    cr_assert(memcmp(got.ptr, "[0 1 2 3", 8) == 0);
    cr_assert(memcmp(got.ptr + got.len - 7, " 99999]", 7) == 0);

    // Go accepts widths up to 10^7 (parsenum stops above 10^6 before the
    // next digit): fmt.Sprintf("%10000000d|", 1) has 10^7 + 1 bytes.
    Iface one = I(1);
    got = sprintf_args("%10000000d|", &one, 1);
    cr_assert_eq(got.len, 10000001);
    cr_assert_eq(got.ptr[9999998], ' ');
    cr_assert_eq(got.ptr[9999999], '1');
}

Test(fmt, methods_called_only_where_go_calls_them, .init = fmt_test_setup) {
    Iface s = SV(1);
    ft_calls = 0;
    sprintf_args("%d %T %p %x %c %U", (Iface[]){ s, s, s, s, s, s }, 6);
    cr_expect_eq(ft_calls, 1, "only %%x asks String (got %d calls)", ft_calls);
    ft_calls = 0;
    Iface u = UNEXP(1, 2);
    sprintf_args("%v", &u, 1);
    cr_expect_eq(ft_calls, 1, "no call through the unexported field");
    ft_calls = 0;
    Iface e = ERR("x");
    sprintf_args("%d%!(", &e, 1);   // a bad verb prints without methods
    cr_expect_eq(ft_calls, 0);
}

Test(fmt, no_hook_no_methods, .init = fmt_test_setup) {
    lib_fmt_hooks.call_method = NULL;
    Iface a[] = { SV(3), ERR("e"), PPS(2) };
    GoString got = sprintf_args("%v %v %v", a, 3);
    cr_expect(gs_eq(got, "3 {e} &{2}"), "got %.*s", (int)got.len, got.ptr);
}

// A panic while printing a panic value re-panics: the hook hears of it.
static int panpan_string(const Type *t, const void *r, GoString *res, Iface *pv);
static Type *ft_PanPan;
static int panpan_string(const Type *t, const void *r, GoString *res, Iface *pv) {
    (void)t, (void)r, (void)res;
    *pv = PAN(1);   // its String panics again
    return 1;
}

Test(fmt, nested_panic_repanics, .init = fmt_test_setup) {
    ft_PanPan = named("PanPan", type_int);
    add_method(ft_PanPan, "String", false, panpan_string, NULL);
    Iface a = ft_int(ft_PanPan, 1);
    ft_repanics = 0;
    GoString got = sprintf_args("%v", &a, 1);
    cr_expect_eq(ft_repanics, 1);
    // Go never returns this text; it is what the VM throws away.
    cr_expect(gs_eq(got, "%!v(PANIC=String method: )"), "got %.*s", (int)got.len, got.ptr);
}

Test(fmt, errorf_wraps, .init = fmt_test_setup) {
    FmtWrap w;
    Iface e1 = ERR("a"), e2 = PERR("b");
    GoString msg = lib_fmt_errorf(NULL, gs("no wrap %v"), 1, &e1, &w);
    cr_expect(gs_eq(msg, "no wrap a"));
    cr_expect_eq(w.kind, FMT_WRAP_NONE);

    msg = lib_fmt_errorf(NULL, gs("x: %w"), 1, &e2, &w);
    cr_expect(gs_eq(msg, "x: b"));
    cr_expect_eq(w.kind, FMT_WRAP_ONE);
    cr_expect_eq(w.n, 1);
    cr_expect_eq(w.idx[0], 0);

    // One %w of a non-error: Go 1.19 and 1.20 both make a wrapError whose
    // err is nil; the text is a bad verb.
    Iface one = I(1);
    msg = lib_fmt_errorf(NULL, gs("%w"), 1, &one, &w);
    cr_expect(gs_eq(msg, "%!w(int=1)"));
    cr_expect_eq(w.kind, FMT_WRAP_ONE);

    // Go 1.20+: several %w wrap several errors, in operand order when
    // indexes reorder them, each once, non-errors left out.
    Iface a[] = { e1, one, e2 };
    msg = lib_fmt_errorf(NULL, gs("%w %w %w"), 3, a, &w);
    cr_expect(gs_eq(msg, "a %!w(int=1) b"), "got %.*s", (int)msg.len, msg.ptr);
    cr_expect_eq(w.kind, FMT_WRAP_MANY);
    cr_expect_eq(w.n, 2);
    cr_expect(w.idx[0] == 0 && w.idx[1] == 2);
    msg = lib_fmt_errorf(NULL, gs("%[3]w %[1]w %[3]w"), 3, a, &w);
    cr_expect(gs_eq(msg, "b a b"), "got %.*s", (int)msg.len, msg.ptr);
    cr_expect_eq(w.kind, FMT_WRAP_MANY);
    cr_expect_eq(w.n, 2);
    cr_expect(w.idx[0] == 0 && w.idx[1] == 2);
    // Go 1.20 passes %w through %v's flags: %+w is %+v.
    Iface t = ft_struct(named("ET", STRUCT(fld("A", type_int))), FT_ARGS(I(1)));
    msg = lib_fmt_errorf(NULL, gs("%+w"), 1, &t, &w);
    cr_expect(gs_eq(msg, "%!w(main.ET={A:1})"), "got %.*s", (int)msg.len, msg.ptr);

    // Sprintf never wraps.
    msg = sprintf_args("%w", &e1, 1);
    cr_expect(gs_eq(msg, "%!w(main.E={a})"));
}

Test(fmt, is_error, .init = fmt_test_setup) {
    Iface yes[] = { ERR("a"), PERR("b"), BOTH(1), EMBERR("c"), EMBERR_NIL, PERR_NIL };
    Iface no[] = { NIL, I(1), SV(1), PSV(1), S("e"), ft_nil(ft_Amb) };
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        cr_expect(lib_fmt_is_error(&yes[i]), "case %zu", i);
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        cr_expect(!lib_fmt_is_error(&no[i]), "case %zu", i);
}

// The print and println builtins. Expected output from Go 1.19.8:
//
//	var ip *int
//	var e error
//	var m map[string]int
//	var s []int
//	println(1.5, true, "a", 3, uintptr(10), -0.0, float32(1e30), complex(1, 2))
//	println(int8(-5), uint64(1<<64-1), float32(0.1), 1e-300, -1.0, 123456789.0)
//	println(math.NaN(), math.Inf(1), math.Inf(-1), 0.0, 1e100, 9.9999999, 0.5)
//	println(ip, e, m, s, false)
//	print("a", 1, 2, "b\n")
//	println()
//
// prints
//
//	+1.500000e+000 true a 3 10 +0.000000e+000 +1.000000e+030 (+1.000000e+000+2.000000e+000i)
//	-5 18446744073709551615 +1.000000e-001 +1.000000e-300 -1.000000e+000 +1.234568e+008
//	NaN +Inf -Inf +0.000000e+000 +1.000000e+100 +1.000000e+001 +5.000000e-001
//	0x0 (0x0,0x0) 0x0 [0/0]0x0 false
//	a12b
//	(an empty line)
//
// (-0.0 is a constant 0 in Go, hence +0.000000e+000.)
static void builtin(FmtBuf *b, bool ln, int n, ...) {
    const Type *types[16];
    const void *vals[16];
    Iface keep[16];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        const Type *t = va_arg(ap, const Type *);
        keep[i] = va_arg(ap, Iface);
        types[i] = t;
        vals[i] = t->kind == K_INTERFACE ? (const void *)&keep[i] : iface_ptr(&keep[i]);
    }
    va_end(ap);
    lib_fmt_builtin_print(b, n, types, vals, ln);
}

Test(fmt, builtin_print, .init = fmt_test_setup) {
    FmtBuf b;
    strconv_buf_init(&b, NULL, 0);
    builtin(&b, true, 8, type_float64, F64(1.5), type_bool, B(true), type_string, S("a"),
            type_int, I(3), type_uintptr, UP(10), type_float64, F64(0.0), type_float32,
            F32(1e30f), type_complex128, C128(1, 2));
    builtin(&b, true, 6, type_int8, I8(-5), type_uint64, U64(UINT64_MAX), type_float32,
            F32(0.1f), type_float64, F64(1e-300), type_float64, F64(-1.0), type_float64,
            F64(123456789.0));
    builtin(&b, true, 7, type_float64, F64(NAN), type_float64, F64(INFINITY), type_float64,
            F64(-INFINITY), type_float64, F64(0.0), type_float64, F64(1e100), type_float64,
            F64(9.9999999), type_float64, F64(0.5));
    builtin(&b, true, 5, type_pointer(type_int), PI_NIL, type_error, NIL,
            type_map(type_string, type_int), MAP_SI_NIL, type_slice(type_int), INTSNIL,
            type_bool, B(false));
    builtin(&b, false, 4, type_string, S("a"), type_int, I(1), type_int, I(2), type_string,
            S("b\n"));
    builtin(&b, true, 0);
    const char *want =
        "+1.500000e+000 true a 3 10 +0.000000e+000 +1.000000e+030 "
        "(+1.000000e+000+2.000000e+000i)\n"
        "-5 18446744073709551615 +1.000000e-001 +1.000000e-300 -1.000000e+000 +1.234568e+008\n"
        "NaN +Inf -Inf +0.000000e+000 +1.000000e+100 +1.000000e+001 +5.000000e-001\n"
        "0x0 (0x0,0x0) 0x0 [0/0]0x0 false\n"
        "a12b\n"
        "\n";
    cr_expect(b.len == strlen(want) && memcmp(b.data, want, b.len) == 0, "got\n%.*s",
              (int)b.len, b.data);
    // Negative zero, which Go gets from a variable: -0.000000e+000.
    strconv_buf_init(&b, NULL, 0);
    builtin(&b, false, 1, type_float64, F64(-0.0));
    cr_expect(b.len == 14 && memcmp(b.data, "-0.000000e+000", 14) == 0);
    // Slices print [len/cap] and the address.
    strconv_buf_init(&b, NULL, 0);
    builtin(&b, false, 1, type_slice(type_int), INTS(1, 2, 3));
    cr_expect(b.len > 7 && memcmp(b.data, "[3/3]0x", 7) == 0);
}
