// stdlib/strings/natives.c: the natives of package strings
// (stdlib/strings/strings.gol): substring search and Unicode case mapping,
// the loops that run too often to be bytecode.
#include "common/mem.h"
#include "common/unicode.h"
#include "common/utf8.h"
#include "runtime/value.h"
#include "stdlib/natives.h"
#include "vm/vm.h"

#include <string.h>

static GoString arg_string(const Word *a) {
    GoString s = { (const uint8_t *)(uintptr_t)a[0], (int64_t)a[1] };
    return s;
}

static void put_string(Word *a, GoString s) {
    a[0] = (Word)(uintptr_t)s.ptr;
    a[1] = (Word)s.len;
}

// find returns the index of the first sub in s at or after 0, or -1.
static int64_t find(GoString s, GoString sub) {
    if (sub.len == 0) return 0;
    if (sub.len > s.len) return -1;
    const uint8_t *p = s.ptr, *end = s.ptr + s.len - sub.len + 1;
    while (p < end) {
        p = memchr(p, sub.ptr[0], (size_t)(end - p));
        if (!p) return -1;
        if (memcmp(p, sub.ptr, (size_t)sub.len) == 0) return p - s.ptr;
        p++;
    }
    return -1;
}

static int strings_index(G *g, Word *a) {
    (void)g;
    a[0] = (Word)find(arg_string(a), arg_string(a + 2));
    return VM_OK;
}

static int strings_last_index(G *g, Word *a) {
    (void)g;
    GoString s = arg_string(a), sub = arg_string(a + 2);
    int64_t r = -1;
    for (int64_t i = s.len - sub.len; i >= 0; i--)
        if (memcmp(s.ptr + i, sub.ptr, (size_t)sub.len) == 0) {
            r = i;
            break;
        }
    a[0] = (Word)r;
    return VM_OK;
}

static int strings_index_byte(G *g, Word *a) {
    (void)g;
    GoString s = arg_string(a);
    const uint8_t *p = s.len ? memchr(s.ptr, (int)(uint8_t)a[2], (size_t)s.len) : NULL;
    a[0] = p ? (Word)(p - s.ptr) : (Word)-1;
    return VM_OK;
}

// Count counts non-overlapping instances of sub; an empty sub counts the
// runes plus one, as Go's does.
static int strings_count(G *g, Word *a) {
    (void)g;
    GoString s = arg_string(a), sub = arg_string(a + 2);
    int64_t n = 0;
    if (sub.len == 0) {
        for (int64_t i = 0; i < s.len; n++) {
            int w;
            utf8_decode(s.ptr + i, (size_t)(s.len - i), &w);
            i += w;
        }
        a[0] = (Word)(n + 1);
        return VM_OK;
    }
    for (;;) {
        int64_t i = find(s, sub);
        if (i < 0) break;
        n++;
        s.ptr += i + sub.len;
        s.len -= i + sub.len;
    }
    a[0] = (Word)n;
    return VM_OK;
}

// map_case returns s with every rune mapped by f; invalid bytes become
// U+FFFD as in Go's strings.Map. s itself comes back when nothing changes.
static GoString map_case(GoString s, int32_t (*f)(int32_t)) {
    int64_t i = 0;
    for (; i < s.len; i++) {
        if (s.ptr[i] >= 0x80) break;
        if (f(s.ptr[i]) != s.ptr[i]) break;
    }
    if (i == s.len) return s;
    uint8_t *out = mem_alloc_atomic((size_t)s.len * 3 + 4);
    memcpy(out, s.ptr, (size_t)i);
    int64_t n = i;
    size_t cap = (size_t)s.len * 3 + 4;
    while (i < s.len) {
        int w;
        int32_t r = utf8_decode(s.ptr + i, (size_t)(s.len - i), &w);
        i += w;
        r = f(r);
        if ((size_t)n + 4 > cap) {
            uint8_t *bigger = mem_alloc_atomic(cap * 2);
            memcpy(bigger, out, (size_t)n);
            out = bigger;
            cap *= 2;
        }
        n += utf8_encode(out + n, r);
    }
    return (GoString){ out, n };
}

static int strings_to_upper(G *g, Word *a) {
    (void)g;
    put_string(a, map_case(arg_string(a), uni_to_upper));
    return VM_OK;
}

static int strings_to_lower(G *g, Word *a) {
    (void)g;
    put_string(a, map_case(arg_string(a), uni_to_lower));
    return VM_OK;
}

static int strings_to_title(G *g, Word *a) {
    (void)g;
    put_string(a, map_case(arg_string(a), uni_to_title));
    return VM_OK;
}

static int strings_is_space(G *g, Word *a) {
    (void)g;
    a[0] = (Word)(uni_is_space((int32_t)a[0]) != 0);
    return VM_OK;
}

static int strings_is_letter_digit(G *g, Word *a) {
    (void)g;
    int32_t r = (int32_t)a[0];
    a[0] = (Word)(uni_is_letter(r) || uni_is_digit(r) || r == '_');
    return VM_OK;
}

static int strings_lower_rune(G *g, Word *a) {
    (void)g;
    a[0] = (Word)(int64_t)uni_to_lower((int32_t)a[0]);
    return VM_OK;
}

static int strings_upper_rune(G *g, Word *a) {
    (void)g;
    a[0] = (Word)(int64_t)uni_to_upper((int32_t)a[0]);
    return VM_OK;
}

static int strings_title_rune(G *g, Word *a) {
    (void)g;
    a[0] = (Word)(int64_t)uni_to_title((int32_t)a[0]);
    return VM_OK;
}

const LibNative lib_strings_natives[] = {
    { "Index", strings_index },
    { "LastIndex", strings_last_index },
    { "IndexByte", strings_index_byte },
    { "Count", strings_count },
    { "ToUpper", strings_to_upper },
    { "ToLower", strings_to_lower },
    { "ToTitle", strings_to_title },
    { "isSpace", strings_is_space },
    { "isWordRune", strings_is_letter_digit },
    { "lowerRune", strings_lower_rune },
    { "upperRune", strings_upper_rune },
    { "titleRune", strings_title_rune },
    { NULL, NULL },
};
