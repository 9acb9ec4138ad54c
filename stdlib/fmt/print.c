// stdlib/fmt/print.c: fmt's printer (Go's print.go): the entry points,
// the format string, operands of every kind, composites, the methods fmt
// calls and the %!verb(...) error texts. The design is in stdlib/fmt/fmt.h.
#include "stdlib/fmt/printer.h"

#include <stdlib.h>
#include <string.h>

#include "common/mem.h"
#include "common/utf8.h"

FmtHooks lib_fmt_hooks;

static void print_value(Printer *p, const Type *t, const void *v, int verb, int depth, bool ro);
static void print_arg(Printer *p, const Iface *a, int verb);

// ---- Reading values ----

static int64_t load_int(const Type *t, const void *v) {
    switch (t->size) {
    case 1: return *(const int8_t *)v;
    case 2: return *(const int16_t *)v;
    case 4: return *(const int32_t *)v;
    default: return *(const int64_t *)v;
    }
}

static uint64_t load_uint(const Type *t, const void *v) {
    switch (t->size) {
    case 1: return *(const uint8_t *)v;
    case 2: return *(const uint16_t *)v;
    case 4: return *(const uint32_t *)v;
    default: return *(const uint64_t *)v;
    }
}

static uintptr_t load_word(const void *v) { return *(const uintptr_t *)v; }

// ---- Errors ----

// bad_verb prints %!verb(type=value) for the current operand, or
// %!verb(<nil>); no methods are called while it prints.
static void bad_verb(Printer *p, int verb) {
    p->erroring = true;
    fmt_write(p, "%!", 2);
    fmt_write_rune(p, verb);
    fmt_putc(p, '(');
    if (p->cur_type) {
        const Type *t = p->cur_type;
        fmt_write_cstr(p, t->str);
        fmt_putc(p, '=');
        print_value(p, t, p->cur, 'v', 0, p->cur_ro);
    } else {
        fmt_write(p, "<nil>", 5);
    }
    fmt_putc(p, ')');
    p->erroring = false;
}

// ---- Operands by kind (Go's pp.fmtX) ----

static void pp_bool(Printer *p, bool v, int verb) {
    if (verb == 't' || verb == 'v') fmt_boolean(p, v);
    else bad_verb(p, verb);
}

// fmt_0x64 formats v in hexadecimal, with a leading 0x if asked.
static void fmt_0x64(Printer *p, uint64_t v, bool leading0x) {
    bool sharp = p->f.sharp;
    p->f.sharp = leading0x;
    fmt_integer(p, v, 16, false, 'v', false);
    p->f.sharp = sharp;
}

static void pp_integer(Printer *p, uint64_t v, bool is_signed, int verb) {
    switch (verb) {
    case 'v':
        if (p->f.sharp_v && !is_signed) fmt_0x64(p, v, true);
        else fmt_integer(p, v, 10, is_signed, verb, false);
        break;
    case 'd': fmt_integer(p, v, 10, is_signed, verb, false); break;
    case 'b': fmt_integer(p, v, 2, is_signed, verb, false); break;
    case 'o': case 'O': fmt_integer(p, v, 8, is_signed, verb, false); break;
    case 'x': fmt_integer(p, v, 16, is_signed, verb, false); break;
    case 'X': fmt_integer(p, v, 16, is_signed, verb, true); break;
    case 'c': fmt_c(p, v); break;
    case 'q': fmt_qc(p, v); break;
    case 'U': fmt_unicode(p, v); break;
    default: bad_verb(p, verb); break;
    }
}

static void pp_float(Printer *p, double v, int bitsize, int verb) {
    if (!fmt_float(p, v, bitsize, verb)) bad_verb(p, verb);
}

static void pp_complex(Printer *p, double re, double im, int bitsize, int verb) {
    if (!fmt_complex(p, re, im, bitsize, verb)) bad_verb(p, verb);
}

