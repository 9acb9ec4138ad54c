// goli.c: the command line. `goli parse` runs the front end; running
// programs (`goli FILE.gol`, `goli run`) comes with the compiler and VM.
#include "common/diag.h"
#include "common/mem.h"
#include "common/source.h"
#include "parser/parse.h"

#include <stdio.h>
#include <string.h>

static const char usage_text[] =
    "goli is an interpreter for Go.\n"
    "\n"
    "Usage:\n"
    "\n"
    "\tgoli <command> [arguments]\n"
    "\n"
    "The commands are:\n"
    "\n"
    "\tparse [-ast] FILE...   check that each file is syntactically valid Go;\n"
    "\t                       -ast prints the syntax tree with positions\n"
    "\thelp                   print this text\n"
    "\n"
    "Exit status: 0 when all files parse, 2 after syntax errors, 1 when a\n"
    "file cannot be read.\n";

static int cmd_parse(int argc, char **argv) {
    int dump = 0, i = 0, status = 0;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "-ast") == 0) {
            dump = 1;
        } else if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else {
            fprintf(stderr, "goli parse: unknown flag %s\n", argv[i]);
            return 2;
        }
    }
    if (i == argc) {
        fprintf(stderr, "usage: goli parse [-ast] FILE...\n");
        return 2;
    }
    for (; i < argc; i++) {
        const char *err = NULL;
        Source *src = source_read(argv[i], &err);
        if (!src) {
            fprintf(stderr, "%s\n", err);
            if (status == 0) status = 1;
            continue;
        }
        Diag *diag = diag_new();
        Node *file = parse_file(src, diag);
        if (diag_count(diag)) {
            diag_flush(diag, stderr);
            status = 2;
        } else if (dump) {
            ast_dump(stdout, file);
        }
    }
    fflush(stdout);
    return status;
}

static int has_suffix(const char *s, const char *suf) {
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

// cmd_run runs a program. Until the compiler exists it reports the
// program's syntax errors as `go run` would, and otherwise says that
// running is not there yet.
static int cmd_run(int argc, char **argv) {
    if (strcmp(argv[0], "run") == 0) {
        argc--, argv++;
    }
    if (argc < 1) {
        fprintf(stderr, "usage: goli run FILE.gol [arguments...]\n");
        return 2;
    }
    const char *err = NULL;
    Source *src = source_read(argv[0], &err);
    if (!src) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    Diag *diag = diag_new();
    parse_file(src, diag);
    if (diag_count(diag)) {
        diag_flush(diag, stderr);
        return 2;
    }
    fprintf(stderr, "goli: %s: running programs is not implemented yet (try goli parse)\n", argv[0]);
    return 2;
}

int main(int argc, char **argv) {
    GC_INIT();
    if (argc < 2 || strcmp(argv[1], "help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "--help") == 0) {
        fputs(usage_text, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (strcmp(argv[1], "parse") == 0)
        return cmd_parse(argc - 2, argv + 2);
    if (strcmp(argv[1], "run") == 0 || has_suffix(argv[1], ".gol") || has_suffix(argv[1], ".go"))
        return cmd_run(argc - 1, argv + 1);
    fprintf(stderr, "goli %s: unknown command\nRun 'goli help' for usage.\n", argv[1]);
    return 2;
}
