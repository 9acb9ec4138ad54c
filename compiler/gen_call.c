// compiler/gen_call.c: calls, builtins, conversions, map and slice
// operations, range loops, defer and the program (the model is in
// compiler/gen.h).
#include "compiler/gen.h"
#include "compiler/gen_generic_std.h"
#include "compiler/gen_slices.h"
#include "common/mem.h"
#include "stdlib/natives.h"
#include "vm/builtins.h"

#include <string.h>

// native_call emits a call of a runtime native whose frame (at base) the
// caller has filled.
static void native_call(Gen *g, RtNative which, int base) {
    emit(FB(g), OP_CALLN, base, emit_const_ptr(FB(g), rt_native(which)), 0);
}

static int type_const(Gen *g, const Type *t) { return emit_const_ptr(FB(g), t); }

static void load_type(Gen *g, int dst, const Type *t) {
    emit(FB(g), OP_LOADK, dst, type_const(g, t), 0);
}

static int max_int(int a, int b) { return a > b ? a : b; }

// sig_param_words and sig_result_words size a call's argument and result blocks.
static int sig_param_words(const Type *sig) {
    int w = 0;
    for (int i = 0; i < sig->nfields; i++) w += words_of(sig->fields[i].type);
    return w;
}

static int sig_result_words(const Type *sig) {
    int w = 0;
    for (int i = 0; i < sig->nresults; i++) w += words_of(sig->results[i]);
    return w;
}



// ---- Function values ----

// static_closure returns the closure value of a top-level function.
static Closure *static_closure(Func *fn) {
    Closure *c = mem_alloc(sizeof(Closure));
    c->fn = fn;
    return c;
}

void gen_func_value(Gen *g, Obj *o, int dst) {
    Func *fn = gen_func_of(g, o);
    emit(FB(g), OP_LOADK, dst, emit_const_ptr(FB(g), static_closure(fn)), 0);
}

// method_wrapper makes the body of a bound method value: a function with
// the method's parameters whose one capture is a cell holding the receiver
// (recv_t; an interface for iface). It loads the receiver, moves the
// arguments after it and calls the method (or the interface's method).
static Func *method_wrapper(Gen *g, Method *m, Type *recv_t, bool iface, const char *name) {
    Type *sig = m->sig;
    int pw = sig_param_words(sig), rw = sig_result_words(sig);
    int recv_w = iface ? 1 : words_of(recv_t);
    FuncBuilder *fb = emit_begin(mem_sprintf("%s-fm", name), g->prog_file, 0);
    fb->fn->nparam = (uint32_t)pw;
    fb->fn->nresult = (uint32_t)rw;
    emit_reg(fb, max_int(pw, rw));
    int cell = emit_reg(fb, 1);
    emit(fb, OP_GETCAPT, cell, 0, 0);
    int holder = -1;
    if (iface) {
        holder = emit_reg(fb, 2);
        emit(fb, OP_LOADN, holder, cell, 16);
    }
    int base = emit_reg(fb, max_int(recv_w + pw, rw) > 0 ? max_int(recv_w + pw, rw) : 1);
    if (pw) emit(fb, OP_MOVEN, base + recv_w, 0, pw);
    if (iface) {
        emit(fb, OP_CALLI, base, holder, emit_const_ptr(fb, m->name));
    } else {
        if (recv_t->size) {
            Gen saved = *g;
            GenFunc tmp = { 0 };
            tmp.fb = fb;
            g->fn = &tmp;
            gen_load_ptr(g, base, cell, 0, recv_t);
            *g = saved;
        }
        emit(fb, m->fn && m->fn->native ? OP_CALLN : OP_CALL, base, emit_const_ptr(fb, m->fn), 0);
    }
    if (rw) emit(fb, OP_RET, base, rw, 0);
    else emit(fb, OP_RET0, 0, 0, 0);
    return emit_end(fb);
}

