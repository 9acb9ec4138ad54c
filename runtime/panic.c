// runtime/panic.c: panic values, panic reports and tracebacks (panic.h).
#include "runtime/panic.h"
#include "common/mem.h"
#include "stdlib/fmt/fmt.h"
#include "vm/vm.h"
#include "runtime/sched.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

Type *type_runtime_error;

// The methods of runtime errors. A receiver arrives as its two string
// words, which are also Error's result; RuntimeError does nothing.
static int runtime_error_error(G *g, Word *a) {
    (void)g;
    (void)a;
    return VM_OK;
}

static int runtime_error_mark(G *g, Word *a) {
    (void)g;
    (void)a;
    return VM_OK;
}

static Func *native_method(const char *name, NativeFn fn, uint32_t words) {
    Func *f = mem_new(Func);
    f->name = name;
    f->native = fn;
    f->nparam = f->nresult = f->nframe = words;
    f->defer_pc = -1;
    return f;
}

// runtime_error_type makes the dynamic type of runtime errors: a string
// with Error() string and RuntimeError(), so it satisfies error and
// runtime.Error (stdlib/runtime/runtime.gol).
static Type *runtime_error_type(void) {
    Type *t = type_named("runtime", "errorString", type_string);
    Type *str = type_string;
    Method e = { .name = "Error", .sig = type_func(0, NULL, 1, &str, false),
                 .fn = native_method("runtime.errorString.Error", runtime_error_error, 2) };
    Method r = { .name = "RuntimeError", .sig = type_func(0, NULL, 0, NULL, false),
                 .fn = native_method("runtime.errorString.RuntimeError", runtime_error_mark, 2) };
    type_add_method(t, &e);
    type_add_method(t, &r);
    return t;
}

static pthread_once_t error_type_once = PTHREAD_ONCE_INIT;

static void make_error_type(void) { type_runtime_error = runtime_error_type(); }

Iface panic_runtime_error(const char *msg) {
    pthread_once(&error_type_once, make_error_type);
    GoString *s = mem_new(GoString);
    *s = gostr(msg, (int64_t)strlen(msg));
    Iface v = { type_runtime_error, (uint64_t)(uintptr_t)s };
    return v;
}

Iface panic_nil_error(void) {
    return panic_runtime_error("panic called with nil argument (goexit=false)");
}

// basic_text formats a value of a basic kind as Go's print builtin does.
static const char *basic_text(const Type *t, const void *p) {
    FmtBuf b;
    strconv_buf_init(&b, NULL, 0);
    lib_fmt_builtin_value(&b, t->under, p);
    return strconv_buf_cstr(&b);
}

static bool is_basic(const Type *t) {
    return t->kind >= K_BOOL && t->kind <= K_STRING;
}

const char *panic_value_text(G *g, const Iface *v, PanicMethodText call) {
    if (!v->type) return "nil";
    GoString s;
    if (v->type == type_runtime_error) {
        const GoString *m = (const GoString *)(uintptr_t)v->data;
        return mem_strndup((const char *)m->ptr, (size_t)m->len);
    }
    if (call && (call(g, v, "Error", &s) || call(g, v, "String", &s)))
        return mem_strndup((const char *)s.ptr, (size_t)s.len);
    const void *p = iface_ptr(v);
    const Type *t = v->type;
    if (is_basic(t)) {
        const char *text = basic_text(t, p);
        if (!type_is_named(t) || !t->pkg) return text;   // int, string, ...
        if (t->kind == K_STRING) return mem_sprintf("%s(\"%s\")", t->str, text);
        return mem_sprintf("%s(%s)", t->str, text);
    }
    // Go prints the data word: the value's address, or the value itself
    // for pointer-shaped types.
    return mem_sprintf("(%s) 0x%llx", t->str, (unsigned long long)v->data);
}

static void print_chain(FILE *out, G *g, Panic *p, PanicMethodText call) {
    if (p->link) {
        print_chain(out, g, p->link, call);
        if (!p->link->goexit) fputc('\t', out);
    }
    if (p->goexit) return;
    fprintf(out, "panic: %s", panic_value_text(g, &p->value, call));
    if (p->recovered) fputs(" [recovered]", out);
    fputc('\n', out);
}

// func_takes_args decides between Go's "f()" and "f(...)" frame headers.
static int func_takes_args(const Func *fn) { return fn->nparam > 0; }

static void print_frame(FILE *out, const Func *fn, const Instr *pc) {
    // Go hides the runtime's own frames from tracebacks (GOTRACEBACK=single).
    if (strncmp(fn->name, "runtime.", 8) == 0) return;
    int idx = (int)(pc - fn->code) - 1;
    if (idx < 0) idx = 0;
    int line = fn->lines && idx < fn->ncode ? fn->lines[idx] : fn->line;
    fprintf(out, "%s(%s)\n\t%s:%d +0x%x\n", fn->name, func_takes_args(fn) ? "..." : "",
            fn->file ? fn->file : "?", line, (unsigned)(idx * 8));
}

void traceback_print(FILE *out, G *g) {
    if (g->trace) {   // the stack where the panic began
        for (uint32_t i = 0; i < g->ntrace; i++) print_frame(out, g->trace[i].fn, g->trace[i].pc);
        return;
    }
    if (g->fn) print_frame(out, g->fn, g->pc);
    for (uint32_t i = g->nframes; i-- > 0;) {
        const Frame *f = &g->frames[i];
        if (f->fn) print_frame(out, f->fn, f->pc);
    }
}

void panic_report(G *g, Panic *p, PanicMethodText call) {
    sched_lock_fatal();
    panic_print(g, p, call);
    _exit(2);
}

void panic_print(G *g, Panic *p, PanicMethodText call) {
    fflush(stdout);
    print_chain(stderr, g, p, call);
    if (p->sigsegv)
        fputs("[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n", stderr);
    fprintf(stderr, "\ngoroutine %lld [running]:\n", (long long)g->id);
    traceback_print(stderr, g);
    sched_print_created(g);
    fflush(stderr);
}

void panic_begin_goexit(G *g) {
    Iface none = { 0 };
    vm_start_panic(g, none);
    g->panic->goexit = true;
}

void fatal_error(const char *msg) {
    sched_lock_fatal();
    fflush(stdout);
    fprintf(stderr, "fatal error: %s\n", msg);
    fflush(stderr);
    _exit(2);
}

void fatal_error_g(G *g, const char *msg) {
    sched_lock_fatal();
    fflush(stdout);
    fprintf(stderr, "fatal error: %s\n\ngoroutine %lld [running]:\n", msg, (long long)g->id);
    traceback_print(stderr, g);
    sched_print_created(g);
    fflush(stderr);
    sched_fatal_end(g);
}
