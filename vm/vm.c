// vm/vm.c: the dispatch loop. vm_run runs one goroutine's bytecode until it
// returns to C, panics, parks or spends its time slice; the instruction set
// is vm/opcodes.h, the frame model vm/func.h and runtime/g.h.
#include "vm/vm.h"
#include "vm/config.h"
#include "runtime/method.h"
#include "runtime/panic.h"
#include "runtime/sched.h"
#include "common/mem.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// ---- Tables expanded from OPCODES ----

const char *const op_names[] = {
#define OP_NAME(name, fmt, doc) #name,
    OPCODES(OP_NAME)
#undef OP_NAME
};

const unsigned char op_formats[] = {
#define OP_FMT(name, fmt, doc) FMT_##fmt,
    OPCODES(OP_FMT)
#undef OP_FMT
};

// ---- Goroutine stacks ----

// g_init gives g a stack of words registers and room for frames callers.
static void g_init(G *g, uint32_t words, uint32_t frames) {
    g->stack = mem_alloc(words * sizeof(Word));
    g->stack_words = words;
    g->frames_cap = frames;
    g->frames = mem_alloc(g->frames_cap * sizeof(Frame));
    g->nframes = 0;
}

void vm_g_init(G *g, uint32_t words) { g_init(g, words < 64 ? 64 : words, 16); }
void vm_g_init_small(G *g, uint32_t words) { g_init(g, words < 8 ? 8 : words, 4); }

// grow_stack makes room for need words in g's stack. Nothing points into a
// stack from outside (variables whose address is taken live on the heap), so
// the registers can move.
static void grow_stack(G *g, uint64_t need) {
    uint64_t n = (uint64_t)g->stack_words * 2;
    while (n < need) n *= 2;
    Word *s = mem_alloc(n * sizeof(Word));
    memcpy(s, g->stack, g->stack_words * sizeof(Word));
    g->stack = s;
    g->stack_words = (uint32_t)n;
}

static void grow_frames(G *g) {
    uint32_t n = g->frames_cap * 2;
    Frame *f = mem_alloc(n * sizeof(Frame));
    memcpy(f, g->frames, g->nframes * sizeof(Frame));
    g->frames = f;
    g->frames_cap = n;
}

// ---- Panics raised by instructions ----

// vm_start_panic pushes a new panic with value v on g and snapshots the
// stack for its report (frames are popped while unwinding; Go prints the
// stack where the last panic began).
void vm_start_panic(G *g, Iface v) {
    Panic *p = mem_new(Panic);
    p->value = v;
    p->link = g->panic;
    p->unwind_depth = UINT32_MAX;
    p->defer_depth = UINT32_MAX;
    g->panic = p;
    vm_snapshot_trace(g);
}

int vm_throw(G *g, const char *msg) {
    vm_start_panic(g, panic_runtime_error(msg));
    if (strcmp(msg, NIL_DEREF_TEXT) == 0) g->panic->sigsegv = true;
    return VM_PANIC;
}

// ---- Interface method calls ----

// vm_iface_method finds method name of the dynamic type dyn and puts the
// receiver into the frame at stack[nb]: the data word for pointer
// receivers and pointer-shaped values, else a copy of the value, moving the
// arguments (already at nb+1..) up to make room. Returns NULL after
// starting a panic (nil interface, nil pointer).
Func *vm_iface_method(G *g, Type *dyn, Word data, const char *name, uint32_t nb) {
    if (!dyn) {
        vm_throw(g, NIL_DEREF_TEXT);
        return NULL;
    }
    MethodPath path;
    if (!type_method_path(dyn, name, &path) || (!path.iface && !path.m->fn)) {
        vm_throw(g, mem_sprintf("goli: method %s of %s not found", name, dyn->str));
        return NULL;
    }
    const Method *m = path.m;
    const Type *vt = path.recv;
    if (path.nsteps == 0) {
        if (m->ptr_recv || (dyn == vt && (vt->flags & TF_DIRECT) && vt->size > 0)) {
            g->stack[nb] = data;    // the receiver is the data word itself
            return m->fn;
        }
    }
    // The receiver is in memory: the value's own copy (or the pointer's
    // target), then down the embedded fields.
    const uint8_t *p = (dyn->flags & TF_DIRECT) && dyn->kind != K_POINTER && dyn->size > 0
                           ? (const uint8_t *)&data
                           : (const uint8_t *)(uintptr_t)data;
    for (int i = 0; i < path.nsteps; i++) {
        if (!p) break;
        p += path.steps[i].offset;
        if (path.steps[i].deref) {
            const uint8_t *next;   // the embedded pointer stored at p
            memcpy(&next, p, sizeof next);
            p = next;
        }
    }
    if (!p && vt->size > 0) {
        vm_throw(g, NIL_DEREF_TEXT);
        return NULL;
    }
    if (path.iface) {   // an embedded interface: call its dynamic method
        Iface inner;
        memcpy(&inner, p, sizeof inner);
        return vm_iface_method(g, inner.type, inner.data, name, nb);
    }
    if (m->ptr_recv) {
        g->stack[nb] = (Word)(uintptr_t)p;
        return m->fn;
    }
    // A value receiver: copy it into the frame, moving the arguments
    // (already at nb+1..) to make room for a receiver of other than one word.
    uint32_t w = type_words(vt), args = m->fn->nparam > w ? m->fn->nparam - w : 0;
    // (p never points into the stack: addressed variables live on the heap.)
    if ((uint64_t)nb + w + args + m->fn->nframe > g->stack_words)
        grow_stack(g, (uint64_t)nb + w + args + m->fn->nframe);
    Word *fr = g->stack + nb;
    if (w != 1) memmove(fr + w, fr + 1, args * sizeof(Word));
    if (w) fr[w - 1] = 0;
    if (vt->size) memcpy(fr, p, vt->size);   // a zero-size value may have no address
    return m->fn;
}

