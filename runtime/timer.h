// runtime/timer.h: timers on one min-heap ordered by deadline, run by
// whichever M looks for work (runtime/sched.c) and waited for by the idle
// M in epoll. A timer sleeps a goroutine (time.Sleep), sends the time on a
// channel (time.After, Timer, Ticker) or starts a goroutine
// (time.AfterFunc).
#ifndef GOLI_TIMER_H
#define GOLI_TIMER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "runtime/g.h"

typedef struct Chan Chan;

typedef enum { TIMER_SLEEP, TIMER_CHAN, TIMER_FUNC } TimerKind;

typedef struct Timer {
    int64_t when;           // monotonic ns
    int64_t period;         // > 0 for a ticker
    TimerKind kind;
    int32_t heap_index;     // -1 when not in the heap
    G *g;                   // TIMER_SLEEP: the sleeper
    Chan *c;                // TIMER_CHAN: its channel (buffer of one)
    Closure *f;             // TIMER_FUNC: the function to start
} Timer;

// timer_chan_value writes the value a channel timer sends at mono_now
// (a time.Time of size bytes); package time sets it.
extern void (*_Atomic timer_chan_value)(void *dst, size_t size, int64_t mono_now);

// timer_sleep parks g for ns nanoseconds (time.Sleep); returns what
// sched_park returns.
int timer_sleep(G *g, int64_t ns);

// timer_start arms t to fire at when (absolute), then every period (0:
// once); timer_stop disarms it. Both report whether t was armed before,
// as Timer.Reset and Stop do.
bool timer_start(Timer *t, int64_t when, int64_t period);
bool timer_stop(Timer *t);

// timers_next is the earliest deadline, or -1 with no timer armed.
int64_t timers_next(void);
// timers_run fires every timer due at now; reports whether any fired.
bool timers_run(int64_t now);
// timers_live reports whether some armed timer could wake a goroutine:
// a sleep, an AfterFunc, or a channel timer someone waits to receive
// from. (A channel timer nobody waits on cannot end a deadlock.)
bool timers_live(void);
// timers_firing is how many fired timers are between the heap and their
// effect (deadlock detection must not miss them).
int timers_firing(void);

// timer_cancel_sleep stops the timer of g, parked in timer_sleep, unless
// it has fired (REPL interrupts): true if it did.
bool timer_cancel_sleep(G *g);

#endif
