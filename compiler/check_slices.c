// compiler/check_slices.c: calls of the generic functions of slices and
// cmp, instantiated by inference from their arguments (check_slices.h).
//
// Each function is described by a line of letters, one per parameter, in
// the table below; inference reads the arguments the way Go's does for
// these signatures: S (and S2) is the type of the first typed slice
// argument, E its element type, T the target's type (or, for an untyped
// constant target, the type the comparison function takes); untyped
// constants fall back to their default type. The constraints (~[]E,
// comparable, cmp.Ordered) are checked on the inferred types, then every
// argument is checked for assignability as in an ordinary call.
#include "compiler/check_slices.h"

// Parameter letters.
//   S  x S (S ~[]E)          X  s2 S2 (S2 ~[]E2)       E  v E
//   I  i int                 T  target T               O  x T (cmp)
//   F  cmp func(a, b E) int  Q  eq func(E, E) bool     P  f func(E) bool
//   B  cmp func(E, T) int    W  eq func(E1, E2) bool   Z  cmp func(E1, E2) int
//   V  v ...E                C  slices ...S            R  vals ...T (cmp.Or)
// Result letters: i int, b bool, e E, s S, t T.
typedef struct Generic {
    const char *pkg, *name;
    const char *params;
    const char *results;
    char constraint;        // on E (T for cmp): 'a' any, 'c' comparable, 'o' cmp.Ordered
    const char *want;       // the parameters as Go's messages spell them
} Generic;

static const Generic generics[] = {
    { "slices", "BinarySearch", "SE", "ib", 'o', "(S, E)" },
    { "slices", "BinarySearchFunc", "STB", "ib", 'a', "(S, T, func(E, T) int)" },
    { "slices", "Clip", "S", "s", 'a', "(S)" },
    { "slices", "Clone", "S", "s", 'a', "(S)" },
    { "slices", "Compact", "S", "s", 'c', "(S)" },
    { "slices", "CompactFunc", "SQ", "s", 'a', "(S, func(E, E) bool)" },
    { "slices", "Compare", "SS", "i", 'o', "(S, S)" },
    { "slices", "CompareFunc", "SXZ", "i", 'a', "(S1, S2, func(E1, E2) int)" },
    { "slices", "Concat", "C", "s", 'a', "(...S)" },
    { "slices", "Contains", "SE", "b", 'c', "(S, E)" },
    { "slices", "ContainsFunc", "SP", "b", 'a', "(S, func(E) bool)" },
    { "slices", "Delete", "SII", "s", 'a', "(S, int, int)" },
    { "slices", "DeleteFunc", "SP", "s", 'a', "(S, func(E) bool)" },
    { "slices", "Equal", "SS", "b", 'c', "(S, S)" },
    { "slices", "EqualFunc", "SXW", "b", 'a', "(S1, S2, func(E1, E2) bool)" },
    { "slices", "Grow", "SI", "s", 'a', "(S, int)" },
    { "slices", "Index", "SE", "i", 'c', "(S, E)" },
    { "slices", "IndexFunc", "SP", "i", 'a', "(S, func(E) bool)" },
    { "slices", "Insert", "SIV", "s", 'a', "(S, int, ...E)" },
    { "slices", "IsSorted", "S", "b", 'o', "(S)" },
    { "slices", "IsSortedFunc", "SF", "b", 'a', "(S, func(a E, b E) int)" },
    { "slices", "Max", "S", "e", 'o', "(S)" },
    { "slices", "MaxFunc", "SF", "e", 'a', "(S, func(a E, b E) int)" },
    { "slices", "Min", "S", "e", 'o', "(S)" },
    { "slices", "MinFunc", "SF", "e", 'a', "(S, func(a E, b E) int)" },
    { "slices", "Replace", "SIIV", "s", 'a', "(S, int, int, ...E)" },
    { "slices", "Reverse", "S", "", 'a', "(S)" },
    { "slices", "Sort", "S", "", 'o', "(S)" },
    { "slices", "SortFunc", "SF", "", 'a', "(S, func(a E, b E) int)" },
    { "slices", "SortStableFunc", "SF", "", 'a', "(S, func(a E, b E) int)" },
    { "cmp", "Compare", "OO", "i", 'o', "(T, T)" },
    { "cmp", "Less", "OO", "b", 'o', "(T, T)" },
    { "cmp", "Or", "R", "t", 'c', "(...T)" },
};

static const char *ORDERED_TERMS =
    "~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | "
    "~uintptr | ~float32 | ~float64 | ~string";

// Inference state: the type parameters found so far.
typedef struct Infer {
    Checker *c;
    Node *call;
    const char *fname;      // "slices.Sort"
    Type *s, *e;            // S, E
    Type *s2, *e2;          // S2, E2
    Type *t;                // T
} Infer;

