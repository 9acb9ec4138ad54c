// runtime/sched.c: the M:N scheduler (sched.h). The shape is Go's
// (runtime/proc.go): per-P rings with runnext, a global queue, work
// stealing by spinning Ms, idle Ms asleep on their own condition variable,
// one M at a time waiting in epoll for the next timer, and the deadlock
// check when the last P goes idle.
#include "runtime/sched.h"
#include "common/mem.h"
#include "runtime/chan.h"
#include "runtime/panic.h"
#include "runtime/sema.h"
#include "runtime/timer.h"
#include "vm/config.h"
#include "vm/vm.h"

#include <errno.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#define MAX_PROCS 256
#define RUNQ_SIZE 256

typedef struct P P;
typedef struct M M;

struct P {
    int id;
    _Atomic uint32_t runqhead, runqtail;
    G *_Atomic runq[RUNQ_SIZE];
    G *_Atomic runnext;
    uint32_t schedtick;
    // m and idle are written under sched.lock; stealers read them without
    // it, as hints, so they are atomics (relaxed).
    M *_Atomic m;
    P *link;                // in the idle list
    _Atomic bool idle;
};

struct M {
    int id;
    P *p;                   // the P it holds, or NULL
    P *nextp;               // a P handed to it while asleep
    bool spinning;          // counted in sched.nmspinning
    G *curg;
    M *link;                // in the idle list or the wait-for-P list
    M *alllink;
    pthread_mutex_t mu;     // the M's note: sleep until woken
    pthread_cond_t cv;
    bool wake;
    uint64_t rng;
    jmp_buf fatal_jmp;      // REPL mode: where a goroutine's fatal error lands
};

static struct {
    pthread_mutex_t lock;   // guards everything below not marked atomic
    G *runq_head, *runq_tail;
    _Atomic int32_t runqsize;
    P *pidle;
    _Atomic int32_t npidle;
    M *midle;
    M *pwait;               // Ms with a running G waiting for a P (nested park, system call)
    _Atomic int32_t nmspinning;
    _Atomic int32_t gomaxprocs;  // written under lock, read anywhere
    int32_t nsyscall;       // Ms in a blocking C call without a P
    int32_t mcount;
    _Atomic bool polling;   // an M waits in epoll (set under lock; read as a hint)
    bool main_goexit;
    bool dead;              // the deadlock report is being printed
    _Atomic int32_t ngoroutines;
    _Atomic int64_t next_goid;
    // allg lists every live goroutine for dumps, under allg_lock.
    pthread_mutex_t allg_lock;
    G *allg;
    // statistics (GOLI_SCHEDTRACE)
    _Atomic int64_t st_created, st_switches, st_steals, st_parks, st_yields;
    _Atomic int32_t st_maxrunq;
    int32_t st_maxm;
} sched = { .lock = PTHREAD_MUTEX_INITIALIZER, .allg_lock = PTHREAD_MUTEX_INITIALIZER };

// REPL mode (sched_repl_*): the REPL's thread stays outside the scheduler
// and runs each input as a goroutine of its own, waiting on done_fd.
static struct {
    bool on;
    G *g;                   // the input's goroutine while it runs (sched.lock)
    int status;             // how the last one ended: REPL_*
    int why;                // why it is being unwound: REPL_INTERRUPTED, REPL_DEADLOCK
    int done_fd;            // an eventfd, written when it ends
} repl = { .done_fd = -1 };

static void repl_finish(G *g, int status);
static void interrupt_g(G *g, int why);

static P *allp[MAX_PROCS];  // GC-uncollectable: roots for the Gs in their rings
static M *allm;             // every M, so their thread-local pointer stays reachable
static __thread M *cur_m;
static Func *trampoline;    // runs a native as a goroutine's body
static void (*panic_handler)(G *g);
static int epfd = -1, evfd = -1;
static _Atomic bool poll_sleeping;
static pthread_mutex_t fatal_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static bool schedtrace;

const char *wait_reason_text(int reason) {
    static const char *const texts[] = {
#define WR_TEXT(name, text) text,
        WAIT_REASONS(WR_TEXT)
#undef WR_TEXT
    };
    if (reason < 0 || reason >= (int)(sizeof texts / sizeof *texts)) return "unknown";
    return texts[reason];
}