// ---- The loop ----

// INS is the running instruction, read where it lies (pc has moved past
// it) rather than copied out at dispatch: a handler loads only the operands
// it uses and the loop keeps registers for its own state. A handler reads
// its operands before it moves pc (JUMP, ENTER, RUNDEFER's pc--). K is the
// running function's constant pool, reached through fn, so that a call and
// a return have one word less to save and restore.
#define INS     (pc[-1])
#define K       (fn->k)
#define sC(i)   ((int16_t)(i).c)
#define sB(i)   ((int16_t)(i).b)
#define sBC(i)  ((int32_t)((uint32_t)(i).b | ((uint32_t)(i).c << 16)))
#define F64(w)  (*(double *)&(w))
#define F32(w)  (*(float *)&(w))

#if VM_COMPUTED_GOTO
#define VM_DISPATCH()   goto *labels[(pc++)->op]
#define VM_CASE(name)   L_##name:
#define VM_NEXT()       VM_DISPATCH()
#define VM_SWITCH()     VM_DISPATCH();
#else
#define VM_DISPATCH()   goto dispatch
#define VM_CASE(name)   case OP_##name:
#define VM_NEXT()       goto dispatch
#define VM_SWITCH()     dispatch: switch ((pc++)->op)
#endif

// SAVE_PC stores the loop's position in g before anything that may park,
// panic or call out; RELOAD re-reads the registers after something that may
// have grown the stack.
#define SAVE_PC()   (g->fn = fn, g->cl = cl, g->pc = pc, g->base = base, g->budget = budget)
#define NIL_DEREF   NIL_DEREF_TEXT
#define PTR(r)      ((uint8_t *)(uintptr_t)(r))
#define RELOAD()    (R = g->stack + base)
#define THROW(msg)  do { SAVE_PC(); vm_throw(g, msg); goto unwind; } while (0)

// PREEMPT spends one unit of the time slice (at calls and backward
// jumps); when it is gone the goroutine yields to the scheduler, unless it
// runs nested inside a call from C, which cannot be suspended.
#define PREEMPT()                                                           \
    do {                                                                    \
        if (__builtin_expect(--budget <= 0, 0)) {                           \
            budget = VM_TIME_SLICE;                                         \
            if (g->cdepth == 0) {                                           \
                SAVE_PC();                                                  \
                return VM_YIELD;                                            \
            }                                                               \
        }                                                                   \
    } while (0)

// JUMP takes a branch; a backward one is a loop's and may preempt.
#define JUMP(off)                                                           \
    do {                                                                    \
        int32_t off_ = (off);                                               \
        pc += off_;                                                         \
        if (off_ < 0) PREEMPT();                                            \
    } while (0)

// ROOM makes sure the stack has words registers from index nb on.
#define ROOM(nb, words)                                                     \
    do {                                                                    \
        if ((uint64_t)(nb) + (words) > g->stack_words) {                    \
            SAVE_PC();                                                      \
            grow_stack(g, (uint64_t)(nb) + (words));                        \
            RELOAD();                                                       \
        }                                                                   \
    } while (0)

// CALL_NATIVE runs a C function on the frame at stack[nb] and goes on
// with the next instruction, or unwinds if it panicked.
#define CALL_NATIVE(callee, nb)                                             \
    do {                                                                    \
        SAVE_PC();                                                          \
        int st_ = (callee)->native(g, g->stack + (nb));                     \
        if (st_ == VM_PANIC) goto unwind;                                   \
        if (st_ != VM_OK) return st_;                                       \
        RELOAD();                                                           \
        VM_NEXT();                                                          \
    } while (0)

