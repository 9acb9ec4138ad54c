// stdlib/fmt/format.c: fmt's raw formatter, the part of Go's fmt that
// turns one number, string or rune into padded text under the verb's flags
// (Go's format.go). Floats and quoting come from stdlib/strconv. The
// design is in stdlib/fmt/fmt.h.
#include "stdlib/fmt/printer.h"

#include <string.h>

#include "common/mem.h"
#include "common/utf8.h"

static const char ldigits[] = "0123456789abcdefx";
static const char udigits[] = "0123456789ABCDEFX";

// ---- Output ----

void fmt_write(Printer *p, const void *s, size_t n) { strconv_buf_write(p->buf, s, n); }

void fmt_write_cstr(Printer *p, const char *s) { fmt_write(p, s, strlen(s)); }

void fmt_write_rune(Printer *p, int32_t r) {
    if (r >= 0 && r < UTF8_RUNE_SELF) {
        fmt_putc(p, (char)r);
        return;
    }
    unsigned char tmp[UTF8_UTF_MAX];
    fmt_write(p, tmp, (size_t)utf8_encode(tmp, r));
}

// rune_count counts runes as utf8.RuneCount does: an invalid byte is one.
static int64_t rune_count(const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    int64_t count = 0;
    size_t i = 0;
    while (i < n) {
        if (u[i] < UTF8_RUNE_SELF) {
            i++;
        } else {
            int w;
            utf8_decode(u + i, n - i, &w);
            i += (size_t)w;
        }
        count++;
    }
    return count;
}

// prec_len returns how many bytes of s[0..n) a precision keeps: at most
// prec runes.
static size_t prec_len(const Printer *p, const char *s, size_t n) {
    if (!p->f.prec_present) return n;
    const unsigned char *u = (const unsigned char *)s;
    int64_t left = p->prec;
    size_t i = 0;
    while (i < n) {
        if (--left < 0) return i;
        if (u[i] < UTF8_RUNE_SELF) {
            i++;
        } else {
            int w;
            utf8_decode(u + i, n - i, &w);
            i += (size_t)w;
        }
    }
    return n;
}

// ---- Padding ----

void fmt_clear_flags(Printer *p) {
    memset(&p->f, 0, sizeof p->f);
    p->wid = 0;
    p->prec = 0;
}

// fmt_padding appends n bytes of padding: zeros with the 0 flag, else
// spaces.
void fmt_padding(Printer *p, int n) {
    if (n <= 0) return;
    char *dst = strconv_buf_grow(p->buf, (size_t)n);
    memset(dst, p->f.zero ? '0' : ' ', (size_t)n);
    p->buf->len += (size_t)n;
}

// fmt_pad appends s[0..n) padded to the width, counted in runes, on the
// left or with the - flag on the right.
void fmt_pad(Printer *p, const char *s, size_t n) {
    if (!p->f.wid_present || p->wid == 0) {
        fmt_write(p, s, n);
        return;
    }
    int64_t width = p->wid - rune_count(s, n);
    int w = width > 0 ? (int)width : 0;
    if (!p->f.minus) {
        fmt_padding(p, w);
        fmt_write(p, s, n);
    } else {
        fmt_write(p, s, n);
        fmt_padding(p, w);
    }
}

// pad_nozero pads as fmt_pad but never with zeros.
static void pad_nozero(Printer *p, const char *s, size_t n) {
    bool zero = p->f.zero;
    p->f.zero = false;
    fmt_pad(p, s, n);
    p->f.zero = zero;
}

void fmt_boolean(Printer *p, bool v) {
    if (v) fmt_pad(p, "true", 4);
    else fmt_pad(p, "false", 5);
}

// ---- Integers ----

