// vm/opcodes.h: the one list of goli's instructions. The enum, the name
// table, the dispatch table, the disassembler and the verifier all expand
// OPCODES; the loop that runs them is vm/vm.c.
//
// An instruction is 8 bytes: a 16-bit opcode and three 16-bit operands A, B,
// C (vm/func.h, Instr). R[i] is word i of the current frame; K[i] is word i
// of the function's constant pool. sBC is B and C read together as one
// signed 32-bit number (B low), used for jump offsets and wide immediates;
// sC is C as a signed 16-bit number. Jump offsets count instructions from
// the instruction after the jump.
//
// Instructions are typed: the compiler knows every operand's type, so the
// VM never inspects a tag. Integers of every width live in registers as
// 64-bit words, sign- or zero-extended; the compiler narrows with SEXT/ZEXT
// after an operation that can leave the range of a narrower type. float32
// lives in the low 32 bits of its word as a C float.
//
// Column 2 is the operand format (for the disassembler); column 3 the
// effect. "may panic" marks instructions that can raise a Go runtime panic;
// "calls" those that run other code.
//
// RFIELD and RSETFIELD read and write a field inside a struct or array
// value held in registers (its memory image): C's low 12 bits are the byte
// offset, its high 4 bits the field's kind: 1..7 = int8, uint8, int16,
// uint16, int32, uint32, 64-bit word (loads extend as the kind says).
//
// Defer: a function containing `defer` ends in an epilogue that starts with
// RUNDEFER (its index is Func.defer_pc): RUNDEFER calls the next deferred
// call of this activation and comes back to itself, until none is left;
// then it falls through to the code that returns the results. A panic jumps
// to the epilogue of each activation that has deferred calls, innermost
// first; a RECOVER in a deferred call run that way stops the panic, and the
// epilogue then returns normally.
#ifndef GOLI_OPCODES_H
#define GOLI_OPCODES_H

