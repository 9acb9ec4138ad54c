// stdlib/fmt/builtin.c: the text of the print and println builtins, which
// Go's runtime writes to stderr in its own format (runtime/print.go), not
// fmt's. The design is in stdlib/fmt/fmt.h.
#include "stdlib/fmt/fmt.h"

#include <string.h>

static void put(FmtBuf *b, const char *s, size_t n) { strconv_buf_write(b, s, n); }

static void put_uint(FmtBuf *b, uint64_t v) {
    char buf[24];
    size_t i = sizeof buf;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    put(b, buf + i, sizeof buf - i);
}

static void put_int(FmtBuf *b, int64_t v) {
    if (v < 0) {
        strconv_buf_putc(b, '-');
        put_uint(b, -(uint64_t)v);
    } else {
        put_uint(b, (uint64_t)v);
    }
}

static void put_hex(FmtBuf *b, uint64_t v) {
    static const char dig[] = "0123456789abcdef";
    char buf[20];
    size_t i = sizeof buf;
    do {
        buf[--i] = dig[v % 16];
        v /= 16;
    } while (v);
    buf[--i] = 'x';
    buf[--i] = '0';
    put(b, buf + i, sizeof buf - i);
}

// put_float writes v as +d.dddddde+ddd with the runtime's own algorithm:
// scale by tens into [1, 10), add half a unit of the seventh digit, then
// peel digits off. It is not exact, and must not be: Go prints what this
// arithmetic gives.
static void put_float(FmtBuf *b, double v) {
    if (v != v) {
        put(b, "NaN", 3);
        return;
    }
    if (v + v == v && v > 0) {
        put(b, "+Inf", 4);
        return;
    }
    if (v + v == v && v < 0) {
        put(b, "-Inf", 4);
        return;
    }
    enum { N = 7 };     // digits printed
    char buf[N + 7];
    buf[0] = '+';
    int e = 0;
    if (v == 0) {
        if (1 / v < 0) buf[0] = '-';
    } else {
        if (v < 0) {
            v = -v;
            buf[0] = '-';
        }
        while (v >= 10) {
            e++;
            v /= 10;
        }
        while (v < 1) {
            e--;
            v *= 10;
        }
        double h = 5.0;
        for (int i = 0; i < N; i++) h /= 10;
        v += h;
        if (v >= 10) {
            e++;
            v /= 10;
        }
    }
    for (int i = 0; i < N; i++) {
        int s = (int)v;
        buf[i + 2] = (char)(s + '0');
        v -= s;
        v *= 10;
    }
    buf[1] = buf[2];
    buf[2] = '.';
    buf[N + 2] = 'e';
    buf[N + 3] = '+';
    if (e < 0) {
        e = -e;
        buf[N + 3] = '-';
    }
    buf[N + 4] = (char)(e / 100 + '0');
    buf[N + 5] = (char)(e / 10 % 10 + '0');
    buf[N + 6] = (char)(e % 10 + '0');
    put(b, buf, sizeof buf);
}

void lib_fmt_builtin_value(FmtBuf *b, const Type *t, const void *p) {
    switch (t->kind) {
    case K_BOOL:
        if (*(const uint8_t *)p) put(b, "true", 4);
        else put(b, "false", 5);
        break;
    case K_INT8: put_int(b, *(const int8_t *)p); break;
    case K_INT16: put_int(b, *(const int16_t *)p); break;
    case K_INT32: put_int(b, *(const int32_t *)p); break;
    case K_INT: case K_INT64: put_int(b, *(const int64_t *)p); break;
    case K_UINT8: put_uint(b, *(const uint8_t *)p); break;
    case K_UINT16: put_uint(b, *(const uint16_t *)p); break;
    case K_UINT32: put_uint(b, *(const uint32_t *)p); break;
    case K_UINT: case K_UINT64: case K_UINTPTR: put_uint(b, *(const uint64_t *)p); break;
    case K_FLOAT32: put_float(b, *(const float *)p); break;
    case K_FLOAT64: put_float(b, *(const double *)p); break;
    case K_COMPLEX64:
        strconv_buf_putc(b, '(');
        put_float(b, ((const float *)p)[0]);
        put_float(b, ((const float *)p)[1]);
        put(b, "i)", 2);
        break;
    case K_COMPLEX128:
        strconv_buf_putc(b, '(');
        put_float(b, ((const double *)p)[0]);
        put_float(b, ((const double *)p)[1]);
        put(b, "i)", 2);
        break;
    case K_STRING: {
        const GoString *s = p;
        put(b, (const char *)s->ptr, (size_t)s->len);
        break;
    }
    case K_POINTER: case K_CHAN: case K_MAP: case K_FUNC: case K_UNSAFE_POINTER:
        put_hex(b, *(const uintptr_t *)p);
        break;
    case K_SLICE: {
        const GoSlice *s = p;
        strconv_buf_putc(b, '[');
        put_int(b, s->len);
        strconv_buf_putc(b, '/');
        put_int(b, s->cap);
        strconv_buf_putc(b, ']');
        put_hex(b, (uintptr_t)s->ptr);
        break;
    }
    case K_INTERFACE: {
        const Iface *i = p;
        strconv_buf_putc(b, '(');
        put_hex(b, (uintptr_t)i->type);
        strconv_buf_putc(b, ',');
        // The data word: Go's is always a pointer; ours holds small values
        // inline, which prints as their bits.
        put_hex(b, i->data);
        strconv_buf_putc(b, ')');
        break;
    }
    default:    // arrays and structs do not compile: "illegal types for operand: print"
        strconv_buf_putc(b, '?');
        break;
    }
}

void lib_fmt_builtin_print(FmtBuf *b, int n, const Type *const *types,
                           const void *const *vals, bool ln) {
    for (int i = 0; i < n; i++) {
        if (ln && i > 0) strconv_buf_putc(b, ' ');
        lib_fmt_builtin_value(b, types[i], vals[i]);
    }
    if (ln) strconv_buf_putc(b, '\n');
}
