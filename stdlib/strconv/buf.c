// stdlib/strconv/buf.c: the growable output buffer every strconv formatter
// appends to, and the texts of strconv's errors (see strconv.h).
#include "stdlib/strconv/strconv.h"

#include <string.h>

#include "common/mem.h"

void strconv_buf_init(StrconvBuf *b, char *storage, size_t cap) {
    b->data = storage;
    b->len = 0;
    b->cap = storage ? cap : 0;
}

char *strconv_buf_grow(StrconvBuf *b, size_t n) {
    if (b->cap - b->len < n) {
        size_t cap = b->cap * 2;
        if (cap < b->len + n)
            cap = b->len + n;
        if (cap < 32)
            cap = 32;
        // Never realloc: data may be the caller's stack storage.
        char *p = mem_alloc_atomic(cap);
        if (b->len)
            memcpy(p, b->data, b->len);
        b->data = p;
        b->cap = cap;
    }
    return b->data + b->len;
}

void strconv_buf_write(StrconvBuf *b, const char *s, size_t n) {
    if (n == 0)
        return;
    memcpy(strconv_buf_grow(b, n), s, n);
    b->len += n;
}

char *strconv_buf_cstr(StrconvBuf *b) {
    *strconv_buf_grow(b, 1) = 0;
    return b->data;
}

// ---- Errors ----

const char *strconv_err_text(StrconvErr kind, int arg) {
    switch (kind) {
    case STRCONV_OK:
        return "";
    case STRCONV_ERR_SYNTAX:
        return "invalid syntax";
    case STRCONV_ERR_RANGE:
        return "value out of range";
    case STRCONV_ERR_BASE:
        return mem_sprintf("invalid base %d", arg);
    case STRCONV_ERR_BITSIZE:
        return mem_sprintf("invalid bit size %d", arg);
    }
    return "invalid syntax";
}

char *strconv_num_error_text(const char *func, const char *s, size_t n,
                             StrconvErr kind, int arg) {
    char storage[128];
    StrconvBuf b;
    strconv_buf_init(&b, storage, sizeof storage);
    strconv_buf_write(&b, "strconv.", 8);
    strconv_buf_write(&b, func, strlen(func));
    strconv_buf_write(&b, ": parsing ", 10);
    strconv_quote(&b, s, n);
    strconv_buf_write(&b, ": ", 2);
    const char *why = strconv_err_text(kind, arg);
    strconv_buf_write(&b, why, strlen(why));
    return mem_strndup(b.data, b.len);
}
