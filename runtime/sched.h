// runtime/sched.h: goroutines on an M:N scheduler, after Go's G/M/P design
// (../DESIGN.md, "Scheduler"; ../shared/notes/scheduler.md).
//
// A G is a goroutine: its frames live on the GC heap, so any M can resume
// it. An M is an OS worker thread. A P is the right to run bytecode: there
// are GOMAXPROCS of them, each with a local run queue (a 256-slot ring the
// owner pushes to and any M may steal half of) and a runnext slot for the
// goroutine just made ready, which runs next and inherits the time slice.
// One global queue, under the scheduler lock, takes overflow, yields and
// goroutines readied by threads that hold no P.
//
// Parking is the one blocking primitive: a channel, a timer or a sync
// semaphore records its waiter, marks it G_WAITING with a reason, releases
// its own lock, and returns VM_PARK up through the VM loop; sched_ready
// later puts the G back on a run queue. A G parked inside a nested
// C-to-bytecode call cannot be unwound: its M releases its P and sleeps
// until sched_ready wakes it (the DESIGN's "nested" case).
#ifndef GOLI_SCHED_H
#define GOLI_SCHED_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "runtime/g.h"

// Wait reasons, as Go's tracebacks name them.
#define WAIT_REASONS(X)                                   \
    X(WAIT_NONE, "")                                      \
    X(WAIT_CHAN_RECV, "chan receive")                     \
    X(WAIT_CHAN_SEND, "chan send")                        \
    X(WAIT_CHAN_RECV_NIL, "chan receive (nil chan)")      \
    X(WAIT_CHAN_SEND_NIL, "chan send (nil chan)")         \
    X(WAIT_SELECT, "select")                              \
    X(WAIT_SELECT_NO_CASES, "select (no cases)")          \
    X(WAIT_SLEEP, "sleep")                                \
    X(WAIT_IO, "IO wait")                                 \
    X(WAIT_MUTEX, "sync.Mutex.Lock")                      \
    X(WAIT_RWMUTEX_RLOCK, "sync.RWMutex.RLock")           \
    X(WAIT_RWMUTEX_LOCK, "sync.RWMutex.Lock")             \
    X(WAIT_WAITGROUP, "sync.WaitGroup.Wait")              \
    X(WAIT_COND, "sync.Cond.Wait")                        \
    X(WAIT_SEMACQUIRE, "semacquire")                      \
    X(WAIT_FOREVER, "forever")

typedef enum WaitReason {
#define WR_ENUM(name, text) name,
    WAIT_REASONS(WR_ENUM)
#undef WR_ENUM
} WaitReason;

const char *wait_reason_text(int reason);

// sched_run makes GOMAXPROCS Ps, turns the calling thread into the first
// M and runs main on it as goroutine 1 until the program ends; it does not
// return. entry has no parameters or results.
// on_panic reports a goroutine's unrecovered panic (and exits).
void sched_run(Func *entry, void (*on_panic)(G *g)) __attribute__((noreturn));

// REPL mode: the calling thread (the REPL's) stays out of the scheduler;
// sched_repl_launch runs each input's entry as a goroutine of its own,
// and done_fd (an eventfd) becomes readable when it ends: then
// sched_repl_status says how. Unrecovered panics are reported by on_panic,
// which returns: only that goroutine ends. A deadlock of the input's
// goroutine is reported as Go reports one and the goroutine unwound.
// sched_repl_interrupt (Ctrl-C) unwinds it as runtime.Goexit does, at its
// next preemption point or, parked, at once; call it again if the
// goroutine has not ended (a goroutine about to park may miss one).
enum { REPL_OK, REPL_PANIC, REPL_GOEXIT, REPL_INTERRUPTED, REPL_DEADLOCK };
void sched_repl_init(void (*on_panic)(G *g));
void sched_repl_launch(Func *entry);
int sched_repl_done_fd(void);
int sched_repl_status(void);
void sched_repl_interrupt(void);
// sched_print_goroutines lists every goroutine: state or wait reason,
// stack, and where it was created (the REPL's :goroutines).
void sched_print_goroutines(FILE *out);

// sched_go starts a goroutine running closure cl with nargs argument words
// (the go statement). creator is the running G, whose saved fn/pc name the
// go statement for "created by" lines.
void sched_go(G *creator, Closure *cl, const Word *args, uint32_t nargs);

// sched_park parks g, whose waker can already find it in some queue that
// the caller guards with a lock it holds: unlock(arg) releases it once g
// is marked waiting (unlock may be NULL). g->resume, if set, runs when g
// is woken. Returns VM_PARK, to be passed up by the native (the VM resumes
// g after the native's call once readied), or, when g was parked inside a
// nested call and has now been woken, what g->resume returned (VM_OK
// without one).
int sched_park(G *g, WaitReason reason, void (*unlock)(void *), void *arg);
// sched_unlock_mutex is an unlock function for a pthread_mutex_t.
void sched_unlock_mutex(void *mutex);

// sched_ready makes a parked goroutine runnable. Never call it holding a
// channel's lock.
void sched_ready(G *g);
// sched_ready_list readies a list of goroutines linked by schedlink.
void sched_ready_list(G *list);

// Blocking C calls (reading standard input): the M hands its P to another
// worker for the duration, as Go's entersyscallblock does.
void sched_block_enter(void);
void sched_block_exit(void);

// sched_gomaxprocs sets the number of Ps if n > 0 and returns the old one.
int sched_gomaxprocs(int n);
int sched_num_goroutine(void);
int sched_num_cpu(void);

// sched_main_goexit records that main called runtime.Goexit.
void sched_main_goexit(void);

// sched_exit flushes what the runtime buffers and ends the process, once:
// a second caller (another M reporting a panic at the same moment) waits
// for the first to finish.
void sched_exit(int status) __attribute__((noreturn));

// sched_lock_fatal takes the process-wide lock a panic report or fatal
// error holds while it prints, so that two reports never interleave.
void sched_lock_fatal(void);

// sched_fatal_end ends the process after a fatal error of the running
// goroutine g has been printed under sched_lock_fatal; in a REPL it ends
// only g (the M goes back to scheduling).
void sched_fatal_end(G *g) __attribute__((noreturn));

// sched_print_created prints the "created by" lines of g.
void sched_print_created(G *g);

// sched_wake_poller breaks the idle M's wait in epoll (a timer moved).
void sched_wake_poller(void);

// Monotonic nanoseconds.
int64_t sched_nanotime(void);

#endif
