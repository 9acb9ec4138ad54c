// tests/unit/map.c: unit tests of runtime/map.c (Go maps, value hashing and
// equality). Suite `map`; `map_bench/speed` prints ns/op when
// GOLI_MAP_BENCH=1 is set and passes silently otherwise.
#include <criterion/criterion.h>

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "common/mem.h"
#include "runtime/map.h"
#include "runtime/type.h"
#include "runtime/value.h"

static void setup(void) {
    GC_INIT();
    type_init();
}

// ---- Helpers ----

static Map *int_map(int64_t hint) { return map_new(type_map(type_int, type_int), hint); }

static void set_int(Map *m, int64_t k, int64_t v) {
    int err = -1;
    int64_t *p = map_set(m, &k, &err);
    cr_assert_eq(err, MAP_OK);
    cr_assert_not_null(p);
    *p = v;
}

static int64_t *get_int(Map *m, int64_t k) {
    int err = -1;
    int64_t *p = map_get(m, &k, &err);
    cr_assert_eq(err, MAP_OK);
    return p;
}

static void del_int(Map *m, int64_t k) {
    int err = -1;
    map_delete(m, &k, &err);
    cr_assert_eq(err, MAP_OK);
}

// gs makes a Go string whose bytes live in fresh GC memory, so equal
// strings never share a pointer.
static GoString gs(const char *s) {
    size_t n = strlen(s);
    char *p = mem_alloc_atomic(n ? n : 1);
    memcpy(p, s, n);
    return gostr(p, (int64_t)n);
}

static Iface box_int(Type *t, int64_t v) {
    Iface i = { t, (uint64_t)v };
    return i;
}

static Iface box_str(const char *s) {
    GoString *p = mem_new(GoString);
    *p = gs(s);
    Iface i = { type_string, (uint64_t)(uintptr_t)p };
    return i;
}

static double neg_zero(void) { return copysign(0.0, -1.0); }

// ---- Integer keys ----

Test(map, int_keys_insert_lookup_delete_iterate, .init = setup) {
    enum { N = 100000 };
    Map *m = int_map(0);
    for (int64_t i = 0; i < N; i++) set_int(m, i * 7919 - 50000, i);
    cr_assert_eq(map_len(m), N);
    for (int64_t i = 0; i < N; i++) {
        int64_t *v = get_int(m, i * 7919 - 50000);
        cr_assert_not_null(v, "key %lld missing", (long long)i);
        cr_assert_eq(*v, i);
    }
    cr_assert_null(get_int(m, 1));       // 1 is no multiple of 7919 minus 50000
    for (int64_t i = 0; i < N; i += 2) del_int(m, i * 7919 - 50000);
    del_int(m, 12345678);                // absent: no effect
    cr_assert_eq(map_len(m), N / 2);
    for (int64_t i = 0; i < N; i++) {
        int64_t *v = get_int(m, i * 7919 - 50000);
        if (i % 2) cr_assert(v && *v == i);
        else cr_assert_null(v);
    }
    uint8_t *seen = mem_alloc(N);
    MapIter it;
    void *k, *v;
    int64_t n = 0;
    map_iter_init(&it, m);
    while (map_iter_next(&it, &k, &v)) {
        int64_t key = *(int64_t *)k, val = *(int64_t *)v;
        cr_assert_eq(key, val * 7919 - 50000);
        cr_assert(val % 2 == 1, "deleted key %lld produced", (long long)key);
        cr_assert_eq(seen[val], 0, "key %lld produced twice", (long long)key);
        seen[val] = 1;
        n++;
    }
    cr_assert_eq(n, N / 2);
}

Test(map, small_int_kinds, .init = setup) {
    // int8 keys (1 byte, byte-compared class) and int32 keys (4 bytes).
    Map *m8 = map_new(type_map(type_int8, type_int), 0);
    Map *m32 = map_new(type_map(type_int32, type_int), 0);
    int err;
    for (int i = -128; i < 128; i++) {
        int8_t k8 = (int8_t)i;
        int32_t k32 = i * 100000;
        *(int64_t *)map_set(m8, &k8, &err) = i;
        *(int64_t *)map_set(m32, &k32, &err) = i;
    }
    cr_assert_eq(map_len(m8), 256);
    cr_assert_eq(map_len(m32), 256);
    for (int i = -128; i < 128; i++) {
        int8_t k8 = (int8_t)i;
        int32_t k32 = i * 100000;
        cr_assert_eq(*(int64_t *)map_get(m8, &k8, &err), i);
        cr_assert_eq(*(int64_t *)map_get(m32, &k32, &err), i);
    }
    Map *mb = map_new(type_map(type_bool, type_int), 0);
    bool t = true, f = false;
    *(int64_t *)map_set(mb, &t, &err) = 1;
    *(int64_t *)map_set(mb, &f, &err) = 2;
    *(int64_t *)map_set(mb, &t, &err) = 3;
    cr_assert_eq(map_len(mb), 2);
    cr_assert_eq(*(int64_t *)map_get(mb, &t, &err), 3);
}

Test(map, pointer_keys, .init = setup) {
    Type *pt = type_pointer(type_int);
    Map *m = map_new(type_map(pt, type_int), 0);
    int64_t *objs[100];
    int err;
    for (int i = 0; i < 100; i++) {
        objs[i] = mem_new(int64_t);
        *(int64_t *)map_set(m, &objs[i], &err) = i;
    }
    for (int i = 0; i < 100; i++) cr_assert_eq(*(int64_t *)map_get(m, &objs[i], &err), i);
    int64_t *other = mem_new(int64_t);
    cr_assert_null(map_get(m, &other, &err));
}

