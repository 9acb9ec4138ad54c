// compiler/gen_expr.c: expressions, variables, loads and stores, and
// conditions compiled to branches (the model is in compiler/gen.h).
#include "compiler/gen.h"
#include "common/mem.h"
#include "lexer/lex.h"
#include "vm/builtins.h"

#include <string.h>

static void narrow(Gen *g, Type *t, int r);

// ---- Loads and stores by type ----

// scalar_kind is the RFIELD kind of a one-word-or-less type, 0 otherwise.
static int scalar_kind(const Type *t) {
    switch (t->kind) {
    case K_INT8: return 1;
    case K_BOOL: case K_UINT8: return 2;
    case K_INT16: return 3;
    case K_UINT16: return 4;
    case K_INT32: return 5;
    case K_UINT32: case K_FLOAT32: return 6;
    default: return t->size == 8 && words_of(t) == 1 && t->kind != K_STRUCT && t->kind != K_ARRAY ? 7 : 0;
    }
}

static const Opcode load_ops[8] = { OP_NOP, OP_LOAD8S, OP_LOAD8U, OP_LOAD16S, OP_LOAD16U,
                                    OP_LOAD32S, OP_LOAD32U, OP_LOAD64 };
static const Opcode store_ops[8] = { OP_NOP, OP_STORE8, OP_STORE8, OP_STORE16, OP_STORE16,
                                     OP_STORE32, OP_STORE32, OP_STORE64 };

// at_offset returns a register holding R[ptr] + offset (LOADN and STOREN
// take no offset of their own).
static int at_offset(Gen *g, int ptr, int offset) {
    if (!offset) return ptr;
    int p = emit_reg(FB(g), 1);
    emit(FB(g), OP_ADDP, p, ptr, offset);
    return p;
}

void gen_load_ptr(Gen *g, int dst, int ptr, int offset, Type *t) {
    FuncBuilder *fb = FB(g);
    int k = scalar_kind(t);
    if (t->size == 0) return;
    if (k) {
        emit(fb, load_ops[k], dst, ptr, offset);
        return;
    }
    emit(fb, OP_LOADN, dst, at_offset(g, ptr, offset), (int)t->size);
}

void gen_store_ptr(Gen *g, int ptr, int offset, Type *t, int src) {
    FuncBuilder *fb = FB(g);
    int k = scalar_kind(t);
    if (t->size == 0) return;
    if (k) {
        emit(fb, store_ops[k], ptr, src, offset);
        return;
    }
    emit(fb, OP_STOREN, at_offset(g, ptr, offset), src, (int)t->size);
}

void gen_store_at(Gen *g, int ptr, int64_t offset, Type *t, int src, int tmp) {
    if (offset < 0x8000) {
        gen_store_ptr(g, ptr, (int)offset, t, src);
        return;
    }
    emit_load_int(FB(g), tmp, offset);
    emit(FB(g), OP_ADDI, tmp, ptr, tmp);
    gen_store_ptr(g, tmp, 0, t, src);
}

void gen_move(Gen *g, int dst, int src, int words) {
    if (dst == src || words == 0) return;
    FuncBuilder *fb = FB(g);
    if (words == 1) emit(fb, OP_MOVE, dst, src, 0);
    else if (words == 2) emit(fb, OP_MOVE2, dst, src, 0);
    else if (words == 3) emit(fb, OP_MOVE3, dst, src, 0);
    else emit(fb, OP_MOVEN, dst, src, words);
}

void gen_load_zero(Gen *g, Type *t, int dst) {
    int w = words_of(t);
    if (w == 1) emit(FB(g), OP_LOADI, dst, 0, 0);
    else if (w > 1) emit(FB(g), OP_ZERO, dst, w, 0);
}

// ---- Variables ----

// var_cell puts the address of a variable that lives in memory (a cell, a
// captured variable, a global) into a register and returns it.
static bool is_global(const Obj *o) { return o->global > 0; }

static int var_cell(Gen *g, Obj *o) {
    FuncBuilder *fb = FB(g);
    if (is_global(o)) {
        int r = emit_reg(fb, 1);
        emit(fb, OP_LOADK, r, emit_const(fb, (Word)o->global), 0);
        return r;
    }
    if (o->gen == g->fn) return o->reg;
    int r = emit_reg(fb, 1);
    emit(fb, OP_GETCAPT, r, gen_capture_index(g, o), 0);
    return r;
}

static bool in_memory(Gen *g, const Obj *o) {
    return is_global(o) || gen_var_in_cell(o) || o->gen != g->fn;
}

void gen_load_var(Gen *g, Obj *o, int dst) {
    if (!o) return;
    if (!in_memory(g, o)) {
        gen_move(g, dst, o->reg, words_of(o->type));
        return;
    }
    int mark = emit_top(FB(g));
    int p = var_cell(g, o);
    gen_load_ptr(g, dst, p, 0, o->type);
    emit_free(FB(g), mark > dst ? mark : mark);
}

void gen_store_var(Gen *g, Obj *o, int src) {
    if (!o) return;
    if (!in_memory(g, o)) {
        gen_move(g, o->reg, src, words_of(o->type));
        return;
    }
    int mark = emit_top(FB(g));
    int p = var_cell(g, o);
    gen_store_ptr(g, p, 0, o->type, src);
    emit_free(FB(g), mark);
}

void gen_capture_cell(Gen *g, Obj *o, int dst) {
    if (o->gen == g->fn) emit(FB(g), OP_MOVE, dst, o->reg, 0);
    else emit(FB(g), OP_GETCAPT, dst, gen_capture_index(g, o), 0);
}

// ---- Constants ----

static Word float_word(double d) {
    Word w;
    memcpy(&w, &d, sizeof d);
    return w;
}

static Word float32_word(float f) {
    Word w = 0;
    memcpy(&w, &f, sizeof f);
    return w;
}

