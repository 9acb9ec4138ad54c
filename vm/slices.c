// vm/slices.c: the natives of packages slices and cmp, over elements of any
// type (the model is in vm/slices.h).
#include "vm/slices.h"
#include "common/mem.h"
#include "runtime/map.h"
#include "runtime/panic.h"
#include "runtime/value.h"
#include "vm/builtins.h"
#include "vm/vm.h"

#include <math.h>
#include <string.h>

#define TYPE(w) ((const Type *)(uintptr_t)(w))

static const Type *under_of(const Type *t) { return t->under ? t->under : t; }

// ---- Elements ----

// Order compares two values in memory as cmp.Compare does: -1, 0 or +1,
// NaNs equal to each other and below every other number.
typedef int (*Order)(const void *a, const void *b);

#define ORDER_INT(name, T)                                                  \
    static int name(const void *a, const void *b) {                         \
        T x, y;                                                             \
        memcpy(&x, a, sizeof x);                                            \
        memcpy(&y, b, sizeof y);                                            \
        return x < y ? -1 : x > y;                                          \
    }
ORDER_INT(order_i8, int8_t)
ORDER_INT(order_i16, int16_t)
ORDER_INT(order_i32, int32_t)
ORDER_INT(order_i64, int64_t)
ORDER_INT(order_u8, uint8_t)
ORDER_INT(order_u16, uint16_t)
ORDER_INT(order_u32, uint32_t)
ORDER_INT(order_u64, uint64_t)

#define ORDER_FLOAT(name, T)                                                \
    static int name(const void *a, const void *b) {                         \
        T x, y;                                                             \
        memcpy(&x, a, sizeof x);                                            \
        memcpy(&y, b, sizeof y);                                            \
        if (isnan(x)) return isnan(y) ? 0 : -1;                             \
        if (isnan(y)) return 1;                                             \
        return x < y ? -1 : x > y;                                          \
    }
ORDER_FLOAT(order_f32, float)
ORDER_FLOAT(order_f64, double)

static int order_str(const void *a, const void *b) {
    GoString x, y;
    memcpy(&x, a, sizeof x);
    memcpy(&y, b, sizeof y);
    int64_t n = x.len < y.len ? x.len : y.len;
    int c = n ? memcmp(x.ptr, y.ptr, (size_t)n) : 0;
    if (c) return c < 0 ? -1 : 1;
    return x.len < y.len ? -1 : x.len > y.len;
}

// order_of returns the comparison of an ordered type (the checker allows
// no other here), by the kind and size of its underlying type.
static Order order_of(const Type *t) {
    switch (t->kind) {
    case K_INT8: return order_i8;
    case K_INT16: return order_i16;
    case K_INT32: return order_i32;
    case K_INT: case K_INT64: return order_i64;
    case K_UINT8: return order_u8;
    case K_UINT16: return order_u16;
    case K_UINT32: return order_u32;
    case K_UINT: case K_UINT64: case K_UINTPTR: return order_u64;
    case K_FLOAT32: return order_f32;
    case K_FLOAT64: return order_f64;
    default: return order_str;
    }
}

// load_words puts the value at p (memory layout) into register words, as
// the LOAD instructions do: narrow signed integers sign-extended, other
// narrow scalars zero-extended, anything else its memory image zero-padded.
static void load_words(const Type *t, const void *p, Word *w) {
    unsigned kind = 0;
    switch (t->kind) {
    case K_INT8: kind = 1; break;
    case K_BOOL: case K_UINT8: kind = 2; break;
    case K_INT16: kind = 3; break;
    case K_UINT16: kind = 4; break;
    case K_INT32: kind = 5; break;
    case K_UINT32: case K_FLOAT32: kind = 6; break;
    default: break;
    }
    if (kind) {
        w[0] = vm_load_kind(p, kind);
        return;
    }
    uint32_t n = type_words(t);
    if (n) memset(w, 0, n * sizeof(Word));
    memcpy(w, p, t->size);
}

// equal is Go's == on two values in memory; an interface holding an
// uncomparable type panics as Go does (*st = VM_PANIC).
static bool equal(G *g, const Type *t, const void *a, const void *b, int *st) {
    int err = MAP_OK;
    bool eq = value_equal(t, a, b, &err);
    if (err) {
        Type *u = map_unhashable_type();
        *st = vm_throw(g, mem_sprintf("runtime error: comparing uncomparable type %s", u ? u->str : "?"));
        return false;
    }
    return eq;
}

// panic_string panics with a string value, as panic("...") does in Go's
// own source of these functions.
static int panic_string(G *g, const char *msg) {
    GoString *s = mem_new(GoString);
    *s = gostr(msg, (int64_t)strlen(msg));
    Iface v = { type_string, (uint64_t)(uintptr_t)s };
    vm_start_panic(g, v);
    return VM_PANIC;
}

// ---- Calling Go functions ----

// call_func runs the Go function value c with nargs argument words and
// copies nres result words out; the caller's frame pointer may move (the
// stack can grow), so natives keep their frame as an offset.
static int call_func(G *g, Closure *c, const Word *args, uint32_t nargs, Word *res, uint32_t nres) {
    if (!c) return vm_throw(g, NIL_DEREF_TEXT);
    Closure *saved = g->cl;
    g->cl = c;
    int st = vm_call(g, c->fn, args, nargs, res, nres);
    g->cl = saved;
    return st;
}

// Call is one Go function value with the scratch words for its arguments:
// two elements (or an element and a target), each at its register size.
typedef struct Call {
    G *g;
    Closure *fn;
    const Type *t1, *t2;    // the parameter types
    Word *args;
    uint32_t w1, w2;
    int st;                 // VM_OK until a call fails; then every call is skipped
} Call;

