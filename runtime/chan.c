// runtime/chan.c: channels and select (chan.h). Every waker copies under
// the channel's lock and readies the woken goroutine after unlocking.
#include "runtime/chan.h"
#include "common/mem.h"
#include "runtime/fastrand.h"
#include "runtime/sched.h"
#include "vm/vm.h"

#include <stdlib.h>
#include <string.h>

#define SEND_CLOSED "send on closed channel"

Chan *chan_make(const Type *elem, int64_t cap) {
    Chan *c = mem_new(Chan);
    pthread_mutex_init(&c->lock, NULL);
    c->elem = elem;
    c->cap = (uint64_t)cap;
    size_t bytes = (size_t)cap * elem->size;
    if (bytes == 0) bytes = 1;
    if (elem->flags & TF_HAS_PTR) {
        c->buf = mem_alloc(bytes);
    } else {
        c->buf = mem_alloc_atomic(bytes);
        memset(c->buf, 0, bytes);
    }
    return c;
}

int64_t chan_len(const Chan *c) { return c && !c->timer ? (int64_t)c->count : 0; }
int64_t chan_cap(const Chan *c) { return c && !c->timer ? (int64_t)c->cap : 0; }
bool chan_has_receivers(Chan *c) {
    pthread_mutex_lock(&c->lock);
    bool any = c->recvq.first != NULL;
    pthread_mutex_unlock(&c->lock);
    return any;
}

static void *slot(Chan *c, uint64_t i) { return c->buf + i * c->elem->size; }

// ---- Wait queues ----

static void enqueue(WaitQ *q, Sudog *sg) {
    sg->next = NULL;
    sg->prev = q->last;
    if (q->last) q->last->next = sg;
    else q->first = sg;
    q->last = sg;
}

static void unlink_sudog(WaitQ *q, Sudog *sg) {
    if (sg->prev) sg->prev->next = sg->next;
    else q->first = sg->next;
    if (sg->next) sg->next->prev = sg->prev;
    else q->last = sg->prev;
    sg->next = sg->prev = NULL;
}

// dequeue takes the first waiter that can still be woken: a select's
// sudog only if this waker wins its goroutine's select.
static Sudog *dequeue(WaitQ *q) {
    for (;;) {
        Sudog *sg = q->first;
        if (!sg) return NULL;
        unlink_sudog(q, sg);
        sg->c = NULL;   // no longer queued
        if (sg->is_select) {
            uint32_t zero = 0;
            if (!atomic_compare_exchange_strong(&sg->g->select_done, &zero, 1)) continue;
        }
        return sg;
    }
}

// ---- Send and receive ----

// copy_to_receiver completes a waiting receiver with elem.
static G *complete(Sudog *sg, const void *elem, size_t size) {
    if (sg->elem && elem) memcpy(sg->elem, elem, size);
    sg->success = true;
    sg->g->wake_sudog = sg;
    return sg->g;
}

// take_from_sender completes a waiting sender, putting its value at elem
// (a full buffer's head goes to elem and the sender's value to its tail).
static G *take_from_sender(Chan *c, Sudog *sg, void *elem) {
    size_t size = c->elem->size;
    if (c->cap == 0) {
        if (elem) memcpy(elem, sg->elem, size);
    } else {
        void *head = slot(c, c->recvx);
        if (elem) memcpy(elem, head, size);
        memcpy(head, sg->elem, size);
        if (++c->recvx == c->cap) c->recvx = 0;
        c->sendx = c->recvx;
    }
    sg->success = true;
    sg->g->wake_sudog = sg;
    return sg->g;
}

static void buffer_put(Chan *c, const void *elem) {
    memcpy(slot(c, c->sendx), elem, c->elem->size);
    if (++c->sendx == c->cap) c->sendx = 0;
    c->count++;
}

static void buffer_take(Chan *c, void *elem) {
    void *s = slot(c, c->recvx);
    if (elem) memcpy(elem, s, c->elem->size);
    memset(s, 0, c->elem->size);
    if (++c->recvx == c->cap) c->recvx = 0;
    c->count--;
}

