// repl/term.c: the REPL's terminal (term.h).
//
// SIGINT stays blocked in every thread; the REPL's thread lets it in only
// while it waits, in ppoll, so Ctrl-C always lands here and interrupts a
// wait. libedit reads its characters through term_getc, which is such a
// wait: it also copies the program's output to the terminal above the line
// being edited, then has libedit draw the prompt and the line again.
#include "repl/term.h"
#include "common/fdio.h"
#include "common/mem.h"
#include "repl/editline.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

static bool interactive;
static int term_fd = -1;        // the terminal itself (a copy of fd 1)
static int out_rd = -1;         // the program's output, fds 1 and 2
static int intr_fd = -1;        // written by the SIGINT handler
static FILE *term;
static const char *history_path;
static TermComplete completer;
static sigset_t wait_mask;      // the thread's mask with SIGINT let in
static bool line_dirty;         // output arrived while a line was edited
static Editline el;             // libedit, loaded for a terminal

static void on_sigint(int sig) {
    (void)sig;
    uint64_t one = 1;
    if (write(intr_fd, &one, sizeof one) < 0) { /* already pending */ }
}

void term_block_sigint(void) {
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGINT);
    pthread_sigmask(SIG_BLOCK, &s, NULL);
}

// take_interrupt reports (and clears) a pending Ctrl-C.
static bool take_interrupt(void) {
    uint64_t v;
    return read(intr_fd, &v, sizeof v) == (ssize_t)sizeof v;
}

// pump copies what the program wrote; above_line: clear the line being
// edited first (it is drawn again afterwards).
static bool pump(bool above_line) {
    char buf[4096];
    bool any = false;
    for (;;) {
        ssize_t n = read(out_rd, buf, sizeof buf);
        if (n <= 0) break;
        if (above_line && !any) fd_write_all(term_fd, "\r\033[K", 4);
        any = true;
        fd_write_all(term_fd, buf, (size_t)n);
        if (above_line && buf[n - 1] != '\n') fd_write_all(term_fd, "\r\n", 2);
    }
    return any;
}

void term_flush(void) {
    if (interactive) pump(false);
    fflush(term);
}

// ---- Completion ----

typedef struct Words {
    const char **v;
    int n, cap;
} Words;

static Words words;

static void add_word(void *arg, const char *w) {
    Words *ws = arg;
    for (int i = 0; i < ws->n; i++)
        if (strcmp(ws->v[i], w) == 0) return;
    if (ws->n == ws->cap) {
        ws->cap = ws->cap ? ws->cap * 2 : 64;
        const char **v = mem_alloc(ws->cap * sizeof *v);
        if (ws->n) memcpy(v, ws->v, ws->n * sizeof *v);
        ws->v = v;
    }
    ws->v[ws->n++] = w;
}

static char *next_word(const char *text, int state) {
    static int i;
    if (state == 0) {
        words.n = 0;
        i = 0;
        if (completer) completer(text, add_word, &words);
    }
    if (i < words.n) return strdup(words.v[i++]);   // libedit frees it
    return NULL;
}

static char **complete(const char *text, int start, int end) {
    (void)start;
    (void)end;
    *el.attempted_completion_over = 1;   // no file names
    return el.completion_matches(text, next_word);
}

// ---- Reading ----

// term_getc gives libedit its next character, copying output meanwhile.
// EOF (-1) on Ctrl-C too: readline then returns, and the flag says why.
static volatile bool sigint_seen;

