// compiler/gen.h: the code generator, from checked syntax trees
// (compiler/check.h says what the checker leaves in them) to Funcs of typed
// register bytecode (vm/opcodes.h). Shared by gen.c (program, functions,
// statements), gen_expr.c (expressions) and gen_call.c (calls, builtins,
// conversions).
//
// Model
// - A local variable lives in registers (Obj.reg) unless it is captured by
//   a closure or its address is taken (Obj.captured/addressed): then it lives
//   in a heap cell and its register holds the cell's address (CELL below).
//   Per-iteration loop variables (Go 1.22) get a fresh cell per iteration.
// - A package-level variable lives in its own heap object; its address is a
//   constant of every function that uses it (Obj.global).
// - Expressions are compiled into a destination (gen_expr_to) or into
//   whatever register already holds them (gen_expr_reg: a variable's own
//   register, or a new temporary). Temporaries are freed at statement end.
// - Calls put their arguments at the top of the register file; the callee's
//   frame starts there and its results come back in the same place.
#ifndef GOLI_GEN_H
#define GOLI_GEN_H

#include "compiler/check.h"
#include "compiler/emit.h"
#include "vm/func.h"

typedef struct Program Program;

// Target is one enclosing statement a break or continue may leave: a for
// loop, a switch or a select, with its optional label and the jumps waiting
// for their destination.
typedef struct Target {
    struct Target *outer;
    Obj *label;
    bool is_loop;
    int *breaks;            // jumps to patch to the statement's end
    int nbreaks, capbreaks;
    int *conts;             // jumps to patch to the loop's continue point
    int nconts, capconts;
} Target;

typedef struct Label {
    Obj *obj;
    int pc;                 // -1 until the label is placed
    int *gotos;             // forward gotos waiting for it
    int ngotos, capgotos;
} Label;

// GenFunc is the function being generated.
typedef struct GenFunc {
    struct GenFunc *outer;  // the enclosing function of a function literal
    Node *decl;             // FUNCDECL or FUNCLIT
    Type *sig;
    FuncBuilder *fb;
    Obj **results;          // result variables (named or hidden), one per result
    int nresults;
    bool has_defer;
    int *returns;           // jumps to the defer epilogue
    int nreturns, capreturns;
    Target *targets;        // innermost enclosing for/switch/select
    Label *labels;
    int nlabels, caplabels;
    // Captured variables: the outer Objs this literal uses, in capture order.
    Obj **capts;
    int ncapts, capcapts;
    bool fallthrough_pending;
    int fallthrough_jump;
} GenFunc;

typedef struct Gen {
    Diag *diag;
    Program *prog;
    Package *pkg;
    GenFunc *fn;
    const char *prog_file;  // the source file of the package being generated
    const char *lit_prefix; // name of the function enclosing a literal
    int lit_count;          // names of function literals: main.f.func1, ...
} Gen;

// The program: every package's functions, ready to run.
struct Program {
    Package *main;
    Func *entry;            // runs every package's initialisation, then main.main
    Func *main_fn;          // main.main
};

// gen_program generates code for pkg and everything it imports. Returns
// NULL after reporting an error (a construct goli cannot compile yet).
Program *gen_program(Package *main_pkg, Diag *diag);

// The passes of gen_program, also run on each input of a REPL session
// (compiler/gen_session.c). gen_order_packages lists pkg's imports depth
// first, then pkg; gen_alloc_globals gives each package-level variable
// without one its heap cell; gen_declare_funcs makes the Funcs of the
// functions in files[from..] (binding natives and methods), and
// gen_func_bodies generates their code; gen_begin_entry starts an entry
// function (no parameters or results) in g->fn, and gen_package_init adds
// to it pkg's variable initialisation (pkg->inits) and its init functions
// from the given one on.
void gen_order_packages(Package *pkg, Package ***v, int *n, int *cap);
void gen_alloc_globals(Package *pkg);
void gen_declare_funcs(Gen *g, Package *pkg, int from);
void gen_func_bodies(Gen *g, Package *pkg, int from);
GenFunc *gen_begin_entry(Gen *g, const char *name);
void gen_package_init(Gen *g, Package *pkg, int from_init_func);

// ---- REPL sessions (compiler/gen_session.c) ----
// gen_session_input generates the code of the input just checked into the
// session's package main (its file and those after file_from) and of the
// packages it imports for the first time, and returns the input's entry:
// it initializes those packages and the input's package-level variables,
// then runs input (the FUNCDECL of its statements, may be NULL). NULL
// after an error.
typedef struct GenSession GenSession;
GenSession *gen_session_new(Package *main_pkg);
Func *gen_session_input(GenSession *s, int file_from, Node *input, Diag *diag);

// ---- Shared between the gen*.c files ----