Test(map, update_keeps_one_entry_and_new_values_are_zero, .init = setup) {
    Map *m = int_map(0);
    set_int(m, 5, 1);
    set_int(m, 5, 2);
    cr_assert_eq(map_len(m), 1);
    cr_assert_eq(*get_int(m, 5), 2);
    del_int(m, 5);
    int err;
    int64_t k = 5;
    int64_t *v = map_set(m, &k, &err);
    cr_assert_eq(*v, 0, "a reused slot must hold a zero value");
    // A pointer-free table is not zeroed by the allocator: fill, clear,
    // refill, and every new value must read zero.
    Map *big = map_new(type_map(type_int, type_array(type_int64, 4)), 0);
    for (int64_t i = 0; i < 1000; i++) {
        int64_t *a = map_set(big, &i, &err);
        for (int j = 0; j < 4; j++) a[j] = -1;
    }
    map_clear(big);
    for (int64_t i = 0; i < 1000; i++) {
        int64_t *a = map_set(big, &i, &err);
        for (int j = 0; j < 4; j++) cr_assert_eq(a[j], 0);
    }
}

// ---- String keys ----

Test(map, string_keys, .init = setup) {
    enum { N = 20000 };
    Map *m = map_new(type_map(type_string, type_int), 0);
    char buf[64];
    int err;
    for (int i = 0; i < N; i++) {
        snprintf(buf, sizeof buf, "key%d", i);
        GoString k = gs(buf);
        *(int64_t *)map_set(m, &k, &err) = i;
    }
    GoString empty = gostr(NULL, 0);
    *(int64_t *)map_set(m, &empty, &err) = -1;
    cr_assert_eq(map_len(m), N + 1);
    for (int i = 0; i < N; i++) {
        snprintf(buf, sizeof buf, "key%d", i);
        GoString k = gs(buf);   // same content, different memory
        int64_t *v = map_get(m, &k, &err);
        cr_assert(v && *v == i, "%s", buf);
    }
    GoString empty2 = gs("");
    cr_assert_eq(*(int64_t *)map_get(m, &empty2, &err), -1);
    GoString absent = gs("key-1");
    cr_assert_null(map_get(m, &absent, &err));
    for (int i = 0; i < N; i += 3) {
        snprintf(buf, sizeof buf, "key%d", i);
        GoString k = gs(buf);
        map_delete(m, &k, &err);
    }
    cr_assert_eq(map_len(m), N + 1 - (N + 2) / 3);
}

Test(map, string_keys_every_length, .init = setup) {
    // Lengths 0..80 cross each branch of the string hash; keys that differ
    // only in their last byte, or only in length, must stay apart.
    Map *m = map_new(type_map(type_string, type_int), 0);
    char buf[96];
    int err;
    for (int n = 0; n <= 80; n++) {
        for (int last = 0; last < 3; last++) {
            memset(buf, 'a', sizeof buf);
            if (n) buf[n - 1] = (char)('a' + last);
            else if (last) continue;
            buf[n] = 0;
            GoString k = gs(buf);
            *(int64_t *)map_set(m, &k, &err) = n * 10 + last;
        }
    }
    cr_assert_eq(map_len(m), 1 + 80 * 3);
    for (int n = 0; n <= 80; n++) {
        for (int last = 0; last < 3; last++) {
            memset(buf, 'a', sizeof buf);
            if (n) buf[n - 1] = (char)('a' + last);
            else if (last) continue;
            buf[n] = 0;
            GoString k = gs(buf);
            int64_t *v = map_get(m, &k, &err);
            cr_assert(v && *v == n * 10 + last, "length %d last %d", n, last);
        }
    }
}