// new_sudog gives g's one sudog for a send or receive. It is free again
// when g runs after the wait: its waker has taken it off the queue (and
// read what it needs under the channel's lock).
static Sudog *new_sudog(G *g, Chan *c, void *elem) {
    Sudog *sg = g->spare_sudog;
    if (sg) memset(sg, 0, sizeof *sg);
    else sg = g->spare_sudog = mem_new(Sudog);
    sg->g = g;
    sg->c = c;
    sg->elem = elem;
    return sg;
}

static int send_resume(G *g) {
    Sudog *sg = g->resume_arg;
    g->resume_arg = NULL;
    if (!sg->success) return vm_throw(g, SEND_CLOSED);
    return VM_OK;
}

int chan_send(G *g, Chan *c, const void *elem) {
    if (!c) {
        g->resume = NULL;
        return sched_park(g, WAIT_CHAN_SEND_NIL, NULL, NULL);
    }
    pthread_mutex_lock(&c->lock);
    if (c->closed) {
        pthread_mutex_unlock(&c->lock);
        return vm_throw(g, SEND_CLOSED);
    }
    Sudog *sg = dequeue(&c->recvq);
    if (sg) {
        G *r = complete(sg, elem, c->elem->size);
        pthread_mutex_unlock(&c->lock);
        sched_ready(r);
        return VM_OK;
    }
    if (c->count < c->cap) {
        buffer_put(c, elem);
        pthread_mutex_unlock(&c->lock);
        return VM_OK;
    }
    sg = new_sudog(g, c, (void *)elem);
    enqueue(&c->sendq, sg);
    g->resume = send_resume;
    g->resume_arg = sg;
    return sched_park(g, WAIT_CHAN_SEND, sched_unlock_mutex, &c->lock);
}

static int recv_resume(G *g) {
    Sudog *sg = g->resume_arg;
    g->resume_arg = NULL;
    if (sg->ok) *sg->ok = sg->success;
    return VM_OK;
}

int chan_recv(G *g, Chan *c, void *elem, Word *ok) {
    if (!c) {
        g->resume = NULL;
        return sched_park(g, WAIT_CHAN_RECV_NIL, NULL, NULL);
    }
    size_t size = c->elem->size;
    pthread_mutex_lock(&c->lock);
    if (c->closed && c->count == 0) {
        pthread_mutex_unlock(&c->lock);
        if (elem) memset(elem, 0, size);
        if (ok) *ok = 0;
        return VM_OK;
    }
    Sudog *sg = dequeue(&c->sendq);
    if (sg) {
        G *s = take_from_sender(c, sg, elem);
        pthread_mutex_unlock(&c->lock);
        sched_ready(s);
        if (ok) *ok = 1;
        return VM_OK;
    }
    if (c->count > 0) {
        buffer_take(c, elem);
        pthread_mutex_unlock(&c->lock);
        if (ok) *ok = 1;
        return VM_OK;
    }
    sg = new_sudog(g, c, elem);
    sg->ok = ok;
    enqueue(&c->recvq, sg);
    g->resume = recv_resume;
    g->resume_arg = sg;
    return sched_park(g, WAIT_CHAN_RECV, sched_unlock_mutex, &c->lock);
}

int chan_close(G *g, Chan *c) {
    if (!c) return vm_throw(g, "close of nil channel");
    pthread_mutex_lock(&c->lock);
    if (c->closed) {
        pthread_mutex_unlock(&c->lock);
        return vm_throw(g, "close of closed channel");
    }
    c->closed = true;
    // Every waiter wakes: receivers with zero values, senders to panic.
    G *wake = NULL;
    Sudog *sg;
    while ((sg = dequeue(&c->recvq))) {
        if (sg->elem) memset(sg->elem, 0, c->elem->size);
        sg->success = false;
        sg->g->wake_sudog = sg;
        sg->g->schedlink = wake;
        wake = sg->g;
    }
    while ((sg = dequeue(&c->sendq))) {
        sg->success = false;
        sg->g->wake_sudog = sg;
        sg->g->schedlink = wake;
        wake = sg->g;
    }
    pthread_mutex_unlock(&c->lock);
    sched_ready_list(wake);
    return VM_OK;
}

