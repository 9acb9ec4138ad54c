// tests/unit/vm.c: the dispatch loop on hand-assembled functions: calls,
// arithmetic, memory, closures, and defer/panic/recover unwinding. The
// expected results follow from Go's semantics for the equivalent code,
// given beside each function.
#include <criterion/criterion.h>

#include "common/mem.h"
#include "compiler/emit.h"
#include "runtime/panic.h"
#include "vm/vm.h"

static void setup(void) {
    GC_INIT();
    type_init();
}

static G *new_g(void) {
    G *g = mem_new(G);
    g->id = 1;
    vm_g_init(g, 256);
    return g;
}

// fib(n int) int { if n < 2 { return n }; return fib(n-1) + fib(n-2) }
static Func *make_fib(void) {
    FuncBuilder *fb = emit_begin("main.fib", "fib.go", 1);
    fb->fn->nparam = 1;
    fb->fn->nresult = 1;
    emit_reg(fb, 3);
    int self = emit_const_ptr(fb, fb->fn);
    int j = emit_jump(fb, OP_JGEIK, 0, 2);
    emit(fb, OP_RET, 0, 1, 0);
    emit_patch(fb, j);
    emit(fb, OP_SUBIK, 1, 0, 1);
    emit(fb, OP_CALL, 1, self, 0);
    emit(fb, OP_SUBIK, 2, 0, 2);
    emit(fb, OP_CALL, 2, self, 0);
    emit(fb, OP_ADDI, 0, 1, 2);
    emit(fb, OP_RET, 0, 1, 0);
    return emit_end(fb);
}

Test(vm, recursive_calls, .init = setup) {
    Func *fib = make_fib();
    G *g = new_g();
    Word arg = 25, res = 0;
    cr_assert_eq(vm_call(g, fib, &arg, 1, &res, 1), VM_OK);
    cr_assert_eq(res, 75025);
}

Test(vm, deep_recursion_grows_the_stack, .init = setup) {
    // sum(n) = n + sum(n-1), sum(0) = 0, 100000 frames deep.
    FuncBuilder *fb = emit_begin("main.sum", "sum.go", 1);
    fb->fn->nparam = 1;
    fb->fn->nresult = 1;
    emit_reg(fb, 2);
    int self = emit_const_ptr(fb, fb->fn);
    int j = emit_jump(fb, OP_JGEIK, 0, 1);
    emit(fb, OP_RET, 0, 1, 0);
    emit_patch(fb, j);
    emit(fb, OP_SUBIK, 1, 0, 1);
    emit(fb, OP_CALL, 1, self, 0);
    emit(fb, OP_ADDI, 0, 0, 1);
    emit(fb, OP_RET, 0, 1, 0);
    Func *sum = emit_end(fb);
    G *g = new_g();
    Word arg = 100000, res = 0;
    cr_assert_eq(vm_call(g, sum, &arg, 1, &res, 1), VM_OK);
    cr_assert_eq(res, (Word)100000 * 100001 / 2);
}

Test(vm, divide_by_zero_panics, .init = setup) {
    // div(a, b int) int { return a / b }
    FuncBuilder *fb = emit_begin("main.div", "div.go", 3);
    fb->fn->nparam = 2;
    fb->fn->nresult = 1;
    emit_reg(fb, 2);
    emit(fb, OP_DIVI, 0, 0, 1);
    emit(fb, OP_RET, 0, 1, 0);
    Func *div = emit_end(fb);
    G *g = new_g();
    Word args[2] = { 7, 0 }, res = 0;
    cr_assert_eq(vm_call(g, div, args, 2, &res, 1), VM_PANIC);
    cr_assert_not_null(g->panic);
    cr_assert_str_eq(panic_value_text(g, &g->panic->value, NULL),
                     "runtime error: integer divide by zero");
    cr_assert_eq(g->ntrace, 1);
    cr_assert_str_eq(g->trace[0].fn->name, "main.div");
}

// safediv(a, b int) (q int) {
//     defer func() { if recover() != nil { q = -1 } }()
//     return a / b
// }
// The deferred closure captures q, so q lives in a heap cell.
static Func *make_safediv(void) {
    // The closure: R0 = cell of q (capture 0); recover into R1..R2.
    FuncBuilder *cb = emit_begin("main.safediv.func1", "div.go", 2);
    emit_reg(cb, 4);
    emit(cb, OP_RECOVER, 1, 0, 0);
    int skip = emit_jump(cb, OP_JF, 1, 0);  // type word nil: no panic
    emit(cb, OP_GETCAPT, 0, 0, 0);
    emit_load_int(cb, 3, -1);
    emit(cb, OP_STORE64, 0, 3, 0);
    emit_patch(cb, skip);
    emit(cb, OP_RET0, 0, 0, 0);
    Func *closure_fn = emit_end(cb);

    FuncBuilder *fb = emit_begin("main.safediv", "div.go", 1);
    fb->fn->nparam = 2;
    fb->fn->nresult = 1;
    emit_reg(fb, 5);   // R0 a, R1 b, R2 cell q, R3 closure, R4 cell arg
    int tint = emit_const_ptr(fb, type_int);
    emit(fb, OP_NEW, 2, tint, 0);
    emit(fb, OP_MOVE, 4, 2, 0);
    emit(fb, OP_CLOSURE, 3, emit_const_ptr(fb, closure_fn), 1);
    // CLOSURE reads its captures from R[A+1..]: R4 holds the cell.
    emit(fb, OP_DEFER, 0, 3, 0);
    emit(fb, OP_DIVI, 4, 0, 1);     // a / b
    emit(fb, OP_STORE64, 2, 4, 0);  // q = a / b
    fb->fn->defer_pc = emit_here(fb);
    emit(fb, OP_RUNDEFER, 5, 0, 0);
    emit(fb, OP_LOAD64, 0, 2, 0);
    emit(fb, OP_RET, 0, 1, 0);
    return emit_end(fb);
}

Test(vm, recover_in_deferred_closure_sets_named_result, .init = setup) {
    Func *safediv = make_safediv();
    G *g = new_g();
    Word args[2] = { 7, 2 }, res = 0;
    cr_assert_eq(vm_call(g, safediv, args, 2, &res, 1), VM_OK);
    cr_assert_eq((int64_t)res, 3);
    Word zero[2] = { 7, 0 };
    cr_assert_eq(vm_call(g, safediv, zero, 2, &res, 1), VM_OK);
    cr_assert_eq((int64_t)res, -1);
    cr_assert_null(g->panic);
    cr_assert_null(g->defers);
}

Test(vm, nil_dereference_is_a_runtime_error, .init = setup) {
    FuncBuilder *fb = emit_begin("main.load", "load.go", 1);
    fb->fn->nparam = 1;
    fb->fn->nresult = 1;
    emit_reg(fb, 1);
    emit(fb, OP_LOAD64, 0, 0, 8);
    emit(fb, OP_RET, 0, 1, 0);
    Func *load = emit_end(fb);
    G *g = new_g();
    Word arg = 0, res;
    cr_assert_eq(vm_call(g, load, &arg, 1, &res, 1), VM_PANIC);
    cr_assert(g->panic->sigsegv);
    cr_assert_str_eq(panic_value_text(g, &g->panic->value, NULL), NIL_DEREF_TEXT);
}
