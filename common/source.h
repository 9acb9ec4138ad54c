// common/source.h: a source file held whole in memory, NUL-terminated (the
// scanner's sentinel), with the path it is reported under.
#ifndef GOLI_SOURCE_H
#define GOLI_SOURCE_H

#include <stddef.h>

typedef struct Source {
    const char *path;   // as the user gave it; printed in errors
    const char *text;   // len bytes followed by a NUL
    size_t len;
    int line_base;      // the first line is line_base + 1 (the REPL puts a
                        // line 0 of its own before the user's input)
} Source;

// source_read loads path. On failure it returns NULL and sets *err to Go's
// wording ("open x.go: no such file or directory").
Source *source_read(const char *path, const char **err);
// source_from_string wraps text (copied) under a name, for tests and the REPL.
Source *source_from_string(const char *name, const char *text, size_t len);

#endif
