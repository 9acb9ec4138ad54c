// tests/unit/check_annot.c: what the type checker leaves in the tree for the
// code generator (compiler/check.h): expression types and modes, constant
// values converted to their types, Selections with embedding paths, the
// captured/addressed flags, range and type switch objects, composite
// literal types, Package.inits in the spec's order; and valid programs that
// must check without errors.
#include "tests/unit/check_test.h"

TestSuite(check_annot, .init = check_setup);

static Obj *pkg_obj(Package *p, const char *name) {
    Obj *o = scope_lookup_here(p->scope, name);
    cr_assert_not_null(o, "no package-level %s", name);
    return o;
}

static int64_t ival(Const *v) {
    cr_assert_not_null(v);
    return const_get_int64(v);
}

// ---- Constants ----

Test(check_annot, iota_and_implicit_repetition) {
    Package *p = ct_ok("package main\n\nconst (\n\tA = iota\n\tB\n\tC = \"s\"\n\tD\n\tE = iota * 10\n\tF\n)\n\n"
                       "const (\n\tK0, K1 = iota, iota + 10\n\tK2, K3\n)\n\nfunc main() {}\n");
    cr_assert_eq(ival(pkg_obj(p, "A")->val), 0);
    cr_assert_eq(ival(pkg_obj(p, "B")->val), 1);
    cr_assert_str_eq(const_text(pkg_obj(p, "D")->val), "\"s\"");
    cr_assert_eq(ival(pkg_obj(p, "E")->val), 40);
    cr_assert_eq(ival(pkg_obj(p, "F")->val), 50);
    cr_assert_eq(ival(pkg_obj(p, "K2")->val), 1);
    cr_assert_eq(ival(pkg_obj(p, "K3")->val), 11);
    cr_assert_eq(pkg_obj(p, "F")->type, type_untyped_int);
}

Test(check_annot, exact_constant_arithmetic) {
    Package *p = ct_ok("package main\n\nconst x = 1 << 100 >> 98\nconst big = 1 << 200\nconst y = big >> 198\n"
                       "const t = 0.1+0.2 == 0.3\nconst d = 7 / 2\nconst e = 7 / 2.0\n"
                       "const u uint8 = ^uint8(0)\nconst m = -7 % 3\n\nfunc main() {}\n");
    cr_assert_eq(ival(pkg_obj(p, "x")->val), 4);
    cr_assert_eq(ival(pkg_obj(p, "y")->val), 4);
    cr_assert(pkg_obj(p, "t")->val->b);
    cr_assert_eq(ival(pkg_obj(p, "d")->val), 3);
    cr_assert_str_eq(const_text(pkg_obj(p, "e")->val), "3.5");
    cr_assert_eq(ival(pkg_obj(p, "u")->val), 255);
    cr_assert_eq(pkg_obj(p, "u")->type, type_uint8);
    cr_assert_eq(ival(pkg_obj(p, "m")->val), -1);
}

Test(check_annot, untyped_constant_takes_context_type) {
    Package *p = ct_ok("package main\n\nfunc main() {\n\tvar f float64 = 1\n\tvar g float32 = 0.1\n\t_, _ = f, g\n}\n");
    Node *one = ct_find(p, N_BASICLIT, "1", 0);
    cr_assert_eq(one->type, type_float64);
    cr_assert_eq(one->mode, MODE_CONST);
    cr_assert_eq(one->val->kind, CV_FLOAT);
    Node *tenth = ct_find(p, N_BASICLIT, "0.1", 0);
    cr_assert_eq(tenth->type, type_float32);
    // rounded to float32
    cr_assert_eq(const_get_float64(tenth->val), (double)0.1f);
}

