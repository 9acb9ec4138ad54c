// repl/editline.h: libedit, loaded when the REPL starts (dlopen), so that
// running a program never maps it (and its libraries) at all. The fields
// have the types of editline/readline.h's functions and variables; a
// variable's field points at it.
#ifndef GOLI_REPL_EDITLINE_H
#define GOLI_REPL_EDITLINE_H

#include <stdbool.h>
#include <stdio.h>
#include <editline/readline.h>

typedef struct Editline {
    __typeof__(readline) *readline;
    __typeof__(add_history) *add_history;
    __typeof__(using_history) *using_history;
    __typeof__(stifle_history) *stifle_history;
    __typeof__(read_history) *read_history;
    __typeof__(write_history) *write_history;
    __typeof__(rl_forced_update_display) *forced_update_display;
    __typeof__(rl_completion_matches) *completion_matches;
    __typeof__(rl_catch_signals) *catch_signals;
    __typeof__(rl_getc_function) *getc_function;
    __typeof__(rl_instream) *instream;
    __typeof__(rl_outstream) *outstream;
    __typeof__(rl_attempted_completion_function) *attempted_completion_function;
    __typeof__(rl_completion_append_character) *completion_append_character;
    __typeof__(rl_basic_word_break_characters) *basic_word_break_characters;
    __typeof__(rl_attempted_completion_over) *attempted_completion_over;
} Editline;

// editline_load fills e from libedit; false (with the reason in *why) if
// the library or one of its symbols is missing.
bool editline_load(Editline *e, const char **why);

#endif
