// stdlib/unicode/natives.c: the natives of package unicode
// (stdlib/unicode/unicode.gol): the Is* and To* functions, each one look-up
// in common/unicode.h, and the range tables (tables.h) with their search.
#include "common/mem.h"
#include "common/unicode.h"
#include "runtime/value.h"
#include "stdlib/natives.h"
#include "stdlib/unicode/tables.h"
#include "vm/vm.h"

#include <assert.h>

// The rune argument sits sign-extended in a[0]; a bool result is 0 or 1.
#define UNI_IS(name, fn)                                                    \
    static int name(G *g, Word *a) {                                        \
        (void)g;                                                            \
        a[0] = fn((int32_t)a[0]) != 0;                                      \
        return VM_OK;                                                       \
    }
#define UNI_TO(name, fn)                                                    \
    static int name(G *g, Word *a) {                                        \
        (void)g;                                                            \
        a[0] = (Word)(int64_t)fn((int32_t)a[0]);                            \
        return VM_OK;                                                       \
    }
UNI_IS(is_letter, uni_is_letter)
UNI_IS(is_digit, uni_is_digit)
UNI_IS(is_number, uni_is_number)
UNI_IS(is_upper, uni_is_upper)
UNI_IS(is_lower, uni_is_lower)
UNI_IS(is_title, uni_is_title)
UNI_IS(is_mark, uni_is_mark)
UNI_IS(is_punct, uni_is_punct)
UNI_IS(is_symbol, uni_is_symbol)
UNI_IS(is_control, uni_is_control)
UNI_IS(is_space, uni_is_space)
UNI_IS(is_print, uni_is_print)
UNI_IS(is_graphic, uni_is_graphic)
UNI_TO(to_upper, uni_to_upper)
UNI_TO(to_lower, uni_to_lower)
UNI_TO(to_title, uni_to_title)

// ---- Range tables ----

// GoRangeTable is unicode.RangeTable's layout.
typedef struct GoRangeTable {
    GoSlice r16, r32;
    int64_t latin_offset;
} GoRangeTable;

// table(i int) *RangeTable builds table i of tables.c; its slices share
// the C arrays, which are writable, as Go's tables are.
static int table(G *g, Word *a) {
    (void)g;
    int64_t i = (int64_t)a[0];     // from tables.gol, so in range
    assert(i >= 0 && i < unicode_tables_len);
    const UniTableIndex *x = &unicode_tables[i];
    GoRangeTable *t = mem_new(GoRangeTable);
    if (x->n16) t->r16 = (GoSlice){ unicode_r16 + x->r16, x->n16, x->n16 };
    if (x->n32) t->r32 = (GoSlice){ unicode_r32 + x->r32, x->n32, x->n32 };
    t->latin_offset = x->latin_offset;
    a[0] = (Word)(uintptr_t)t;
    return VM_OK;
}

// linearMax is the length up to which a table is searched linearly, as Go
// searches it.
enum { LINEAR_MAX = 18 };

// IN_RANGE is the answer once r lies in lo..hi of range x: 1 or 0, or 2
// when the stride is 0, for which Go code divides by zero (unicode.gol).
#define IN_RANGE(x, r) ((x)->stride == 1 ? 1 : (x)->stride == 0 ? 2 : ((r) - (x)->lo) % (x)->stride == 0)

// SEARCH defines search16(ranges []Range16, r uint16) int and search32,
// which look r up as Go's is16 and is32 do: linearly in short tables (and,
// for 16-bit tables, for Latin-1), else by binary search.
#define SEARCH(name, Range, Rune, linear)                                   \
    static int name(G *g, Word *a) {                                        \
        (void)g;                                                            \
        const Range *t = (const Range *)(uintptr_t)a[0];                    \
        int64_t n = (int64_t)a[1];                                          \
        Rune r = (Rune)a[3];                                                \
        int res = 0;                                                        \
        if (linear) {                                                       \
            for (int64_t i = 0; i < n && r >= t[i].lo; i++)                 \
                if (r <= t[i].hi) {                                         \
                    res = IN_RANGE(&t[i], r);                               \
                    break;                                                  \
                }                                                           \
        } else {                                                            \
            int64_t lo = 0, hi = n;                                         \
            while (lo < hi) {                                               \
                int64_t m = lo + (hi - lo) / 2;                             \
                if (t[m].lo <= r && r <= t[m].hi) {                         \
                    res = IN_RANGE(&t[m], r);                               \
                    break;                                                  \
                }                                                           \
                if (r < t[m].lo) hi = m;                                    \
                else lo = m + 1;                                            \
            }                                                               \
        }                                                                   \
        a[0] = (Word)res;                                                   \
        return VM_OK;                                                       \
    }

SEARCH(search16, UniRange16, uint16_t, n <= LINEAR_MAX || r <= 0xFF)
SEARCH(search32, UniRange32, uint32_t, n <= LINEAR_MAX)

const LibNative lib_unicode_natives[] = {
    { "table", table },
    { "search16", search16 },
    { "search32", search32 },
    { "IsLetter", is_letter },
    { "IsDigit", is_digit },
    { "IsNumber", is_number },
    { "IsUpper", is_upper },
    { "IsLower", is_lower },
    { "IsTitle", is_title },
    { "IsMark", is_mark },
    { "IsPunct", is_punct },
    { "IsSymbol", is_symbol },
    { "IsControl", is_control },
    { "IsSpace", is_space },
    { "IsPrint", is_print },
    { "IsGraphic", is_graphic },
    { "ToUpper", to_upper },
    { "ToLower", to_lower },
    { "ToTitle", to_title },
    { NULL, NULL },
};
