// runtime/fastrand.h: the runtime's fast per-thread random numbers (kept
// in runtime/map.c, whose hash seeds and iteration orders use them too).
#ifndef GOLI_FASTRAND_H
#define GOLI_FASTRAND_H

#include <stdint.h>

uint64_t rt_rand64(void);

#endif