Test(check_annot, default_types) {
    Package *p = ct_ok("package main\n\nfunc main() {\n\tr := 'a'\n\tb := \"s\"[0]\n\tf := 1.5\n\tc := 2i\n"
                       "\tvar s uint\n\tz := 1 << s\n\t_, _, _, _, _ = r, b, f, c, z\n}\n");
    cr_assert_eq(((Obj *)ct_find(p, N_NAME, "r", 0)->obj)->type, type_int32);
    cr_assert_eq(((Obj *)ct_find(p, N_NAME, "b", 0)->obj)->type, type_uint8);
    cr_assert_eq(((Obj *)ct_find(p, N_NAME, "f", 0)->obj)->type, type_float64);
    cr_assert_eq(((Obj *)ct_find(p, N_NAME, "c", 0)->obj)->type, type_complex128);
    cr_assert_eq(((Obj *)ct_find(p, N_NAME, "z", 0)->obj)->type, type_int);
    // `1` in `1 << s` takes the shift's type; the shift is int.
    Node *shl = ct_find(p, N_BINARY, NULL, 0);
    cr_assert_eq(shl->type, type_int);
    cr_assert_eq(shl->x->type, type_int);
    cr_assert_eq(shl->mode, MODE_VALUE);
}

Test(check_annot, shift_count_gets_default_type) {
    Package *p = ct_ok("package main\n\nfunc main() {\n\tx := 1\n\t_ = x << 3\n}\n");
    Node *three = ct_find(p, N_BASICLIT, "3", 0);
    cr_assert_eq(three->type, type_int);
    cr_assert_eq(ival(three->val), 3);
}

Test(check_annot, binary_expression_types) {
    Package *p = ct_ok("package main\n\nfunc main() {\n\tx := 1.5\n\ty := x * 2\n\tb := x < 2\n\tk := 1 < 2\n\t_, _, _ = y, b, k\n}\n");
    Node *mul = ct_find(p, N_BINARY, NULL, 0);
    cr_assert_eq(mul->type, type_float64);
    cr_assert_eq(mul->y->type, type_float64);
    cr_assert_eq(mul->y->val->kind, CV_FLOAT);
    Node *lt = ct_find(p, N_BINARY, NULL, 1);
    cr_assert_eq(lt->type, type_bool);
    cr_assert_eq(lt->mode, MODE_VALUE);
    cr_assert_eq(lt->y->type, type_float64);
    Node *klt = ct_find(p, N_BINARY, NULL, 2);
    cr_assert_eq(klt->mode, MODE_CONST);
    cr_assert_eq(klt->type, type_bool);
    cr_assert(klt->val->b);
}

Test(check_annot, nil_stays_untyped) {
    Package *p = ct_ok("package main\n\nfunc main() {\n\tvar p *int = nil\n\t_ = p == nil\n}\n");
    Node *n0 = ct_find(p, N_NAME, "nil", 0);
    cr_assert_eq(n0->type, type_untyped_nil);
    Node *n1 = ct_find(p, N_NAME, "nil", 1);
    cr_assert_eq(n1->type, type_untyped_nil);
}

Test(check_annot, constant_conversion_values) {
    Package *p = ct_ok("package main\n\nfunc main() {\n\ts := string(rune(65))\n\tb := byte(255)\n\tf := float32(1) / 3\n\t_, _, _ = s, b, f\n}\n");
    Node *conv = ct_find(p, N_CALL, NULL, 0);
    cr_assert_eq(conv->conv, 1);
    cr_assert_eq(conv->mode, MODE_CONST);
    cr_assert_str_eq(const_text(conv->val), "\"A\"");
    cr_assert_eq(conv->type, type_string);
    Node *quo = ct_find(p, N_BINARY, NULL, 0);
    cr_assert_eq(quo->type, type_float32);
    cr_assert_eq(const_get_float64(quo->val), (double)(1.0f / 3.0f));
}

// ---- Selections ----

static Selection *sel_of(Package *p, const char *name, int skip) {
    Node *n = NULL;
    for (int k = 0;; k++) {
        Node *s = ct_find(p, N_SELECTOR, NULL, k);
        if (ast_name_is(s->name, name) && skip-- == 0) {
            n = s;
            break;
        }
    }
    cr_assert_not_null(n->obj, "unresolved selector %s", name);
    return n->obj;
}

