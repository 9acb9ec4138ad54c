// runtime/panic.h: Go panics as values, and what the runtime prints when
// one is not recovered or a fatal error stops the program.
//
// A Panic is pushed on its goroutine when panic() runs or an instruction
// raises a runtime error; the VM unwinds frames, running deferred calls
// (vm/vm.c). A deferred call that calls recover() marks the panic recovered;
// one that panics again pushes a new Panic linked to the old, so the
// report prints the chain as Go does:
//     panic: first [recovered]
//         panic: second
// The text is Go's printpanics/printpanicval (runtime/panic.go, print.go).
#ifndef GOLI_PANIC_H
#define GOLI_PANIC_H

#include <stdbool.h>
#include <stdio.h>

#include "runtime/g.h"
#include "runtime/value.h"

typedef struct Panic Panic;
struct Panic {
    Iface value;            // the argument of panic(); a runtime error value
    Panic *link;            // the panic that was running when this one began
    bool recovered;
    bool goexit;            // runtime.Goexit, not a panic
    bool sigsegv;           // a nil dereference: print Go's [signal SIGSEGV ...] line
    uint32_t unwind_depth;  // the activation whose deferred calls it runs now
    uint32_t defer_depth;   // frame depth of the deferred call allowed to recover
};

// The runtime error type: its values print as their message (which starts
// "runtime error: ") and satisfy error and runtime.Error; %T shows
// "runtime.errorString". panic_runtime_error makes one.
extern Type *type_runtime_error;
Iface panic_runtime_error(const char *msg);
// panic_nil_error is the value of panic(nil) since Go 1.21 (a
// *runtime.PanicNilError: "panic called with nil argument (goexit=false)").
Iface panic_nil_error(void);

#define NIL_DEREF_TEXT "runtime error: invalid memory address or nil pointer dereference"

// PanicText turns a panic value into text the way Go's printpanicval does:
// errors print Error(), Stringers String(), basic kinds their value (floats
// as +1.500000e+000), named basic kinds T(v), everything else "(T) 0xADDR".
// Calling Error or String needs the VM: it passes a function for that.
typedef bool (*PanicMethodText)(G *g, const Iface *v, const char *method, GoString *out);
const char *panic_value_text(G *g, const Iface *v, PanicMethodText call);

// panic_report prints "panic: ..." for the chain ending at p, a blank line,
// and the goroutine's traceback, to stderr; then the program exits 2.
void panic_report(G *g, Panic *p, PanicMethodText call) __attribute__((noreturn));
// panic_print prints the same report and returns (a REPL goes on).
void panic_print(G *g, Panic *p, PanicMethodText call);
// panic_begin_goexit starts unwinding g as runtime.Goexit does.
void panic_begin_goexit(G *g);

// traceback_print prints a goroutine's frames as Go does: "main.f(...)"
// then a tab, the absolute source path, ":LINE" and " +0x..".
void traceback_print(FILE *out, G *g);

// fatal_error prints "fatal error: MSG" and exits 2 (Go's throw).
void fatal_error(const char *msg) __attribute__((noreturn));
// fatal_error_g does so for a fatal error of goroutine g, followed by its
// traceback as Go prints one ("goroutine 1 [running]:").
void fatal_error_g(G *g, const char *msg) __attribute__((noreturn));

#endif
