// stdlib/math/rand/natives.c: the natives of packages math/rand and
// math/rand/v2 (rand.gol, v2/rand.gol): the generator behind their
// top-level functions, one per thread as Go's runtime.rand is one per M, so
// goroutines draw from it without a lock.
#include "stdlib/natives.h"
#include "vm/vm.h"

#include <stdint.h>
#include <sys/random.h>
#include <time.h>

// state is this thread's SplitMix64 state; seeded is false until the
// first draw seeds it from the kernel.
static _Thread_local uint64_t state;
static _Thread_local int seeded;

static uint64_t mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// seed reads 8 bytes from getrandom(2), or, if that fails, mixes the clock
// and the state's address.
static void seed(void) {
    uint64_t s;
    if (getrandom(&s, sizeof s, 0) != (ssize_t)sizeof s) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        s = mix((uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 30) ^ (uint64_t)(uintptr_t)&state);
    }
    state = s;
    seeded = 1;
}

// runtimeRand() uint64
static int runtime_rand(G *g, Word *a) {
    (void)g;
    if (!seeded) seed();
    state += 0x9e3779b97f4a7c15ULL;
    a[0] = (Word)mix(state);
    return VM_OK;
}

const LibNative lib_rand_natives[] = {
    { "runtimeRand", runtime_rand },
    { NULL, NULL },
};
