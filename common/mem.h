// common/mem.h: allocation. Everything goli allocates lives on the Boehm GC
// heap (see ../DESIGN.md, Memory): mem_alloc is scanned and zeroed;
// mem_alloc_atomic is for pointer-free bytes and is NOT zeroed.
#ifndef GOLI_MEM_H
#define GOLI_MEM_H

#include <gc/gc.h>
#include <stdarg.h>
#include <stddef.h>

void *mem_alloc(size_t n);
void *mem_alloc_atomic(size_t n);
void *mem_realloc(void *p, size_t n);
char *mem_strndup(const char *s, size_t n);
char *mem_sprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *mem_vsprintf(const char *fmt, va_list ap);
// mem_fatal reports an allocation failure and exits; never returns.
void mem_fatal(const char *what) __attribute__((noreturn));

#define mem_new(T) ((T *)mem_alloc(sizeof(T)))

#endif
