// common/diag.c: the compile-error list (see diag.h).
#include "common/diag.h"
#include "common/mem.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

Diag *diag_new(void) {
    return mem_new(Diag);
}

void diag_error(Diag *d, const char *file, int line, int col, const char *fmt, ...) {
    if (d->full)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *msg = mem_vsprintf(fmt, ap);
    va_end(ap);
    if (strncmp(msg, "syntax error", 12) == 0) {
        if (d->last_syntax_file && d->last_syntax_line == line &&
            strcmp(d->last_syntax_file, file) == 0)
            return;
        d->last_syntax_file = file;
        d->last_syntax_line = line;
    } else {
        if (d->last_other_file && d->last_other_line == line &&
            strcmp(d->last_other_file, file) == 0 && strcmp(d->last_other_msg, msg) == 0)
            return;
        d->last_other_file = file;
        d->last_other_line = line;
        d->last_other_msg = msg;
    }
    if (d->n == d->cap) {
        d->cap = d->cap ? 2 * d->cap : 16;
        DiagEntry *v = mem_alloc(d->cap * sizeof *v);
        if (d->n)
            memcpy(v, d->v, d->n * sizeof *v);
        d->v = v;
    }
    DiagEntry e = { file, line, col, msg, d->n };
    d->v[d->n++] = e;
    if (d->n >= DIAG_MAX_ERRORS) {
        d->full = 1;
        d->limit = e;
    }
}

static int cmp_entry(const void *pa, const void *pb) {
    const DiagEntry *a = pa, *b = pb;
    int c = strcmp(a->file, b->file);
    if (c) return c;
    if (a->line != b->line) return a->line < b->line ? -1 : 1;
    if (a->col != b->col) return a->col < b->col ? -1 : 1;
    return a->seq - b->seq;
}

void diag_flush(Diag *d, FILE *out) {
    qsort(d->v, d->n, sizeof *d->v, cmp_entry);
    for (int i = 0; i < d->n; i++) {
        DiagEntry *e = &d->v[i];
        if (i > 0) {   // gc drops an error identical to the one before it
            DiagEntry *p = &d->v[i - 1];
            if (p->line == e->line && p->col == e->col && strcmp(p->msg, e->msg) == 0 &&
                strcmp(p->file, e->file) == 0)
                continue;
        }
        fprintf(out, "%s:%d:%d: %s\n", e->file, e->line, e->col, e->msg);
    }
    if (d->full)
        fprintf(out, "%s:%d:%d: too many errors\n", d->limit.file, d->limit.line, d->limit.col);
    fflush(out);
    d->n = 0;
    d->full = 0;
    d->last_syntax_file = NULL;
    d->last_other_file = NULL;
}
