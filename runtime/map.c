// runtime/map.c: Go maps as a Swiss-style open-addressing table, and the
// hashing and equality of every comparable type. The contract is
// runtime/map.h; the design is this banner.
//
// Table
// - A map owns one array of groups. A group is 8 control bytes followed by
//   8 slots; a slot is a key and its value in Go layout (key, padding to the
//   value's alignment, value, padding to the slot's alignment).
// - A control byte is EMPTY (0x80), DELETED (0xfe, a tombstone) or FULL:
//   0x00-0x7f, the low 7 bits of the key's hash (h2). The other bits (h1 =
//   hash >> 7) choose the first group; a probe then steps 1, 2, 3, ...
//   groups (triangular numbers), which visits every group of a power-of-two
//   table. A probed group is tested 8 slots at a time by SWAR arithmetic on
//   its control word: the slots whose h2 matches (then the keys), and
//   whether the group has an EMPTY slot, which ends the search. This is the
//   layout of Abseil's and Go 1.24's Swiss tables, with Go's portable 8-byte
//   groups, so no SSE is needed.
//
// Invariants
// - Every table keeps an EMPTY slot, so every probe ends: filling an EMPTY
//   slot spends growth_left, which starts at 7/8 of the slots, and when it is
//   spent insert_kc grows the table first.
// - Entries never move within a table: an insert, update or delete touches
//   its own slot only. delete_kc marks a slot EMPTY when its group still has
//   an EMPTY slot (no probe ever went past that group), else DELETED.
// - A table is never written once it is replaced. grow_kc copies the live
//   entries into a new table, twice the size, or the same size when at most
//   half of the used slots are live (that drops the tombstones). The old
//   table stays readable as long as an iterator holds it.
// - count is the number of FULL slots, so map_len is O(1); map_clear resets
//   the control bytes in place and keeps the table (Go's clear).
//
// Iteration
// - map_iter_init draws a random start group, a random odd group stride
//   (tables of up to 64 groups; larger ones walk in memory order, stride 1)
//   and a random slot rotation: slot (j + rot) % 8 of group (start + k *
//   stride) % ngroups, for k and j counting up, is a permutation of the
//   slots that differs from one range loop to the next (Go starts at a
//   random bucket and offset). The iterator keeps the table it started on,
//   its snapshot.
// - While the snapshot is the map's table, the iterator yields the FULL
//   slots it reaches: an entry deleted before its turn is no longer FULL; an
//   entry added during the loop is yielded if its slot is still ahead.
// - Once the map has grown, the snapshot still says which entries there
//   were and in which order, but not which were deleted since, nor their
//   current values. So for each FULL slot of the snapshot the iterator looks
//   the key up in the current table and yields what it finds there, or
//   skips the key if it is gone. A key not equal to itself (a NaN inside)
//   can be neither found nor deleted: it is yielded from the snapshot, as Go
//   does. map_clear, the one way such a key goes, bumps clear_seq, which
//   ends every iteration under way.
// - So each slot of a snapshot is visited once: no entry is produced twice,
//   and each entry present from map_iter_init until its turn is produced
//   exactly once, even if the map grows meanwhile (iter_stale).
//
// Hashing
// - Each map has its own random seed (Go's hash0): orders differ between
//   maps, and copying one map into another does not replay its clustering.
// - map_new picks a key class: KC_U64 and KC_U32 for "regular memory" keys
//   of 8 and 4 bytes (ints, pointers, chans, structs and arrays of those
//   without padding), KC_STR for strings, KC_MEM for other regular memory
//   (hashed and compared as bytes), KC_ANY for the rest (floats, complex,
//   interfaces, padded structs, blank fields), which value_hash and
//   value_equal walk by type: padding is never read, fields named "_" are
//   skipped, +0 equals -0 and hashes alike, a NaN hashes at random. Every
//   operation is written once as an always-inline function of the class, and
//   each entry point switches once into a copy specialised for its class.
// - The mixer multiplies 64 x 64 -> 128 bits and folds the halves together
//   (the idea of wyhash), written here; strings are read 16 bytes at a time
//   and never past their end.
//
// Rejected
// - Go's classic buckets with overflow chains and incremental evacuation:
//   every lookup then checks the old table and every iterator must follow
//   the evacuation state; incremental growth serves latency goals that an
//   interpreter does not have. Growth here copies at once, amortised O(1).
// - A dense insertion-ordered entry array with a separate index (CPython's
//   dict): iteration would be insertion order rotated, which programs would
//   come to rely on; compaction moves entries under running iterators; each
//   lookup touches two arrays.
// - Linear probing with backward-shift deletion: deletion moves entries, so
//   an iterator could miss one or see one twice.
// - Storing the full hash per slot: it saves rehashing at growth but costs 8
//   bytes a slot; h2 already rejects 127 of 128 mismatches.
// - Keys or values bigger than 128 bytes are stored inline too (Go stores
//   them out of line); growth copies them, which is correct, only slower.
//
// Memory: a table holding no pointers is GC_MALLOC_ATOMIC, neither scanned
// nor zeroed; only FULL slots are read, and an insert writes the whole key
// and zeroes the value. A scanned table zeroes a slot when its entry is
// deleted, so the slot keeps nothing alive.
//
// Concurrency: like Go's hashWriting flag, `writing` is set for the length
// of a write; a write or read that sees it set reports the fatal error
// through map_fatal_hook. Best effort, with relaxed atomics and no lock.
#include "runtime/map.h"
#include "runtime/value.h"
#include "common/mem.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include "runtime/fastrand.h"
#include <time.h>

