// tests/fuzz/mutate.c: a deterministic mutator for goli's robustness tests.
// `mutate SEED IN OUT` writes to OUT a copy of IN changed by one to four
// mutations chosen by SEED: truncation, byte flips, deletion and duplication
// of a word-sized span, insertion of a Go token or of bad bytes, and deep
// nesting (up to 100000 open brackets). The same SEED gives the same output.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state;

// next is a 64-bit xorshift*; deterministic across machines.
static uint64_t next(void) {
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 2685821657736338717ULL;
}

static size_t pick(size_t n) { return n ? (size_t)(next() % n) : 0; }

typedef struct Buf {
    unsigned char *p;
    size_t len, cap;
} Buf;

static void reserve(Buf *b, size_t extra) {
    if (b->len + extra <= b->cap) return;
    b->cap = (b->len + extra) * 2;
    b->p = realloc(b->p, b->cap);
    if (!b->p) { perror("mutate"); exit(1); }
}

// splice replaces del bytes at off with n bytes from src.
static void splice(Buf *b, size_t off, size_t del, const void *src, size_t n) {
    if (off > b->len) off = b->len;
    if (del > b->len - off) del = b->len - off;
    reserve(b, n);
    memmove(b->p + off + n, b->p + off + del, b->len - off - del);
    memcpy(b->p + off, src, n);
    b->len = b->len - del + n;
}

// word_at finds the span of the non-space run at or after off.
static size_t word_len(const Buf *b, size_t off) {
    size_t e = off;
    while (e < b->len && b->p[e] > ' ') e++;
    return e == off ? 1 : e - off;
}

static const char *const snippets[] = {
    "{", "}", "(", ")", "[", "]", ";", ",", ".", "...", ":", ":=", "=", "<-", "\n",
    "func", "func(", "type", "var", "const", "import", "package", "go", "defer",
    "chan", "map[", "struct{", "interface{", "select {", "switch", "case", "default:",
    "for", "range", "if", "else", "return", "goto L", "L:", "x", "_", "T[int]",
    "\"", "`", "'", "/*", "*/", "//", "0x", "0b", "1e", "0x1p", "'\\", "\"\\u",
    "~", "|", "&^=", "...T", "\xff", "\xc0\x80", "\xef\xbb\xbf", "\xe2\x82\xac",
};

static void mutate_once(Buf *b) {
    size_t off = pick(b->len + 1);
    switch (pick(8)) {
    case 0:   // truncate
        b->len = off;
        break;
    case 1: { // flip a byte
        if (!b->len) break;
        b->p[pick(b->len)] = (unsigned char)next();
        break;
    }
    case 2:   // delete a word
        splice(b, off, word_len(b, off), "", 0);
        break;
    case 3: { // duplicate a word
        size_t n = word_len(b, off);
        if (off + n > b->len) break;
        unsigned char *w = malloc(n);
        memcpy(w, b->p + off, n);
        splice(b, off, 0, w, n);
        free(w);
        break;
    }
    case 4: case 5: { // insert a token
        const char *s = snippets[pick(sizeof snippets / sizeof *snippets)];
        splice(b, off, 0, s, strlen(s));
        break;
    }
    case 6: { // deep nesting
        static const char *const opens[] = { "(", "[", "{", "*", "func(", "[]", "<-", "!", "-" };
        const char *s = opens[pick(sizeof opens / sizeof *opens)];
        size_t n = 1 + pick(100000), sl = strlen(s);
        if (pick(2)) n = 100000;
        unsigned char *w = malloc(n * sl);
        for (size_t i = 0; i < n; i++) memcpy(w + i * sl, s, sl);
        splice(b, off, 0, w, n * sl);
        free(w);
        break;
    }
    default: { // a NUL or random bytes
        unsigned char w[4];
        size_t n = 1 + pick(4);
        for (size_t i = 0; i < n; i++) w[i] = pick(4) ? (unsigned char)next() : 0;
        splice(b, off, 0, w, n);
        break;
    }
    }
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: mutate SEED IN OUT\n");
        return 2;
    }
    state = strtoull(argv[1], NULL, 10) * 0x9E3779B97F4A7C15ULL + 1;
    FILE *in = fopen(argv[2], "rb");
    if (!in) { perror(argv[2]); return 1; }
    Buf b = { 0 };
    unsigned char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, in)) > 0) {
        reserve(&b, n);
        memcpy(b.p + b.len, chunk, n);
        b.len += n;
    }
    fclose(in);
    for (int k = 1 + (int)pick(4); k > 0; k--) mutate_once(&b);
    FILE *out = fopen(argv[3], "wb");
    if (!out) { perror(argv[3]); return 1; }
    fwrite(b.p, 1, b.len, out);
    fclose(out);
    free(b.p);
    return 0;
}