// fmt_integer formats u (a two's complement int64 when is_signed) in base
// 2, 8, 10 or 16 with precision, zero padding, signs, the # prefixes and
// %O's 0o, as Go's fmtInteger.
void fmt_integer(Printer *p, uint64_t u, int base, bool is_signed, int verb, bool upper) {
    const char *digits = upper ? udigits : ldigits;
    bool negative = is_signed && (int64_t)u < 0;
    if (negative) u = -u;

    char small[68];
    char *buf = small;
    size_t size = sizeof small;
    if (p->f.wid_present || p->f.prec_present) {
        // Room for a sign, "0x" and every zero the width or precision asks.
        size_t need = 3 + (size_t)p->wid + (size_t)p->prec;
        if (need > size) {
            buf = mem_alloc_atomic(need);
            size = need;
        }
    }

    // %.3d and %03d both ask for leading zeros; with both, the 0 flag is
    // ignored and padding is spaces.
    int64_t prec = 0;
    if (p->f.prec_present) {
        prec = p->prec;
        if (prec == 0 && u == 0) {     // %.0d of 0 prints only padding
            bool zero = p->f.zero;
            p->f.zero = false;
            fmt_padding(p, p->wid);
            p->f.zero = zero;
            return;
        }
    } else if (p->f.zero && p->f.wid_present) {
        prec = p->wid;
        if (negative || p->f.plus || p->f.space) prec--;   // room for the sign
    }

    size_t i = size;
    switch (base) {
    case 10:
        while (u >= 10) {
            uint64_t next = u / 10;
            buf[--i] = (char)('0' + (u - next * 10));
            u = next;
        }
        break;
    case 16:
        while (u >= 16) {
            buf[--i] = digits[u & 0xF];
            u >>= 4;
        }
        break;
    case 8:
        while (u >= 8) {
            buf[--i] = (char)('0' + (u & 7));
            u >>= 3;
        }
        break;
    default:    // 2
        while (u >= 2) {
            buf[--i] = (char)('0' + (u & 1));
            u >>= 1;
        }
        break;
    }
    buf[--i] = digits[u];
    while (i > 0 && prec > (int64_t)(size - i)) buf[--i] = '0';

    if (p->f.sharp) {
        switch (base) {
        case 2:
            buf[--i] = 'b';
            buf[--i] = '0';
            break;
        case 8:
            if (buf[i] != '0') buf[--i] = '0';
            break;
        case 16:
            buf[--i] = digits[16];
            buf[--i] = '0';
            break;
        }
    }
    if (verb == 'O') {
        buf[--i] = 'o';
        buf[--i] = '0';
    }
    if (negative) buf[--i] = '-';
    else if (p->f.plus) buf[--i] = '+';
    else if (p->f.space) buf[--i] = ' ';

    // Zero padding was done above as precision, or the precision overrides
    // it.
    pad_nozero(p, buf + i, size - i);
}

// fmt_unicode formats u as U+0078, or with # as U+0078 'x' when the rune
// is printable.
void fmt_unicode(Printer *p, uint64_t u) {
    char small[68];
    char *buf = small;
    size_t size = sizeof small;
    int64_t prec = 4;
    if (p->f.prec_present && p->prec > 4) {
        prec = p->prec;
        size_t need = 2 + (size_t)prec + 2 + UTF8_UTF_MAX + 1;
        if (need > size) {
            buf = mem_alloc_atomic(need);
            size = need;
        }
    }
    size_t i = size;
    if (p->f.sharp && u <= UTF8_MAX_RUNE && strconv_is_print((int32_t)u)) {
        unsigned char enc[UTF8_UTF_MAX];
        int w = utf8_encode(enc, (int32_t)u);
        buf[--i] = '\'';
        i -= (size_t)w;
        memcpy(buf + i, enc, (size_t)w);
        buf[--i] = '\'';
        buf[--i] = ' ';
    }
    while (u >= 16) {
        buf[--i] = udigits[u & 0xF];
        prec--;
        u >>= 4;
    }
    buf[--i] = udigits[u];
    prec--;
    while (prec > 0) {
        buf[--i] = '0';
        prec--;
    }
    buf[--i] = '+';
    buf[--i] = 'U';
    pad_nozero(p, buf + i, size - i);
}

// fmt_c formats c as the character it encodes; beyond U+10FFFF it is
// U+FFFD.
void fmt_c(Printer *p, uint64_t c) {
    int32_t r = c > UTF8_MAX_RUNE ? UTF8_RUNE_ERROR : (int32_t)c;
    unsigned char enc[UTF8_UTF_MAX];
    fmt_pad(p, (const char *)enc, (size_t)utf8_encode(enc, r));
}

// fmt_qc formats c as a quoted rune literal, escaping non-ASCII with +.
void fmt_qc(Printer *p, uint64_t c) {
    int32_t r = c > UTF8_MAX_RUNE ? UTF8_RUNE_ERROR : (int32_t)c;
    char storage[32];
    StrconvBuf q;
    strconv_buf_init(&q, storage, sizeof storage);
    if (p->f.plus) strconv_quote_rune_to_ascii(&q, r);
    else strconv_quote_rune(&q, r);
    fmt_pad(p, q.data, q.len);
}

// ---- Strings ----

void fmt_s(Printer *p, const char *s, size_t n) { fmt_pad(p, s, prec_len(p, s, n)); }