Test(check_annot, embedded_field_path) {
    Package *p = ct_ok("package main\n\ntype A struct{ X int }\ntype B struct {\n\t*A\n\tY int\n}\n\n"
                       "func main() {\n\tvar b B\n\t_ = b.X\n\tq := &b\n\t_ = q.Y\n\t_ = q.A.X\n}\n");
    Selection *s = sel_of(p, "X", 0);
    cr_assert_eq(s->kind, SEL_FIELD);
    cr_assert_eq(s->npath, 2);
    cr_assert_eq(s->path[0], 0);
    cr_assert_eq(s->path[1], 0);
    cr_assert(!s->indirect[0]);
    cr_assert(s->indirect[1]);
    cr_assert_str_eq(s->obj->name, "X");
    Selection *y = sel_of(p, "Y", 0);
    cr_assert_eq(y->npath, 1);
    cr_assert_eq(y->path[0], 1);
    cr_assert(y->indirect[0]);
}

Test(check_annot, field_modes) {
    Package *p = ct_ok("package main\n\ntype P struct{ X int }\n\nfunc f() P { return P{} }\n\n"
                       "func main() {\n\tvar v P\n\tv.X = 1\n\t_ = f().X\n\tq := &P{}\n\tq.X = 2\n}\n");
    Node *s0 = ct_find(p, N_SELECTOR, NULL, 0);
    cr_assert_eq(s0->mode, MODE_VAR);
    Node *s1 = ct_find(p, N_SELECTOR, NULL, 1);
    cr_assert_eq(s1->mode, MODE_VALUE);
    Node *s2 = ct_find(p, N_SELECTOR, NULL, 2);
    cr_assert_eq(s2->mode, MODE_VAR);
}

Test(check_annot, method_selections) {
    Package *p = ct_ok("package main\n\nimport \"fmt\"\n\ntype T struct{ n int }\n\n"
                       "func (t *T) Inc()          { t.n++ }\nfunc (t T) String() string { return \"\" }\n\n"
                       "func main() {\n\tvar t T\n\tt.Inc()\n\tp := &t\n\t_ = p.String()\n"
                       "\tvar s fmt.Stringer = t\n\t_ = s.String()\n\tf := T.String\n\t_ = f\n\tg := (*T).Inc\n\t_ = g\n"
                       "\tfmt.Println()\n}\n");
    Selection *inc = sel_of(p, "Inc", 0);
    cr_assert_eq(inc->kind, SEL_METHOD);
    cr_assert(inc->addr_recv);
    cr_assert(!inc->deref_recv);
    cr_assert(inc->method->ptr_recv);
    cr_assert_not_null(inc->method->obj);
    Obj *t = NULL;
    for (int k = 0; !t; k++) {
        Obj *o = ct_find(p, N_NAME, "t", k)->obj;
        if (o && o->decl && o->decl->kind == N_VARSPEC) t = o;
    }
    cr_assert(t->addressed, "t.Inc() takes t's address");
    Selection *str = sel_of(p, "String", 0);
    cr_assert_eq(str->kind, SEL_METHOD);
    cr_assert(str->deref_recv);
    cr_assert(!str->addr_recv);
    Selection *is = sel_of(p, "String", 1);
    cr_assert_eq(is->kind, SEL_IFACE_METHOD);
    Selection *me = sel_of(p, "String", 2);
    cr_assert_eq(me->kind, SEL_METHOD_EXPR);
    Node *men = NULL;
    for (int k = 0;; k++) {
        men = ct_find(p, N_SELECTOR, NULL, k);
        if (men->obj == me) break;
    }
    cr_assert_eq(men->type->kind, K_FUNC);
    cr_assert_eq(men->type->nfields, 1);
    cr_assert_eq(men->type->fields[0].type, pkg_obj(p, "T")->type);
    Selection *pe = sel_of(p, "Inc", 1);
    cr_assert_eq(pe->kind, SEL_METHOD_EXPR);
    cr_assert_eq(pe->recv, type_pointer(pkg_obj(p, "T")->type));
    Selection *pr = sel_of(p, "Println", 0);
    cr_assert_eq(pr->kind, SEL_PKG);
    cr_assert_str_eq(pr->obj->name, "Println");
}