static void call_init(Call *c, G *g, Closure *fn, const Type *t1, const Type *t2) {
    c->g = g;
    c->fn = fn;
    c->t1 = t1;
    c->t2 = t2;
    c->w1 = type_words(t1);
    c->w2 = t2 ? type_words(t2) : 0;
    c->args = mem_alloc((c->w1 + c->w2 + 1) * sizeof(Word));
    c->st = VM_OK;
}

// call_word calls fn(*a) or fn(*a, *b) (values in memory) and returns its
// one-word result (an int or a bool); 0 once a call has panicked.
static Word call_word(Call *c, const void *a, const void *b) {
    if (c->st != VM_OK) return 0;
    load_words(c->t1, a, c->args);
    if (b) load_words(c->t2, b, c->args + c->w1);
    Word r = 0;
    c->st = call_func(c->g, c->fn, c->args, c->w1 + (b ? c->w2 : 0), &r, 1);
    return c->st == VM_OK ? r : 0;
}

static int64_t call_cmp(Call *c, const void *a, const void *b) { return (int64_t)call_word(c, a, b); }
static bool call_bool(Call *c, const void *a, const void *b) { return (call_word(c, a, b) & 0xFF) != 0; }

// ---- Arguments ----

// Frame reads a native's arguments in order and finds its frame again
// after a call into Go (which may move the goroutine's stack).
typedef struct Args {
    G *g;
    size_t off;             // the frame's first word in g->stack
    const Type *sig;
    Word *next;             // the next argument word
    int param;              // the next parameter
} Args;

static Args args_of(G *g, Word *a) {
    Args x = { g, (size_t)(a - g->stack), TYPE(a[0]), a + 1, 0 };
    return x;
}

static const Type *param_type(const Args *x, int i) { return x->sig->fields[i].type; }

static GoSlice arg_slice(Args *x) {
    GoSlice s;
    memcpy(&s, x->next, sizeof s);
    x->next += 3;
    x->param++;
    return s;
}

static int64_t arg_int(Args *x) {
    int64_t v = (int64_t)x->next[0];
    x->next++;
    x->param++;
    return v;
}

static Closure *arg_func(Args *x) {
    Closure *c = (Closure *)(uintptr_t)x->next[0];
    x->next++;
    x->param++;
    return c;
}

// arg_value copies the next argument's memory image into GC memory.
static void *arg_value(Args *x) {
    const Type *t = param_type(x, x->param);
    void *p = mem_alloc(t->size ? t->size : 1);
    memcpy(p, x->next, t->size);
    x->next += type_words(t);
    x->param++;
    return p;
}

static Word *out(const Args *x) { return x->g->stack + x->off; }

static void ret_slice(const Args *x, GoSlice s) { memcpy(out(x), &s, sizeof s); }
static void ret_int(const Args *x, int64_t v) { out(x)[0] = (Word)v; }
static void ret_bool(const Args *x, bool v) { out(x)[0] = v; }
static void ret_value(const Args *x, const Type *t, const void *p) { load_words(t, p, out(x)); }

static const Type *elem_of(const Type *slice) { return under_of(slice)->elem; }

#define AT(s, i, size) ((uint8_t *)(s).ptr + (size_t)(i) * (size))

// ---- Sorting: Go's pdqsort and stable sort, over less and swap ----

// Sorter is one sort in progress: the elements, and either the ordered
// comparison of their kind or the Go cmp function.
typedef struct Sorter {
    uint8_t *data;
    size_t size;
    int64_t n;
    Order order;            // slices.Sort: cmp.Less by kind
    Call *cmp;              // SortFunc, SortStableFunc: cmp(a, b) < 0
    uint8_t *tmp;           // one element, for swaps
} Sorter;

static bool less(Sorter *s, int64_t i, int64_t j) {
    const void *a = s->data + (size_t)i * s->size, *b = s->data + (size_t)j * s->size;
    if (s->order) return s->order(a, b) < 0;
    return call_cmp(s->cmp, a, b) < 0;
}

static void swap(Sorter *s, int64_t i, int64_t j) {
    if (i == j || !s->size) return;
    uint8_t *a = s->data + (size_t)i * s->size, *b = s->data + (size_t)j * s->size;
    memcpy(s->tmp, a, s->size);
    memcpy(a, b, s->size);
    memcpy(b, s->tmp, s->size);
}

static void insertion_sort(Sorter *s, int64_t a, int64_t b) {
    for (int64_t i = a + 1; i < b; i++)
        for (int64_t j = i; j > a && less(s, j, j - 1); j--) swap(s, j, j - 1);
}

// sift_down restores the heap property of data[lo:hi], offset by first.
static void sift_down(Sorter *s, int64_t lo, int64_t hi, int64_t first) {
    int64_t root = lo;
    for (;;) {
        int64_t child = 2 * root + 1;
        if (child >= hi) return;
        if (child + 1 < hi && less(s, first + child, first + child + 1)) child++;
        if (!less(s, first + root, first + child)) return;
        swap(s, first + root, first + child);
        root = child;
    }
}

static void heap_sort(Sorter *s, int64_t a, int64_t b) {
    int64_t first = a, hi = b - a;
    for (int64_t i = (hi - 1) / 2; i >= 0; i--) sift_down(s, i, hi, first);
    for (int64_t i = hi - 1; i >= 0; i--) {
        swap(s, first, first + i);
        sift_down(s, 0, i, first);
    }
}

enum { HINT_UNKNOWN, HINT_INCREASING, HINT_DECREASING };

static int bit_len(uint64_t x) {
    int n = 0;
    while (x) {
        n++;
        x >>= 1;
    }
    return n;
}

