// common/diag.h: compile errors, collected and printed the way gc prints
// them (sorted by position, one syntax error per line, "too many errors"
// after ten). Every front-end stage (lexer, parser, checker) reports here.
#ifndef GOLI_DIAG_H
#define GOLI_DIAG_H

#include <stdio.h>

#define DIAG_MAX_ERRORS 10

typedef struct DiagEntry {
    const char *file;
    int line, col;
    const char *msg;
    int seq;            // arrival order, keeps the sort stable
} DiagEntry;

typedef struct Diag {
    DiagEntry *v;       // GC memory
    int n, cap;
    int full;           // DIAG_MAX_ERRORS reached: later errors are dropped
    DiagEntry limit;    // where the limit was reached ("too many errors")
    const char *last_syntax_file;
    int last_syntax_line;   // gc keeps one syntax error per line
    const char *last_other_file;
    int last_other_line;    // gc drops a non-syntax error equal to the one
    const char *last_other_msg; // just before it on the same line
} Diag;

Diag *diag_new(void);
// diag_error records one error at file:line:col. Messages starting with
// "syntax error" are dropped when the previous syntax error was on the same
// line, and other messages when they repeat the previous other error on the
// same line, as gc does (base.ErrorfAt).
void diag_error(Diag *d, const char *file, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static inline int diag_count(const Diag *d) { return d->n; }
// diag_flush prints the errors sorted by position as FILE:LINE:COL: MSG,
// then "too many errors" if the limit was hit, and forgets them.
void diag_flush(Diag *d, FILE *out);

#endif
