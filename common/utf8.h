// common/utf8.h: UTF-8 encoding and decoding with Go's rules (unicode/utf8):
// an invalid sequence (bad lead byte, missing continuation, overlong form,
// surrogate half, or beyond U+10FFFF) decodes as RuneError with width 1.
// Used by the scanner for non-ASCII source text and later by strings,
// range loops and the utf8 package.
#ifndef GOLI_UTF8_H
#define GOLI_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_RUNE_ERROR 0xFFFD      // utf8.RuneError
#define UTF8_RUNE_SELF  0x80        // bytes below this are one-byte runes
#define UTF8_MAX_RUNE   0x10FFFF    // unicode.MaxRune
#define UTF8_UTF_MAX    4           // most bytes one rune takes

// utf8_decode reads the rune at s[0..n). It stores the rune's width in *width
// and returns the rune. For n == 0 it returns RuneError with width 0; for an
// invalid encoding RuneError with width 1, as Go's utf8.DecodeRune does.
int32_t utf8_decode(const unsigned char *s, size_t n, int *width);

// utf8_encode writes r to buf (room for UTF8_UTF_MAX bytes) and returns the
// number of bytes written. A rune that is not a valid code point (negative,
// a surrogate, beyond U+10FFFF) is written as RuneError, as Go's EncodeRune.
int utf8_encode(unsigned char *buf, int32_t r);

// utf8_rune_len returns the bytes needed to encode r, or -1 if r is not a
// valid code point (Go's utf8.RuneLen).
int utf8_rune_len(int32_t r);

// utf8_valid_rune reports whether r is a Unicode scalar value.
static inline int utf8_valid_rune(int32_t r) {
    return (r >= 0 && r < 0xD800) || (r > 0xDFFF && r <= UTF8_MAX_RUNE);
}

#endif