// break_patterns swaps three elements in the middle with pseudo-random
// ones, from Go's xorshift seeded by the length (so runs repeat exactly).
static void break_patterns(Sorter *s, int64_t a, int64_t b) {
    int64_t length = b - a;
    if (length < 8) return;
    uint64_t r = (uint64_t)length;
    uint64_t modulus = (uint64_t)1 << bit_len((uint64_t)length);
    for (int64_t idx = a + (length / 4) * 2 - 1; idx <= a + (length / 4) * 2 + 1; idx++) {
        r ^= r << 13;
        r ^= r >> 17;
        r ^= r << 5;
        int64_t other = (int64_t)(r & (modulus - 1));
        if (other >= length) other -= length;
        swap(s, idx, a + other);
    }
}

// order2 orders the indexes *x, *y by their elements, counting a swap.
static void order2(Sorter *s, int64_t *x, int64_t *y, int *swaps) {
    if (less(s, *y, *x)) {
        int64_t t = *x;
        *x = *y;
        *y = t;
        (*swaps)++;
    }
}

static int64_t median(Sorter *s, int64_t a, int64_t b, int64_t c, int *swaps) {
    order2(s, &a, &b, swaps);
    order2(s, &b, &c, swaps);
    order2(s, &a, &b, swaps);
    return b;
}

// choose_pivot: a fixed pivot below 8 elements, the median of three below
// 50, Tukey's ninther above; the swaps counted hint at sorted input.
static int64_t choose_pivot(Sorter *s, int64_t a, int64_t b, int *hint) {
    int64_t l = b - a;
    int swaps = 0;
    int64_t i = a + l / 4 * 1, j = a + l / 4 * 2, k = a + l / 4 * 3;
    if (l >= 8) {
        if (l >= 50) {
            i = median(s, i - 1, i, i + 1, &swaps);
            j = median(s, j - 1, j, j + 1, &swaps);
            k = median(s, k - 1, k, k + 1, &swaps);
        }
        j = median(s, i, j, k, &swaps);
    }
    *hint = swaps == 0 ? HINT_INCREASING : swaps == 12 ? HINT_DECREASING : HINT_UNKNOWN;
    return j;
}

static void reverse_range(Sorter *s, int64_t a, int64_t b) {
    for (int64_t i = a, j = b - 1; i < j; i++, j--) swap(s, i, j);
}

// partial_insertion_sort fixes up to five out-of-order pairs of a nearly
// sorted run; true if the run ends sorted.
static bool partial_insertion_sort(Sorter *s, int64_t a, int64_t b) {
    int64_t i = a + 1;
    for (int step = 0; step < 5; step++) {
        while (i < b && !less(s, i, i - 1)) i++;
        if (i == b) return true;
        if (b - a < 50) return false;
        swap(s, i, i - 1);
        if (i - a >= 2) {
            for (int64_t j = i - 1; j >= 1; j--) {
                if (!less(s, j, j - 1)) break;
                swap(s, j, j - 1);
            }
        }
        if (b - i >= 2) {
            for (int64_t j = i + 1; j < b; j++) {
                if (!less(s, j, j - 1)) break;
                swap(s, j, j - 1);
            }
        }
    }
    return false;
}

// partition moves the pivot to a, then elements below it before the rest;
// returns the pivot's new index and whether nothing had to move.
static int64_t partition(Sorter *s, int64_t a, int64_t b, int64_t pivot, bool *already) {
    swap(s, a, pivot);
    int64_t i = a + 1, j = b - 1;
    while (i <= j && less(s, i, a)) i++;
    while (i <= j && !less(s, j, a)) j--;
    if (i > j) {
        swap(s, j, a);
        *already = true;
        return j;
    }
    swap(s, i, j);
    i++;
    j--;
    for (;;) {
        while (i <= j && less(s, i, a)) i++;
        while (i <= j && !less(s, j, a)) j--;
        if (i > j) break;
        swap(s, i, j);
        i++;
        j--;
    }
    swap(s, j, a);
    *already = false;
    return j;
}

// partition_equal puts the elements equal to the pivot first (none of
// data[a:b] is below it) and returns where the greater ones start.
static int64_t partition_equal(Sorter *s, int64_t a, int64_t b, int64_t pivot) {
    swap(s, a, pivot);
    int64_t i = a + 1, j = b - 1;
    for (;;) {
        while (i <= j && !less(s, a, i)) i++;
        while (i <= j && less(s, a, j)) j--;
        if (i > j) break;
        swap(s, i, j);
        i++;
        j--;
    }
    return i;
}

static void pdqsort(Sorter *s, int64_t a, int64_t b, int limit) {
    bool was_balanced = true, was_partitioned = true;
    for (;;) {
        int64_t length = b - a;
        if (length <= 12) {
            insertion_sort(s, a, b);
            return;
        }
        if (limit == 0) {
            heap_sort(s, a, b);
            return;
        }
        if (!was_balanced) {
            break_patterns(s, a, b);
            limit--;
        }
        int hint;
        int64_t pivot = choose_pivot(s, a, b, &hint);
        if (hint == HINT_DECREASING) {
            reverse_range(s, a, b);
            pivot = (b - 1) - (pivot - a);
            hint = HINT_INCREASING;
        }
        if (was_balanced && was_partitioned && hint == HINT_INCREASING && partial_insertion_sort(s, a, b))
            return;
        if (a > 0 && !less(s, a - 1, pivot)) {
            a = partition_equal(s, a, b, pivot);
            continue;
        }
        bool already;
        int64_t mid = partition(s, a, b, pivot, &already);
        was_partitioned = already;
        int64_t left = mid - a, right = b - mid, threshold = length / 8;
        if (left < right) {
            was_balanced = left >= threshold;
            pdqsort(s, a, mid, limit);
            a = mid + 1;
        } else {
            was_balanced = right >= threshold;
            pdqsort(s, mid + 1, b, limit);
            b = mid;
        }
    }
}