int64_t sched_nanotime(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void sched_count_park(void) { atomic_fetch_add_explicit(&sched.st_parks, 1, memory_order_relaxed); }

static uint32_t m_rand(M *m) {
    m->rng ^= m->rng << 13;
    m->rng ^= m->rng >> 7;
    m->rng ^= m->rng << 17;
    return (uint32_t)(m->rng >> 16);
}

// ---- Local run queues (single producer: the P's owner; any consumer) ----

static bool runq_empty(P *p) {
    for (;;) {
        uint32_t h = atomic_load(&p->runqhead), t = atomic_load(&p->runqtail);
        G *next = atomic_load(&p->runnext);
        if (t == atomic_load(&p->runqtail)) return h == t && !next;
    }
}

static void globrunq_put_batch(G *first, G *last, int n);

// runq_put_slow moves half the full ring, plus g, to the global queue.
static bool runq_put_slow(P *p, G *g, uint32_t h, uint32_t t) {
    enum { N = RUNQ_SIZE / 2 };
    G *batch[N + 1];
    if (t - h != RUNQ_SIZE) return false;
    for (uint32_t i = 0; i < N; i++) batch[i] = atomic_load_explicit(&p->runq[(h + i) % RUNQ_SIZE], memory_order_relaxed);
    if (!atomic_compare_exchange_strong_explicit(&p->runqhead, &h, h + N, memory_order_release,
                                                 memory_order_relaxed))
        return false;
    batch[N] = g;
    for (uint32_t i = 0; i < N; i++) batch[i]->schedlink = batch[i + 1];
    globrunq_put_batch(batch[0], batch[N], N + 1);
    return true;
}

static void runq_put(P *p, G *g, bool next) {
    if (next) {
        G *old = atomic_exchange(&p->runnext, g);
        if (!old) return;
        g = old;
    }
    for (;;) {
        uint32_t h = atomic_load_explicit(&p->runqhead, memory_order_acquire);
        uint32_t t = atomic_load_explicit(&p->runqtail, memory_order_relaxed);
        if (t - h < RUNQ_SIZE) {
            atomic_store_explicit(&p->runq[t % RUNQ_SIZE], g, memory_order_relaxed);
            atomic_store_explicit(&p->runqtail, t + 1, memory_order_release);
            uint32_t len = t + 1 - h;
            if ((int32_t)len > atomic_load_explicit(&sched.st_maxrunq, memory_order_relaxed))
                atomic_store_explicit(&sched.st_maxrunq, (int32_t)len, memory_order_relaxed);
            return;
        }
        if (runq_put_slow(p, g, h, t)) return;
    }
}

// runq_get takes the owner's next G; *inherit says it came from runnext.
static G *runq_get(P *p, bool *inherit) {
    G *next = atomic_load(&p->runnext);
    if (next && atomic_compare_exchange_strong(&p->runnext, &next, NULL)) {
        *inherit = true;
        return next;
    }
    *inherit = false;
    for (;;) {
        uint32_t h = atomic_load_explicit(&p->runqhead, memory_order_acquire);
        uint32_t t = atomic_load_explicit(&p->runqtail, memory_order_relaxed);
        if (t == h) return NULL;
        G *g = atomic_load_explicit(&p->runq[h % RUNQ_SIZE], memory_order_relaxed);
        if (atomic_compare_exchange_strong_explicit(&p->runqhead, &h, h + 1, memory_order_release,
                                                    memory_order_relaxed))
            return g;
    }
}

// runq_grab copies half of p's ring into batch from batch_head on.
static uint32_t runq_grab(P *p, G *_Atomic *batch, uint32_t batch_head, bool steal_next) {
    for (;;) {
        uint32_t h = atomic_load_explicit(&p->runqhead, memory_order_acquire);
        uint32_t t = atomic_load_explicit(&p->runqtail, memory_order_acquire);
        uint32_t n = t - h;
        n = n - n / 2;
        if (n == 0) {
            if (steal_next) {
                G *next = atomic_load(&p->runnext);
                if (next) {
                    if (atomic_load_explicit(&p->m, memory_order_relaxed)) usleep(3);   // let a running owner take it first (Go does)
                    if (!atomic_compare_exchange_strong(&p->runnext, &next, NULL)) continue;
                    atomic_store_explicit(&batch[batch_head % RUNQ_SIZE], next, memory_order_relaxed);
                    return 1;
                }
            }
            return 0;
        }
        if (n > RUNQ_SIZE / 2) continue;   // read head and tail at different moments
        for (uint32_t i = 0; i < n; i++) {
            G *g = atomic_load_explicit(&p->runq[(h + i) % RUNQ_SIZE], memory_order_relaxed);
            atomic_store_explicit(&batch[(batch_head + i) % RUNQ_SIZE], g, memory_order_relaxed);
        }
        if (atomic_compare_exchange_strong_explicit(&p->runqhead, &h, h + n, memory_order_release,
                                                    memory_order_relaxed))
            return n;
    }
}

static G *runq_steal(P *p, P *victim, bool steal_next) {
    uint32_t t = atomic_load_explicit(&p->runqtail, memory_order_relaxed);
    uint32_t n = runq_grab(victim, p->runq, t, steal_next);
    if (n == 0) return NULL;
    atomic_fetch_add_explicit(&sched.st_steals, 1, memory_order_relaxed);
    n--;
    G *g = atomic_load_explicit(&p->runq[(t + n) % RUNQ_SIZE], memory_order_relaxed);
    if (n) atomic_store_explicit(&p->runqtail, t + n, memory_order_release);
    return g;
}

// ---- The global queue (sched.lock held) ----

static void globrunq_put_locked(G *g) {
    g->schedlink = NULL;
    if (sched.runq_tail) sched.runq_tail->schedlink = g;
    else sched.runq_head = g;
    sched.runq_tail = g;
    atomic_fetch_add(&sched.runqsize, 1);
}

static void globrunq_put_batch(G *first, G *last, int n) {
    pthread_mutex_lock(&sched.lock);
    last->schedlink = NULL;
    if (sched.runq_tail) sched.runq_tail->schedlink = first;
    else sched.runq_head = first;
    sched.runq_tail = last;
    atomic_fetch_add(&sched.runqsize, n);
    pthread_mutex_unlock(&sched.lock);
}

static G *globrunq_pop_locked(void) {
    G *g = sched.runq_head;
    if (!g) return NULL;
    sched.runq_head = g->schedlink;
    if (!sched.runq_head) sched.runq_tail = NULL;
    g->schedlink = NULL;
    atomic_fetch_sub(&sched.runqsize, 1);
    return g;
}

// globrunq_get takes a fair share of the global queue for p: one to run,
// the rest onto p's ring.
static G *globrunq_get_locked(P *p, int max) {
    int32_t size = atomic_load(&sched.runqsize);
    if (size == 0) return NULL;
    int32_t n = size / sched.gomaxprocs + 1;
    if (n > size) n = size;
    if (max > 0 && n > max) n = max;
    if (n > RUNQ_SIZE / 2) n = RUNQ_SIZE / 2;
    G *g = globrunq_pop_locked();
    for (int32_t i = 1; i < n; i++) runq_put(p, globrunq_pop_locked(), false);
    return g;
}

// ---- Idle Ps and Ms (sched.lock held) ----

static void note_wakeup(M *m) {
    pthread_mutex_lock(&m->mu);
    m->wake = true;
    pthread_cond_signal(&m->cv);
    pthread_mutex_unlock(&m->mu);
}

static void note_sleep(M *m) {
    pthread_mutex_lock(&m->mu);
    while (!m->wake) pthread_cond_wait(&m->cv, &m->mu);
    m->wake = false;
    pthread_mutex_unlock(&m->mu);
}

static bool check_dead_locked(void);

// pidle_put gives p up: to an M waiting for a P if there is one, else to
// the idle list. The caller checked p's ring is empty.
static void pidle_put_locked(P *p) {
    p->m = NULL;
    if (p->id >= sched.gomaxprocs) {   // retired by GOMAXPROCS
        p->idle = false;
        return;
    }
    M *w = sched.pwait;
    if (w) {
        sched.pwait = w->link;
        w->nextp = p;
        p->m = w;
        note_wakeup(w);
        return;
    }
    p->idle = true;
    p->link = sched.pidle;
    sched.pidle = p;
    atomic_fetch_add(&sched.npidle, 1);
}

static P *pidle_get_locked(void) {
    P *p = sched.pidle;
    if (p) {
        sched.pidle = p->link;
        p->idle = false;
        atomic_fetch_sub(&sched.npidle, 1);
    }
    return p;
}

static void *m_main(void *arg);

static M *m_new(void) {
    M *m = GC_MALLOC_UNCOLLECTABLE(sizeof(M));
    memset(m, 0, sizeof *m);
    pthread_mutex_init(&m->mu, NULL);
    pthread_cond_init(&m->cv, NULL);
    m->rng = (uint64_t)sched_nanotime() * 0x9E3779B97F4A7C15ULL | 1;
    pthread_mutex_lock(&sched.lock);
    m->id = sched.mcount++;
    if (sched.mcount > sched.st_maxm) sched.st_maxm = sched.mcount;
    m->alllink = allm;
    allm = m;
    pthread_mutex_unlock(&sched.lock);
    return m;
}

// start_m runs p (or an idle P) on an idle M, or a new one.
static void start_m(P *p, bool spinning) {
    pthread_mutex_lock(&sched.lock);
    if (!p) p = pidle_get_locked();
    if (!p) {
        pthread_mutex_unlock(&sched.lock);
        if (spinning) atomic_fetch_sub(&sched.nmspinning, 1);
        return;
    }
    M *m = sched.midle;
    if (m) sched.midle = m->link;
    pthread_mutex_unlock(&sched.lock);
    if (m) {
        m->nextp = p;
        m->spinning = spinning;
        note_wakeup(m);
        return;
    }
    m = m_new();
    m->nextp = p;
    m->spinning = spinning;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attr, 8 << 20);   // nested calls back into bytecode run here
    pthread_t th;
    if (pthread_create(&th, &attr, m_main, m) != 0) fatal_error("newosproc: cannot create a thread");
    pthread_attr_destroy(&attr);
}

