// repl/term.h: the REPL's terminal. On a terminal: libedit (line editing,
// history in ~/.goli_history, Tab completion), and the program's output
// (file descriptors 1 and 2) through a pipe that is copied to the terminal
// above the line being typed. Otherwise: plain lines from standard input,
// each echoed after its prompt, so that a transcript is deterministic.
// Ctrl-C (SIGINT) is caught by the REPL's thread alone.
#ifndef GOLI_REPL_TERM_H
#define GOLI_REPL_TERM_H

#include <stdbool.h>
#include <stdio.h>

// term_block_sigint keeps SIGINT from every thread started after it (call
// first thing in main, before the collector starts its threads).
void term_block_sigint(void);

// term_init sets the terminal up; interactive unless plain or standard
// input or output is not a terminal. complete(prefix, add, arg) lists
// completions.
typedef void (*TermComplete)(const char *prefix, void (*add)(void *arg, const char *word), void *arg);
void term_init(bool plain, TermComplete complete);
bool term_interactive(void);
// term_out is where the REPL itself writes (the terminal, or stdout).
FILE *term_out(void);

// term_read reads one line (without its newline) after prompt; NULL at the
// end of input. *interrupted is set when Ctrl-C ended the line instead.
char *term_read(const char *prompt, bool *interrupted);
// term_history adds an input (several lines maybe) to the history.
void term_history(const char *input);

// term_forget_interrupt drops a Ctrl-C that came before the input ran.
void term_forget_interrupt(void);
// term_wait waits until fd is readable, copying the program's output to
// the terminal meanwhile; returns false if Ctrl-C came first.
bool term_wait(int fd, int timeout_ms, bool *timed_out);
// term_flush copies whatever output is pending.
void term_flush(void);
// term_close saves the history and puts the terminal back.
void term_close(void);

#endif
