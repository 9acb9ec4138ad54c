// stdlib/strconv/quote.c: Go string and rune literals, strconv.Quote and
// its variants, Unquote, UnquoteChar, QuotedPrefix, CanBackquote, IsPrint
// and IsGraphic (see strconv.h). Printability comes from common/unicode.h.
#include "stdlib/strconv/strconv.h"

#include <string.h>

#include "common/unicode.h"
#include "common/utf8.h"

static const char lowerhex[] = "0123456789abcdef";

int strconv_is_print(int32_t r) {
    return uni_is_print(r);
}

int strconv_is_graphic(int32_t r) {
    return uni_is_graphic(r);
}

// ---- Quoting ----

// Which runes a quoting function leaves as they are.
enum {
    KEEP_PRINT,     // IsPrint runes (Quote)
    KEEP_ASCII,     // printable ASCII only (QuoteToASCII)
    KEEP_GRAPHIC,   // IsGraphic runes (QuoteToGraphic)
};

// put_escaped appends r as it appears between quote characters: itself if
// keep allows, else its shortest escape.
static void put_escaped(StrconvBuf *b, int32_t r, char quote, int keep) {
    if (r == quote || r == '\\') {
        char *p = strconv_buf_grow(b, 2);
        p[0] = '\\';
        p[1] = (char)r;
        b->len += 2;
        return;
    }
    int as_is;
    if (keep == KEEP_ASCII)
        as_is = r < UTF8_RUNE_SELF && uni_is_print(r);
    else if (keep == KEEP_GRAPHIC)
        as_is = uni_is_graphic(r);
    else
        as_is = uni_is_print(r);
    if (as_is) {
        unsigned char *p = (unsigned char *)strconv_buf_grow(b, UTF8_UTF_MAX);
        b->len += (size_t)utf8_encode(p, r);
        return;
    }
    const char *short_escape = NULL;
    switch (r) {
    case '\a': short_escape = "\\a"; break;
    case '\b': short_escape = "\\b"; break;
    case '\f': short_escape = "\\f"; break;
    case '\n': short_escape = "\\n"; break;
    case '\r': short_escape = "\\r"; break;
    case '\t': short_escape = "\\t"; break;
    case '\v': short_escape = "\\v"; break;
    }
    if (short_escape) {
        strconv_buf_write(b, short_escape, 2);
        return;
    }
    char *p = strconv_buf_grow(b, 10);
    char *start = p;
    int digits;
    *p++ = '\\';
    if (r < ' ' || r == 0x7F) {
        *p++ = 'x';
        digits = 2;
    } else {
        if (!utf8_valid_rune(r))
            r = UTF8_RUNE_ERROR;
        *p++ = r < 0x10000 ? 'u' : 'U';
        digits = r < 0x10000 ? 4 : 8;
    }
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4)
        *p++ = lowerhex[(uint32_t)r >> shift & 0xF];
    b->len += (size_t)(p - start);
}

static void quote_with(StrconvBuf *b, const char *s, size_t n, char quote,
                       int keep) {
    const unsigned char *u = (const unsigned char *)s;
    strconv_buf_grow(b, n + 2);
    strconv_buf_putc(b, quote);
    size_t i = 0;
    while (i < n) {
        int32_t r = u[i];
        int width = 1;
        if (r >= UTF8_RUNE_SELF)
            r = utf8_decode(u + i, n - i, &width);
        if (width == 1 && r == UTF8_RUNE_ERROR) {
            // A byte that is not UTF-8.
            char *p = strconv_buf_grow(b, 4);
            p[0] = '\\';
            p[1] = 'x';
            p[2] = lowerhex[u[i] >> 4];
            p[3] = lowerhex[u[i] & 0xF];
            b->len += 4;
        } else if (r >= ' ' && r < 0x7F && r != quote && r != '\\') {
            strconv_buf_putc(b, (char)r);   // the common case, quickly
        } else {
            put_escaped(b, r, quote, keep);
        }
        i += (size_t)width;
    }
    strconv_buf_putc(b, quote);
}