// wake_p starts one more spinning M if a P is idle and none spins, so
// new work is picked up; spinning Ms start the next one themselves.
static void wake_p(void) {
    // The work just published must be visible before we read the counts
    // (the other half of the spinner's re-check in find_runnable).
    atomic_thread_fence(memory_order_seq_cst);
    if (atomic_load(&sched.npidle) == 0) return;
    int32_t zero = 0;
    if (atomic_load(&sched.nmspinning) != 0 || !atomic_compare_exchange_strong(&sched.nmspinning, &zero, 1))
        return;
    start_m(NULL, true);
}

// ---- The poller: epoll on an eventfd, with the next timer as timeout ----

// ensure_poller: with a timer armed, some M must either run goroutines
// (it checks timers as it schedules) or wait in epoll for the deadline.
// When a P is idle and nobody polls, an M is started on it: finding no
// work, it becomes the poller. Call without sched.lock or the timer lock.
static void ensure_poller(void) {
    if (timers_next() < 0 || atomic_load(&sched.polling) || atomic_load(&sched.npidle) == 0) return;
    start_m(NULL, false);
}

// hand_off follows an M giving up its P to block (Go's handoffp): with
// goroutines queued, an M is started for the P now. wake_p would not do:
// it leaves the work to a spinning M, and a spinner that has already
// looked at the global queue would miss what the P's ring just put there.
static void hand_off(void) {
    if (atomic_load(&sched.runqsize) > 0) start_m(NULL, false);
    ensure_poller();
}

void sched_wake_poller(void) {
    if (atomic_load(&poll_sleeping)) {
        uint64_t one = 1;
        ssize_t r = write(evfd, &one, sizeof one);
        (void)r;
        return;
    }
    ensure_poller();
}

static void poll_wait(int64_t until) {
    int timeout = -1;
    if (until >= 0) {
        int64_t d = until - sched_nanotime();
        if (d <= 0) return;
        timeout = (int)((d + 999999) / 1000000);
        if (d < 1000000) timeout = 1;
    }
    struct epoll_event ev[8];
    atomic_store(&poll_sleeping, true);
    if (timers_next() != until) {   // a timer moved while we computed
        atomic_store(&poll_sleeping, false);
        return;
    }
    int n = epoll_wait(epfd, ev, 8, timeout);
    atomic_store(&poll_sleeping, false);
    for (int i = 0; i < n; i++) {
        if (ev[i].data.fd == evfd) {
            uint64_t v;
            ssize_t r = read(evfd, &v, sizeof v);
            (void)r;
        }
    }
}

// ---- Finding work ----

static void acquire_p(M *m, P *p) {
    m->p = p;
    p->m = m;
}

// reset_spinning: a spinning M found work; if it was the last spinner,
// start another so that the remaining work is found too.
static void reset_spinning(M *m) {
    m->spinning = false;
    if (atomic_fetch_sub(&sched.nmspinning, 1) == 1) wake_p();
}

