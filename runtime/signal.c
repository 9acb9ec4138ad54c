// runtime/signal.c: signals for os/signal (signal.h has the words and
// invariants).
//
// Design: the managed signals are blocked in every thread from before the
// first M exists, and one dedicated thread loops on sigwaitinfo. For each
// signal it takes it decides, under sigs.lock: dropped (ignored), written
// as one byte to a pipe that os/signal's watcher goroutine reads (wanted),
// or Go's default action (default_action: Go drops most signals nobody
// asked for, exits 2 on SIGQUIT), taken on the signal thread itself. Where
// Go leaves it to the system (SIGINT, SIGTERM, SIGHUP, SIGTSTP): SIG_DFL,
// unblock the signal in this thread only, pthread_kill ourselves, so the
// process ends exactly as if nobody had caught it (the shell sees 130
// after SIGINT), or stops.
//
// The signal thread is a plain thread, not registered with the collector
// (pthread_create is undefined below, past gc.h's redirect): it never
// touches GC memory, only the masks, the pipe and stdio. Registering it
// would start the collector's parallel markers in every program, threaded
// or not, which changed runtime.MemStats (examples/runtime_stats.gol saw
// Alloc > TotalAlloc). The watcher (signal.gol's loop, as Go's
// os/signal.loop) reads the pipe in a blocking call that hands its P on
// (sched_block_enter, as a read of standard input does), so it is a
// goroutine in a system call: the deadlock check counts it as able to
// wake, as Go's counts its watcher, and a program blocked in <-sigCh after
// Notify is not reported. It then does the rest in Go: it sends without
// blocking on each notified channel, and a full channel drops the signal.
//
// Rejected: an asynchronous handler writing to a self-pipe. It would run
// on whatever thread the kernel picks, M or collector, in the middle of
// anything, limited to async-signal-safe calls; sigwaitinfo on a thread of
// our own runs ordinary code and leaves the collector's SIGPWR/SIGXCPU
// alone (they are never blocked: pthread_sigmask is the collector's
// wrapper, which keeps them open, and they are not in the managed set).
//
// SIGHUP and SIGINT ignored at startup (a shell starts background jobs
// with SIGINT ignored, nohup ignores SIGHUP) stay ignored while not
// notified, as in Go; since blocked signals are never discarded by the
// kernel they still reach sigwaitinfo, and we drop them.
#include "runtime/signal.h"
#include "runtime/sched.h"
#include "vm/vm.h"

#include <errno.h>
#include <fcntl.h>
#include <gc/gc.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

// The signal thread is created unregistered, and masks are set with the
// C library's own pthread_sigmask: the collector's wrapper starts its
// marker threads in every program (see above). The managed set never holds
// SIGPWR or SIGXCPU, which is all the wrapper would protect.
#undef pthread_create
#undef pthread_sigmask

// The managed signals: asynchronous, sent to the process, safe to block.
static const int managed[] = {
    SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGTERM, SIGSTKFLT, SIGCHLD,
    SIGCONT, SIGTSTP, SIGTTIN, SIGTTOU, SIGURG, SIGVTALRM, SIGPROF, SIGWINCH, SIGIO,
};

static struct {
    pthread_mutex_t lock;   // guards all fields below
    uint64_t wanted;        // bit s: some channel is notified of s
    uint64_t ignored;       // bit s: signal.Ignore(s), or ignored at startup and not notified
    uint64_t ignored_start; // bit s: SIGHUP or SIGINT, and SIG_IGN when goli started
} sigs = { .lock = PTHREAD_MUTEX_INITIALIZER };

static sigset_t managed_set;
static int pipefd[2] = { -1, -1 };  // wanted signals, a byte each; [1] never blocks

#define BIT(s) ((uint64_t)1 << (s))

bool sig_managed(int s) {
    return s > 0 && s < 64 && sigismember(&managed_set, s) == 1;
}

// Go's own default actions, which are not all the system's: Go's runtime
// catches every signal and drops the ones it has no use for.
typedef enum SigDefault {
    SIGDEF_DROP,    // SIGUSR1, SIGUSR2, SIGALRM, SIGCHLD, SIGURG, SIGWINCH, ...
    SIGDEF_SYSTEM,  // the system's: SIGHUP, SIGINT, SIGTERM die, SIGTSTP stops
    SIGDEF_THROW,   // SIGQUIT, SIGSTKFLT: Go prints "SIGQUIT: quit" and exits 2
} SigDefault;

