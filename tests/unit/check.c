// tests/unit/check.c: the type checker's error messages (compiler/check*.c),
// one test per kind of error, each comparing the full diagnostic output of
// a small program with gc's: types2's wording as of Go 1.22 (where Go 1.19
// already agrees the expectation was checked with `go build`), positions
// as gc reports them, continuation lines after "\n\t". The annotations the
// checker leaves for the code generator are tested in check_annot.c.
#include "tests/unit/check_test.h"

TestSuite(check, .init = check_setup);

#define BODY_ERR(name, body, want)                          \
    Test(check, name) {                                     \
        cr_assert_str_eq(ct_body(body), want);              \
    }
#define FILE_ERR(name, src, want)                           \
    Test(check, name) {                                     \
        cr_assert_str_eq(ct_check(src, NULL), want);        \
    }

// ---- Names, scopes, declarations ----

BODY_ERR(undefined_name, "\t_ = y", "5:6: undefined: y\n")
BODY_ERR(blank_as_value, "\tx := _\n\t_ = x", "5:7: cannot use _ as value or type\n")
BODY_ERR(declared_and_not_used, "\tx := 1\n\tx = 2", "5:2: declared and not used: x\n")
BODY_ERR(declared_and_not_used_sorted, "\ta := 1\n\tb, c := 2, 3\n\t_ = b",
         "5:2: declared and not used: a\n6:5: declared and not used: c\n")
BODY_ERR(unused_in_closure, "\tf := func() {\n\t\ty := 2\n\t}\n\tf()", "6:3: declared and not used: y\n")
BODY_ERR(redeclared_in_block, "\tx := 1\n\tvar x int\n\t_ = x",
         "6:6: x redeclared in this block\n\t5:2: other declaration of x\n")
BODY_ERR(no_new_variables, "\tx := 1\n\tx := 2\n\t_ = x", "6:4: no new variables on left side of :=\n")
BODY_ERR(repeated_on_left, "\tx, x := 1, 2\n\t_ = x", "5:5: x repeated on left side of :=\n")
BODY_ERR(untyped_nil_use, "\tx := nil\n\t_ = x", "5:7: use of untyped nil in assignment\n")
BODY_ERR(untyped_nil_var, "\tvar x = nil\n\t_ = x", "5:10: use of untyped nil in variable declaration\n")
BODY_ERR(iota_outside_const, "\t_ = iota", "5:6: cannot use iota outside constant declaration\n")
BODY_ERR(type_not_expression, "\tx := int\n\t_ = x", "5:7: int (type) is not an expression\n")
BODY_ERR(builtin_must_be_called, "\t_ = len", "5:6: len (built-in function len) must be called\n")
BODY_ERR(package_not_in_selector, "\t_ = fmt", "5:6: undefined: fmt\n")

FILE_ERR(func_redeclared, "package main\n\nfunc f() {}\n\nfunc f() {}\n\nfunc main() {}\n",
         "5:6: f redeclared in this block\n\t3:6: other declaration of f\n")
FILE_ERR(unused_import, "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() { fmt.Println() }\n",
         "5:2: \"os\" imported and not used\n")
FILE_ERR(unused_import_renamed, "package main\n\nimport f \"fmt\"\n\nfunc main() {}\n",
         "3:8: \"fmt\" imported as f and not used\n")
FILE_ERR(import_not_in_std, "package main\n\nimport \"nosuch/pkg\"\n\nfunc main() {}\n",
         "3:8: package nosuch/pkg is not in std\n")
FILE_ERR(import_conflict, "package main\n\nimport \"fmt\"\n\nvar fmt = 1\n\nfunc main() {}\n",
         "3:8: \"fmt\" imported and not used\n"
         "5:5: fmt already declared through import of package fmt (\"fmt\")\n\t3:8: other declaration of fmt\n")
FILE_ERR(use_of_package_not_in_selector, "package main\n\nimport \"fmt\"\n\nfunc main() { _ = fmt }\n",
         "5:19: use of package fmt not in selector\n")
FILE_ERR(undefined_package_member, "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Foo() }\n",
         "5:19: undefined: fmt.Foo\n")
FILE_ERR(unexported_package_member,
         "package main\n\nimport \"strings\"\n\nfunc main() { var b strings.Builder; _ = b.buf }\n",
         "5:44: b.buf undefined (type strings.Builder has no field or method buf)\n")
FILE_ERR(dot_import_used, "package main\n\nimport . \"fmt\"\n\nfunc main() { Println() }\n", "")
FILE_ERR(dot_import_unused, "package main\n\nimport . \"fmt\"\n\nfunc main() {}\n",
         "3:8: \"fmt\" imported and not used\n")
FILE_ERR(blank_import, "package main\n\nimport _ \"fmt\"\n\nfunc main() {}\n", "")

// ---- Package-level resolution and cycles ----

FILE_ERR(init_cycle_self, "package main\n\nvar x int = x\n\nfunc main() {}\n",
         "3:5: initialization cycle: x refers to itself\n")