static void quote_rune_with(StrconvBuf *b, int32_t r, int keep) {
    if (!utf8_valid_rune(r))
        r = UTF8_RUNE_ERROR;
    strconv_buf_putc(b, '\'');
    put_escaped(b, r, '\'', keep);
    strconv_buf_putc(b, '\'');
}

void strconv_quote(StrconvBuf *b, const char *s, size_t n) {
    quote_with(b, s, n, '"', KEEP_PRINT);
}

void strconv_quote_to_ascii(StrconvBuf *b, const char *s, size_t n) {
    quote_with(b, s, n, '"', KEEP_ASCII);
}

void strconv_quote_to_graphic(StrconvBuf *b, const char *s, size_t n) {
    quote_with(b, s, n, '"', KEEP_GRAPHIC);
}

void strconv_quote_rune(StrconvBuf *b, int32_t r) {
    quote_rune_with(b, r, KEEP_PRINT);
}

void strconv_quote_rune_to_ascii(StrconvBuf *b, int32_t r) {
    quote_rune_with(b, r, KEEP_ASCII);
}

void strconv_quote_rune_to_graphic(StrconvBuf *b, int32_t r) {
    quote_rune_with(b, r, KEEP_GRAPHIC);
}

int strconv_can_backquote(const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        int width;
        int32_t r = utf8_decode(u + i, n - i, &width);
        i += (size_t)width;
        if (width > 1) {
            if (r == 0xFEFF)
                return 0;   // an invisible byte order mark
            continue;
        }
        if (r == UTF8_RUNE_ERROR)
            return 0;
        if ((r < ' ' && r != '\t') || r == '`' || r == 0x7F)
            return 0;
    }
    return 1;
}

// ---- Unquoting ----