Test(check_annot, promoted_method_path) {
    Package *p = ct_ok("package main\n\ntype In struct{}\n\nfunc (In) M() {}\n\ntype Out struct {\n\tx int\n\tIn\n}\n\n"
                       "func main() {\n\tvar o Out\n\to.M()\n}\n");
    Selection *m = sel_of(p, "M", 0);
    cr_assert_eq(m->kind, SEL_METHOD);
    cr_assert_eq(m->npath, 1);
    cr_assert_eq(m->path[0], 1);
}

Test(check_annot, methods_attached_to_named_type) {
    Package *p = ct_ok("package main\n\ntype T int\n\nfunc (T) B() {}\nfunc (*T) A() {}\n\nfunc main() {}\n");
    Type *t = pkg_obj(p, "T")->type;
    cr_assert_eq(t->nmethods, 2);
    cr_assert_str_eq(t->methods[0].name, "A");
    cr_assert(t->methods[0].ptr_recv);
    cr_assert(!t->methods[1].ptr_recv);
    Obj *b = t->methods[1].obj;
    cr_assert_eq(b->kind, OBJ_FUNC);
    cr_assert_eq(b->decl->kind, N_FUNCDECL);
    cr_assert_eq(b->decl->name->obj, b);
    // The receiver type expression carries the named type (the generator
    // attaches methods through it).
    cr_assert_eq(b->decl->x->x->type, t);
}

// ---- Variables ----

Test(check_annot, captured_and_addressed) {
    Package *p = ct_ok("package main\n\nfunc f(n int) func() int {\n\treturn func() int { return n }\n}\n\n"
                       "func main() {\n\tx := 1\n\tg := func() { x++ }\n\tg()\n\ty := 2\n\tq := &y\n\t_ = q\n"
                       "\tvar a [3]int\n\ts := a[:]\n\t_ = s\n\tz := 3\n\t_ = z\n\tf(1)\n}\n");
    Obj *n = ct_find(p, N_NAME, "n", 0)->obj;
    cr_assert(n->captured);
    Obj *x = ct_find(p, N_NAME, "x", 0)->obj;
    cr_assert(x->captured);
    cr_assert(!x->addressed);
    Obj *y = ct_find(p, N_NAME, "y", 0)->obj;
    cr_assert(y->addressed);
    cr_assert(!y->captured);
    Obj *a = ct_find(p, N_NAME, "a", 0)->obj;
    cr_assert(a->addressed);
    Obj *z = ct_find(p, N_NAME, "z", 0)->obj;
    cr_assert(!z->addressed && !z->captured);
}

Test(check_annot, declaring_nodes) {
    Package *p = ct_ok("package main\n\nvar g = 1\n\nfunc f(a int) {\n\tb := a\n\tfor i := range 3 {\n\t\t_ = i\n\t}\n\t_ = b\n}\n\n"
                       "func main() { f(g) }\n");
    cr_assert_eq(pkg_obj(p, "g")->decl->kind, N_VARSPEC);
    cr_assert_eq(((Obj *)ct_find(p, N_NAME, "a", 0)->obj)->decl->kind, N_FIELD);
    cr_assert_eq(((Obj *)ct_find(p, N_NAME, "b", 0)->obj)->decl->kind, N_ASSIGN);
    Obj *i = ct_find(p, N_NAME, "i", 0)->obj;
    cr_assert_eq(i->decl->kind, N_RANGE);
    cr_assert_eq(i->type, type_int);
}

Test(check_annot, blank_declarations_get_objects) {
    Package *p = ct_ok("package main\n\nfunc two() (int, int) { return 1, 2 }\n\nfunc main() {\n\t_, b := two()\n\tvar _ = b\n}\n");
    Node *blank = ct_find(p, N_NAME, "_", 0);
    cr_assert_not_null(blank->obj);
    cr_assert_eq(((Obj *)blank->obj)->kind, OBJ_VAR);
}

// ---- Statements ----