FILE_ERR(init_cycle_through_func, "package main\n\nvar p = q()\n\nfunc q() int { return p }\n\nfunc main() {}\n",
         "3:5: initialization cycle for p\n\t3:5: p refers to q\n\t5:6: q refers to p\n")
FILE_ERR(const_cycle, "package main\n\nconst c = c\n\nfunc main() {}\n",
         "3:7: initialization cycle: c refers to itself\n")
FILE_ERR(recursive_type_self, "package main\n\ntype T struct{ a T }\n\nfunc main() {}\n",
         "3:6: invalid recursive type: T refers to itself\n")
FILE_ERR(recursive_type_pair, "package main\n\ntype A struct{ B }\ntype B struct{ a [2]A }\n\nfunc main() {}\n",
         "3:6: invalid recursive type A\n\t3:6: A refers to\n\t4:6: B refers to\n\t3:6: A\n")
FILE_ERR(recursive_interface, "package main\n\ntype I interface{ J }\ntype J interface{ I }\n\nfunc main() {}\n",
         "3:6: invalid recursive type I\n\t3:6: I refers to\n\t4:6: J refers to\n\t3:6: I\n")
FILE_ERR(recursive_alias, "package main\n\ntype A = *A\n\nfunc main() {}\n",
         "3:6: invalid recursive type: A refers to itself\n")
FILE_ERR(recursion_through_pointer_ok,
         "package main\n\ntype L struct{ next *L; s []L; m map[string]L; f func(L) L }\n\nfunc main() {}\n", "")
FILE_ERR(declarations_in_any_order,
         "package main\n\nvar a = b + c\nvar b = f()\nconst c = len(arr)\nvar arr [n]T\nconst n = 3\n"
         "type T struct{ x int }\n\nfunc f() int { return n }\n\nfunc main() { _ = a }\n",
         "")

// ---- Functions ----

FILE_ERR(missing_return, "package main\n\nfunc f(x int) int {\n\tif x > 0 {\n\t\treturn 1\n\t}\n}\n\nfunc main() { f(1) }\n",
         "7:1: missing return\n")
FILE_ERR(missing_return_switch, "package main\n\nfunc f(x int) int {\n\tswitch x {\n\tcase 1:\n\t\treturn 1\n\t}\n}\n\nfunc main() { f(1) }\n",
         "8:1: missing return\n")
FILE_ERR(terminating_statements,
         "package main\n\n"
         "func a() int { for {} }\n"
         "func b(x int) int { if x > 0 { return 1 } else { return 2 } }\n"
         "func c() int { panic(1) }\n"
         "func d(x int) int { switch x { case 1: return 1; default: return 2 } }\n"
         "func e() int { select {} }\n"
         "func f() int {\nL:\n\tfor {\n\t\tbreak L\n\t}\n}\n"
         "func g() int { for { break } }\n"
         "func main() { a(); b(1); c(); d(1); e(); f(); g() }\n",
         "13:1: missing return\n14:30: missing return\n")
FILE_ERR(missing_function_body, "package main\n\nfunc f()\n\nfunc main() { f() }\n",
         "3:6: missing function body\n")
FILE_ERR(func_init_signature, "package main\n\nfunc init() int { return 1 }\n\nfunc main() {}\n",
         "3:6: func init must have no arguments and no return values\n")
FILE_ERR(func_main_signature, "package main\n\nfunc main() int { return 1 }\n",
         "3:6: func main must have no arguments and no return values\n")
FILE_ERR(main_undeclared, "package main\n\nfunc f() {}\n",
         "1:1: function main is undeclared in the main package\n")
FILE_ERR(cannot_refer_to_init, "package main\n\nfunc init() {}\n\nfunc main() { init() }\n",
         "5:15: undefined: init\n")
FILE_ERR(generic_function, "package main\n\nfunc f[T any](x T) {}\n\nfunc main() {}\n",
         "3:7: generic functions are not supported yet\n")
FILE_ERR(generic_type, "package main\n\ntype L[T any] []T\n\nfunc main() {}\n",
         "3:8: generic types are not supported yet\n")

// ---- Calls and arguments ----

FILE_ERR(not_enough_arguments, "package main\n\nfunc f(a, b int) {}\n\nfunc main() {\n\tf(1)\n}\n",
         "6:4: not enough arguments in call to f\n\thave (number)\n\twant (int, int)\n")
FILE_ERR(too_many_arguments, "package main\n\nfunc f(a int, s string) {}\n\nfunc main() {\n\tf(1, \"a\", 2.5)\n}\n",
         "6:12: too many arguments in call to f\n\thave (number, string, number)\n\twant (int, string)\n")
FILE_ERR(variadic_want, "package main\n\nfunc f(a int, s ...string) {}\n\nfunc main() {\n\tf()\n}\n",
         "6:2: not enough arguments in call to f\n\thave ()\n\twant (int, ...string)\n")