bool chan_try_send(Chan *c, const void *elem) {
    pthread_mutex_lock(&c->lock);
    Sudog *sg = dequeue(&c->recvq);
    if (sg) {
        G *r = complete(sg, elem, c->elem->size);
        pthread_mutex_unlock(&c->lock);
        sched_ready(r);
        return true;
    }
    bool ok = c->count < c->cap;
    if (ok) buffer_put(c, elem);
    pthread_mutex_unlock(&c->lock);
    return ok;
}

void chan_drain(Chan *c) {
    pthread_mutex_lock(&c->lock);
    while (c->count > 0) buffer_take(c, NULL);
    pthread_mutex_unlock(&c->lock);
}

// ---- select ----

typedef struct SelectWait {
    SelectCase *cases;
    int n;
    Chan **order;           // distinct channels in lock order
    int norder;
    Sudog *sudogs;          // linked by waitlink
    Word *chosen, *recv_ok;
} SelectWait;

static void lock_all(Chan **order, int n) {
    for (int i = 0; i < n; i++) pthread_mutex_lock(&order[i]->lock);
}

static void unlock_all(Chan **order, int n) {
    for (int i = n; i-- > 0;) pthread_mutex_unlock(&order[i]->lock);
}

static void unlock_select(void *arg) {
    SelectWait *w = arg;
    unlock_all(w->order, w->norder);
}

static int select_resume(G *g) {
    SelectWait *w = g->resume_arg;
    g->resume_arg = NULL;
    Sudog *win = g->wake_sudog;
    // Take the losing cases' sudogs off their channels.
    lock_all(w->order, w->norder);
    for (Sudog *sg = w->sudogs; sg; sg = sg->waitlink) {
        if (sg == win || !sg->c) continue;
        Chan *c = sg->c;
        unlink_sudog(w->cases[sg->case_index].send ? &c->sendq : &c->recvq, sg);
        sg->c = NULL;
    }
    unlock_all(w->order, w->norder);
    int i = win->case_index;
    *w->chosen = (Word)(int64_t)i;
    if (w->cases[i].send) {
        if (!win->success) return vm_throw(g, SEND_CLOSED);
    } else if (w->recv_ok) {
        *w->recv_ok = win->success;
    }
    return VM_OK;
}

bool chan_cancel_wait(G *g) {
    if (g->resume == select_resume) {
        SelectWait *w = g->resume_arg;
        uint32_t zero = 0;
        if (!atomic_compare_exchange_strong(&g->select_done, &zero, 1)) return false;
        lock_all(w->order, w->norder);
        for (Sudog *sg = w->sudogs; sg; sg = sg->waitlink) {
            if (!sg->c) continue;
            Chan *c = sg->c;
            unlink_sudog(w->cases[sg->case_index].send ? &c->sendq : &c->recvq, sg);
            sg->c = NULL;
        }
        unlock_all(w->order, w->norder);
        return true;
    }
    if (g->resume != send_resume && g->resume != recv_resume) return false;
    Sudog *sg = g->resume_arg;
    // sg->c turns NULL, under the channel's lock, once a waker takes sg.
    Chan *c = atomic_load_explicit((Chan *_Atomic *)&sg->c, memory_order_acquire);
    if (!c) return false;
    pthread_mutex_lock(&c->lock);
    bool queued = sg->c == c;
    if (queued) {
        unlink_sudog(g->resume == send_resume ? &c->sendq : &c->recvq, sg);
        sg->c = NULL;
    }
    pthread_mutex_unlock(&c->lock);
    return queued;
}