// gen_const loads constant c as a value of type t (a basic type) into dst.
static void gen_const(Gen *g, Type *t, Const *c, int dst) {
    FuncBuilder *fb = FB(g);
    if (type_is_untyped(t)) t = type_default(t);
    switch (t->kind) {
    case K_BOOL:
        emit_load_int(fb, dst, c->b);
        return;
    case K_STRING: {
        char *s = mem_strndup(c->s ? c->s : "", (size_t)c->slen);
        emit(fb, OP_LOADK2, dst, emit_const2(fb, (Word)(uintptr_t)s, (Word)c->slen), 0);
        return;
    }
    case K_FLOAT64:
        emit(fb, OP_LOADK, dst, emit_const(fb, float_word(const_get_float64(c))), 0);
        return;
    case K_FLOAT32:
        emit(fb, OP_LOADK, dst, emit_const(fb, float32_word(const_get_float32(c))), 0);
        return;
    case K_COMPLEX64: {
        Const *cc = const_to_complex(c);
        Const re = *cc, im = *cc;
        re.kind = im.kind = CV_FLOAT;
        memcpy(&im.re, &cc->im, sizeof im.re);
        float fr = const_get_float32(&re), fi = const_get_float32(&im);
        uint32_t lo, hi;
        memcpy(&lo, &fr, 4);
        memcpy(&hi, &fi, 4);
        emit(fb, OP_LOADK, dst, emit_const(fb, (Word)lo | (Word)hi << 32), 0);
        return;
    }
    case K_COMPLEX128: {
        Const *cc = const_to_complex(c);
        Const re = *cc, im = *cc;
        re.kind = im.kind = CV_FLOAT;
        memcpy(&im.re, &cc->im, sizeof im.re);
        emit(fb, OP_LOADK, dst, emit_const(fb, float_word(const_get_float64(&re))), 0);
        emit(fb, OP_LOADK, dst + 1, emit_const(fb, float_word(const_get_float64(&im))), 0);
        return;
    }
    default:
        if (type_is_integer(t)) {
            emit_load_int(fb, dst, type_is_unsigned(t) ? (int64_t)const_get_uint64(c)
                                                        : const_get_int64(c));
            return;
        }
        gen_load_zero(g, t, dst);
    }
}

// ---- Conversions between registers ----

static bool is_iface(const Type *t) { return t && t->kind == K_INTERFACE; }

// gen_normalize puts a value copied from memory into a register (by a
// native: map access, type assertion) in register form: narrow signed
// integers sign-extended.
void gen_normalize(Gen *g, Type *t, int r) {
    if (t && (t->kind == K_INT8 || t->kind == K_INT16 || t->kind == K_INT32)) narrow(g, t, r);
}

void gen_wrap(Gen *g, Type *t, int r) { narrow(g, t, r); }

// narrow re-normalises an integer register after an operation that may have
// left the range of its type.
static void narrow(Gen *g, Type *t, int r) {
    FuncBuilder *fb = FB(g);
    switch (t->kind) {
    case K_INT8: emit(fb, OP_SEXT8, r, r, 0); break;
    case K_INT16: emit(fb, OP_SEXT16, r, r, 0); break;
    case K_INT32: emit(fb, OP_SEXT32, r, r, 0); break;
    case K_UINT8: emit(fb, OP_ZEXT8, r, r, 0); break;
    case K_UINT16: emit(fb, OP_ZEXT16, r, r, 0); break;
    case K_UINT32: emit(fb, OP_ZEXT32, r, r, 0); break;
    default: break;
    }
}

void gen_convert_reg(Gen *g, Type *from, Type *to, int src, int dst) {
    FuncBuilder *fb = FB(g);
    if (!from || !to || from == to) {
        if (to) gen_move(g, dst, src, words_of(to));
        return;
    }
    if (is_iface(to)) {
        if (is_iface(from)) {
            gen_move(g, dst, src, 2);
            return;
        }
        if (from->kind == K_UNTYPED_NIL) {
            emit(fb, OP_ZERO, dst, 2, 0);
            return;
        }
        Type *dyn = type_is_untyped(from) ? type_default(from) : from;
        emit(fb, OP_MKIFACE, dst, src, emit_const_ptr(fb, dyn));
        return;
    }
    if (from->kind == K_UNTYPED_NIL) {
        gen_load_zero(g, to, dst);
        return;
    }
    if (type_is_integer(from) && type_is_integer(to)) {
        gen_move(g, dst, src, 1);
        narrow(g, to, dst);
        return;
    }
    if (type_is_integer(from) && type_is_float(to)) {
        emit(fb, type_is_unsigned(from) ? OP_U2F : OP_I2F, dst, src, 0);
        if (to->kind == K_FLOAT32) emit(fb, OP_F2F32, dst, dst, 0);
        return;
    }
    if (type_is_float(from) && type_is_integer(to)) {
        int s = src;
        if (from->kind == K_FLOAT32) {
            emit(fb, OP_F322F, dst, src, 0);
            s = dst;
        }
        bool small_signed = to->kind == K_INT32 || to->kind == K_INT16 || to->kind == K_INT8;
        emit(fb, small_signed ? OP_F2I32 : type_is_unsigned(to) ? OP_F2U : OP_F2I, dst, s, 0);
        narrow(g, to, dst);
        return;
    }
    if (type_is_complex(from) && type_is_complex(to)) {
        if (from->kind == K_COMPLEX64 && to->kind == K_COMPLEX128) emit(fb, OP_C64TO128, dst, src, 0);
        else if (from->kind == K_COMPLEX128 && to->kind == K_COMPLEX64) emit(fb, OP_C128TO64, dst, src, 0);
        else gen_move(g, dst, src, words_of(to));
        return;
    }
    if (type_is_float(from) && type_is_float(to)) {
        if (from->kind == K_FLOAT32 && to->kind != K_FLOAT32) emit(fb, OP_F322F, dst, src, 0);
        else if (from->kind != K_FLOAT32 && to->kind == K_FLOAT32) emit(fb, OP_F2F32, dst, src, 0);
        else gen_move(g, dst, src, 1);
        return;
    }
    gen_move(g, dst, src, words_of(to));
}