static void swap_range(Sorter *s, int64_t a, int64_t b, int64_t n) {
    for (int64_t i = 0; i < n; i++) swap(s, a + i, b + i);
}

// rotate turns data[a:m] data[m:b] into data[m:b] data[a:m] by block swaps.
static void rotate(Sorter *s, int64_t a, int64_t m, int64_t b) {
    int64_t i = m - a, j = b - m;
    while (i != j) {
        if (i > j) {
            swap_range(s, m - i, m, j);
            i -= j;
        } else {
            swap_range(s, m - i, m + j - i, i);
            j -= i;
        }
    }
    swap_range(s, m - i, m, i);
}

// sym_merge merges the sorted runs data[a:m] and data[m:b] stably (Kim and
// Kutzner's SymMerge, as Go's sort.Stable does); a < m < b.
static void sym_merge(Sorter *s, int64_t a, int64_t m, int64_t b) {
    if (m - a == 1) {
        int64_t i = m, j = b;
        while (i < j) {
            int64_t h = (int64_t)((uint64_t)(i + j) >> 1);
            if (less(s, h, a)) i = h + 1;
            else j = h;
        }
        for (int64_t k = a; k < i - 1; k++) swap(s, k, k + 1);
        return;
    }
    if (b - m == 1) {
        int64_t i = a, j = m;
        while (i < j) {
            int64_t h = (int64_t)((uint64_t)(i + j) >> 1);
            if (!less(s, m, h)) i = h + 1;
            else j = h;
        }
        for (int64_t k = m; k > i; k--) swap(s, k, k - 1);
        return;
    }
    int64_t mid = (int64_t)((uint64_t)(a + b) >> 1);
    int64_t n = mid + m, start, r;
    if (m > mid) {
        start = n - b;
        r = mid;
    } else {
        start = a;
        r = m;
    }
    int64_t p = n - 1;
    while (start < r) {
        int64_t c = (int64_t)((uint64_t)(start + r) >> 1);
        if (!less(s, p - c, c)) start = c + 1;
        else r = c;
    }
    int64_t end = n - start;
    if (start < m && m < end) rotate(s, start, m, end);
    if (a < start && start < mid) sym_merge(s, a, start, mid);
    if (mid < end && end < b) sym_merge(s, mid, end, b);
}

static void stable_sort(Sorter *s) {
    int64_t n = s->n, block = 20, a = 0, b = block;
    while (b <= n) {
        insertion_sort(s, a, b);
        a = b;
        b += block;
    }
    insertion_sort(s, a, n);
    while (block < n) {
        a = 0;
        b = 2 * block;
        while (b <= n) {
            sym_merge(s, a, a + block, b);
            a = b;
            b += 2 * block;
        }
        if (a + block < n) sym_merge(s, a, a + block, n);
        block *= 2;
    }
}

static Sorter sorter(GoSlice x, const Type *e) {
    Sorter s = { x.ptr, e->size, x.len, NULL, NULL, mem_alloc(e->size ? e->size : 1) };
    return s;
}

// slices.Sort(x S)
static int sl_sort(G *g, Word *a) {
    Args x = args_of(g, a);
    GoSlice s = arg_slice(&x);
    const Type *e = elem_of(param_type(&x, 0));
    Sorter so = sorter(s, e);
    so.order = order_of(e);
    pdqsort(&so, 0, s.len, bit_len((uint64_t)s.len));
    return VM_OK;
}

// slices.SortFunc(x S, cmp func(a, b E) int), SortStableFunc likewise.
static int sort_func(G *g, Word *a, bool stable) {
    Args x = args_of(g, a);
    GoSlice s = arg_slice(&x);
    const Type *e = elem_of(param_type(&x, 0));
    Call c;
    call_init(&c, g, arg_func(&x), e, e);
    Sorter so = sorter(s, e);
    so.cmp = &c;
    if (stable) stable_sort(&so);
    else pdqsort(&so, 0, s.len, bit_len((uint64_t)s.len));
    return c.st;
}

static int sl_sort_func(G *g, Word *a) { return sort_func(g, a, false); }
static int sl_sort_stable_func(G *g, Word *a) { return sort_func(g, a, true); }

// slices.IsSorted(x S) bool; IsSortedFunc(x S, cmp) bool.
static int sl_is_sorted(G *g, Word *a) {
    Args x = args_of(g, a);
    GoSlice s = arg_slice(&x);
    const Type *e = elem_of(param_type(&x, 0));
    Order order = order_of(e);
    bool sorted = true;
    for (int64_t i = s.len - 1; i > 0 && sorted; i--)
        if (order(AT(s, i, e->size), AT(s, i - 1, e->size)) < 0) sorted = false;
    ret_bool(&x, sorted);
    return VM_OK;
}

static int sl_is_sorted_func(G *g, Word *a) {
    Args x = args_of(g, a);
    GoSlice s = arg_slice(&x);
    const Type *e = elem_of(param_type(&x, 0));
    Call c;
    call_init(&c, g, arg_func(&x), e, e);
    bool sorted = true;
    for (int64_t i = s.len - 1; i > 0 && sorted; i--)
        if (call_cmp(&c, AT(s, i, e->size), AT(s, i - 1, e->size)) < 0) sorted = false;
    if (c.st != VM_OK) return c.st;
    ret_bool(&x, sorted);
    return VM_OK;
}

// ---- Min and max ----

// pick_float is Go's min or max of two floats: NaN wins, and -0 is below +0.
static bool pick_float(bool is_max, double m, double v) {
    if (isnan(m)) return false;
    if (isnan(v)) return true;
    if (is_max) return v > m || (v == m && signbit(m) && !signbit(v));
    return v < m || (v == m && !signbit(m) && signbit(v));
}