static const Generic *find_generic(Node *fun) {
    if (fun->kind != N_SELECTOR || fun->mode == MODE_INVALID) return NULL;
    Selection *sel = fun->obj;
    if (!sel || sel->kind != SEL_PKG || !sel->obj || sel->obj->kind != OBJ_FUNC || !sel->obj->pkg) return NULL;
    const char *path = sel->obj->pkg->path;
    for (size_t i = 0; i < sizeof generics / sizeof *generics; i++)
        if (strcmp(generics[i].pkg, path) == 0 && strcmp(generics[i].name, sel->obj->name) == 0)
            return &generics[i];
    return NULL;
}

static bool is_untyped_nil(const Node *a) { return a->type && a->type->kind == K_UNTYPED_NIL; }

// arg_type is the type an argument contributes to inference: its own, an
// untyped constant's default type, or NULL for untyped nil.
static Type *arg_type(Node *a) {
    if (is_untyped_nil(a)) return NULL;
    return type_is_untyped(a->type) ? type_default(a->type) : a->type;
}

// untyped_rank orders untyped constant kinds as inference joins them
// (int < rune < float < complex).
static int untyped_rank(const Type *t) {
    switch (t->kind) {
    case K_UNTYPED_INT: return 1;
    case K_UNTYPED_RUNE: return 2;
    case K_UNTYPED_FLOAT: return 3;
    case K_UNTYPED_COMPLEX: return 4;
    default: return 0;
    }
}

// join_args infers one type parameter from several arguments: the first
// typed one, else the default type of the largest untyped constant kind.
static Type *join_args(Node **args, int n) {
    Type *best = NULL;
    for (int i = 0; i < n; i++) {
        Node *a = args[i];
        if (is_untyped_nil(a)) continue;
        if (!type_is_untyped(a->type)) return a->type;
        if (!best || untyped_rank(a->type) > untyped_rank(best)) best = a->type;
    }
    return best ? type_default(best) : NULL;
}

static bool cannot_infer(Infer *in, const char *tpar) {
    check_error_at(in->c, in->call, "in call to %s, cannot infer %s", in->fname, tpar);
    return false;
}

// slice_param checks that an inferred S (or S2) is a slice type.
static bool slice_param(Infer *in, const char *tpar, const char *core, Type *t) {
    if (under(t)->kind == K_SLICE) return true;
    check_error_at(in->c, in->call, "in call to %s, %s (type %s) does not satisfy %s", in->fname, tpar,
                   check_type_str(in->c, t), core);
    return false;
}

static bool satisfies(Infer *in, Type *t, char constraint) {
    Checker *c = in->c;
    if (constraint == 'o' && !all_ordered(t)) {
        const char *ts = check_type_str(c, t);
        check_error_at(c, in->call, "%s does not satisfy cmp.Ordered (%s missing in %s)", ts, ts, ORDERED_TERMS);
        return false;
    }
    const char *why = NULL;
    if (constraint == 'c' && !check_comparable(t, &why, c)) {
        check_error_at(c, in->call, "%s does not satisfy comparable", check_type_str(c, t));
        return false;
    }
    return true;
}

// func_type builds func(a, b) r, for r NULL without results.
static Type *func_type(int n, Type *a, Type *b, Type *r) {
    Field f[2] = { { .type = a }, { .type = b } };
    return type_func(n, f, r ? 1 : 0, &r, false);
}

// infer finds S, E (and S2, E2, T) from the arguments; false after an error.
static bool infer(Infer *in, const Generic *gen, Node **args, int nargs, bool dots) {
    const char *p = gen->params;
    int np = (int)strlen(p);
    for (int i = 0; i < np && i < nargs; i++) {
        Type *t = arg_type(args[i]);
        if (!t) continue;
        switch (p[i]) {
        case 'S':
            if (!in->s) in->s = t;
            break;
        case 'X':
            in->s2 = t;
            break;
        case 'C':
            if (dots) {
                if (under(t)->kind != K_SLICE) return cannot_infer(in, "S");
                in->s = under(t)->elem;
            } else {
                for (int k = i; k < nargs && !in->s; k++) in->s = arg_type(args[k]);
            }
            break;
        default:
            break;
        }
    }
    if (strchr(p, 'S') || strchr(p, 'C')) {
        if (!in->s) return cannot_infer(in, strchr(p, 'X') ? "S1" : "S");
        if (!slice_param(in, strchr(p, 'X') ? "S1" : "S", strchr(p, 'X') ? "~[]E1" : "~[]E", in->s)) return false;
        in->e = under(in->s)->elem;
    }
    if (strchr(p, 'X')) {
        if (!in->s2) return cannot_infer(in, "S2");
        if (!slice_param(in, "S2", "~[]E2", in->s2)) return false;
        in->e2 = under(in->s2)->elem;
    }
    if (strchr(p, 'T')) {
        // Typed arguments first: a typed target, else the type cmp takes.
        Node *target = args[1];
        if (!type_is_untyped(target->type)) {
            in->t = target->type;
        } else if (nargs > 2 && under(args[2]->type)->kind == K_FUNC && under(args[2]->type)->nfields == 2) {
            in->t = under(args[2]->type)->fields[1].type;
        } else if (!is_untyped_nil(target)) {
            in->t = type_default(target->type);
        } else {
            return cannot_infer(in, "T");
        }
    }
    if (p[0] == 'O') {
        in->t = join_args(args, nargs < 2 ? nargs : 2);
        if (!in->t) return cannot_infer(in, "T");
    }
    if (p[0] == 'R') {
        if (dots && nargs == 1) {
            Type *t = arg_type(args[0]);
            if (!t || under(t)->kind != K_SLICE) return cannot_infer(in, "T");
            in->t = under(t)->elem;
        } else {
            in->t = join_args(args, nargs);
        }
        if (!in->t) return cannot_infer(in, "T");
    }
    Type *ct = in->e;
    if (p[0] == 'O' || p[0] == 'R') ct = in->t;
    return !ct || satisfies(in, ct, gen->constraint);
}