FILE_ERR(argument_type, "package main\n\nfunc f(n int) {}\n\nfunc main() {\n\tx := 2.5\n\tf(x)\n}\n",
         "7:4: cannot use x (variable of type float64) as int value in argument to f\n")
FILE_ERR(multi_value_argument, "package main\n\nfunc g() (int, string) { return 1, \"\" }\nfunc f(a, b int) {}\n\nfunc main() {\n\tf(g())\n}\n",
         "7:4: cannot use g() (value of type string) as int value in argument to f\n")
FILE_ERR(dots_non_variadic, "package main\n\nfunc f(a []int) {}\n\nfunc main() {\n\tf(nil...)\n}\n",
         "6:2: cannot use ... in call to non-variadic f\n")
BODY_ERR(call_non_function, "\tx := 1\n\tx()", "6:2: invalid operation: cannot call non-function x (variable of type int)\n")
FILE_ERR(assignment_mismatch_call, "package main\n\nfunc f() int { return 1 }\n\nfunc main() {\n\ta, b := f()\n\t_, _ = a, b\n}\n",
         "6:10: assignment mismatch: 2 variables but f returns 1 value\n")
BODY_ERR(assignment_mismatch_values, "\tvar a, b int = 1\n\t_, _ = a, b", "5:17: assignment mismatch: 2 variables but 1 value\n")
BODY_ERR(missing_init_expr, "\tvar a, b, c = 1, 2\n\t_, _, _ = a, b, c", "5:12: missing init expr for c\n")
FILE_ERR(single_value_context, "package main\n\nfunc f() (int, int) { return 1, 2 }\n\nfunc main() {\n\tx := f() + 1\n\t_ = x\n}\n",
         "6:7: multiple-value f() (value of type (int, int)) in single-value context\n")
FILE_ERR(no_value_used, "package main\n\nfunc g() {}\n\nfunc main() {\n\tx := g()\n\t_ = x\n}\n",
         "6:7: g() (no value) used as value\n")
FILE_ERR(return_counts,
         "package main\n\nfunc f() (int, string) {\n\treturn 1\n}\nfunc g() int {\n\treturn 1, 2\n}\nfunc h() {\n\treturn 1\n}\n\nfunc main() { f(); g(); h() }\n",
         "4:9: not enough return values\n\thave (number)\n\twant (int, string)\n"
         "7:12: too many return values\n\thave (number, number)\n\twant (int)\n"
         "10:9: too many return values\n\thave (number)\n\twant ()\n")
FILE_ERR(return_type, "package main\n\nfunc f() int {\n\treturn \"s\"\n}\n\nfunc main() { f() }\n",
         "4:9: cannot use \"s\" (untyped string constant) as int value in return statement\n")
FILE_ERR(go_defer_discards, "package main\n\nfunc main() {\n\tvar s []int\n\tdefer len(s)\n\tgo int(1)\n}\n",
         "5:8: defer discards result of len(s) (value of type int)\n"
         "6:5: go requires function call, not conversion int(1) (constant 1 of type int)\n")

// ---- Assignability and conversions ----

BODY_ERR(assign_type, "\tx := 1\n\tvar s string\n\ts = x\n\t_ = s",
         "7:6: cannot use x (variable of type int) as string value in assignment\n")
BODY_ERR(constant_overflows_assignment, "\tvar b byte\n\tb = 256\n\t_ = b",
         "6:6: cannot use 256 (untyped int constant) as byte value in assignment (overflows)\n")
BODY_ERR(constant_truncated_declaration, "\tvar i int = 2.5\n\t_ = i",
         "5:14: cannot use 2.5 (untyped float constant) as int value in variable declaration (truncated)\n")
BODY_ERR(constant_overflows_conversion, "\t_ = byte(300)", "5:11: constant 300 overflows byte\n")
BODY_ERR(cannot_convert, "\t_ = int(\"a\")", "5:10: cannot convert \"a\" (untyped string constant) to type int\n")
BODY_ERR(cannot_convert_float_constant, "\t_ = int(2.5)", "5:10: cannot convert 2.5 (untyped float constant) to type int\n")
BODY_ERR(nil_to_int, "\tvar x int = nil\n\t_ = x", "5:14: cannot use nil as int value in variable declaration\n")
BODY_ERR(typed_constant_overflow, "\tconst small int8 = 100\n\t_ = small * 2",
         "6:6: small * 2 (constant 200 of type int8) overflows int8\n")
BODY_ERR(untyped_constant_overflow, "\t_ = 1 << 600", "5:8: constant shift overflow\n")
BODY_ERR(float_overflow, "\tvar f float32 = 1e50\n\t_ = f",
         "5:18: cannot use 1e50 (untyped float constant 1e+50) as float32 value in variable declaration (overflows)\n")
FILE_ERR(truncated_in_operation, "package main\n\nconst s = \"hello\"\nconst n = len(s)\nconst f = n * 2.5\n\nfunc main() {}\n",
         "5:15: 2.5 (untyped float constant) truncated to int\n")
