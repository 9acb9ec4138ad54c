// lexer/literal.c: the values of literal tokens (lit_string, lit_rune,
// lit_number; declared in lexer/lex.h). The scanner has already checked
// the text and reported any error; for a token marked bad these still return
// something (the decodable part) and never read past the token.
#include "lexer/lex.h"
#include "common/mem.h"
#include "common/utf8.h"

#include <string.h>

static int hex_value(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// decode_escape decodes the escape at s[0] == '\\' (at most n bytes) and
// returns its length. *value is the code point or byte, or -1 for a broken
// escape (the scanner reported it); *is_byte is set for \x and octal
// escapes, which stand for one byte rather than a character.
static size_t decode_escape(const char *s, size_t n, int32_t *value, int *is_byte) {
    *is_byte = 0;
    *value = -1;
    if (n < 2)
        return n;
    int c = (unsigned char)s[1];
    size_t digits = 0;
    int base = 16;
    switch (c) {
    case 'a': *value = '\a'; return 2;
    case 'b': *value = '\b'; return 2;
    case 'f': *value = '\f'; return 2;
    case 'n': *value = '\n'; return 2;
    case 'r': *value = '\r'; return 2;
    case 't': *value = '\t'; return 2;
    case 'v': *value = '\v'; return 2;
    case '\\': case '\'': case '"': *value = c; return 2;
    case 'x': digits = 2; *is_byte = 1; break;
    case 'u': digits = 4; break;
    case 'U': digits = 8; break;
    default:
        if (c < '0' || c > '7')
            return 2;   // unknown escape (reported by the scanner)
        digits = 3;
        base = 8;
        *is_byte = 1;
        break;
    }
    size_t i = base == 8 ? 1 : 2;   // first digit
    uint32_t x = 0;
    size_t end = i + digits;
    for (; i < end && i < n; i++) {
        int d = hex_value((unsigned char)s[i]);
        if (d < 0 || d >= base)
            break;
        x = x * (uint32_t)base + (uint32_t)d;
    }
    *value = (int32_t)(*is_byte ? (x & 0xFF) : (utf8_valid_rune((int32_t)x) ? x : UTF8_RUNE_ERROR));
    return i;
}

char *lit_string(const Token *t, size_t *len) {
    const char *s = t->text;
    size_t n = t->len;
    // The body: without the opening quote, and without the closing one if
    // the literal is terminated.
    char quote = n > 0 ? s[0] : '"';
    size_t lo = 1, hi = n;
    if (n >= 2 && s[n - 1] == quote)
        hi = n - 1;
    if (hi < lo)
        hi = lo;
    // A decoded literal is never longer than its text: every escape
    // is at least as long as the bytes it stands for.
    char *out = mem_alloc_atomic(hi - lo + 1);
    size_t k = 0;
    if (quote == '`') {
        for (size_t i = lo; i < hi; i++)
            if (s[i] != '\r')
                out[k++] = s[i];
    } else {
        for (size_t i = lo; i < hi;) {
            if (s[i] != '\\') {
                out[k++] = s[i++];
                continue;
            }
            int32_t v;
            int is_byte;
            i += decode_escape(s + i, hi - i, &v, &is_byte);
            if (v < 0)
                continue;
            if (is_byte)
                out[k++] = (char)v;
            else
                k += (size_t)utf8_encode((unsigned char *)out + k, v);
        }
    }
    out[k] = 0;
    *len = k;
    return out;
}

int32_t lit_rune(const Token *t) {
    const char *s = t->text;
    size_t n = t->len;
    if (n < 2)
        return UTF8_RUNE_ERROR;
    size_t body = n - 1;    // bytes after the opening quote
    if (s[1] == '\\') {
        int32_t v;
        int is_byte;
        decode_escape(s + 1, body, &v, &is_byte);
        return v < 0 ? UTF8_RUNE_ERROR : v;
    }
    int w;
    return utf8_decode((const unsigned char *)s + 1, body, &w);
}

char *lit_number(const Token *t, int *base, size_t *len) {
    const char *s = t->text;
    size_t n = t->len;
    size_t i = 0;
    *base = 10;
    if (n >= 2 && s[0] == '0') {
        switch (s[1] | 0x20) {
        case 'x': *base = 16; i = 2; break;
        case 'o': *base = 8; i = 2; break;
        case 'b': *base = 2; i = 2; break;
        default:
            // 0777 is octal, but 0777.5, 0777e1 and 0777i are decimal.
            if (t->kind == T_INT)
                *base = 8;
            break;
        }
    }
    if (n > i && s[n - 1] == 'i')
        n--;
    char *out = mem_alloc_atomic(n - i + 1);
    size_t k = 0;
    for (; i < n; i++)
        if (s[i] != '_')
            out[k++] = s[i];
    out[k] = 0;
    *len = k;
    return out;
}
