// vm/chanops.h: channel natives of the runtime table (vm/builtins.h).
#ifndef GOLI_CHANOPS_H
#define GOLI_CHANOPS_H

#include "vm/func.h"

int rt_makechan(G *g, Word *a);
int rt_chansend(G *g, Word *a);
int rt_chanrecv(G *g, Word *a);
int rt_chanclose(G *g, Word *a);
int rt_chanlen(G *g, Word *a);
int rt_chancap(G *g, Word *a);
int rt_select(G *g, Word *a);

#endif
