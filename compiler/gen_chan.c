// compiler/gen_chan.c: code for goroutines and channels: the go
// statement, send and receive, select, and range over a channel. Each
// operation is a call of a runtime native (vm/chanops.c) that may park the
// goroutine; values and results travel in the native's frame.
#include "compiler/gen.h"
#include "common/mem.h"
#include "vm/builtins.h"

#include <string.h>

static void native_call(Gen *g, RtNative which, int base) {
    emit(FB(g), OP_CALLN, base, emit_const_ptr(FB(g), rt_native(which)), 0);
}

static Type *chan_elem(const Type *t) { return t->under ? t->under->elem : t->elem; }

static int max_int(int a, int b) { return a > b ? a : b; }

// ---- Receive and send ----

void gen_recv(Gen *g, Node *n, int dst, bool comma_ok) {
    FuncBuilder *fb = FB(g);
    Type *ct = n->x->type;
    Type *elem = chan_elem(ct);
    int vw = words_of(elem);
    int mark = emit_top(fb);
    int base = emit_reg(fb, max_int(2, vw + 1));
    emit(fb, OP_LOADK, base, emit_const_ptr(fb, ct), 0);
    gen_expr_to(g, n->x, base + 1);
    native_call(g, RT_CHANRECV, base);
    gen_normalize(g, elem, base);
    gen_move(g, dst, base, comma_ok ? vw + 1 : vw);
    emit_free(fb, mark);
}

void gen_send(Gen *g, Node *s) {
    FuncBuilder *fb = FB(g);
    Type *elem = chan_elem(s->x->type);
    int mark = emit_top(fb);
    int base = emit_reg(fb, 1 + max_int(1, words_of(elem)));
    gen_expr_to(g, s->x, base);
    gen_expr_as(g, s->y, elem, base + 1);
    native_call(g, RT_CHANSEND, base);
    emit_free(fb, mark);
}

// ---- Builtins on channels ----

void gen_chan_builtin(Gen *g, Builtin b, Node *call, int dst) {
    FuncBuilder *fb = FB(g);
    int mark = emit_top(fb);
    switch (b) {
    case BI_MAKE: {
        int base = emit_reg(fb, 2);
        emit(fb, OP_LOADK, base, emit_const_ptr(fb, call->type), 0);
        if (call->list.n > 1) gen_expr_as(g, call->list.v[1], type_int, base + 1);
        else emit_load_int(fb, base + 1, 0);
        native_call(g, RT_MAKECHAN, base);
        emit(fb, OP_MOVE, dst, base, 0);
        break;
    }
    case BI_CLOSE: {
        int r = emit_reg(fb, 1);
        gen_expr_to(g, call->list.v[0], r);
        native_call(g, RT_CHANCLOSE, r);
        break;
    }
    case BI_LEN:
    case BI_CAP: {
        int r = emit_reg(fb, 1);
        gen_expr_to(g, call->list.v[0], r);
        native_call(g, b == BI_LEN ? RT_CHANLEN : RT_CHANCAP, r);
        emit(fb, OP_MOVE, dst, r, 0);
        break;
    }
    default:
        gen_error(g, call, "goli: internal error: builtin on a channel");
    }
    emit_free(fb, mark);
}

// ---- select ----

// comm_recv returns the receive expression of a select case, or NULL.
static Node *comm_recv(Node *comm) {
    if (!comm || comm->kind == N_SEND) return NULL;
    Node *r = comm->kind == N_EXPRSTMT ? comm->x : comm->rlist.v[0];
    while (r->kind == N_PAREN) r = r->x;
    return r;
}

// assign_received stores a received value (or the ok flag) into lhs.
static void assign_received(Gen *g, Node *comm, Node *lhs, int src, Type *t) {
    if (!lhs || ast_name_is(lhs, "_")) return;
    Type *lt = lhs->type ? lhs->type : t;
    if (comm->op == T_DEFINE) lt = t;
    if (lt != t) {
        int r = emit_reg(FB(g), words_of(lt));
        gen_convert_reg(g, t, lt, src, r);
        src = r;
    }
    gen_assign_to(g, lhs, src, lt);
}