// ENTER pushes the running frame and starts callee, with closure c, on the
// frame at stack[nb] (ROOM has made space for it). CALL and CALLI pass cl
// itself: a declared function or method has no captures and never reads
// cl, so it may keep the caller's, which costs nothing to set.
#define ENTER(callee, c, nb)                                                \
    do {                                                                    \
        if (g->nframes == g->frames_cap) {                                  \
            if (g->nframes >= VM_MAX_DEPTH) {                               \
                SAVE_PC();                                                  \
                vm_stack_overflow(g);                                       \
            }                                                               \
            grow_frames(g);                                                 \
        }                                                                   \
        Frame *f_ = &g->frames[g->nframes++];                               \
        f_->fn = fn;                                                        \
        f_->cl = cl;                                                        \
        f_->pc = pc;                                                        \
        f_->base = base;                                                    \
        fn = (callee);                                                      \
        cl = (c);                                                           \
        base = (nb);                                                        \
        R = g->stack + base;                                                \
        pc = fn->code;                                                      \
    } while (0)

VM_LOOP_ATTRS int vm_run(G *g) {
#if VM_COMPUTED_GOTO
    static const void *const labels[] = {
#define OP_LABEL(name, fmt, doc) &&L_##name,
        OPCODES(OP_LABEL)
#undef OP_LABEL
    };
#endif
    Func *fn = g->fn;
    Closure *cl = g->cl;
    const Instr *pc = g->pc;
    uint32_t base = g->base;
    Word *R = g->stack + base;
    int32_t budget = g->budget > 0 ? g->budget : VM_TIME_SLICE;

    if (g->unwind_pending) {    // a resumed operation panicked (g->resume)
        g->unwind_pending = false;
        goto unwind;
    }
    VM_SWITCH() {
    VM_CASE(NOP) VM_NEXT();

    // ---- moves and constants ----
    VM_CASE(MOVE)  R[INS.a] = R[INS.b]; VM_NEXT();
    // Multi-word moves may overlap (a result block shifted by one word):
    // read every word before writing any.
    VM_CASE(MOVE2) {
        Word x = R[INS.b], y = R[INS.b + 1];
        R[INS.a] = x;
        R[INS.a + 1] = y;
        VM_NEXT();
    }
    VM_CASE(MOVE3) {
        Word x = R[INS.b], y = R[INS.b + 1], z = R[INS.b + 2];
        R[INS.a] = x;
        R[INS.a + 1] = y;
        R[INS.a + 2] = z;
        VM_NEXT();
    }
    VM_CASE(MOVEN) memmove(&R[INS.a], &R[INS.b], INS.c * sizeof(Word)); VM_NEXT();
    VM_CASE(LOADK) R[INS.a] = K[INS.b]; VM_NEXT();
    VM_CASE(LOADK2) R[INS.a] = K[INS.b]; R[INS.a + 1] = K[INS.b + 1]; VM_NEXT();
    VM_CASE(LOADI) R[INS.a] = (Word)(int64_t)sBC(INS); VM_NEXT();
    VM_CASE(ZERO) memset(&R[INS.a], 0, INS.b * sizeof(Word)); VM_NEXT();

    // ---- integers ----
    VM_CASE(ADDI) R[INS.a] = R[INS.b] + R[INS.c]; VM_NEXT();
    VM_CASE(SUBI) R[INS.a] = R[INS.b] - R[INS.c]; VM_NEXT();
    VM_CASE(MULI) R[INS.a] = R[INS.b] * R[INS.c]; VM_NEXT();
    VM_CASE(DIVI) {
        int64_t y = (int64_t)R[INS.c];
        if (y == 0) THROW("runtime error: integer divide by zero");
        int64_t x = (int64_t)R[INS.b];
        R[INS.a] = y == -1 ? (Word)(0 - (uint64_t)x) : (Word)(x / y);
        VM_NEXT();
    }
    VM_CASE(REMI) {
        int64_t y = (int64_t)R[INS.c];
        if (y == 0) THROW("runtime error: integer divide by zero");
        R[INS.a] = y == -1 ? 0 : (Word)((int64_t)R[INS.b] % y);
        VM_NEXT();
    }
    VM_CASE(DIVU) {
        if (R[INS.c] == 0) THROW("runtime error: integer divide by zero");
        R[INS.a] = R[INS.b] / R[INS.c];
        VM_NEXT();
    }
    VM_CASE(REMU) {
        if (R[INS.c] == 0) THROW("runtime error: integer divide by zero");
        R[INS.a] = R[INS.b] % R[INS.c];
        VM_NEXT();
    }
    VM_CASE(ADDIK) R[INS.a] = R[INS.b] + (Word)(int64_t)sC(INS); VM_NEXT();
    VM_CASE(SUBIK) R[INS.a] = R[INS.b] - (Word)(int64_t)sC(INS); VM_NEXT();
    VM_CASE(MULIK) R[INS.a] = R[INS.b] * (Word)INS.c; VM_NEXT();
    VM_CASE(DIVIK) {
        int64_t y = sC(INS), x = (int64_t)R[INS.b];
        R[INS.a] = y == -1 ? (Word)(0 - (uint64_t)x) : (Word)(x / y);
        VM_NEXT();
    }
    VM_CASE(REMIK) {
        int64_t y = sC(INS);
        R[INS.a] = y == -1 ? 0 : (Word)((int64_t)R[INS.b] % y);
        VM_NEXT();
    }
    VM_CASE(NEGI) R[INS.a] = 0 - R[INS.b]; VM_NEXT();
    VM_CASE(AND) R[INS.a] = R[INS.b] & R[INS.c]; VM_NEXT();
    VM_CASE(OR) R[INS.a] = R[INS.b] | R[INS.c]; VM_NEXT();
    VM_CASE(XOR) R[INS.a] = R[INS.b] ^ R[INS.c]; VM_NEXT();
    VM_CASE(ANDNOT) R[INS.a] = R[INS.b] & ~R[INS.c]; VM_NEXT();
    VM_CASE(COMPL) R[INS.a] = ~R[INS.b]; VM_NEXT();
    VM_CASE(SHL) {
        Word n = R[INS.c];
        R[INS.a] = n >= 64 ? 0 : R[INS.b] << n;
        VM_NEXT();
    }
    VM_CASE(SHRS) {
        Word n = R[INS.c];
        R[INS.a] = (Word)((int64_t)R[INS.b] >> (n >= 64 ? 63 : n));
        VM_NEXT();
    }
    VM_CASE(SHRU) {
        Word n = R[INS.c];
        R[INS.a] = n >= 64 ? 0 : R[INS.b] >> n;
        VM_NEXT();
    }
    VM_CASE(SHIFTCHK)
        if ((int64_t)R[INS.a] < 0) THROW("runtime error: negative shift amount");
        VM_NEXT();
    VM_CASE(SEXT8) R[INS.a] = (Word)(int64_t)(int8_t)R[INS.b]; VM_NEXT();
    VM_CASE(SEXT16) R[INS.a] = (Word)(int64_t)(int16_t)R[INS.b]; VM_NEXT();
    VM_CASE(SEXT32) R[INS.a] = (Word)(int64_t)(int32_t)R[INS.b]; VM_NEXT();
    VM_CASE(ZEXT8) R[INS.a] = (uint8_t)R[INS.b]; VM_NEXT();
    VM_CASE(ZEXT16) R[INS.a] = (uint16_t)R[INS.b]; VM_NEXT();
    VM_CASE(ZEXT32) R[INS.a] = (uint32_t)R[INS.b]; VM_NEXT();
    VM_CASE(EQI) R[INS.a] = R[INS.b] == R[INS.c]; VM_NEXT();
    VM_CASE(NEI) R[INS.a] = R[INS.b] != R[INS.c]; VM_NEXT();
    VM_CASE(LTI) R[INS.a] = (int64_t)R[INS.b] < (int64_t)R[INS.c]; VM_NEXT();
    VM_CASE(LEI) R[INS.a] = (int64_t)R[INS.b] <= (int64_t)R[INS.c]; VM_NEXT();
    VM_CASE(LTU) R[INS.a] = R[INS.b] < R[INS.c]; VM_NEXT();
    VM_CASE(LEU) R[INS.a] = R[INS.b] <= R[INS.c]; VM_NEXT();
    VM_CASE(NOT) R[INS.a] = !R[INS.b]; VM_NEXT();

    // ---- floats ----
    VM_CASE(ADDF) F64(R[INS.a]) = F64(R[INS.b]) + F64(R[INS.c]); VM_NEXT();
    VM_CASE(SUBF) F64(R[INS.a]) = F64(R[INS.b]) - F64(R[INS.c]); VM_NEXT();
    VM_CASE(MULF) F64(R[INS.a]) = F64(R[INS.b]) * F64(R[INS.c]); VM_NEXT();
    VM_CASE(DIVF) F64(R[INS.a]) = F64(R[INS.b]) / F64(R[INS.c]); VM_NEXT();
    VM_CASE(NEGF) F64(R[INS.a]) = -F64(R[INS.b]); VM_NEXT();
    VM_CASE(EQF) R[INS.a] = F64(R[INS.b]) == F64(R[INS.c]); VM_NEXT();
    VM_CASE(NEF) R[INS.a] = F64(R[INS.b]) != F64(R[INS.c]); VM_NEXT();
    VM_CASE(LTF) R[INS.a] = F64(R[INS.b]) < F64(R[INS.c]); VM_NEXT();
    VM_CASE(LEF) R[INS.a] = F64(R[INS.b]) <= F64(R[INS.c]); VM_NEXT();
    VM_CASE(ADDF32) { float v = F32(R[INS.b]) + F32(R[INS.c]); R[INS.a] = 0; F32(R[INS.a]) = v; VM_NEXT(); }
    VM_CASE(SUBF32) { float v = F32(R[INS.b]) - F32(R[INS.c]); R[INS.a] = 0; F32(R[INS.a]) = v; VM_NEXT(); }
    VM_CASE(MULF32) { float v = F32(R[INS.b]) * F32(R[INS.c]); R[INS.a] = 0; F32(R[INS.a]) = v; VM_NEXT(); }
    VM_CASE(DIVF32) { float v = F32(R[INS.b]) / F32(R[INS.c]); R[INS.a] = 0; F32(R[INS.a]) = v; VM_NEXT(); }
    VM_CASE(NEGF32) { float v = -F32(R[INS.b]); R[INS.a] = 0; F32(R[INS.a]) = v; VM_NEXT(); }
    VM_CASE(EQF32) R[INS.a] = F32(R[INS.b]) == F32(R[INS.c]); VM_NEXT();
    VM_CASE(NEF32) R[INS.a] = F32(R[INS.b]) != F32(R[INS.c]); VM_NEXT();
    VM_CASE(LTF32) R[INS.a] = F32(R[INS.b]) < F32(R[INS.c]); VM_NEXT();
    VM_CASE(LEF32) R[INS.a] = F32(R[INS.b]) <= F32(R[INS.c]); VM_NEXT();

    // ---- complex (out of line: they would crowd the loop's registers) ----
    VM_CASE(ADDC) vm_complex_op(OP_ADDC, &R[INS.a], &R[INS.b], &R[INS.c]); VM_NEXT();
    VM_CASE(SUBC) vm_complex_op(OP_SUBC, &R[INS.a], &R[INS.b], &R[INS.c]); VM_NEXT();
    VM_CASE(MULC) vm_complex_op(OP_MULC, &R[INS.a], &R[INS.b], &R[INS.c]); VM_NEXT();
    VM_CASE(DIVC) vm_complex_op(OP_DIVC, &R[INS.a], &R[INS.b], &R[INS.c]); VM_NEXT();
    VM_CASE(C64TO128) vm_complex_op(OP_C64TO128, &R[INS.a], &R[INS.b], NULL); VM_NEXT();
    VM_CASE(C128TO64) vm_complex_op(OP_C128TO64, &R[INS.a], &R[INS.b], NULL); VM_NEXT();

    // ---- conversions ----
    VM_CASE(I2F) F64(R[INS.a]) = (double)(int64_t)R[INS.b]; VM_NEXT();
    VM_CASE(U2F) F64(R[INS.a]) = (double)R[INS.b]; VM_NEXT();
    VM_CASE(F2I) R[INS.a] = (Word)vm_f2i(F64(R[INS.b])); VM_NEXT();
    VM_CASE(F2U) R[INS.a] = vm_f2u(F64(R[INS.b])); VM_NEXT();
    VM_CASE(F2I32) {
        double x = F64(R[INS.b]);
        int32_t v = (x > -2147483649.0 && x < 2147483648.0) ? (int32_t)x : INT32_MIN;
        R[INS.a] = (Word)(int64_t)v;
        VM_NEXT();
    }
    VM_CASE(F2F32) { float v = (float)F64(R[INS.b]); R[INS.a] = 0; F32(R[INS.a]) = v; VM_NEXT(); }
    VM_CASE(F322F) F64(R[INS.a]) = (double)F32(R[INS.b]); VM_NEXT();

    // ---- jumps ----
    VM_CASE(JMP) JUMP(sBC(INS)); VM_NEXT();
    VM_CASE(JT) if (R[INS.a]) JUMP(sBC(INS)); VM_NEXT();
    VM_CASE(JF) if (!R[INS.a]) JUMP(sBC(INS)); VM_NEXT();
    VM_CASE(JLTI) if ((int64_t)R[INS.a] < (int64_t)R[INS.b]) JUMP(sC(INS)); VM_NEXT();
    VM_CASE(JLEI) if ((int64_t)R[INS.a] <= (int64_t)R[INS.b]) JUMP(sC(INS)); VM_NEXT();
    VM_CASE(JEQI) if (R[INS.a] == R[INS.b]) JUMP(sC(INS)); VM_NEXT();
    VM_CASE(JNEI) if (R[INS.a] != R[INS.b]) JUMP(sC(INS)); VM_NEXT();
    VM_CASE(JLTIK) if ((int64_t)R[INS.a] < (int64_t)sB(INS)) JUMP(sC(INS)); VM_NEXT();
    VM_CASE(JGEIK) if ((int64_t)R[INS.a] >= (int64_t)sB(INS)) JUMP(sC(INS)); VM_NEXT();
    VM_CASE(JEQIK) if ((int64_t)R[INS.a] == (int64_t)sB(INS)) JUMP(sC(INS)); VM_NEXT();
    VM_CASE(JNEIK) if ((int64_t)R[INS.a] != (int64_t)sB(INS)) JUMP(sC(INS)); VM_NEXT();

    // ---- strings ----
    VM_CASE(CONCAT) {
        SAVE_PC();
        vm_concat(&R[INS.a], &R[INS.b], &R[INS.c]);
        VM_NEXT();
    }
    VM_CASE(EQS) R[INS.a] = vm_str_cmp(&R[INS.b], &R[INS.c]) == 0; VM_NEXT();
    VM_CASE(NES) R[INS.a] = vm_str_cmp(&R[INS.b], &R[INS.c]) != 0; VM_NEXT();
    VM_CASE(LTS) R[INS.a] = vm_str_cmp(&R[INS.b], &R[INS.c]) < 0; VM_NEXT();
    VM_CASE(LES) R[INS.a] = vm_str_cmp(&R[INS.b], &R[INS.c]) <= 0; VM_NEXT();
    VM_CASE(INDEXS) {
        Word i = R[INS.c], n = R[INS.b + 1];
        if (i >= n) {
            SAVE_PC();
            vm_throw_index(g, (int64_t)i, (int64_t)n);
            goto unwind;
        }
        R[INS.a] = ((const uint8_t *)R[INS.b])[i];
        VM_NEXT();
    }

    // ---- memory ----
#define LOAD_OP(name, ctype, wide)                                  \
    VM_CASE(name) {                                                 \
        uint8_t *p = PTR(R[INS.b]);                                 \
        if (!p) THROW(NIL_DEREF);                                   \
        ctype v;                                                    \
        memcpy(&v, p + INS.c, sizeof v);                            \
        R[INS.a] = (Word)(wide)v;                                   \
        VM_NEXT();                                                  \
    }
    LOAD_OP(LOAD8S, int8_t, int64_t)
    LOAD_OP(LOAD8U, uint8_t, uint64_t)
    LOAD_OP(LOAD16S, int16_t, int64_t)
    LOAD_OP(LOAD16U, uint16_t, uint64_t)
    LOAD_OP(LOAD32S, int32_t, int64_t)
    LOAD_OP(LOAD32U, uint32_t, uint64_t)
    LOAD_OP(LOAD64, uint64_t, uint64_t)
#undef LOAD_OP
#define STORE_OP(name, ctype)                                       \
    VM_CASE(name) {                                                 \
        uint8_t *p = PTR(R[INS.a]);                                 \
        if (!p) THROW(NIL_DEREF);                                   \
        ctype v = (ctype)R[INS.b];                                  \
        memcpy(p + INS.c, &v, sizeof v);                            \
        VM_NEXT();                                                  \
    }
    STORE_OP(STORE8, uint8_t)
    STORE_OP(STORE16, uint16_t)
    STORE_OP(STORE32, uint32_t)
    STORE_OP(STORE64, uint64_t)
#undef STORE_OP
    VM_CASE(LOADN) {
        uint8_t *p = PTR(R[INS.b]);
        if (!p) THROW(NIL_DEREF);
        uint32_t words = (INS.c + 7u) / 8u;
        R[INS.a + words - 1] = 0;   // the padding after the last byte
        memcpy(&R[INS.a], p, INS.c);
        VM_NEXT();
    }
    VM_CASE(STOREN) {
        uint8_t *p = PTR(R[INS.a]);
        if (!p) THROW(NIL_DEREF);
        memcpy(p, &R[INS.b], INS.c);
        VM_NEXT();
    }
    VM_CASE(ADDP) {
        uint8_t *p = PTR(R[INS.b]);
        if (!p) THROW(NIL_DEREF);
        R[INS.a] = (Word)(uintptr_t)(p + INS.c);
        VM_NEXT();
    }
    VM_CASE(NEW) {
        R[INS.a] = (Word)(uintptr_t)vm_new((const Type *)K[INS.b]);
        VM_NEXT();
    }
    VM_CASE(CHKIDX)
        if (R[INS.a] >= R[INS.b]) {
            SAVE_PC();
            vm_throw_index(g, (int64_t)R[INS.a], (int64_t)R[INS.b]);
            goto unwind;
        }
        VM_NEXT();
    VM_CASE(RFIELD) {
        const uint8_t *p = (const uint8_t *)&R[INS.b] + (INS.c & 0xFFF);
        R[INS.a] = vm_load_kind(p, INS.c >> 12);
        VM_NEXT();
    }
    VM_CASE(RSETFIELD) {
        uint8_t *p = (uint8_t *)&R[INS.a] + (INS.c & 0xFFF);
        vm_store_kind(p, INS.c >> 12, R[INS.b]);
        VM_NEXT();
    }
    VM_CASE(MKIFACE) {
        const Type *t = (const Type *)(uintptr_t)K[INS.c];
        Word data;
        if (t->flags & TF_DIRECT) {
            data = 0;
            memcpy(&data, &R[INS.b], t->size);
        } else {
            void *copy = vm_new(t);
            memcpy(copy, &R[INS.b], t->size);
            data = (Word)(uintptr_t)copy;
        }
        R[INS.a] = (Word)(uintptr_t)t;
        R[INS.a + 1] = data;
        VM_NEXT();
    }
    VM_CASE(GETCAPT) R[INS.a] = cl->capt[INS.b]; VM_NEXT();
    VM_CASE(CLOSURE) {
        Func *f = (Func *)K[INS.b];
        Closure *c = mem_alloc(sizeof(Closure) + INS.c * sizeof(Word));
        c->fn = f;
        c->ncapt = INS.c;
        memcpy(c->capt, &R[INS.a + 1], INS.c * sizeof(Word));
        R[INS.a] = (Word)(uintptr_t)c;
        VM_NEXT();
    }

    // ---- calls ----
    VM_CASE(CALL) {
        Func *callee = (Func *)K[INS.b];
        uint32_t nb = base + INS.a;
        ROOM(nb, callee->nframe);
        ENTER(callee, cl, nb);
        PREEMPT();
        VM_NEXT();
    }
    VM_CASE(CALLC) {
        Closure *c = (Closure *)(uintptr_t)R[INS.b];
        if (!c) THROW(NIL_DEREF);
        Func *callee = c->fn;
        uint32_t nb = base + INS.a;
        ROOM(nb, callee->nframe);
        if (callee->native) CALL_NATIVE(callee, nb);
        ENTER(callee, c, nb);
        PREEMPT();
        VM_NEXT();
    }
    VM_CASE(CALLN) {
        Func *callee = (Func *)K[INS.b];
        uint32_t nb = base + INS.a;
        ROOM(nb, callee->nframe);
        CALL_NATIVE(callee, nb);
    }
    VM_CASE(CALLI) {
        Type *dyn = (Type *)(uintptr_t)R[INS.b];
        Word data = R[INS.b + 1];
        const char *name = (const char *)(uintptr_t)K[INS.c];
        uint32_t nb = base + INS.a;
        SAVE_PC();
        Func *callee = vm_iface_method(g, dyn, data, name, nb);
        if (!callee) goto unwind;
        RELOAD();
        if (callee->native) CALL_NATIVE(callee, nb);
        ROOM(nb, callee->nframe);
        ENTER(callee, cl, nb);
        PREEMPT();
        VM_NEXT();
    }
    VM_CASE(RET1) R[0] = R[INS.a]; goto do_return;
    VM_CASE(RET) {
        if (INS.a) memmove(R, &R[INS.a], INS.b * sizeof(Word));
        goto do_return;
    }
    VM_CASE(RET0) {
    do_return:;
        Frame *f = &g->frames[--g->nframes];
        if (!f->fn) {   // the entry frame pushed by vm_call
            g->fn = NULL;
            return VM_OK;
        }
        fn = f->fn;
        cl = f->cl;
        pc = f->pc;
        base = f->base;
        R = g->stack + base;
        VM_NEXT();
    }

    // ---- defer, panic, recover ----
    VM_CASE(DEFER) {
        Closure *c = (Closure *)(uintptr_t)R[INS.b];
        Defer *d = mem_alloc(sizeof(Defer) + INS.c * sizeof(Word));
        d->next = g->defers;
        d->depth = g->nframes;
        d->cl = c;
        d->nargs = INS.c;
        memcpy(d->args, &R[INS.a], INS.c * sizeof(Word));
        g->defers = d;
        VM_NEXT();
    }
    VM_CASE(GO) {
        Closure *c = (Closure *)(uintptr_t)R[INS.b];
        SAVE_PC();
        if (!c) {
            vm_start_panic(g, panic_runtime_error(NIL_DEREF));
            g->panic->sigsegv = true;
            goto unwind;
        }
        sched_go(g, c, &R[INS.a], INS.c);
        VM_NEXT();
    }
    VM_CASE(RUNDEFER) {
        Defer *d = g->defers;
        Panic *p = g->panic;
        if (!d || d->depth != g->nframes) {
            if (p && p->unwind_depth == g->nframes) {
                if (!p->recovered) goto unwind_pop;
                // Recovered: drop it and the panics it aborted, and return
                // normally with the results as they are now.
                Panic *q = p->link;
                while (q && q->unwind_depth >= g->nframes) q = q->link;
                g->panic = q;
            }
            VM_NEXT();
        }
        g->defers = d->next;
        Closure *c = d->cl;
        if (!c) {   // a nil func deferred: Go panics when the call happens
            SAVE_PC();
            vm_throw(g, NIL_DEREF);
            goto unwind;
        }
        uint32_t nb = base + INS.a;
        Func *callee = c->fn;
        ROOM(nb, callee->nframe + d->nargs);
        memcpy(g->stack + nb, d->args, d->nargs * sizeof(Word));
        if (p && p->unwind_depth == g->nframes) p->defer_depth = g->nframes + 1;
        pc--;   // come back here when the deferred call returns
        if (callee->native) CALL_NATIVE(callee, nb);
        ENTER(callee, c, nb);
        VM_NEXT();
    }
    VM_CASE(PANIC) {
        SAVE_PC();
        Iface v = { (Type *)(uintptr_t)R[INS.a], R[INS.a + 1] };
        if (!v.type) v = panic_nil_error();
        vm_start_panic(g, v);
        goto unwind;
    }
    VM_CASE(RECOVER) {
        Panic *p = g->panic;
        if (p && !p->recovered && !p->goexit && p->defer_depth == g->nframes) {
            p->recovered = true;
            R[INS.a] = (Word)(uintptr_t)p->value.type;
            R[INS.a + 1] = p->value.data;
        } else {
            R[INS.a] = R[INS.a + 1] = 0;
        }
        VM_NEXT();
    }
    VM_CASE(COUNT_) THROW("bad instruction");
    }
    return VM_OK;   // not reached with computed goto

    // unwind runs when g->panic has just begun or a deferred call returned
    // with it unrecovered: find the innermost activation with pending defers
    // and run its defer epilogue (Func.defer_pc, a RUNDEFER); pop the
    // activations without. Popping the entry frame hands the panic to C.
unwind:
    for (;;) {
        if (g->defers && g->defers->depth == g->nframes && fn->defer_pc >= 0) {
            g->panic->unwind_depth = g->nframes;
            pc = fn->code + fn->defer_pc;
            R = g->stack + base;
            VM_NEXT();
        }
    unwind_pop:;
        Frame *f = &g->frames[--g->nframes];
        if (!f->fn) {
            g->fn = NULL;
            return VM_PANIC;
        }
        fn = f->fn;
        cl = f->cl;
        pc = f->pc;
        base = f->base;
    }
}

