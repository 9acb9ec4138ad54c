// vm/config.h: the VM's build-time knobs, each with its default and reason.
#ifndef GOLI_VM_CONFIG_H
#define GOLI_VM_CONFIG_H

// VM_COMPUTED_GOTO: dispatch through a table of label addresses (gcc's
// "labels as values") instead of a switch. On by default with gcc and clang:
// each handler then ends in its own indirect jump, which predicts better.
#ifndef VM_COMPUTED_GOTO
#if defined(__GNUC__)
#define VM_COMPUTED_GOTO 1
#else
#define VM_COMPUTED_GOTO 0
#endif
#endif

// VM_TRACE: print every instruction before it runs (very slow; debugging).
#ifndef VM_TRACE
#define VM_TRACE 0
#endif

// VM_MAX_DEPTH: calls one goroutine may nest before Go's "fatal error:
// stack overflow". Go's limit is 1 GB of stack; a frame here is a few words,
// so a depth limit near what a 1 GB Go stack allows for small frames.
#ifndef VM_MAX_DEPTH
#define VM_MAX_DEPTH 10000000
#endif

// VM_TIME_SLICE: instructions' worth of budget (counted at calls and
// backward jumps) a goroutine runs before it yields to the scheduler.
#ifndef VM_TIME_SLICE
#define VM_TIME_SLICE 20000
#endif

// VM_LOOP_ATTRS: attributes of vm_run. gcc's SLP vectorizer (on at -O2
// since gcc 12) pairs the loop's fn and cl, which SAVE_PC and ENTER store
// side by side, into one vector register: every dispatch then shuffles it
// and the time budget is spilled to memory (fib: 12% more instructions,
// 5% slower). Off for the loop alone; other compilers take no attribute.
#ifndef VM_LOOP_ATTRS
#if defined(__GNUC__) && !defined(__clang__)
#define VM_LOOP_ATTRS __attribute__((optimize("no-tree-slp-vectorize")))
#else
#define VM_LOOP_ATTRS
#endif
#endif

#endif