Test(check_annot, range_types) {
    Package *p = ct_ok("package main\n\nfunc main() {\n\tfor i, r := range \"hé\" {\n\t\t_, _ = i, r\n\t}\n"
                       "\tm := map[string]bool{}\n\tfor k, v := range m {\n\t\t_, _ = k, v\n\t}\n"
                       "\tvar n int64 = 3\n\tfor j := range n {\n\t\t_ = j\n\t}\n\tvar arr [2]string\n\tfor x := range &arr {\n\t\t_ = x\n\t}\n}\n");
    Node *r0 = ct_find(p, N_RANGE, NULL, 0);
    cr_assert_eq(r0->z->type, type_string);
    cr_assert_eq(((Obj *)r0->x->obj)->type, type_int);
    cr_assert_eq(((Obj *)r0->y->obj)->type, type_int32);
    Node *r1 = ct_find(p, N_RANGE, NULL, 1);
    cr_assert_eq(((Obj *)r1->x->obj)->type, type_string);
    cr_assert_eq(((Obj *)r1->y->obj)->type, type_bool);
    Node *r2 = ct_find(p, N_RANGE, NULL, 2);
    cr_assert_eq(((Obj *)r2->x->obj)->type, type_int64);
    Node *r3 = ct_find(p, N_RANGE, NULL, 3);
    cr_assert_eq(r3->z->type->kind, K_POINTER);
}

Test(check_annot, range_over_untyped_int) {
    Package *p = ct_ok("package main\n\nfunc main() {\n\tfor i := range 10 {\n\t\t_ = i\n\t}\n\tfor range 3 {\n\t}\n}\n");
    Node *r0 = ct_find(p, N_RANGE, NULL, 0);
    cr_assert_eq(r0->z->type, type_int);
    cr_assert_eq(((Obj *)r0->x->obj)->type, type_int);
    Node *r1 = ct_find(p, N_RANGE, NULL, 1);
    cr_assert_eq(r1->z->type, type_int);
}

Test(check_annot, type_switch_clause_objects) {
    Package *p = ct_ok("package main\n\nfunc main() {\n\tvar x interface{} = 1\n\tswitch v := x.(type) {\n\tcase int:\n\t\t_ = v + 1\n"
                       "\tcase string, bool:\n\t\t_ = v\n\tdefault:\n\t}\n}\n");
    Node *ts = ct_find(p, N_TYPESWITCH, NULL, 0);
    Obj *o0 = ts->list.v[0]->obj;
    Obj *o1 = ts->list.v[1]->obj;
    Obj *o2 = ts->list.v[2]->obj;
    cr_assert_eq(o0->type, type_int);
    cr_assert_eq(o1->type->kind, K_INTERFACE);
    cr_assert_eq(o2->type->kind, K_INTERFACE);
    Node *use = ct_find(p, N_NAME, "v", 1);
    cr_assert_eq(use->obj, o0);
}

Test(check_annot, labels_resolve) {
    Package *p = ct_ok("package main\n\nfunc main() {\nOuter:\n\tfor {\n\t\tfor {\n\t\t\tbreak Outer\n\t\t}\n\t}\n}\n");
    Node *l = ct_find(p, N_LABELED, NULL, 0);
    Obj *lo = l->name->obj;
    cr_assert_eq(lo->kind, OBJ_LABEL);
    Node *b = ct_find(p, N_BRANCH, NULL, 0);
    cr_assert_eq(b->name->obj, lo);
}

Test(check_annot, comma_ok_forms) {
    Package *p = ct_ok("package main\n\nfunc main() {\n\tm := map[string]int{}\n\tv, ok := m[\"a\"]\n"
                       "\tvar i interface{} = 1\n\tn, ok2 := i.(int)\n\tch := make(chan int, 1)\n\tr, ok3 := <-ch\n"
                       "\t_, _, _, _, _, _ = v, ok, n, ok2, r, ok3\n}\n");
    cr_assert_eq(((Obj *)ct_find(p, N_NAME, "ok", 0)->obj)->type, type_bool);
    cr_assert_eq(((Obj *)ct_find(p, N_NAME, "v", 0)->obj)->type, type_int);
    Node *ix = ct_find(p, N_INDEX, NULL, 0);
    cr_assert_eq(ix->mode, MODE_MAPINDEX);
    Node *ta = ct_find(p, N_TYPEASSERT, NULL, 0);
    cr_assert_eq(ta->mode, MODE_COMMAOK);
    cr_assert_eq(ta->type, type_int);
}