FILE_ERR(missing_method,
         "package main\n\ntype I interface{ M() }\ntype T struct{}\n\nfunc main() {\n\tvar t T\n\tvar i I = t\n\t_ = i\n}\n",
         "8:12: cannot use t (variable of type T) as I value in variable declaration: T does not implement I (missing method M)\n")
FILE_ERR(pointer_receiver,
         "package main\n\ntype I interface{ M() }\ntype P struct{}\n\nfunc (*P) M() {}\n\nfunc main() {\n\tvar i I = P{}\n\t_ = i\n}\n",
         "9:12: cannot use P{} (value of type P) as I value in variable declaration: P does not implement I (method M has pointer receiver)\n")
FILE_ERR(wrong_method_type,
         "package main\n\ntype I interface{ M(int) }\ntype T struct{}\n\nfunc (T) M(string) {}\n\nfunc main() {\n\tvar i I = T{}\n\t_ = i\n}\n",
         "9:12: cannot use T{} (value of type T) as I value in variable declaration: T does not implement I (wrong type for method M)\n\t\thave M(string)\n\t\twant M(int)\n")
FILE_ERR(interface_to_concrete,
         "package main\n\ntype T struct{}\n\nfunc main() {\n\tvar e interface{}\n\tvar t T = e\n\t_ = t\n}\n",
         "7:12: cannot use e (variable of type interface{}) as T value in variable declaration: need type assertion\n")
BODY_ERR(untyped_const_to_interface_with_methods, "\tvar e error = 1\n\t_ = e",
         "5:16: cannot use 1 (constant of type int) as error value in variable declaration: int does not implement error (missing method Error)\n")
BODY_ERR(struct_literal_field_type, "\ttype P struct{ X int }\n\t_ = P{X: \"a\"}",
         "6:11: cannot use \"a\" (untyped string constant) as int value in struct literal\n")
BODY_ERR(array_literal_type, "\t_ = []int{\"a\"}", "5:12: cannot use \"a\" (untyped string constant) as int value in array or slice literal\n")
BODY_ERR(map_literal_types, "\t_ = map[string]int{1: \"a\"}",
         "5:21: cannot use 1 (untyped int constant) as string value in map literal\n"
         "5:24: cannot use \"a\" (untyped string constant) as int value in map literal\n")
BODY_ERR(send_type, "\tch := make(chan int)\n\tch <- \"s\"", "6:8: cannot use \"s\" (untyped string constant) as int value in send\n")

// ---- Operators ----

BODY_ERR(mismatched_types, "\tx := 1\n\ty := \"a\"\n\t_ = x + y",
         "7:6: invalid operation: x + y (mismatched types int and string)\n")
BODY_ERR(untyped_mismatch, "\tn := 42\n\t_ = \"n=\" + n",
         "6:6: invalid operation: \"n=\" + n (mismatched types untyped string and int)\n")
BODY_ERR(op_assign_mismatch, "\tx := 1\n\tx += \"a\"",
         "6:2: invalid operation: x += \"a\" (mismatched types int and untyped string)\n")
BODY_ERR(operator_not_defined, "\tx := 1\n\t_ = !x",
         "6:7: invalid operation: operator ! not defined on x (variable of type int)\n")
BODY_ERR(binary_operator_not_defined, "\tb := true\n\t_ = b + b",
         "6:6: invalid operation: operator + not defined on b (variable of type bool)\n")
BODY_ERR(division_by_zero, "\tx := 1\n\t_ = x / 0", "6:10: invalid operation: division by zero\n")
BODY_ERR(constant_division_by_zero, "\t_ = 1.5 / 0", "5:12: invalid operation: division by zero\n")
BODY_ERR(slice_comparison, "\ta, b := []int{1}, []int{1}\n\t_ = a == b",
         "6:6: invalid operation: a == b (slice can only be compared to nil)\n")
BODY_ERR(func_comparison, "\tf := func() {}\n\t_ = f == f",
         "6:6: invalid operation: f == f (func can only be compared to nil)\n")
BODY_ERR(struct_comparison, "\ttype S struct{ s []int }\n\tvar a, b S\n\t_ = a == b",
         "7:6: invalid operation: a == b (struct containing []int cannot be compared)\n")
BODY_ERR(comparison_mismatch, "\tx := 1\n\t_ = x == \"a\"",
         "6:11: invalid operation: x == \"a\" (mismatched types int and untyped string)\n")
BODY_ERR(ordering_not_defined, "\tm := map[int]int{}\n\t_ = m < m",
         "6:6: invalid operation: m < m (operator < not defined on map)\n")