void gen_expr_as(Gen *g, Node *n, Type *t, int dst) {
    if (!t || n->type == t || (!is_iface(t) && n->mode == MODE_CONST)) {
        if (n->mode == MODE_CONST && t && !is_iface(t)) {
            gen_const(g, t, n->val, dst);
            return;
        }
        gen_expr_to(g, n, dst);
        return;
    }
    FuncBuilder *fb = FB(g);
    int mark = emit_top(fb);
    Type *from = n->type;
    if (type_is_untyped(from) && from->kind != K_UNTYPED_NIL) from = type_default(from);
    int r = emit_reg(fb, words_of(from) ? words_of(from) : 1);
    if (n->mode == MODE_CONST) gen_const(g, from, n->val, r);
    else gen_expr_to(g, n, r);
    gen_convert_reg(g, n->type->kind == K_UNTYPED_NIL ? n->type : from, t, r, dst);
    emit_free(fb, mark);
}

int gen_expr_reg(Gen *g, Node *n) {
    while (n->kind == N_PAREN) n = n->x;
    if (n->kind == N_NAME && n->mode == MODE_VAR) {
        Obj *o = n->obj;
        if (o && o->kind == OBJ_VAR && !in_memory(g, o) && o->reg >= 0) return o->reg;
    }
    int r = emit_reg(FB(g), n->type && words_of(n->type) ? words_of(n->type) : 1);
    gen_expr_to(g, n, r);
    return r;
}

// ---- Operators ----

typedef enum OpClass { CL_INT, CL_UINT, CL_FLOAT, CL_FLOAT32, CL_COMPLEX, CL_STRING, CL_OTHER } OpClass;

static OpClass op_class(const Type *t) {
    if (type_is_untyped(t)) t = type_default((Type *)t);
    if (type_is_integer(t)) return type_is_unsigned(t) ? CL_UINT : CL_INT;
    if (t->kind == K_FLOAT32) return CL_FLOAT32;
    if (type_is_float(t)) return CL_FLOAT;
    if (type_is_string(t)) return CL_STRING;
    if (type_is_complex(t)) return CL_COMPLEX;
    return CL_OTHER;
}

TokenKind assign_op_token(TokenKind op) {
    switch (op) {
    case T_ADD_ASSIGN: return T_ADD;
    case T_SUB_ASSIGN: return T_SUB;
    case T_MUL_ASSIGN: return T_MUL;
    case T_QUO_ASSIGN: return T_QUO;
    case T_REM_ASSIGN: return T_REM;
    case T_AND_ASSIGN: return T_AND;
    case T_OR_ASSIGN: return T_OR;
    case T_XOR_ASSIGN: return T_XOR;
    case T_SHL_ASSIGN: return T_SHL;
    case T_SHR_ASSIGN: return T_SHR;
    case T_AND_NOT_ASSIGN: return T_AND_NOT;
    default: return op;
    }
}

// arith emits R[dst] = R[a] op R[b] for an arithmetic operator on type t;
// shift counts (R[b]) have count_type.
static void arith(Gen *g, TokenKind op, Type *t, Type *count_type, int dst, int a, int b) {
    FuncBuilder *fb = FB(g);
    OpClass cl = op_class(t);
    Opcode code = OP_NOP;
    if (cl == CL_STRING) {
        emit(fb, OP_CONCAT, dst, a, b);
        return;
    }
    if (cl == CL_COMPLEX) {
        code = op == T_ADD ? OP_ADDC : op == T_SUB ? OP_SUBC : op == T_MUL ? OP_MULC : OP_DIVC;
        if (t->kind == K_COMPLEX64) {
            int x = emit_reg(fb, 2), y = emit_reg(fb, 2);
            emit(fb, OP_C64TO128, x, a, 0);
            emit(fb, OP_C64TO128, y, b, 0);
            emit(fb, code, x, x, y);
            emit(fb, OP_C128TO64, dst, x, 0);
        } else {
            emit(fb, code, dst, a, b);
        }
        return;
    }
    if (cl == CL_FLOAT || cl == CL_FLOAT32) {
        bool f32 = cl == CL_FLOAT32;
        switch (op) {
        case T_ADD: code = f32 ? OP_ADDF32 : OP_ADDF; break;
        case T_SUB: code = f32 ? OP_SUBF32 : OP_SUBF; break;
        case T_MUL: code = f32 ? OP_MULF32 : OP_MULF; break;
        case T_QUO: code = f32 ? OP_DIVF32 : OP_DIVF; break;
        default: break;
        }
        emit(fb, code, dst, a, b);
        return;
    }
    bool u = cl == CL_UINT;
    switch (op) {
    case T_ADD: code = OP_ADDI; break;
    case T_SUB: code = OP_SUBI; break;
    case T_MUL: code = OP_MULI; break;
    case T_QUO: code = u ? OP_DIVU : OP_DIVI; break;
    case T_REM: code = u ? OP_REMU : OP_REMI; break;
    case T_AND: code = OP_AND; break;
    case T_OR: code = OP_OR; break;
    case T_XOR: code = OP_XOR; break;
    case T_AND_NOT: code = OP_ANDNOT; break;
    case T_SHL: code = OP_SHL; break;
    case T_SHR: code = u ? OP_SHRU : OP_SHRS; break;
    default: break;
    }
    if ((op == T_SHL || op == T_SHR) && count_type && !type_is_unsigned(count_type) &&
        !type_is_untyped(count_type))
        emit(fb, OP_SHIFTCHK, b, 0, 0);
    emit(fb, code, dst, a, b);
    narrow(g, t, dst);
}