// ---- Calls and literals ----

Test(check_annot, call_annotations) {
    Package *p = ct_ok("package main\n\nfunc f(a ...int) int { return len(a) }\n\n"
                       "func main() {\n\ts := make([]int, 2)\n\t_ = f(s...)\n\t_ = float64(3)\n}\n");
    Node *lenc = ct_find(p, N_CALL, NULL, 0);
    cr_assert_eq(lenc->builtin, BI_LEN + 1);
    cr_assert_eq(lenc->type, type_int);
    Node *mk = ct_find(p, N_CALL, NULL, 1);
    cr_assert_eq(mk->builtin, BI_MAKE + 1);
    cr_assert_eq(mk->type, type_slice(type_int));
    Node *fc = ct_find(p, N_CALL, NULL, 2);
    cr_assert_eq(fc->builtin, 0);
    cr_assert_eq(fc->conv, 0);
    cr_assert_eq(fc->x->type->kind, K_FUNC);
    cr_assert(fc->x->type->variadic);
    Node *cv = ct_find(p, N_CALL, NULL, 3);
    cr_assert_eq(cv->conv, 1);
    cr_assert_eq(cv->type, type_float64);
}

Test(check_annot, array_len_is_constant) {
    Package *p = ct_ok("package main\n\nfunc main() {\n\tvar a [4]int\n\tconst n = len(a)\n\t_ = [n]int{}\n}\n");
    Node *lc = ct_find(p, N_CALL, NULL, 0);
    cr_assert_eq(lc->mode, MODE_CONST);
    cr_assert_eq(ival(lc->val), 4);
}

Test(check_annot, composite_literal_types) {
    Package *p = ct_ok("package main\n\ntype P struct{ X, Y int }\n\nfunc main() {\n\t_ = []P{{1, 2}}\n\t_ = []*P{{X: 1}}\n"
                       "\t_ = map[P]string{{1, 2}: \"a\"}\n\t_ = [...]int{5: 1, 2}\n}\n");
    Type *pt = pkg_obj(p, "P")->type;
    Node *c1 = ct_find(p, N_COMPOSITE, NULL, 1);
    cr_assert_eq(c1->type, pt);
    Node *c3 = ct_find(p, N_COMPOSITE, NULL, 3);
    cr_assert_eq(c3->type, type_pointer(pt));
    Node *key = ct_find(p, N_NAME, "X", 0);
    cr_assert_not_null(key->obj);
    cr_assert_str_eq(((Obj *)key->obj)->name, "X");
    Node *mk = ct_find(p, N_COMPOSITE, NULL, 5);
    cr_assert_eq(mk->type, pt);
    Node *arr = ct_find(p, N_COMPOSITE, NULL, 6);
    cr_assert_eq(arr->type, type_array(type_int, 7));
}

Test(check_annot, struct_layout) {
    Package *p = ct_ok("package main\n\ntype S struct {\n\ta int8\n\tb int64\n\tc bool\n}\n\nfunc main() {}\n");
    Type *s = pkg_obj(p, "S")->type;
    cr_assert_eq(s->size, 24);
    cr_assert_eq(s->fields[1].offset, 8);
    cr_assert_eq(s->fields[2].offset, 16);
    cr_assert_str_eq(s->str, "main.S");
}

// ---- Package ----