static G *steal_work(M *m) {
    P *p = m->p;
    int n = sched.gomaxprocs;
    for (int round = 0; round < 4; round++) {
        bool last = round == 3;
        uint32_t start = m_rand(m) % (uint32_t)n;
        for (int i = 0; i < n; i++) {
            P *v = allp[(start + (uint32_t)i) % (uint32_t)n];
            if (!v || v == p || atomic_load_explicit(&v->idle, memory_order_relaxed)) continue;
            G *g = runq_steal(p, v, last);
            if (g) return g;
        }
    }
    return NULL;
}

static void dump_deadlock(void) __attribute__((noreturn));
static void on_deadlock(void);

// find_runnable returns a G for m to run, blocking until there is one.
// m holds a P on entry and on return.
static G *find_runnable(M *m, bool *inherit) {
    *inherit = false;
top:;
    P *p = m->p;
    if (p->id >= sched.gomaxprocs) {
        // GOMAXPROCS shrank: hand this P's work to the global queue, retire it.
        bool inh;
        G *g;
        pthread_mutex_lock(&sched.lock);
        while ((g = runq_get(p, &inh))) globrunq_put_locked(g);
        pidle_put_locked(p);
        m->p = NULL;
        if (m->spinning) {
            m->spinning = false;
            atomic_fetch_sub(&sched.nmspinning, 1);
        }
        P *np = pidle_get_locked();
        if (np) {
            acquire_p(m, np);
            pthread_mutex_unlock(&sched.lock);
            goto top;
        }
        pthread_mutex_unlock(&sched.lock);
        goto idle;
    }
    if (timers_next() >= 0) timers_run(sched_nanotime());
    if (p->schedtick % 61 == 0 && atomic_load(&sched.runqsize) > 0) {
        pthread_mutex_lock(&sched.lock);
        G *g = globrunq_get_locked(p, 1);
        pthread_mutex_unlock(&sched.lock);
        if (g) return g;
    }
    {
        G *g = runq_get(p, inherit);
        if (g) return g;
    }
    if (atomic_load(&sched.runqsize) > 0) {
        pthread_mutex_lock(&sched.lock);
        G *g = globrunq_get_locked(p, 0);
        pthread_mutex_unlock(&sched.lock);
        if (g) return g;
    }
    if (!m->spinning && 2 * atomic_load(&sched.nmspinning) < sched.gomaxprocs - atomic_load(&sched.npidle)) {
        m->spinning = true;
        atomic_fetch_add(&sched.nmspinning, 1);
    }
    if (m->spinning) {
        G *g = steal_work(m);
        if (g) {
            reset_spinning(m);
            return g;
        }
    }

    // Nothing to do: give the P back.
    pthread_mutex_lock(&sched.lock);
    if (atomic_load(&sched.runqsize) > 0) {
        G *g = globrunq_get_locked(p, 0);
        pthread_mutex_unlock(&sched.lock);
        if (m->spinning) reset_spinning(m);
        return g;
    }
    pidle_put_locked(p);
    m->p = NULL;
    if (check_dead_locked()) on_deadlock();
    pthread_mutex_unlock(&sched.lock);
    if (m->spinning) {
        m->spinning = false;
        atomic_fetch_sub(&sched.nmspinning, 1);
        atomic_thread_fence(memory_order_seq_cst);
        // Work published by a submitter who saw us spinning: look again,
        // in the global queue and every ring.
        for (int i = -1; i < sched.gomaxprocs; i++) {
            P *v = i >= 0 ? allp[i] : NULL;
            if (i < 0 ? atomic_load(&sched.runqsize) > 0 : v && !runq_empty(v)) {
                pthread_mutex_lock(&sched.lock);
                P *np = pidle_get_locked();
                pthread_mutex_unlock(&sched.lock);
                if (np) {
                    acquire_p(m, np);
                    m->spinning = true;
                    atomic_fetch_add(&sched.nmspinning, 1);
                    goto top;
                }
                break;
            }
        }
    }
idle:
    for (;;) {
        // Wait: in epoll for the next timer if nobody else does, else asleep.
        pthread_mutex_lock(&sched.lock);
        if (m->nextp) {
            acquire_p(m, m->nextp);
            m->nextp = NULL;
            pthread_mutex_unlock(&sched.lock);
            goto top;
        }
        if (!sched.polling && timers_next() >= 0) {
            sched.polling = true;
            pthread_mutex_unlock(&sched.lock);
            poll_wait(timers_next());
            timers_run(sched_nanotime());
            pthread_mutex_lock(&sched.lock);
            sched.polling = false;
            P *np = NULL;
            if (atomic_load(&sched.runqsize) > 0) np = pidle_get_locked();
            if (np) {
                acquire_p(m, np);
                pthread_mutex_unlock(&sched.lock);
                goto top;
            }
            // Another M may have gone to sleep while we polled: let it poll.
            if (check_dead_locked()) on_deadlock();
            pthread_mutex_unlock(&sched.lock);
            continue;
        }
        m->link = sched.midle;
        sched.midle = m;
        pthread_mutex_unlock(&sched.lock);
        note_sleep(m);
        pthread_mutex_lock(&sched.lock);
        P *np = m->nextp;
        m->nextp = NULL;
        if (np) {
            acquire_p(m, np);
            pthread_mutex_unlock(&sched.lock);
            goto top;
        }
        pthread_mutex_unlock(&sched.lock);
    }
}

// ---- Running goroutines ----

static void g_free(G *g);