void gen_method_value(Gen *g, Node *n, int dst) {
    FuncBuilder *fb = FB(g);
    Selection *sel = n->obj;
    if (sel && sel->kind == SEL_METHOD_EXPR && sel->method && sel->method->fn &&
        (sel->method->ptr_recv || sel->recv->kind != K_POINTER)) {
        // T.M and (*T).M of a pointer method: the method itself, receiver first.
        emit(fb, OP_LOADK, dst, emit_const_ptr(fb, static_closure(sel->method->fn)), 0);
        return;
    }
    if (sel && sel->kind == SEL_METHOD_EXPR && sel->method && sel->method->fn) {
        // (*T).M of a value method: a wrapper that dereferences the first
        // argument, then calls M.
        Method *m = sel->method;
        Type *vt = sel->recv->elem;
        int pw = sig_param_words(m->sig), rw = sig_result_words(m->sig), vw = words_of(vt);
        FuncBuilder *wb = emit_begin(mem_sprintf("%s.%s-fm", sel->recv->str, m->name), g->prog_file, 0);
        wb->fn->nparam = (uint32_t)(1 + pw);
        wb->fn->nresult = (uint32_t)rw;
        emit_reg(wb, max_int(1 + pw, rw));
        int base = emit_reg(wb, max_int(vw + pw, rw) > 0 ? max_int(vw + pw, rw) : 1);
        if (pw) emit(wb, OP_MOVEN, base + vw, 1, pw);
        GenFunc tmp = { 0 };
        tmp.fb = wb;
        GenFunc *saved = g->fn;
        g->fn = &tmp;
        gen_load_ptr(g, base, 0, 0, vt);
        g->fn = saved;
        emit(wb, OP_CALL, base, emit_const_ptr(wb, m->fn), 0);
        if (rw) emit(wb, OP_RET, base, rw, 0);
        else emit(wb, OP_RET0, 0, 0, 0);
        emit(fb, OP_LOADK, dst, emit_const_ptr(fb, static_closure(emit_end(wb))), 0);
        return;
    }
    if (!sel || (sel->kind != SEL_METHOD && sel->kind != SEL_IFACE_METHOD) || !sel->method) {
        gen_error(g, n, "goli: this method expression is not supported yet");
        return;
    }
    int mark = emit_top(fb);
    Method *m = sel->method;
    bool iface = sel->kind == SEL_IFACE_METHOD;
    Type *recv_t;
    int val;
    if (iface) {
        recv_t = n->x->type;
        val = gen_expr_reg(g, n->x);
    } else {
        Obj *mo = m->obj;
        Node *rnode = mo && mo->decl && mo->decl->x ? mo->decl->x->x : NULL;
        recv_t = rnode ? rnode->type : NULL;
        if (!recv_t || !m->fn) {
            gen_error(g, n, "goli: internal error: method value without a receiver type");
            return;
        }
        val = emit_reg(fb, words_of(recv_t) ? words_of(recv_t) : 1);
        if (sel->npath > 0) {
            int p = gen_embedded_addr(g, n->x, sel);
            if (m->ptr_recv) emit(fb, OP_MOVE, val, p, 0);
            else gen_load_ptr(g, val, p, 0, recv_t);
        } else if (m->ptr_recv && sel->addr_recv) {
            int p = gen_addr(g, n->x);
            emit(fb, OP_MOVE, val, p, 0);
        } else if (!m->ptr_recv && sel->deref_recv) {
            int p = gen_expr_reg(g, n->x);
            gen_load_ptr(g, val, p, 0, recv_t);
        } else {
            gen_expr_to(g, n->x, val);
        }
    }
    // The receiver is evaluated now (Go: a method value binds a copy).
    Type *cell_t = iface ? recv_t : recv_t;
    int base = emit_reg(fb, 2);
    emit(fb, OP_NEW, base + 1, emit_const_ptr(fb, cell_t), 0);
    gen_store_ptr(g, base + 1, 0, cell_t, val);
    const char *name = mem_sprintf("%s.%s", recv_t->str, m->name);
    Func *w = method_wrapper(g, m, recv_t, iface, name);
    emit(fb, OP_CLOSURE, base, emit_const_ptr(fb, w), 1);
    emit(fb, OP_MOVE, dst, base, 0);
    emit_free(fb, mark);
}

// native_name is the name a native is registered under: the function's,
// or "T.Method" for a method (from the Func's name, "sync.(*Mutex).Lock").
static const char *native_name(const Func *fn, const Obj *o) {
    const char *n = fn->name, *slash = strrchr(n, '/');
    const char *dot = strchr(slash ? slash : n, '.');
    if (!dot || !strchr(dot + 1, '.')) return o->name;
    char *buf = mem_strndup(dot + 1, strlen(dot + 1)), *w = buf;
    for (const char *r = dot + 1; *r; r++)
        if (*r != '(' && *r != ')' && *r != '*') *w++ = *r;
    *w = 0;
    return buf;
}

Func *gen_native_func(Gen *g, Obj *o, Node *at) {
    Func *fn = gen_func_of(g, o);
    NativeFn f = lib_native_lookup(g->pkg->path, native_name(fn, o));
    if (!f) {
        gen_error(g, at, "missing function body");
        return fn;
    }
    fn->native = f;
    return fn;
}

// ---- Calls ----

void gen_variadic_tail(Gen *g, NodeList *args, int from, Type *elem, int pos) {
    FuncBuilder *fb = FB(g);
    int count = args->n - from;
    if (count <= 0) {
        emit(fb, OP_ZERO, pos, 3, 0);
        return;
    }
    int mark = emit_top(fb);
    int p = emit_reg(fb, 1);
    emit(fb, OP_NEW, p, emit_const_ptr(fb, type_array(elem, count)), 0);
    int v = emit_reg(fb, words_of(elem) ? words_of(elem) : 1);
    int q = emit_reg(fb, 1);
    for (int k = 0; k < count; k++) {
        gen_expr_as(g, args->v[from + k], elem, v);
        gen_store_at(g, p, (int64_t)k * elem->size, elem, v, q);
    }
    emit(fb, OP_MOVE, pos, p, 0);
    emit_load_int(fb, pos + 1, count);
    emit_load_int(fb, pos + 2, count);
    emit_free(fb, mark);
}