static void pp_string(Printer *p, const char *s, size_t n, int verb) {
    switch (verb) {
    case 'v':
        if (p->f.sharp_v) fmt_q(p, s, n);
        else fmt_s(p, s, n);
        break;
    case 's': fmt_s(p, s, n); break;
    case 'x': fmt_sbx(p, (const uint8_t *)s, n, false); break;
    case 'X': fmt_sbx(p, (const uint8_t *)s, n, true); break;
    case 'q': fmt_q(p, s, n); break;
    default: bad_verb(p, verb); break;
    }
}

// pp_bytes prints a byte slice or array for %v %d (as numbers) and %s %q
// %x %X (as a string); type_str is how %#v names the type.
static void pp_bytes(Printer *p, const uint8_t *b, int64_t n, bool is_nil, int verb,
                     const char *type_str) {
    switch (verb) {
    case 'v': case 'd':
        if (p->f.sharp_v) {
            fmt_write_cstr(p, type_str);
            if (is_nil) {
                fmt_write(p, "(nil)", 5);
                return;
            }
            fmt_putc(p, '{');
            for (int64_t i = 0; i < n; i++) {
                if (i > 0) fmt_write(p, ", ", 2);
                fmt_0x64(p, b[i], true);
            }
            fmt_putc(p, '}');
        } else {
            fmt_putc(p, '[');
            for (int64_t i = 0; i < n; i++) {
                if (i > 0) fmt_putc(p, ' ');
                fmt_integer(p, b[i], 10, false, verb, false);
            }
            fmt_putc(p, ']');
        }
        break;
    case 's': fmt_s(p, (const char *)b, (size_t)n); break;
    case 'x': fmt_sbx(p, b, (size_t)n, false); break;
    case 'X': fmt_sbx(p, b, (size_t)n, true); break;
    default: fmt_q(p, (const char *)b, (size_t)n); break;   // 'q'
    }
}

// pp_pointer prints a pointer-like value (pointer, chan, func, map, slice,
// unsafe.Pointer) as an address; other kinds are a bad verb.
static void pp_pointer(Printer *p, const Type *t, const void *v, int verb) {
    uintptr_t u;
    switch (t->kind) {
    case K_CHAN: case K_FUNC: case K_MAP: case K_POINTER: case K_UNSAFE_POINTER:
        u = load_word(v);
        break;
    case K_SLICE:
        u = (uintptr_t)((const GoSlice *)v)->ptr;
        break;
    default:
        bad_verb(p, verb);
        return;
    }
    switch (verb) {
    case 'v':
        if (p->f.sharp_v) {
            fmt_putc(p, '(');
            fmt_write_cstr(p, t->str);
            fmt_write(p, ")(", 2);
            if (u == 0) fmt_write(p, "nil", 3);
            else fmt_0x64(p, u, true);
            fmt_putc(p, ')');
        } else if (u == 0) {
            fmt_pad(p, "<nil>", 5);
        } else {
            fmt_0x64(p, u, !p->f.sharp);
        }
        break;
    case 'p':
        fmt_0x64(p, u, !p->f.sharp);
        break;
    case 'b': case 'o': case 'd': case 'x': case 'X':
        pp_integer(p, u, false, verb);
        break;
    default:
        bad_verb(p, verb);
        break;
    }
}

// ---- Methods ----

// catch_panic prints what Go's catchPanic prints when the method `what`
// of the operand (t, v) panicked with *pv (NULL: a nil dereference on the
// way to an embedded receiver).
static void catch_panic(Printer *p, const Type *t, const void *v, int verb, const char *what,
                        const Iface *pv) {
    // A nil pointer receiver is most likely a Stringer that does not guard
    // against nil: print <nil>.
    if (t->kind == K_POINTER && load_word(v) == 0) {
        fmt_write(p, "<nil>", 5);
        return;
    }
    if (p->panicking) {     // the panic value's own method panicked: Go re-panics
        if (lib_fmt_hooks.repanic && pv) lib_fmt_hooks.repanic(p->ctx, *pv);
        return;
    }
    FmtFlags flags = p->f;
    int wid = p->wid, prec = p->prec;
    fmt_clear_flags(p);
    fmt_write(p, "%!", 2);
    fmt_write_rune(p, verb);
    fmt_write(p, "(PANIC=", 7);
    fmt_write_cstr(p, what);
    fmt_write(p, " method: ", 9);
    p->panicking = true;
    if (pv) print_arg(p, pv, 'v');
    else fmt_write_cstr(p, "runtime error: invalid memory address or nil pointer dereference");
    p->panicking = false;
    fmt_putc(p, ')');
    p->f = flags;
    p->wid = wid;
    p->prec = prec;
}

