// tests/unit/const.c: exact constant arithmetic (compiler/const.c). The
// expected values follow from the spec's rules for constant expressions
// (exact arithmetic, truncated integer division, representability); the
// float64/float32 roundings were checked against Go 1.19
// (fmt.Println(float64(0.1)), float32(0.1), math.MaxFloat64 and friends).
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "common/mem.h"
#include "compiler/const.h"
#include "lexer/token.h"

static void setup(void) {
    GC_INIT();
    type_init();
    const_init();
}

static Const *lit(int tok, const char *s) { return const_from_literal(tok, s, (int)strlen(s)); }

static Const *bin(int op, Const *x, Const *y) {
    ConstErr err;
    Const *c = const_binary(op, x, y, false, &err);
    cr_assert_eq(err, CE_OK);
    return c;
}

Test(const, literals_of_every_base, .init = setup) {
    cr_assert_str_eq(const_text(lit(T_INT, "0x_FF")), "255");
    cr_assert_str_eq(const_text(lit(T_INT, "0b1010")), "10");
    cr_assert_str_eq(const_text(lit(T_INT, "0o17")), "15");
    cr_assert_str_eq(const_text(lit(T_INT, "017")), "15");
    cr_assert_str_eq(const_text(lit(T_INT, "1_000_000")), "1000000");
    cr_assert_str_eq(const_text(lit(T_INT, "0")), "0");
    cr_assert_str_eq(const_text(lit(T_INT, "123456789012345678901234567890")),
                     "123456789012345678901234567890");
}

Test(const, float_literals_are_exact, .init = setup) {
    // 0.1 + 0.2 == 0.3 holds for untyped constants (exact rationals).
    Const *s = bin(T_ADD, lit(T_FLOAT, "0.1"), lit(T_FLOAT, "0.2"));
    cr_assert(const_compare(T_EQL, s, lit(T_FLOAT, "0.3")));
    cr_assert_float_eq(const_get_float64(lit(T_FLOAT, "0x1.8p1")), 3.0, 0);
    cr_assert_float_eq(const_get_float64(lit(T_FLOAT, "1e3")), 1000.0, 0);
    cr_assert_float_eq(const_get_float64(lit(T_FLOAT, ".5")), 0.5, 0);
    cr_assert_float_eq(const_get_float64(lit(T_FLOAT, "1_5.2_5")), 15.25, 0);
    cr_assert_float_eq(const_get_float64(lit(T_FLOAT, "0x.8p0")), 0.5, 0);
}

Test(const, imaginary_literals, .init = setup) {
    Const *c = lit(T_IMAG, "0123i");       // decimal 123, per the spec
    cr_assert_eq(c->kind, CV_COMPLEX);
    cr_assert_str_eq(const_text(c), "(0 + 123i)");
    cr_assert_str_eq(const_text(lit(T_IMAG, "0x10i")), "(0 + 16i)");
    cr_assert_str_eq(const_text(lit(T_IMAG, "1.5i")), "(0 + 1.5i)");
    // (1+2i)*(3+4i) = -5+10i
    Const *one_two = bin(T_ADD, lit(T_INT, "1"), lit(T_IMAG, "2i"));
    Const *three_four = bin(T_ADD, lit(T_INT, "3"), lit(T_IMAG, "4i"));
    cr_assert_str_eq(const_text(bin(T_MUL, one_two, three_four)), "(-5 + 10i)");
}

Test(const, big_shifts_stay_exact, .init = setup) {
    ConstErr err;
    Const *big = const_shift(T_SHL, lit(T_INT, "1"), lit(T_INT, "100"), &err);
    cr_assert_eq(err, CE_OK);
    cr_assert_str_eq(const_text(big), "1267650600228229401496703205376");
    Const *back = const_shift(T_SHR, big, lit(T_INT, "98"), &err);
    cr_assert_str_eq(const_text(back), "4");
    // -5 >> 1 rounds toward negative infinity, like Go's >>.
    Const *neg = const_shift(T_SHR, const_int64(-5), lit(T_INT, "1"), &err);
    cr_assert_str_eq(const_text(neg), "-3");
    const_shift(T_SHL, lit(T_INT, "1"), const_int64(-1), &err);
    cr_assert_eq(err, CE_SHIFT_COUNT);
    const_shift(T_SHL, lit(T_INT, "1"), lit(T_FLOAT, "1.5"), &err);
    cr_assert_eq(err, CE_SHIFT_COUNT);
}