static void run_g(M *m, G *g, bool inherit) {
    P *p = m->p;
    if (!inherit) {
        p->schedtick++;
        g->budget = VM_TIME_SLICE;
    }
    atomic_store_explicit(&g->status, G_RUNNING, memory_order_relaxed);
    m->curg = g;
    atomic_fetch_add_explicit(&sched.st_switches, 1, memory_order_relaxed);
    int st = VM_OK;
    if (g->resume) {
        int (*fn)(G *) = g->resume;
        g->resume = NULL;
        if (fn(g) == VM_PANIC) g->unwind_pending = true;
    }
    st = vm_run(g);
    m->curg = NULL;
    switch (st) {
    case VM_OK:
        if (g->is_main) sched_exit(0);
        // Freed first: the REPL, told the input is over, must not find it.
        g_free(g);
        repl_finish(g, REPL_OK);
        break;
    case VM_PANIC:
        if (g->panic && g->panic->goexit) {
            if (g->is_main) sched_main_goexit();
            g_free(g);
            repl_finish(g, g->interrupted ? repl.why : REPL_GOEXIT);
            break;
        }
        panic_handler(g);   // in a REPL it returns: the goroutine ends
        g_free(g);
        repl_finish(g, REPL_PANIC);
        break;
    case VM_YIELD:
        if (g->interrupt && !g->interrupted) {
            // Ctrl-C in the REPL: unwind it as runtime.Goexit does.
            g->interrupted = true;
            panic_begin_goexit(g);
            g->unwind_pending = true;
        }
        // Preempted or Gosched: to the global queue, as Go does.
        atomic_fetch_add_explicit(&sched.st_yields, 1, memory_order_relaxed);
        atomic_store(&g->status, G_RUNNABLE);
        pthread_mutex_lock(&sched.lock);
        globrunq_put_locked(g);
        pthread_mutex_unlock(&sched.lock);
        break;
    case VM_PARK:
    default:
        break;   // g belongs to whoever readies it now
    }
}

static void schedule(M *m) __attribute__((noreturn));
// run_guarded runs g; in a REPL, a fatal error of g (sched_fatal_end)
// comes back here: g has ended, and the M goes on scheduling.
static void run_guarded(M *m, G *g, bool inherit) {
    if (repl.on && setjmp(m->fatal_jmp)) return;
    run_g(m, g, inherit);
}

static void schedule(M *m) {
    for (;;) {
        bool inherit;
        G *g = find_runnable(m, &inherit);
        if (m->spinning) reset_spinning(m);
        run_guarded(m, g, inherit);
    }
}

void sched_fatal_end(G *g) {
    M *m = cur_m;
    if (!repl.on || !m || !g || g != m->curg || g->nested_m) _exit(2);
    pthread_mutex_unlock(&fatal_lock);
    m->curg = NULL;
    g_free(g);
    repl_finish(g, REPL_PANIC);
    longjmp(m->fatal_jmp, 1);
}

static void *m_main(void *arg) {
    M *m = arg;
    cur_m = m;
    pthread_mutex_lock(&sched.lock);
    P *p = m->nextp;
    m->nextp = NULL;
    acquire_p(m, p);
    pthread_mutex_unlock(&sched.lock);
    schedule(m);
}

// ---- Goroutines ----

static void allg_add(G *g) {
    pthread_mutex_lock(&sched.allg_lock);
    g->allprev = NULL;
    g->alllink = sched.allg;
    if (sched.allg) sched.allg->allprev = g;
    sched.allg = g;
    pthread_mutex_unlock(&sched.allg_lock);
}

static void allg_remove(G *g) {
    pthread_mutex_lock(&sched.allg_lock);
    if (g->allprev) g->allprev->alllink = g->alllink;
    else sched.allg = g->alllink;
    if (g->alllink) g->alllink->allprev = g->allprev;
    g->alllink = g->allprev = NULL;
    pthread_mutex_unlock(&sched.allg_lock);
}

// make_runnable queues g to run next on this thread's P (new and woken
// goroutines run next, as Go's runqput with next=true), or on the global
// queue from a thread without one, and wakes a worker if one is idle.
static void make_runnable(G *g) {
    atomic_store(&g->status, G_RUNNABLE);
    M *m = cur_m;
    if (m && m->p) {
        runq_put(m->p, g, true);
    } else {
        pthread_mutex_lock(&sched.lock);
        globrunq_put_locked(g);
        pthread_mutex_unlock(&sched.lock);
    }
    wake_p();
}

static void g_free(G *g) {
    atomic_store(&g->status, G_DEAD);
    allg_remove(g);
    atomic_fetch_sub(&sched.ngoroutines, 1);
}

static G *g_new(Func *fn, Closure *cl, const Word *args, uint32_t nargs, uint32_t words) {
    G *g = mem_new(G);
    g->id = atomic_fetch_add(&sched.next_goid, 1);
    vm_g_init_small(g, words);
    if (nargs) memcpy(g->stack, args, nargs * sizeof(Word));
    g->frames[0].fn = NULL;     // returning from the body ends the goroutine
    g->nframes = 1;
    g->fn = fn;
    g->cl = cl;
    g->pc = fn->code;
    g->base = 0;
    g->budget = VM_TIME_SLICE;
    atomic_fetch_add(&sched.ngoroutines, 1);
    atomic_fetch_add_explicit(&sched.st_created, 1, memory_order_relaxed);
    allg_add(g);
    return g;
}

void sched_go(G *creator, Closure *cl, const Word *args, uint32_t nargs) {
    Func *fn = cl->fn;
    G *g;
    if (fn->native) {
        // The trampoline calls the native through a CALLC with the closure
        // at R[0] and the arguments after it.
        Word *buf = mem_alloc((nargs + 1) * sizeof(Word));
        buf[0] = (Word)(uintptr_t)cl;
        if (nargs) memcpy(buf + 1, args, nargs * sizeof(Word));
        g = g_new(trampoline, NULL, buf, nargs + 1, 1 + (fn->nframe > nargs ? fn->nframe : nargs));
    } else {
        g = g_new(fn, cl, args, nargs, fn->nframe);
    }
    if (creator) {
        g->parent_id = creator->id;
        g->created_fn = creator->fn;
        g->created_pc = creator->pc;
    }
    make_runnable(g);
}