// call runs the method fm of operand (t, v); it returns true with the
// method's result in *res, or false when the method panicked and the panic
// has been printed.
static bool call(Printer *p, const FmtMethod *fm, const Type *t, const void *v, int verb,
                 const char *what, GoString *res) {
    if (fm->nil_deref) {
        catch_panic(p, t, v, verb, what, NULL);
        return false;
    }
    Iface pv = { 0 };
    res->ptr = NULL;
    res->len = 0;
    // A pointer method promoted from an embedded value field, reached
    // through a pointer, is called on that field's address.
    const Type *rt = fm->recv_type;
    const void *recv = fm->recv;
    const void *addr = recv;
    if (fm->m->ptr_recv && rt->kind != K_POINTER) {
        rt = type_pointer((Type *)rt);
        recv = &addr;
    }
    if (lib_fmt_hooks.call_method(p->ctx, fm->m, rt, recv, res, &pv) == 0) return true;
    catch_panic(p, t, v, verb, what, &pv);
    return false;
}

// handle_methods prints operand (t, v) with its Error, String or GoString
// method where Go's handleMethods would, and checks %w; it returns true if
// it printed the operand.
static bool handle_methods(Printer *p, const Type *t, const void *v, int verb) {
    if (p->erroring) return false;
    if (verb == 'w') {
        // %w is only for Errorf, and only with an error operand.
        FmtMethod fm;
        if (!p->wrap_errs || !fmt_find_method(t, v, "Error", &fm)) {
            p->cur_type = t;
            p->cur = v;
            p->cur_ro = false;
            bad_verb(p, 'w');
            return true;
        }
        verb = 'v';
    }
    if (!lib_fmt_hooks.call_method || !fmt_may_have_methods(t)) return false;
    FmtMethod fm;
    GoString res;
    if (p->f.sharp_v) {
        if (!fmt_find_method(t, v, "GoString", &fm)) return false;
        if (call(p, &fm, t, v, verb, "GoString", &res)) fmt_s(p, (const char *)res.ptr, (size_t)res.len);
        return true;
    }
    switch (verb) {
    case 'v': case 's': case 'x': case 'X': case 'q':
        if (fmt_find_method(t, v, "Error", &fm)) {
            if (call(p, &fm, t, v, verb, "Error", &res))
                pp_string(p, (const char *)res.ptr, (size_t)res.len, verb);
            return true;
        }
        if (fmt_find_method(t, v, "String", &fm)) {
            if (call(p, &fm, t, v, verb, "String", &res))
                pp_string(p, (const char *)res.ptr, (size_t)res.len, verb);
            return true;
        }
        return false;
    default:
        return false;
    }
}

// ---- Values ----

// print_elems prints n elements of type et stored from data on, as
// [a b] or, for %#v, {a, b}.
static void print_elems(Printer *p, const Type *et, const char *data, int64_t n, int verb,
                        int depth, bool ro) {
    const char *sep = p->f.sharp_v ? ", " : " ";
    size_t seplen = p->f.sharp_v ? 2 : 1;
    for (int64_t i = 0; i < n; i++) {
        if (i > 0) fmt_write(p, sep, seplen);
        print_value(p, et, data + (size_t)i * et->size, verb, depth + 1, ro);
    }
}

