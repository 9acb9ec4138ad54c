// tests/unit/strconv.c: stdlib/strconv's own machinery: the buffer, the
// table of powers of ten behind shortest.c, shortest formatting read back
// by ParseFloat for 100000 random floats, and exact digits and rounding.
//
// The tables in tests/unit/strconv_*.c are what Go 1.19.8 (Debian's
// golang-go, linux/amd64) printed; the program at the end of this file made
// them: `go run gen_tables.go KIND > KIND.inc` for KIND in ftoa, fmt, atof,
// atoi, itoa, quote, unquote and print, then pasted with the struct
// definitions. The print table was then cut to runes that DerivedAge.txt
// (Unicode 15.0.0) dates 13.0 or earlier, Go 1.19's Unicode version.
//
// Beyond these tables the converters were checked against Go with a
// throwaway differential driver, not kept: 5 million random float64 and
// every 11th float32 bit pattern formatted shortest, 300000 random
// FormatFloat calls over all formats and precisions, 400000 random fmt
// verbs with flags and widths (float and complex), and 500000 ParseFloat
// inputs, with no difference.
#include <criterion/criterion.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "common/mem.h"
#include "stdlib/strconv/internal.h"
#include "stdlib/strconv/strconv.h"


static void setup(void) {
    GC_INIT();
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

// ---- The buffer ----

Test(strconv, buf_grows_out_of_storage, .init = setup) {
    char storage[4];
    StrconvBuf b;
    strconv_buf_init(&b, storage, sizeof storage);
    strconv_buf_write(&b, "abc", 3);
    cr_expect_eq(b.data, storage);
    strconv_buf_write(&b, "defgh", 5);
    cr_expect_neq(b.data, storage);
    cr_expect_str_eq(strconv_buf_cstr(&b), "abcdefgh");
    cr_expect_eq(b.len, 8);
    for (int i = 0; i < 10000; i++)
        strconv_buf_putc(&b, (char)('a' + i % 26));
    cr_expect_eq(b.len, 10008);
    cr_expect_eq(b.data[10007], 'a' + 9999 % 26);

    StrconvBuf e;
    strconv_buf_init(&e, NULL, 0);
    cr_expect_str_eq(strconv_buf_cstr(&e), "");
}

// ---- Shortest ----

// Entries of the table of g = floor(β) + 1, 10^-k = β·2^r with 2^125 <= β <
// 2^126, computed exactly with Python's fractions.
static const struct {
    int k;
    uint64_t g1, g0;
} pow10_cases[] = {
    {-324, 0x4f0cedc95a718dd4ULL, 0x5b01e8b09aa0d1b5ULL},
    {-292, 0x402225af3d53e7c2ULL, 0x5e603458f3d6e06dULL},
    {-100, 0x4926b496530df3acULL, 0x164f09899c17e716ULL},
    {-23, 0x54b40b1f852bda00ULL, 0x0000000000000001ULL},
    {-1, 0x5000000000000000ULL, 0x0000000000000001ULL},
    {0, 0x4000000000000000ULL, 0x0000000000000001ULL},
    {1, 0x6666666666666666ULL, 0x3333333333333334ULL},
    {2, 0x51eb851eb851eb85ULL, 0x0f5c28f5c28f5c29ULL},
    {27, 0x4f3a68dbc8f03f24ULL, 0x1dd7a89933d54d20ULL},
    {28, 0x7ec3daf941806506ULL, 0x62f2a75b86221500ULL},
    {100, 0x6ffcbb923814bf5eULL, 0x565e1f8ae4ef15beULL},
    {292, 0x7fbbd8fe5f5e6e27ULL, 0x497a3a2704eec3dfULL},
};

Test(strconv, pow10_table, .init = setup) {
    for (size_t i = 0; i < COUNT(pow10_cases); i++) {
        uint64_t g1, g0;
        strconv_pow10_entry(pow10_cases[i].k, &g1, &g0);
        cr_expect(g1 == pow10_cases[i].g1 && g0 == pow10_cases[i].g0,
                  "k = %d: got %016llx %016llx", pow10_cases[i].k,
                  (unsigned long long)g1, (unsigned long long)g0);
    }
}

// xorshift64 gives the same floats on every run.
static uint64_t next_random(uint64_t *s) {
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static uint64_t bits64(double f) {
    uint64_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

Test(strconv, shortest_round_trips, .init = setup) {
    uint64_t seed = 0x9E3779B97F4A7C15ULL;
    size_t bad = 0, tried = 0;
    for (int i = 0; i < 100000; i++) {
        uint64_t u = next_random(&seed);
        double f;
        memcpy(&f, &u, sizeof f);
        if (isnan(f) || isinf(f))
            continue;
        tried++;
        char storage[32];
        StrconvBuf b;
        strconv_buf_init(&b, storage, sizeof storage);
        strconv_format_float(&b, f, i % 2 ? 'e' : 'g', -1, 64);
        double back;
        StrconvErr err = strconv_parse_float(b.data, b.len, 64, &back);
        int ok = err == STRCONV_OK && bits64(back) == u;
        if (!ok && bad < 10)
            cr_log_error("%016llx -> %.*s -> %016llx",
                         (unsigned long long)u, (int)b.len, b.data,
                         (unsigned long long)bits64(back));
        bad += !ok;

        // The low 32 bits as a float32.
        float g;
        uint32_t w = (uint32_t)u;
        memcpy(&g, &w, sizeof g);
        if (isnan(g) || isinf(g))
            continue;
        strconv_buf_init(&b, storage, sizeof storage);
        strconv_format_float(&b, g, 'g', -1, 32);
        err = strconv_parse_float(b.data, b.len, 32, &back);
        ok = err == STRCONV_OK && (float)back == g && back == (double)g;
        bad += !ok;
    }
    cr_expect_gt(tried, 99000);
    cr_expect_eq(bad, 0, "%zu random floats did not read back", bad);
}

// Shortest digits are never longer than 17 (9 for float32) and carry no
// trailing zero, which the formatter relies on.
Test(strconv, shortest_digits_shape, .init = setup) {
    uint64_t seed = 12345;
    for (int i = 0; i < 20000; i++) {
        uint64_t u = next_random(&seed) & ~((uint64_t)0x7FF << 52);
        u |= (next_random(&seed) % 2046 + 1) << 52;     // finite, nonzero
        char buf[STRCONV_SHORTEST_MAX];
        StrconvDigits d = {buf, 0, 0};
        uint64_t mant = (u & (((uint64_t)1 << 52) - 1)) | (uint64_t)1 << 52;
        int exp = (int)(u >> 52 & 0x7FF) - 1075;
        strconv_shortest(&d, mant, exp, 64);
        cr_assert(d.nd >= 1 && d.nd <= 17);
        cr_assert(d.d[0] != '0' && d.d[d.nd - 1] != '0');
    }
}

// ---- Exact digits and rounding ----

static void expect_digits(const StrconvDigits *d, const char *want, int dp) {
    cr_expect(d->nd == (int)strlen(want) && memcmp(d->d, want, d->nd) == 0 &&
              d->dp == dp, "want %s dp %d, got %.*s dp %d", want, dp, d->nd,
              d->d, d->dp);
}

Test(strconv, exact_digits, .init = setup) {
    char buf[STRCONV_EXACT_MAX];
    StrconvDigits d = {buf, 0, 0};
    strconv_exact(&d, 1, -1);                   // 0.5
    expect_digits(&d, "5", 0);
    strconv_exact(&d, 3, 4);                    // 48
    expect_digits(&d, "48", 2);
    strconv_exact(&d, 0, 0);
    expect_digits(&d, "", 0);
    strconv_exact(&d, 1, -1074);                // 5e-324 has 751 digits
    cr_expect_eq(d.nd, 751);
    cr_expect_eq(d.dp, -323);
    cr_expect(memcmp(d.d, "49406564584124654417656879286822137236505980", 44) == 0);
    strconv_exact(&d, (1ULL << 53) - 1, 971);   // MaxFloat64 has 309 digits
    cr_expect_eq(d.dp, 309);
    cr_expect(memcmp(d.d, "17976931348623157081452742373170435679807056", 44) == 0);
}

Test(strconv, round_half_to_even, .init = setup) {
    static const struct {
        const char *in;
        int dp, nd;
        const char *want;
        int want_dp;
    } cases[] = {
        {"125", 1, 2, "12", 1},     // 1.25 -> 1.2: a tie goes to even
        {"135", 1, 2, "14", 1},     // 1.35 -> 1.4
        {"1251", 1, 2, "13", 1},    // above half
        {"1249", 1, 2, "12", 1},
        {"5", 0, 0, "", 0},         // 0.5 to no digits: 0
        {"51", 0, 0, "1", 1},       // 0.51 to no digits: 1
        {"999", 0, 2, "1", 1},      // 0.999 -> 1.0
        {"1999", 1, 3, "2", 1},
        {"123", 1, 5, "123", 1},    // already short enough
        {"123", 1, -1, "123", 1},   // nd < 0: untouched
        {"1001", 1, 3, "1", 1},     // 1.001 -> 1.00: zeros dropped
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        char buf[16];
        strcpy(buf, cases[i].in);
        StrconvDigits d = {buf, (int)strlen(buf), cases[i].dp};
        strconv_round(&d, cases[i].nd);
        expect_digits(&d, cases[i].want, cases[i].want_dp);
    }
}

// ---- The program that made the tables ----

/*
// gen_tables prints the C tables of tests/unit/strconv_*.c from Go's own
// strconv and fmt: go run gen_tables.go KIND > file (KIND: ftoa, fmt, atof,
// atoi, itoa, quote, unquote, print).
package main

import (
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// cstr writes s as a C string literal; octal escapes cannot run into the
// next character as hex escapes can.
func cstr(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '?':
			b.WriteString(`\?`) // no trigraphs
		case c >= 0x20 && c < 0x7f:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "\\%03o", c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// ilit writes v as a C int64_t constant (INT64_MIN has no literal).
func ilit(v int64) string {
	if v == math.MinInt64 {
		return "INT64_MIN"
	}
	return fmt.Sprintf("%dLL", v)
}

func errKind(err error) string {
	if err == nil {
		return "STRCONV_OK"
	}
	ne, ok := err.(*strconv.NumError)
	if !ok {
		if err == strconv.ErrSyntax {
			return "STRCONV_ERR_SYNTAX"
		}
		panic(err)
	}
	switch {
	case ne.Err == strconv.ErrSyntax:
		return "STRCONV_ERR_SYNTAX"
	case ne.Err == strconv.ErrRange:
		return "STRCONV_ERR_RANGE"
	case strings.HasPrefix(ne.Err.Error(), "invalid base"):
		return "STRCONV_ERR_BASE"
	case strings.HasPrefix(ne.Err.Error(), "invalid bit size"):
		return "STRCONV_ERR_BITSIZE"
	}
	panic(err)
}

var f32 = func(x float32) float64 { return float64(x) }

// Values every float format is tried on.
var values = []float64{
	0, math.Copysign(0, -1), 1, -1, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, -2.5, 0.5, 1.5, 2.5,
	100, 1e6, 1e21, 1e23, 123456789, 1234567890123456789, 0.000123, 1e-5,
	3.141592653589793, 2.718281828459045, 299792458, 6.02214076e23, 1.602176634e-19,
	math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64, 2 * math.SmallestNonzeroFloat64,
	2.2250738585072014e-308, 2.225073858507201e-308, math.Inf(1), math.Inf(-1), math.NaN(),
	9007199254740992, 9007199254740993, 0.9999999999999999, 99.995, 0.125, 5e-324 * 10,
	f32(0.1), f32(math.MaxFloat32), f32(math.SmallestNonzeroFloat32), f32(16777216), f32(1.17549435e-38),
}

func ftoa() {
	fmt.Println("static const FtoaCase ftoa_cases[] = {")
	fmts := []byte("eEfgGbxX")
	precs := map[byte][]int{
		'e': {-1, 0, 1, 2, 3, 5, 10, 15, 16, 17, 20, 30, 40},
		'f': {-1, 0, 1, 2, 3, 5, 10, 17, 20, 30, 40},
		'g': {-1, 0, 1, 2, 3, 5, 6, 10, 15, 16, 17, 20, 21, 30, 40},
		'E': {-1, 3}, 'G': {-1, 3}, 'b': {-1},
		'x': {-1, 0, 1, 5, 12, 13, 15, 20}, 'X': {-1, 2},
	}
	for _, v := range values {
		for _, f := range fmts {
			for i, p := range precs[f] {
				for _, bs := range []int{64, 32} {
					if bs == 32 && i > 2 && p != 10 {
						continue
					}
					s := strconv.FormatFloat(v, f, p, bs)
					fmt.Printf("    {0x%016xULL, '%c', %d, %d, %s},\n", math.Float64bits(v), f, p, bs, cstr(s))
				}
			}
		}
	}
	// Shortest forms of the powers of ten and their neighbours.
	for e := -325; e <= 309; e++ {
		v, _ := strconv.ParseFloat(fmt.Sprintf("1e%d", e), 64)
		for _, x := range []float64{v, math.Nextafter(v, 0), math.Nextafter(v, math.Inf(1))} {
			fmt.Printf("    {0x%016xULL, 'g', -1, 64, %s},\n", math.Float64bits(x), cstr(strconv.FormatFloat(x, 'g', -1, 64)))
		}
		if e >= -46 && e <= 39 {
			x := float64(float32(v))
			fmt.Printf("    {0x%016xULL, 'g', -1, 32, %s},\n", math.Float64bits(x), cstr(strconv.FormatFloat(x, 'g', -1, 32)))
		}
	}
	// Every power of two, where the interval below is half as wide, and
	// with that every binary exponent of float64 and float32.
	for e := -1074; e <= 1023; e++ {
		x := math.Ldexp(1, e)
		fmt.Printf("    {0x%016xULL, 'e', -1, 64, %s},\n", math.Float64bits(x), cstr(strconv.FormatFloat(x, 'e', -1, 64)))
		if e >= -149 && e <= 127 {
			fmt.Printf("    {0x%016xULL, 'e', -1, 32, %s},\n", math.Float64bits(x), cstr(strconv.FormatFloat(x, 'e', -1, 32)))
			y := float64(math.Nextafter32(float32(x), 0))
			fmt.Printf("    {0x%016xULL, 'e', -1, 32, %s},\n", math.Float64bits(y), cstr(strconv.FormatFloat(y, 'e', -1, 32)))
		}
	}
	// An unknown format letter.
	fmt.Printf("    {0x%016xULL, 'z', -1, 64, %s},\n", math.Float64bits(1), cstr(strconv.FormatFloat(1, 'z', -1, 64)))
	fmt.Println("};")
}

func fmtTable() {
	fmt.Println("static const FmtCase fmt_cases[] = {")
	verbs := []byte("vbgGxXfFeE")
	type fl struct {
		s string
		f int
	}
	flags := []fl{{"", 0}, {"+", 1}, {" ", 2}, {"#", 4}, {"0", 8}, {"-", 16}, {"+0", 9}, {" 0", 10}, {"#-", 20}, {"+#", 5}}
	vals := []float64{0, math.Copysign(0, -1), 1, -1, 1e6, 1e21, 1e-5, 123456789, 0.1, -3.25, math.Inf(1), math.NaN(), 1234.5678, 100000}
	for _, v := range vals {
		for _, verb := range verbs {
			for _, f := range flags {
				for i, wp := range [][2]int{{-1, -1}, {12, -1}, {-1, 3}, {10, 0}, {3, 8}} {
					for _, bs := range []int{64, 32} {
						if i >= 2 && f.f != 0 && f.f != 4 && f.f != 9 {
							continue
						}
						if bs == 32 && (wp[0] != -1 || f.f != 0) {
							continue
						}
						spec := "%" + f.s
						if wp[0] >= 0 {
							spec += strconv.Itoa(wp[0])
						}
						if wp[1] >= 0 {
							spec += "." + strconv.Itoa(wp[1])
						}
						spec += string(verb)
						var s string
						if bs == 32 {
							s = fmt.Sprintf(spec, float32(v))
						} else {
							s = fmt.Sprintf(spec, v)
						}
						fmt.Printf("    {0x%016xULL, %d, '%c', %d, %d, %d, %s},\n", math.Float64bits(v), bs, verb, wp[1], wp[0], f.f, cstr(s))
					}
				}
			}
		}
	}
	fmt.Println("};")
	fmt.Println("static const FmtCase complex_cases[] = {")
	for _, v := range []float64{0, 1, -2.5, 1e21, math.Inf(-1), math.NaN()} {
		for _, verb := range []byte("vfeEgx") {
			for _, f := range flags[:6] {
				c := complex(v, -v/3)
				spec := "%" + f.s + string(verb)
				fmt.Printf("    {0x%016xULL, 128, '%c', -1, -1, %d, %s},\n", math.Float64bits(v), verb, f.f, cstr(fmt.Sprintf(spec, c)))
				fmt.Printf("    {0x%016xULL, 64, '%c', -1, -1, %d, %s},\n", math.Float64bits(v), verb, f.f, cstr(fmt.Sprintf(spec, complex64(c))))
			}
		}
	}
	fmt.Println("};")
	fmt.Println("static const FtoaCase format_complex_cases[] = {")
	for _, v := range []float64{0, 1, -2.5, 1e21, math.Inf(-1), math.NaN(), 0.1} {
		for _, f := range []byte("gef") {
			for _, bs := range []int{64, 128} {
				fmt.Printf("    {0x%016xULL, '%c', -1, %d, %s},\n", math.Float64bits(v), f, bs, cstr(strconv.FormatComplex(complex(v, -v/3), f, -1, bs)))
			}
		}
	}
	fmt.Println("};")
}

func atof() {
	inputs := []string{
		"", "0", "-0", "+0", "1", "-1", "+1", "1.5", ".5", "5.", ".", "-.", "+", "-",
		"1e10", "1E10", "1e+10", "1e-10", "1e", "1e+", "1e-", "e10", ".e1", "1.5e-3",
		"123456789012345678901234567890", "0.000000000000000000000000000000000001",
		"1_000.5", "1_0", "1__0", "_1", "1_", "1_.5", "1._5", "1e1_0", "1e_10", "0x_1p0",
		"0x1_0p0", "0x1p1_0", "0b101", "0o17", "00.5", "0012", "1x", "1.5.5", " 1", "1 ",
		"inf", "Inf", "INF", "+inf", "-inf", "infinity", "+Infinity", "-INFINITY", "infin",
		"infinityx", "nan", "NaN", "NAN", "+nan", "-nan", "nanx", "in", "i",
		"0x1p0", "0x1.8p3", "0X1P+2", "0x1.8", "0x", "0x1", "0xp1", "0x.p1", "0x.8p1",
		"0x1p-1074", "0x1p-1075", "0x1.0000000000001p-1075", "0x1.8p-1074", "0x3p-1076",
		"0x1.fffffffffffffp1023", "0x1.fffffffffffff8p1023", "0x1p1024", "0x1.fffffep127",
		"0x1.ffffffp127", "0x1p-149", "0x1p-150", "0x1.000001p-150", "0x123456789abcdef0123p0",
		"0x1.00000000000008p0", "0x1.00000000000008000001p0", "0x1.00000000000018p0", "-0x1p-2",
		"1e400", "-1e400", "1e-400", "-1e-400", "1e308", "1.7976931348623157e308",
		"1.7976931348623158e308", "1.7976931348623159e308", "1e-320", "4.9e-324", "2.4703282292062327e-324",
		"2.4703282292062328e-324", "2.2250738585072011e-308", "2.2250738585072012e-308",
		"2.2250738585072014e-308", "1e123456", "1e-123456", "0e123456", "0.0e-999999",
		"9007199254740993", "9007199254740992.5", "9007199254740993.0000000000001",
		"3.4028234663852886e38", "3.4028235677973366e38", "3.4028235677973367e38", "3.5e38",
		"1.4e-45", "7e-46", "7.1e-46", "1.5e-45", "1.00000005960464477539062499", "1.000000059604644775390625",
		"1.00000005960464477539062501", "1.0000000596046448", "1.00000017881393432617187499",
		"1.0000000000000002220446049250313080847263336181640625",
		"1.00000000000000011102230246251565404236316680908203125",
		"1.00000000000000011102230246251565404236316680908203124",
		"1.00000000000000011102230246251565404236316680908203126",
		"0.1", "0.2", "0.3", "123.456", "6.02214076e23", "1e23", "8.98846567431158e307",
		"100000000000000016777215", "100000000000000016777216", "2.225073858507201136057409796709131975934819546351645648e-308",
		"4.940656458412465441765687928682213723651e-324", ".000000000000000000000000000000000000000000000000000000000000000001e66",
	}
	fmt.Println("static const AtofCase atof_cases[] = {")
	for _, s := range inputs {
		for _, bs := range []int{64, 32} {
			v, err := strconv.ParseFloat(s, bs)
			fmt.Printf("    {%s, %d, %d, 0x%016xULL, %s},\n", cstr(s), len(s), bs, math.Float64bits(v), errKind(err))
		}
	}
	fmt.Println("};")
	// Long inputs: head, then count copies of fill, then tail.
	type long struct {
		head string
		fill byte
		count int
		tail string
	}
	longs := []long{{"1", '0', 400, "e-400"}, {"0.", '0', 20000, "1e99999"}, {"0.", '0', 320, "1e20"},
		{"1.", '0', 900, "1"}, {"9007199254740992", '0', 850, "1e-866"},
		{"9007199254740993", '0', 1200, ""}, {"0x1", '0', 300, "p-1200"}, {"0x1.", '0', 20, "1p0"},
		{"0x1.00000000000008", '0', 100, "1p0"}, {"1", '1', 30000, "e-29990"}, {"2.", '9', 2000, "e-310"}}
	fmt.Println("static const LongAtofCase long_atof_cases[] = {")
	for _, l := range longs {
		in := l.head + strings.Repeat(string(l.fill), l.count) + l.tail
		for _, bs := range []int{64, 32} {
			v, err := strconv.ParseFloat(in, bs)
			fmt.Printf("    {%s, '%c', %d, %s, %d, 0x%016xULL, %s},\n", cstr(l.head), l.fill, l.count, cstr(l.tail), bs, math.Float64bits(v), errKind(err))
		}
	}
	fmt.Println("};")
	fmt.Println("static const ComplexCase complex_parse_cases[] = {")
	for _, s := range []string{"1", "1i", "i", "+i", "1+2i", "1-2i", "(1+2i)", "(1+2i", "1+i", "1++2i", "-1e400+2i", "1+1e400i",
		"2i", "inf+infi", "nan", "NaN+NaNi", "1e3-1.5e-3i", "1+2", "1+2j", "(3)", "()", "0x1p2+0x1p-2i", "1_0+2_0i", "3.4e38+1i", "3.5e38+1i"} {
		for _, bs := range []int{128, 64} {
			c, err := strconv.ParseComplex(s, bs)
			fmt.Printf("    {%s, %d, 0x%016xULL, 0x%016xULL, %s},\n", cstr(s), bs, math.Float64bits(real(c)), math.Float64bits(imag(c)), errKind(err))
		}
	}
	fmt.Println("};")
}

func atoi() {
	inputs := []string{"", "0", "-0", "+0", "1", "-1", "+1", "12345", "-12345", "007", "0x1f", "0X1F", "-0x1f",
		"0b101", "0B101", "0o17", "0O17", "017", "08", "0x", "0b", "0o", "0_1", "1_000", "1__000", "_1", "1_",
		"0x_1f", "0x1f_", "0_x1f", "+-1", "-+1", "--1", " 1", "1 ", "1a", "z", "Z", "zz", "abc",
		"9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
		"18446744073709551615", "18446744073709551616", "99999999999999999999", "-99999999999999999999",
		"127", "128", "-128", "-129", "255", "256", "32767", "32768", "-32768", "2147483647", "2147483648",
		"-2147483648", "4294967295", "4294967296", "0x7fffffffffffffff", "0x8000000000000000", "0xffffffffffffffff",
		"0x10000000000000000", "1111111111111111111111111111111111111111111111111111111111111111",
		"11111111111111111111111111111111111111111111111111111111111111111", "0x1_0000_0000_0000_0000",
		"777777777777777777777", "1777777777777777777777", "2000000000000000000000", "3w5e11264sgsf", "3w5e11264sgsg",
		"999999999999999999999", "١٢٣", "1e3", "1.0"}
	bases := []int{0, 2, 8, 10, 16, 36, 1, 37, -1}
	sizes := []int{0, 8, 16, 32, 64, 65, -1, 1}
	fmt.Println("static const AtoiCase atoi_cases[] = {")
	for _, s := range inputs {
		for _, b := range bases {
			for _, bsz := range sizes {
				if b != 0 && b != 10 && bsz != 64 && bsz != 0 {
					continue
				}
				if (b == 1 || b == 37 || b == -1) && bsz != 64 {
					continue
				}
				if (bsz == 65 || bsz == -1 || bsz == 1 || bsz == 16) && b != 10 {
					continue
				}
				v, err := strconv.ParseInt(s, b, bsz)
				u, uerr := strconv.ParseUint(s, b, bsz)
				fmt.Printf("    {%s, %d, %d, %s, %s, %dULL, %s},\n", cstr(s), b, bsz, ilit(v), errKind(err), u, errKind(uerr))
			}
		}
	}
	fmt.Println("};")
	fmt.Println("static const AtoiCase atoi_func_cases[] = {")
	for _, s := range inputs {
		v, err := strconv.Atoi(s)
		fmt.Printf("    {%s, 10, 0, %s, %s, 0, STRCONV_OK},\n", cstr(s), ilit(int64(v)), errKind(err))
	}
	fmt.Println("};")
	fmt.Println("static const BoolCase bool_cases[] = {")
	for _, s := range []string{"1", "t", "T", "true", "TRUE", "True", "0", "f", "F", "false", "FALSE", "False", "", "tRUE", "yes", "2", "truee", " true"} {
		v, err := strconv.ParseBool(s)
		b := 0
		if v {
			b = 1
		}
		fmt.Printf("    {%s, %d, %s},\n", cstr(s), b, errKind(err))
	}
	fmt.Println("};")
	fmt.Println("static const ErrTextCase err_text_cases[] = {")
	add := func(fn, s string, err error, arg int) {
		if err == nil {
			return
		}
		fmt.Printf("    {%s, %s, %d, %s, %d, %s},\n", cstr(fn), cstr(s), len(s), errKind(err), arg, cstr(err.Error()))
	}
	for _, s := range []string{"abc", "", "999999999999999999999", "\x00\xff\u00e9\n\"", "1.5", "-"} {
		_, err := strconv.Atoi(s)
		add("Atoi", s, err, 0)
		_, err = strconv.ParseInt(s, 10, 64)
		add("ParseInt", s, err, 0)
		_, err = strconv.ParseUint(s, 10, 64)
		add("ParseUint", s, err, 0)
		_, err = strconv.ParseFloat(s, 64)
		add("ParseFloat", s, err, 0)
		_, err = strconv.ParseBool(s)
		add("ParseBool", s, err, 0)
		_, err = strconv.ParseComplex(s, 128)
		add("ParseComplex", s, err, 0)
	}
	_, err := strconv.ParseFloat("1e400", 64)
	add("ParseFloat", "1e400", err, 0)
	_, err = strconv.ParseInt("12", 1, 64)
	add("ParseInt", "12", err, 1)
	_, err = strconv.ParseInt("12", 37, 64)
	add("ParseInt", "12", err, 37)
	_, err = strconv.ParseUint("12", 10, 65)
	add("ParseUint", "12", err, 65)
	_, err = strconv.ParseInt("-12", 10, -1)
	add("ParseInt", "-12", err, -1)
	fmt.Println("};")
}

func itoa() {
	vals := []int64{0, 1, -1, 9, 10, 99, 100, -100, 12345, -12345, 1<<31 - 1, -1 << 31, 1 << 32, 1<<63 - 1, -1 << 63, 0x1234567890abcdef, -0x1234567890abcdef, 35, 36, 1295, 1296}
	fmt.Println("static const ItoaCase itoa_cases[] = {")
	for _, v := range vals {
		for b := 2; b <= 36; b++ {
			fmt.Printf("    {%s, %d, %s, %s},\n", ilit(v), b, cstr(strconv.FormatInt(v, b)), cstr(strconv.FormatUint(uint64(v), b)))
		}
	}
	fmt.Println("};")
}

func quote() {
	inputs := []string{"", "hello", "hello, world", "\"quoted\"", "back\\slash", "'single'", "`back`",
		"\a\b\f\n\r\t\v", "\x00\x01\x1f\x7f", "\x80", "\xff\xfe", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80",
		"caf\u00e9", "日本語", "\u00a0nbsp", "\u00ad soft hyphen", "\u2028\u2029", "\u200b zero width", "\ufeff bom",
		"\U0001F600 grin", "\U0001D11E clef", "\u3000 ideographic space", "\u2002en space", "\U000E0001 tag",
		"\U0010FFFF", "\uFFFD replacement", "\uFFFE", "\x1b[31mred\x1b[0m", "tab\there", "a\u0301 combining",
		"\u0378", "\u061c", "\u180e", "\x7e\x7f\u0080\u009f\u00a1", "\u0600", "\U000F0000 private",
		"mixed \xff valid \u00e9", "\u00ff\u0100"}
	fmt.Println("static const QuoteCase quote_cases[] = {")
	for _, s := range inputs {
		fmt.Printf("    {%s, %d, %s, %s, %s, %d},\n", cstr(s), len(s), cstr(strconv.Quote(s)), cstr(strconv.QuoteToASCII(s)), cstr(strconv.QuoteToGraphic(s)), b2i(strconv.CanBackquote(s)))
	}
	fmt.Println("};")
	runes := []rune{0, 7, 8, 9, 10, 11, 12, 13, 27, ' ', '\'', '"', '\\', 'a', '~', 0x7f, 0x80, 0x9f, 0xa0, 0xa1, 0xad,
		0xe9, 0x263a, 0x2028, 0x3000, 0xfeff, 0xfffd, 0xfffe, 0xffff, 0x10000, 0x1f600, 0xe0001, 0x10ffff, 0x110000, -1, 0xd800, 0xdfff, 0x7fffffff}
	fmt.Println("static const QuoteRuneCase quote_rune_cases[] = {")
	for _, r := range runes {
		fmt.Printf("    {%d, %s, %s, %s},\n", r, cstr(strconv.QuoteRune(r)), cstr(strconv.QuoteRuneToASCII(r)), cstr(strconv.QuoteRuneToGraphic(r)))
	}
	fmt.Println("};")
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func unquote() {
	inputs := []string{`""`, `"a"`, `"hello"`, `"\a\b\f\n\r\t\v\\\""`, `"\x41\x7f\xff"`, `"\u00e9\u263a"`, `"\U0001F600"`,
		`"\101\177\377"`, `"\400"`, `"\08"`, `"\0"`, `"\x4"`, `"\x4g"`, `"\u12"`, `"\u123g"`, `"\U0010ffff"`, `"\U00110000"`,
		`"\ud800"`, `"\q"`, `"\'"`, `'\''`, `'\"'`, `'"'`, `"'"`, `'a'`, `'ab'`, `''`, `'\n'`, `'\x41'`, `'\u00e9'`, `'é'`,
		"'\xff'", "\"\xff\"", "\"a\nb\"", "`a\nb`", "`a\r\nb`", "`a\\nb`", "``", "`", "\"", "'", `"abc`, `abc"`, `"a"b`,
		`"a" `, `x`, ``, `"\"`, `"\\"`, "\"\x00\"", `"日本"`, `'日'`, `'日本'`, `"\xe6\x97\xa5"`, `'\377'`, `'\400'`,
		`"\z"`, "`\\`", "'\xe6\x97\xa5'", "'\xe6\x97'", "\"\\\n\"", `"a"+"b"`, `"\"abc"`}
	fmt.Println("static const UnquoteCase unquote_cases[] = {")
	for _, s := range inputs {
		out, err := strconv.Unquote(s)
		pre, perr := strconv.QuotedPrefix(s)
		fmt.Printf("    {%s, %d, %s, %d, %s, %d, %s},\n", cstr(s), len(s), cstr(out), len(out), errKind(err), len(pre), errKind(perr))
	}
	fmt.Println("};")
	chars := []string{"", "a", "é", "\xff", `\n`, `\a`, `\x41`, `\xff`, `\u00e9`, `\U0001F600`, `\101`, `\377`, `\400`,
		`\'`, `\"`, `\\`, `\q`, `\`, `"`, `'`, `\x4`, `\u123`, `\ud800`, `\08`, "abc", `\tabc`}
	fmt.Println("static const UnquoteCharCase unquote_char_cases[] = {")
	for _, s := range chars {
		for _, q := range []byte{'"', '\'', '`', 0} {
			v, mb, tail, err := strconv.UnquoteChar(s, q)
			used := 0
			if err == nil {
				used = len(s) - len(tail)
			}
			fmt.Printf("    {%s, %d, %d, %d, %d, %d, %s},\n", cstr(s), len(s), q, v, b2i(mb), used, errKind(err))
		}
	}
	fmt.Println("};")
}

// printTable lists runes where IsPrint or IsGraphic changes, and their
// neighbours, so the whole of both predicates is sampled at its edges.
func printTable() {
	fmt.Println("static const PrintCase print_cases[] = {")
	prevP, prevG := false, false
	for r := rune(0); r <= 0x10FFFF+1; r++ {
		p, g := strconv.IsPrint(r), strconv.IsGraphic(r)
		if p != prevP || g != prevG {
			for _, x := range []rune{r - 1, r} {
				fmt.Printf("    {0x%X, %d, %d},\n", x, b2i(strconv.IsPrint(x)), b2i(strconv.IsGraphic(x)))
			}
		}
		prevP, prevG = p, g
		_ = utf8.RuneLen
	}
	fmt.Println("};")
}

func main() {
	switch os.Args[1] {
	case "ftoa":
		ftoa()
	case "fmt":
		fmtTable()
	case "atof":
		atof()
	case "atoi":
		atoi()
	case "itoa":
		itoa()
	case "quote":
		quote()
	case "unquote":
		unquote()
	case "print":
		printTable()
	}
}
*/
