// stdlib/fmt/printer.h: the state of one fmt call and the functions the
// engine's files share; internal to stdlib/fmt and its unit tests. The
// design is in stdlib/fmt/fmt.h.
#ifndef GOLI_FMT_PRINTER_H
#define GOLI_FMT_PRINTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "runtime/map.h"
#include "stdlib/fmt/fmt.h"

// FmtFlags are the flags of the verb being printed, Go's fmtFlags; kept
// apart so that clearing, saving and restoring them is one assignment.
typedef struct FmtFlags {
    bool wid_present;
    bool prec_present;
    bool minus;
    bool plus;
    bool sharp;
    bool space;
    bool zero;
    // %+v and %#v move plus and sharp here: they are other formats at the
    // top level, not flags of the numbers inside.
    bool plus_v;
    bool sharp_v;
} FmtFlags;

// Printer is Go's pp and fmt together. It lives on the C stack of one
// call; a method called back into the VM that prints uses its own.
typedef struct Printer {
    FmtBuf *buf;
    void *ctx;              // the VM's context, passed to the hooks
    FmtFlags f;
    int wid;                // width, when f.wid_present
    int prec;               // precision, when f.prec_present

    // The operand being printed (Go's p.arg or p.value), which a bad verb
    // shows as %!d(type=value); cur_type NULL is a nil interface.
    const Type *cur_type;
    const void *cur;
    bool cur_ro;            // reached through an unexported field

    bool reordered;         // the format used an explicit index %[n]
    bool good_argnum;       // the last index was valid
    bool panicking;         // printing the value of a panic in a method
    bool erroring;          // printing a bad verb's operand: no methods
    bool wrap_errs;         // Errorf: %w is allowed
    int nwrapped;           // Errorf: operand indexes of the %w verbs
    int capwrapped;
    int *wrapped;
} Printer;

// ---- Output (format.c) ----

void fmt_write(Printer *p, const void *s, size_t n);
void fmt_write_cstr(Printer *p, const char *s);
void fmt_write_rune(Printer *p, int32_t r);
static inline void fmt_putc(Printer *p, char c) { strconv_buf_putc(p->buf, c); }

// ---- The raw formatter (format.c), Go's (*fmt) methods ----

void fmt_clear_flags(Printer *p);
void fmt_padding(Printer *p, int n);
void fmt_pad(Printer *p, const char *s, size_t n);
void fmt_boolean(Printer *p, bool v);
void fmt_integer(Printer *p, uint64_t u, int base, bool is_signed, int verb, bool upper);
void fmt_unicode(Printer *p, uint64_t u);
void fmt_c(Printer *p, uint64_t c);
void fmt_qc(Printer *p, uint64_t c);
void fmt_s(Printer *p, const char *s, size_t n);
void fmt_sbx(Printer *p, const uint8_t *s, size_t n, bool upper);
void fmt_q(Printer *p, const char *s, size_t n);
// fmt_float and fmt_complex return false for a verb floats do not take.
bool fmt_float(Printer *p, double v, int bitsize, int verb);
bool fmt_complex(Printer *p, double re, double im, int bitsize, int verb);

// ---- Methods (method.c) ----

// FmtMethod is a method found in a value's method set, with the receiver
// to call it on: the value itself or, for a promoted method, the embedded
// field (or the dynamic value of an embedded interface) that declares it.
typedef struct FmtMethod {
    const Method *m;
    const Type *recv_type;
    const void *recv;
    bool nil_deref;     // an embedded nil pointer lies on the way: the
                        // call panics with a nil dereference
} FmtMethod;

// fmt_may_have_methods is a fast test: false means t's method set is empty.
bool fmt_may_have_methods(const Type *t);

// fmt_find_method looks for method name with signature func() string in
// the method set of t (v points to a value of type t), as Go's type
// assertion to Stringer, error or GoStringer does; it fills *out and
// returns true if there is one.
bool fmt_find_method(const Type *t, const void *v, const char *name, FmtMethod *out);

// ---- Map order (mapsort.c) ----

// FmtEntry is a map entry: pointers to its key and value in the map.
typedef struct FmtEntry {
    const void *key, *val;
} FmtEntry;

// fmt_map_sorted collects the entries of m (type mt) in internal/fmtsort
// order into a new GC array *out and returns their count. The pointers
// stay valid while the map is not written to (a String method that writes
// to the map it is printed from sees Go's snapshot differ from ours).
int64_t fmt_map_sorted(Map *m, const Type *mt, FmtEntry **out);

// fmt_compare is fmtsort's compare of two values of type t: -1, 0 or 1.
int fmt_compare(const Type *t, const void *a, const void *b);

#endif