// created_line is the source line of g's go statement.
static int created_line(const G *g) {
    const Func *fn = g->created_fn;
    int idx = (int)(g->created_pc - fn->code) - 1;
    if (idx < 0) idx = 0;
    return fn->lines && idx < fn->ncode ? fn->lines[idx] : fn->line;
}

void sched_print_created(G *g) {
    if (!g->created_fn) return;
    const Func *fn = g->created_fn;
    int idx = (int)(g->created_pc - fn->code) - 1;
    fprintf(stderr, "created by %s in goroutine %lld\n\t%s:%d +0x%x\n", fn->name, (long long)g->parent_id,
            fn->file ? fn->file : "?", created_line(g), (unsigned)((idx < 0 ? 0 : idx) * 8));
}

// ---- Parking ----

void sched_unlock_mutex(void *mutex) { pthread_mutex_unlock(mutex); }

int sched_park(G *g, WaitReason reason, void (*unlock)(void *), void *arg) {
    M *m = cur_m;
    g->wait_reason = reason;
    sched_count_park();
    if (g->cdepth == 0) {
        atomic_store(&g->status, G_WAITING);
        if (unlock) unlock(arg);
        return VM_PARK;
    }
    // Parked inside a nested call: block this M, lending its P to others.
    g->nested_m = m;
    pthread_mutex_lock(&m->mu);
    m->wake = false;
    pthread_mutex_unlock(&m->mu);
    atomic_store(&g->status, G_WAITING);
    if (unlock) unlock(arg);
    P *p = m->p;
    pthread_mutex_lock(&sched.lock);
    {
        // Its ring goes to the global queue: nobody else may push to it.
        bool inh;
        G *q;
        while ((q = runq_get(p, &inh))) globrunq_put_locked(q);
    }
    m->p = NULL;
    pidle_put_locked(p);
    if (check_dead_locked()) on_deadlock();
    pthread_mutex_unlock(&sched.lock);
    hand_off();
    note_sleep(m);      // sched_ready: the G is runnable again, and has a P for us
    pthread_mutex_lock(&sched.lock);
    while (!m->nextp) {
        pthread_mutex_unlock(&sched.lock);
        note_sleep(m);
        pthread_mutex_lock(&sched.lock);
    }
    acquire_p(m, m->nextp);
    m->nextp = NULL;
    pthread_mutex_unlock(&sched.lock);
    g->nested_m = NULL;
    atomic_store(&g->status, G_RUNNING);
    if (g->resume) {
        int (*fn)(G *) = g->resume;
        g->resume = NULL;
        return fn(g);
    }
    return VM_OK;
}

void sched_ready(G *g) {
    M *nm = g->nested_m;
    if (nm) {
        // Its M sleeps inside a nested call: give it a P and wake it.
        atomic_store(&g->status, G_RUNNING);
        pthread_mutex_lock(&sched.lock);
        P *p = pidle_get_locked();
        if (p) {
            nm->nextp = p;
            p->m = nm;
        } else {
            nm->link = sched.pwait;
            sched.pwait = nm;
        }
        pthread_mutex_unlock(&sched.lock);
        note_wakeup(nm);
        return;
    }
    make_runnable(g);
}

void sched_ready_list(G *g) {
    while (g) {
        G *next = g->schedlink;
        g->schedlink = NULL;
        sched_ready(g);
        g = next;
    }
}

// ---- Blocking C calls ----

void sched_block_enter(void) {
    M *m = cur_m;
    if (!m || !m->p) return;
    P *p = m->p;
    if (m->curg) atomic_store(&m->curg->status, G_SYSCALL);
    pthread_mutex_lock(&sched.lock);
    bool inh;
    G *q;
    while ((q = runq_get(p, &inh))) globrunq_put_locked(q);
    m->p = NULL;
    sched.nsyscall++;
    pidle_put_locked(p);
    pthread_mutex_unlock(&sched.lock);
    hand_off();
}

void sched_block_exit(void) {
    M *m = cur_m;
    if (!m || m->p) return;
    pthread_mutex_lock(&sched.lock);
    sched.nsyscall--;
    P *p = pidle_get_locked();
    if (!p) {
        m->link = sched.pwait;
        sched.pwait = m;
        m->nextp = NULL;
        while (!m->nextp) {
            pthread_mutex_unlock(&sched.lock);
            note_sleep(m);
            pthread_mutex_lock(&sched.lock);
        }
        p = m->nextp;
        m->nextp = NULL;
    }
    acquire_p(m, p);
    pthread_mutex_unlock(&sched.lock);
    if (m->curg) atomic_store(&m->curg->status, G_RUNNING);
}

// ---- Deadlock ----

// check_dead_locked reports whether no goroutine can ever run again:
// every P idle, nobody in a blocking call, nothing queued, and no timer
// that could wake anyone (sched.lock held). In a REPL only the input's
// goroutine can be in a deadlock: the prompt can always start more.
static bool check_dead_locked(void) {
    if (sched.dead) return false;
    if (repl.on && (!repl.g || repl.g->interrupted || atomic_load(&repl.g->status) != G_WAITING)) return false;
    if (atomic_load(&sched.npidle) != sched.gomaxprocs) return false;
    // A P that GOMAXPROCS retired may still be running a goroutine.
    for (int i = 0; i < MAX_PROCS && allp[i]; i++)
        if (atomic_load_explicit(&allp[i]->m, memory_order_relaxed)) return false;
    if (sched.nsyscall > 0 || sched.pwait) return false;
    if (atomic_load(&sched.runqsize) > 0) return false;
    if (timers_firing() > 0 || timers_live()) return false;
    sched.dead = true;
    return true;
}

// oldest_first lists every goroutine, oldest first as Go's dumps do
// (sched.allg_lock held).
static G **oldest_first(int *n) {
    *n = 0;
    for (G *g = sched.allg; g; g = g->alllink) (*n)++;
    G **order = mem_alloc((*n + 1) * sizeof *order);
    int k = *n;
    for (G *g = sched.allg; g; g = g->alllink) order[--k] = g;
    return order;
}