// slices.Min(x S) E and Max: the builtin min/max over the elements.
static int min_max(G *g, Word *a, bool is_max) {
    Args x = args_of(g, a);
    GoSlice s = arg_slice(&x);
    const Type *e = elem_of(param_type(&x, 0));
    if (s.len < 1) return panic_string(g, is_max ? "slices.Max: empty list" : "slices.Min: empty list");
    Order order = order_of(e);
    const uint8_t *m = AT(s, 0, e->size);
    for (int64_t i = 1; i < s.len; i++) {
        const uint8_t *v = AT(s, i, e->size);
        bool take;
        if (e->kind == K_FLOAT64 || e->kind == K_FLOAT32) {
            double dm, dv;
            if (e->kind == K_FLOAT64) {
                memcpy(&dm, m, 8);
                memcpy(&dv, v, 8);
            } else {
                float fm, fv;
                memcpy(&fm, m, 4);
                memcpy(&fv, v, 4);
                dm = fm;
                dv = fv;
            }
            take = pick_float(is_max, dm, dv);
        } else {
            int c = order(v, m);
            take = is_max ? c > 0 : c < 0;
        }
        if (take) m = v;
    }
    ret_value(&x, e, m);
    return VM_OK;
}

static int sl_min(G *g, Word *a) { return min_max(g, a, false); }
static int sl_max(G *g, Word *a) { return min_max(g, a, true); }

// slices.MinFunc(x S, cmp) E and MaxFunc: the first least (greatest) element.
static int min_max_func(G *g, Word *a, bool is_max) {
    Args x = args_of(g, a);
    GoSlice s = arg_slice(&x);
    const Type *e = elem_of(param_type(&x, 0));
    Closure *fn = arg_func(&x);
    if (s.len < 1) return panic_string(g, is_max ? "slices.MaxFunc: empty list" : "slices.MinFunc: empty list");
    Call c;
    call_init(&c, g, fn, e, e);
    const uint8_t *m = AT(s, 0, e->size);
    for (int64_t i = 1; i < s.len; i++) {
        const uint8_t *v = AT(s, i, e->size);
        int64_t r = call_cmp(&c, v, m);
        if (c.st != VM_OK) return c.st;
        if (is_max ? r > 0 : r < 0) m = v;
    }
    ret_value(&x, e, m);
    return VM_OK;
}

static int sl_min_func(G *g, Word *a) { return min_max_func(g, a, false); }
static int sl_max_func(G *g, Word *a) { return min_max_func(g, a, true); }

// ---- Searching ----

// slices.BinarySearch(x S, target E) (int, bool)
static int sl_binary_search(G *g, Word *a) {
    Args x = args_of(g, a);
    GoSlice s = arg_slice(&x);
    const Type *e = elem_of(param_type(&x, 0));
    const void *target = arg_value(&x);
    Order order = order_of(e);
    int64_t i = 0, j = s.len;
    while (i < j) {
        int64_t h = (int64_t)((uint64_t)(i + j) >> 1);
        if (order(AT(s, h, e->size), target) < 0) i = h + 1;
        else j = h;
    }
    bool found = i < s.len && order(AT(s, i, e->size), target) == 0;
    ret_int(&x, i);
    out(&x)[1] = found;
    return VM_OK;
}

// slices.BinarySearchFunc(x S, target T, cmp func(E, T) int) (int, bool)
static int sl_binary_search_func(G *g, Word *a) {
    Args x = args_of(g, a);
    GoSlice s = arg_slice(&x);
    const Type *e = elem_of(param_type(&x, 0)), *t = param_type(&x, 1);
    const void *target = arg_value(&x);
    Call c;
    call_init(&c, g, arg_func(&x), e, t);
    int64_t i = 0, j = s.len;
    while (i < j) {
        int64_t h = (int64_t)((uint64_t)(i + j) >> 1);
        int64_t r = call_cmp(&c, AT(s, h, e->size), target);
        if (c.st != VM_OK) return c.st;
        if (r < 0) i = h + 1;
        else j = h;
    }
    bool found = i < s.len && call_cmp(&c, AT(s, i, e->size), target) == 0;
    if (c.st != VM_OK) return c.st;
    ret_int(&x, i);
    out(&x)[1] = found;
    return VM_OK;
}

// index finds v (Go's v == s[i]); -1 if absent; -2 after a panic.
static int64_t index_of(G *g, GoSlice s, const Type *e, const void *v, int *st) {
    for (int64_t i = 0; i < s.len; i++) {
        if (equal(g, e, v, AT(s, i, e->size), st)) return i;
        if (*st != VM_OK) return -2;
    }
    return -1;
}

// slices.Index(s S, v E) int; Contains(s S, v E) bool.
static int index_or_contains(G *g, Word *a, bool contains) {
    Args x = args_of(g, a);
    GoSlice s = arg_slice(&x);
    const Type *e = elem_of(param_type(&x, 0));
    const void *v = arg_value(&x);
    int st = VM_OK;
    int64_t i = index_of(g, s, e, v, &st);
    if (st != VM_OK) return st;
    if (contains) ret_bool(&x, i >= 0);
    else ret_int(&x, i);
    return VM_OK;
}

static int sl_index(G *g, Word *a) { return index_or_contains(g, a, false); }
static int sl_contains(G *g, Word *a) { return index_or_contains(g, a, true); }

// index_func is the first i with f(s[i]), -1 if none (c->st says if f panicked).
static int64_t index_func(Call *c, GoSlice s, const Type *e) {
    for (int64_t i = 0; i < s.len; i++) {
        bool hit = call_bool(c, AT(s, i, e->size), NULL);
        if (c->st != VM_OK) return -1;
        if (hit) return i;
    }
    return -1;
}

