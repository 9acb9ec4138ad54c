// stdlib/strconv/strconv.h: Go's strconv package as pure C over byte
// buffers, and the float formatting fmt builds on. No VM types: the VM's
// natives wrap these functions into strconv.*, and fmt calls them for its
// number verbs.
//
// The model. Every formatter appends to a StrconvBuf, as Go's AppendX
// functions append to a []byte; Go's FormatX is the same call on an empty
// buffer. A StrconvBuf starts in storage the caller lends (a stack array is
// usual) and moves to the GC heap only if the output outgrows it, so fmt's
// hot path allocates nothing. Parsers take (s, n) byte ranges, never NUL
// terminated strings, and return a StrconvErr; the VM turns a failure into
// *strconv.NumError with strconv_num_error_text.
//
// Float to decimal comes in two kinds (stdlib/strconv/internal.h):
// shortest.c finds the shortest digits that read back as the same float
// (Schubfach, Giulietti 2020, checked against Go's Ryu output), exact.c
// writes every digit of a float exactly and rounds it half to even, which
// is what every fixed precision asks for. ftoa.c lays the digits out as
// 'e' 'f' 'g' and also does 'b' and 'x'. We rejected glibc printf: it is
// exact, but locale-dependent and slower than both, and shortest output by
// retrying printf precisions costs a microsecond a number.
//
// Decimal to float (atof.c) scans Go's syntax itself (underscores, hex
// mantissas, Go's exponent cap) and hands a clean digit string to glibc's
// strtod or strtof, which round correctly (strtof directly to float32, so
// there is no double rounding); hex mantissas are rounded here.
#ifndef GOLI_STRCONV_H
#define GOLI_STRCONV_H

#include <stddef.h>
#include <stdint.h>

// ---- Buffers ----

// StrconvBuf is a growable byte buffer. Its bytes are not NUL-terminated
// unless strconv_buf_cstr is asked for.
typedef struct StrconvBuf {
    char *data;     // len bytes of output; the caller's storage or GC heap
    size_t len;     // bytes written
    size_t cap;     // bytes data has room for
} StrconvBuf;

// strconv_buf_init starts b empty over storage[0..cap), which may be NULL
// with cap 0; the buffer moves to the GC heap when it needs more room.
void strconv_buf_init(StrconvBuf *b, char *storage, size_t cap);

// strconv_buf_grow makes room for n more bytes and returns where they go
// (b->data + b->len); the caller advances b->len by what it writes.
char *strconv_buf_grow(StrconvBuf *b, size_t n);

// strconv_buf_write appends s[0..n).
void strconv_buf_write(StrconvBuf *b, const char *s, size_t n);

// strconv_buf_putc appends one byte.
static inline void strconv_buf_putc(StrconvBuf *b, char c) {
    if (b->len == b->cap)
        strconv_buf_grow(b, 1);
    b->data[b->len++] = c;
}

// strconv_buf_cstr NUL-terminates the bytes (the NUL is not counted in len)
// and returns them.
char *strconv_buf_cstr(StrconvBuf *b);

// ---- Errors ----

// StrconvErr is how a parse failed; the texts are Go's.
typedef enum StrconvErr {
    STRCONV_OK,
    STRCONV_ERR_SYNTAX,     // strconv.ErrSyntax: "invalid syntax"
    STRCONV_ERR_RANGE,      // strconv.ErrRange: "value out of range"
    STRCONV_ERR_BASE,       // "invalid base N" (ParseInt, ParseUint)
    STRCONV_ERR_BITSIZE,    // "invalid bit size N" (ParseInt, ParseUint)
} StrconvErr;

// strconv_err_text returns NumError.Err's text for kind; arg is the base or
// bit size that STRCONV_ERR_BASE and STRCONV_ERR_BITSIZE name. The string is
// static for OK, SYNTAX and RANGE, GC heap otherwise.
const char *strconv_err_text(StrconvErr kind, int arg);

// strconv_num_error_text returns what (*NumError).Error() prints, on the GC
// heap: `strconv.` func `: parsing ` Quote(s[0..n)) `: ` err, for instance
// `strconv.Atoi: parsing "abc": invalid syntax`. func is Go's name without
// the package ("Atoi", "ParseInt", "ParseFloat", ...); arg is as for
// strconv_err_text.
char *strconv_num_error_text(const char *func, const char *s, size_t n,
                             StrconvErr kind, int arg);