// gen_compare_regs emits R[dst] = R[a] op R[b] (a comparison) for values of
// type t.
void gen_compare_regs(Gen *g, TokenKind op, Type *t, int dst, int a, int b) {
    FuncBuilder *fb = FB(g);
    OpClass cl = op_class(t);
    bool swap = op == T_GTR || op == T_GEQ;
    if (swap) {
        int x = a;
        a = b;
        b = x;
        op = op == T_GTR ? T_LSS : T_LEQ;
    }
    Opcode code = OP_NOP;
    if (cl == CL_COMPLEX && t->kind == K_COMPLEX128) {   // equal when both parts are
        int x = emit_reg(fb, 1);
        emit(fb, OP_EQF, dst, a, b);
        emit(fb, OP_EQF, x, a + 1, b + 1);
        emit(fb, OP_AND, dst, dst, x);
        if (op == T_NEQ) emit(fb, OP_NOT, dst, dst, 0);
        return;
    }
    switch (cl) {
    case CL_STRING:
        code = op == T_EQL ? OP_EQS : op == T_NEQ ? OP_NES : op == T_LSS ? OP_LTS : OP_LES;
        break;
    case CL_FLOAT:
        code = op == T_EQL ? OP_EQF : op == T_NEQ ? OP_NEF : op == T_LSS ? OP_LTF : OP_LEF;
        break;
    case CL_FLOAT32:
        code = op == T_EQL ? OP_EQF32 : op == T_NEQ ? OP_NEF32 : op == T_LSS ? OP_LTF32 : OP_LEF32;
        break;
    case CL_UINT:
        code = op == T_EQL ? OP_EQI : op == T_NEQ ? OP_NEI : op == T_LSS ? OP_LTU : OP_LEU;
        break;
    case CL_INT:
        code = op == T_EQL ? OP_EQI : op == T_NEQ ? OP_NEI : op == T_LSS ? OP_LTI : OP_LEI;
        break;
    default:
        if (words_of(t) == 1 && t->kind != K_STRUCT && t->kind != K_ARRAY &&
            t->kind != K_COMPLEX64) {
            code = op == T_EQL ? OP_EQI : OP_NEI;
        } else {
            // Interfaces, structs, arrays, complex: compared by type.
            int w = words_of(t);
            int base = emit_reg(fb, 1 + 2 * w);
            emit(fb, OP_LOADK, base, emit_const_ptr(fb, t), 0);
            gen_move(g, base + 1, a, w);
            gen_move(g, base + 1 + w, b, w);
            emit(fb, OP_CALLN, base, emit_const_ptr(fb, rt_native(RT_VALUE_EQ)), 0);
            if (op == T_NEQ) emit(fb, OP_NOT, dst, base, 0);
            else emit(fb, OP_MOVE, dst, base, 0);
            return;
        }
    }
    emit(fb, code, dst, a, b);
}

// operand returns a register holding n as a value of type t: a local
// variable's own register when it has the type already, else a temporary.
static int operand(Gen *g, Node *n, Type *t) {
    Node *m = n;
    while (m->kind == N_PAREN) m = m->x;
    if (m->kind == N_NAME && m->mode == MODE_VAR && m->type == t) return gen_expr_reg(g, m);
    int r = emit_reg(FB(g), words_of(t) ? words_of(t) : 1);
    gen_expr_as(g, n, t, r);
    return r;
}

static void gen_binary(Gen *g, Node *n, int dst) {
    FuncBuilder *fb = FB(g);
    TokenKind op = n->op;
    if (op == T_LAND || op == T_LOR) {
        int *j = NULL, nj = 0, cj = 0;
        gen_cond_jump(g, n, false, &j, &nj, &cj);
        emit_load_int(fb, dst, 1);
        int end = emit_jump(fb, OP_JMP, 0, 0);
        for (int i = 0; i < nj; i++) emit_patch(fb, j[i]);
        emit_load_int(fb, dst, 0);
        emit_patch(fb, end);
        return;
    }
    int mark = emit_top(fb);
    bool cmp = op == T_EQL || op == T_NEQ || op == T_LSS || op == T_LEQ || op == T_GTR ||
               op == T_GEQ;
    if (cmp) {
        // Operands convert to each other's type (x == nil, iface == value).
        Type *t = n->x->type;
        if (type_is_untyped(t) || (is_iface(n->y->type) && !is_iface(t))) t = n->y->type;
        if (type_is_untyped(t)) t = type_default(t);
        // x == nil for interfaces, slices, maps, funcs: the first word.
        Node *other = n->y->type && n->y->type->kind == K_UNTYPED_NIL ? n->x
                    : n->x->type && n->x->type->kind == K_UNTYPED_NIL ? n->y : NULL;
        if (other && words_of(t) > 1) {
            int a = gen_expr_reg(g, other);
            int z = emit_reg(fb, 1);
            emit_load_int(fb, z, 0);
            emit(fb, op == T_EQL ? OP_EQI : OP_NEI, dst, a, z);
            emit_free(fb, mark);
            return;
        }
        int a = emit_reg(fb, words_of(t)), b = emit_reg(fb, words_of(t));
        gen_expr_as(g, n->x, t, a);
        gen_expr_as(g, n->y, t, b);
        gen_compare_regs(g, op, t, dst, a, b);
        emit_free(fb, mark);
        return;
    }
    Type *t = n->type;
    int a, b;
    if (op == T_SHL || op == T_SHR) {
        a = operand(g, n->x, t);
        b = gen_expr_reg(g, n->y);
        arith(g, op, t, n->y->type, dst, a, b);
    } else {
        OpClass cl = op_class(t);
        // k + x and k * x are x + k and x * k.
        if ((op == T_ADD || op == T_MUL) && (cl == CL_INT || cl == CL_UINT) && n->x->mode == MODE_CONST &&
            n->x->val && n->y->mode != MODE_CONST) {
            Node *sw = n->x;
            n->x = n->y;
            n->y = sw;
        }
        a = operand(g, n->x, t);
        if (op == T_MUL && (cl == CL_INT || cl == CL_UINT) && n->y->mode == MODE_CONST && n->y->val) {
            int64_t k = const_get_int64(n->y->val);
            if (k >= 0 && k <= UINT16_MAX) {
                emit(fb, OP_MULIK, dst, a, (unsigned)k);
                narrow(g, t, dst);
                emit_free(fb, mark);
                return;
            }
        }
        // x + k and x - k with a small constant k: one instruction.
        if ((op == T_ADD || op == T_SUB) && (cl == CL_INT || cl == CL_UINT) &&
            n->y->mode == MODE_CONST && n->y->val) {
            int64_t k = const_get_int64(n->y->val);
            if (k >= INT16_MIN && k <= INT16_MAX) {
                emit(fb, op == T_ADD ? OP_ADDIK : OP_SUBIK, dst, a, (uint16_t)(int16_t)k);
                narrow(g, t, dst);
                emit_free(fb, mark);
                return;
            }
        }
        // x / k and x % k for signed x and a small nonzero constant k
        // (narrow signed operands are sign-extended, so the 64-bit
        // operation gives their result).
        if ((op == T_QUO || op == T_REM) && cl == CL_INT && n->y->mode == MODE_CONST && n->y->val) {
            int64_t k = const_get_int64(n->y->val);
            if (k != 0 && k >= INT16_MIN && k <= INT16_MAX) {
                emit(fb, op == T_QUO ? OP_DIVIK : OP_REMIK, dst, a, (uint16_t)(int16_t)k);
                narrow(g, t, dst);
                emit_free(fb, mark);
                return;
            }
        }
        b = operand(g, n->y, t);
        arith(g, op, t, NULL, dst, a, b);
    }
    emit_free(fb, mark);
}

