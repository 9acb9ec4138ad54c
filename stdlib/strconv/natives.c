// stdlib/strconv/natives.c: the natives of package strconv
// (stdlib/strconv/strconv.gol), each a thin wrapper of the C engine
// (stdlib/strconv/strconv.h) over the VM's string and int words.
#include "runtime/value.h"
#include "stdlib/natives.h"
#include "stdlib/strconv/strconv.h"
#include "vm/vm.h"

#include <string.h>

#define STR_PTR(a, i) ((const char *)(uintptr_t)(a)[i])

// put_buf stores b's bytes (on the GC heap, or empty) as a string at a[0..1].
static void put_buf(Word *a, StrconvBuf *b) {
    a[0] = b->len ? (Word)(uintptr_t)b->data : (Word)(uintptr_t)"";
    a[1] = (Word)b->len;
}

static int strconv_format_int_native(G *g, Word *a) {
    StrconvBuf b;
    strconv_buf_init(&b, NULL, 0);
    if (strconv_format_int(&b, (int64_t)a[0], (int)(int64_t)a[1]) < 0)
        return vm_throw(g, "strconv: illegal AppendInt/FormatInt base");
    put_buf(a, &b);
    return VM_OK;
}

static int strconv_format_uint_native(G *g, Word *a) {
    StrconvBuf b;
    strconv_buf_init(&b, NULL, 0);
    if (strconv_format_uint(&b, a[0], (int)(int64_t)a[1]) < 0)
        return vm_throw(g, "strconv: illegal AppendInt/FormatInt base");
    put_buf(a, &b);
    return VM_OK;
}

static int strconv_parse_int_native(G *g, Word *a) {
    (void)g;
    int64_t v = 0;
    StrconvErr e = strconv_parse_int(STR_PTR(a, 0), (size_t)a[1], (int)(int64_t)a[2],
                                     (int)(int64_t)a[3], &v);
    a[0] = (Word)v;
    a[1] = (Word)e;
    return VM_OK;
}

static int strconv_parse_uint_native(G *g, Word *a) {
    (void)g;
    uint64_t v = 0;
    StrconvErr e = strconv_parse_uint(STR_PTR(a, 0), (size_t)a[1], (int)(int64_t)a[2],
                                      (int)(int64_t)a[3], &v);
    a[0] = (Word)v;
    a[1] = (Word)e;
    return VM_OK;
}

static int strconv_format_float_native(G *g, Word *a) {
    double f;
    memcpy(&f, &a[0], sizeof f);
    StrconvBuf b;
    strconv_buf_init(&b, NULL, 0);
    if (strconv_format_float(&b, f, (int)(uint8_t)a[1], (int)(int64_t)a[2], (int)(int64_t)a[3]) < 0)
        return vm_throw(g, "strconv: illegal AppendFloat/FormatFloat bitSize");
    put_buf(a, &b);
    return VM_OK;
}

static int strconv_parse_float_native(G *g, Word *a) {
    (void)g;
    double f = 0;
    StrconvErr e = strconv_parse_float(STR_PTR(a, 0), (size_t)a[1], (int)(int64_t)a[2], &f);
    memcpy(&a[0], &f, sizeof f);
    a[1] = (Word)e;
    return VM_OK;
}

// The quoting functions of a string or of a rune, one wrapper each.
#define QUOTE_STRING(name, fn)                                              \
    static int name(G *g, Word *a) {                                        \
        (void)g;                                                            \
        StrconvBuf b;                                                       \
        strconv_buf_init(&b, NULL, 0);                                      \
        fn(&b, STR_PTR(a, 0), (size_t)a[1]);                                \
        put_buf(a, &b);                                                     \
        return VM_OK;                                                       \
    }
#define QUOTE_RUNE(name, fn)                                                \
    static int name(G *g, Word *a) {                                        \
        (void)g;                                                            \
        StrconvBuf b;                                                       \
        strconv_buf_init(&b, NULL, 0);                                      \
        fn(&b, (int32_t)a[0]);                                              \
        put_buf(a, &b);                                                     \
        return VM_OK;                                                       \
    }
QUOTE_STRING(quote, strconv_quote)
QUOTE_STRING(quote_to_ascii, strconv_quote_to_ascii)
QUOTE_STRING(quote_to_graphic, strconv_quote_to_graphic)
QUOTE_RUNE(quote_rune, strconv_quote_rune)
QUOTE_RUNE(quote_rune_to_ascii, strconv_quote_rune_to_ascii)
QUOTE_RUNE(quote_rune_to_graphic, strconv_quote_rune_to_graphic)

static int can_backquote(G *g, Word *a) {
    (void)g;
    a[0] = strconv_can_backquote(STR_PTR(a, 0), (size_t)a[1]) != 0;
    return VM_OK;
}

static int is_print(G *g, Word *a) {
    (void)g;
    a[0] = strconv_is_print((int32_t)a[0]) != 0;
    return VM_OK;
}

static int is_graphic(G *g, Word *a) {
    (void)g;
    a[0] = strconv_is_graphic((int32_t)a[0]) != 0;
    return VM_OK;
}

static int unquote(G *g, Word *a) {
    (void)g;
    StrconvBuf b;
    strconv_buf_init(&b, NULL, 0);
    StrconvErr e = strconv_unquote(&b, STR_PTR(a, 0), (size_t)a[1]);
    put_buf(a, &b);
    a[2] = e == STRCONV_OK;
    return VM_OK;
}

static int quoted_prefix(G *g, Word *a) {
    (void)g;
    size_t n = 0;
    StrconvErr e = strconv_quoted_prefix(STR_PTR(a, 0), (size_t)a[1], &n);
    a[0] = e == STRCONV_OK ? (Word)n : (Word)-1;
    return VM_OK;
}

const LibNative lib_strconv_natives[] = {
    { "FormatInt", strconv_format_int_native },
    { "FormatUint", strconv_format_uint_native },
    { "parseInt", strconv_parse_int_native },
    { "parseUint", strconv_parse_uint_native },
    { "FormatFloat", strconv_format_float_native },
    { "parseFloat", strconv_parse_float_native },
    { "Quote", quote },
    { "QuoteToASCII", quote_to_ascii },
    { "QuoteToGraphic", quote_to_graphic },
    { "QuoteRune", quote_rune },
    { "QuoteRuneToASCII", quote_rune_to_ascii },
    { "QuoteRuneToGraphic", quote_rune_to_graphic },
    { "CanBackquote", can_backquote },
    { "IsPrint", is_print },
    { "IsGraphic", is_graphic },
    { "unquote", unquote },
    { "quotedPrefix", quoted_prefix },
    { NULL, NULL },
};