// gen_args puts the arguments of call (for signature sig) at R[base + off..].
static void gen_args(Gen *g, Node *call, const Type *sig, int base, int off) {
    FuncBuilder *fb = FB(g);
    int np = sig->nfields;
    NodeList *args = &call->list;
    // f(g()) with g returning several values, also into a variadic ...T.
    if (args->n == 1 && args->v[0]->type && args->v[0]->type->kind == K_TUPLE && sig->variadic &&
        !(call->flags & NF_DOTS)) {
        Node *inner = args->v[0];
        Type *tup = inner->type;
        int mark = emit_top(fb);
        int r = emit_reg(fb, words_of(tup) > 0 ? words_of(tup) : 1);
        gen_call(g, inner, r);
        int src = r, pos = base + off;
        int fixed = np - 1;
        for (int i = 0; i < fixed && i < tup->nfields; i++) {
            gen_convert_reg(g, tup->fields[i].type, sig->fields[i].type, src, pos);
            src += words_of(tup->fields[i].type);
            pos += words_of(sig->fields[i].type);
        }
        Type *elem = sig->fields[np - 1].type->elem;
        int count = tup->nfields - fixed;
        int p = emit_reg(fb, 1);
        emit(fb, OP_NEW, p, emit_const_ptr(fb, type_array(elem, count > 0 ? count : 1)), 0);
        int v = emit_reg(fb, words_of(elem) ? words_of(elem) : 1);
        for (int k = 0; k < count; k++) {
            Type *ft = tup->fields[fixed + k].type;
            gen_convert_reg(g, ft, elem, src, v);
            src += words_of(ft);
            gen_store_ptr(g, p, (int)(k * elem->size), elem, v);
        }
        emit(fb, OP_MOVE, pos, p, 0);
        emit_load_int(fb, pos + 1, count);
        emit_load_int(fb, pos + 2, count);
        emit_free(fb, mark);
        return;
    }
    if (args->n == 1 && args->v[0]->type && args->v[0]->type->kind == K_TUPLE && np > 1) {
        Node *inner = args->v[0];
        int mark = emit_top(fb);
        int r = emit_reg(fb, words_of(inner->type) > 0 ? words_of(inner->type) : 1);
        gen_call(g, inner, r);
        int src = r, dst = base + off;
        for (int i = 0; i < np && i < inner->type->nfields; i++) {
            Type *from = inner->type->fields[i].type, *to = sig->fields[i].type;
            gen_convert_reg(g, from, to, src, dst);
            src += words_of(from);
            dst += words_of(to);
        }
        emit_free(fb, mark);
        return;
    }
    int pos = base + off;
    for (int i = 0; i < np; i++) {
        Type *pt = sig->fields[i].type;
        if (sig->variadic && i == np - 1 && !(call->flags & NF_DOTS)) {
            gen_variadic_tail(g, args, i, pt->elem, pos);
            break;
        }
        if (i < args->n) gen_expr_as(g, args->v[i], pt, pos);
        pos += words_of(pt);
    }
}

void gen_call(Gen *g, Node *call, int dst) {
    FuncBuilder *fb = FB(g);
    if (call->conv) {
        gen_conversion(g, call, dst);
        return;
    }
    if (call->builtin) {
        gen_builtin(g, call, dst);
        return;
    }
    if (gen_slices_call(g, call, dst)) return;   // slices.F, cmp.F: a native
    if (gen_generic_std_call(g, call, dst)) return;   // sync.OnceValue(s): two closures
    Node *fun = call->x;
    while (fun->kind == N_PAREN) fun = fun->x;
    Type *sig = fun->type;
    if (!sig || sig->kind != K_FUNC) {
        gen_error(g, call, "goli: internal error: call of a non-function");
        return;
    }
    int mark = emit_top(fb);
    int pw = sig_param_words(sig), rw = sig_result_words(sig);
    Obj *callee = NULL;
    Selection *sel = NULL;
    int recv_words = 0;
    if (fun->kind == N_NAME && fun->obj && ((Obj *)fun->obj)->kind == OBJ_FUNC) callee = fun->obj;
    if (fun->kind == N_SELECTOR) {
        sel = fun->obj;
        if (sel && sel->kind == SEL_PKG && sel->obj->kind == OBJ_FUNC) {
            callee = sel->obj;
            sel = NULL;
        } else if (sel && sel->kind == SEL_METHOD) {
            callee = sel->method ? sel->method->obj : NULL;
            Type *rt = sel->method && sel->method->ptr_recv ? NULL : NULL;
            (void)rt;
            recv_words = sel->method && sel->method->ptr_recv ? 1 : words_of(sel->recv->kind == K_POINTER && !sel->deref_recv ? sel->recv : (sel->recv->kind == K_POINTER ? sel->recv->elem : sel->recv));
        } else if (sel && sel->kind == SEL_IFACE_METHOD) {
            // Through an interface: the VM finds the method of the dynamic type.
            int iface = gen_expr_reg(g, fun->x);
            int frame = max_int(1 + pw, rw);
            int base = emit_reg(fb, frame);
            gen_args(g, call, sig, base, 1);
            const char *name = mem_strndup(fun->name->text, fun->name->len);
            fb->line = call->opline ? call->opline : call->line;
            emit(fb, OP_CALLI, base, iface, emit_const_ptr(fb, name));
            if (rw && dst != base) gen_move(g, dst, base, rw);
            emit_free(fb, mark);
            return;
        } else if (sel && sel->kind != SEL_FIELD) {
            gen_error(g, call, "goli: this kind of method call is not supported yet");
            return;
        } else {
            sel = NULL;
        }
    }
    int closure = -1;
    if (!callee) closure = gen_expr_reg(g, fun);
    int frame = max_int(recv_words + pw, rw) > 0 ? max_int(recv_words + pw, rw) : 1;
    int base;
    if (callee && rw && dst + rw == emit_top(fb)) {
        // The destination is the newest block: build the frame right there,
        // so the results need no move.
        base = dst;
        if (frame > rw) emit_reg(fb, frame - rw);
    } else {
        base = emit_reg(fb, frame);
    }
    if (sel && sel->npath > 0) {
        // A promoted method: the receiver is the embedded field at the path.
        Method *m = sel->method;
        int p = gen_embedded_addr(g, fun->x, sel);
        if (m->ptr_recv) {
            emit(fb, OP_MOVE, base, p, 0);
        } else {
            Type *rt = m->sig ? NULL : NULL;
            (void)rt;
            Obj *mo = m->obj;
            Type *recv_t = mo && mo->decl && mo->decl->x && mo->decl->x->x ? mo->decl->x->x->type : NULL;
            if (recv_t) gen_load_ptr(g, base, p, 0, recv_t);
        }
    } else if (sel) {
        // The receiver goes first: the value, its address, or through a pointer.
        Node *x = fun->x;
        Method *m = sel->method;
        if (m->ptr_recv) {
            if (sel->addr_recv) {
                int p = gen_addr(g, x);
                emit(fb, OP_MOVE, base, p, 0);
            } else {
                gen_expr_to(g, x, base);
            }
        } else if (sel->deref_recv) {
            int p = gen_expr_reg(g, x);
            gen_load_ptr(g, base, p, 0, x->type->elem);
        } else {
            gen_expr_to(g, x, base);
        }
    }
    gen_args(g, call, sig, base, recv_words);
    fb->line = call->opline ? call->opline : call->line;
    if (callee) {
        Func *fn = gen_func_of(g, callee);   // natives were bound in gen_program
        emit(fb, fn->native ? OP_CALLN : OP_CALL, base, emit_const_ptr(fb, fn), 0);
    } else {
        emit(fb, OP_CALLC, base, closure, 0);
    }
    if (rw && dst != base) gen_move(g, dst, base, rw);
    emit_free(fb, mark);
}

