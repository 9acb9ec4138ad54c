// vm/dis.h: printing bytecode (`goli dis`, the REPL's :dis).
#ifndef GOLI_DIS_H
#define GOLI_DIS_H

#include <stdio.h>

#include "vm/func.h"

void vm_dis(FILE *out, const Func *fn);

#endif
