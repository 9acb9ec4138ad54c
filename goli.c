// goli.c: the command line: the REPL (`goli`, `goli repl`), running
// programs (`goli FILE.gol`, `goli run`), and the front end's and
// compiler's tools (`goli parse`, `check`, `dis`).
#include "common/diag.h"
#include "common/mem.h"
#include "common/source.h"
#include "compiler/compile.h"
#include "parser/parse.h"
#include "repl/repl.h"
#include "repl/term.h"
#include "runtime/run.h"
#include "vm/dis.h"

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
    "\t(none)                 the REPL: type Go, see what it does (:help)\n"
    "\trepl [-plain]          the REPL; without a terminal it reads standard\n"
    "\t                       input and echoes each line after its prompt\n"
    "\trun FILE.gol [args]    compile and run a program (also: goli FILE.gol)\n"
    "\tcheck FILE.gol         type-check a program without running it\n"
    "\tdis FILE.gol           print the bytecode of each function\n"
    "\tparse [-ast] FILE...   check that each file is syntactically valid Go;\n"
    "\t                       -ast prints the syntax tree with positions\n"
    "\thelp                   print this text\n"
    "\n"
    "Exit status: the program's own (os.Exit), 2 after a compile error, a\n"
    "panic or a fatal error, 1 when a file cannot be read.\n";

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

// compile_or_report compiles path for `goli run` and `goli dis`, printing
// errors as go run does; *status receives the exit status on failure.
static Program *compile_or_report(const char *path, int *status) {
    const char *err = NULL;
    Diag *diag = diag_new();
    Program *prog = compile_program(path, diag, &err);
    if (err) {
        fprintf(stderr, "%s\n", err);
        *status = 1;
        return NULL;
    }
    if (!prog) {
        diag_flush(diag, stderr);
        *status = 2;
    }
    return prog;
}

// cmd_run runs a program: `goli FILE.gol args...` or `goli run FILE.gol`.
static int cmd_run(int argc, char **argv) {
    if (strcmp(argv[0], "run") == 0) {
        argc--, argv++;
    }
    if (argc < 1) {
        fprintf(stderr, "usage: goli run FILE.gol [arguments...]\n");
        return 2;
    }
    int status = 0;
    Program *prog = compile_or_report(argv[0], &status);
    if (!prog) return status;
    return run_program(prog, argc, argv);
}

// cmd_check type-checks a program without running it.
static int cmd_check(int argc, char **argv) {
    if (argc < 1) {
        fprintf(stderr, "usage: goli check FILE.gol\n");
        return 2;
    }
    const char *err = NULL;
    Diag *diag = diag_new();
    Package *pkg = compile_check(argv[0], diag, &err);
    if (err) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    if (!pkg) {
        diag_flush(diag, stderr);
        return 2;
    }
    return 0;
}

static void dis_one(Func *f, void *arg) {
    vm_dis(arg, f);
    fputc('\n', arg);
}

// cmd_dis prints the bytecode of every function of a program.
static int cmd_dis(int argc, char **argv) {
    if (argc < 1) {
        fprintf(stderr, "usage: goli dis FILE.gol\n");
        return 2;
    }
    int status = 0;
    Program *prog = compile_or_report(argv[0], &status);
    if (!prog) return status;
    compile_each_func(prog, dis_one, stdout);
    return 0;
}

// quiet_gc drops the collector's warnings ("Repeated allocation of very
// large block"): they are not the program's output, and Go has no such lines.
static void quiet_gc(char *msg, GC_word arg) {
    (void)msg;
    (void)arg;
}

int main(int argc, char **argv) {
    bool repl = argc < 2 || strcmp(argv[1], "repl") == 0;
    // Ctrl-C belongs to the REPL's thread: blocked before any other exists.
    if (repl) term_block_sigint();
    GC_INIT();
    GC_set_warn_proc(quiet_gc);
    if (repl) repl_main(argc > 2 && strcmp(argv[2], "-plain") == 0);
    if (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (strcmp(argv[1], "parse") == 0)
        return cmd_parse(argc - 2, argv + 2);
    if (strcmp(argv[1], "check") == 0)
        return cmd_check(argc - 2, argv + 2);
    if (strcmp(argv[1], "dis") == 0)
        return cmd_dis(argc - 2, argv + 2);
    if (strcmp(argv[1], "run") == 0 || has_suffix(argv[1], ".gol") || has_suffix(argv[1], ".go"))
        return cmd_run(argc - 1, argv + 1);
    fprintf(stderr, "goli %s: unknown command\nRun 'goli help' for usage.\n", argv[1]);
    return 2;
}