static int term_getc(FILE *f) {
    (void)f;
    for (;;) {
        struct pollfd fds[3] = { { .fd = 0, .events = POLLIN }, { .fd = out_rd, .events = POLLIN },
                                 { .fd = intr_fd, .events = POLLIN } };
        int r = ppoll(fds, 3, NULL, &wait_mask);
        if (r < 0 && errno != EINTR) return -1;
        if (take_interrupt()) {
            sigint_seen = true;
            return -1;
        }
        if (r > 0 && (fds[1].revents & POLLIN)) {
            if (pump(true)) line_dirty = true;
            if (line_dirty) {
                el.forced_update_display();
                line_dirty = false;
            }
        }
        if (r > 0 && (fds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
            unsigned char c;
            ssize_t n = read(0, &c, 1);
            if (n == 1) return c;
            if (n == 0) return -1;
            if (errno != EINTR && errno != EAGAIN) return -1;
        }
    }
}

void term_init(bool plain, TermComplete complete_fn) {
    completer = complete_fn;
    // Blocked again here: the collector's start may have reset the mask.
    term_block_sigint();
    pthread_sigmask(SIG_SETMASK, NULL, &wait_mask);
    sigdelset(&wait_mask, SIGINT);
    intr_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;    // no SA_RESTART: a wait returns EINTR
    sigaction(SIGINT, &sa, NULL);
    interactive = !plain && isatty(0) && isatty(1);
    const char *why = NULL;
    if (interactive && !editline_load(&el, &why)) {
        fprintf(stderr, "goli: no line editing (%s)\n", why ? why : "libedit not found");
        interactive = false;
    }
    if (!interactive) {
        // Line by line, in order with what the program writes itself.
        setvbuf(stdout, NULL, _IOLBF, 0);
        term = stdout;
        return;
    }
    term_fd = dup(1);
    int p[2];
    if (pipe2(p, O_CLOEXEC) < 0) {
        interactive = false;
        term = stdout;
        return;
    }
    out_rd = p[0];
    fcntl(out_rd, F_SETFL, O_NONBLOCK);
    dup2(p[1], 1);
    dup2(p[1], 2);
    close(p[1]);
    term = fdopen(term_fd, "w");
    setvbuf(term, NULL, _IONBF, 0);
    setvbuf(stdout, NULL, _IONBF, 0);
    *el.catch_signals = 0;
    *el.getc_function = term_getc;
    *el.instream = stdin;
    *el.outstream = term;
    *el.attempted_completion_function = complete;
    *el.completion_append_character = '\0';
    *el.basic_word_break_characters = " \t\n\"\\'`@$><=;|&{}()[],+-*/%^!~";
    el.using_history();
    el.stifle_history(1000);
    const char *home = getenv("HOME");
    if (home && *home) {
        history_path = mem_sprintf("%s/.goli_history", home);
        el.read_history(history_path);
    }
}

bool term_interactive(void) { return interactive; }
FILE *term_out(void) { return term; }

char *term_read(const char *prompt, bool *interrupted) {
    *interrupted = false;
    if (interactive) {
        sigint_seen = false;
        take_interrupt();
        char *line = el.readline(prompt);
        if (sigint_seen) {
            free(line);
            *interrupted = true;
            fd_write_all(term_fd, "^C\r\n", 4);
            return NULL;
        }
        if (!line) return NULL;
        char *s = mem_strndup(line, strlen(line));
        free(line);
        return s;
    }
    char *buf = NULL;
    size_t cap = 0;
    ssize_t n = getline(&buf, &cap, stdin);
    if (n < 0) {
        free(buf);
        return NULL;
    }
    if (n > 0 && buf[n - 1] == '\n') buf[--n] = 0;
    char *s = mem_strndup(buf, (size_t)n);
    free(buf);
    fprintf(stdout, "%s%s\n", prompt, s);
    fflush(stdout);
    return s;
}

void term_history(const char *input) {
    if (interactive && *input) el.add_history(input);
}

void term_forget_interrupt(void) {
    // A SIGINT still pending (it came while reading a line) is delivered
    // now, and dropped with any other.
    struct timespec zero = { 0, 0 };
    ppoll(NULL, 0, &zero, &wait_mask);
    take_interrupt();
}

bool term_wait(int fd, int timeout_ms, bool *timed_out) {
    *timed_out = false;
    for (;;) {
        struct pollfd fds[3] = { { .fd = fd, .events = POLLIN }, { .fd = intr_fd, .events = POLLIN },
                                 { .fd = out_rd, .events = POLLIN } };
        struct timespec ts = { timeout_ms / 1000, (long)(timeout_ms % 1000) * 1000000L };
        int r = ppoll(fds, out_rd >= 0 ? 3 : 2, timeout_ms >= 0 ? &ts : NULL, &wait_mask);
        if (take_interrupt()) return false;
        if (r < 0) {
            if (errno == EINTR) continue;
            return true;
        }
        if (out_rd >= 0 && (fds[2].revents & POLLIN)) pump(false);
        if (fds[0].revents & POLLIN) {
            term_flush();
            return true;
        }
        if (r == 0) {
            *timed_out = true;
            return true;
        }
    }
}

void term_close(void) {
    term_flush();
    if (interactive && history_path) el.write_history(history_path);
}