// slices.IndexFunc(s S, f func(E) bool) int; ContainsFunc likewise, bool.
static int index_or_contains_func(G *g, Word *a, bool contains) {
    Args x = args_of(g, a);
    GoSlice s = arg_slice(&x);
    const Type *e = elem_of(param_type(&x, 0));
    Call c;
    call_init(&c, g, arg_func(&x), e, NULL);
    int64_t i = index_func(&c, s, e);
    if (c.st != VM_OK) return c.st;
    if (contains) ret_bool(&x, i >= 0);
    else ret_int(&x, i);
    return VM_OK;
}

static int sl_index_func(G *g, Word *a) { return index_or_contains_func(g, a, false); }
static int sl_contains_func(G *g, Word *a) { return index_or_contains_func(g, a, true); }

// ---- Comparing slices ----

// slices.Equal(s1, s2 S) bool
static int sl_equal(G *g, Word *a) {
    Args x = args_of(g, a);
    GoSlice s1 = arg_slice(&x), s2 = arg_slice(&x);
    const Type *e = elem_of(param_type(&x, 0));
    bool eq = s1.len == s2.len;
    int st = VM_OK;
    for (int64_t i = 0; eq && i < s1.len; i++) {
        eq = equal(g, e, AT(s1, i, e->size), AT(s2, i, e->size), &st);
        if (st != VM_OK) return st;
    }
    ret_bool(&x, eq);
    return VM_OK;
}

// slices.EqualFunc(s1 S1, s2 S2, eq func(E1, E2) bool) bool
static int sl_equal_func(G *g, Word *a) {
    Args x = args_of(g, a);
    GoSlice s1 = arg_slice(&x), s2 = arg_slice(&x);
    const Type *e1 = elem_of(param_type(&x, 0)), *e2 = elem_of(param_type(&x, 1));
    Call c;
    call_init(&c, g, arg_func(&x), e1, e2);
    bool eq = s1.len == s2.len;
    for (int64_t i = 0; eq && i < s1.len; i++) {
        eq = call_bool(&c, AT(s1, i, e1->size), AT(s2, i, e2->size));
        if (c.st != VM_OK) return c.st;
    }
    ret_bool(&x, eq);
    return VM_OK;
}

// slices.Compare(s1, s2 S) int: cmp.Compare element by element, then the
// shorter slice first.
static int sl_compare(G *g, Word *a) {
    Args x = args_of(g, a);
    GoSlice s1 = arg_slice(&x), s2 = arg_slice(&x);
    const Type *e = elem_of(param_type(&x, 0));
    Order order = order_of(e);
    int64_t r = 0;
    for (int64_t i = 0; !r && i < s1.len; i++) {
        if (i >= s2.len) r = 1;
        else r = order(AT(s1, i, e->size), AT(s2, i, e->size));
    }
    if (!r && s1.len < s2.len) r = -1;
    ret_int(&x, r);
    return VM_OK;
}

// slices.CompareFunc(s1 S1, s2 S2, cmp func(E1, E2) int) int
static int sl_compare_func(G *g, Word *a) {
    Args x = args_of(g, a);
    GoSlice s1 = arg_slice(&x), s2 = arg_slice(&x);
    const Type *e1 = elem_of(param_type(&x, 0)), *e2 = elem_of(param_type(&x, 1));
    Call c;
    call_init(&c, g, arg_func(&x), e1, e2);
    int64_t r = 0;
    for (int64_t i = 0; !r && i < s1.len; i++) {
        if (i >= s2.len) {
            r = 1;
            break;
        }
        r = call_cmp(&c, AT(s1, i, e1->size), AT(s2, i, e2->size));
        if (c.st != VM_OK) return c.st;
    }
    if (!r && s1.len < s2.len) r = -1;
    ret_int(&x, r);
    return VM_OK;
}

// ---- Changing slices ----

// append_slice is append(s, t...) with the growth goli's append uses.
static GoSlice append_slice(G *g, const Type *slice, GoSlice s, GoSlice t) {
    Word w[7];
    w[0] = (Word)(uintptr_t)slice;
    memcpy(&w[1], &s, sizeof s);
    memcpy(&w[4], &t, sizeof t);
    rt_native(RT_APPENDSLICE)->native(g, w);
    GoSlice r;
    memcpy(&r, w, sizeof r);
    return r;
}

// grow_to is append(s[:n], make(S, need-n)...): s's first n elements in
// a new array of room for at least need.
static GoSlice grow_to(G *g, const Type *slice, GoSlice s, int64_t n, int64_t need) {
    const Type *e = elem_of(slice);
    GoSlice zeros = { mem_alloc((size_t)(need - n) * e->size + 1), need - n, need - n };
    GoSlice head = { s.ptr, n, s.cap };
    return append_slice(g, slice, head, zeros);
}

// bounds checks s[lo:hi] (and s[lo:hi:max] when three) as Go's slice
// expression does, panicking with its message.
static int bounds(G *g, const Type *slice, GoSlice s, int64_t lo, int64_t hi, int64_t max, bool three) {
    Word w[8];
    w[0] = (Word)(uintptr_t)slice;
    memcpy(&w[1], &s, sizeof s);
    w[4] = (Word)lo;
    w[5] = (Word)hi;
    w[6] = (Word)max;
    w[7] = SLICE_LO | SLICE_HI | (three ? SLICE_MAX : 0);
    return rt_native(RT_SLICE)->native(g, w);
}

