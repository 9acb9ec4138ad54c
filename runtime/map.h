// runtime/map.h: Go maps. A map value is a Map* (nil map: NULL). Keys and
// values are stored in their memory layout (runtime/type.h); the map reads
// the key type to hash and compare (ints, floats with +0 == -0 and NaN never
// equal, strings, pointers, chans, interfaces by dynamic type and value,
// structs and arrays field by field).
//
// Semantics are Go's: iteration starts at a random position and visits the
// entries in an order that differs from run to run; an entry deleted during
// iteration before it is reached is not produced; an entry added during
// iteration may or may not be. A map is not safe for concurrent use: like
// Go, a write while another goroutine writes is detected on a best-effort
// basis and reported as "fatal error: concurrent map writes".
#ifndef GOLI_MAP_H
#define GOLI_MAP_H

#include <stdbool.h>
#include <stdint.h>

#include "runtime/type.h"

typedef struct Map Map;

// MapIter walks a map; its fields are private to runtime/map.c. It lives in
// GC memory (or a GC-scanned frame) while in use.
typedef struct MapIter {
    Map *m;
    void *priv[6];
    uint64_t state[4];
} MapIter;

// Errors a map operation reports (the caller turns them into Go panics):
// MAP_OK, or MAP_UNHASHABLE when an interface key holds a value whose
// dynamic type is not comparable ("runtime error: hash of unhashable type
// []int"; map_unhashable_type says which type).
enum { MAP_OK = 0, MAP_UNHASHABLE = 1 };

// map_new makes an empty map of type maptype (K_MAP) with room for hint
// entries.
Map *map_new(Type *maptype, int64_t hint);
int64_t map_len(const Map *m);                  // 0 for a nil map

// map_get returns a pointer to the value stored under *key, or NULL if
// absent (also for a nil map). The pointer is valid until the next write.
// *err receives MAP_OK or MAP_UNHASHABLE.
void *map_get(Map *m, const void *key, int *err);
// map_set returns a pointer to the value slot for *key, inserting a zero
// value if the key is absent; the caller stores the value there. m must not
// be nil (the caller panics "assignment to entry in nil map").
void *map_set(Map *m, const void *key, int *err);
// map_delete removes *key if present (a nil map is fine).
void map_delete(Map *m, const void *key, int *err);
// map_clear removes every entry (Go 1.21 clear).
void map_clear(Map *m);
// map_unhashable_type is the dynamic type behind the last MAP_UNHASHABLE
// error on this thread.
Type *map_unhashable_type(void);

// map_fatal_hook reports a misuse Go treats as a fatal error, not a panic
// ("concurrent map writes", "concurrent map read and map write",
// "concurrent map iteration and map write"); msg comes without the "fatal
// error: " prefix. It must not return. The default prints "fatal error:
// MSG" to stderr and exits with status 2; the runtime installs its own,
// which adds the goroutine traceback.
extern void (*map_fatal_hook)(const char *msg);

// Iteration: map_iter_init, then map_iter_next until it returns false; on
// true *key and *val point at the current entry.
void map_iter_init(MapIter *it, Map *m);
bool map_iter_next(MapIter *it, void **key, void **val);

// Hashing and equality of any comparable value, for maps and for interface
// comparison. value_hash sets *err = MAP_UNHASHABLE (and returns 0) when an
// interface inside the value holds a type that is not comparable; on
// success it leaves *err alone. value_equal returns false and sets *err =
// MAP_UNHASHABLE when comparing interfaces of the same dynamic type that is
// not comparable (Go panics then: "runtime error: comparing uncomparable
// type []int"); interfaces of different dynamic types are simply unequal.
// err may be NULL in both.
uint64_t value_hash(const Type *t, const void *p, uint64_t seed, int *err);
bool value_equal(const Type *t, const void *a, const void *b, int *err);

#endif