BODY_ERR(nil_comparison, "\t_ = nil == nil", "5:13: invalid operation: nil == nil (operator == not defined on untyped nil)\n")
BODY_ERR(shift_count_negative, "\tx := 1\n\t_ = x << -1", "6:11: invalid operation: negative shift count -1 (untyped int constant)\n")
BODY_ERR(shift_of_float, "\tvar s uint = 2\n\tvar f float64 = 1 << s\n\t_ = f",
         "6:18: invalid operation: shifted operand 1 (type float64) must be integer\n")
BODY_ERR(shift_operand_float, "\tf := 1.5\n\t_ = f << 1",
         "6:6: invalid operation: shifted operand f (variable of type float64) must be integer\n")
BODY_ERR(cannot_indirect, "\tx := 1\n\t_ = *x", "6:7: invalid operation: cannot indirect x (variable of type int)\n")
BODY_ERR(cannot_take_address, "\t_ = &len(\"a\")", "5:7: invalid operation: cannot take address of len(\"a\") (constant 1 of type int)\n")
BODY_ERR(nonnumeric_incdec, "\ts := \"a\"\n\ts++", "6:2: invalid operation: s++ (non-numeric type string)\n")

// ---- Selectors ----

FILE_ERR(undefined_field,
         "package main\n\ntype T struct{ Foo int }\n\nfunc main() {\n\tvar t T\n\t_ = t.Bar\n\t_ = t.foo\n}\n",
         "7:8: t.Bar undefined (type T has no field or method Bar)\n"
         "8:8: t.foo undefined (type T has no field or method foo, but does have Foo)\n")
FILE_ERR(ambiguous_selector,
         "package main\n\ntype A struct{ X int }\ntype B struct{ X int }\ntype C struct {\n\tA\n\tB\n}\n\nfunc main() {\n\tvar c C\n\t_ = c.X\n}\n",
         "12:8: ambiguous selector c.X\n")
FILE_ERR(pointer_method_on_value,
         "package main\n\ntype T struct{}\n\nfunc (*T) M() {}\n\nfunc main() {\n\tT{}.M()\n}\n",
         "8:6: cannot call pointer method M on T\n")
FILE_ERR(method_expression_needs_pointer,
         "package main\n\ntype T struct{}\n\nfunc (*T) M() {}\n\nfunc main() {\n\t_ = T.M\n}\n",
         "8:8: invalid method expression T.M (needs pointer receiver (*T).M)\n")
FILE_ERR(method_redeclared, "package main\n\ntype U struct{}\n\nfunc (U) m()  {}\nfunc (*U) m() {}\n\nfunc main() {}\n",
         "6:11: method U.m already declared at x.go:5:10\n")
FILE_ERR(field_and_method, "package main\n\ntype T struct{ A int }\n\nfunc (T) A() {}\n\nfunc main() {}\n",
         "5:10: field and method with the same name A\n\t3:16: other declaration of A\n")
FILE_ERR(method_on_non_local_type, "package main\n\nfunc (i int) Double() int { return i * 2 }\n\nfunc main() {}\n",
         "3:7: cannot define new methods on non-local type int\n")
FILE_ERR(duplicate_field, "package main\n\ntype S struct {\n\tX int\n\tX string\n}\n\nfunc main() {}\n",
         "5:2: X redeclared\n\t4:2: other declaration of X\n")
FILE_ERR(duplicate_interface_method, "package main\n\ntype I interface {\n\tM()\n\tM()\n}\n\nfunc main() {}\n",
         "5:2: duplicate method M\n\t4:2: other declaration of M\n")

// ---- Types ----

BODY_ERR(invalid_map_key, "\tvar m map[[]int]string\n\t_ = m", "5:12: invalid map key type []int\n")
BODY_ERR(array_length_not_constant, "\tn := 3\n\tvar a [n]int\n\t_ = a",
         "5:2: declared and not used: n\n6:9: invalid array length n\n")
BODY_ERR(array_length_negative, "\tvar a [-1]int\n\t_ = a", "5:9: invalid array length -1 (untyped int constant)\n")
BODY_ERR(not_a_type, "\tx := 1\n\tvar y x\n\t_ = y", "6:8: x (variable of type int) is not a type\n")
BODY_ERR(invalid_constant_type, "\tconst c []int = nil", "5:10: invalid constant type []int\n")
BODY_ERR(const_not_constant, "\tx := 1\n\tconst c = x\n\t_ = c", "6:12: x (variable of type int) is not constant\n")

// ---- Indexing and slicing ----

BODY_ERR(index_out_of_bounds, "\ta := [3]int{}\n\t_ = a[5]", "6:8: invalid argument: index 5 out of bounds [0:3]\n")
BODY_ERR(index_negative, "\ts := []int{}\n\t_ = s[-1]",
         "6:8: invalid argument: index -1 (constant of type int) must not be negative\n")
BODY_ERR(index_constant_string, "\t_ = \"abc\"[10]", "5:12: invalid argument: index 10 out of bounds [0:3]\n")
BODY_ERR(index_not_integer, "\ts := []int{}\n\t_ = s[\"a\"]",
         "6:8: cannot convert \"a\" (untyped string constant) to type int\n")