// gen_multi puts the values of a multi-value expression (a call, or a
// comma-ok form) at dst.
void gen_multi(Gen *g, Node *n, int dst, int count) {
    (void)count;
    while (n->kind == N_PAREN) n = n->x;
    if (n->kind == N_INDEX && n->x->type->kind == K_MAP) {
        gen_map_index(g, n, dst, true);
        return;
    }
    if (n->kind == N_TYPEASSERT) {
        gen_type_assert(g, n, dst, true);
        return;
    }
    if (n->kind == N_UNARY && n->op == T_ARROW) {
        gen_recv(g, n, dst, true);
        return;
    }
    gen_call(g, n, dst);
}

// ---- Defer and go ----

// defer_builtin defers (or starts as a goroutine) a call of close,
// panic or delete: the runtime native that does the builtin's work is
// called later with the arguments evaluated now.
static void defer_builtin(Gen *g, Node *s, Opcode op) {
    FuncBuilder *fb = FB(g);
    Node *call = s->x;
    Builtin b = (Builtin)(call->builtin - 1);
    RtNative which;
    int base, words;
    if (b == BI_CLOSE) {
        which = RT_CHANCLOSE;
        base = emit_reg(fb, words = 1);
        gen_expr_to(g, call->list.v[0], base);
    } else if (b == BI_PANIC) {
        which = RT_GOPANIC;
        base = emit_reg(fb, words = 2);
        gen_expr_as(g, call->list.v[0], type_any, base);
    } else if (b == BI_DELETE) {
        Type *mt = call->list.v[0]->type;
        which = RT_MAPDELETE;
        base = emit_reg(fb, words = 2 + words_of(mt->key));
        load_type(g, base, mt);
        gen_expr_to(g, call->list.v[0], base + 1);
        gen_expr_as(g, call->list.v[1], mt->key, base + 2);
    } else {
        gen_error(g, s, "goli: %s of the builtin %s is not supported yet", op == OP_GO ? "go" : "defer",
                  builtin_name(b));
        return;
    }
    int clo = emit_reg(fb, 1);
    emit(fb, OP_LOADK, clo, emit_const_ptr(fb, rt_native_closure(which)), 0);
    emit(fb, op, base, clo, words);
}

// gen_defer generates a defer statement, or with op OP_GO a go statement:
// both evaluate the function value and its arguments now and call later.
void gen_defer(Gen *g, Node *s, Opcode op) {
    FuncBuilder *fb = FB(g);
    Node *call = s->x;
    int mark = emit_top(fb);
    // The deferred function value and its arguments are evaluated now.
    if (call->builtin) {
        defer_builtin(g, s, op);
        emit_free(fb, mark);
        return;
    }
    Node *fun = call->x;
    Type *sig = fun->type;
    int pw = sig_param_words(sig);
    int clo = emit_reg(fb, 1);
    // A method call defers its method value: the receiver is bound now.
    gen_expr_to(g, fun, clo);
    int base = emit_reg(fb, pw > 0 ? pw : 1);
    gen_args(g, call, sig, base, 0);
    emit(fb, op, base, clo, pw);
    emit_free(fb, mark);
}

// ---- Builtins ----

static Node *arg(Node *call, int i) { return call->list.v[i]; }