static SigDefault default_action(int s) {
    switch (s) {
    case SIGHUP: case SIGINT: case SIGTERM:
    case SIGTSTP: case SIGTTIN: case SIGTTOU: case SIGCONT:
        return SIGDEF_SYSTEM;
    case SIGQUIT:
        return SIGDEF_THROW;
    case SIGSTKFLT:
        return SIGDEF_THROW;
    default:
        return SIGDEF_DROP;
    }
}

void sig_default(int s) {
    SigDefault d = default_action(s);
    if (d == SIGDEF_DROP) return;
    if (d == SIGDEF_THROW) {
        // Go dumps every goroutine after this line; goli prints the line.
        sched_lock_fatal();
        fflush(stdout);
        fprintf(stderr, "%s\n", s == SIGQUIT ? "SIGQUIT: quit" : "SIGSTKFLT: stack fault");
        fflush(stderr);
        _exit(2);
    }
    fflush(stdout);
    fflush(stderr);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    sigaction(s, &sa, NULL);
    sigset_t one;
    sigemptyset(&one);
    sigaddset(&one, s);
    pthread_sigmask(SIG_UNBLOCK, &one, NULL);
    pthread_kill(pthread_self(), s);
    // Still here: a stop signal, and we were continued, or SIGCONT.
    pthread_sigmask(SIG_BLOCK, &one, NULL);
}

// deliver acts on signal s, just taken by sigwaitinfo.
static void deliver(int s) {
    pthread_mutex_lock(&sigs.lock);
    if (sigs.wanted & BIT(s)) {
        // A full pipe (thousands unread) drops the signal, as Go's queue does.
        unsigned char b = (unsigned char)s;
        ssize_t r = write(pipefd[1], &b, 1);
        (void)r;
        pthread_mutex_unlock(&sigs.lock);
        return;
    }
    bool drop = (sigs.ignored & BIT(s)) != 0;
    pthread_mutex_unlock(&sigs.lock);
    if (!drop) sig_default(s);
}

static void *sig_loop(void *arg) {
    (void)arg;
    for (;;) {
        siginfo_t info;
        int s = sigwaitinfo(&managed_set, &info);
        if (s > 0 && s < 64) deliver(s);   // s < 0: EINTR, the collector stopped us
    }
    return NULL;
}

void sig_init(void) {
    sigemptyset(&managed_set);
    for (size_t i = 0; i < sizeof managed / sizeof *managed; i++) {
        int s = managed[i];
        sigaddset(&managed_set, s);
        struct sigaction old;
        if ((s == SIGHUP || s == SIGINT) && sigaction(s, NULL, &old) == 0 && old.sa_handler == SIG_IGN) {
            sigs.ignored_start |= BIT(s);
            sigs.ignored |= BIT(s);
        }
    }
    if (pipe2(pipefd, O_CLOEXEC) != 0 || fcntl(pipefd[1], F_SETFL, O_NONBLOCK) != 0 ||
        pthread_sigmask(SIG_BLOCK, &managed_set, NULL) != 0) {
        fputs("fatal error: runtime: cannot block signals\n", stderr);
        exit(2);
    }
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t th;
    if (pthread_create(&th, &attr, sig_loop, NULL) != 0) {
        fputs("fatal error: runtime: cannot create the signal thread\n", stderr);
        exit(2);
    }
    pthread_attr_destroy(&attr);
}

void sig_enable(int s) {
    if (!sig_managed(s)) return;
    pthread_mutex_lock(&sigs.lock);
    sigs.wanted |= BIT(s);
    sigs.ignored &= ~BIT(s);
    pthread_mutex_unlock(&sigs.lock);
}

void sig_disable(int s) {
    if (!sig_managed(s)) return;
    pthread_mutex_lock(&sigs.lock);
    sigs.wanted &= ~BIT(s);
    sigs.ignored |= sigs.ignored_start & BIT(s);
    pthread_mutex_unlock(&sigs.lock);
}

void sig_ignore(int s) {
    if (!sig_managed(s)) return;
    pthread_mutex_lock(&sigs.lock);
    sigs.wanted &= ~BIT(s);
    sigs.ignored |= BIT(s);
    pthread_mutex_unlock(&sigs.lock);
}

// sig_reset is sig_disable: as in Go, Reset undoes Notify, not Ignore.
void sig_reset(int s) { sig_disable(s); }

bool sig_ignored(int s) {
    if (!sig_managed(s)) return false;
    pthread_mutex_lock(&sigs.lock);
    bool r = (sigs.ignored & BIT(s)) != 0;
    pthread_mutex_unlock(&sigs.lock);
    return r;
}

int sig_recv(void) {
    unsigned char b;
    ssize_t r;
    sched_block_enter();
    do r = read(pipefd[0], &b, 1);
    while (r < 0 && errno == EINTR);
    sched_block_exit();
    return r == 1 ? b : 0;
}