BODY_ERR(cannot_index, "\tx := 5\n\t_ = x[0]", "6:7: invalid operation: cannot index x (variable of type int)\n")
BODY_ERR(slice_indices_swapped, "\ts := \"abc\"\n\t_ = s[2:1]", "6:10: invalid slice indices: 1 < 2\n")
BODY_ERR(slice_unaddressable_array, "\tf := func() [3]int { return [3]int{} }\n\t_ = f()[:]",
         "6:6: invalid operation: cannot slice f() (value of type [3]int) (value not addressable)\n")
BODY_ERR(assign_to_string_byte, "\ts := \"hello\"\n\ts[0] = 'H'",
         "6:2: cannot assign to s[0] (neither addressable nor a map index expression)\n")
FILE_ERR(assign_struct_field_in_map, "package main\n\ntype P struct{ X int }\n\nfunc main() {\n\tm := map[string]P{}\n\tm[\"a\"].X = 1\n}\n",
         "7:2: cannot assign to struct field m[\"a\"].X in map\n")
FILE_ERR(assign_to_constant, "package main\n\nconst limit = 10\n\nfunc main() {\n\tlimit = 20\n}\n",
         "6:2: cannot assign to limit (neither addressable nor a map index expression)\n")

// ---- Composite literals ----

BODY_ERR(struct_literal_unknown_field, "\ttype P struct{ X int }\n\t_ = P{W: 1}",
         "6:8: unknown field W in struct literal of type P\n")
BODY_ERR(struct_literal_too_many, "\ttype P struct{ X, Y int }\n\t_ = P{1, 2, 3}",
         "6:14: too many values in struct literal of type P\n")
BODY_ERR(struct_literal_mixture, "\ttype P struct{ X, Y int }\n\t_ = P{X: 1, 2}",
         "6:14: mixture of field:value and value elements in struct literal\n")
BODY_ERR(struct_literal_duplicate, "\ttype P struct{ X int }\n\t_ = P{X: 1, X: 2}",
         "6:15: duplicate field name X in struct literal\n")
BODY_ERR(duplicate_index, "\t_ = []int{1, 2, 3: 4, 3: 5}", "5:25: duplicate index 3 in array or slice literal\n")
BODY_ERR(array_literal_out_of_bounds, "\t_ = [2]int{1, 2, 3}", "5:19: index 2 is out of bounds (>= 2)\n")
BODY_ERR(duplicate_map_key, "\t_ = map[string]int{\"a\": 1, \"a\": 2}", "5:29: duplicate key \"a\" in map literal\n")
BODY_ERR(missing_map_key, "\t_ = map[string]int{1}", "5:21: missing key in map literal\n")
BODY_ERR(invalid_composite_type, "\t_ = int{}", "5:6: invalid composite literal type int\n")

// ---- Statements ----

BODY_ERR(value_not_used, "\tx := 1\n\tx + 1", "6:2: x + 1 (value of type int) is not used\n")
BODY_ERR(constant_not_used, "\t1", "5:2: 1 (untyped int constant) is not used\n")
BODY_ERR(named_constant_not_used, "\tconst c = 1024\n\tc", "6:2: c (untyped int constant 1024) is not used\n")
BODY_ERR(len_not_used, "\ts := \"a\"\n\tlen(s)", "6:2: len(s) (value of type int) is not used\n")
BODY_ERR(non_boolean_condition, "\tx := 1\n\tif x {\n\t}", "6:5: non-boolean condition in if statement\n")
BODY_ERR(non_boolean_for, "\tfor 1 {\n\t}", "5:6: non-boolean condition in for statement\n")
BODY_ERR(duplicate_case, "\tx := 1\n\tswitch x {\n\tcase 1:\n\tcase 2, 1:\n\t}",
         "8:10: duplicate case 1 (constant of type int) in expression switch\n\t7:7: previous case\n")
BODY_ERR(invalid_case, "\tx := 1\n\tswitch x {\n\tcase \"a\":\n\t}",
         "7:7: cannot convert \"a\" (untyped string constant) to type int\n")
BODY_ERR(type_switch_duplicate, "\tvar x interface{}\n\tswitch x.(type) {\n\tcase int, string:\n\tcase int:\n\t}",
         "8:7: duplicate case int in type switch\n\t7:7: previous case\n")
BODY_ERR(type_switch_unused, "\tvar x interface{}\n\tswitch v := x.(type) {\n\tcase int:\n\t}",
         "6:9: v declared and not used\n")
BODY_ERR(type_switch_non_interface, "\tx := 1\n\tswitch x.(type) {\n\t}", "6:9: x (variable of type int) is not an interface\n")
FILE_ERR(impossible_type_switch_case,
         "package main\n\ntype I interface{ M() }\ntype T struct{}\n\nfunc main() {\n\tvar i I\n\tswitch i.(type) {\n\tcase T:\n\t}\n}\n",
         "9:7: impossible type switch case: T\n\ti (variable of type I) cannot have dynamic type T (missing method M)\n")