static void print_map(Printer *p, const Type *t, Map *m, int verb, int depth, bool ro) {
    if (p->f.sharp_v) {
        fmt_write_cstr(p, t->str);
        if (!m) {
            fmt_write(p, "(nil)", 5);
            return;
        }
        fmt_putc(p, '{');
    } else {
        fmt_write(p, "map[", 4);
    }
    FmtEntry *e;
    int64_t n = fmt_map_sorted(m, t, &e);
    for (int64_t i = 0; i < n; i++) {
        if (i > 0) {
            if (p->f.sharp_v) fmt_write(p, ", ", 2);
            else fmt_putc(p, ' ');
        }
        print_value(p, t->key, e[i].key, verb, depth + 1, ro);
        fmt_putc(p, ':');
        print_value(p, t->elem, e[i].val, verb, depth + 1, ro);
    }
    fmt_putc(p, p->f.sharp_v ? '}' : ']');
}

static void print_struct(Printer *p, const Type *t, const char *v, int verb, int depth,
                         bool ro) {
    if (p->f.sharp_v) fmt_write_cstr(p, t->str);
    fmt_putc(p, '{');
    for (int i = 0; i < t->nfields; i++) {
        const Field *f = &t->fields[i];
        if (i > 0) {
            if (p->f.sharp_v) fmt_write(p, ", ", 2);
            else fmt_putc(p, ' ');
        }
        if (p->f.plus_v || p->f.sharp_v) {
            fmt_write_cstr(p, f->name);
            fmt_putc(p, ':');
        }
        // A value reached through an unexported field cannot be turned back
        // into an interface (reflect's CanInterface): no methods below it.
        print_value(p, f->type, v + f->offset, verb, depth + 1, ro || !f->exported);
    }
    fmt_putc(p, '}');
}

static void print_list(Printer *p, const Type *t, const void *v, int verb, int depth, bool ro) {
    const char *data;
    int64_t n;
    bool is_nil = false;
    if (t->kind == K_SLICE) {
        const GoSlice *s = v;
        data = s->ptr;
        n = s->len;
        is_nil = s->ptr == NULL;
    } else {
        data = v;
        n = t->len;
    }
    switch (verb) {
    case 's': case 'q': case 'x': case 'X':
        // Bytes print as a string for these verbs, whatever their type's name.
        if (t->elem->kind == K_UINT8) {
            pp_bytes(p, (const uint8_t *)data, n, is_nil, verb, t->str);
            return;
        }
        break;
    }
    if (p->f.sharp_v) {
        fmt_write_cstr(p, t->str);
        if (is_nil) {
            fmt_write(p, "(nil)", 5);
            return;
        }
        fmt_putc(p, '{');
        print_elems(p, t->elem, data, n, verb, depth, ro);
        fmt_putc(p, '}');
    } else {
        fmt_putc(p, '[');
        print_elems(p, t->elem, data, n, verb, depth, ro);
        fmt_putc(p, ']');
    }
}