Test(map, hashing_never_reads_past_a_key, .init = setup) {
    // Keys end right before an inaccessible page: one byte too far faults.
    long page = sysconf(_SC_PAGESIZE);
    uint8_t *mem = mmap(NULL, (size_t)page * 2, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    cr_assert_neq(mem, MAP_FAILED);
    cr_assert_eq(mprotect(mem + page, (size_t)page, PROT_NONE), 0);
    uint8_t *end = mem + page;
    memset(mem, 'z', (size_t)page);
    Map *m = map_new(type_map(type_string, type_int), 0);
    int err;
    for (int n = 0; n <= 100; n++) {
        GoString k = { end - n, n };
        *(int64_t *)map_set(m, &k, &err) = n;
        cr_assert_eq(*(int64_t *)map_get(m, &k, &err), n);
    }
    // Byte-compared keys of 1, 2, 3 and 12 bytes.
    Type *kinds[] = { type_int8, type_int16, type_array(type_uint8, 3), type_array(type_int32, 3) };
    for (int i = 0; i < 4; i++) {
        Map *mk = map_new(type_map(kinds[i], type_int), 0);
        const uint8_t *k = end - kinds[i]->size;
        *(int64_t *)map_set(mk, k, &err) = i;
        cr_assert_eq(*(int64_t *)map_get(mk, k, &err), i);
    }
    munmap(mem, (size_t)page * 2);
}

// ---- Struct and array keys ----

Test(map, struct_keys_ignore_padding, .init = setup) {
    // struct { a int8; b int64; c int16 }: 7 bytes of padding after a, 6
    // after c.
    Field f[] = { { .name = "a", .type = type_int8 }, { .name = "b", .type = type_int64 },
                  { .name = "c", .type = type_int16 } };
    Type *st = type_struct(3, f);
    cr_assert_eq(st->size, 24);
    Map *m = map_new(type_map(st, type_int), 0);
    uint8_t k1[24], k2[24], k3[24];
    memset(k1, 0xaa, sizeof k1);
    memset(k2, 0x55, sizeof k2);
    memset(k3, 0x00, sizeof k3);
    int8_t a = -3;
    int64_t b = 1234567890123;
    int16_t c = 77;
    for (uint8_t *k = k1; k; k = k == k1 ? k2 : k == k2 ? k3 : NULL) {
        memcpy(k + st->fields[0].offset, &a, 1);
        memcpy(k + st->fields[1].offset, &b, 8);
        memcpy(k + st->fields[2].offset, &c, 2);
    }
    int err;
    *(int64_t *)map_set(m, k1, &err) = 42;
    cr_assert_eq(err, MAP_OK);
    int64_t *v = map_get(m, k2, &err);
    cr_assert(v && *v == 42, "equal structs with different padding must be equal");
    *(int64_t *)map_set(m, k3, &err) = 43;
    cr_assert_eq(map_len(m), 1);
    int e2 = MAP_OK;
    cr_assert_eq(value_hash(st, k1, 99, &e2), value_hash(st, k2, 99, &e2));
    cr_assert(value_equal(st, k1, k3, &e2));
    c = 78;
    memcpy(k2 + st->fields[2].offset, &c, 2);
    cr_assert_null(map_get(m, k2, &err));
}

Test(map, struct_keys_skip_blank_fields, .init = setup) {
    Field f[] = { { .name = "a", .type = type_int32 }, { .name = "_", .type = type_int32 },
                  { .name = "b", .type = type_int64 } };
    Type *st = type_struct(3, f);
    Map *m = map_new(type_map(st, type_int), 0);
    int32_t k1[4] = { 1, 100, 2, 0 }, k2[4] = { 1, 200, 2, 0 }, k3[4] = { 1, 100, 3, 0 };
    int err;
    *(int64_t *)map_set(m, k1, &err) = 7;
    cr_assert_eq(*(int64_t *)map_get(m, k2, &err), 7);
    cr_assert_null(map_get(m, k3, &err));
    // Without padding or blanks a struct is compared as bytes.
    Field g[] = { { .name = "x", .type = type_int32 }, { .name = "y", .type = type_int32 } };
    Type *pt = type_struct(2, g);
    Map *mp = map_new(type_map(pt, type_string), 0);
    int32_t p1[2] = { 3, 4 }, p2[2] = { 4, 3 };
    *(GoString *)map_set(mp, p1, &err) = gs("p1");
    *(GoString *)map_set(mp, p2, &err) = gs("p2");
    GoString *s = map_get(mp, p1, &err);
    cr_assert(s && s->len == 2 && memcmp(s->ptr, "p1", 2) == 0);
    cr_assert_eq(map_len(mp), 2);
}

Test(map, zero_size_keys, .init = setup) {
    Type *empty = type_struct(0, NULL);
    Map *m = map_new(type_map(empty, type_int), 0);
    char k1 = 1, k2 = 2;   // zero-size keys: the bytes behind them do not count
    int err;
    *(int64_t *)map_set(m, &k1, &err) = 5;
    *(int64_t *)map_set(m, &k2, &err) = 6;
    cr_assert_eq(map_len(m), 1);
    cr_assert_eq(*(int64_t *)map_get(m, &k1, &err), 6);
    // map[struct{}]struct{}: slots of zero bytes.
    Map *z = map_new(type_map(empty, empty), 0);
    cr_assert_not_null(map_set(z, &k1, &err));
    cr_assert_not_null(map_get(z, &k2, &err), "a zero-size value is still present");
    cr_assert_eq(map_len(z), 1);
    MapIter it;
    void *k, *v;
    map_iter_init(&it, z);
    cr_assert(map_iter_next(&it, &k, &v));
    cr_assert_not(map_iter_next(&it, &k, &v));
    map_delete(z, &k2, &err);
    cr_assert_eq(map_len(z), 0);
    cr_assert_null(map_get(z, &k1, &err));
}

Test(map, array_keys, .init = setup) {
    int err;
    // [4]int32: 16 bytes compared as bytes.
    Map *mi = map_new(type_map(type_array(type_int32, 4), type_int), 0);
    for (int i = 0; i < 1000; i++) {
        int32_t k[4] = { i, i * 2, -i, 7 };
        *(int64_t *)map_set(mi, k, &err) = i;
    }
    for (int i = 0; i < 1000; i++) {
        int32_t k[4] = { i, i * 2, -i, 7 };
        cr_assert_eq(*(int64_t *)map_get(mi, k, &err), i);
    }
    int32_t miss[4] = { 1, 2, -1, 8 };
    cr_assert_null(map_get(mi, miss, &err));
    // [3]string: element by element, by content.
    Map *ms = map_new(type_map(type_array(type_string, 3), type_int), 0);
    GoString a[3] = { gs("x"), gs("yy"), gs("") }, b[3] = { gs("x"), gs("yy"), gs("") };
    GoString c[3] = { gs("x"), gs("y"), gs("y") };
    *(int64_t *)map_set(ms, a, &err) = 1;
    *(int64_t *)map_set(ms, c, &err) = 2;
    cr_assert_eq(*(int64_t *)map_get(ms, b, &err), 1);
    cr_assert_eq(map_len(ms), 2);
    // [2]float64: -0 equals +0 element-wise.
    Map *mf = map_new(type_map(type_array(type_float64, 2), type_int), 0);
    double f1[2] = { 0.0, 1.5 }, f2[2] = { neg_zero(), 1.5 };
    *(int64_t *)map_set(mf, f1, &err) = 9;
    cr_assert_eq(*(int64_t *)map_get(mf, f2, &err), 9);
}

// ---- Floats ----

Test(map, float_keys_zero_and_nan, .init = setup) {
    Map *m = map_new(type_map(type_float64, type_int), 0);
    int err;
    double pz = 0.0, nz = neg_zero(), nan = NAN, one = 1.0;
    *(int64_t *)map_set(m, &pz, &err) = 1;
    int64_t *v = map_get(m, &nz, &err);
    cr_assert(v && *v == 1, "-0 must find +0");
    *(int64_t *)map_set(m, &nz, &err) = 2;
    cr_assert_eq(map_len(m), 1);
    {
        // As in Go, an update stores the new key: the map now holds -0.
        MapIter it0;
        void *k0, *v0;
        map_iter_init(&it0, m);
        cr_assert(map_iter_next(&it0, &k0, &v0));
        cr_assert(signbit(*(double *)k0), "m[-0] = 2 must store the key -0");
    }
    cr_assert_eq(value_hash(type_float64, &pz, 5, NULL), value_hash(type_float64, &nz, 5, NULL));
    *(int64_t *)map_set(m, &one, &err) = 3;
    for (int i = 0; i < 3; i++) {
        *(int64_t *)map_set(m, &nan, &err) = 10 + i;
        cr_assert_eq(map_len(m), 3 + i, "each NaN insert adds an entry");
    }
    cr_assert_null(map_get(m, &nan, &err));
    map_delete(m, &nan, &err);
    cr_assert_eq(map_len(m), 5);
    int nans = 0, zeros = 0;
    MapIter it;
    void *k, *val;
    map_iter_init(&it, m);
    while (map_iter_next(&it, &k, &val)) {
        double d = *(double *)k;
        if (d != d) {
            nans++;
            cr_assert(*(int64_t *)val >= 10);
        } else if (d == 0) {
            zeros++;
            cr_assert_eq(*(int64_t *)val, 2);
        }
    }
    cr_assert_eq(nans, 3);
    cr_assert_eq(zeros, 1);
    map_delete(m, &pz, &err);
    cr_assert_eq(map_len(m), 4);
    map_clear(m);
    cr_assert_eq(map_len(m), 0);

    Map *m32 = map_new(type_map(type_float32, type_int), 0);
    float fz = 0.0f, fnz = -0.0f, fnan = NAN;
    *(int64_t *)map_set(m32, &fz, &err) = 1;
    cr_assert_not_null(map_get(m32, &fnz, &err));
    map_set(m32, &fnan, &err);
    map_set(m32, &fnan, &err);
    cr_assert_eq(map_len(m32), 3);
    cr_assert_null(map_get(m32, &fnan, &err));

    Map *mc = map_new(type_map(type_complex128, type_int), 0);
    double c1[2] = { 0.0, 2.0 }, c2[2] = { 2.0, neg_zero() }, c3[2] = { neg_zero(), 2.0 },
           c4[2] = { 2.0, 0.0 }, cn[2] = { 1.0, NAN };
    map_set(mc, c1, &err);
    map_set(mc, c2, &err);
    map_set(mc, c3, &err);
    map_set(mc, c4, &err);
    cr_assert_eq(map_len(mc), 2);
    map_set(mc, cn, &err);
    map_set(mc, cn, &err);
    cr_assert_eq(map_len(mc), 4);
    cr_assert_null(map_get(mc, cn, &err));
}

// ---- Interfaces ----

Test(map, interface_keys, .init = setup) {
    Map *m = map_new(type_map(type_any, type_int), 0);
    Type *myint = type_named("main", "MyInt", type_int);
    int err;
    Iface nil = { NULL, 0 };
    Iface i1 = box_int(type_int, 1), i64 = box_int(type_int64, 1), mi = box_int(myint, 1);
    Iface s1 = box_str("hello"), s2 = box_str("hello"), s3 = box_str("world");
    *(int64_t *)map_set(m, &nil, &err) = 100;
    cr_assert_eq(err, MAP_OK);
    *(int64_t *)map_set(m, &i1, &err) = 1;
    *(int64_t *)map_set(m, &i64, &err) = 2;
    *(int64_t *)map_set(m, &mi, &err) = 3;
    *(int64_t *)map_set(m, &s1, &err) = 4;
    cr_assert_eq(map_len(m), 5, "same value, different dynamic types: different keys");
    Iface nil2 = { NULL, 0 };
    cr_assert_eq(*(int64_t *)map_get(m, &nil2, &err), 100);
    Iface i1b = box_int(type_int, 1);
    cr_assert_eq(*(int64_t *)map_get(m, &i1b, &err), 1);
    cr_assert_eq(*(int64_t *)map_get(m, &i64, &err), 2);
    cr_assert_eq(*(int64_t *)map_get(m, &mi, &err), 3);
    cr_assert_eq(*(int64_t *)map_get(m, &s2, &err), 4);
    cr_assert_null(map_get(m, &s3, &err));
    Iface i2 = box_int(type_int, 2);
    cr_assert_null(map_get(m, &i2, &err));
    // A float inside an interface: -0 finds +0.
    double pz = 0.0, nz = neg_zero();
    Iface fz = { type_float64, 0 }, fnz = { type_float64, 0 };
    memcpy(&fz.data, &pz, 8);
    memcpy(&fnz.data, &nz, 8);
    *(int64_t *)map_set(m, &fz, &err) = 5;
    cr_assert_eq(*(int64_t *)map_get(m, &fnz, &err), 5);
    map_delete(m, &nil, &err);
    cr_assert_eq(map_len(m), 5);
    cr_assert_null(map_get(m, &nil, &err));
}

Test(map, interface_unhashable_dynamic_type, .init = setup) {
    Map *m = map_new(type_map(type_any, type_int), 0);
    Type *si = type_slice(type_int);
    GoSlice *sl = mem_new(GoSlice);
    Iface bad = { si, (uint64_t)(uintptr_t)sl };
    int err = MAP_OK;
    // Even an empty map reports it, as Go's hashMightPanic does.
    cr_assert_null(map_get(m, &bad, &err));
    cr_assert_eq(err, MAP_UNHASHABLE);
    cr_assert_eq(map_unhashable_type(), si);
    err = MAP_OK;
    cr_assert_null(map_set(m, &bad, &err));
    cr_assert_eq(err, MAP_UNHASHABLE);
    cr_assert_eq(map_len(m), 0);
    err = MAP_OK;
    map_delete(m, &bad, &err);
    cr_assert_eq(err, MAP_UNHASHABLE);
    // Nested: a struct key whose interface field holds a map.
    Field f[] = { { .name = "k", .type = type_any }, { .name = "n", .type = type_int } };
    Type *st = type_struct(2, f);
    Map *ms = map_new(type_map(st, type_int), 0);
    Type *mt = type_map(type_string, type_int);
    struct { Iface k; int64_t n; } key = { { mt, 0 }, 3 };
    err = MAP_OK;
    cr_assert_null(map_set(ms, &key, &err));
    cr_assert_eq(err, MAP_UNHASHABLE);
    cr_assert_eq(map_unhashable_type(), mt);
    // value_equal: same uncomparable type fails, different types are unequal.
    Iface bad2 = { si, (uint64_t)(uintptr_t)sl }, other = box_int(type_int, 0);
    err = MAP_OK;
    cr_assert_not(value_equal(type_any, &bad, &bad2, &err));
    cr_assert_eq(err, MAP_UNHASHABLE);
    err = MAP_OK;
    cr_assert_not(value_equal(type_any, &bad, &other, &err));
    cr_assert_eq(err, MAP_OK);
}

// ---- Nil maps, clear, hints ----

Test(map, nil_map, .init = setup) {
    int err = -1;
    int64_t k = 1;
    cr_assert_eq(map_len(NULL), 0);
    cr_assert_null(map_get(NULL, &k, &err));
    cr_assert_eq(err, MAP_OK);
    map_delete(NULL, &k, &err);
    map_clear(NULL);
    MapIter it;
    void *kp, *vp;
    map_iter_init(&it, NULL);
    cr_assert_not(map_iter_next(&it, &kp, &vp));
    // An empty map made without a hint behaves the same way.
    Map *m = int_map(0);
    cr_assert_null(get_int(m, 1));
    del_int(m, 1);
    map_clear(m);
    map_iter_init(&it, m);
    cr_assert_not(map_iter_next(&it, &kp, &vp));
}

Test(map, clear_keeps_capacity, .init = setup) {
    Map *m = int_map(0);
    for (int64_t i = 0; i < 1000; i++) set_int(m, i, i);
    MapIter it;
    void *k, *v;
    map_iter_init(&it, m);
    cr_assert(map_iter_next(&it, &k, &v));
    map_clear(m);
    cr_assert_eq(map_len(m), 0);
    cr_assert_not(map_iter_next(&it, &k, &v), "clear ends a running iteration");
    for (int64_t i = 0; i < 1000; i++) cr_assert_null(get_int(m, i));
    size_t before = GC_get_total_bytes();
    for (int64_t i = 0; i < 1000; i++) set_int(m, i + 5000, i);
    cr_assert_eq(GC_get_total_bytes(), before, "refilling a cleared map must not allocate");
    cr_assert_eq(map_len(m), 1000);
    cr_assert_eq(*get_int(m, 5999), 999);
    cr_assert_null(get_int(m, 999));
}

Test(map, hint_preallocates, .init = setup) {
    Map *m = int_map(1000);
    size_t before = GC_get_total_bytes();
    for (int64_t i = 0; i < 1000; i++) set_int(m, i * 31, i);
    cr_assert_eq(GC_get_total_bytes(), before, "a map made with hint 1000 holds 1000 entries");
    Map *huge = int_map((int64_t)1 << 62);   // ignored, as Go ignores it
    set_int(huge, 1, 1);
    cr_assert_eq(map_len(huge), 1);
    Map *neg = int_map(-5);
    set_int(neg, 1, 1);
    cr_assert_eq(*get_int(neg, 1), 1);
}

Test(map, delete_insert_churn, .init = setup) {
    // A sliding window of keys: tombstones must not make the table grow
    // without bound nor lose entries.
    Map *m = int_map(0);
    size_t before = GC_get_total_bytes();
    for (int64_t i = 0; i < 200000; i++) {
        set_int(m, i, i);
        if (i >= 100) del_int(m, i - 100);
    }
    size_t spent = GC_get_total_bytes() - before;
    cr_assert_lt(spent, (size_t)4 << 20, "a window of 100 keys allocated %zu bytes", spent);
    cr_assert_eq(map_len(m), 100);
    for (int64_t i = 200000 - 100; i < 200000; i++) cr_assert_eq(*get_int(m, i), i);
    cr_assert_null(get_int(m, 200000 - 101));
}

// ---- Iteration ----

// iter_order records the keys of one iteration of m into out.
static int iter_order(Map *m, int64_t *out, int cap) {
    MapIter it;
    void *k, *v;
    int n = 0;
    map_iter_init(&it, m);
    while (map_iter_next(&it, &k, &v)) {
        cr_assert_lt(n, cap);
        out[n++] = *(int64_t *)k;
    }
    return n;
}

Test(map, iteration_order_varies, .init = setup) {
    Map *m = int_map(0);
    for (int64_t i = 0; i < 20; i++) set_int(m, i, i);
    int64_t first[20], again[20];
    cr_assert_eq(iter_order(m, first, 20), 20);
    int differ = 0, first_keys_differ = 0;
    for (int r = 0; r < 20; r++) {
        cr_assert_eq(iter_order(m, again, 20), 20);
        if (memcmp(first, again, sizeof first) != 0) differ++;
        if (again[0] != first[0]) first_keys_differ++;
    }
    cr_assert_gt(differ, 10, "iteration order must vary (%d of 20 differed)", differ);
    cr_assert_gt(first_keys_differ, 5);
}

Test(map, delete_during_iteration, .init = setup) {
    enum { N = 1000 };
    Map *m = int_map(0);
    for (int64_t i = 0; i < N; i++) set_int(m, i, i);
    uint8_t *seen = mem_alloc(N), *deleted = mem_alloc(N);
    MapIter it;
    void *k, *v;
    map_iter_init(&it, m);
    while (map_iter_next(&it, &k, &v)) {
        int64_t key = *(int64_t *)k;
        cr_assert_eq(*(int64_t *)v, key);
        cr_assert_not(deleted[key], "deleted key %lld produced", (long long)key);
        cr_assert_not(seen[key], "key %lld produced twice", (long long)key);
        seen[key] = 1;
        int64_t partner = key ^ 1;
        if (!seen[partner] && !deleted[partner]) {
            del_int(m, partner);
            deleted[partner] = 1;
        }
        del_int(m, key);   // deleting the current entry is fine too
        deleted[key] = 1;
    }
    for (int i = 0; i < N; i++) cr_assert(seen[i] || deleted[i]);
    cr_assert_eq(map_len(m), 0);
}

Test(map, insert_during_iteration_with_growth, .init = setup) {
    enum { ORIG = 50, ADD = 20, MAXK = ORIG + ORIG * ADD * 2 };
    for (int round = 0; round < 20; round++) {
        Map *m = int_map(0);
        for (int64_t i = 0; i < ORIG; i++) set_int(m, i, i * 10);
        int64_t next = ORIG;
        uint8_t *seen = mem_alloc(MAXK);
        MapIter it;
        void *k, *v;
        map_iter_init(&it, m);
        while (map_iter_next(&it, &k, &v)) {
            int64_t key = *(int64_t *)k;
            cr_assert(key >= 0 && key < MAXK);
            cr_assert_eq(*(int64_t *)v, key * 10);
            cr_assert_not(seen[key], "key %lld produced twice", (long long)key);
            seen[key] = 1;
            for (int j = 0; j < ADD && next < MAXK; j++, next++) set_int(m, next, next * 10);
        }
        for (int i = 0; i < ORIG; i++) cr_assert(seen[i], "original key %d not produced", i);
        cr_assert_eq(map_len(m), next);
    }
}

Test(map, writes_after_growth_during_iteration, .init = setup) {
    // The first step grows the map far past its table; then deletes and
    // updates of entries not yet reached must show in what is produced.
    enum { ORIG = 200, ADD = 5000 };
    for (int round = 0; round < 10; round++) {
        Map *m = int_map(0);
        for (int64_t i = 0; i < ORIG; i++) set_int(m, i, i);
        uint8_t *seen = mem_alloc(ORIG + ADD), *deleted = mem_alloc(ORIG);
        MapIter it;
        void *k, *v;
        bool first = true;
        int produced = 0;
        map_iter_init(&it, m);
        while (map_iter_next(&it, &k, &v)) {
            int64_t key = *(int64_t *)k, val = *(int64_t *)v;
            cr_assert_not(seen[key], "key %lld produced twice", (long long)key);
            seen[key] = 1;
            produced++;
            if (key < ORIG) {
                cr_assert_not(deleted[key], "deleted key %lld produced", (long long)key);
                cr_assert_eq(val, first ? key : -key - 1000, "stale value for %lld", (long long)key);
            }
            if (first) {
                first = false;
                for (int64_t i = ORIG; i < ORIG + ADD; i++) set_int(m, i, i);
                for (int64_t i = 0; i < ORIG; i++) {
                    if (seen[i]) continue;
                    if (i % 3 == 0) {
                        del_int(m, i);
                        deleted[i] = 1;
                    } else {
                        set_int(m, i, -i - 1000);
                    }
                }
            }
        }
        for (int i = 0; i < ORIG; i++) cr_assert(seen[i] != deleted[i], "key %d", i);
        cr_assert_gt(produced, 0);
    }
}

Test(map, nan_keys_survive_growth_during_iteration, .init = setup) {
    Map *m = map_new(type_map(type_float64, type_int), 0);
    int err;
    double nan = NAN;
    for (int i = 0; i < 3; i++) *(int64_t *)map_set(m, &nan, &err) = i;
    for (int i = 0; i < 3; i++) {
        double d = i + 1;
        *(int64_t *)map_set(m, &d, &err) = 100;
    }
    int nans = 0, others = 0;
    bool grown = false;
    MapIter it;
    void *k, *v;
    map_iter_init(&it, m);
    while (map_iter_next(&it, &k, &v)) {
        double d = *(double *)k;
        if (d != d) nans++;
        else if (d < 10) others++;
        if (!grown) {
            grown = true;
            for (int i = 0; i < 1000; i++) {
                double e = 1000 + i;
                map_set(m, &e, &err);
            }
        }
    }
    cr_assert_eq(nans, 3, "each NaN entry is produced once, also from a stale table");
    cr_assert_eq(others, 3);
}

Test(map, clear_after_growth_ends_iteration, .init = setup) {
    // The iterator's table is stale and holds NaN entries, which it would
    // yield from there; after clear nothing may be produced.
    Map *m = map_new(type_map(type_float64, type_int), 0);
    int err;
    double nan = NAN;
    for (int i = 0; i < 50; i++) map_set(m, &nan, &err);
    MapIter it;
    void *k, *v;
    map_iter_init(&it, m);
    cr_assert(map_iter_next(&it, &k, &v));
    for (int i = 0; i < 1000; i++) {
        double d = i;
        map_set(m, &d, &err);
    }
    map_clear(m);
    cr_assert_not(map_iter_next(&it, &k, &v));
}

Test(map, string_map_iteration_with_growth, .init = setup) {
    Map *m = map_new(type_map(type_string, type_string), 0);
    char buf[32];
    int err;
    for (int i = 0; i < 100; i++) {
        snprintf(buf, sizeof buf, "k%d", i);
        GoString k = gs(buf);
        *(GoString *)map_set(m, &k, &err) = k;
    }
    int n = 0, added = 0;
    MapIter it;
    void *k, *v;
    map_iter_init(&it, m);
    while (map_iter_next(&it, &k, &v)) {
        const GoString *ks = k, *vs = v;
        cr_assert(ks->len == vs->len && memcmp(ks->ptr, vs->ptr, (size_t)ks->len) == 0);
        if (ks->ptr[0] == 'k') n++;
        for (int j = 0; j < 30; j++, added++) {
            snprintf(buf, sizeof buf, "new%d", added);
            GoString nk = gs(buf);
            *(GoString *)map_set(m, &nk, &err) = nk;
        }
    }
    cr_assert_eq(n, 100);
}

// model_check runs random sets, deletes, clears and iterations with random
// writes against a plain array of K keys, for a map[int]int (boxed: map[any]int).
static void model_check(bool boxed, uint64_t seed) {
    enum { K = 3000, OPS = 200000 };
    Map *m = map_new(boxed ? type_map(type_any, type_int) : type_map(type_int, type_int), 0);
    int64_t *val = mem_alloc(K * sizeof *val);
    uint8_t *in = mem_alloc(K), *seen = mem_alloc(K), *stable = mem_alloc(K);
    int64_t len = 0;
    uint64_t r = seed;
#define RND() (r = r * 6364136223846793005ull + 1442695040888963407ull, (r >> 33))
    int err;
    for (int op = 0; op < OPS; op++) {
        int64_t key = (int64_t)(RND() % K);
        Iface box = box_int(type_int, key);
        void *kp = boxed ? (void *)&box : (void *)&key;
        unsigned what = (unsigned)(RND() % 100);
        if (what < 55) {
            int64_t *v = map_set(m, kp, &err);
            if (!in[key]) {
                cr_assert_eq(*v, 0);
                len++;
            }
            in[key] = 1;
            *v = val[key] = (int64_t)RND();
        } else if (what < 90) {
            map_delete(m, kp, &err);
            if (in[key]) len--;
            in[key] = 0;
        } else if (what < 99) {
            int64_t *v = map_get(m, kp, &err);
            cr_assert_eq(v != NULL, in[key] != 0, "op %d key %lld", op, (long long)key);
            if (v) cr_assert_eq(*v, val[key]);
        } else if (RND() % 20 == 0) {
            map_clear(m);
            memset(in, 0, K);
            len = 0;
        } else {
            // Iterate, writing at random meanwhile.
            memset(seen, 0, K);
            memcpy(stable, in, K);   // present at the start, cleared when touched
            MapIter it;
            void *k, *v;
            map_iter_init(&it, m);
            while (map_iter_next(&it, &k, &v)) {
                int64_t kk = boxed ? (int64_t)((Iface *)k)->data : *(int64_t *)k;
                cr_assert(kk >= 0 && kk < K);
                cr_assert_not(seen[kk], "entry %lld produced twice", (long long)kk);
                cr_assert(in[kk], "absent key %lld produced", (long long)kk);
                cr_assert_eq(*(int64_t *)v, val[kk]);
                seen[kk] = 1;
                for (int j = (int)(RND() % 4); j > 0; j--) {
                    int64_t w = (int64_t)(RND() % K);
                    Iface wb = box_int(type_int, w);
                    void *wp = boxed ? (void *)&wb : (void *)&w;
                    stable[w] = 0;
                    if (RND() % 3) {
                        int64_t *nv = map_set(m, wp, &err);
                        if (!in[w]) len++;
                        in[w] = 1;
                        *nv = val[w] = (int64_t)RND();
                    } else {
                        map_delete(m, wp, &err);
                        if (in[w]) len--;
                        in[w] = 0;
                        seen[w] = 0;   // a later insert is a new entry, which may be produced
                    }
                }
            }
            for (int i = 0; i < K; i++)
                if (stable[i]) cr_assert(seen[i], "untouched key %d not produced", i);
        }
        cr_assert_eq(map_len(m), len);
    }
#undef RND
}

Test(map, random_ops_match_model, .init = setup, .timeout = 60.0) {
    model_check(false, 1);
    model_check(false, 2);
}

Test(map, random_ops_match_model_interface_keys, .init = setup, .timeout = 60.0) {
    model_check(true, 3);
}

// ---- Concurrent misuse ----

static void exit_hook(const char *msg) {
    if (strcmp(msg, "concurrent map writes") == 0) _exit(2);
    if (strcmp(msg, "concurrent map read and map write") == 0) _exit(3);
    _exit(1);
}

static void *writer(void *arg) {
    Map *m = arg;
    for (int64_t i = 0;; i++) {
        int64_t k = i & 1023;
        int err;
        *(int64_t *)map_set(m, &k, &err) = i;
    }
    return NULL;
}

static void *reader(void *arg) {
    Map *m = arg;
    int64_t sum = 0;
    for (int64_t i = 0;; i++) {
        int64_t k = i & 1023;
        int err;
        int64_t *v = map_get(m, &k, &err);
        if (v) sum += *v;
    }
    return (void *)(intptr_t)sum;
}

// prefill puts the keys the threads use in place first, so racing writes
// only update values and the table never grows under them.
static Map *prefill(void) {
    Map *m = int_map(0);
    for (int64_t i = 0; i < 1024; i++) set_int(m, i, i);
    return m;
}

Test(map, concurrent_writes_are_fatal, .init = setup, .exit_code = 2, .timeout = 20.0) {
    map_fatal_hook = exit_hook;
    Map *m = prefill();
    pthread_t a, b;
    pthread_create(&a, NULL, writer, m);
    pthread_create(&b, NULL, writer, m);
    pthread_join(a, NULL);
}

Test(map, concurrent_read_and_write_are_fatal, .init = setup, .exit_code = 3, .timeout = 20.0) {
    map_fatal_hook = exit_hook;
    Map *m = prefill();
    pthread_t a, b;
    pthread_create(&a, NULL, writer, m);
    pthread_create(&b, NULL, reader, m);
    pthread_join(b, NULL);
}

// ---- Speed (manual: GOLI_MAP_BENCH=1 build/unit_tests --filter 'map_bench/*') ----

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

Test(map_bench, speed, .init = setup, .timeout = 120.0) {
    if (!getenv("GOLI_MAP_BENCH")) return;
    enum { N = 1000000 };
    int err;
    for (int rep = 0; rep < 3; rep++) {
        Map *m = int_map(0);
        double t0 = now_ns();
        for (int64_t i = 0; i < N; i++) {
            int64_t k = i * 7919;
            *(int64_t *)map_set(m, &k, &err) = i;
        }
        double t1 = now_ns();
        int64_t sum = 0;
        for (int64_t i = 0; i < N; i++) {
            int64_t k = i * 7919;
            sum += *(int64_t *)map_get(m, &k, &err);
        }
        double t2 = now_ns();
        MapIter it;
        void *k, *v;
        map_iter_init(&it, m);
        while (map_iter_next(&it, &k, &v)) sum += *(int64_t *)v;
        double t3 = now_ns();

        GoString *keys = mem_alloc(N * sizeof *keys);
        char buf[32];
        for (int i = 0; i < N; i++) {
            snprintf(buf, sizeof buf, "key%d", i);
            keys[i] = gs(buf);
        }
        Map *ms = map_new(type_map(type_string, type_int), 0);
        double t4 = now_ns();
        for (int i = 0; i < N; i++) *(int64_t *)map_set(ms, &keys[i], &err) = i;
        double t5 = now_ns();
        for (int i = 0; i < N; i++) sum += *(int64_t *)map_get(ms, &keys[i], &err);
        double t6 = now_ns();
        Map *mh = int_map(N);
        double t7 = now_ns();
        for (int64_t i = 0; i < N; i++) {
            int64_t kk = i * 7919;
            *(int64_t *)map_set(mh, &kk, &err) = i;
        }
        double t8 = now_ns();
        fprintf(stderr,
                "int insert %.1f lookup %.1f iter %.1f hinted insert %.1f | "
                "str insert %.1f lookup %.1f ns/op (%lld)\n",
                (t1 - t0) / N, (t2 - t1) / N, (t3 - t2) / N, (t8 - t7) / N, (t5 - t4) / N,
                (t6 - t5) / N, (long long)sum);
    }
}