// print_goroutines lists every goroutine with its wait reason, stack and
// creator.
static void print_goroutines(void) {
    pthread_mutex_lock(&sched.allg_lock);
    int n;
    G **order = oldest_first(&n);
    for (int i = 0; i < n; i++) {
        G *g = order[i];
        fprintf(stderr, "\ngoroutine %lld [%s]:\n", (long long)g->id, wait_reason_text(g->wait_reason));
        traceback_print(stderr, g);
        sched_print_created(g);
    }
    pthread_mutex_unlock(&sched.allg_lock);
}

static void dump_deadlock(void) {
    pthread_mutex_unlock(&sched.lock);
    sched_lock_fatal();
    fflush(stdout);
    if (atomic_load(&sched.ngoroutines) == 0 || (sched.main_goexit && !sched.allg)) {
        fputs("fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n", stderr);
        fflush(stderr);
        _exit(2);
    }
    fputs("fatal error: all goroutines are asleep - deadlock!\n", stderr);
    print_goroutines();
    fflush(stderr);
    _exit(2);
}

// on_deadlock reports a deadlock (sched.lock held, and held again on
// return). A program ends; a REPL's input goroutine is taken off what it
// waits on and unwound, and the prompt comes back.
static void on_deadlock(void) {
    if (!repl.on) dump_deadlock();
    G *g = repl.g;
    pthread_mutex_unlock(&sched.lock);
    fflush(stdout);
    pthread_mutex_lock(&fatal_lock);
    fputs("fatal error: all goroutines are asleep - deadlock!\n", stderr);
    print_goroutines();
    fflush(stderr);
    pthread_mutex_unlock(&fatal_lock);
    interrupt_g(g, REPL_DEADLOCK);
    pthread_mutex_lock(&sched.lock);
    sched.dead = false;   // the next input may deadlock too
}


void sched_main_goexit(void) {
    pthread_mutex_lock(&sched.lock);
    sched.main_goexit = true;
    pthread_mutex_unlock(&sched.lock);
}

// ---- Exit ----

static void print_schedtrace(void) {
    fprintf(stderr,
            "SCHED gomaxprocs=%d threads=%d goroutines_created=%lld switches=%lld steals=%lld "
            "parks=%lld yields=%lld max_runq=%d\n",
            sched.gomaxprocs, sched.st_maxm, (long long)atomic_load(&sched.st_created),
            (long long)atomic_load(&sched.st_switches), (long long)atomic_load(&sched.st_steals),
            (long long)atomic_load(&sched.st_parks), (long long)atomic_load(&sched.st_yields),
            (int)atomic_load(&sched.st_maxrunq));
}

void sched_lock_fatal(void) {
    pthread_mutex_lock(&fatal_lock);   // held until _exit: later reporters wait forever
}

void sched_exit(int status) {
    sched_lock_fatal();
    fflush(stdout);
    if (schedtrace) print_schedtrace();
    fflush(stderr);
    _exit(status);
}

// ---- GOMAXPROCS and counts ----

