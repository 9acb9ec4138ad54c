// runtime/chan.h: channels and select, after Go's hchan and sudog
// (../shared/notes/scheduler.md, "Channels", "select").
//
// A channel is a lock, a ring buffer of cap elements of elem->size bytes,
// and two queues of waiting goroutines (sudogs). The lock guards all of
// it, including the sudogs on its queues. A sender that finds a waiting
// receiver copies straight into the receiver's slot and readies it after
// unlocking; a receiver that finds a waiting sender takes from it (from
// the buffer's head when buffered, refilling the tail from the sender so
// FIFO order holds). select locks its channels in address order.
#ifndef GOLI_CHAN_H
#define GOLI_CHAN_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "runtime/g.h"
#include "runtime/type.h"

typedef struct Sudog {
    G *g;
    struct Sudog *next, *prev;      // in the channel's queue
    struct Sudog *waitlink;         // the other sudogs of the same select
    struct Chan *c;
    void *elem;                     // where to copy from (send) or to (receive); may be NULL
    Word *ok;                       // a receive's ok result, or NULL
    int32_t case_index;             // select: which case
    bool is_select;
    bool success;                   // set by the waker: true unless woken by close
} Sudog;

typedef struct WaitQ {
    Sudog *first, *last;
} WaitQ;

struct Chan {
    pthread_mutex_t lock;
    const Type *elem;
    uint64_t cap;
    uint64_t count;
    uint64_t sendx, recvx;
    uint8_t *buf;
    bool closed;
    bool timer;                     // a timer's channel: len and cap read 0
    WaitQ recvq, sendq;
};

typedef struct Chan Chan;

Chan *chan_make(const Type *elem, int64_t cap);
// chan_send and chan_recv return VM_OK, VM_PARK (the goroutine waits; the
// VM resumes after the call) or VM_PANIC. recv's *ok and elem are written
// when the value arrives, also after a park.
int chan_send(G *g, Chan *c, const void *elem);
int chan_recv(G *g, Chan *c, void *elem, Word *ok);
int chan_close(G *g, Chan *c);
// chan_try_send puts elem in c's buffer without blocking or panicking; for
// timers, whose channel drops a tick nobody took. Returns false if full.
bool chan_try_send(Chan *c, const void *elem);
// chan_drain empties a timer channel's buffer (Stop, Reset).
void chan_drain(Chan *c);
int64_t chan_len(const Chan *c);
int64_t chan_cap(const Chan *c);
// chan_has_receivers takes c's lock; callers may hold the timer lock (the
// lock order is scheduler, timers, channel: channel code takes neither of
// the others while it holds a channel's lock).
bool chan_has_receivers(Chan *c);

// SelectCase is one case of a select as the code generator lays it out:
// the channel, and for a send the value's address, for a receive where to
// store it (or NULL to drop it).
typedef struct SelectCase {
    Chan *c;
    void *elem;
    bool send;
} SelectCase;

// chan_select runs a select over n cases. With has_default it never
// blocks. The chosen case index (-1 for default) goes to *chosen and
// whether a receive got a value (not a close) to *recv_ok, also after a
// park. Returns VM_OK, VM_PARK or VM_PANIC.
int chan_select(G *g, SelectCase *cases, int n, bool has_default, Word *chosen, Word *recv_ok);

// chan_cancel_wait takes g, parked in a send, receive or select, off its
// channels' queues unless a waker has already taken it (REPL interrupts):
// true if it did.
bool chan_cancel_wait(G *g);

#endif