#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "runtime/map.c: the SWAR group code assumes a little-endian target"
#endif

#define ALWAYS_INLINE inline __attribute__((always_inline))

enum {
    GROUP_SLOTS = 8,
    CTRL_EMPTY = 0x80,
    CTRL_DELETED = 0xfe,
};

#define LSB 0x0101010101010101ull   // the low bit of each control byte
#define MSB 0x8080808080808080ull   // the high bit of each control byte

// Key classes: which hash and equality a map's operations are specialised
// for (see the banner).
enum { KC_U64, KC_U32, KC_STR, KC_MEM, KC_ANY };

// Map is a map value's header. Like a Go map it has no lock: the program
// must not write it while another goroutine uses it; `writing` only
// detects that misuse, on a best-effort basis.
struct Map {
    uint8_t *groups;        // the table, (gmask + 1) groups; empty_group before the first insert
    uint64_t gmask;         // number of groups - 1 (a power of two - 1)
    int64_t count;          // FULL slots: the map's length
    int64_t growth_left;    // EMPTY slots inserts may fill before the table grows
    uint64_t seed;          // this map's hash seed
    uint64_t clear_seq;     // bumped by map_clear; a running iteration stops when it moves
    _Atomic uint8_t writing;// a write is under way (concurrent-write detection)
    uint8_t kc;             // key class, KC_*
    bool has_ptr;           // key or value holds pointers: the table is scanned
    bool reflexive;         // k == k for every key (no float or interface inside)
    bool might_fail;        // hashing a key may fail (an interface inside)
    bool key_update;        // an update overwrites the stored key (+0 by -0; fresh string)
    uint32_t key_size;
    uint32_t val_size;
    uint32_t val_off;       // value's offset in a slot
    uint32_t slot_size;
    uint32_t group_size;    // 8 control bytes + 8 slots
    Type *type, *key, *val;
};

// empty_group is the table of every map before its first insert: one group
// of EMPTY slots and growth_left 0, so lookups fail and the first insert
// grows. It is never written (map_clear and delete_kc cannot reach a write).
static uint64_t empty_group = MSB;

// ---- Fatal errors ----

static void default_fatal(const char *msg) {
    fprintf(stderr, "fatal error: %s\n", msg);
    exit(2);
}

void (*map_fatal_hook)(const char *msg) = default_fatal;

static void map_fatal(const char *msg) __attribute__((noreturn, cold));
static void map_fatal(const char *msg) {
    map_fatal_hook(msg);
    abort();   // the hook must not return
}

static void map_bug(const char *msg) __attribute__((noreturn, cold));
static void map_bug(const char *msg) {
    fprintf(stderr, "goli: internal error: %s\n", msg);
    abort();
}

static inline void read_check(const Map *m) {
    if (atomic_load_explicit(&m->writing, memory_order_relaxed))
        map_fatal("concurrent map read and map write");
}

static inline void write_begin(Map *m) {
    if (atomic_load_explicit(&m->writing, memory_order_relaxed))
        map_fatal("concurrent map writes");
    atomic_store_explicit(&m->writing, 1, memory_order_relaxed);
}

static inline void write_end(Map *m) {
    if (!atomic_load_explicit(&m->writing, memory_order_relaxed))
        map_fatal("concurrent map writes");
    atomic_store_explicit(&m->writing, 0, memory_order_relaxed);
}

// ---- Hash primitives ----

// Odd 64-bit constants: the golden ratio and splitmix64's multipliers.
#define K0 0x9e3779b97f4a7c15ull
#define K1 0xbf58476d1ce4e5b9ull
#define K2 0x94d049bb133111ebull
#define K3 0xd6e8feb86659fd93ull