void gen_builtin(Gen *g, Node *call, int dst) {
    FuncBuilder *fb = FB(g);
    Builtin b = (Builtin)(call->builtin - 1);
    int mark = emit_top(fb);
    switch (b) {
    case BI_CLOSE:
        gen_chan_builtin(g, b, call, dst);
        break;
    case BI_LEN:
    case BI_CAP: {
        Node *x = arg(call, 0);
        Type *t = x->type;
        if (t->kind == K_POINTER) t = t->elem;
        if (t->kind == K_CHAN) {
            gen_chan_builtin(g, b, call, dst);
        } else if (t->kind == K_ARRAY) {
            emit_load_int(fb, dst, t->len);
        } else if (t->kind == K_MAP) {
            int r = emit_reg(fb, 1);
            gen_expr_to(g, x, r);
            native_call(g, RT_MAPLEN, r);
            emit(fb, OP_MOVE, dst, r, 0);
        } else {
            int r = gen_expr_reg(g, x);
            emit(fb, OP_MOVE, dst, r + (b == BI_LEN ? 1 : 2), 0);
        }
        break;
    }
    case BI_APPEND: {
        Type *st = call->type;
        Type *elem = st->elem;
        int base = emit_reg(fb, 4 + max_int(words_of(elem), 3));
        load_type(g, base, st);
        gen_expr_as(g, arg(call, 0), st, base + 1);
        if (call->flags & NF_DOTS) {
            Node *y = arg(call, 1);
            if (type_is_string(y->type)) {
                gen_expr_to(g, y, base + 4);
                emit(fb, OP_MOVE, base + 6, base + 5, 0);
            } else {
                gen_expr_as(g, y, st, base + 4);
            }
            native_call(g, RT_APPENDSLICE, base);
        } else {
            for (int i = 1; i < call->list.n; i++) {
                gen_expr_as(g, arg(call, i), elem, base + 4);
                native_call(g, RT_APPEND1, base);
                if (i + 1 < call->list.n) {
                    gen_move(g, base + 1, base, 3);
                    load_type(g, base, st);
                }
            }
            if (call->list.n == 1) gen_move(g, base, base + 1, 3);
        }
        gen_move(g, dst, base, 3);
        break;
    }
    case BI_COPY: {
        Node *d = arg(call, 0), *s = arg(call, 1);
        int base = emit_reg(fb, 7);
        load_type(g, base, d->type);
        gen_expr_to(g, d, base + 1);
        gen_expr_to(g, s, base + 4);
        native_call(g, RT_COPY, base);
        emit(fb, OP_MOVE, dst, base, 0);
        break;
    }
    case BI_MAKE: {
        Type *t = call->type;
        if (t->kind == K_SLICE) {
            int base = emit_reg(fb, 3);
            load_type(g, base, t);
            gen_expr_as(g, arg(call, 1), type_int, base + 1);
            if (call->list.n > 2) gen_expr_as(g, arg(call, 2), type_int, base + 2);
            else emit(fb, OP_MOVE, base + 2, base + 1, 0);
            native_call(g, RT_MAKESLICE, base);
            gen_move(g, dst, base, 3);
        } else if (t->kind == K_MAP) {
            int base = emit_reg(fb, 2);
            load_type(g, base, t);
            if (call->list.n > 1) gen_expr_as(g, arg(call, 1), type_int, base + 1);
            else emit_load_int(fb, base + 1, 0);
            native_call(g, RT_MAKEMAP, base);
            emit(fb, OP_MOVE, dst, base, 0);
        } else if (t->kind == K_CHAN) {
            gen_chan_builtin(g, b, call, dst);
        } else {
            gen_error(g, call, "goli: make(%s) is not supported yet", t->str);
        }
        break;
    }
    case BI_NEW: {
        Type *t = call->type->elem;
        emit(fb, OP_NEW, dst, emit_const_ptr(fb, t), 0);
        break;
    }
    case BI_DELETE: {
        Node *m = arg(call, 0);
        Type *mt = m->type;
        int base = emit_reg(fb, 2 + words_of(mt->key));
        load_type(g, base, mt);
        gen_expr_to(g, m, base + 1);
        gen_expr_as(g, arg(call, 1), mt->key, base + 2);
        native_call(g, RT_MAPDELETE, base);
        break;
    }
    case BI_CLEAR: {
        Node *x = arg(call, 0);
        if (x->type->kind == K_MAP) {
            int r = emit_reg(fb, 1);
            gen_expr_to(g, x, r);
            native_call(g, RT_MAPCLEAR, r);
        } else {
            int base = emit_reg(fb, 4);
            load_type(g, base, x->type);
            gen_expr_to(g, x, base + 1);
            native_call(g, RT_CLEARSLICE, base);
        }
        break;
    }
    case BI_REAL:
    case BI_IMAG: {
        Node *x = arg(call, 0);
        Type *ct = x->type;
        if (type_is_untyped(ct)) ct = type_complex128;
        int r = emit_reg(fb, words_of(ct));
        gen_expr_as(g, x, ct, r);
        if (ct->kind == K_COMPLEX64) {
            int k = emit_reg(fb, 1);
            if (b == BI_IMAG) {
                emit_load_int(fb, k, 32);
                emit(fb, OP_SHRU, dst, r, k);
            } else {
                emit(fb, OP_ZEXT32, dst, r, 0);
            }
        } else {
            emit(fb, OP_MOVE, dst, r + (b == BI_IMAG), 0);
        }
        break;
    }
    case BI_COMPLEX: {
        Type *ct = call->type;
        Type *ft = ct->kind == K_COMPLEX64 ? type_float32 : type_float64;
        int r = emit_reg(fb, 2);
        gen_expr_as(g, arg(call, 0), ft, r);
        gen_expr_as(g, arg(call, 1), ft, r + 1);
        if (ct->kind == K_COMPLEX64) {
            int k = emit_reg(fb, 1);
            emit_load_int(fb, k, 32);
            emit(fb, OP_ZEXT32, r, r, 0);
            emit(fb, OP_SHL, r + 1, r + 1, k);
            emit(fb, OP_OR, dst, r, r + 1);
        } else {
            gen_move(g, dst, r, 2);
        }
        break;
    }
    case BI_PANIC: {
        int r = emit_reg(fb, 2);
        gen_expr_as(g, arg(call, 0), type_any, r);
        emit(fb, OP_PANIC, r, 0, 0);
        break;
    }
    case BI_RECOVER:
        emit(fb, OP_RECOVER, dst, 0, 0);
        break;
    case BI_PRINT:
    case BI_PRINTLN: {
        int n = call->list.n;
        Type **types = mem_alloc((n + 1) * sizeof *types);
        int words = 0;
        for (int i = 0; i < n; i++) {
            Type *t = arg(call, i)->type;
            if (type_is_untyped(t)) t = type_default(t);
            types[i] = t;
            words += words_of(t);
        }
        int base = emit_reg(fb, 2 + words);
        load_type(g, base, type_tuple(n, types));
        emit_load_int(fb, base + 1, b == BI_PRINTLN);
        int pos = base + 2;
        for (int i = 0; i < n; i++) {
            gen_expr_as(g, arg(call, i), types[i], pos);
            pos += words_of(types[i]);
        }
        native_call(g, RT_PRINT, base);
        break;
    }
    case BI_MIN:
    case BI_MAX: {
        Type *t = call->type;
        int cur = emit_reg(fb, words_of(t)), next = emit_reg(fb, words_of(t));
        int cmp = emit_reg(fb, 1);
        gen_expr_as(g, arg(call, 0), t, cur);
        for (int i = 1; i < call->list.n; i++) {
            gen_expr_as(g, arg(call, i), t, next);
            if (type_is_float(t)) {   // NaN wins; -0 < +0 (Go's min and max)
                int nb = emit_reg(fb, 2);
                int f32 = t->kind == K_FLOAT32;
                if (f32) {
                    emit(fb, OP_F322F, nb, cur, 0);
                    emit(fb, OP_F322F, nb + 1, next, 0);
                } else {
                    emit(fb, OP_MOVE, nb, cur, 0);
                    emit(fb, OP_MOVE, nb + 1, next, 0);
                }
                native_call(g, b == BI_MIN ? RT_FMIN : RT_FMAX, nb);
                if (f32) emit(fb, OP_F2F32, cur, nb, 0);
                else emit(fb, OP_MOVE, cur, nb, 0);
                continue;
            }
            // cur = next if next < cur (min) / cur < next (max)
            if (b == BI_MIN) gen_compare_regs(g, T_LSS, t, cmp, next, cur);
            else gen_compare_regs(g, T_LSS, t, cmp, cur, next);
            int skip = emit_jump(fb, OP_JF, cmp, 0);
            gen_move(g, cur, next, words_of(t));
            emit_patch(fb, skip);
        }
        gen_move(g, dst, cur, words_of(t));
        break;
    }
    default:
        gen_error(g, call, "goli: the builtin %s is not supported yet", builtin_name(b));
    }
    emit_free(fb, mark);
}

