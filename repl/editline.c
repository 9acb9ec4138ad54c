// repl/editline.c: loading libedit at run time (editline.h).
#include "repl/editline.h"

#include <dlfcn.h>

bool editline_load(Editline *e, const char **why) {
    void *h = dlopen("libedit.so.2", RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        *why = dlerror();
        return false;
    }
    struct {
        void *slot;
        const char *name;
    } syms[] = {
        { &e->readline, "readline" },
        { &e->add_history, "add_history" },
        { &e->using_history, "using_history" },
        { &e->stifle_history, "stifle_history" },
        { &e->read_history, "read_history" },
        { &e->write_history, "write_history" },
        { &e->forced_update_display, "rl_forced_update_display" },
        { &e->completion_matches, "rl_completion_matches" },
        { &e->catch_signals, "rl_catch_signals" },
        { &e->getc_function, "rl_getc_function" },
        { &e->instream, "rl_instream" },
        { &e->outstream, "rl_outstream" },
        { &e->attempted_completion_function, "rl_attempted_completion_function" },
        { &e->completion_append_character, "rl_completion_append_character" },
        { &e->basic_word_break_characters, "rl_basic_word_break_characters" },
        { &e->attempted_completion_over, "rl_attempted_completion_over" },
    };
    for (size_t i = 0; i < sizeof syms / sizeof syms[0]; i++) {
        void *p = dlsym(h, syms[i].name);
        if (!p) {
            *why = dlerror();
            return false;
        }
        *(void **)syms[i].slot = p;
    }
    return true;
}
