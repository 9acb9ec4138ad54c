// repl/repl.h: the interactive REPL, `goli` on a terminal (and `goli repl`,
// which reads inputs from standard input when it is not a terminal).
#ifndef GOLI_REPL_H
#define GOLI_REPL_H

#include <stdbool.h>

// repl_main runs the REPL until :quit or the end of input; plain turns
// line editing off even on a terminal. It does not return.
int repl_main(bool plain) __attribute__((noreturn));

#endif