// ---- Conversions ----

void gen_conversion(Gen *g, Node *call, int dst) {
    FuncBuilder *fb = FB(g);
    Type *to = call->type;
    Node *x = arg(call, 0);
    Type *from = x->type;
    if (call->mode == MODE_CONST) {
        gen_expr_to(g, call, dst);
        return;
    }
    int mark = emit_top(fb);
    if (type_is_string(to) && !type_is_string(from)) {
        if (type_is_integer(from)) {
            int base = emit_reg(fb, 2);
            gen_expr_as(g, x, type_int64, base);
            native_call(g, RT_RUNE2STR, base);
            gen_move(g, dst, base, 2);
        } else if (from->kind == K_SLICE) {
            int base = emit_reg(fb, 3);
            gen_expr_to(g, x, base);
            native_call(g, from->elem->size == 1 ? RT_BYTES2STR : RT_RUNES2STR, base);
            gen_move(g, dst, base, 2);
        }
        emit_free(fb, mark);
        return;
    }
    if (to->kind == K_SLICE && type_is_string(from)) {
        int base = emit_reg(fb, 3);
        gen_expr_to(g, x, base);
        native_call(g, to->elem->size == 1 ? RT_STR2BYTES : RT_STR2RUNES, base);
        gen_move(g, dst, base, 3);
        emit_free(fb, mark);
        return;
    }
    gen_expr_as(g, x, to, dst);
    if (from != to && to->kind != K_INTERFACE) {
        // Numeric conversions between distinct types: gen_expr_as moved the
        // value; convert it between representations.
        int r = emit_reg(fb, words_of(to) ? words_of(to) : 1);
        int src = emit_reg(fb, words_of(from) ? words_of(from) : 1);
        Type *f = type_is_untyped(from) ? type_default(from) : from;
        if (type_is_numeric(f) && type_is_numeric(to) && f->under != to->under) {
            if (x->mode == MODE_CONST) gen_expr_as(g, x, f, src);
            else gen_expr_to(g, x, src);
            gen_convert_reg(g, f, to, src, r);
            gen_move(g, dst, r, words_of(to));
        }
    }
    emit_free(fb, mark);
}

// ---- Maps ----

void gen_map_index(Gen *g, Node *n, int dst, bool comma_ok) {
    FuncBuilder *fb = FB(g);
    Type *mt = n->x->type;
    int kw = words_of(mt->key), vw = words_of(mt->elem);
    int mark = emit_top(fb);
    int base = emit_reg(fb, max_int(2 + kw, vw + 1));
    load_type(g, base, mt);
    gen_expr_to(g, n->x, base + 1);
    gen_expr_as(g, n->list.v[0], mt->key, base + 2);
    native_call(g, RT_MAPGET, base);
    gen_normalize(g, mt->elem, base);
    gen_move(g, dst, base, comma_ok ? vw + 1 : vw);
    emit_free(fb, mark);
}