static Type *param(Infer *in, char letter) {
    switch (letter) {
    case 'S': return in->s;
    case 'X': return in->s2;
    case 'E': return in->e;
    case 'I': return type_int;
    case 'T': case 'O': return in->t;
    case 'F': return func_type(2, in->e, in->e, type_int);
    case 'Q': return func_type(2, in->e, in->e, type_bool);
    case 'P': return func_type(1, in->e, NULL, type_bool);
    case 'B': return func_type(2, in->e, in->t, type_int);
    case 'W': return func_type(2, in->e, in->e2, type_bool);
    case 'Z': return func_type(2, in->e, in->e2, type_int);
    case 'V': return type_slice(in->e);
    case 'C': return type_slice(in->s);
    case 'R': return type_slice(in->t);
    default: return type_invalid;
    }
}

static Type *result(Infer *in, char letter) {
    switch (letter) {
    case 'i': return type_int;
    case 'b': return type_bool;
    case 'e': return in->e;
    case 's': return in->s;
    default: return in->t;
    }
}

bool check_slices_call(Checker *c, Node *n) {
    Node *fun = check_unparen(n->x);
    const Generic *gen = find_generic(fun);
    if (!gen) return false;
    const char *fname = mem_sprintf("%s.%s", gen->pkg, gen->name);
    int nargs = n->list.n;
    Node **args = n->list.v;
    if (!check_all_args(c, n)) return true;
    const char *p = gen->params;
    int np = (int)strlen(p);
    char last = p[np - 1];
    bool variadic = last == 'V' || last == 'C' || last == 'R';
    bool dots = (n->flags & NF_DOTS) != 0;
    if (dots && !variadic) {
        check_error_at(c, n, "cannot use ... in call to non-variadic %s", fname);
        check_set_invalid_call(n);
        return true;
    }
    bool count_ok = variadic && !dots ? nargs >= np - 1 : nargs == np;
    if (!count_ok) {
        Node *at = n;
        const char *q = "not enough";
        if (nargs > np) {
            at = args[np];
            q = "too many";
        } else if (nargs > 0) {
            at = args[nargs - 1];
        }
        Type **have = mem_alloc((nargs + 1) * sizeof *have);
        for (int i = 0; i < nargs; i++) have[i] = args[i]->type;
        check_error_at(c, at, "%s arguments in call to %s\n\thave %s\n\twant %s", q, fname,
                       check_types_summary(c, have, nargs, false), gen->want);
        check_set_invalid_call(n);
        return true;
    }
    Infer in = { c, n, fname, NULL, NULL, NULL, NULL, NULL };
    if (!infer(&in, gen, args, nargs, dots)) {
        check_set_invalid_call(n);
        return true;
    }
    // The instantiated signature, and the arguments against it.
    Field *fields = mem_alloc(np * sizeof *fields);
    for (int i = 0; i < np; i++) fields[i].type = param(&in, p[i]);
    const char *context = mem_sprintf("argument to %s", fname);
    bool ok = true;
    for (int i = 0; i < nargs; i++) {
        Type *pt = fields[i < np ? i : np - 1].type;
        if (variadic && !dots && i >= np - 1) pt = pt->elem;
        if (!check_assignment(c, args[i], pt, context)) ok = false;
    }
    int nr = (int)strlen(gen->results);
    Type *results[2];
    for (int i = 0; i < nr; i++) results[i] = result(&in, gen->results[i]);
    fun->type = type_func(np, fields, nr, results, variadic);
    fun->mode = MODE_VALUE;
    if (!ok) {
        check_set_invalid_call(n);
    } else if (nr == 0) {
        n->mode = MODE_NOVALUE;
        n->type = type_tuple(0, NULL);
    } else {
        n->mode = MODE_VALUE;
        n->type = nr == 1 ? results[0] : type_tuple(nr, results);
    }
    return true;
}
