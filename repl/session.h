// repl/session.h: a REPL session's compiler side. Each input (a line, or
// several while brackets are open) becomes a file of the session's package
// main: declarations join the package, statements become a function that
// the REPL runs as a goroutine, and the variables they declare live on
// (compiler/check.h and compiler/gen.h, "REPL sessions").
#ifndef GOLI_REPL_SESSION_H
#define GOLI_REPL_SESSION_H

#include <stdbool.h>
#include <stdio.h>

#include "vm/func.h"

typedef struct Session Session;

// session_new starts a session (its hidden prelude: the printer of
// values); *init initializes the packages the prelude imports (fmt, io,
// errors: io.EOF and the like), to be run before any input.
Session *session_new(Func **init);

// session_incomplete says whether text needs more lines: a raw string or
// comment not closed, or a parse whose every error lies past the input's
// end (a bracket still open, a trailing operator or comma).
bool session_incomplete(const char *text);

typedef enum SessionResult {
    SESSION_EMPTY,      // nothing to run (blank, comments)
    SESSION_ERROR,      // errors were printed; the session is unchanged
    SESSION_RUN,        // *entry is the input's code, to run
} SessionResult;

// session_compile compiles one complete input. An expression statement
// with a value prints it (%#v, or %v for a fmt.Stringer); a standard
// package used without an import is imported (said once on out).
// Errors go to err as FILE:LINE:COL: message.
SessionResult session_compile(Session *s, const char *text, Func **entry, FILE *out, FILE *err);

// session_load adds the declarations of a Go file (a package main) to the
// session; main is declared, not run. *entry initializes its variables
// (and runs its init functions). Returns false after errors.
bool session_load(Session *s, const char *path, Func **entry, FILE *err);

// session_type prints the type of expression text (:type).
bool session_type(Session *s, const char *text, FILE *out, FILE *err);

// session_func finds a function or method ("F", "T.M", "(*T).M") whose
// code exists, for :dis.
Func *session_func(Session *s, const char *name);

// session_complete calls add for every name visible at the prompt that
// starts with prefix, or, for "pkg.pre", every member of the package.
void session_complete(Session *s, const char *prefix, void (*add)(void *arg, const char *word), void *arg);

#endif