void gen_map_assign(Gen *g, Node *lhs, int src) {
    FuncBuilder *fb = FB(g);
    Type *mt = lhs->x->type;
    int kw = words_of(mt->key), vw = words_of(mt->elem);
    int mark = emit_top(fb);
    int base = emit_reg(fb, 2 + kw + vw);
    load_type(g, base, mt);
    gen_expr_to(g, lhs->x, base + 1);
    gen_expr_as(g, lhs->list.v[0], mt->key, base + 2);
    gen_move(g, base + 2 + kw, src, vw);
    native_call(g, RT_MAPSET, base);
    emit_free(fb, mark);
}

void gen_map_literal(Gen *g, Node *n, int dst) {
    FuncBuilder *fb = FB(g);
    Type *mt = n->type;
    int m = emit_reg(fb, 2);
    load_type(g, m, mt);
    emit_load_int(fb, m + 1, n->list.n);
    native_call(g, RT_MAKEMAP, m);
    int kw = words_of(mt->key), vw = words_of(mt->elem);
    int base = emit_reg(fb, 2 + kw + vw);
    for (int i = 0; i < n->list.n; i++) {
        Node *kv = n->list.v[i];
        load_type(g, base, mt);
        emit(fb, OP_MOVE, base + 1, m, 0);
        gen_expr_as(g, kv->x, mt->key, base + 2);
        gen_expr_as(g, kv->y, mt->elem, base + 2 + kw);
        native_call(g, RT_MAPSET, base);
    }
    emit(fb, OP_MOVE, dst, m, 0);
}

// ---- Slices and type assertions ----

void gen_slice_expr(Gen *g, Node *n, int dst) {
    FuncBuilder *fb = FB(g);
    Type *t = n->x->type;
    int mark = emit_top(fb);
    unsigned flags = (n->y ? SLICE_LO : 0) | (n->z ? SLICE_HI : 0) | (n->w ? SLICE_MAX : 0);
    if (type_is_string(t)) {
        int base = emit_reg(fb, 5);
        gen_expr_to(g, n->x, base);
        if (n->y) gen_expr_as(g, n->y, type_int, base + 2);
        if (n->z) gen_expr_as(g, n->z, type_int, base + 3);
        emit_load_int(fb, base + 4, flags);
        native_call(g, RT_STRSLICE, base);
        gen_move(g, dst, base, 2);
        emit_free(fb, mark);
        return;
    }
    int base = emit_reg(fb, 8);
    if (t->kind == K_ARRAY) {
        int p = gen_addr(g, n->x);
        load_type(g, base, type_pointer(t));
        emit(fb, OP_MOVE, base + 1, p, 0);
    } else {
        load_type(g, base, t);
        gen_expr_to(g, n->x, base + 1);
    }
    if (n->y) gen_expr_as(g, n->y, type_int, base + 4);
    if (n->z) gen_expr_as(g, n->z, type_int, base + 5);
    if (n->w) gen_expr_as(g, n->w, type_int, base + 6);
    emit_load_int(fb, base + 7, flags);
    native_call(g, RT_SLICE, base);
    gen_move(g, dst, base, 3);
    emit_free(fb, mark);
}

// assert_call runs RT_ASSERT of the interface at R[iv] (static type it)
// to target; the value, then ok, end up at the returned base.
static int assert_call(Gen *g, Type *target, Type *it, int iv, bool comma_ok) {
    FuncBuilder *fb = FB(g);
    int tw = words_of(target);
    int base = emit_reg(fb, max_int(5, tw + 1));
    load_type(g, base, target);
    load_type(g, base + 1, it);
    gen_move(g, base + 2, iv, 2);
    emit_load_int(fb, base + 4, comma_ok);
    native_call(g, RT_ASSERT, base);
    gen_normalize(g, target, base);
    return base;
}

void gen_iface_implements(Gen *g, Type *target, Type *it, int iv, int dst) {
    int mark = emit_top(FB(g));
    int base = assert_call(g, target, it, iv, true);
    emit(FB(g), OP_MOVE, dst, base + words_of(target), 0);
    emit_free(FB(g), mark);
}

void gen_iface_convert(Gen *g, Type *target, Type *it, int iv, int dst) {
    int mark = emit_top(FB(g));
    int base = assert_call(g, target, it, iv, true);
    gen_move(g, dst, base, 2);
    emit_free(FB(g), mark);
}

void gen_iface_value(Gen *g, Type *target, Type *it, int iv, int dst) {
    int mark = emit_top(FB(g));
    int base = assert_call(g, target, it, iv, true);
    gen_move(g, dst, base, words_of(target));
    emit_free(FB(g), mark);
}

void gen_type_assert(Gen *g, Node *n, int dst, bool comma_ok) {
    FuncBuilder *fb = FB(g);
    Type *target = n->y ? n->y->type : n->type;
    int tw = words_of(target);
    int mark = emit_top(fb);
    int base = emit_reg(fb, max_int(5, tw + 1));
    load_type(g, base, target);
    load_type(g, base + 1, n->x->type);
    gen_expr_to(g, n->x, base + 2);
    emit_load_int(fb, base + 4, comma_ok);
    native_call(g, RT_ASSERT, base);
    gen_normalize(g, target, base);
    gen_move(g, dst, base, comma_ok ? tw + 1 : tw);
    emit_free(fb, mark);
}

