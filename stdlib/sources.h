// stdlib/sources.h: the standard library's Go sources, embedded in the
// binary at build time (stdlib/embed.sh writes the table).
#ifndef GOLI_SOURCES_H
#define GOLI_SOURCES_H

#include <stddef.h>

typedef struct LibSource {
    const char *pkg;        // import path: "strings", "math/rand"
    const char *name;       // file name: "strings.gol"
    const char *text;       // NUL-terminated
    size_t len;
} LibSource;

// lib_sources ends with an entry whose pkg is NULL.
extern const LibSource lib_sources[];

#endif