// replace returns s[:i] ++ v ++ s[j:], in place when it fits s's
// capacity (zeroing what falls off the end, as Go 1.22 does), else in a
// new array grown as append grows one. v may alias s: it is copied first.
static GoSlice replace(G *g, const Type *slice, GoSlice s, int64_t i, int64_t j, GoSlice v) {
    size_t size = elem_of(slice)->size;
    int64_t tail = s.len - j, tot = i + v.len + tail;
    if (tot > s.cap) {
        GoSlice r = grow_to(g, slice, s, i, tot);
        if (v.len) memmove(AT(r, i, size), v.ptr, (size_t)v.len * size);
        if (tail) memmove(AT(r, i + v.len, size), AT(s, j, size), (size_t)tail * size);
        return r;
    }
    void *copy = NULL;
    if (v.len && size) {
        copy = mem_alloc((size_t)v.len * size);
        memcpy(copy, v.ptr, (size_t)v.len * size);
    }
    if (tail && size) memmove(AT(s, i + v.len, size), AT(s, j, size), (size_t)tail * size);
    if (copy) memcpy(AT(s, i, size), copy, (size_t)v.len * size);
    if (tot < s.len && size) memset(AT(s, tot, size), 0, (size_t)(s.len - tot) * size);
    GoSlice r = { s.ptr, tot, s.cap };
    return r;
}

// slices.Insert(s S, i int, v ...E) S
static int sl_insert(G *g, Word *a) {
    Args x = args_of(g, a);
    const Type *st = param_type(&x, 0);
    GoSlice s = arg_slice(&x);
    int64_t i = arg_int(&x);
    GoSlice v = arg_slice(&x);
    if (bounds(g, st, s, i, s.len, 0, false) != VM_OK) return VM_PANIC;
    ret_slice(&x, v.len ? replace(g, st, s, i, i, v) : s);
    return VM_OK;
}

// slices.Delete(s S, i, j int) S
static int sl_delete(G *g, Word *a) {
    Args x = args_of(g, a);
    const Type *st = param_type(&x, 0);
    GoSlice s = arg_slice(&x);
    int64_t i = arg_int(&x), j = arg_int(&x);
    if (bounds(g, st, s, i, j, s.len, true) != VM_OK) return VM_PANIC;
    GoSlice none = { NULL, 0, 0 };
    ret_slice(&x, i == j ? s : replace(g, st, s, i, j, none));
    return VM_OK;
}

// slices.Replace(s S, i, j int, v ...E) S
static int sl_replace(G *g, Word *a) {
    Args x = args_of(g, a);
    const Type *st = param_type(&x, 0);
    GoSlice s = arg_slice(&x);
    int64_t i = arg_int(&x), j = arg_int(&x);
    GoSlice v = arg_slice(&x);
    if (bounds(g, st, s, i, j, 0, false) != VM_OK) return VM_PANIC;
    if (j > s.len) return bounds(g, st, s, j, s.len, 0, false);   // s[j:] in Go's code
    if (i == j && !v.len) {
        ret_slice(&x, s);
        return VM_OK;
    }
    ret_slice(&x, replace(g, st, s, i, j, v));
    return VM_OK;
}

// slices.DeleteFunc(s S, del func(E) bool) S
static int sl_delete_func(G *g, Word *a) {
    Args x = args_of(g, a);
    GoSlice s = arg_slice(&x);
    const Type *e = elem_of(param_type(&x, 0));
    Call c;
    call_init(&c, g, arg_func(&x), e, NULL);
    int64_t i = index_func(&c, s, e);
    if (c.st != VM_OK) return c.st;
    if (i >= 0) {
        for (int64_t j = i + 1; j < s.len; j++) {
            bool del = call_bool(&c, AT(s, j, e->size), NULL);
            if (c.st != VM_OK) return c.st;
            if (!del) {
                memmove(AT(s, i, e->size), AT(s, j, e->size), e->size);
                i++;
            }
        }
        memset(AT(s, i, e->size), 0, (size_t)(s.len - i) * e->size);
        s.len = i;
    }
    ret_slice(&x, s);
    return VM_OK;
}

// compact keeps the first of each run of equal neighbours (by == or by the
// Go function eq(s[k], s[k-1])), zeroing the elements it drops.
static int compact(G *g, Word *a, bool func) {
    Args x = args_of(g, a);
    GoSlice s = arg_slice(&x);
    const Type *e = elem_of(param_type(&x, 0));
    Call c;
    if (func) call_init(&c, g, arg_func(&x), e, e);
    if (s.len >= 2) {
        int64_t i = 1;
        int st = VM_OK;
        for (int64_t k = 1; k < s.len; k++) {
            const void *cur = AT(s, k, e->size), *prev = AT(s, k - 1, e->size);
            bool same = func ? call_bool(&c, cur, prev) : equal(g, e, cur, prev, &st);
            if (func) st = c.st;
            if (st != VM_OK) return st;
            if (!same) {
                // Reads stay ahead of writes, so prev is always an original.
                if (i != k) memcpy(AT(s, i, e->size), cur, e->size);
                i++;
            }
        }
        memset(AT(s, i, e->size), 0, (size_t)(s.len - i) * e->size);
        s.len = i;
    }
    ret_slice(&x, s);
    return VM_OK;
}

static int sl_compact(G *g, Word *a) { return compact(g, a, false); }
static int sl_compact_func(G *g, Word *a) { return compact(g, a, true); }

// slices.Reverse(s S)
static int sl_reverse(G *g, Word *a) {
    Args x = args_of(g, a);
    GoSlice s = arg_slice(&x);
    const Type *e = elem_of(param_type(&x, 0));
    Sorter so = sorter(s, e);
    reverse_range(&so, 0, s.len);
    return VM_OK;
}

// A non-nil pointer for empty non-nil slices (Go's zerobase).
static uint8_t zerobase[8];

