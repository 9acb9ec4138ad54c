// runtime/run.h: running a compiled program on its main goroutine.
#ifndef GOLI_RUN_H
#define GOLI_RUN_H

#include "compiler/gen.h"

// run_program runs prog's initialisation and main.main with os.Args =
// argv[0..argc). It returns the exit status: 0, or it does not return
// (a panic, a fatal error or os.Exit end the process).
int run_program(Program *prog, int argc, char **argv);

// run_repl_init starts the runtime for a REPL (runtime/sched.h, REPL
// mode): the calling thread stays the REPL's; panics are reported and
// only end their goroutine.
void run_repl_init(void);

#endif