int sched_num_cpu(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

int sched_num_goroutine(void) { return atomic_load(&sched.ngoroutines); }

static P *p_new(int id) {
    P *p = GC_MALLOC_UNCOLLECTABLE(sizeof(P));
    memset(p, 0, sizeof *p);
    p->id = id;
    return p;
}

int sched_gomaxprocs(int n) {
    pthread_mutex_lock(&sched.lock);
    int old = sched.gomaxprocs;
    if (n <= 0 || n == old) {
        pthread_mutex_unlock(&sched.lock);
        return old;
    }
    if (n > MAX_PROCS) n = MAX_PROCS;
    sched.gomaxprocs = n;
    if (n < old) {
        // Idle Ps beyond n leave the idle list; running ones retire when
        // their M next looks for work.
        for (P **pp = &sched.pidle; *pp;) {
            if ((*pp)->id >= n) {
                (*pp)->idle = false;
                *pp = (*pp)->link;
                atomic_fetch_sub(&sched.npidle, 1);
            } else {
                pp = &(*pp)->link;
            }
        }
    } else {
        for (int i = old; i < n; i++) {
            if (!allp[i]) allp[i] = p_new(i);
            P *p = allp[i];
            if (!p->m && !p->idle) pidle_put_locked(p);
        }
    }
    pthread_mutex_unlock(&sched.lock);
    wake_p();
    return old;
}

// ---- Start ----

static int env_procs(void) {
    const char *s = getenv("GOMAXPROCS");
    if (s && *s) {
        char *end;
        long v = strtol(s, &end, 10);
        if (*end == 0 && v > 0) return v > MAX_PROCS ? MAX_PROCS : (int)v;
    }
    int n = sched_num_cpu();
    return n > MAX_PROCS ? MAX_PROCS : n;
}

static Func *make_trampoline(void) {
    // R[0] holds the closure, the arguments follow: CALLC 1, 0; RET0.
    static Instr code[2];
    static int32_t lines[2];
    code[0] = instr(OP_CALLC, 1, 0, 0);
    code[1] = instr(OP_RET0, 0, 0, 0);
    Func *f = mem_new(Func);
    f->name = "runtime.goexit";
    f->code = code;
    f->ncode = 2;
    f->lines = lines;
    f->nframe = 1;
    f->defer_pc = -1;
    return f;
}

static void sched_init(void) {
    schedtrace = getenv("GOLI_SCHEDTRACE") && *getenv("GOLI_SCHEDTRACE") && strcmp(getenv("GOLI_SCHEDTRACE"), "0") != 0;
    trampoline = make_trampoline();
    epfd = epoll_create1(EPOLL_CLOEXEC);
    evfd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (epfd < 0 || evfd < 0) fatal_error("runtime: cannot create the poller");
    struct epoll_event ev = { .events = EPOLLIN, .data.fd = evfd };
    epoll_ctl(epfd, EPOLL_CTL_ADD, evfd, &ev);
    int n = env_procs();
    sched.gomaxprocs = n;
    for (int i = 0; i < n; i++) allp[i] = p_new(i);
    atomic_store(&sched.next_goid, 1);
}

void sched_run(Func *entry, void (*on_panic)(G *g)) {
    panic_handler = on_panic;
    sched_init();
    int n = sched.gomaxprocs;
    M *m = m_new();
    cur_m = m;
    acquire_p(m, allp[0]);
    pthread_mutex_lock(&sched.lock);
    for (int i = n - 1; i >= 1; i--) pidle_put_locked(allp[i]);
    pthread_mutex_unlock(&sched.lock);
    G *g = g_new(entry, NULL, NULL, 0, 1024);
    g->is_main = true;
    atomic_store(&g->status, G_RUNNABLE);
    runq_put(m->p, g, false);
    schedule(m);
}

// ---- REPL mode ----

static void repl_finish(G *g, int status) {
    if (!g->is_repl) return;
    pthread_mutex_lock(&sched.lock);
    if (repl.g == g) {
        repl.g = NULL;
        repl.status = status;
        uint64_t one = 1;
        if (write(repl.done_fd, &one, sizeof one) < 0) { /* the REPL polls again */ }
    }
    pthread_mutex_unlock(&sched.lock);
}

// wait_cancel takes a parked g off whatever it waits on, unless a waker
// has claimed it already (then it is about to run): true if taken off.
static bool wait_cancel(G *g) {
    switch (g->wait_reason) {
    case WAIT_CHAN_RECV:
    case WAIT_CHAN_SEND:
    case WAIT_SELECT:
        return chan_cancel_wait(g);
    case WAIT_SLEEP:
        return timer_cancel_sleep(g);
    case WAIT_MUTEX:
    case WAIT_RWMUTEX_RLOCK:
    case WAIT_RWMUTEX_LOCK:
    case WAIT_WAITGROUP:
    case WAIT_COND:
    case WAIT_SEMACQUIRE:
        return sema_cancel_wait(g);
    case WAIT_CHAN_RECV_NIL:
    case WAIT_CHAN_SEND_NIL:
    case WAIT_SELECT_NO_CASES:
    case WAIT_FOREVER:
        return true;    // nothing can wake it
    default:
        return false;
    }
}

static int interrupt_resume(G *g) {
    panic_begin_goexit(g);
    return VM_PANIC;
}

// interrupt_g asks the REPL's goroutine g to unwind: a running one does at
// its next preemption point, a parked one is taken off its wait and woken
// into the unwinding. Call without sched.lock.
static void interrupt_g(G *g, int why) {
    if (!g || g->interrupted) return;
    pthread_mutex_lock(&sched.lock);
    bool live = repl.g == g;
    if (live) repl.why = why;
    pthread_mutex_unlock(&sched.lock);
    if (!live) return;
    atomic_store(&g->interrupt, true);
    if (atomic_load(&g->status) != G_WAITING || !wait_cancel(g)) return;
    g->interrupted = true;
    g->resume = interrupt_resume;
    g->resume_arg = NULL;
    sched_ready(g);
}

void sched_repl_init(void (*on_panic)(G *g)) {
    panic_handler = on_panic;
    sched_init();
    repl.on = true;
    repl.done_fd = eventfd(0, EFD_CLOEXEC);
    if (repl.done_fd < 0) fatal_error("runtime: cannot create the REPL's eventfd");
    pthread_mutex_lock(&sched.lock);
    for (int i = sched.gomaxprocs - 1; i >= 0; i--) pidle_put_locked(allp[i]);
    pthread_mutex_unlock(&sched.lock);
}

void sched_repl_launch(Func *entry) {
    G *g = g_new(entry, NULL, NULL, 0, 1024);
    g->is_repl = true;
    pthread_mutex_lock(&sched.lock);
    repl.g = g;
    repl.status = -1;
    pthread_mutex_unlock(&sched.lock);
    make_runnable(g);
}

int sched_repl_done_fd(void) { return repl.done_fd; }

int sched_repl_status(void) {
    uint64_t v;
    if (read(repl.done_fd, &v, sizeof v) < 0) { /* already drained */ }
    pthread_mutex_lock(&sched.lock);
    int st = repl.status;
    pthread_mutex_unlock(&sched.lock);
    return st;
}

void sched_repl_interrupt(void) {
    pthread_mutex_lock(&sched.lock);
    G *g = repl.g;
    pthread_mutex_unlock(&sched.lock);
    // A goroutine unwinding already is left to finish (its deferred calls).
    if (g && !g->interrupted) interrupt_g(g, REPL_INTERRUPTED);
}

void sched_print_goroutines(FILE *out) {
    static const char *const state[] = { "idle", "runnable", "running", "waiting", "syscall", "dead" };
    pthread_mutex_lock(&sched.allg_lock);
    int n;
    G **order = oldest_first(&n);
    if (n == 0) fputs("no goroutines\n", out);
    for (int i = 0; i < n; i++) {
        G *g = order[i];
        int st = atomic_load(&g->status);
        const char *what = st == G_WAITING ? wait_reason_text(g->wait_reason) : state[st];
        fprintf(out, "goroutine %lld [%s]:\n", (long long)g->id, what);
        // Only a parked goroutine's stack holds still long enough to print.
        if (st == G_WAITING) traceback_print(out, g);
        if (g->created_fn)
            fprintf(out, "created by %s in goroutine %lld at %s:%d\n", g->created_fn->name, (long long)g->parent_id,
                    g->created_fn->file ? g->created_fn->file : "?", created_line(g));
    }
    pthread_mutex_unlock(&sched.allg_lock);
}