// print_value prints the value at v of type t (Go's printValue): depth 0
// is an operand itself, deeper values are inside composites and are asked
// for their methods first unless reached through an unexported field (ro).
static void print_value(Printer *p, const Type *t, const void *v, int verb, int depth, bool ro) {
    // An interface is asked through its dynamic value, one level down.
    if (depth > 0 && !ro && t->kind != K_INTERFACE && handle_methods(p, t, v, verb)) return;
    p->cur_type = t;
    p->cur = v;
    p->cur_ro = ro;
    switch (t->kind) {
    case K_BOOL:
        pp_bool(p, *(const uint8_t *)v != 0, verb);
        break;
    case K_INT: case K_INT8: case K_INT16: case K_INT32: case K_INT64:
        pp_integer(p, (uint64_t)load_int(t, v), true, verb);
        break;
    case K_UINT: case K_UINT8: case K_UINT16: case K_UINT32: case K_UINT64: case K_UINTPTR:
        pp_integer(p, load_uint(t, v), false, verb);
        break;
    case K_FLOAT32:
        pp_float(p, *(const float *)v, 32, verb);
        break;
    case K_FLOAT64:
        pp_float(p, *(const double *)v, 64, verb);
        break;
    case K_COMPLEX64:
        pp_complex(p, ((const float *)v)[0], ((const float *)v)[1], 64, verb);
        break;
    case K_COMPLEX128:
        pp_complex(p, ((const double *)v)[0], ((const double *)v)[1], 128, verb);
        break;
    case K_STRING: {
        const GoString *s = v;
        pp_string(p, (const char *)s->ptr, (size_t)s->len, verb);
        break;
    }
    case K_MAP:
        print_map(p, t, *(Map *const *)v, verb, depth, ro);
        break;
    case K_STRUCT:
        print_struct(p, t, v, verb, depth, ro);
        break;
    case K_INTERFACE: {
        const Iface *i = v;
        if (i->type) {
            print_value(p, i->type, iface_ptr(i), verb, depth + 1, ro);
        } else if (p->f.sharp_v) {
            fmt_write_cstr(p, t->str);
            fmt_write(p, "(nil)", 5);
        } else {
            fmt_write(p, "<nil>", 5);
        }
        break;
    }
    case K_ARRAY: case K_SLICE:
        print_list(p, t, v, verb, depth, ro);
        break;
    case K_POINTER: {
        // A pointer to a composite prints as &{...} at the top level only,
        // which keeps cycles out.
        const void *e = (const void *)load_word(v);
        if (depth == 0 && e) {
            switch (t->elem->kind) {
            case K_ARRAY: case K_SLICE: case K_STRUCT: case K_MAP:
                fmt_putc(p, '&');
                print_value(p, t->elem, e, verb, depth + 1, ro);
                return;
            }
        }
        pp_pointer(p, t, v, verb);
        break;
    }
    case K_CHAN: case K_FUNC: case K_UNSAFE_POINTER:
        pp_pointer(p, t, v, verb);
        break;
    default:
        fmt_putc(p, '?');
        fmt_write_cstr(p, t->str ? t->str : "");
        fmt_putc(p, '?');
        break;
    }
}

// print_arg prints one operand (Go's printArg).
static void print_arg(Printer *p, const Iface *a, int verb) {
    const Type *t = a->type;
    p->cur_type = t;
    p->cur = t ? iface_ptr(a) : NULL;
    p->cur_ro = false;
    if (!t) {
        if (verb == 'T' || verb == 'v') fmt_pad(p, "<nil>", 5);
        else bad_verb(p, verb);
        return;
    }
    const void *v = iface_ptr(a);
    switch (verb) {
    case 'T':
        fmt_s(p, t->str, strlen(t->str));
        return;
    case 'p':
        pp_pointer(p, t, v, 'p');
        return;
    }
    if (handle_methods(p, t, v, verb)) return;
    // fmt's own case for []byte names the type "[]byte" in %#v.
    if (t->kind == K_SLICE && t->elem == type_uint8 && !type_is_named(t) &&
        (verb == 'v' || verb == 'd')) {
        p->cur_type = t;
        p->cur = v;
        const GoSlice *s = v;
        pp_bytes(p, s->ptr, s->len, s->ptr == NULL, verb, "[]byte");
        return;
    }
    print_value(p, t, v, verb, 0, false);
}

// ---- The format string ----

static bool too_large(int64_t x) { return x > 1000000 || x < -1000000; }

// parse_num reads a decimal number from s[start..end): it stores the
// number and where it stops, and returns whether there were digits. A
// number beyond 10^6 is no number, and *newi is then end.
static bool parse_num(const uint8_t *s, int64_t start, int64_t end, int *num, int64_t *newi) {
    *num = 0;
    if (start >= end) {
        *newi = end;
        return false;
    }
    int n = 0;
    bool isnum = false;
    int64_t i = start;
    for (; i < end && s[i] >= '0' && s[i] <= '9'; i++) {
        if (too_large(n)) {
            *newi = end;
            return false;
        }
        n = n * 10 + (s[i] - '0');
        isnum = true;
    }
    *num = n;
    *newi = i;
    return isnum;
}