static inline uint64_t load64(const void *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static inline uint32_t load32(const void *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static inline uint16_t load16(const void *p) { uint16_t v; memcpy(&v, p, 2); return v; }
static inline void store64(void *p, uint64_t v) { memcpy(p, &v, 8); }

// mum multiplies to 128 bits and folds the halves: every input bit reaches
// the middle bits of the result.
static inline uint64_t mum(uint64_t a, uint64_t b) {
    __uint128_t r = (__uint128_t)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
}

// hash_word hashes one integer of up to 8 bytes.
static inline uint64_t hash_word(uint64_t k, uint64_t seed) {
    return mum(mum(k ^ seed ^ K0, k ^ K1) ^ K2, seed ^ K3);
}

// hash_bytes hashes n bytes at p, reading none past p + n.
static inline uint64_t hash_bytes(const uint8_t *p, size_t n, uint64_t seed) {
    uint64_t a, b;
    if (n <= 16) {
        if (n >= 4) {
            size_t q = (n >> 3) << 2;   // 0 for 4..7 bytes, 4 for 8..16
            a = (uint64_t)load32(p) << 32 | load32(p + q);
            b = (uint64_t)load32(p + n - 4) << 32 | load32(p + n - 4 - q);
        } else if (n > 0) {
            a = (uint64_t)p[0] << 16 | (uint64_t)p[n >> 1] << 8 | p[n - 1];
            b = 0;
        } else {
            a = b = 0;
        }
    } else {
        size_t i = n;
        while (i > 16) {
            seed = mum(load64(p) ^ K1, load64(p + 8) ^ seed);
            p += 16;
            i -= 16;
        }
        a = load64(p + i - 16);
        b = load64(p + i - 8);
    }
    return mum(K2 ^ n, mum(a ^ K1, b ^ seed));
}

// ---- Random numbers ----

static _Atomic uint64_t process_seed;
static __thread uint64_t rng;   // per-thread generator state (an integer: fine unscanned)

static uint64_t get_process_seed(void) {
    uint64_t s = atomic_load_explicit(&process_seed, memory_order_relaxed);
    if (s) return s;
    if (getrandom(&s, sizeof s, GRND_NONBLOCK) != (ssize_t)sizeof s) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        s = mum((uint64_t)ts.tv_nsec ^ K0, (uint64_t)ts.tv_sec ^ (uintptr_t)&ts);
    }
    s |= 1;
    atomic_store_explicit(&process_seed, s, memory_order_relaxed);
    return s;
}

// rand64 is a fast per-thread generator (a Weyl sequence through mum).
uint64_t rt_rand64(void) {
    if (!rng) rng = mum(get_process_seed() ^ K2, (uintptr_t)&rng ^ K3) | 1;
    rng += K0;
    return mum(rng, rng ^ K1);
}

// ---- Hashing and equality by type ----

static __thread Type *unhashable;   // the last unhashable type on this thread;
                                    // types stay reachable elsewhere, so unscanned is fine

Type *map_unhashable_type(void) { return unhashable; }

static void fail_unhashable(const Type *t, int *err) {
    unhashable = (Type *)t;
    if (err) *err = MAP_UNHASHABLE;
}

// is_scalar_mem says whether t is a scalar compared by its bytes.
static bool is_scalar_mem(const Type *t) {
    switch (t->kind) {
    case K_BOOL: case K_INT: case K_INT8: case K_INT16: case K_INT32: case K_INT64:
    case K_UINT: case K_UINT8: case K_UINT16: case K_UINT32: case K_UINT64: case K_UINTPTR:
    case K_POINTER: case K_CHAN: case K_UNSAFE_POINTER:
        return true;
    default:
        return false;
    }
}

// is_mem says whether t's equality is equality of all its bytes: no
// floats, strings or interfaces inside, no padding and no blank fields.
static bool is_mem(const Type *t) {
    if (is_scalar_mem(t)) return true;
    if (t->kind == K_ARRAY) return t->len == 0 || is_mem(t->elem);
    if (t->kind != K_STRUCT) return false;
    uint32_t end = 0;
    for (int i = 0; i < t->nfields; i++) {
        const Field *f = &t->fields[i];
        if (strcmp(f->name, "_") == 0 || f->offset != end || !is_mem(f->type)) return false;
        end = f->offset + f->type->size;
    }
    return end == t->size;
}

// contains reports whether a value of type t holds a float or complex
// (floats) or an interface (ifaces) anywhere inside.
static bool contains(const Type *t, bool floats, bool ifaces) {
    switch (t->kind) {
    case K_FLOAT32: case K_FLOAT64: case K_COMPLEX64: case K_COMPLEX128: return floats;
    case K_INTERFACE: return ifaces;
    case K_ARRAY: return t->len > 0 && contains(t->elem, floats, ifaces);
    case K_STRUCT:
        for (int i = 0; i < t->nfields; i++)
            if (strcmp(t->fields[i].name, "_") != 0 && contains(t->fields[i].type, floats, ifaces))
                return true;
        return false;
    default:
        return false;
    }
}

static uint64_t hash_f64(double f, uint64_t seed) {
    if (f == 0) return hash_word(0, seed);              // +0 and -0
    if (f != f) return hash_word(rt_rand64(), seed ^ K2);  // every NaN differs
    uint64_t bits;
    memcpy(&bits, &f, 8);
    return hash_word(bits, seed);
}

static uint64_t hash_f32(float f, uint64_t seed) {
    if (f == 0) return hash_word(0, seed);
    if (f != f) return hash_word(rt_rand64(), seed ^ K2);
    uint32_t bits;
    memcpy(&bits, &f, 4);
    return hash_word(bits, seed);
}

static inline bool str_equal(const GoString *a, const GoString *b) {
    return a->len == b->len &&
           (a->ptr == b->ptr || a->len == 0 || memcmp(a->ptr, b->ptr, (size_t)a->len) == 0);
}

uint64_t value_hash(const Type *t, const void *p, uint64_t seed, int *err) {
    switch (t->kind) {
    case K_BOOL: case K_INT8: case K_UINT8:
        return hash_word(*(const uint8_t *)p, seed);
    case K_INT16: case K_UINT16:
        return hash_word(load16(p), seed);
    case K_INT32: case K_UINT32:
        return hash_word(load32(p), seed);
    case K_INT: case K_INT64: case K_UINT: case K_UINT64: case K_UINTPTR:
    case K_POINTER: case K_CHAN: case K_UNSAFE_POINTER:
        return hash_word(load64(p), seed);
    case K_FLOAT32: {
        float f;
        memcpy(&f, p, 4);
        return hash_f32(f, seed);
    }
    case K_FLOAT64: {
        double f;
        memcpy(&f, p, 8);
        return hash_f64(f, seed);
    }
    case K_COMPLEX64: {
        float c[2];
        memcpy(c, p, 8);
        return hash_f32(c[1], hash_f32(c[0], seed));
    }
    case K_COMPLEX128: {
        double c[2];
        memcpy(c, p, 16);
        return hash_f64(c[1], hash_f64(c[0], seed));
    }
    case K_STRING: {
        const GoString *s = p;
        return hash_bytes(s->ptr, (size_t)s->len, seed);
    }
    case K_INTERFACE: {
        const Iface *i = p;
        if (!i->type) return hash_word(0, seed ^ K3);
        if (!(i->type->flags & TF_COMPARABLE)) {
            fail_unhashable(i->type, err);
            return 0;
        }
        return value_hash(i->type, iface_ptr(i), hash_word((uintptr_t)i->type, seed), err);
    }
    case K_ARRAY: {
        const Type *e = t->elem;
        if (t->len <= 0) return hash_word(0, seed);
        if (is_scalar_mem(e)) return hash_bytes(p, t->size, seed);
        uint64_t h = seed;
        for (int64_t i = 0; i < t->len; i++) {
            int fail = MAP_OK;
            h = value_hash(e, (const uint8_t *)p + (size_t)i * e->size, h, &fail);
            if (fail) {
                if (err) *err = fail;
                return 0;
            }
        }
        return h;
    }
    case K_STRUCT: {
        uint64_t h = seed ^ K1;
        for (int i = 0; i < t->nfields; i++) {
            const Field *f = &t->fields[i];
            if (strcmp(f->name, "_") == 0) continue;
            int fail = MAP_OK;
            h = value_hash(f->type, (const uint8_t *)p + f->offset, h, &fail);
            if (fail) {
                if (err) *err = fail;
                return 0;
            }
        }
        return h;
    }
    default:
        fail_unhashable(t, err);
        return 0;
    }
}

bool value_equal(const Type *t, const void *a, const void *b, int *err) {
    switch (t->kind) {
    case K_BOOL: case K_INT8: case K_UINT8:
        return *(const uint8_t *)a == *(const uint8_t *)b;
    case K_INT16: case K_UINT16:
        return load16(a) == load16(b);
    case K_INT32: case K_UINT32:
        return load32(a) == load32(b);
    case K_INT: case K_INT64: case K_UINT: case K_UINT64: case K_UINTPTR:
    case K_POINTER: case K_CHAN: case K_UNSAFE_POINTER:
        return load64(a) == load64(b);
    case K_FLOAT32: case K_COMPLEX64: {
        float x[2], y[2];
        int n = t->kind == K_FLOAT32 ? 1 : 2;
        memcpy(x, a, (size_t)n * 4);
        memcpy(y, b, (size_t)n * 4);
        return x[0] == y[0] && (n == 1 || x[1] == y[1]);
    }
    case K_FLOAT64: case K_COMPLEX128: {
        double x[2], y[2];
        int n = t->kind == K_FLOAT64 ? 1 : 2;
        memcpy(x, a, (size_t)n * 8);
        memcpy(y, b, (size_t)n * 8);
        return x[0] == y[0] && (n == 1 || x[1] == y[1]);
    }
    case K_STRING:
        return str_equal(a, b);
    case K_INTERFACE: {
        const Iface *x = a, *y = b;
        if (x->type != y->type) return false;
        if (!x->type) return true;
        if (!(x->type->flags & TF_COMPARABLE)) {
            fail_unhashable(x->type, err);
            return false;
        }
        return value_equal(x->type, iface_ptr(x), iface_ptr(y), err);
    }
    case K_ARRAY: {
        const Type *e = t->elem;
        if (t->len <= 0) return true;
        if (is_scalar_mem(e)) return memcmp(a, b, t->size) == 0;
        for (int64_t i = 0; i < t->len; i++) {
            size_t off = (size_t)i * e->size;
            if (!value_equal(e, (const uint8_t *)a + off, (const uint8_t *)b + off, err))
                return false;
        }
        return true;
    }
    case K_STRUCT:
        for (int i = 0; i < t->nfields; i++) {
            const Field *f = &t->fields[i];
            if (strcmp(f->name, "_") == 0) continue;
            if (!value_equal(f->type, (const uint8_t *)a + f->offset,
                             (const uint8_t *)b + f->offset, err))
                return false;
        }
        return true;
    default:
        fail_unhashable(t, err);
        return false;
    }
}

// ---- Groups ----

// match_h2 returns the high bit of each control byte equal to h2. A byte
// just above a true match may show up falsely (a borrow); callers compare
// keys anyway.
static inline uint64_t match_h2(uint64_t ctrl, uint64_t h2) {
    uint64_t x = ctrl ^ (LSB * h2);
    return (x - LSB) & ~x & MSB;
}

// match_empty returns the high bit of each EMPTY byte (bit 7 set, bit 1
// clear; DELETED has both set).
static inline uint64_t match_empty(uint64_t ctrl) { return ctrl & ~(ctrl << 6) & MSB; }

// match_free returns the high bit of each EMPTY or DELETED byte.
static inline uint64_t match_free(uint64_t ctrl) { return ctrl & MSB; }

static inline unsigned first_slot(uint64_t mask) { return (unsigned)__builtin_ctzll(mask) >> 3; }

static inline uint8_t *group_at(const Map *m, uint8_t *groups, uint64_t g) {
    return groups + g * m->group_size;
}

static inline uint8_t *slot_at(const Map *m, uint8_t *group, unsigned s) {
    return group + GROUP_SLOTS + s * m->slot_size;
}

// alloc_groups makes a table of n groups, all slots EMPTY.
static uint8_t *alloc_groups(const Map *m, uint64_t n) {
    if (n > ((uint64_t)1 << 50) / m->group_size) mem_fatal("map table too large");
    size_t bytes = (size_t)(n * m->group_size);
    uint8_t *groups = m->has_ptr ? mem_alloc(bytes) : mem_alloc_atomic(bytes);
    for (uint64_t g = 0; g < n; g++) store64(group_at(m, groups, g), MSB);
    return groups;
}

// ---- Operations by key class ----

// key_hash hashes key for m; only KC_ANY can fail (err may be NULL when
// the key is known to be hashable).
static ALWAYS_INLINE uint64_t key_hash(const Map *m, const void *key, int kc, int *err) {
    switch (kc) {
    case KC_U64: return hash_word(load64(key), m->seed);
    case KC_U32: return hash_word(load32(key), m->seed);
    case KC_STR: {
        const GoString *s = key;
        return hash_bytes(s->ptr, (size_t)s->len, m->seed);
    }
    case KC_MEM: return hash_bytes(key, m->key_size, m->seed);
    default: return value_hash(m->key, key, m->seed, err);
    }
}

// key_equal compares two keys of m, both known to be hashable.
static ALWAYS_INLINE bool key_equal(const Map *m, const void *a, const void *b, int kc) {
    switch (kc) {
    case KC_U64: return load64(a) == load64(b);
    case KC_U32: return load32(a) == load32(b);
    case KC_STR: return str_equal(a, b);
    case KC_MEM: return memcmp(a, b, m->key_size) == 0;
    default: return value_equal(m->key, a, b, NULL);
    }
}

// find_kc returns the slot holding key (hash h) in m's table, or NULL; if
// group is not NULL it receives the slot's group and *index its index there.
static ALWAYS_INLINE uint8_t *find_kc(const Map *m, const void *key, uint64_t h, int kc,
                                      uint8_t **group, unsigned *index) {
    uint64_t h2 = h & 0x7f, gmask = m->gmask, g = (h >> 7) & gmask;
    for (uint64_t step = 1;; step++) {
        uint8_t *grp = group_at(m, m->groups, g);
        uint64_t ctrl = load64(grp);
        for (uint64_t hit = match_h2(ctrl, h2); hit; hit &= hit - 1) {
            unsigned s = first_slot(hit);
            uint8_t *slot = slot_at(m, grp, s);
            if (key_equal(m, slot, key, kc)) {
                if (group) {
                    *group = grp;
                    *index = s;
                }
                return slot;
            }
        }
        if (match_empty(ctrl)) return NULL;
        g = (g + step) & gmask;
    }
}

// rehash_kc replaces m's table by one of ngroups groups holding the same
// entries; the old table is left as it was, for iterators.
static ALWAYS_INLINE void rehash_kc(Map *m, uint64_t ngroups, int kc) {
    uint8_t *old = m->groups, *groups = alloc_groups(m, ngroups);
    uint64_t old_n = m->gmask + 1, gmask = ngroups - 1;
    for (uint64_t og = 0; og < old_n; og++) {
        uint8_t *ogrp = group_at(m, old, og);
        for (uint64_t full = ~load64(ogrp) & MSB; full; full &= full - 1) {
            uint8_t *oslot = slot_at(m, ogrp, first_slot(full));
            uint64_t h = key_hash(m, oslot, kc, NULL);
            uint64_t g = (h >> 7) & gmask, avail;
            uint8_t *grp;
            for (uint64_t step = 1;; step++) {
                grp = group_at(m, groups, g);
                if ((avail = match_empty(load64(grp)))) break;
                g = (g + step) & gmask;
            }
            unsigned s = first_slot(avail);
            grp[s] = (uint8_t)(h & 0x7f);
            memcpy(slot_at(m, grp, s), oslot, m->slot_size);
        }
    }
    m->groups = groups;
    m->gmask = gmask;
    m->growth_left = (int64_t)(ngroups * (GROUP_SLOTS - 1)) - m->count;
}

// grow_kc makes room for one more EMPTY slot: the first table, a table
// twice the size, or the same size without the tombstones when they are
// more than half of the used slots. (growth_left = 7 * ngroups - FULL -
// DELETED holds throughout, so used slots are 7 * ngroups here.)
static ALWAYS_INLINE void grow_kc(Map *m, int kc) {
    uint64_t n = m->gmask + 1;
    if (m->groups == (uint8_t *)&empty_group) n = 1;
    else if ((uint64_t)m->count * 2 >= n * (GROUP_SLOTS - 1)) n *= 2;
    rehash_kc(m, n, kc);
}

// insert_kc returns the value slot for key (hash h), inserting the key
// with a zero value if it is absent.
static ALWAYS_INLINE void *insert_kc(Map *m, const void *key, uint64_t h, int kc) {
    uint64_t h2 = h & 0x7f;
again:;
    uint64_t gmask = m->gmask, g = (h >> 7) & gmask;
    uint8_t *free_grp = NULL;
    unsigned free_s = 0;
    for (uint64_t step = 1;; step++) {
        uint8_t *grp = group_at(m, m->groups, g);
        uint64_t ctrl = load64(grp);
        for (uint64_t hit = match_h2(ctrl, h2); hit; hit &= hit - 1) {
            uint8_t *slot = slot_at(m, grp, first_slot(hit));
            if (key_equal(m, slot, key, kc)) {
                if (m->key_update && slot != key) memcpy(slot, key, m->key_size);
                return slot + m->val_off;
            }
        }
        if (!free_grp) {
            uint64_t avail = match_free(ctrl);
            if (avail) {
                free_grp = grp;
                free_s = first_slot(avail);
            }
        }
        if (match_empty(ctrl)) break;
        g = (g + step) & gmask;
    }
    if (free_grp[free_s] == CTRL_EMPTY) {
        if (m->growth_left == 0) {
            grow_kc(m, kc);
            goto again;
        }
        m->growth_left--;
    }
    free_grp[free_s] = (uint8_t)h2;
    uint8_t *slot = slot_at(m, free_grp, free_s);
    if (kc == KC_U64) store64(slot, load64(key));
    else memcpy(slot, key, m->key_size);
    memset(slot + m->val_off, 0, m->val_size);
    m->count++;
    return slot + m->val_off;
}

// delete_kc removes key (hash h) if present.
static ALWAYS_INLINE void delete_kc(Map *m, const void *key, uint64_t h, int kc) {
    uint8_t *grp;
    unsigned s;
    uint8_t *slot = find_kc(m, key, h, kc, &grp, &s);
    if (!slot) return;
    if (match_empty(load64(grp))) {
        grp[s] = CTRL_EMPTY;
        m->growth_left++;
    } else {
        grp[s] = CTRL_DELETED;
    }
    if (m->has_ptr) memset(slot, 0, m->slot_size);
    m->count--;
}

// lookup_any finds a stored (so hashable) key in m's current table, for
// iterators; it returns the slot or NULL.
static uint8_t *lookup_any(const Map *m, const void *key) {
    switch (m->kc) {
    case KC_U64: return find_kc(m, key, key_hash(m, key, KC_U64, NULL), KC_U64, NULL, NULL);
    case KC_U32: return find_kc(m, key, key_hash(m, key, KC_U32, NULL), KC_U32, NULL, NULL);
    case KC_STR: return find_kc(m, key, key_hash(m, key, KC_STR, NULL), KC_STR, NULL, NULL);
    case KC_MEM: return find_kc(m, key, key_hash(m, key, KC_MEM, NULL), KC_MEM, NULL, NULL);
    default: return find_kc(m, key, key_hash(m, key, KC_ANY, NULL), KC_ANY, NULL, NULL);
    }
}

// ---- The API ----

static uint32_t round_up(uint32_t n, uint32_t a) { return (n + a - 1) / a * a; }

Map *map_new(Type *maptype, int64_t hint) {
    if (maptype->kind != K_MAP) map_bug("map_new: not a map type");
    Type *k = maptype->key, *v = maptype->elem;
    Map *m = mem_new(Map);
    m->type = maptype;
    m->key = k;
    m->val = v;
    m->key_size = k->size;
    m->val_size = v->size;
    uint32_t ka = k->align ? k->align : 1, va = v->align ? v->align : 1;
    m->val_off = round_up(k->size, va);
    m->slot_size = round_up(m->val_off + v->size, ka > va ? ka : va);
    m->group_size = GROUP_SLOTS + GROUP_SLOTS * m->slot_size;
    m->has_ptr = ((k->flags | v->flags) & TF_HAS_PTR) != 0;
    if (k->kind == K_STRING) m->kc = KC_STR;
    else if (is_mem(k)) m->kc = k->size == 8 ? KC_U64 : k->size == 4 ? KC_U32 : KC_MEM;
    else m->kc = KC_ANY;
    m->reflexive = !contains(k, true, true);
    m->might_fail = contains(k, false, true);
    m->key_update = m->kc == KC_STR || m->kc == KC_ANY;
    m->seed = rt_rand64();
    m->groups = (uint8_t *)&empty_group;
    m->gmask = 0;
    m->growth_left = 0;
    // Room for hint entries at 7/8 load; a hint too large to allocate is
    // ignored, as Go's makemap does.
    if (hint > 0 && (uint64_t)hint <= ((uint64_t)1 << 48) / m->group_size) {
        uint64_t need = ((uint64_t)hint + GROUP_SLOTS - 2) / (GROUP_SLOTS - 1), n = 1;
        while (n < need) n *= 2;
        m->groups = alloc_groups(m, n);
        m->gmask = n - 1;
        m->growth_left = (int64_t)(n * (GROUP_SLOTS - 1));
    }
    return m;
}

int64_t map_len(const Map *m) { return m ? m->count : 0; }

static ALWAYS_INLINE void *get_kc(Map *m, const void *key, int *err, int kc) {
    int e = MAP_OK;
    uint64_t h = key_hash(m, key, kc, &e);
    if (e) {
        if (err) *err = e;
        return NULL;
    }
    uint8_t *slot = find_kc(m, key, h, kc, NULL, NULL);
    return slot ? slot + m->val_off : NULL;
}

void *map_get(Map *m, const void *key, int *err) {
    if (err) *err = MAP_OK;
    if (!m) return NULL;
    read_check(m);
    if (m->count == 0 && !m->might_fail) return NULL;
    switch (m->kc) {
    case KC_U64: return get_kc(m, key, err, KC_U64);
    case KC_U32: return get_kc(m, key, err, KC_U32);
    case KC_STR: return get_kc(m, key, err, KC_STR);
    case KC_MEM: return get_kc(m, key, err, KC_MEM);
    default: return get_kc(m, key, err, KC_ANY);
    }
}

static ALWAYS_INLINE void *set_kc(Map *m, const void *key, int *err, int kc) {
    int e = MAP_OK;
    uint64_t h = key_hash(m, key, kc, &e);
    if (e) {
        if (err) *err = e;
        return NULL;
    }
    write_begin(m);
    void *v = insert_kc(m, key, h, kc);
    write_end(m);
    return v;
}

void *map_set(Map *m, const void *key, int *err) {
    if (err) *err = MAP_OK;
    if (!m) map_bug("map_set: nil map");
    if (atomic_load_explicit(&m->writing, memory_order_relaxed))
        map_fatal("concurrent map writes");
    switch (m->kc) {
    case KC_U64: return set_kc(m, key, err, KC_U64);
    case KC_U32: return set_kc(m, key, err, KC_U32);
    case KC_STR: return set_kc(m, key, err, KC_STR);
    case KC_MEM: return set_kc(m, key, err, KC_MEM);
    default: return set_kc(m, key, err, KC_ANY);
    }
}

static ALWAYS_INLINE void del_kc(Map *m, const void *key, int *err, int kc) {
    int e = MAP_OK;
    uint64_t h = key_hash(m, key, kc, &e);
    if (e) {
        if (err) *err = e;
        return;
    }
    write_begin(m);
    delete_kc(m, key, h, kc);
    write_end(m);
}

void map_delete(Map *m, const void *key, int *err) {
    if (err) *err = MAP_OK;
    if (!m) return;
    if (atomic_load_explicit(&m->writing, memory_order_relaxed))
        map_fatal("concurrent map writes");
    if (m->count == 0 && !m->might_fail) return;
    switch (m->kc) {
    case KC_U64: del_kc(m, key, err, KC_U64); break;
    case KC_U32: del_kc(m, key, err, KC_U32); break;
    case KC_STR: del_kc(m, key, err, KC_STR); break;
    case KC_MEM: del_kc(m, key, err, KC_MEM); break;
    default: del_kc(m, key, err, KC_ANY); break;
    }
}

void map_clear(Map *m) {
    if (!m || m->groups == (uint8_t *)&empty_group) return;
    write_begin(m);
    uint64_t n = m->gmask + 1;
    if (m->has_ptr) memset(m->groups, 0, (size_t)(n * m->group_size));
    for (uint64_t g = 0; g < n; g++) store64(group_at(m, m->groups, g), MSB);
    m->count = 0;
    m->growth_left = (int64_t)(n * (GROUP_SLOTS - 1));
    m->clear_seq++;
    m->seed = rt_rand64();   // as Go's clear does: a fresh seed defeats replayed collisions
    write_end(m);
}

// ---- Iteration ----

// MapIter's fields (map.h keeps them private):
//   m          the map
//   priv[0]    the snapshot: the table the iteration walks; NULL when done
//   priv[1]    the map's clear_seq at map_iter_init (a small integer)
//   state[0]   the snapshot's gmask
//   state[1]   the start group
//   state[2]   stride << 3 | slot rotation
//   state[3]   slots visited so far
#define ITER_STRIDE_GROUPS 64   // tables of fewer groups are walked with a random stride
#define IT_GROUPS(it) ((uint8_t *)(it)->priv[0])
#define IT_CLEAR_SEQ(it) ((uint64_t)(uintptr_t)(it)->priv[1])

void map_iter_init(MapIter *it, Map *m) {
    memset(it, 0, sizeof *it);
    it->m = m;
    if (!m || m->count == 0) return;
    uint64_t r1 = rt_rand64(), r2 = rt_rand64();
    it->priv[0] = m->groups;
    it->priv[1] = (void *)(uintptr_t)m->clear_seq;
    it->state[0] = m->gmask;
    it->state[1] = r1 & m->gmask;
    // A random stride varies the order of a small table; a large one walks
    // its groups in memory order, which the caches prefer, and gets its
    // variety from the hash.
    uint64_t stride = m->gmask < ITER_STRIDE_GROUPS ? (r2 >> 4) | 1 : 1;
    it->state[2] = stride << 3 | (r2 & 7);
}

bool map_iter_next(MapIter *it, void **key, void **val) {
    uint8_t *groups = IT_GROUPS(it);
    if (!groups) return false;
    Map *m = it->m;
    if (atomic_load_explicit(&m->writing, memory_order_relaxed))
        map_fatal("concurrent map iteration and map write");
    if (IT_CLEAR_SEQ(it) != m->clear_seq) goto done;
    uint64_t gmask = it->state[0], start = it->state[1];
    uint64_t stride = it->state[2] >> 3, rot = it->state[2] & 7;
    uint64_t total = (gmask + 1) * GROUP_SLOTS;
    while (it->state[3] < total) {
        uint64_t pos = it->state[3]++;
        uint8_t *grp = group_at(m, groups, (start + (pos >> 3) * stride) & gmask);
        unsigned s = (unsigned)((pos + rot) & 7);
        if (grp[s] & CTRL_EMPTY) continue;   // EMPTY or DELETED
        uint8_t *slot = slot_at(m, grp, s);
        if (groups != m->groups) {
            // Stale snapshot (the map grew): the current table has the
            // entry's state, unless the key is not equal to itself.
            uint8_t *cur = lookup_any(m, slot);
            if (cur) slot = cur;
            else if (m->reflexive || key_equal(m, slot, slot, KC_ANY)) continue;
        }
        *key = slot;
        *val = slot + m->val_off;
        return true;
    }
done:
    it->priv[0] = NULL;   // drops the snapshot
    return false;
}