// gen_op_assign does x op= R[val] (also x++ and x--).
void gen_op_assign(Gen *g, Node *x, TokenKind op, int val, Type *t) {
    FuncBuilder *fb = FB(g);
    int mark = emit_top(fb);
    Node *base = x;
    while (base->kind == N_PAREN) base = base->x;
    if (base->kind == N_NAME && base->obj && !in_memory(g, base->obj)) {
        Obj *o = base->obj;
        arith(g, op, t, op == T_SHL || op == T_SHR ? t : NULL, o->reg, o->reg, val);
        emit_free(fb, mark);
        return;
    }
    if (base->kind == N_INDEX && base->x->type->kind == K_MAP) {
        int cur = emit_reg(fb, words_of(t));
        gen_map_index(g, base, cur, false);
        arith(g, op, t, op == T_SHL || op == T_SHR ? t : NULL, cur, cur, val);
        gen_map_assign(g, base, cur);
        emit_free(fb, mark);
        return;
    }
    int p = gen_addr(g, base);
    int cur = emit_reg(fb, words_of(t));
    gen_load_ptr(g, cur, p, 0, t);
    arith(g, op, t, op == T_SHL || op == T_SHR ? t : NULL, cur, cur, val);
    gen_store_ptr(g, p, 0, t, cur);
    emit_free(fb, mark);
}

// ---- Conditions ----

static void push_jump(int **v, int *n, int *cap, int j) {
    if (*n == *cap) {
        int c = *cap ? *cap * 2 : 8;
        int *nv = mem_alloc_atomic(c * sizeof *nv);
        if (*n) memcpy(nv, *v, *n * sizeof *nv);
        *v = nv;
        *cap = c;
    }
    (*v)[(*n)++] = j;
}

// gen_cond_jump compiles boolean n so that control jumps (the jumps are
// added to *jumps for the caller to patch) when n == jump_if, and falls
// through otherwise.
void gen_cond_jump(Gen *g, Node *n, bool jump_if, int **jumps, int *nj, int *cap) {
    FuncBuilder *fb = FB(g);
    while (n->kind == N_PAREN) n = n->x;
    if (n->mode == MODE_CONST && n->val && n->val->kind == CV_BOOL) {
        if (n->val->b == jump_if) push_jump(jumps, nj, cap, emit_jump(fb, OP_JMP, 0, 0));
        return;
    }
    if (n->kind == N_UNARY && n->op == T_NOT) {
        gen_cond_jump(g, n->x, !jump_if, jumps, nj, cap);
        return;
    }
    if (n->kind == N_BINARY && (n->op == T_LAND || n->op == T_LOR)) {
        bool and = n->op == T_LAND;
        if (and != jump_if) {
            // (a && b) jumping when false / (a || b) jumping when true:
            // both operands jump to the same place.
            gen_cond_jump(g, n->x, jump_if, jumps, nj, cap);
            gen_cond_jump(g, n->y, jump_if, jumps, nj, cap);
        } else {
            // a && b jumping when true: if !a skip; if b jump.
            int *skip = NULL, ns = 0, cs = 0;
            gen_cond_jump(g, n->x, !jump_if, &skip, &ns, &cs);
            gen_cond_jump(g, n->y, jump_if, jumps, nj, cap);
            for (int i = 0; i < ns; i++) emit_patch(fb, skip[i]);
        }
        return;
    }
    int mark = emit_top(fb);
    if (n->kind == N_BINARY && (n->op == T_LSS || n->op == T_LEQ || n->op == T_GTR ||
                                n->op == T_GEQ || n->op == T_EQL || n->op == T_NEQ)) {
        Type *t = n->x->type;
        if (type_is_untyped(t)) t = n->y->type;
        if (type_is_untyped(t)) t = type_default(t);
        if (op_class(t) == CL_INT && !is_iface(n->y->type)) {
            // Fused compare-and-branch on signed integers.
            TokenKind op = n->op;
            if (!jump_if) {   // negate the comparison
                op = op == T_LSS ? T_GEQ : op == T_LEQ ? T_GTR : op == T_GTR ? T_LEQ
                   : op == T_GEQ ? T_LSS : op == T_EQL ? T_NEQ : T_EQL;
            }
            Node *ny = n->y;
            if (ny->mode == MODE_CONST && ny->val) {
                // Against a small constant: x <= k is x < k+1, x > k is x >= k+1.
                int64_t v = const_get_int64(ny->val);
                Opcode code = OP_JLTIK;
                switch (op) {
                case T_LSS: code = OP_JLTIK; break;
                case T_GEQ: code = OP_JGEIK; break;
                case T_LEQ: code = OP_JLTIK; v++; break;
                case T_GTR: code = OP_JGEIK; v++; break;
                case T_EQL: code = OP_JEQIK; break;
                default: code = OP_JNEIK; break;
                }
                if (v >= INT16_MIN && v <= INT16_MAX && const_get_int64(ny->val) < INT64_MAX) {
                    int a = gen_expr_reg(g, n->x);
                    push_jump(jumps, nj, cap, emit(fb, code, a, (uint16_t)(int16_t)v, 0));
                    emit_free(fb, mark);
                    return;
                }
            }
            int a = emit_reg(fb, 1), b = emit_reg(fb, 1);
            int ra = a, rb = b;
            if (n->x->kind == N_NAME && n->x->mode == MODE_VAR) ra = gen_expr_reg(g, n->x);
            else gen_expr_as(g, n->x, t, a);
            if (ny->kind == N_NAME && ny->mode == MODE_VAR) rb = gen_expr_reg(g, ny);
            else gen_expr_as(g, ny, t, b);
            Opcode code;
            switch (op) {
            case T_LSS: code = OP_JLTI; break;
            case T_LEQ: code = OP_JLEI; break;
            case T_GTR: code = OP_JLTI; { int x = ra; ra = rb; rb = x; } break;
            case T_GEQ: code = OP_JLEI; { int x = ra; ra = rb; rb = x; } break;
            case T_EQL: code = OP_JEQI; break;
            default: code = OP_JNEI; break;
            }
            push_jump(jumps, nj, cap, emit_jump(fb, code, ra, rb));
            emit_free(fb, mark);
            return;
        }
    }
    int r = gen_expr_reg(g, n);
    push_jump(jumps, nj, cap, emit_jump(fb, jump_if ? OP_JT : OP_JF, r, 0));
    emit_free(fb, mark);
}

