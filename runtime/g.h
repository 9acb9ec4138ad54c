// runtime/g.h: a goroutine. Its frames and registers live in GC-heap memory
// it owns (stack, frames), never on a C stack, so a G can stop at any
// instruction that may park and be resumed by any worker (../DESIGN.md,
// "Goroutines without C stacks").
#ifndef GOLI_G_H
#define GOLI_G_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vm/func.h"

// Frame is a caller's saved state, pushed by a call.
typedef struct Frame {
    Func *fn;
    Closure *cl;            // the caller's closure (its captures), or NULL
    const Instr *pc;        // where the caller resumes
    uint32_t base;          // the caller's first register in stack
} Frame;

// Defer is one pending deferred call: the closure and its argument words,
// evaluated when the defer statement ran. depth is the number of frames
// below the activation that deferred it (g->nframes then).
typedef struct Defer {
    struct Defer *next;
    uint32_t depth;
    uint32_t nargs;
    Closure *cl;
    Word args[];
} Defer;

// TraceFrame is one line pair of a traceback.
typedef struct TraceFrame {
    Func *fn;
    const Instr *pc;
} TraceFrame;

// Status of a goroutine (runtime/sched.c).
enum { G_IDLE, G_RUNNABLE, G_RUNNING, G_WAITING, G_SYSCALL, G_DEAD };

struct G {
    int64_t id;             // goroutine number, as tracebacks print it
    Word *stack;            // registers of all frames (GC memory)
    uint32_t stack_words;
    Frame *frames;          // saved callers (GC memory); frames[0] is the entry
    uint32_t nframes, frames_cap;
    // The running frame, saved here whenever the VM loop returns.
    Func *fn;
    Closure *cl;
    const Instr *pc;
    uint32_t base;
    struct Panic *panic;    // the innermost panic (runtime/panic.h), or NULL
    struct Defer *defers;   // pending deferred calls, innermost first
    struct TraceFrame *trace;   // the stack where the last panic began
    uint32_t ntrace;
    // Scheduling (runtime/sched.c).
    _Atomic int status;     // G_*
    int wait_reason;        // WaitReason while G_WAITING
    int32_t budget;         // instructions' worth of time slice left
    uint32_t cdepth;        // C-to-bytecode calls nested on the running M
    struct G *schedlink;    // next in a run queue
    struct G *alllink;      // next in the list of all goroutines (newest first)
    struct G *allprev;
    struct M *nested_m;     // the M blocked inside a nested park, or NULL
    _Atomic uint32_t select_done;   // a select's wakers race for it (chan.c)
    struct Sudog *wake_sudog;   // set by the waker: the sudog it completed
    // resume, when set, runs on the G's next start after a park, before
    // its bytecode: the rest of the operation that parked (a select's
    // clean-up, a send's check for a close). It returns VM_OK or
    // VM_PANIC (a panic begun on g, which the VM then unwinds).
    int (*resume)(struct G *g);
    void *resume_arg;
    bool unwind_pending;    // vm_run starts by unwinding g->panic
    // Reused by this goroutine's channel waits (one wait at a time).
    struct Sudog *spare_sudog;
    void *select_buf;
    size_t select_cap;
    bool is_main;
    bool is_repl;           // runs a REPL input (runtime/sched.c, REPL mode)
    _Atomic bool interrupt; // Ctrl-C: unwind at the next preemption point
    _Atomic bool interrupted;   // the unwinding has begun (the REPL thread reads it)
    int64_t parent_id;      // the goroutine whose go statement made it
    Func *created_fn;       // where: function and instruction
    const Instr *created_pc;
};

#endif