// int_from_arg takes a width or precision for `*` from args[*argnum],
// which must be an integer; it advances *argnum past an existing operand.
static bool int_from_arg(int nargs, const Iface *args, int *argnum, int *num) {
    *num = 0;
    if (*argnum >= nargs) return false;
    const Iface *a = &args[*argnum];
    bool ok = false;
    int64_t n = 0;
    if (a->type) {
        switch (a->type->kind) {
        case K_INT: case K_INT8: case K_INT16: case K_INT32: case K_INT64:
            n = load_int(a->type, iface_ptr(a));
            ok = true;
            break;
        case K_UINT: case K_UINT8: case K_UINT16: case K_UINT32: case K_UINT64: case K_UINTPTR: {
            uint64_t u = load_uint(a->type, iface_ptr(a));
            if ((int64_t)u >= 0) {
                n = (int64_t)u;
                ok = true;
            }
            break;
        }
        default:
            break;
        }
    }
    (*argnum)++;
    if (!ok || too_large(n)) return false;
    *num = (int)n;
    return true;
}

// arg_number reads an index [n] at format[*i]: it sets *argnum to n-1 if
// valid and moves *i past it, and returns whether an index was found.
static bool arg_number(Printer *p, const uint8_t *f, int64_t end, int64_t *i, int *argnum,
                       int nargs) {
    if (*i >= end || f[*i] != '[') return false;
    p->reordered = true;
    // Go's parseArgNumber over format[i:].
    const uint8_t *s = f + *i;
    int64_t len = end - *i;
    int64_t wid = 1;
    int index = 0;
    bool ok = false;
    if (len >= 3) {
        for (int64_t j = 1; j < len; j++) {
            if (s[j] == ']') {
                int num;
                int64_t newi;
                bool isnum = parse_num(s, 1, j, &num, &newi);
                wid = j + 1;
                if (isnum && newi == j) {
                    index = num - 1;
                    ok = true;
                }
                break;
            }
        }
    }
    *i += wid;
    if (ok && index >= 0 && index < nargs) {
        *argnum = index;
        return true;
    }
    p->good_argnum = false;
    return ok;
}

// record_wrap notes that operand argnum is printed with %w (Errorf).
static void record_wrap(Printer *p, int argnum) {
    if (!p->wrap_errs) return;
    if (p->nwrapped == p->capwrapped) {
        int cap = p->capwrapped ? p->capwrapped * 2 : 4;
        int *w = mem_alloc_atomic((size_t)cap * sizeof *w);
        if (p->nwrapped) memcpy(w, p->wrapped, (size_t)p->nwrapped * sizeof *w);
        p->wrapped = w;
        p->capwrapped = cap;
    }
    p->wrapped[p->nwrapped++] = argnum;
}

// v_flags turns # and + into %#v and %+v.
static void v_flags(Printer *p) {
    p->f.sharp_v = p->f.sharp;
    p->f.sharp = false;
    p->f.plus_v = p->f.plus;
    p->f.plus = false;
}