// ---- Range ----

// range_var_store assigns R[src] to a range loop's key or value operand,
// giving a cell variable a fresh cell first (each iteration has its own).
static void range_store(Gen *g, Node *s, Node *lhs, int src, Type *t) {
    if (!lhs || ast_name_is(lhs, "_")) return;
    Obj *o = lhs->obj;
    if (s->op == T_DEFINE && o && o->kind == OBJ_VAR && gen_var_in_cell(o)) {
        emit(FB(g), OP_NEW, o->reg, emit_const_ptr(FB(g), o->type), 0);
    }
    gen_assign_to(g, lhs, src, lhs->type ? lhs->type : t);
}

void gen_range(Gen *g, Node *s) {
    FuncBuilder *fb = FB(g);
    int mark = emit_top(fb);
    Obj *label = gen_take_label();
    Node *x = s->z;
    Type *t = x->type;
    if (s->op == T_DEFINE) {
        if (s->x && s->x->obj) gen_declare_local(g, s->x->obj);
        if (s->y && s->y->obj) gen_declare_local(g, s->y->obj);
    }
    Target *tg = gen_push_target(g, label, true);
    int cont, end;
    if (type_is_integer(t) || t->kind == K_SLICE || t->kind == K_ARRAY || type_is_string(t) ||
        (t->kind == K_POINTER && t->elem->kind == K_ARRAY)) {
        int n = emit_reg(fb, 1), i = emit_reg(fb, 1), coll = -1;
        Type *elem = NULL;
        bool str = type_is_string(t);
        if (type_is_integer(t)) {
            gen_expr_as(g, x, type_int, n);
        } else if (t->kind == K_ARRAY || t->kind == K_POINTER) {
            Type *at = t->kind == K_POINTER ? t->elem : t;
            elem = at->elem;
            emit_load_int(fb, n, at->len);
            if (s->y) {
                coll = emit_reg(fb, 1);
                if (t->kind == K_POINTER) {
                    gen_expr_to(g, x, coll);
                } else {
                    // range over an array value ranges over a copy of it.
                    int p = gen_addr(g, x);
                    int cb = emit_reg(fb, 2);
                    load_type(g, cb, t);
                    emit(fb, OP_MOVE, cb + 1, p, 0);
                    native_call(g, RT_CLONE, cb);
                    emit(fb, OP_MOVE, coll, cb, 0);
                }
            }
        } else {
            coll = emit_reg(fb, words_of(t));
            gen_expr_to(g, x, coll);
            emit(fb, OP_MOVE, n, coll + 1, 0);
            elem = t->elem;
        }
        emit_load_int(fb, i, 0);
        int top = emit_here(fb);
        int exit = emit_jump(fb, OP_JLEI, n, i);   // i >= n: done
        int step = emit_reg(fb, 1);
        emit_load_int(fb, step, 1);
        if (str) {
            int d = emit_reg(fb, 3);
            gen_move(g, d, coll, 2);
            emit(fb, OP_MOVE, d + 2, i, 0);
            native_call(g, RT_DECODERUNE, d);
            emit(fb, OP_MOVE, step, d + 1, 0);
            range_store(g, s, s->x, i, type_int);
            range_store(g, s, s->y, d, type_int32);
        } else {
            range_store(g, s, s->x, i, type_int);
            if (s->y && elem) {
                int off = emit_reg(fb, 1), v = emit_reg(fb, words_of(elem) ? words_of(elem) : 1);
                emit(fb, OP_MULIK, off, i, (int)elem->size);
                emit(fb, OP_ADDI, off, coll, off);
                gen_load_ptr(g, v, off, 0, elem);
                range_store(g, s, s->y, v, elem);
            }
        }
        gen_block(g, s->body);
        cont = emit_here(fb);
        emit(fb, OP_ADDI, i, i, step);
        emit_jump_back(fb, OP_JMP, 0, 0, top);
        end = emit_here(fb);
        emit_patch_to(fb, exit, end);
    } else if (t->kind == K_MAP) {
        int kw = words_of(t->key), vw = words_of(t->elem);
        int it = emit_reg(fb, 2);
        load_type(g, it, t);
        gen_expr_to(g, x, it + 1);
        native_call(g, RT_MAPITER, it);
        int base = emit_reg(fb, 1 + kw + vw > 2 ? 1 + kw + vw : 2);
        int top = emit_here(fb);
        load_type(g, base, t);
        emit(fb, OP_MOVE, base + 1, it, 0);
        native_call(g, RT_MAPNEXT, base);
        int exit = emit_jump(fb, OP_JF, base, 0);
        gen_normalize(g, t->key, base + 1);
        gen_normalize(g, t->elem, base + 1 + kw);
        range_store(g, s, s->x, base + 1, t->key);
        range_store(g, s, s->y, base + 1 + kw, t->elem);
        gen_block(g, s->body);
        cont = emit_here(fb);
        emit_jump_back(fb, OP_JMP, 0, 0, top);
        end = emit_here(fb);
        emit_patch_to(fb, exit, end);
    } else if (t->kind == K_CHAN) {
        gen_range_chan(g, s, &cont, &end);
    } else {
        gen_error(g, s, "goli: range over %s is not supported yet", t->str);
        cont = end = emit_here(fb);
    }
    gen_pop_target(g, tg, cont, end);
    emit_free(fb, mark);
}
