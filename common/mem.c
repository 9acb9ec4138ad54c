// common/mem.c: the GC-heap allocation helpers (see mem.h).
#include "common/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void mem_fatal(const char *what) {
    fprintf(stderr, "goli: out of memory (%s)\n", what);
    exit(2);
}

void *mem_alloc(size_t n) {
    void *p = GC_MALLOC(n ? n : 1);
    if (!p) mem_fatal("mem_alloc");
    return p;
}

void *mem_alloc_atomic(size_t n) {
    void *p = GC_MALLOC_ATOMIC(n ? n : 1);
    if (!p) mem_fatal("mem_alloc_atomic");
    return p;
}

void *mem_realloc(void *p, size_t n) {
    void *q = GC_REALLOC(p, n ? n : 1);
    if (!q) mem_fatal("mem_realloc");
    return q;
}

char *mem_strndup(const char *s, size_t n) {
    char *p = mem_alloc_atomic(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *mem_vsprintf(const char *fmt, va_list ap) {
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    char *p = mem_alloc_atomic((size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *mem_sprintf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *p = mem_vsprintf(fmt, ap);
    va_end(ap);
    return p;
}