int chan_select(G *g, SelectCase *cases, int n, bool has_default, Word *chosen, Word *recv_ok) {
    int poll[n > 0 ? n : 1];
    Chan *order_buf[n > 0 ? n : 1];
    int np = 0;
    for (int i = 0; i < n; i++) {
        if (!cases[i].c) continue;
        // A uniformly random poll order (Fisher-Yates as the cases arrive).
        int j = (int)(rt_rand64() % (uint64_t)(np + 1));
        poll[np] = poll[j];
        poll[j] = i;
        np++;
    }
    if (np == 0) {
        if (has_default) {
            *chosen = (Word)(int64_t)-1;
            return VM_OK;
        }
        g->resume = NULL;
        return sched_park(g, n == 0 ? WAIT_SELECT_NO_CASES : WAIT_SELECT, NULL, NULL);
    }
    int norder = 0;
    for (int i = 0; i < np; i++) order_buf[norder++] = cases[poll[i]].c;
    // Lock order by address; an insertion sort, as selects are small.
    for (int i = 1; i < norder; i++) {
        Chan *c = order_buf[i];
        int j = i;
        for (; j > 0 && (uintptr_t)order_buf[j - 1] > (uintptr_t)c; j--) order_buf[j] = order_buf[j - 1];
        order_buf[j] = c;
    }
    int k = 0;
    for (int i = 0; i < norder; i++)
        if (k == 0 || order_buf[k - 1] != order_buf[i]) order_buf[k++] = order_buf[i];
    norder = k;

    lock_all(order_buf, norder);
    for (int pi = 0; pi < np; pi++) {
        int i = poll[pi];
        Chan *c = cases[i].c;
        size_t size = c->elem->size;
        if (cases[i].send) {
            if (c->closed) {
                unlock_all(order_buf, norder);
                return vm_throw(g, SEND_CLOSED);
            }
            Sudog *sg = dequeue(&c->recvq);
            if (sg) {
                G *r = complete(sg, cases[i].elem, size);
                unlock_all(order_buf, norder);
                sched_ready(r);
                *chosen = (Word)i;
                return VM_OK;
            }
            if (c->count < c->cap) {
                buffer_put(c, cases[i].elem);
                unlock_all(order_buf, norder);
                *chosen = (Word)i;
                return VM_OK;
            }
        } else {
            Sudog *sg = dequeue(&c->sendq);
            if (sg) {
                G *s = take_from_sender(c, sg, cases[i].elem);
                unlock_all(order_buf, norder);
                sched_ready(s);
                *chosen = (Word)i;
                if (recv_ok) *recv_ok = 1;
                return VM_OK;
            }
            if (c->count > 0) {
                buffer_take(c, cases[i].elem);
                unlock_all(order_buf, norder);
                *chosen = (Word)i;
                if (recv_ok) *recv_ok = 1;
                return VM_OK;
            }
            if (c->closed) {
                unlock_all(order_buf, norder);
                if (cases[i].elem) memset(cases[i].elem, 0, size);
                *chosen = (Word)i;
                if (recv_ok) *recv_ok = 0;
                return VM_OK;
            }
        }
    }
    if (has_default) {
        unlock_all(order_buf, norder);
        *chosen = (Word)(int64_t)-1;
        return VM_OK;
    }
    // Wait on every channel at once. One allocation holds the wait, its
    // copy of the cases, the lock order and a sudog a case.
    size_t bytes = sizeof(SelectWait) + (size_t)n * sizeof(SelectCase) + (size_t)norder * sizeof(Chan *) +
                   (size_t)np * sizeof(Sudog);
    // The buffer is g's own and free again once select_resume has run.
    if (g->select_cap < bytes) {
        g->select_cap = bytes < 512 ? 512 : bytes;
        g->select_buf = mem_alloc(g->select_cap);
    } else {
        memset(g->select_buf, 0, bytes);
    }
    SelectWait *w = g->select_buf;
    w->cases = (SelectCase *)(w + 1);
    memcpy(w->cases, cases, (size_t)n * sizeof *cases);
    w->n = n;
    w->order = (Chan **)(w->cases + n);
    memcpy(w->order, order_buf, (size_t)norder * sizeof *w->order);
    w->norder = norder;
    w->chosen = chosen;
    w->recv_ok = recv_ok;
    Sudog *sgs = (Sudog *)(void *)(w->order + norder);
    atomic_store(&g->select_done, 0);
    g->wake_sudog = NULL;
    for (int i = n, used = 0; i-- > 0;) {
        Chan *c = cases[i].c;
        if (!c) continue;
        Sudog *sg = &sgs[used++];
        sg->g = g;
        sg->c = c;
        sg->elem = cases[i].elem;
        sg->is_select = true;
        sg->case_index = i;
        sg->waitlink = w->sudogs;
        w->sudogs = sg;
        enqueue(cases[i].send ? &c->sendq : &c->recvq, sg);
    }
    g->resume = select_resume;
    g->resume_arg = w;
    return sched_park(g, WAIT_SELECT, unlock_select, w);
}