// ---- Addresses ----

// gen_embedded_addr computes the address reached from x by following
// sel's embedding path (a promoted field or method's embedded value).
int gen_embedded_addr(Gen *g, Node *x, Selection *sel) {
    FuncBuilder *fb = FB(g);
    Type *t = x->type;
    int p;
    if (t->kind == K_POINTER) {
        p = emit_reg(fb, 1);
        gen_expr_to(g, x, p);
        t = t->elem;
    } else {
        p = gen_addr(g, x);
    }
    int steps = sel->kind == SEL_FIELD ? sel->npath : sel->npath;
    for (int i = 0; i < steps; i++) {
        Field *f = &t->under->fields[sel->path[i]];
        int q = emit_reg(fb, 1);
        emit(fb, OP_ADDP, q, p, (int)f->offset);
        p = q;
        t = f->type;
        if (i + 1 < steps && t->kind == K_POINTER) {
            int d = emit_reg(fb, 1);
            emit(fb, OP_LOAD64, d, p, 0);
            p = d;
            t = t->elem;
        }
    }
    if (sel->kind != SEL_FIELD && t->kind == K_POINTER && sel->method && sel->method->ptr_recv) {
        int d = emit_reg(fb, 1);   // an embedded *T: the pointer is the receiver
        emit(fb, OP_LOAD64, d, p, 0);
        p = d;
    }
    return p;
}

int gen_addr(Gen *g, Node *n) {
    FuncBuilder *fb = FB(g);
    while (n->kind == N_PAREN) n = n->x;
    switch (n->kind) {
    case N_NAME: {
        Obj *o = n->obj;
        if (o && in_memory(g, o)) return var_cell(g, o);
        gen_error(g, n, "goli: internal error: address of a register variable %s", o ? o->name : "?");
        return emit_reg(fb, 1);
    }
    case N_STAR:
        return gen_expr_reg(g, n->x);
    case N_SELECTOR: {
        Selection *sel = n->obj;
        if (sel && sel->kind == SEL_PKG) return var_cell(g, sel->obj);
        if (!sel || sel->kind != SEL_FIELD) break;
        // Walk the embedding path from x's address (or x's pointer value).
        Node *x = n->x;
        Type *t = x->type;
        int p;
        if (t->kind == K_POINTER) {
            p = emit_reg(fb, 1);
            gen_expr_to(g, x, p);
            t = t->elem;
        } else {
            p = gen_addr(g, x);
        }
        for (int i = 0; i < sel->npath; i++) {
            Field *f = &t->under->fields[sel->path[i]];
            int q = emit_reg(fb, 1);
            emit(fb, OP_ADDP, q, p, (int)f->offset);
            p = q;
            t = f->type;
            if (i + 1 < sel->npath && t->kind == K_POINTER) {
                int d = emit_reg(fb, 1);
                emit(fb, OP_LOAD64, d, p, 0);
                p = d;
                t = t->elem;
            }
        }
        return p;
    }
    case N_INDEX: {
        Type *t = n->x->type;
        if (t->kind == K_POINTER) t = t->elem;
        int base, len;
        if (t->kind == K_SLICE) {
            int s = gen_expr_reg(g, n->x);
            base = s;
            len = s + 1;
        } else if (t->kind == K_ARRAY) {
            base = n->x->type->kind == K_POINTER ? gen_expr_reg(g, n->x) : gen_addr(g, n->x);
            len = emit_reg(fb, 1);
            emit_load_int(fb, len, t->len);
        } else {
            break;
        }
        int i = emit_reg(fb, 1);
        gen_expr_as(g, n->list.v[0], type_int, i);
        emit(fb, OP_CHKIDX, i, len, 0);
        int off = emit_reg(fb, 1);
        emit(fb, OP_MULIK, off, i, (int)t->elem->size);
        int p = emit_reg(fb, 1);
        emit(fb, OP_ADDI, p, base, off);
        return p;
    }
    case N_COMPOSITE: {
        // &T{...}: a new object initialised from the literal.
        int p = emit_reg(fb, 1);
        emit(fb, OP_NEW, p, emit_const_ptr(fb, n->type), 0);
        int v = emit_reg(fb, words_of(n->type));
        gen_expr_to(g, n, v);
        gen_store_ptr(g, p, 0, n->type, v);
        return p;
    }
    default:
        break;
    }
    gen_error(g, n, "goli: cannot take the address of this %s yet", ast_kind_name(n->kind));
    return emit_reg(fb, 1);
}