#define OPCODES(OP)                                                                     \
    OP(NOP,        NONE, "nothing")                                                     \
    /* ---- moves and constants ---- */                                                 \
    OP(MOVE,       AB,   "R[A] = R[B]")                                                 \
    OP(MOVE2,      AB,   "R[A..A+1] = R[B..B+1] (string, interface)")                   \
    OP(MOVE3,      AB,   "R[A..A+2] = R[B..B+2] (slice)")                               \
    OP(MOVEN,      ABC,  "R[A..A+C) = R[B..B+C)")                                       \
    OP(LOADK,      AB,   "R[A] = K[B]")                                                 \
    OP(LOADK2,     AB,   "R[A..A+1] = K[B..B+1] (string constant)")                     \
    OP(LOADI,      AsBC, "R[A] = sBC (small integer)")                                  \
    OP(ZERO,       AB,   "R[A..A+B) = 0")                                               \
    /* ---- integer arithmetic (64-bit, wrapping) ---- */                               \
    OP(ADDI,       ABC,  "R[A] = R[B] + R[C]")                                          \
    OP(SUBI,       ABC,  "R[A] = R[B] - R[C]")                                          \
    OP(MULI,       ABC,  "R[A] = R[B] * R[C]")                                          \
    OP(DIVI,       ABC,  "R[A] = R[B] / R[C] (signed; may panic: divide by zero)")      \
    OP(REMI,       ABC,  "R[A] = R[B] % R[C] (signed; may panic)")                      \
    OP(DIVU,       ABC,  "R[A] = R[B] / R[C] (unsigned; may panic)")                    \
    OP(REMU,       ABC,  "R[A] = R[B] % R[C] (unsigned; may panic)")                    \
    OP(ADDIK,      ABC,  "R[A] = R[B] + sC")                                            \
    OP(MULIK,      ABC,  "R[A] = R[B] * C (C unsigned: element sizes)")                 \
    OP(DIVIK,      ABC,  "R[A] = R[B] / sC (signed; sC is not 0)")                      \
    OP(REMIK,      ABC,  "R[A] = R[B] % sC (signed; sC is not 0)")                      \
    OP(SUBIK,      ABC,  "R[A] = R[B] - sC")                                            \
    OP(NEGI,       AB,   "R[A] = -R[B]")                                                \
    OP(AND,        ABC,  "R[A] = R[B] & R[C]")                                          \
    OP(OR,         ABC,  "R[A] = R[B] | R[C]")                                          \
    OP(XOR,        ABC,  "R[A] = R[B] ^ R[C]")                                          \
    OP(ANDNOT,     ABC,  "R[A] = R[B] &^ R[C]")                                         \
    OP(COMPL,      AB,   "R[A] = ^R[B]")                                                \
    OP(SHL,        ABC,  "R[A] = R[B] << R[C] (count unsigned; >= 64 gives 0)")         \
    OP(SHRS,       ABC,  "R[A] = R[B] >> R[C] (arithmetic; >= 64 gives sign)")          \
    OP(SHRU,       ABC,  "R[A] = R[B] >> R[C] (logical; >= 64 gives 0)")                \
    OP(SHIFTCHK,   A,    "panic if R[A] < 0 as a signed count (may panic)")             \
    OP(SEXT8,      AB,   "R[A] = int8(R[B]) sign-extended")                             \
    OP(SEXT16,     AB,   "R[A] = int16(R[B]) sign-extended")                            \
    OP(SEXT32,     AB,   "R[A] = int32(R[B]) sign-extended")                            \
    OP(ZEXT8,      AB,   "R[A] = uint8(R[B])")                                          \
    OP(ZEXT16,     AB,   "R[A] = uint16(R[B])")                                         \
    OP(ZEXT32,     AB,   "R[A] = uint32(R[B])")                                         \
    /* ---- integer comparisons: R[A] = bool ---- */                                    \
    OP(EQI,        ABC,  "R[A] = R[B] == R[C] (also pointers, bools, chans)")           \
    OP(NEI,        ABC,  "R[A] = R[B] != R[C]")                                         \
    OP(LTI,        ABC,  "R[A] = R[B] < R[C] (signed)")                                 \
    OP(LEI,        ABC,  "R[A] = R[B] <= R[C] (signed)")                                \
    OP(LTU,        ABC,  "R[A] = R[B] < R[C] (unsigned)")                               \
    OP(LEU,        ABC,  "R[A] = R[B] <= R[C] (unsigned)")                              \
    OP(NOT,        AB,   "R[A] = !R[B] (bool)")                                         \
    /* ---- floating point ---- */                                                      \
    OP(ADDF,       ABC,  "R[A] = R[B] + R[C] (float64)")                                \
    OP(SUBF,       ABC,  "R[A] = R[B] - R[C] (float64)")                                \
    OP(MULF,       ABC,  "R[A] = R[B] * R[C] (float64)")                                \
    OP(DIVF,       ABC,  "R[A] = R[B] / R[C] (float64)")                                \
    OP(NEGF,       AB,   "R[A] = -R[B] (float64)")                                      \
    OP(EQF,        ABC,  "R[A] = R[B] == R[C] (float64)")                               \
    OP(NEF,        ABC,  "R[A] = R[B] != R[C] (float64)")                               \
    OP(LTF,        ABC,  "R[A] = R[B] < R[C] (float64)")                                \
    OP(LEF,        ABC,  "R[A] = R[B] <= R[C] (float64)")                               \
    OP(ADDF32,     ABC,  "R[A] = R[B] + R[C] (float32)")                                \
    OP(SUBF32,     ABC,  "R[A] = R[B] - R[C] (float32)")                                \
    OP(MULF32,     ABC,  "R[A] = R[B] * R[C] (float32)")                                \
    OP(DIVF32,     ABC,  "R[A] = R[B] / R[C] (float32)")                                \
    OP(NEGF32,     AB,   "R[A] = -R[B] (float32)")                                      \
    OP(EQF32,      ABC,  "R[A] = R[B] == R[C] (float32)")                               \
    OP(NEF32,      ABC,  "R[A] = R[B] != R[C] (float32)")                               \
    OP(LTF32,      ABC,  "R[A] = R[B] < R[C] (float32)")                                \
    OP(LEF32,      ABC,  "R[A] = R[B] <= R[C] (float32)")                               \
    /* ---- complex128 (two words: re, im) ---- */                                      \
    OP(ADDC,       ABC,  "R[A..A+1] = R[B..B+1] + R[C..C+1] (complex128)")              \
    OP(SUBC,       ABC,  "R[A..A+1] = R[B..B+1] - R[C..C+1] (complex128)")              \
    OP(MULC,       ABC,  "R[A..A+1] = R[B..B+1] * R[C..C+1] (complex128)")              \
    OP(DIVC,       ABC,  "R[A..A+1] = R[B..B+1] / R[C..C+1] (complex128)")              \
    OP(C64TO128,   AB,   "R[A..A+1] = complex128(complex64 R[B])")                      \
    OP(C128TO64,   AB,   "R[A] = complex64(R[B..B+1])")                                 \
    /* ---- conversions ---- */                                                         \
    OP(I2F,        AB,   "R[A] = float64(int64 R[B])")                                  \
    OP(U2F,        AB,   "R[A] = float64(uint64 R[B])")                                 \
    OP(F2I,        AB,   "R[A] = int64(float64 R[B])")                                  \
    OP(F2U,        AB,   "R[A] = uint64(float64 R[B])")                                 \
    OP(F2I32,      AB,   "R[A] = int32(float64 R[B]), as amd64 truncates to 32 bits")   \
    OP(F2F32,      AB,   "R[A] = float32(float64 R[B])")                                \
    OP(F322F,      AB,   "R[A] = float64(float32 R[B])")                                \
    /* ---- jumps ---- */                                                               \
    OP(JMP,        sBC,  "pc += sBC")                                                   \
    OP(JT,         AsBC, "if R[A] { pc += sBC }")                                       \
    OP(JF,         AsBC, "if !R[A] { pc += sBC }")                                      \
    OP(JLTI,       ABC,  "if R[A] < R[B] (signed) { pc += sC }")                        \
    OP(JLEI,       ABC,  "if R[A] <= R[B] (signed) { pc += sC }")                       \
    OP(JEQI,       ABC,  "if R[A] == R[B] { pc += sC }")                                \
    OP(JNEI,       ABC,  "if R[A] != R[B] { pc += sC }")                                \
    OP(JLTIK,      ABC,  "if R[A] < sB (signed) { pc += sC }")                          \
    OP(JGEIK,      ABC,  "if R[A] >= sB (signed) { pc += sC }")                         \
    OP(JEQIK,      ABC,  "if R[A] == sB { pc += sC }")                                  \
    OP(JNEIK,      ABC,  "if R[A] != sB { pc += sC }")                                  \
    /* ---- strings ---- */                                                             \
    OP(CONCAT,     ABC,  "R[A..A+1] = R[B..B+1] + R[C..C+1] (allocates)")               \
    OP(EQS,        ABC,  "R[A] = R[B..B+1] == R[C..C+1]")                               \
    OP(NES,        ABC,  "R[A] = R[B..B+1] != R[C..C+1]")                               \
    OP(LTS,        ABC,  "R[A] = R[B..B+1] < R[C..C+1]")                                \
    OP(LES,        ABC,  "R[A] = R[B..B+1] <= R[C..C+1]")                               \
    OP(INDEXS,     ABC,  "R[A] = R[B..B+1][R[C]] (a byte; may panic)")                  \
    /* ---- memory (pointers are byte addresses; nil panics) ---- */                    \
    OP(LOAD8S,     ABC,  "R[A] = *(int8 *)(R[B] + C); may panic")                       \
    OP(LOAD8U,     ABC,  "R[A] = *(uint8 *)(R[B] + C); may panic")                      \
    OP(LOAD16S,    ABC,  "R[A] = *(int16 *)(R[B] + C); may panic")                      \
    OP(LOAD16U,    ABC,  "R[A] = *(uint16 *)(R[B] + C); may panic")                     \
    OP(LOAD32S,    ABC,  "R[A] = *(int32 *)(R[B] + C); may panic")                      \
    OP(LOAD32U,    ABC,  "R[A] = *(uint32 *)(R[B] + C) (also float32); may panic")      \
    OP(LOAD64,     ABC,  "R[A] = *(uint64 *)(R[B] + C); may panic")                     \
    OP(LOADN,      ABC,  "copy C bytes at R[B] to R[A..] (zero-padded); may panic")    \
    OP(STORE8,     ABC,  "*(uint8 *)(R[A] + C) = R[B]; may panic")                      \
    OP(STORE16,    ABC,  "*(uint16 *)(R[A] + C) = R[B]; may panic")                     \
    OP(STORE32,    ABC,  "*(uint32 *)(R[A] + C) = R[B]; may panic")                     \
    OP(STORE64,    ABC,  "*(uint64 *)(R[A] + C) = R[B]; may panic")                     \
    OP(STOREN,     ABC,  "copy C bytes from R[B..] to R[A]; may panic")                \
    OP(ADDP,       ABC,  "R[A] = R[B] + C (field address); may panic if R[B] is nil")  \
    OP(NEW,        AB,   "R[A] = a new zeroed object of type K[B]")                    \
    OP(CHKIDX,     AB,   "panic unless R[A] < R[B] (unsigned): index out of range; may panic") \
    OP(RFIELD,     ABC,  "R[A] = field of the register image at R[B]: C = offset | kind << 12") \
    OP(RSETFIELD,  ABC,  "set the field of the image at R[A] from R[B]: C as for RFIELD") \
    OP(MKIFACE,    ABC,  "R[A..A+1] = interface of type K[C] holding the value at R[B..]") \
    OP(GETCAPT,    AB,   "R[A] = the running closure's capture B (a cell pointer)")    \
    OP(CLOSURE,    ABC,  "R[A] = closure of K[B] capturing R[A+1..A+1+C)")           \
    /* ---- calls ---- */                                                               \
    OP(CALL,       ABC,  "call K[B] (a Func*) with its frame at R[A]; calls")          \
    OP(CALLC,      AB,   "call the closure R[B] with its frame at R[A]; calls")        \
    OP(CALLN,      ABC,  "call the native K[B] on R[A..]; calls, may panic, may park") \
    OP(CALLI,      ABC,  "call method K[C] (a name) of the interface R[B..B+1], frame at R[A]: the receiver goes to R[A], the arguments are at R[A+1..]; calls, may panic") \
    OP(RET,        AB,   "return R[A..A+B) as the results (copied to R[0..B))")        \
    OP(RET0,       NONE, "return with no results")                                      \
    OP(RET1,       A,    "return R[A] as the one result word (to R[0])")                \
    /* ---- defer, panic, recover ---- */                                              \
    OP(DEFER,      ABC,  "defer a call of closure R[B] with C argument words R[A..]")  \
    OP(GO,         ABC,  "start a goroutine calling closure R[B] with C argument words R[A..]") \
    OP(RUNDEFER,   A,    "run this frame's next deferred call with its frame at R[A]; calls") \
    OP(PANIC,      A,    "panic with the interface R[A..A+1]; may panic")               \
    OP(RECOVER,    A,    "R[A..A+1] = recover()")                                       \
    OP(COUNT_, NONE, "(not an instruction: the number of opcodes)")

typedef enum Opcode {
#define OP_ENUM(name, fmt, doc) OP_##name,
    OPCODES(OP_ENUM)
#undef OP_ENUM
} Opcode;

#define OP_COUNT OP_COUNT_

// Operand formats, for the disassembler.
typedef enum OpFormat { FMT_NONE, FMT_A, FMT_AB, FMT_ABC, FMT_AsBC, FMT_sBC } OpFormat;

extern const char *const op_names[];
extern const unsigned char op_formats[];

#endif
