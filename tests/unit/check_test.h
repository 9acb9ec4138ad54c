// tests/unit/check_test.h: helpers shared by the type checker's unit tests
// (tests/unit/check.c: error messages; tests/unit/check_annot.c: what the
// checker leaves in the tree). A test checks a source string as package
// main of file x.go; imports come from the small fake standard packages
// below (body-less functions, as the embedded library declares natives).
#ifndef GOLI_CHECK_TEST_H
#define GOLI_CHECK_TEST_H

#include "common/diag.h"
#include "common/mem.h"
#include "common/source.h"
#include "compiler/check.h"
#include "parser/parse.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline void check_setup(void) {
    GC_INIT();
    universe_init();
}

static inline Node *ct_parse(const char *name, const char *src, Diag *d) {
    Node *f = parse_file(source_from_string(name, src, strlen(src)), d);
    f->text = name;
    f->len = (uint32_t)strlen(name);
    return f;
}

static const struct {
    const char *path, *src;
} ct_std[] = {
    { "fmt", "package fmt\n"
             "type Stringer interface{ String() string }\n"
             "func Println(a ...any) (n int, err error)\n"
             "func Printf(format string, a ...any) (n int, err error)\n"
             "func Sprintf(format string, a ...any) string\n"
             "func Sprint(a ...any) string\n" },
    { "strings", "package strings\n"
                 "type Builder struct{ buf []byte }\n"
                 "func (b *Builder) WriteString(s string) (int, error)\n"
                 "func (b *Builder) String() string\n"
                 "func ToUpper(s string) string\n"
                 "func Repeat(s string, n int) string\n" },
    { "os", "package os\n"
            "var Args []string\n"
            "func Exit(code int)\n" },
    { "math", "package math\n"
              "const Pi = 3.14159265358979323846264338327950288419716939937510582097494459\n"
              "const MaxInt8 = 1<<7 - 1\n"
              "func Sqrt(x float64) float64\n" },
    { "time", "package time\n"
              "type Duration int64\n"
              "const Second Duration = 1000000000\n"
              "func Sleep(d Duration)\n" },
};

static Package *ct_loaded[sizeof ct_std / sizeof ct_std[0]];

static inline Package *ct_import(const char *path, Diag *diag) {
    for (size_t i = 0; i < sizeof ct_std / sizeof ct_std[0]; i++) {
        if (strcmp(ct_std[i].path, path) != 0) continue;
        if (!ct_loaded[i]) {
            Node *f = ct_parse(mem_sprintf("%s.go", path), ct_std[i].src, diag);
            ct_loaded[i] = check_package(path, &f, 1, diag, ct_import);
        }
        return ct_loaded[i];
    }
    return NULL;
}

// ct_flush returns the diagnostics as printed, without "x.go:" prefixes.
static inline char *ct_flush(Diag *d) {
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    diag_flush(d, f);
    fclose(f);
    char *s = mem_strndup(out, len);
    free(out);
    char *r = mem_alloc(len + 1), *w = r;
    for (const char *p = s; *p;) {
        if (strncmp(p, "x.go:", 5) == 0) p += 5;
        else if (strncmp(p, "\tx.go:", 6) == 0) {
            *w++ = '\t';
            p += 6;
        }
        while (*p && *p != '\n') *w++ = *p++;
        if (*p) *w++ = *p++;
    }
    *w = 0;
    return r;
}

// ct_check checks src (a whole file) as package main, including
// check_main_errors when it has no other errors; returns the errors.
static inline char *ct_check(const char *src, Package **out) {
    Diag *d = diag_new();
    Node *f = ct_parse("x.go", src, d);
    if (diag_count(d)) {
        char *e = ct_flush(d);
        cr_assert_fail("syntax errors in test source:\n%s", e);
    }
    Package *p = check_package("main", &f, 1, d, ct_import);
    if (!diag_count(d)) check_main_errors(p, d);
    if (out) *out = p;
    return ct_flush(d);
}

// ct_errors checks a function body (in package main with fmt imported and
// used) and returns the errors.
static inline char *ct_body(const char *body) {
    return ct_check(mem_sprintf("package main\n\nfunc main() {\n\t// body\n%s\n}\n", body), NULL);
}

// ct_ok checks src and fails the test on any error.
static inline Package *ct_ok(const char *src) {
    Package *p;
    char *e = ct_check(src, &p);
    cr_assert_str_eq(e, "", "unexpected errors:\n%s\nin:\n%s", e, src);
    return p;
}

// ct_find returns the first node (pre-order) of kind k whose text (NAME,
// BASICLIT) is text, or any node of kind k when text is NULL; skip says how
// many matches to pass over.
static inline Node *ct_find_in(Node *n, NodeKind k, const char *text, int *skip) {
    if (!n) return NULL;
    if (n->kind == k && (!text || (n->text && n->len == strlen(text) && memcmp(n->text, text, n->len) == 0))) {
        if ((*skip)-- == 0) return n;
    }
    Node *kids[6] = { n->name, n->x, n->y, n->z, n->w, n->body };
    for (int i = 0; i < 6; i++) {
        Node *r = ct_find_in(kids[i], k, text, skip);
        if (r) return r;
    }
    for (int i = 0; i < n->list.n; i++) {
        Node *r = ct_find_in(n->list.v[i], k, text, skip);
        if (r) return r;
    }
    for (int i = 0; i < n->rlist.n; i++) {
        Node *r = ct_find_in(n->rlist.v[i], k, text, skip);
        if (r) return r;
    }
    return NULL;
}

static inline Node *ct_find(Package *p, NodeKind k, const char *text, int skip) {
    Node *r = ct_find_in(p->files[0], k, text, &skip);
    cr_assert_not_null(r, "no %s %s", ast_kind_name(k), text ? text : "");
    return r;
}

#endif
