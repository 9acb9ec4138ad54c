// compiler/compile.h: the compiler driver. From a source file to a checked
// package (`goli check`) or to a runnable Program (`goli run`): parse, load
// the imported standard packages from their embedded Go sources
// (stdlib/sources.h), check, generate.
#ifndef GOLI_COMPILE_H
#define GOLI_COMPILE_H

#include "common/diag.h"
#include "compiler/check.h"
#include "compiler/gen.h"

// compile_check parses and checks the program in path. Errors go to diag;
// NULL if there were any. *read_err is set (and NULL returned) when the file
// cannot be read.
Package *compile_check(const char *path, Diag *diag, const char **read_err);

// compile_import loads and checks a standard package (once; later calls
// return the same Package), for REPL sessions: an ImportFunc.
Package *compile_import(const char *path, Diag *diag);
// compile_is_std says whether path names a standard package goli has.
bool compile_is_std(const char *path);

// compile_program checks and generates code for the program in path.
Program *compile_program(const char *path, Diag *diag, const char **read_err);

// compile_each_func calls fn for every Func of the program (for `goli dis`).
void compile_each_func(Program *prog, void (*fn)(Func *f, void *arg), void *arg);

#endif
