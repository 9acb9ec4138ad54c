// runtime/g.h: a goroutine. Its frames and registers live in GC-heap memory
// it owns (stack, frames), never on a C stack, so a G can stop at any
// instruction that may park and be resumed by any worker (../DESIGN.md,
// "Goroutines without C stacks").
#ifndef GOLI_G_H
#define GOLI_G_H

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
};

#endif