void gen_assign_to(Gen *g, Node *lhs, int src, Type *t) {
    while (lhs->kind == N_PAREN) lhs = lhs->x;
    if (ast_name_is(lhs, "_")) return;
    if (lhs->kind == N_NAME && lhs->obj) {
        gen_store_var(g, lhs->obj, src);
        return;
    }
    if (lhs->kind == N_INDEX && lhs->x->type && lhs->x->type->kind == K_MAP) {
        gen_map_assign(g, lhs, src);
        return;
    }
    // A field of a struct variable held in registers: write its image.
    if (lhs->kind == N_SELECTOR) {
        Selection *sel = lhs->obj;
        Node *x = lhs->x;
        while (x->kind == N_PAREN) x = x->x;
        if (sel && sel->kind == SEL_FIELD && x->kind == N_NAME && x->obj &&
            gen_var_in_register(g, x->obj) && x->type->kind == K_STRUCT) {
            Type *st = x->type;
            uint32_t off = 0;
            bool direct = true;
            for (int i = 0; i < sel->npath; i++) {
                Field *f = &st->under->fields[sel->path[i]];
                off += f->offset;
                st = f->type;
                if (i + 1 < sel->npath && st->kind != K_STRUCT) direct = false;
            }
            if (direct) {
                Obj *o = x->obj;
                int k = scalar_kind(t);
                if (k) emit(FB(g), OP_RSETFIELD, o->reg, src, (int)(off | (unsigned)k << 12));
                else if (off % 8 == 0) gen_move(g, o->reg + (int)(off / 8), src, words_of(t));
                else direct = false;
                if (direct) return;
            }
        }
    }
    int mark = emit_top(FB(g));
    int p = gen_addr(g, lhs);
    gen_store_ptr(g, p, 0, t, src);
    emit_free(FB(g), mark);
}

// ---- Selectors, indexing ----

static void gen_selector(Gen *g, Node *n, int dst) {
    FuncBuilder *fb = FB(g);
    Selection *sel = n->obj;
    if (!sel) {
        gen_error(g, n, "goli: internal error: unresolved selector");
        return;
    }
    if (sel->kind == SEL_PKG) {
        Obj *o = sel->obj;
        if (o->kind == OBJ_VAR) gen_load_var(g, o, dst);
        else if (o->kind == OBJ_FUNC) gen_func_value(g, o, dst);
        else if (o->kind == OBJ_CONST) gen_const(g, n->type, o->val, dst);
        return;
    }
    if (sel->kind != SEL_FIELD) {
        gen_method_value(g, n, dst);
        return;
    }
    int mark = emit_top(fb);
    // A field of a value in registers: read it from the image.
    Node *x = n->x;
    while (x->kind == N_PAREN) x = x->x;
    bool in_regs = x->mode != MODE_VAR ||
                   (x->kind == N_NAME && x->obj && !in_memory(g, x->obj));
    if (x->type->kind == K_STRUCT && sel->npath == 1 && in_regs) {
        int r = gen_expr_reg(g, x);
        Field *f = &x->type->under->fields[sel->path[0]];
        int k = scalar_kind(f->type);
        if (k) emit(fb, OP_RFIELD, dst, r, (int)(f->offset | (unsigned)k << 12));
        else gen_move(g, dst, r + (int)(f->offset / 8), words_of(f->type));
        emit_free(fb, mark);
        return;
    }
    int p = gen_addr(g, n);
    gen_load_ptr(g, dst, p, 0, n->type);
    emit_free(fb, mark);
}

static void gen_index(Gen *g, Node *n, int dst) {
    FuncBuilder *fb = FB(g);
    Type *t = n->x->type;
    int mark = emit_top(fb);
    if (t->kind == K_MAP) {
        gen_map_index(g, n, dst, false);
        return;
    }
    if (type_is_string(t)) {
        int s = gen_expr_reg(g, n->x);
        int i = emit_reg(fb, 1);
        gen_expr_as(g, n->list.v[0], type_int, i);
        emit(fb, OP_INDEXS, dst, s, i);
        emit_free(fb, mark);
        return;
    }
    int p = gen_addr(g, n);
    gen_load_ptr(g, dst, p, 0, n->type);
    emit_free(fb, mark);
}

// ---- Composite literals ----

