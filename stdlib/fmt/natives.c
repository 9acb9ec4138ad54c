// stdlib/fmt/natives.c: the natives of package fmt (stdlib/fmt/fmt.gol):
// each formats with the engine (fmt.h) and, for Print*, writes the whole
// output with one write(2), so concurrent lines never tear.
#include "stdlib/fmt/fmt.h"
#include "common/fdio.h"
#include "stdlib/natives.h"
#include "vm/vm.h"

#include <stdio.h>

static const Iface *operands(const Word *w, int *n) {
    const GoSlice *s = (const GoSlice *)w;
    *n = (int)s->len;
    return (const Iface *)s->ptr;
}

static int finish_print(Word *a, FmtBuf *b) {
    fflush(stdout);
    fd_write_all(1, b->data, b->len);
    a[0] = (Word)b->len;
    a[1] = a[2] = 0;
    return VM_OK;
}

static int fmt_print(G *g, Word *a) {
    char stack[512];
    FmtBuf b;
    strconv_buf_init(&b, stack, sizeof stack);
    int n;
    const Iface *args = operands(a, &n);
    lib_fmt_append(&b, g, n, args);
    return finish_print(a, &b);
}

static int fmt_println(G *g, Word *a) {
    char stack[512];
    FmtBuf b;
    strconv_buf_init(&b, stack, sizeof stack);
    int n;
    const Iface *args = operands(a, &n);
    lib_fmt_appendln(&b, g, n, args);
    return finish_print(a, &b);
}

static int fmt_printf(G *g, Word *a) {
    char stack[512];
    FmtBuf b;
    strconv_buf_init(&b, stack, sizeof stack);
    GoString format = { (const uint8_t *)(uintptr_t)a[0], (int64_t)a[1] };
    int n;
    const Iface *args = operands(a + 2, &n);
    lib_fmt_appendf(&b, g, format, n, args);
    return finish_print(a, &b);
}

static void put_string(Word *a, GoString s) {
    a[0] = (Word)(uintptr_t)s.ptr;
    a[1] = (Word)s.len;
}

static int fmt_sprint(G *g, Word *a) {
    int n;
    const Iface *args = operands(a, &n);
    put_string(a, lib_fmt_sprint(g, n, args));
    return VM_OK;
}

static int fmt_sprintln(G *g, Word *a) {
    int n;
    const Iface *args = operands(a, &n);
    put_string(a, lib_fmt_sprintln(g, n, args));
    return VM_OK;
}

static int fmt_sprintf(G *g, Word *a) {
    GoString format = { (const uint8_t *)(uintptr_t)a[0], (int64_t)a[1] };
    int n;
    const Iface *args = operands(a + 2, &n);
    put_string(a, lib_fmt_sprintf(g, format, n, args));
    return VM_OK;
}

static int fmt_errorf(G *g, Word *a) {
    GoString format = { (const uint8_t *)(uintptr_t)a[0], (int64_t)a[1] };
    int n;
    const Iface *args = operands(a + 2, &n);
    FmtWrap wrap;
    GoString msg = lib_fmt_errorf(g, format, n, args, &wrap);
    put_string(a, msg);
    a[2] = wrap.kind == FMT_WRAP_NONE || wrap.n == 0 ? (Word)-1 : (Word)wrap.idx[0];
    return VM_OK;
}

const LibNative lib_fmt_natives[] = {
    { "Print", fmt_print },
    { "Println", fmt_println },
    { "Printf", fmt_printf },
    { "Sprint", fmt_sprint },
    { "Sprintln", fmt_sprintln },
    { "Sprintf", fmt_sprintf },
    { "errorf", fmt_errorf },
    { NULL, NULL },
};
