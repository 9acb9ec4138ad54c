// stdlib/strconv/itoa.c: integers and booleans to text, strconv.FormatInt,
// FormatUint, AppendInt, Itoa and FormatBool (see strconv.h).
#include "stdlib/strconv/strconv.h"

static const char digits36[] = "0123456789abcdefghijklmnopqrstuvwxyz";

// Two decimal digits at a time: "00" "01" ... "99".
static const char pairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233"
    "34353637383940414243444546474849505152535455565758596061626364656667"
    "6869707172737475767778798081828384858687888990919293949596979899";

// format_bits appends u in base (2..36), after a '-' when neg.
static void format_bits(StrconvBuf *b, uint64_t u, int base, int neg) {
    char a[65];     // 64 binary digits and a sign
    int i = sizeof a;
    if (base == 10) {
        while (u >= 100) {
            unsigned r = (unsigned)(u % 100) * 2;
            u /= 100;
            a[--i] = pairs[r + 1];
            a[--i] = pairs[r];
        }
        if (u >= 10) {
            unsigned r = (unsigned)u * 2;
            a[--i] = pairs[r + 1];
            a[--i] = pairs[r];
        } else {
            a[--i] = (char)('0' + u);
        }
    } else if ((base & (base - 1)) == 0) {
        int shift = __builtin_ctz((unsigned)base);
        uint64_t mask = (uint64_t)base - 1;
        while (u >= (uint64_t)base) {
            a[--i] = digits36[u & mask];
            u >>= shift;
        }
        a[--i] = digits36[u];
    } else {
        while (u >= (uint64_t)base) {
            a[--i] = digits36[u % (uint64_t)base];
            u /= (uint64_t)base;
        }
        a[--i] = digits36[u];
    }
    if (neg)
        a[--i] = '-';
    strconv_buf_write(b, a + i, sizeof a - (size_t)i);
}

int strconv_format_int(StrconvBuf *b, int64_t v, int base) {
    if (base < 2 || base > 36)
        return -1;
    // 0 - (uint64_t)v is |v| even for INT64_MIN.
    format_bits(b, v < 0 ? 0 - (uint64_t)v : (uint64_t)v, base, v < 0);
    return 0;
}

int strconv_format_uint(StrconvBuf *b, uint64_t v, int base) {
    if (base < 2 || base > 36)
        return -1;
    format_bits(b, v, base, 0);
    return 0;
}

void strconv_format_bool(StrconvBuf *b, int v) {
    if (v)
        strconv_buf_write(b, "true", 4);
    else
        strconv_buf_write(b, "false", 5);
}