// ---- Floats to text (ftoa.c) ----

// strconv_format_float appends f formatted as strconv.AppendFloat(dst, f,
// fmt, prec, bitsize): fmt is 'e' 'E' 'f' 'g' 'G' 'b' 'x' 'X' (another
// letter appends '%' and the letter, as Go does), prec -1 asks for the
// shortest digits that read back as the same float, bitsize 32 formats
// float32(f). It returns 0, or -1 and appends nothing for a bitsize other
// than 32 and 64, where Go panics with "strconv: illegal
// AppendFloat/FormatFloat bitSize".
int strconv_format_float(StrconvBuf *b, double f, int fmt, int prec,
                         int bitsize);

// The flags of a fmt verb, for strconv_fmt_float.
enum {
    STRCONV_FMT_PLUS  = 1 << 0,     // '+': always a sign
    STRCONV_FMT_SPACE = 1 << 1,     // ' ': a space where '+' would go
    STRCONV_FMT_SHARP = 1 << 2,     // '#': keep the point and the zeros
    STRCONV_FMT_ZERO  = 1 << 3,     // '0': pad with zeros after the sign
    STRCONV_FMT_MINUS = 1 << 4,     // '-': pad on the right; beats '0'
};

// strconv_fmt_float appends f as fmt prints it with the verb
// %[flags][width][.prec]verb, verb one of 'v' 'b' 'g' 'G' 'x' 'X' 'f' 'F'
// 'e' 'E': prec and width are -1 when the format has none; bitsize is 32
// for a float32 operand, else 64. It is fmt.(*fmt).fmtFloat with fmt's
// default precisions (shortest for v b g G x X, 6 for e E f F), signs,
// '#' and padding, so fmt.Println(x) is strconv_fmt_float(b, x, 64, 'v',
// -1, -1, 0). Pass the flags as written: for %v it drops '+' and '#' as
// fmt does (they mean plusV and sharpV there). It returns -1 and appends
// nothing for any other verb, where fmt prints %!verb(float64=...).
int strconv_fmt_float(StrconvBuf *b, double f, int bitsize, int verb,
                      int prec, int width, unsigned flags);

// strconv_fmt_complex appends re+im·i as fmt prints a complex: "(" re,
// im always signed, "i)", each part formatted and padded by
// strconv_fmt_float; bitsize is 64 for complex64, 128 for complex128.
int strconv_fmt_complex(StrconvBuf *b, double re, double im, int bitsize,
                        int verb, int prec, int width, unsigned flags);

// strconv_format_complex appends strconv.FormatComplex(c, fmt, prec,
// bitsize): "(" re im "i)"; bitsize is 64 or 128, else -1 as above.
int strconv_format_complex(StrconvBuf *b, double re, double im, int fmt,
                           int prec, int bitsize);

// ---- Text to floats (atof.c) ----

// strconv_parse_float is strconv.ParseFloat(s[0..n), bitsize): decimal or
// hexadecimal (0x1.8p3) Go syntax, underscores where Go's underscoreOK
// allows them, "inf", "infinity" (signed) and "nan" in any case. It stores
// the nearest float64 (float32 widened for bitsize 32) in *out: 0 on a
// syntax error, ±Inf with STRCONV_ERR_RANGE on overflow; underflow to zero
// is not an error. Bitsizes other than 32 mean 64, as in Go.
StrconvErr strconv_parse_float(const char *s, size_t n, int bitsize,
                               double *out);

// strconv_parse_complex is strconv.ParseComplex(s[0..n), bitsize): "N",
// "Ni", "N±Ni", optionally in parentheses; bitsize 64 means two float32
// parts. On a range error *re and *im hold what ParseFloat gave each part.
StrconvErr strconv_parse_complex(const char *s, size_t n, int bitsize,
                                 double *re, double *im);

// ---- Integers (itoa.c, atoi.c) ----

// strconv_format_int and strconv_format_uint append v in base 2..36 with
// lower-case digits, as strconv.AppendInt and AppendUint. They return 0,
// or -1 and append nothing for another base (Go panics "strconv: illegal
// AppendInt/FormatInt base").
int strconv_format_int(StrconvBuf *b, int64_t v, int base);
int strconv_format_uint(StrconvBuf *b, uint64_t v, int base);