// slices.Clone(s S) S: nil stays nil; else a copy in a new array.
static int sl_clone(G *g, Word *a) {
    Args x = args_of(g, a);
    const Type *st = param_type(&x, 0);
    GoSlice s = arg_slice(&x);
    if (s.ptr) {
        GoSlice empty = { zerobase, 0, 0 };
        s = append_slice(g, st, empty, s);
    }
    ret_slice(&x, s);
    return VM_OK;
}

// slices.Clip(s S) S: s[:len(s):len(s)].
static int sl_clip(G *g, Word *a) {
    Args x = args_of(g, a);
    GoSlice s = arg_slice(&x);
    s.cap = s.len;
    ret_slice(&x, s);
    return VM_OK;
}

// slices.Grow(s S, n int) S: room for n more elements.
static int sl_grow(G *g, Word *a) {
    Args x = args_of(g, a);
    const Type *st = param_type(&x, 0);
    GoSlice s = arg_slice(&x);
    int64_t n = arg_int(&x);
    if (n < 0) return panic_string(g, "cannot be negative");
    if (n > s.cap - s.len) {
        GoSlice r = grow_to(g, st, s, s.cap, s.len + n);
        r.len = s.len;
        s = r;
    }
    ret_slice(&x, s);
    return VM_OK;
}

// slices.Concat(slices ...S) S: nil when all are empty.
static int sl_concat(G *g, Word *a) {
    Args x = args_of(g, a);
    const Type *st = param_type(&x, 0)->under->elem;
    GoSlice all = arg_slice(&x);
    size_t size = elem_of(st)->size;
    int64_t total = 0;
    for (int64_t i = 0; i < all.len; i++) {
        const GoSlice *s = (const GoSlice *)AT(all, i, sizeof(GoSlice));
        total += s->len;
        if (total < 0) return panic_string(g, "len out of range");
    }
    GoSlice r = { NULL, 0, 0 };
    if (total > 0) {
        r = grow_to(g, st, r, 0, total);
        r.len = 0;
        for (int64_t i = 0; i < all.len; i++) {
            const GoSlice *s = (const GoSlice *)AT(all, i, sizeof(GoSlice));
            if (s->len) memmove(AT(r, r.len, size), s->ptr, (size_t)s->len * size);
            r.len += s->len;
        }
    }
    ret_slice(&x, r);
    return VM_OK;
}

// ---- Package cmp ----

// cmp.Compare(x, y T) int and cmp.Less(x, y T) bool
static int compare_or_less(G *g, Word *a, bool less_only) {
    Args x = args_of(g, a);
    const Type *t = param_type(&x, 0);
    const void *p = arg_value(&x), *q = arg_value(&x);
    int c = order_of(t)(p, q);
    if (less_only) ret_bool(&x, c < 0);
    else ret_int(&x, c);
    return VM_OK;
}

static int cmp_compare(G *g, Word *a) { return compare_or_less(g, a, false); }
static int cmp_less(G *g, Word *a) { return compare_or_less(g, a, true); }

// cmp.Or(vals ...T) T: the first value that is not the zero value.
static int cmp_or(G *g, Word *a) {
    Args x = args_of(g, a);
    const Type *t = param_type(&x, 0)->under->elem;
    GoSlice vals = arg_slice(&x);
    void *zero = mem_alloc(t->size ? t->size : 1);
    int st = VM_OK;
    for (int64_t i = 0; i < vals.len; i++) {
        const void *v = AT(vals, i, t->size);
        bool is_zero = equal(g, t, v, zero, &st);
        if (st != VM_OK) return st;
        if (!is_zero) {
            ret_value(&x, t, v);
            return VM_OK;
        }
    }
    ret_value(&x, t, zero);
    return VM_OK;
}

static const SlicesNative natives[] = {
    { "slices.BinarySearch", sl_binary_search },
    { "slices.BinarySearchFunc", sl_binary_search_func },
    { "slices.Clip", sl_clip },
    { "slices.Clone", sl_clone },
    { "slices.Compact", sl_compact },
    { "slices.CompactFunc", sl_compact_func },
    { "slices.Compare", sl_compare },
    { "slices.CompareFunc", sl_compare_func },
    { "slices.Concat", sl_concat },
    { "slices.Contains", sl_contains },
    { "slices.ContainsFunc", sl_contains_func },
    { "slices.Delete", sl_delete },
    { "slices.DeleteFunc", sl_delete_func },
    { "slices.Equal", sl_equal },
    { "slices.EqualFunc", sl_equal_func },
    { "slices.Grow", sl_grow },
    { "slices.Index", sl_index },
    { "slices.IndexFunc", sl_index_func },
    { "slices.Insert", sl_insert },
    { "slices.IsSorted", sl_is_sorted },
    { "slices.IsSortedFunc", sl_is_sorted_func },
    { "slices.Max", sl_max },
    { "slices.MaxFunc", sl_max_func },
    { "slices.Min", sl_min },
    { "slices.MinFunc", sl_min_func },
    { "slices.Replace", sl_replace },
    { "slices.Reverse", sl_reverse },
    { "slices.Sort", sl_sort },
    { "slices.SortFunc", sl_sort_func },
    { "slices.SortStableFunc", sl_sort_stable_func },
    { "cmp.Compare", cmp_compare },
    { "cmp.Less", cmp_less },
    { "cmp.Or", cmp_or },
};

NativeFn slices_native(const char *pkg, const char *name) {
    size_t np = strlen(pkg);
    for (size_t i = 0; i < sizeof natives / sizeof *natives; i++) {
        const char *n = natives[i].name;
        if (strncmp(n, pkg, np) == 0 && n[np] == '.' && strcmp(n + np + 1, name) == 0) return natives[i].fn;
    }
    return NULL;
}
