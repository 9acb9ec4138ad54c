// compiler/emit.h: building one Func: instructions with their source
// lines, forward jumps patched through labels, the constant pool and the
// register file. The code generator (compiler/gen*.c) drives it.
//
// Registers are word slots allocated like a stack: emit_reg(fb, n) takes n
// words at the current top; emit_free(fb, mark) releases everything above a
// mark taken with emit_top. Variables live below the temporaries of the
// statement being compiled, so a statement frees its temporaries when done.
// The highest top ever reached becomes Func.nframe.
#ifndef GOLI_EMIT_H
#define GOLI_EMIT_H

#include <stdint.h>

#include "vm/func.h"

typedef struct FuncBuilder {
    Func *fn;
    Instr *code;
    int32_t *lines;
    int ncode, cap;
    Word *k;
    int nk, kcap;
    int top;            // first free register word
    int max;            // the most words in use at once
    int line;           // source line of instructions emitted now
} FuncBuilder;

FuncBuilder *emit_begin(const char *name, const char *file, int line);
// emit_begin_func fills in a Func made earlier (so calls could refer to it).
FuncBuilder *emit_begin_func(Func *fn);
// emit_end finishes the Func: code, lines, constants and frame size.
Func *emit_end(FuncBuilder *fb);

// emit appends an instruction and returns its index. A RET of one word
// becomes RET1, which the VM runs without looking at the count.
int emit(FuncBuilder *fb, Opcode op, int a, int b, int c);
int emit_sbc(FuncBuilder *fb, Opcode op, int a, int32_t sbc);

// Jumps: emit_jump emits a jump with its target left open and returns its
// index; emit_patch points it at the next instruction to be emitted (or at
// target with emit_patch_to). Works for JMP/JT/JF (32-bit offsets) and the
// compare-and-branch forms (16-bit offsets in C).
int emit_jump(FuncBuilder *fb, Opcode op, int a, int b);
void emit_patch(FuncBuilder *fb, int jump);
void emit_patch_to(FuncBuilder *fb, int jump, int target);
// emit_jump_back emits a jump to an earlier instruction.
void emit_jump_back(FuncBuilder *fb, Opcode op, int a, int b, int target);
static inline int emit_here(const FuncBuilder *fb) { return fb->ncode; }

// Constants: one word, or two (a string). Returns the pool index.
int emit_const(FuncBuilder *fb, Word w);
int emit_const2(FuncBuilder *fb, Word w0, Word w1);
// emit_const_ptr interns a pointer constant (a Func*, Type*), once per pool.
int emit_const_ptr(FuncBuilder *fb, const void *p);

// Registers.
int emit_reg(FuncBuilder *fb, int words);
static inline int emit_top(const FuncBuilder *fb) { return fb->top; }
void emit_free(FuncBuilder *fb, int mark);

// emit_load_int puts a 64-bit integer into R[a] (LOADI when it fits).
void emit_load_int(FuncBuilder *fb, int a, int64_t v);

#endif