FILE_ERR(impossible_type_assertion,
         "package main\n\ntype I interface{ M() }\ntype T struct{}\n\nfunc main() {\n\tvar i I\n\t_ = i.(T)\n}\n",
         "8:6: impossible type assertion: i.(T)\n\tT does not implement I (missing method M)\n")
BODY_ERR(type_assert_non_interface, "\tx := 1\n\t_ = x.(int)", "6:6: invalid operation: x (variable of type int) is not an interface\n")
BODY_ERR(range_over_func, "\tf := func(yield func(int) bool) {}\n\tfor x := range f {\n\t\t_ = x\n\t}",
         "6:17: cannot range over f (variable of type func(func(int) bool))\n")
BODY_ERR(range_one_variable, "\tch := make(chan int)\n\tfor a, b := range ch {\n\t\t_, _ = a, b\n\t}",
         "6:9: range over ch (variable of type chan int) permits only one iteration variable\n")
BODY_ERR(range_send_only, "\tvar ch chan<- int\n\tfor range ch {\n\t}",
         "6:12: cannot range over ch (variable of type chan<- int): receive from send-only channel\n")
BODY_ERR(range_int_no_value, "\tfor i, j := range 10 {\n\t\t_, _ = i, j\n\t}",
         "5:9: range over 10 (untyped int constant) permits only one iteration variable\n")
BODY_ERR(send_to_receive_only, "\tvar r <-chan int\n\tr <- 1",
         "6:2: invalid operation: cannot send to receive-only channel r (variable of type <-chan int)\n")
BODY_ERR(receive_from_send_only, "\tvar s chan<- int\n\t<-s",
         "6:4: invalid operation: cannot receive from send-only channel s (variable of type chan<- int)\n")
BODY_ERR(select_case, "\tx := 1\n\tselect {\n\tcase x > 0:\n\t}",
         "5:2: declared and not used: x\n7:9: select case must be send or receive (possibly with assignment)\n")
BODY_ERR(result_not_in_scope, "\t_ = func() (x int) {\n\t\t{\n\t\t\tx := 2\n\t\t\t_ = x\n\t\t\treturn\n\t\t}\n\t}",
         "9:4: result parameter x not in scope at return\n\t7:4: inner declaration of x\n")

// ---- Labels and branches ----

BODY_ERR(label_not_used, "L:\n\tfor {\n\t}", "5:1: label L defined and not used\n")
BODY_ERR(label_not_defined, "\tgoto L", "5:7: label L not defined\n")
BODY_ERR(label_redefined, "L:\n\tgoto L\nL:\n\tgoto L", "7:1: label L already defined at x.go:5:1\n")
BODY_ERR(break_outside, "\tbreak", "5:2: break is not in a loop, switch, or select\n")
BODY_ERR(continue_outside, "\tswitch {\n\tcase true:\n\t\tcontinue\n\t}", "7:3: continue is not in a loop\n")
BODY_ERR(goto_into_block, "\tgoto L\n\t{\n\tL:\n\t}", "5:7: goto L jumps into block starting at x.go:6:2\n")
BODY_ERR(goto_over_declaration, "\tgoto L\n\tx := 1\n\t_ = x\nL:", "5:7: goto L jumps over declaration of x at x.go:6:4\n")
BODY_ERR(invalid_break_label, "L:\n\t{\n\t\tfor {\n\t\t\tbreak L\n\t\t}\n\t}", "8:10: invalid break label L\n")
BODY_ERR(invalid_continue_label, "L:\n\tswitch {\n\tcase true:\n\t\tfor {\n\t\t\tcontinue L\n\t\t}\n\t}",
         "9:13: invalid continue label L\n")
BODY_ERR(break_label_not_defined, "\tfor {\n\t\tbreak M\n\t}", "6:9: break label not defined: M\n")
BODY_ERR(fallthrough_final, "\tswitch {\n\tcase true:\n\t\tfallthrough\n\t}", "7:3: cannot fallthrough final case in switch\n")
BODY_ERR(fallthrough_out_of_place, "\tfor {\n\t\tfallthrough\n\t}", "6:3: fallthrough statement out of place\n")
BODY_ERR(fallthrough_type_switch, "\tvar x interface{}\n\tswitch x.(type) {\n\tcase int:\n\t\tfallthrough\n\tdefault:\n\t}",
         "8:3: cannot fallthrough in type switch\n")
BODY_ERR(fallthrough_ok, "\tswitch {\n\tcase true:\n\t\tfallthrough\n\tcase false:\n\t}", "")

// ---- Builtins ----

BODY_ERR(builtin_arg_count, "\t_ = len()", "5:6: invalid operation: not enough arguments for len() (expected 1, found 0)\n")
BODY_ERR(len_invalid, "\t_ = len(5)", "5:10: invalid argument: 5 (untyped int constant) for built-in len\n")
BODY_ERR(append_not_slice, "\tx := 1\n\t_ = append(x, 1)",
         "6:13: first argument to append must be a slice; have x (variable of type int)\n")