// fmt_sbx formats the bytes s[0..n) as hexadecimal: the precision limits
// the bytes, # adds 0x, the space flag separates the bytes (and then #
// prefixes each).
void fmt_sbx(Printer *p, const uint8_t *s, size_t n, bool upper) {
    const char *digits = upper ? udigits : ldigits;
    size_t length = n;
    if (p->f.prec_present && (size_t)p->prec < length) length = (size_t)p->prec;
    size_t width = 2 * length;
    if (width > 0) {
        if (p->f.space) {
            if (p->f.sharp) width *= 2;
            width += length - 1;
        } else if (p->f.sharp) {
            width += 2;
        }
    } else {    // nothing to encode: only padding
        if (p->f.wid_present) fmt_padding(p, p->wid);
        return;
    }
    if (p->f.wid_present && (size_t)p->wid > width && !p->f.minus)
        fmt_padding(p, p->wid - (int)width);
    char *dst = strconv_buf_grow(p->buf, width);
    size_t j = 0;
    if (p->f.sharp) {
        dst[j++] = '0';
        dst[j++] = digits[16];
    }
    for (size_t i = 0; i < length; i++) {
        if (p->f.space && i > 0) {
            dst[j++] = ' ';
            if (p->f.sharp) {
                dst[j++] = '0';
                dst[j++] = digits[16];
            }
        }
        dst[j++] = digits[s[i] >> 4];
        dst[j++] = digits[s[i] & 0xF];
    }
    p->buf->len += j;
    if (p->f.wid_present && (size_t)p->wid > width && p->f.minus)
        fmt_padding(p, p->wid - (int)width);
}

// fmt_q formats s as a double-quoted Go string literal (escaping non-ASCII
// with +), or with # as a raw `string` when strconv.CanBackquote allows.
void fmt_q(Printer *p, const char *s, size_t n) {
    n = prec_len(p, s, n);
    bool padded = p->f.wid_present && p->wid != 0;
    if (p->f.sharp && strconv_can_backquote(s, n)) {
        if (!padded) {
            fmt_putc(p, '`');
            fmt_write(p, s, n);
            fmt_putc(p, '`');
            return;
        }
        int64_t width = p->wid - rune_count(s, n) - 2;
        if (!p->f.minus) fmt_padding(p, width > 0 ? (int)width : 0);
        fmt_putc(p, '`');
        fmt_write(p, s, n);
        fmt_putc(p, '`');
        if (p->f.minus) fmt_padding(p, width > 0 ? (int)width : 0);
        return;
    }
    if (!padded) {      // quote straight into the output
        if (p->f.plus) strconv_quote_to_ascii(p->buf, s, n);
        else strconv_quote(p->buf, s, n);
        return;
    }
    char storage[256];
    StrconvBuf q;
    strconv_buf_init(&q, storage, sizeof storage);
    if (p->f.plus) strconv_quote_to_ascii(&q, s, n);
    else strconv_quote(&q, s, n);
    fmt_pad(p, q.data, q.len);
}

// ---- Floats ----

static unsigned float_flags(const Printer *p) {
    unsigned fl = 0;
    if (p->f.plus) fl |= STRCONV_FMT_PLUS;
    if (p->f.space) fl |= STRCONV_FMT_SPACE;
    if (p->f.sharp) fl |= STRCONV_FMT_SHARP;
    if (p->f.zero) fl |= STRCONV_FMT_ZERO;
    if (p->f.minus) fl |= STRCONV_FMT_MINUS;
    return fl;
}

// fmt_float and fmt_complex pass %v on as %g, which is what Go's
// pp.fmtFloat does: strconv_fmt_float reads 'v' as "plus and sharp went to
// plusV and sharpV", but a bad verb's operand prints as %v with the
// verb's own + and # (fmt.Sprintf("%+s", 1.5) is %!s(float64=+1.5)).
bool fmt_float(Printer *p, double v, int bitsize, int verb) {
    if (verb == 'v') verb = 'g';
    return strconv_fmt_float(p->buf, v, bitsize, verb, p->f.prec_present ? p->prec : -1,
                             p->f.wid_present ? p->wid : -1, float_flags(p)) == 0;
}

bool fmt_complex(Printer *p, double re, double im, int bitsize, int verb) {
    if (verb == 'v') verb = 'g';
    return strconv_fmt_complex(p->buf, re, im, bitsize, verb, p->f.prec_present ? p->prec : -1,
                               p->f.wid_present ? p->wid : -1, float_flags(p)) == 0;
}