static void do_printf(Printer *p, const uint8_t *f, int64_t end, int nargs, const Iface *args) {
    int argnum = 0;
    bool after_index = false;   // the previous item was an index like [3]
    p->reordered = false;
    int64_t i = 0;
    while (i < end) {
        p->good_argnum = true;
        int64_t lasti = i;
        while (i < end && f[i] != '%') i++;
        if (i > lasti) fmt_write(p, f + lasti, (size_t)(i - lasti));
        if (i >= end) break;
        i++;    // the '%'

        fmt_clear_flags(p);
        bool simple = false;
        for (; i < end; i++) {
            uint8_t c = f[i];
            switch (c) {
            case '#': p->f.sharp = true; continue;
            case '0': p->f.zero = !p->f.minus; continue;   // zero padding only on the left
            case '+': p->f.plus = true; continue;
            case '-': p->f.minus = true; p->f.zero = false; continue;
            case ' ': p->f.space = true; continue;
            }
            // The common case: flags, then a lower case verb.
            if (c >= 'a' && c <= 'z' && argnum < nargs) {
                if (c == 'w') record_wrap(p, argnum);
                if (c == 'v' || c == 'w') v_flags(p);
                print_arg(p, &args[argnum], c);
                argnum++;
                i++;
                simple = true;
            }
            break;
        }
        if (simple) continue;

        after_index = arg_number(p, f, end, &i, &argnum, nargs);

        // Width.
        if (i < end && f[i] == '*') {
            i++;
            p->f.wid_present = int_from_arg(nargs, args, &argnum, &p->wid);
            if (!p->f.wid_present) fmt_write_cstr(p, "%!(BADWIDTH)");
            if (p->wid < 0) {   // a negative width pads on the right
                p->wid = -p->wid;
                p->f.minus = true;
                p->f.zero = false;
            }
            after_index = false;
        } else {
            p->f.wid_present = parse_num(f, i, end, &p->wid, &i);
            if (after_index && p->f.wid_present) p->good_argnum = false;   // %[3]2d
        }

        // Precision.
        if (i + 1 < end && f[i] == '.') {
            i++;
            if (after_index) p->good_argnum = false;   // %[3].2d
            after_index = arg_number(p, f, end, &i, &argnum, nargs);
            if (i < end && f[i] == '*') {
                i++;
                p->f.prec_present = int_from_arg(nargs, args, &argnum, &p->prec);
                if (p->prec < 0) {  // a negative precision is none
                    p->prec = 0;
                    p->f.prec_present = false;
                }
                if (!p->f.prec_present) fmt_write_cstr(p, "%!(BADPREC)");
                after_index = false;
            } else {
                p->f.prec_present = parse_num(f, i, end, &p->prec, &i);
                if (!p->f.prec_present) {   // "%.d" is precision 0
                    p->prec = 0;
                    p->f.prec_present = true;
                }
            }
        }

        if (!after_index) after_index = arg_number(p, f, end, &i, &argnum, nargs);

        if (i >= end) {
            fmt_write_cstr(p, "%!(NOVERB)");
            break;
        }

        int32_t verb = f[i];
        int size = 1;
        if (verb >= UTF8_RUNE_SELF) verb = utf8_decode(f + i, (size_t)(end - i), &size);
        i += size;

        if (verb == '%') {      // %% takes no operand and ignores width and precision
            fmt_putc(p, '%');
        } else if (!p->good_argnum) {
            fmt_write(p, "%!", 2);
            fmt_write_rune(p, verb);
            fmt_write_cstr(p, "(BADINDEX)");
        } else if (argnum >= nargs) {
            fmt_write(p, "%!", 2);
            fmt_write_rune(p, verb);
            fmt_write_cstr(p, "(MISSING)");
        } else {
            if (verb == 'w') record_wrap(p, argnum);
            if (verb == 'v' || verb == 'w') v_flags(p);
            print_arg(p, &args[argnum], verb);
            argnum++;
        }
    }

    // Operands left over, unless the format used indexes.
    if (!p->reordered && argnum < nargs) {
        fmt_clear_flags(p);
        fmt_write_cstr(p, "%!(EXTRA ");
        for (int k = argnum; k < nargs; k++) {
            if (k > argnum) fmt_write(p, ", ", 2);
            if (!args[k].type) {
                fmt_write(p, "<nil>", 5);
            } else {
                fmt_write_cstr(p, args[k].type->str);
                fmt_putc(p, '=');
                print_arg(p, &args[k], 'v');
            }
        }
        fmt_putc(p, ')');
    }
}

static void do_print(Printer *p, int nargs, const Iface *args) {
    bool prev_string = false;
    for (int i = 0; i < nargs; i++) {
        bool is_string = args[i].type && args[i].type->kind == K_STRING;
        if (i > 0 && !is_string && !prev_string) fmt_putc(p, ' ');
        print_arg(p, &args[i], 'v');
        prev_string = is_string;
    }
}