static void gen_composite(Gen *g, Node *n, int dst) {
    FuncBuilder *fb = FB(g);
    Type *t = n->type;
    int mark = emit_top(fb);
    switch (t->kind) {
    case K_STRUCT: {
        int w = words_of(t);
        if (w) emit(fb, OP_ZERO, dst, w, 0);
        for (int i = 0; i < n->list.n; i++) {
            Node *e = n->list.v[i];
            int fi = i;
            Node *val = e;
            if (e->kind == N_KEYVALUE) {
                Obj *fo = e->x->obj;
                val = e->y;
                fi = -1;
                for (int k = 0; k < t->nfields; k++)
                    if (fo && strcmp(t->fields[k].name, fo->name) == 0) fi = k;
                if (fi < 0) continue;
            }
            Field *f = &t->fields[fi];
            int k = scalar_kind(f->type);
            if (k) {
                int r = emit_reg(fb, 1);
                gen_expr_as(g, val, f->type, r);
                emit(fb, OP_RSETFIELD, dst, r, (int)(f->offset | (unsigned)k << 12));
            } else {
                gen_expr_as(g, val, f->type, dst + (int)(f->offset / 8));
            }
        }
        break;
    }
    case K_SLICE:
    case K_ARRAY: {
        // Count the elements (keys may leave gaps), allocate, store each.
        int64_t len = 0, idx = 0;
        for (int i = 0; i < n->list.n; i++) {
            Node *e = n->list.v[i];
            if (e->kind == N_KEYVALUE) idx = const_get_int64(e->x->val);
            idx++;
            if (idx > len) len = idx;
        }
        if (t->kind == K_ARRAY) len = t->len;
        Type *elem = t->elem;
        int p = emit_reg(fb, 1);
        emit(fb, OP_NEW, p, emit_const_ptr(fb, type_array(elem, len)), 0);
        idx = 0;
        int v = emit_reg(fb, words_of(elem) ? words_of(elem) : 1);
        int q = emit_reg(fb, 1);
        for (int i = 0; i < n->list.n; i++) {
            Node *e = n->list.v[i];
            Node *val = e;
            if (e->kind == N_KEYVALUE) {
                idx = const_get_int64(e->x->val);
                val = e->y;
            }
            gen_expr_as(g, val, elem, v);
            gen_store_at(g, p, idx * (int64_t)elem->size, elem, v, q);
            idx++;
        }
        if (t->kind == K_SLICE) {
            emit(fb, OP_MOVE, dst, p, 0);
            emit_load_int(fb, dst + 1, len);
            emit_load_int(fb, dst + 2, len);
        } else {
            gen_load_ptr(g, dst, p, 0, t);
        }
        break;
    }
    case K_MAP:
        gen_map_literal(g, n, dst);
        break;
    case K_POINTER: {
        // An elided &T{...} inside a literal of []*T or map[K]*T.
        Node copy = *n;
        copy.type = t->elem;
        int p = emit_reg(fb, 1);
        emit(fb, OP_NEW, p, emit_const_ptr(fb, t->elem), 0);
        int v = emit_reg(fb, words_of(t->elem) ? words_of(t->elem) : 1);
        gen_composite(g, &copy, v);
        gen_store_ptr(g, p, 0, t->elem, v);
        emit(fb, OP_MOVE, dst, p, 0);
        break;
    }
    default:
        gen_error(g, n, "goli: composite literals of type %s are not supported yet", t->str);
    }
    emit_free(fb, mark);
}

// ---- Expressions ----

void gen_expr_to(Gen *g, Node *n, int dst) {
    FuncBuilder *fb = FB(g);
    if (n->mode == MODE_CONST && n->val) {
        if (is_iface(n->type)) gen_expr_as(g, n, n->type, dst);
        else gen_const(g, n->type, n->val, dst);
        return;
    }
    int line = fb->line;
    fb->line = n->line;
    switch (n->kind) {
    case N_PAREN: gen_expr_to(g, n->x, dst); break;
    case N_NAME: {
        Obj *o = n->obj;
        if (!o) break;
        if (o->kind == OBJ_VAR) gen_load_var(g, o, dst);
        else if (o->kind == OBJ_NIL) gen_load_zero(g, n->type, dst);
        else if (o->kind == OBJ_FUNC) gen_func_value(g, o, dst);
        else if (o->kind == OBJ_CONST) gen_const(g, n->type, o->val, dst);
        break;
    }
    case N_BINARY: gen_binary(g, n, dst); break;
    case N_UNARY: {
        if (n->op == T_AND) {
            int p = gen_addr(g, n->x);
            gen_move(g, dst, p, 1);
            break;
        }
        if (n->op == T_ARROW) {
            gen_recv(g, n, dst, false);
            break;
        }
        int mark = emit_top(fb);
        Type *t = n->type;
        int r = emit_reg(fb, words_of(t));
        gen_expr_as(g, n->x, t, r);
        OpClass cl = op_class(t);
        switch (n->op) {
        case T_SUB:
            if (cl == CL_COMPLEX) {   // -x negates both parts (-0 included)
                int c = r;
                if (t->kind == K_COMPLEX64) {
                    c = emit_reg(fb, 2);
                    emit(fb, OP_C64TO128, c, r, 0);
                }
                emit(fb, OP_NEGF, c, c, 0);
                emit(fb, OP_NEGF, c + 1, c + 1, 0);
                if (t->kind == K_COMPLEX64) emit(fb, OP_C128TO64, dst, c, 0);
                else gen_move(g, dst, c, 2);
                break;
            }
            emit(fb, cl == CL_FLOAT ? OP_NEGF : cl == CL_FLOAT32 ? OP_NEGF32 : OP_NEGI, dst, r, 0);
            if (cl == CL_INT || cl == CL_UINT) narrow(g, t, dst);
            break;
        case T_XOR: emit(fb, OP_COMPL, dst, r, 0); narrow(g, t, dst); break;
        case T_NOT: emit(fb, OP_NOT, dst, r, 0); break;
        default: gen_move(g, dst, r, words_of(t)); break;
        }
        emit_free(fb, mark);
        break;
    }
    case N_STAR: {
        int mark = emit_top(fb);
        int p = gen_expr_reg(g, n->x);
        gen_load_ptr(g, dst, p, 0, n->type);
        emit_free(fb, mark);
        break;
    }
    case N_CALL:
        if (n->conv) gen_conversion(g, n, dst);
        else if (n->builtin) gen_builtin(g, n, dst);
        else gen_call(g, n, dst);
        break;
    case N_SELECTOR: gen_selector(g, n, dst); break;
    case N_INDEX: gen_index(g, n, dst); break;
    case N_SLICE: gen_slice_expr(g, n, dst); break;
    case N_COMPOSITE: gen_composite(g, n, dst); break;
    case N_FUNCLIT: gen_funclit(g, n, dst); break;
    case N_TYPEASSERT: gen_type_assert(g, n, dst, false); break;
    default:
        gen_error(g, n, "goli: %s expressions are not supported yet", ast_kind_name(n->kind));
    }
    fb->line = line;
}