Test(check_annot, init_order) {
    Package *p = ct_ok("package main\n\nvar a = b + 1\nvar b = f()\n\nfunc f() int { return c }\n\nvar c = 3\nvar d, e = 1, 2\n"
                       "var x, y = y0, 1\nvar y0 = y + 1\n"
                       "func init() {}\nfunc init() {}\n\nfunc main() {}\n");
    cr_assert_eq(p->ninits, 7);
    cr_assert_eq(p->inits[0]->kind, N_VARSPEC);
    cr_assert(ast_name_is(p->inits[0]->list.v[0], "c"));
    cr_assert(ast_name_is(p->inits[1]->list.v[0], "b"));
    cr_assert(ast_name_is(p->inits[2]->list.v[0], "a"));
    // var d, e = 1, 2: initialized together, the whole spec.
    cr_assert_eq(p->inits[3]->kind, N_VARSPEC);
    cr_assert(ast_name_is(p->inits[3]->list.v[0], "d"));
    // var x, y = y0, 1 with y0 depending on y: y, y0, x, each a NAME or spec.
    cr_assert_eq(p->inits[4]->kind, N_NAME);
    cr_assert(ast_name_is(p->inits[4], "y"));
    cr_assert(ast_name_is(p->inits[5]->list.v[0], "y0"));
    cr_assert_eq(p->inits[6]->kind, N_NAME);
    cr_assert(ast_name_is(p->inits[6], "x"));
    cr_assert_eq(p->ninit_funcs, 2);
    cr_assert_eq(p->init_funcs[0]->decl->line, 12);
    cr_assert_eq(p->nfuncs, 4);
}

Test(check_annot, multi_value_var_spec_once) {
    Package *p = ct_ok("package main\n\nfunc two() (int, int) { return 1, 2 }\n\nvar x, y = two()\n\nfunc main() { _, _ = x, y }\n");
    cr_assert_eq(p->ninits, 1);
    cr_assert_eq(p->inits[0]->kind, N_VARSPEC);
    cr_assert_eq(pkg_obj(p, "y")->type, type_int);
}

Test(check_annot, imported_package_types) {
    Package *p = ct_ok("package main\n\nimport \"time\"\n\nfunc main() {\n\td := 2 * time.Second\n\ttime.Sleep(d)\n}\n");
    Obj *d = ct_find(p, N_NAME, "d", 0)->obj;
    cr_assert_str_eq(d->type->str, "time.Duration");
    cr_assert_eq(p->nimports, 1);
}

// ---- Valid programs ----