BODY_ERR(append_elem_type, "\ts := []int{}\n\t_ = append(s, \"a\")",
         "6:16: cannot use \"a\" (untyped string constant) as int value in argument to append\n")
BODY_ERR(make_invalid_type, "\t_ = make(int)", "5:11: invalid argument: cannot make int; type must be slice, map, or channel\n")
BODY_ERR(make_arg_count, "\t_ = make([]int)", "5:6: invalid operation: make([]int) expects 2 or 3 arguments; found 1\n")
BODY_ERR(make_swapped, "\t_ = make([]int, 10, 5)", "5:18: invalid argument: length and capacity swapped\n")
BODY_ERR(copy_types, "\ta := []int{}\n\tb := []string{}\n\tcopy(a, b)",
         "7:7: invalid argument: arguments to copy a (variable of type []int) and b (variable of type []string) have different element types int and string\n")
BODY_ERR(delete_not_map, "\ts := []int{}\n\tdelete(s, 0)", "6:9: invalid argument: s (variable of type []int) is not a map\n")
BODY_ERR(close_receive_only, "\tvar r <-chan int\n\tclose(r)",
         "6:8: invalid operation: cannot close receive-only channel r (variable of type <-chan int)\n")
BODY_ERR(clear_invalid, "\tx := 1\n\tclear(x)",
         "6:8: invalid argument: cannot clear x (variable of type int): argument must be (or constrained by) map or slice\n")
BODY_ERR(min_mismatched, "\tx := 1\n\ty := 2.5\n\t_ = min(x, y)",
         "7:13: invalid argument: mismatched types int (previous argument) and float64 (type of y)\n")
BODY_ERR(max_unordered, "\tb := true\n\t_ = max(b)", "6:10: invalid argument: b (variable of type bool) cannot be ordered\n")
BODY_ERR(complex_mismatch, "\tvar f32 float32\n\tvar f64 float64\n\t_ = complex(f32, f64)",
         "7:14: invalid operation: complex(f32, f64) (mismatched types float32 and float64)\n")
BODY_ERR(real_non_complex, "\ts := \"a\"\n\t_ = real(s)", "6:11: invalid argument: argument has type string, expected complex type\n")
BODY_ERR(dots_with_builtin, "\ts := []int{}\n\t_ = len(s...)", "6:6: invalid operation: invalid use of ... with built-in len\n")

// ---- Robustness ----

Test(check, deeply_nested_expression_is_bounded) {
    // 3000 nested parentheses around a binary chain stay within limits.
    size_t n = 3000;
    char *src = mem_alloc(n * 4 + 200);
    char *w = src;
    w += sprintf(w, "package main\n\nfunc main() {\n\tx := 1\n\t_ = ");
    for (size_t i = 0; i < n; i++) *w++ = '(';
    w += sprintf(w, "x");
    for (size_t i = 0; i < n; i++) w += sprintf(w, "+x)");
    sprintf(w, "\n}\n");
    Diag *d = diag_new();
    Node *f = ct_parse("x.go", src, d);
    if (diag_count(d)) return;   // the parser's own limit
    check_package("main", &f, 1, d, ct_import);
    cr_assert_str_eq(ct_flush(d), "");
}

Test(check, too_many_errors_stop_at_ten) {
    char *body = mem_sprintf("%s", "");
    for (int i = 0; i < 12; i++) body = mem_sprintf("%s\t_ = u%d\n", body, i);
    char *e = ct_body(body);
    int lines = 0;
    for (char *p = e; *p; p++) lines += *p == '\n';
    cr_assert_eq(lines, 11, "%s", e);
    cr_assert(strstr(e, "too many errors") != NULL);
}

// ---- Several files ----

Test(check, two_files_share_package_scope_not_imports) {
    Diag *d = diag_new();
    Node *files[2];
    files[0] = ct_parse("a.go", "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(helper()) }\n", d);
    files[1] = ct_parse("b.go", "package main\n\nimport \"os\"\n\nfunc helper() int { return 1 }\n\nfunc main() {}\n", d);
    check_package("main", files, 2, d, ct_import);
    cr_assert_str_eq(ct_flush(d), "b.go:3:8: \"os\" imported and not used\n"
                                  "b.go:7:6: main redeclared in this block\n\ta.go:5:6: other declaration of main\n");
}

Test(check, two_files_imports_are_per_file) {
    Diag *d = diag_new();
    Node *files[2];
    files[0] = ct_parse("a.go", "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(); helper() }\n", d);
    files[1] = ct_parse("b.go", "package main\n\nfunc helper() { fmt.Println() }\n", d);
    check_package("main", files, 2, d, ct_import);
    cr_assert_str_eq(ct_flush(d), "b.go:3:17: undefined: fmt\n");
}