void gen_select(Gen *g, Node *s) {
    FuncBuilder *fb = FB(g);
    Obj *label = gen_take_label();
    int nc = s->list.n;
    int n = 0;
    bool has_default = false;
    for (int i = 0; i < nc; i++) {
        if (s->list.v[i]->x) n++;
        else has_default = true;
    }
    // The frame: header, two words a case, then each case's value slot.
    int *slot = mem_alloc_atomic((nc + 1) * sizeof *slot);
    int *index = mem_alloc_atomic((nc + 1) * sizeof *index);
    int words = 2 + 2 * n;
    for (int i = 0, k = 0; i < nc; i++) {
        Node *comm = s->list.v[i]->x;
        index[i] = -1;
        if (!comm) continue;
        index[i] = k++;
        Node *ch = comm->kind == N_SEND ? comm->x : comm_recv(comm)->x;
        slot[i] = words;
        words += max_int(1, words_of(chan_elem(ch->type)));
    }
    int mark = emit_top(fb);
    int base = emit_reg(fb, words);
    emit_load_int(fb, base, n);
    emit_load_int(fb, base + 1, has_default);
    // Channels and send values, once each, in source order.
    for (int i = 0; i < nc; i++) {
        Node *comm = s->list.v[i]->x;
        if (!comm) continue;
        int k = index[i];
        bool send = comm->kind == N_SEND;
        Node *ch = send ? comm->x : comm_recv(comm)->x;
        gen_expr_to(g, ch, base + 2 + 2 * k);
        if (send) gen_expr_as(g, comm->y, chan_elem(ch->type), base + slot[i]);
        emit_load_int(fb, base + 3 + 2 * k, (slot[i] << 1) | (send ? 1 : 0));
    }
    native_call(g, RT_SELECT, base);

    Target *t = gen_push_target(g, label, false);
    int *ends = mem_alloc_atomic((nc + 1) * sizeof *ends);
    int ne = 0;
    int which = emit_reg(fb, 1);
    for (int i = 0; i < nc; i++) {
        Node *cl = s->list.v[i];
        Node *comm = cl->x;
        emit_load_int(fb, which, comm ? index[i] : -1);
        int skip = emit_jump(fb, OP_JNEI, base, which);
        int cmark = emit_top(fb);
        Node *recv = comm_recv(comm);
        if (recv && comm->kind == N_ASSIGN) {
            Type *elem = chan_elem(recv->x->type);
            gen_normalize(g, elem, base + slot[i]);
            if (comm->op == T_DEFINE) {
                for (int k = 0; k < comm->list.n; k++) {
                    Obj *o = comm->list.v[k]->obj;
                    if (o && o->kind == OBJ_VAR && strcmp(o->name, "_") != 0) gen_declare_local(g, o);
                }
            }
            assign_received(g, comm, comm->list.v[0], base + slot[i], elem);
            if (comm->list.n > 1) assign_received(g, comm, comm->list.v[1], base + 1, type_bool);
        }
        gen_block(g, cl->body);
        emit_free(fb, cmark);
        ends[ne++] = emit_jump(fb, OP_JMP, 0, 0);
        emit_patch(fb, skip);
    }
    int end = emit_here(fb);
    for (int k = 0; k < ne; k++) emit_patch_to(fb, ends[k], end);
    gen_pop_target(g, t, end, end);
    emit_free(fb, mark);
}

// ---- range over a channel ----

void gen_range_chan(Gen *g, Node *s, int *cont, int *end) {
    FuncBuilder *fb = FB(g);
    Node *x = s->z;
    Type *ct = x->type;
    Type *elem = chan_elem(ct);
    int vw = words_of(elem);
    int ch = emit_reg(fb, 1);
    gen_expr_to(g, x, ch);
    int base = emit_reg(fb, max_int(2, vw + 1));
    int top = emit_here(fb);
    emit(fb, OP_LOADK, base, emit_const_ptr(fb, ct), 0);
    emit(fb, OP_MOVE, base + 1, ch, 0);
    native_call(g, RT_CHANRECV, base);
    int exit = emit_jump(fb, OP_JF, base + vw, 0);
    gen_normalize(g, elem, base);
    Node *lhs = s->x;
    if (lhs && !ast_name_is(lhs, "_")) {
        Obj *o = lhs->obj;
        if (s->op == T_DEFINE && o && o->kind == OBJ_VAR && gen_var_in_cell(o))
            emit(fb, OP_NEW, o->reg, emit_const_ptr(fb, o->type), 0);
        gen_assign_to(g, lhs, base, lhs->type ? lhs->type : elem);
    }
    gen_block(g, s->body);
    *cont = emit_here(fb);
    emit_jump_back(fb, OP_JMP, 0, 0, top);
    *end = emit_here(fb);
    emit_patch_to(fb, exit, *end);
}