static void do_println(Printer *p, int nargs, const Iface *args) {
    for (int i = 0; i < nargs; i++) {
        if (i > 0) fmt_putc(p, ' ');
        print_arg(p, &args[i], 'v');
    }
    fmt_putc(p, '\n');
}

// ---- Entry points ----

static void printer_init(Printer *p, FmtBuf *b, void *ctx) {
    memset(p, 0, sizeof *p);
    p->buf = b;
    p->ctx = ctx;
}

void lib_fmt_append(FmtBuf *b, void *ctx, int nargs, const Iface *args) {
    Printer p;
    printer_init(&p, b, ctx);
    do_print(&p, nargs, args);
}

void lib_fmt_appendln(FmtBuf *b, void *ctx, int nargs, const Iface *args) {
    Printer p;
    printer_init(&p, b, ctx);
    do_println(&p, nargs, args);
}

void lib_fmt_appendf(FmtBuf *b, void *ctx, GoString format, int nargs, const Iface *args) {
    Printer p;
    printer_init(&p, b, ctx);
    do_printf(&p, format.ptr, format.len, nargs, args);
}

// to_string copies the buffer's bytes into a new GC string.
static GoString to_string(const FmtBuf *b) {
    GoString s = { (const uint8_t *)"", 0 };
    if (b->len) {
        char *d = mem_alloc_atomic(b->len);
        memcpy(d, b->data, b->len);
        s.ptr = (const uint8_t *)d;
        s.len = (int64_t)b->len;
    }
    return s;
}

GoString lib_fmt_sprint(void *ctx, int nargs, const Iface *args) {
    char storage[256];
    FmtBuf b;
    strconv_buf_init(&b, storage, sizeof storage);
    lib_fmt_append(&b, ctx, nargs, args);
    return to_string(&b);
}

GoString lib_fmt_sprintln(void *ctx, int nargs, const Iface *args) {
    char storage[256];
    FmtBuf b;
    strconv_buf_init(&b, storage, sizeof storage);
    lib_fmt_appendln(&b, ctx, nargs, args);
    return to_string(&b);
}

GoString lib_fmt_sprintf(void *ctx, GoString format, int nargs, const Iface *args) {
    char storage[256];
    FmtBuf b;
    strconv_buf_init(&b, storage, sizeof storage);
    lib_fmt_appendf(&b, ctx, format, nargs, args);
    return to_string(&b);
}

bool lib_fmt_is_error(const Iface *v) {
    FmtMethod fm;
    return v->type && fmt_find_method(v->type, iface_ptr(v), "Error", &fm);
}

static int cmp_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

GoString lib_fmt_errorf(void *ctx, GoString format, int nargs, const Iface *args,
                        FmtWrap *wrap) {
    char storage[256];
    FmtBuf b;
    strconv_buf_init(&b, storage, sizeof storage);
    Printer p;
    printer_init(&p, &b, ctx);
    p.wrap_errs = true;
    do_printf(&p, format.ptr, format.len, nargs, args);

    wrap->n = 0;
    wrap->idx = NULL;
    if (p.nwrapped == 0) {
        wrap->kind = FMT_WRAP_NONE;
    } else if (p.nwrapped == 1) {
        wrap->kind = FMT_WRAP_ONE;
        wrap->n = 1;
        wrap->idx = p.wrapped;
    } else {
        // Go 1.20: operands in order (sorted when indexes reordered them),
        // each once, errors only.
        wrap->kind = FMT_WRAP_MANY;
        if (p.reordered) qsort(p.wrapped, (size_t)p.nwrapped, sizeof *p.wrapped, cmp_int);
        int n = 0;
        for (int i = 0; i < p.nwrapped; i++) {
            if (i > 0 && p.wrapped[i - 1] == p.wrapped[i]) continue;
            if (lib_fmt_is_error(&args[p.wrapped[i]])) p.wrapped[n++] = p.wrapped[i];
        }
        wrap->n = n;
        wrap->idx = p.wrapped;
    }
    return to_string(&b);
}
