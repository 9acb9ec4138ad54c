// stdlib/fmt/fmt.h: the formatting engine of Go's fmt package, in C over
// Go values in their memory layout (runtime/type.h, runtime/value.h). The
// VM's natives for fmt.Sprint*, Fprint*, Print*, Errorf and the print and
// println builtins are thin wrappers around these functions.
//
// The model. Go's ...any operands arrive as an array of Iface. Every entry
// point appends to a FmtBuf, which is strconv's growable buffer (a stack
// array first, the GC heap once it outgrows it), so Fprintln writes its
// whole output with one write(2) and number formatting appends in place.
// One call builds a Printer (stdlib/fmt/print.c) on the C stack; it walks
// the operands with their Type descriptors as fmt walks reflect.Values:
// print.c is print.go (operands, verbs, errors, composites), format.c is
// format.go (padding, integers, strings, quoting), method.c finds
// Error/String/GoString methods (declared and promoted), mapsort.c orders
// map keys as internal/fmtsort does, builtin.c is the runtime's print.
//
// Methods. Where Go's fmt calls an operand's Error(), String() or
// GoString() method (handleMethods, at every depth for %v), the engine calls
// back into the VM through lib_fmt_hooks.call_method. The engine does no
// printing of its own while the method runs, so the method may itself call
// fmt. Format(State, rune) methods are not called (out of scope): such a
// value prints as if it had none.
//
// Semantics are Go 1.19's (verified by running Go, tests/unit/fmt_cases.c),
// except %w, which follows Go 1.20+ as goli targets 1.22: several %w in
// one Errorf wrap several errors (wrapErrors) instead of printing
// %!w(...) for the second.
#ifndef GOLI_FMT_H
#define GOLI_FMT_H

#include <stdbool.h>
#include <stdint.h>

#include "runtime/type.h"
#include "runtime/value.h"
#include "stdlib/strconv/strconv.h"

// FmtBuf is the output buffer: strconv's StrconvBuf, so strconv's
// formatters append to it directly. Start it with
// strconv_buf_init(&b, stack_array, sizeof stack_array) or with (NULL, 0).
typedef StrconvBuf FmtBuf;

// ---- Hooks into the VM ----

// FmtCallMethod runs method m (String, Error or GoString: no arguments,
// one string result) on the receiver *recv, a value of type recv_type: the
// operand itself or, for a promoted method, the embedded field declaring it
// (the dynamic value, for a method of an embedded interface). A pointer
// method always gets a pointer recv_type. A pointer recv_type with a value
// method (!m->ptr_recv) asks the VM to dereference it first, panicking on
// nil as Go's wrapper (*T).String does.
// ctx is whatever the caller passed to the entry point (the VM's G).
// It returns 0 and stores the string in *result, or nonzero if the method
// panicked, storing the panic value in *panic_val; fmt then prints
// %!v(PANIC=String method: <panic value>), or <nil> for a nil pointer
// receiver, as Go's catchPanic does.
typedef int (*FmtCallMethod)(void *ctx, const Method *m, const Type *recv_type,
                             const void *recv, GoString *result, Iface *panic_val);

// FmtRepanic is called when printing a panic value panics again (Go
// re-panics out of fmt then): the VM starts panicking with val once the
// fmt call returns; the engine finishes its output, which the VM drops.
typedef void (*FmtRepanic)(void *ctx, Iface val);

typedef struct FmtHooks {
    FmtCallMethod call_method;  // NULL: methods are never called
    FmtRepanic repanic;         // NULL: the nested panic value is printed
} FmtHooks;

// lib_fmt_hooks is set once by the VM at start-up, before any goroutine
// runs; the engine only reads it.
extern FmtHooks lib_fmt_hooks;

// ---- Printing ----

// lib_fmt_append appends what fmt.Sprint(args...) returns: operands in %v,
// a space between two operands when neither is a string.
void lib_fmt_append(FmtBuf *b, void *ctx, int nargs, const Iface *args);

// lib_fmt_appendln appends fmt.Sprintln(args...): operands in %v separated
// by spaces, then a newline.
void lib_fmt_appendln(FmtBuf *b, void *ctx, int nargs, const Iface *args);

// lib_fmt_appendf appends fmt.Sprintf(format, args...), with all of Go's
// verbs, flags, widths, precisions, `*` and %[n] indexes and error texts
// (%!d(string=hi), %!v(MISSING), %!(EXTRA int=1), ...). %w is a bad verb
// here, as in Sprintf.
void lib_fmt_appendf(FmtBuf *b, void *ctx, GoString format, int nargs, const Iface *args);

// lib_fmt_sprint, lib_fmt_sprintln and lib_fmt_sprintf return the same
// text as a new string on the GC heap.
GoString lib_fmt_sprint(void *ctx, int nargs, const Iface *args);
GoString lib_fmt_sprintln(void *ctx, int nargs, const Iface *args);
GoString lib_fmt_sprintf(void *ctx, GoString format, int nargs, const Iface *args);

// ---- Errorf ----

// FmtWrap says what error value fmt.Errorf builds around its message.
typedef enum FmtWrapKind {
    FMT_WRAP_NONE,      // no %w: errors.New(msg)
    FMT_WRAP_ONE,       // one %w: &wrapError{msg, args[idx[0]].(error)}
                        // (the operand may not be an error: err is nil then)
    FMT_WRAP_MANY,      // several: &wrapErrors{msg, []error{args[idx[i]]...}}
} FmtWrapKind;

typedef struct FmtWrap {
    FmtWrapKind kind;
    int n;              // entries in idx
    int *idx;           // operand indexes; for MANY sorted when the format
                        // used %[n], duplicates dropped, errors only
} FmtWrap;

// lib_fmt_errorf returns the message of fmt.Errorf(format, args...) on the
// GC heap: %w prints its error operand as %v, and %!w(int=1) for an operand
// that is no error. *wrap receives which operands the error wraps.
GoString lib_fmt_errorf(void *ctx, GoString format, int nargs, const Iface *args,
                        FmtWrap *wrap);

// lib_fmt_is_error reports whether v's dynamic type has the method
// Error() string (v implements error); a nil interface does not.
bool lib_fmt_is_error(const Iface *v);

// ---- The print and println builtins ----

// lib_fmt_builtin_value appends one operand of print/println as Go's
// runtime prints it (to stderr): ints in decimal, floats as
// +1.500000e+000, complex as (re im i), strings raw, bools, pointers,
// chans, maps, funcs and unsafe.Pointer as 0x..., slices as
// [len/cap]0xptr, interfaces as (0xtype,0xdata). t is the operand's static
// type and p points to its value (an Iface for an interface type).
void lib_fmt_builtin_value(FmtBuf *b, const Type *t, const void *p);

// lib_fmt_builtin_print appends print(args...) (no separators) or, with
// ln, println(args...) (spaces between operands, then a newline); types[i]
// and vals[i] are as for lib_fmt_builtin_value.
void lib_fmt_builtin_print(FmtBuf *b, int n, const Type *const *types,
                           const void *const *vals, bool ln);

#endif
