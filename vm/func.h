// vm/func.h: compiled functions and the instruction word. A Func is what
// the code generator makes of one Go function (or closure body, or method);
// the VM runs it against a frame of word registers in a goroutine's stack.
#ifndef GOLI_FUNC_H
#define GOLI_FUNC_H

#include <stdint.h>

#include "vm/opcodes.h"

typedef uint64_t Word;

typedef struct Instr {
    uint16_t op;        // Opcode
    uint16_t a, b, c;
} Instr;

typedef struct G G;
typedef struct Func Func;

// Natives are C functions called by CALLN. args points at the callee's frame
// (parameters first); results are written there too. They return VM_OK, or
// VM_PANIC with g->panic set.
typedef int (*NativeFn)(G *g, Word *args);

struct Func {
    const char *name;       // as a traceback prints it: "main.fib", "main.(*T).M"
    const char *file;       // source file
    int line;               // line of the declaration
    const Instr *code;
    int ncode;
    const int32_t *lines;   // source line of each instruction
    Word *k;                // constant pool (GC memory: may hold pointers)
    int nk;
    uint32_t nparam;        // words of parameters, at R[0..nparam)
    uint32_t nresult;       // words of results, returned at R[0..nresult)
    uint32_t nframe;        // words of registers, >= max(nparam, nresult)
    int32_t defer_pc;       // index of the RUNDEFER epilogue, or -1
    NativeFn native;        // set for a C function
};

// Closure is a func value: the function and its captured variables (each a
// pointer to a heap cell). A top-level function's value is a closure with
// no captures.
typedef struct Closure {
    Func *fn;
    uint32_t ncapt;
    Word capt[];
} Closure;

// Status of a run of bytecode or of a native.
enum { VM_OK, VM_PANIC, VM_PARK, VM_YIELD, VM_EXIT };

static inline Instr instr(Opcode op, unsigned a, unsigned b, unsigned c) {
    Instr i = { (uint16_t)op, (uint16_t)a, (uint16_t)b, (uint16_t)c };
    return i;
}

// instr_sbc packs a 32-bit signed operand into B (low half) and C.
static inline Instr instr_sbc(Opcode op, unsigned a, int32_t sbc) {
    uint32_t u = (uint32_t)sbc;
    return instr(op, a, u & 0xFFFF, u >> 16);
}

#endif
