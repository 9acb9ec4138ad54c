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
    void *panic;            // the current panic (vm/panic.c), or NULL
};

#endif