static int unhex(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

StrconvErr strconv_unquote_char(const char *s, size_t n, int quote,
                                int32_t *value, int *multibyte, size_t *used) {
    const unsigned char *u = (const unsigned char *)s;
    *value = 0;
    *multibyte = 0;
    *used = 0;
    if (n == 0)
        return STRCONV_ERR_SYNTAX;
    unsigned char c = u[0];
    if (c == quote && (quote == '\'' || quote == '"'))
        return STRCONV_ERR_SYNTAX;
    if (c >= UTF8_RUNE_SELF) {
        int width;
        *value = utf8_decode(u, n, &width);
        *multibyte = 1;
        *used = (size_t)width;
        return STRCONV_OK;
    }
    if (c != '\\') {
        *value = c;
        *used = 1;
        return STRCONV_OK;
    }
    if (n <= 1)
        return STRCONV_ERR_SYNTAX;
    c = u[1];
    size_t i = 2;
    int32_t v = 0;
    switch (c) {
    case 'a': v = '\a'; break;
    case 'b': v = '\b'; break;
    case 'f': v = '\f'; break;
    case 'n': v = '\n'; break;
    case 'r': v = '\r'; break;
    case 't': v = '\t'; break;
    case 'v': v = '\v'; break;
    case 'x':
    case 'u':
    case 'U': {
        size_t digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        if (n - i < digits)
            return STRCONV_ERR_SYNTAX;
        for (size_t j = 0; j < digits; j++) {
            int x = unhex(s[i + j]);
            if (x < 0)
                return STRCONV_ERR_SYNTAX;
            v = (int32_t)((uint32_t)v << 4 | (uint32_t)x);
        }
        i += digits;
        if (c != 'x') {
            if (!utf8_valid_rune(v))
                return STRCONV_ERR_SYNTAX;
            *multibyte = 1;
        }
        break;
    }
    case '0': case '1': case '2': case '3':
    case '4': case '5': case '6': case '7':
        v = c - '0';
        if (n - i < 2)
            return STRCONV_ERR_SYNTAX;
        for (size_t j = 0; j < 2; j++) {
            int x = s[i + j] - '0';
            if (x < 0 || x > 7)
                return STRCONV_ERR_SYNTAX;
            v = v << 3 | x;
        }
        i += 2;
        if (v > 255)
            return STRCONV_ERR_SYNTAX;
        break;
    case '\\':
        v = '\\';
        break;
    case '\'':
    case '"':
        if (c != quote)
            return STRCONV_ERR_SYNTAX;
        v = c;
        break;
    default:
        return STRCONV_ERR_SYNTAX;
    }
    *value = v;
    *used = i;
    return STRCONV_OK;
}

// unquote is Go's unquote: it reads the literal at the start of s, appends
// its value to b when b is not NULL, and stores the literal's length in
// *len.
static StrconvErr unquote(const char *s, size_t n, StrconvBuf *b,
                          size_t *len) {
    const unsigned char *u = (const unsigned char *)s;
    if (n < 2)
        return STRCONV_ERR_SYNTAX;
    char quote = s[0];
    const char *close = memchr(s + 1, quote, n - 1);
    if (!close)
        return STRCONV_ERR_SYNTAX;
    size_t end = (size_t)(close - s) + 1;   // after the closing quote, if
                                            // no escape hides it
    if (quote == '`') {
        if (b) {
            for (size_t i = 1; i < end - 1; i++)
                if (s[i] != '\r')
                    strconv_buf_putc(b, s[i]);
        }
        *len = end;
        return STRCONV_OK;
    }
    if (quote != '"' && quote != '\'')
        return STRCONV_ERR_SYNTAX;

    // Fast path: no escapes and no newline, valid UTF-8 or one rune.
    if (!memchr(s, '\\', end) && !memchr(s, '\n', end)) {
        int valid;
        if (quote == '"') {
            valid = 1;
            for (size_t i = 1; i < end - 1;) {
                int width;
                int32_t r = utf8_decode(u + i, end - 1 - i, &width);
                if (r == UTF8_RUNE_ERROR && width == 1) {
                    valid = 0;
                    break;
                }
                i += (size_t)width;
            }
        } else {
            int width;
            int32_t r = utf8_decode(u + 1, end - 2, &width);
            valid = 1 + (size_t)width + 1 == end &&
                    (r != UTF8_RUNE_ERROR || width != 1);
        }
        if (valid) {
            if (b)
                strconv_buf_write(b, s + 1, end - 2);
            *len = end;
            return STRCONV_OK;
        }
    }

    size_t mark = b ? b->len : 0;
    size_t i = 1;
    while (i < n && s[i] != quote) {
        int32_t r;
        int multibyte;
        size_t used;
        if (s[i] == '\n' ||
            strconv_unquote_char(s + i, n - i, quote, &r, &multibyte, &used)) {
            if (b)
                b->len = mark;
            return STRCONV_ERR_SYNTAX;
        }
        i += used;
        if (b) {
            if (r < UTF8_RUNE_SELF || !multibyte) {
                strconv_buf_putc(b, (char)r);
            } else {
                unsigned char *p = (unsigned char *)strconv_buf_grow(b, 4);
                b->len += (size_t)utf8_encode(p, r);
            }
        }
        if (quote == '\'')
            break;
    }
    if (!(i < n && s[i] == quote)) {
        if (b)
            b->len = mark;
        return STRCONV_ERR_SYNTAX;
    }
    *len = i + 1;
    return STRCONV_OK;
}

StrconvErr strconv_unquote(StrconvBuf *b, const char *s, size_t n) {
    size_t mark = b->len, len;
    StrconvErr err = unquote(s, n, b, &len);
    if (err == STRCONV_OK && len != n) {
        b->len = mark;
        return STRCONV_ERR_SYNTAX;
    }
    return err;
}

StrconvErr strconv_quoted_prefix(const char *s, size_t n, size_t *len) {
    *len = 0;
    return unquote(s, n, NULL, len);
}
