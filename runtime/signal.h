// runtime/signal.h: operating-system signals delivered to goroutines, for
// package os/signal (stdlib/os/signal/signal.gol); the design is in
// runtime/signal.c's header comment.
//
// Words: a managed signal is one of the asynchronous, process-directed
// signals goli takes over (SIGINT, SIGTERM, SIGUSR1, ...; never the
// collector's SIGPWR and SIGXCPU, never the synchronous faults, never
// SIGPIPE, which the kernel sends to the writing thread). A signal is
// wanted while some channel is notified of it (os/signal keeps the
// channels and counts; it tells us with sig_enable and sig_disable),
// ignored after signal.Ignore, and otherwise takes its default action.
//
// Invariants: every thread of the process blocks the managed signals
// (sig_init runs before the scheduler's first M is created and threads
// inherit the mask), so only the signal thread's sigwaitinfo takes them.
// The masks are guarded by one mutex (signal.c's `sigs.lock`); the signal
// thread is not registered with the collector and touches no GC memory.
#ifndef GOLI_SIGNAL_H
#define GOLI_SIGNAL_H

#include <stdbool.h>

// sig_init blocks the managed signals in the calling thread and starts the
// signal thread. Call it once, on the main thread, before sched_run.
void sig_init(void);

// sig_managed reports whether goli can deliver signal number s.
bool sig_managed(int s);

// sig_enable, sig_disable, sig_ignore and sig_reset change what an
// arriving signal s does: queue it for the watcher, take the default
// action, be dropped; sig_reset is sig_disable (Go's Reset undoes Notify,
// not Ignore). SIGHUP and SIGINT ignored at startup fall back to ignored.
void sig_enable(int s);
void sig_disable(int s);
void sig_ignore(int s);
void sig_reset(int s);
bool sig_ignored(int s);

// sig_recv is the watcher goroutine's wait: it blocks, as a system call
// that hands its P on, until a wanted signal arrives and returns its
// number, or 0 when the wait failed (the caller asks again).
int sig_recv(void);

// sig_default takes signal s's default action now, on the calling thread:
// for a signal that was queued while wanted and that nobody wants any more.
void sig_default(int s);

#endif
