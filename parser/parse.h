// parser/parse.h: the parser's interface. parse_file runs the lemon grammar
// (parser/go.y) over the scanner's tokens and returns the file's AST
// (parser/ast.h); syntax errors go to the Diag in gc's wording.
#ifndef GOLI_PARSE_H
#define GOLI_PARSE_H

#include <stdio.h>

#include "common/diag.h"
#include "common/source.h"
#include "parser/ast.h"

// parse_file parses one Go source file. It returns the File node (possibly
// partial after errors; never NULL); errors were reported iff
// diag_count(diag) grew.
Node *parse_file(const Source *src, Diag *diag);

// parse_gc_errors reports the errors gc's parser finds in file that
// go/parser (gofmt) lets through, and returns how many: a method with no or
// several receivers, a parenthesized embedded type, `:=` in a for loop's
// post statement, `goto` without a label. parse_file leaves them out, so
// that `goli parse` accepts what gofmt accepts; a compile driver calls
// this right after parse_file, as gc reports them with the syntax errors.
int parse_gc_errors(const Source *src, const Node *file, Diag *diag);

// ast_dump writes the indented AST dump that `goli parse -ast` prints.
void ast_dump(FILE *out, const Node *n);

#endif
