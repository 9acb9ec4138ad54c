// compiler/emit.c: the Func builder (see emit.h).
#include "compiler/emit.h"
#include "common/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

FuncBuilder *emit_begin(const char *name, const char *file, int line) {
    FuncBuilder *fb = mem_new(FuncBuilder);
    fb->fn = mem_new(Func);
    fb->fn->name = name;
    fb->fn->file = file;
    fb->fn->line = line;
    fb->fn->defer_pc = -1;
    fb->line = line;
    return fb;
}

FuncBuilder *emit_begin_func(Func *fn) {
    FuncBuilder *fb = mem_new(FuncBuilder);
    fb->fn = fn;
    fb->line = fn->line;
    fn->defer_pc = -1;
    return fb;
}

Func *emit_end(FuncBuilder *fb) {
    Func *fn = fb->fn;
    fn->code = fb->code;
    fn->lines = fb->lines;
    fn->ncode = fb->ncode;
    fn->k = fb->k;
    fn->nk = fb->nk;
    uint32_t need = (uint32_t)fb->max;
    if (need < fn->nparam) need = fn->nparam;
    if (need < fn->nresult) need = fn->nresult;
    fn->nframe = need;
    return fn;
}

int emit(FuncBuilder *fb, Opcode op, int a, int b, int c) {
    if (op == OP_RET && b == 1) op = OP_RET1;   // the common case has its own
    if (fb->ncode == fb->cap) {
        int cap = fb->cap ? fb->cap * 2 : 64;
        Instr *code = mem_alloc_atomic(cap * sizeof *code);
        int32_t *lines = mem_alloc_atomic(cap * sizeof *lines);
        if (fb->ncode) {
            memcpy(code, fb->code, fb->ncode * sizeof *code);
            memcpy(lines, fb->lines, fb->ncode * sizeof *lines);
        }
        fb->code = code;
        fb->lines = lines;
        fb->cap = cap;
    }
    fb->code[fb->ncode] = instr(op, (unsigned)a, (unsigned)b, (unsigned)c);
    fb->lines[fb->ncode] = fb->line;
    return fb->ncode++;
}

int emit_sbc(FuncBuilder *fb, Opcode op, int a, int32_t sbc) {
    uint32_t u = (uint32_t)sbc;
    return emit(fb, op, a, (int)(u & 0xFFFF), (int)(u >> 16));
}

// short_jump reports whether a jump keeps its offset in C alone.
static int short_jump(Opcode op) {
    return op == OP_JLTI || op == OP_JLEI || op == OP_JEQI || op == OP_JNEI ||
           op == OP_JLTIK || op == OP_JGEIK || op == OP_JEQIK || op == OP_JNEIK;
}

int emit_jump(FuncBuilder *fb, Opcode op, int a, int b) {
    return short_jump(op) ? emit(fb, op, a, b, 0) : emit_sbc(fb, op, a, 0);
}

void emit_patch_to(FuncBuilder *fb, int jump, int target) {
    Instr *i = &fb->code[jump];
    int32_t off = target - (jump + 1);
    if (short_jump((Opcode)i->op)) {
        if (off < INT16_MIN || off > INT16_MAX) {
            fprintf(stderr, "goli: function %s too large for a short branch\n", fb->fn->name);
            exit(2);
        }
        i->c = (uint16_t)(int16_t)off;
    } else {
        uint32_t u = (uint32_t)off;
        i->b = (uint16_t)(u & 0xFFFF);
        i->c = (uint16_t)(u >> 16);
    }
}

void emit_patch(FuncBuilder *fb, int jump) { emit_patch_to(fb, jump, fb->ncode); }

void emit_jump_back(FuncBuilder *fb, Opcode op, int a, int b, int target) {
    int j = emit_jump(fb, op, a, b);
    emit_patch_to(fb, j, target);
}

static void reserve_k(FuncBuilder *fb, int n) {
    if (fb->nk + n <= fb->kcap) return;
    int cap = fb->kcap ? fb->kcap * 2 : 16;
    while (cap < fb->nk + n) cap *= 2;
    Word *k = mem_alloc(cap * sizeof *k);
    if (fb->nk) memcpy(k, fb->k, fb->nk * sizeof *k);
    fb->k = k;
    fb->kcap = cap;
}

int emit_const(FuncBuilder *fb, Word w) {
    for (int i = 0; i < fb->nk; i++)
        if (fb->k[i] == w) return i;
    reserve_k(fb, 1);
    fb->k[fb->nk] = w;
    return fb->nk++;
}

int emit_const2(FuncBuilder *fb, Word w0, Word w1) {
    for (int i = 0; i + 1 < fb->nk; i++)
        if (fb->k[i] == w0 && fb->k[i + 1] == w1) return i;
    reserve_k(fb, 2);
    fb->k[fb->nk] = w0;
    fb->k[fb->nk + 1] = w1;
    fb->nk += 2;
    return fb->nk - 2;
}

int emit_const_ptr(FuncBuilder *fb, const void *p) { return emit_const(fb, (Word)(uintptr_t)p); }

int emit_reg(FuncBuilder *fb, int words) {
    int r = fb->top;
    fb->top += words;
    if (fb->top > fb->max) fb->max = fb->top;
    if (fb->top > 0xFFF0) {
        fprintf(stderr, "goli: function %s needs too many registers\n", fb->fn->name);
        exit(2);
    }
    return r;
}

void emit_free(FuncBuilder *fb, int mark) {
    if (mark < fb->top) fb->top = mark;
}

void emit_load_int(FuncBuilder *fb, int a, int64_t v) {
    if (v >= INT32_MIN && v <= INT32_MAX) emit_sbc(fb, OP_LOADI, a, (int32_t)v);
    else emit(fb, OP_LOADK, a, emit_const(fb, (Word)v), 0);
}