// strconv_format_bool appends "true" or "false".
void strconv_format_bool(StrconvBuf *b, int v);

// strconv_parse_uint is strconv.ParseUint(s[0..n), base, bitsize): base 0
// reads Go's prefixes 0b 0o 0x and a leading 0 as octal, and only base 0
// allows underscores; bitsize 0 means 64. On STRCONV_ERR_RANGE *out is the
// largest value of bitsize; on other errors 0.
StrconvErr strconv_parse_uint(const char *s, size_t n, int base, int bitsize,
                              uint64_t *out);

// strconv_parse_int is strconv.ParseInt: an optional sign, then as
// strconv_parse_uint. On STRCONV_ERR_RANGE *out is the bound of bitsize on
// the side of the sign.
StrconvErr strconv_parse_int(const char *s, size_t n, int base, int bitsize,
                             int64_t *out);

// strconv_atoi is strconv.Atoi for a 64-bit int: ParseInt(s, 10, 0), whose
// errors the VM reports with the name "Atoi".
StrconvErr strconv_atoi(const char *s, size_t n, int64_t *out);

// strconv_parse_bool is strconv.ParseBool: 1 t T TRUE true True, 0 f F
// FALSE false False; anything else is STRCONV_ERR_SYNTAX.
StrconvErr strconv_parse_bool(const char *s, size_t n, int *out);

// ---- Quoting (quote.c) ----

// strconv_quote appends strconv.Quote(s[0..n)): a double-quoted Go string
// literal with \a \b \f \n \r \t \v \\ \", \xNN for control bytes and
// invalid UTF-8, \uNNNN or \UNNNNNNNN for other non-printable runes.
void strconv_quote(StrconvBuf *b, const char *s, size_t n);
// strconv_quote_to_ascii is QuoteToASCII: also escapes every non-ASCII rune.
void strconv_quote_to_ascii(StrconvBuf *b, const char *s, size_t n);
// strconv_quote_to_graphic is QuoteToGraphic: keeps graphic runes (IsGraphic,
// which adds the Zs spaces to IsPrint) unescaped.
void strconv_quote_to_graphic(StrconvBuf *b, const char *s, size_t n);

// strconv_quote_rune appends strconv.QuoteRune(r): a single-quoted rune
// literal; an invalid rune is quoted as U+FFFD.
void strconv_quote_rune(StrconvBuf *b, int32_t r);
void strconv_quote_rune_to_ascii(StrconvBuf *b, int32_t r);
void strconv_quote_rune_to_graphic(StrconvBuf *b, int32_t r);

// strconv_can_backquote is strconv.CanBackquote: s can be a raw string
// literal (no control byte but tab, no backquote, no DEL, valid UTF-8, no
// byte order mark).
int strconv_can_backquote(const char *s, size_t n);

// strconv_is_print is strconv.IsPrint: categories L M N P S and U+0020,
// from common/unicode.h (Unicode 15.0.0). strconv_is_graphic is IsGraphic:
// IsPrint plus the Zs spaces.
int strconv_is_print(int32_t r);
int strconv_is_graphic(int32_t r);

// strconv_unquote is strconv.Unquote(s[0..n)): s is a "...", '...' or
// `...` literal; its value is appended to b. On STRCONV_ERR_SYNTAX (the
// only error) b's length is as it was.
StrconvErr strconv_unquote(StrconvBuf *b, const char *s, size_t n);

// strconv_unquote_char is strconv.UnquoteChar(s[0..n), quote): it decodes
// the first character or escape of s, stores the rune in *value, whether
// it must be written as UTF-8 in *multibyte (0 for a \x or octal byte),
// and the number of bytes it used in *used (tail = s + *used).
StrconvErr strconv_unquote_char(const char *s, size_t n, int quote,
                                int32_t *value, int *multibyte, size_t *used);

// strconv_quoted_prefix is strconv.QuotedPrefix: *len is the length of the
// quoted string at the start of s[0..n).
StrconvErr strconv_quoted_prefix(const char *s, size_t n, size_t *len);

#endif