Test(const, division, .init = setup) {
    ConstErr err;
    Const *q = const_binary(T_QUO, lit(T_INT, "7"), lit(T_INT, "2"), true, &err);
    cr_assert_str_eq(const_text(q), "3");
    q = const_binary(T_QUO, const_int64(-7), lit(T_INT, "2"), true, &err);
    cr_assert_str_eq(const_text(q), "-3");   // truncated
    q = const_binary(T_REM, const_int64(-7), lit(T_INT, "2"), true, &err);
    cr_assert_str_eq(const_text(q), "-1");
    q = const_binary(T_QUO, lit(T_FLOAT, "7.0"), lit(T_INT, "2"), false, &err);
    cr_assert_str_eq(const_text(q), "3.5");
    const_binary(T_QUO, lit(T_INT, "1"), lit(T_INT, "0"), true, &err);
    cr_assert_eq(err, CE_DIV_ZERO);
    const_binary(T_QUO, lit(T_FLOAT, "1.0"), lit(T_FLOAT, "0.0"), false, &err);
    cr_assert_eq(err, CE_DIV_ZERO);
}

Test(const, representability, .init = setup) {
    cr_assert(const_representable(const_int64(255), type_uint8, NULL));
    cr_assert_not(const_representable(const_int64(256), type_uint8, NULL));
    cr_assert(const_representable(const_int64(-128), type_int8, NULL));
    cr_assert_not(const_representable(const_int64(-129), type_int8, NULL));
    cr_assert_not(const_representable(const_int64(-1), type_uint, NULL));
    cr_assert(const_representable(lit(T_INT, "18446744073709551615"), type_uint64, NULL));
    cr_assert_not(const_representable(lit(T_INT, "18446744073709551616"), type_uint64, NULL));
    cr_assert(const_representable(lit(T_FLOAT, "2.0"), type_int, NULL));
    cr_assert_not(const_representable(lit(T_FLOAT, "1.5"), type_int, NULL));
    cr_assert_not(const_representable(lit(T_FLOAT, "1e309"), type_float64, NULL));
    cr_assert(const_representable(lit(T_FLOAT, "1e308"), type_float64, NULL));
    cr_assert_not(const_representable(lit(T_FLOAT, "1e39"), type_float32, NULL));
    cr_assert(const_representable(lit(T_FLOAT, "1e-400"), type_float64, NULL));   // rounds to 0
    cr_assert_not(const_representable(const_string("a", 1), type_int, NULL));
    cr_assert_not(const_representable(lit(T_IMAG, "1i"), type_float64, NULL));
}

Test(const, rounding_to_machine_floats, .init = setup) {
    Const *r;
    cr_assert(const_representable(lit(T_FLOAT, "0.1"), type_float32, &r));
    cr_assert_eq(const_get_float64(r), (double)0.1f);
    cr_assert_eq(const_get_float32(lit(T_FLOAT, "0.1")), 0.1f);
    cr_assert_eq(const_get_float64(lit(T_FLOAT, "0.1")), 0.1);
    // The smallest subnormal float64 and a value halfway below it.
    cr_assert_eq(const_get_float64(lit(T_FLOAT, "4.9406564584124654e-324")), 4.9406564584124654e-324);
    cr_assert_eq(const_get_float64(lit(T_FLOAT, "1.7976931348623157e308")), 1.7976931348623157e308);
}

Test(const, text_as_gc_prints_it, .init = setup) {
    cr_assert_str_eq(const_text(lit(T_FLOAT, "0.1")), "0.1");
    cr_assert_str_eq(const_text(lit(T_FLOAT, "1e100")), "1e+100");
    ConstErr err;
    Const *third = const_binary(T_QUO, lit(T_FLOAT, "1.0"), lit(T_FLOAT, "3.0"), false, &err);
    cr_assert_str_eq(const_text(third), "0.333333");
    cr_assert_str_eq(const_text(const_string("a\"b\n", 4)), "\"a\\\"b\\n\"");
    cr_assert_str_eq(const_text(const_bool(true)), "true");
}

Test(const, bitwise_on_untyped_ints, .init = setup) {
    ConstErr err;
    cr_assert_str_eq(const_text(const_unary(T_XOR, const_int64(5), &err)), "-6");
    cr_assert_str_eq(const_text(bin(T_AND_NOT, const_int64(0xF), const_int64(0x5))), "10");
    cr_assert_str_eq(const_text(bin(T_OR, const_int64(0x8), const_int64(0x1))), "9");
    cr_assert_str_eq(const_text(bin(T_XOR, const_int64(0xF), const_int64(0x1))), "14");
}
