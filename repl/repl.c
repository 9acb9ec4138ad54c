// repl/repl.c: the REPL's loop and commands (repl.h). Inputs are compiled
// into the session (repl/session.c) and each runs as a goroutine of its own
// while this thread waits, copying output, and turns Ctrl-C into an
// interrupt of that goroutine (runtime/sched.h, REPL mode).
#include "repl/repl.h"
#include "common/mem.h"
#include "repl/session.h"
#include "repl/term.h"
#include "runtime/run.h"
#include "runtime/sched.h"
#include "vm/dis.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static Session *session;

static const char help_text[] =
    "Type Go declarations and statements; an expression prints its value.\n"
    "Packages are imported on first use. Definitions persist; a later one\n"
    "replaces an earlier one. Goroutines keep running between inputs.\n"
    "Commands:\n"
    "  :help             this text\n"
    "  :quit             leave (also Ctrl-D)\n"
    "  :reset            forget every definition\n"
    "  :load FILE        add a file's declarations to the session\n"
    "  :type EXPR        the type of an expression\n"
    "  :goroutines       every goroutine: state, wait reason, stack, creator\n"
    "  :dis NAME         the bytecode of a function (F, T.M or (*T).M)\n"
    "  :time STMT        run a statement and say how long it took\n"
    "Ctrl-C interrupts the running input; other goroutines keep running.\n";

static void complete(const char *prefix, void (*add)(void *, const char *), void *arg) {
    static const char *const commands[] = { ":help", ":quit", ":reset", ":load", ":type",
                                            ":goroutines", ":dis", ":time", NULL };
    static const char *const keywords[] = { "break", "case", "chan", "const", "continue", "default",
                                            "defer", "else", "fallthrough", "for", "func", "go",
                                            "goto", "if", "import", "interface", "map", "package",
                                            "range", "return", "select", "struct", "switch", "type",
                                            "var", NULL };
    size_t n = strlen(prefix);
    if (prefix[0] == ':') {
        for (int i = 0; commands[i]; i++)
            if (strncmp(commands[i], prefix, n) == 0) add(arg, commands[i]);
        return;
    }
    for (int i = 0; keywords[i]; i++)
        if (strncmp(keywords[i], prefix, n) == 0) add(arg, keywords[i]);
    session_complete(session, prefix, add, arg);
}

// run runs an input's code and waits for it, passing Ctrl-C on.
static void run(Func *entry) {
    term_flush();
    fflush(stdout);
    fflush(stderr);
    term_forget_interrupt();
    sched_repl_launch(entry);
    int fd = sched_repl_done_fd();
    bool interrupting = false;
    // GOLI_REPL_TIMEOUT=MS interrupts an input that runs longer (scripts).
    const char *limit = getenv("GOLI_REPL_TIMEOUT");
    int limit_ms = limit && *limit ? atoi(limit) : -1;
    for (;;) {
        bool timed_out;
        if (!term_wait(fd, interrupting ? 100 : limit_ms, &timed_out)) {
            interrupting = true;
            sched_repl_interrupt();
            continue;
        }
        if (timed_out) {
            interrupting = true;
            sched_repl_interrupt();   // the time limit, or it was about to park: again
            continue;
        }
        break;
    }
    int st = sched_repl_status();
    fflush(stdout);
    fflush(stderr);
    term_flush();
    // On a terminal the line holds the echoed ^C.
    if (st == REPL_INTERRUPTED) fputs(term_interactive() ? "\ninterrupted\n" : "interrupted\n", term_out());
}

static void compile_and_run(const char *text) {
    Func *entry;
    SessionResult r = session_compile(session, text, &entry, term_out(), stderr);
    fflush(stderr);
    if (r == SESSION_RUN && entry) run(entry);
}

static const char *skip_space(const char *s) {
    while (*s == ' ' || *s == '\t') s++;
    return s;
}

// command runs a :command; false for :quit.
static bool command(const char *line) {
    FILE *out = term_out();
    const char *arg = line + 1;
    while (*arg && *arg != ' ' && *arg != '\t') arg++;
    size_t n = (size_t)(arg - line);
    arg = skip_space(arg);
#define IS(name) (n == strlen(name) && strncmp(line, name, n) == 0)
    if (IS(":quit") || IS(":q") || IS(":exit")) return false;
    if (IS(":help") || IS(":h") || IS(":?")) {
        fputs(help_text, out);
    } else if (IS(":reset")) {
        Func *init;
        Session *s = session_new(&init);
        if (s) session = s;
        if (s && init) run(init);
        fputs("session reset\n", out);
    } else if (IS(":load")) {
        if (!*arg) fputs("usage: :load FILE\n", out);
        else {
            Func *entry;
            if (session_load(session, arg, &entry, stderr)) {
                if (entry) run(entry);
                fprintf(out, "loaded %s\n", arg);
            }
        }
    } else if (IS(":type")) {
        if (!*arg) fputs("usage: :type EXPR\n", out);
        else session_type(session, arg, out, stderr);
    } else if (IS(":goroutines")) {
        term_flush();
        sched_print_goroutines(out);
    } else if (IS(":dis")) {
        Func *fn = *arg ? session_func(session, arg) : NULL;
        if (!*arg) fputs("usage: :dis NAME\n", out);
        else if (!fn) fprintf(out, "no function %s\n", arg);
        else vm_dis(out, fn);
    } else if (IS(":time")) {
        if (!*arg) {
            fputs("usage: :time STMT\n", out);
        } else {
            struct timespec a, b;
            clock_gettime(CLOCK_MONOTONIC, &a);
            compile_and_run(arg);
            clock_gettime(CLOCK_MONOTONIC, &b);
            double ms = (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
            fprintf(out, "time: %.3fms\n", ms);
        }
    } else {
        fprintf(out, "unknown command %.*s (:help lists them)\n", (int)n, line);
    }
#undef IS
    fflush(stderr);
    return true;
}

int repl_main(bool plain) {
    run_repl_init();
    Func *init;
    session = session_new(&init);
    if (!session) sched_exit(2);
    term_init(plain, complete);
    if (init) run(init);
    FILE *out = term_out();
    if (term_interactive()) fputs("goli: Go, interactively. :help for help, Ctrl-D to leave.\n", out);
    char *buf = NULL;
    for (;;) {
        bool intr;
        char *line = term_read(buf ? "... " : "> ", &intr);
        if (intr) {
            if (!buf) fputs("(to leave, type :quit or press Ctrl-D)\n", out);
            buf = NULL;
            continue;
        }
        if (!line) {
            if (buf) compile_and_run(buf);   // the end of input ends it
            break;
        }
        if (!buf && line[0] == ':') {
            term_history(line);
            if (!command(line)) break;
            continue;
        }
        buf = buf ? mem_sprintf("%s\n%s", buf, line) : line;
        if (session_incomplete(buf)) continue;
        term_history(buf);
        const char *text = buf;
        buf = NULL;
        compile_and_run(text);
    }
    if (term_interactive()) fputc('\n', out);
    term_close();
    sched_exit(0);
}
