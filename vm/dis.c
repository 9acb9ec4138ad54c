// vm/dis.c: the disassembler behind `goli dis`: one line per instruction
// with its index, source line, opcode and operands in the form the opcode
// list gives (vm/opcodes.h).
#include "vm/dis.h"

#include <inttypes.h>

void vm_dis(FILE *out, const Func *fn) {
    fprintf(out, "func %s (%s:%d) params=%u results=%u frame=%u consts=%d\n", fn->name,
            fn->file ? fn->file : "?", fn->line, fn->nparam, fn->nresult, fn->nframe, fn->nk);
    int last_line = -1;
    for (int i = 0; i < fn->ncode; i++) {
        Instr in = fn->code[i];
        int line = fn->lines ? fn->lines[i] : 0;
        if (line != last_line) fprintf(out, "  %5d", line);
        else fprintf(out, "       ");
        last_line = line;
        fprintf(out, " %4d  %-10s", i, in.op < OP_COUNT ? op_names[in.op] : "?");
        int32_t sbc = (int32_t)((uint32_t)in.b | ((uint32_t)in.c << 16));
        switch (in.op < OP_COUNT ? op_formats[in.op] : FMT_NONE) {
        case FMT_A: fprintf(out, " %u", in.a); break;
        case FMT_AB: fprintf(out, " %u %u", in.a, in.b); break;
        case FMT_ABC: fprintf(out, " %u %u %u", in.a, in.b, in.c); break;
        case FMT_AsBC: fprintf(out, " %u %" PRId32, in.a, sbc); break;
        case FMT_sBC: fprintf(out, " %" PRId32, sbc); break;
        default: break;
        }
        fputc('\n', out);
    }
}