Test(check_annot, valid_program_features) {
    ct_ok("package main\n\n"
          "import (\n\t\"fmt\"\n\t\"strings\"\n)\n\n"
          "type Shape interface {\n\tArea() float64\n\tPerimeter() float64\n}\n\n"
          "type Rect struct{ W, H float64 }\n\n"
          "func (r Rect) Area() float64      { return r.W * r.H }\n"
          "func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }\n\n"
          "type Named struct {\n\tRect\n\tName string\n}\n\n"
          "type Stack[] int\n\n"
          "func (s *Stack) Push(v int) { *s = append(*s, v) }\n"
          "func (s *Stack) Pop() (v int, ok bool) {\n\tif len(*s) == 0 {\n\t\treturn\n\t}\n\tv = (*s)[len(*s)-1]\n\t*s = (*s)[:len(*s)-1]\n\treturn v, true\n}\n\n"
          "func sum(xs ...int) (total int) {\n\tfor _, x := range xs {\n\t\ttotal += x\n\t}\n\treturn\n}\n\n"
          "func divmod(a, b int) (int, int) { return a / b, a % b }\n\n"
          "func main() {\n"
          "\tvar shapes []Shape\n\tshapes = append(shapes, Rect{2, 3}, Named{Rect{1, 1}, \"sq\"})\n"
          "\tfor i, s := range shapes {\n\t\tfmt.Println(i, s.Area(), s.Perimeter())\n\t}\n"
          "\tvar st Stack\n\tst.Push(1)\n\tif v, ok := st.Pop(); ok {\n\t\tfmt.Println(v)\n\t}\n"
          "\tfmt.Println(sum(1, 2, 3), sum([]int{4, 5}...))\n\tq, r := divmod(7, 2)\n\tfmt.Println(q, r)\n"
          "\tm := map[string][]int{}\n\tm[\"a\"] = append(m[\"a\"], 1)\n\tdelete(m, \"a\")\n"
          "\tch := make(chan int, 3)\n\tdone := make(chan struct{})\n\tgo func() {\n\t\tdefer close(done)\n\t\tfor v := range ch {\n\t\t\tfmt.Println(v)\n\t\t}\n\t}()\n"
          "\tch <- 1\n\tclose(ch)\n\t<-done\n"
          "\tselect {\n\tcase v, ok := <-ch:\n\t\t_, _ = v, ok\n\tdefault:\n\t}\n"
          "\tvar sb strings.Builder\n\tsb.WriteString(strings.ToUpper(\"x\"))\n\tfmt.Println(sb.String())\n"
          "\tvar e interface{} = 3.5\n\tswitch v := e.(type) {\n\tcase int:\n\t\tfmt.Println(\"int\", v)\n\tcase float64, float32:\n\t\tfmt.Println(v)\n\t}\n"
          "\tx := 10\n\tp := &x\n\t*p += 5\n\tfmt.Println(min(x, 3, 7), max(2.5, 1), x<<2, ^x, -x)\n"
          "\tb := []byte(\"hi\")\n\tb = append(b, \"!\"...)\n\trs := []rune(string(b))\n\tfmt.Println(len(rs), cap(b) >= 3, string(rs[0]))\n"
          "\tclear(m)\n\tvar arr [3]int\n\tcopy(arr[:], []int{1, 2})\n\tfmt.Println(arr, len(arr))\n"
          "\tfunc() {\n\t\tdefer func() {\n\t\t\tif r := recover(); r != nil {\n\t\t\t\tfmt.Println(\"recovered\", r)\n\t\t\t}\n\t\t}()\n\t\tpanic(\"boom\")\n\t}()\n"
          "\tfor i := range 3 {\n\t\tif i == 1 {\n\t\t\tcontinue\n\t\t}\n\t}\n"
          "\tconst big = 1 << 100\n\tfmt.Println(big >> 98, complex(1, 2), real(3i))\n"
          "\tvar f func(int) int\n\tf = func(n int) int {\n\t\tif n <= 1 {\n\t\t\treturn 1\n\t\t}\n\t\treturn n * f(n-1)\n\t}\n\tfmt.Println(f(5))\n"
          "}\n");
}

Test(check_annot, valid_goto_and_labels) {
    ct_ok("package main\n\nfunc main() {\n\ti := 0\nloop:\n\tif i < 3 {\n\t\ti++\n\t\tgoto loop\n\t}\n"
          "outer:\n\tfor j := 0; j < 3; j++ {\n\t\tswitch j {\n\t\tcase 1:\n\t\t\tcontinue outer\n\t\tcase 2:\n\t\t\tbreak outer\n\t\t}\n\t}\n}\n");
}

Test(check_annot, valid_shadowing_and_scopes) {
    ct_ok("package main\n\nimport \"fmt\"\n\nvar x = 1\n\nfunc main() {\n\tfmt.Println(x)\n\tx := \"s\"\n\t{\n\t\tx := 2.5\n\t\t_ = x\n\t}\n"
          "\tif x := 3; x > 2 {\n\t\t_ = x\n\t} else if y := x; y > 0 {\n\t\t_ = y\n\t}\n\tfor x := 0; x < 1; x++ {\n\t}\n\t_ = x\n"
          "\tvar int = 3\n\t_ = int\n}\n");
}

Test(check_annot, valid_method_values_and_interfaces) {
    ct_ok("package main\n\nimport \"fmt\"\n\ntype Counter struct{ n int }\n\nfunc (c *Counter) Inc() { c.n++ }\nfunc (c Counter) Get() int { return c.n }\n\n"
          "type Incer interface{ Inc() }\ntype Both interface {\n\tIncer\n\tGet() int\n}\n\n"
          "func main() {\n\tc := &Counter{}\n\tinc := c.Inc\n\tinc()\n\tvar b Both = c\n\tb.Inc()\n\tvar i Incer = b\n\ti.Inc()\n"
          "\tget := Counter.Get\n\tfmt.Println(get(*c), b.Get())\n\tvar e error\n\t_ = e == nil\n\tvar s fmt.Stringer\n\t_ = s != nil\n}\n");
}