// ---- Entering bytecode from C ----

int vm_call(G *g, Func *fn, const Word *args, uint32_t nargs, Word *results, uint32_t nresults) {
    // The callee's frame goes above whatever the goroutine has in use. The
    // native calling us holds a pointer into the stack, so the stack must
    // not move: without room, the call runs on a stack segment of its own.
    uint32_t nb = 0;
    if (g->nframes && g->fn) nb = g->base + g->fn->nframe;
    Word *saved_stack = g->stack;
    uint32_t saved_words = g->stack_words;
    if ((uint64_t)nb + fn->nframe > g->stack_words) {
        uint32_t words = fn->nframe * 2 + 256;
        g->stack = mem_alloc(words * sizeof(Word));
        g->stack_words = words;
        nb = 0;
    }
    if (g->nframes + 1 >= g->frames_cap) grow_frames(g);
    if (nargs) memcpy(g->stack + nb, args, nargs * sizeof(Word));
    Frame *f = &g->frames[g->nframes++];
    f->fn = NULL;   // marks the return to C
    f->pc = g->pc;
    f->base = g->base;
    Func *saved_fn = g->fn;
    const Instr *saved_pc = g->pc;
    uint32_t saved_base = g->base;
    g->fn = fn;
    g->pc = fn->code;
    g->base = nb;
    g->cdepth++;
    int st = fn->native ? fn->native(g, g->stack + nb) : vm_run(g);
    g->cdepth--;
    if (fn->native && st == VM_OK) g->nframes--;
    if (st == VM_OK) {
        if (nresults) memcpy(results, g->stack + nb, nresults * sizeof(Word));
        g->fn = saved_fn;
        g->pc = saved_pc;
        g->base = saved_base;
    }
    g->stack = saved_stack;
    g->stack_words = saved_words;
    return st;
}