void gen_error(Gen *g, const Node *n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static inline FuncBuilder *FB(Gen *g) { return g->fn->fb; }
static inline int words_of(const Type *t) { return (int)type_words(t); }

// Statements and function bodies (gen.c).
void gen_block(Gen *g, Node *block);
void gen_stmt(Gen *g, Node *s);
Func *gen_funclit(Gen *g, Node *lit, int dst);

// Variables (gen.c).
bool gen_var_in_cell(const Obj *o);
bool gen_var_in_register(Gen *g, const Obj *o);
// gen_capture_index returns the closure capture slot of an outer variable.
int gen_capture_index(Gen *g, Obj *o);
// gen_declare_local gives a new local variable its register(s) or cell.
void gen_declare_local(Gen *g, Obj *o);

// Expressions (gen_expr.c).
void gen_expr_to(Gen *g, Node *n, int dst);
int gen_expr_reg(Gen *g, Node *n);
// gen_expr_as compiles n and converts it to type t (assignability: a value
// to an interface, nil to a slice, ...), into dst.
void gen_expr_as(Gen *g, Node *n, Type *t, int dst);
void gen_cond_jump(Gen *g, Node *n, bool jump_if, int **jumps, int *njumps, int *cap);
void gen_load_zero(Gen *g, Type *t, int dst);
void gen_convert_reg(Gen *g, Type *from, Type *to, int src, int dst);
void gen_move(Gen *g, int dst, int src, int words);
// Addressable operands: gen_addr computes the address of an addressable
// expression into a register; gen_store stores words at R[src] into it.
int gen_addr(Gen *g, Node *n);
int gen_embedded_addr(Gen *g, Node *x, Selection *sel);
void gen_store_ptr(Gen *g, int ptr, int offset, Type *t, int src);
// gen_store_at stores R[src] at ptr+offset, through register tmp when the
// offset is too large for an instruction's.
void gen_store_at(Gen *g, int ptr, int64_t offset, Type *t, int src, int tmp);
void gen_load_ptr(Gen *g, int dst, int ptr, int offset, Type *t);
void gen_assign_to(Gen *g, Node *lhs, int src, Type *t);

void gen_load_var(Gen *g, Obj *o, int dst);
void gen_store_var(Gen *g, Obj *o, int src);
void gen_capture_cell(Gen *g, Obj *o, int dst);
void gen_compare_regs(Gen *g, TokenKind op, Type *t, int dst, int a, int b);
void gen_op_assign(Gen *g, Node *x, TokenKind op, int val, Type *t);
TokenKind assign_op_token(TokenKind op);

// Targets (gen.c).
Target *gen_push_target(Gen *g, Obj *label, bool is_loop);
void gen_pop_target(Gen *g, Target *t, int cont_pc, int break_pc);
Obj *gen_take_label(void);

// Calls (gen_call.c).
void gen_multi(Gen *g, Node *n, int dst, int count);
// gen_variadic_tail collects args[from..] into a new []elem at R[pos..pos+3)
// (a variadic call's last parameter).
void gen_variadic_tail(Gen *g, NodeList *args, int from, Type *elem, int pos);
void gen_defer(Gen *g, Node *s, Opcode op);
// Goroutines and channels (compiler/gen_chan.c).
void gen_recv(Gen *g, Node *n, int dst, bool comma_ok);
void gen_send(Gen *g, Node *s);
void gen_select(Gen *g, Node *s);
void gen_range_chan(Gen *g, Node *s, int *cont, int *end);
void gen_chan_builtin(Gen *g, Builtin b, Node *call, int dst);
void gen_func_value(Gen *g, Obj *o, int dst);
void gen_method_value(Gen *g, Node *n, int dst);
void gen_map_index(Gen *g, Node *n, int dst, bool comma_ok);
void gen_map_assign(Gen *g, Node *lhs, int src);
void gen_map_literal(Gen *g, Node *n, int dst);
void gen_slice_expr(Gen *g, Node *n, int dst);
void gen_type_assert(Gen *g, Node *n, int dst, bool comma_ok);
void gen_iface_implements(Gen *g, Type *target, Type *it, int iv, int dst);
void gen_iface_convert(Gen *g, Type *target, Type *it, int iv, int dst);
void gen_iface_value(Gen *g, Type *target, Type *it, int iv, int dst);
void gen_normalize(Gen *g, Type *t, int r);
// gen_wrap wraps an integer register to its type's size after arithmetic.
void gen_wrap(Gen *g, Type *t, int r);
void gen_range(Gen *g, Node *s);
void gen_call(Gen *g, Node *call, int dst);
void gen_builtin(Gen *g, Node *call, int dst);
void gen_conversion(Gen *g, Node *call, int dst);
Func *gen_func_of(Gen *g, Obj *fn);
// gen_native_func returns the Func of a body-less function (a C native).
Func *gen_native_func(Gen *g, Obj *fn, Node *at);

#endif
