// parser/parse.c: parse_file, the token pump between the scanner
// (lexer/lex.h) and the lemon parser (parser/go.y), and the syntax error
// messages, worded as gc's syntax package words them (Go 1.22: "unexpected
// name x, expected )"). The grammar's side of the seam is parser/seam.h.
//
// The pump (parse_file, at the end) maps each TokenKind to the grammar's
// terminal (tk_of, expanded from TOKENS) and decides for every `{` whether
// it is LBODY, the brace that opens the body of an if, for, switch or
// select, by asking the parser whether it would shift LBODY now (go.y,
// section Statements). Parser objects are reused across files (Parsers).
//
// Error messages: lemon only says that the token does not fit. The reporter
// asks the parser which terminals would fit (expected_set), looks down the
// stack for the innermost open bracket and its role (the opener rules of
// go.y record their symbols in AstCtx.opener_role) and for an if/for/switch
// keyword above it, and from these picks gc's phrase: "at end of statement",
// "in argument list; possibly missing comma or )", "expected expression",
// and so on.
#include "parser/parse.h"
#include "parser/seam.h"
#include "parser/go.h"
#include "lexer/lex.h"
#include "common/mem.h"

#include <stdarg.h>
#include <string.h>

// ---- Token codes ----

// The grammar folds some token kinds together (parser/go.y, %token); these
// aliases let tk_of be expanded from TOKENS with one entry per kind.
#define TK_EOF            0
#define TK_ILLEGAL        0
#define TK_INT            TK_LITERAL
#define TK_FLOAT          TK_LITERAL
#define TK_IMAG           TK_LITERAL
#define TK_RUNE           TK_LITERAL
#define TK_STRING         TK_LITERAL
#define TK_ADD_ASSIGN     TK_ASSIGN_OP
#define TK_SUB_ASSIGN     TK_ASSIGN_OP
#define TK_MUL_ASSIGN     TK_ASSIGN_OP
#define TK_QUO_ASSIGN     TK_ASSIGN_OP
#define TK_REM_ASSIGN     TK_ASSIGN_OP
#define TK_AND_ASSIGN     TK_ASSIGN_OP
#define TK_OR_ASSIGN      TK_ASSIGN_OP
#define TK_XOR_ASSIGN     TK_ASSIGN_OP
#define TK_SHL_ASSIGN     TK_ASSIGN_OP
#define TK_SHR_ASSIGN     TK_ASSIGN_OP
#define TK_AND_NOT_ASSIGN TK_ASSIGN_OP

static const unsigned char tk_of[T_COUNT] = {
#define TK_ENTRY(name, text) [T_##name] = TK_##name,
    TOKENS(TK_ENTRY)
#undef TK_ENTRY
};

int parse_token_code(TokenKind k) {
    return (unsigned)k < T_COUNT ? tk_of[k] : 0;
}

// ---- Parsers ----

// A parser object holds lemon's stack, which grows on demand (parser/go.y,
// stack_realloc). One finished parser is kept for the next parse_file; the
// slot is a GC root, so the stack's semantic values stay visible to the
// collector.
static void *spare_parser;

static void *take_parser(void) {
    void *p = __atomic_exchange_n(&spare_parser, NULL, __ATOMIC_ACQ_REL);
    if (!p)
        return ParseAlloc(mem_alloc);
    ParseInit(p);
    return p;
}

static void put_parser(void *p) {
    void *none = NULL;
    ParseFinalize(p);
    __atomic_compare_exchange_n(&spare_parser, &none, p, 0, __ATOMIC_ACQ_REL,
                                __ATOMIC_RELAXED);
}

// ---- Syntax errors ----

// Expected is the set of terminals the parser would shift.
typedef struct Expected {
    unsigned char has[128];
    int n;
} Expected;

static void expected_set(void *p, Expected *e) {
    memset(e, 0, sizeof *e);
    int nt = ParseTerminalCount();
    for (int k = 1; k < nt && k < 128; k++)
        if (ParseWouldAccept(p, k)) {
            e->has[k] = 1;
            e->n++;
        }
    if (e->has[TK_LBODY])       // LBODY is a `{` to the user
        e->has[TK_LBRACE] = 1;
}

// parse_token_text: see parser/seam.h.
const char *parse_token_text(const Token *t) {
    switch (t->kind) {
    case T_EOF:
        return "EOF";
    case T_IDENT:
        return mem_sprintf("name %.*s", (int)t->len, t->text);
    case T_INT: case T_FLOAT: case T_IMAG: case T_RUNE: case T_STRING:
        return mem_sprintf("literal %.*s", (int)t->len, t->text);
    case T_SEMI:
        return t->semi == SEMI_NEWLINE ? "newline" : t->semi == SEMI_EOF ? "EOF" : "semicolon";
    default:
        if (tok_is_keyword(t->kind))
            return mem_sprintf("keyword %s", tok_spelling(t->kind));
        return tok_spelling(t->kind);
    }
}

// Context is what the stack says about where the error is.
typedef struct Context {
    Opener opener;          // innermost open bracket's role (OPEN_NONE: top level)
    int paren;              // the innermost bracket is a plain ( or [
    int header;             // T_IF, T_FOR or T_SWITCH if in its header, else 0
    int header_depth;       // stack index (from the top) of that keyword
    int case_body;          // the block is the body of a switch or select
    int case_head;          // between `case` and its `:`
    int type_brack;         // the innermost bracket is the `[` after `type T`
    int index_brack;        // the innermost bracket is the `[` of an index
    int top;                // the symbol on top of the stack
} Context;

static void stack_context(AstCtx *c, void *p, Context *x) {
    memset(x, 0, sizeof *x);
    int depth = ParseStackDepth(p);
    x->top = depth > 0 ? ParseStackSymbol(p, 0) : -1;
    for (int i = 0; i < depth; i++) {
        int sym = ParseStackSymbol(p, i);
        if (sym == TK_CASE || sym == TK_DEFAULT) {
            x->case_head = 1;
            continue;
        }
        if (sym == TK_IF || sym == TK_FOR || sym == TK_SWITCH) {
            if (!x->header) {
                x->header = sym == TK_IF ? T_IF : sym == TK_FOR ? T_FOR : T_SWITCH;
                x->header_depth = i;
            }
            continue;
        }
        if (sym == TK_LBODY) {
            // SWITCH if_header LBODY or SELECT LBODY opens case clauses.
            x->opener = OPEN_BLOCK;
            x->case_body = (i + 1 < depth && ParseStackSymbol(p, i + 1) == TK_SELECT) ||
                           (i + 2 < depth && ParseStackSymbol(p, i + 2) == TK_SWITCH);
            return;
        }
        if (sym == TK_LPAREN || sym == TK_LBRACK) {
            x->paren = 1;
            // After an expression (a nonterminal), `[` indexes or slices.
            x->index_brack = sym == TK_LBRACK && i + 1 < depth &&
                             ParseStackSymbol(p, i + 1) >= ParseTerminalCount();
            if (sym == TK_LBRACK && i + 1 < depth && ParseStackSymbol(p, i + 1) == TK_IDENT) {
                // `type T [`, alone or after `type (` or a `;` in the group.
                int j = i + 2;
                if (j < depth && ParseStackSymbol(p, j) == TK_SEMI)
                    j += 2;
                if (j < depth && c->opener_role[ParseStackSymbol(p, j)] == OPEN_GROUP)
                    j++;
                x->type_brack = j < depth && ParseStackSymbol(p, j) == TK_TYPE;
            }
            return;
        }
        if (sym < AST_MAX_SYMBOLS && c->opener_role[sym]) {
            x->opener = (Opener)c->opener_role[sym];
            return;
        }
    }
}

// header_node returns the if_header or for_header value on top of the
// stack, if the top entry is one: the entry right above the keyword, a
// nonterminal.
static Node *header_node(void *p, const Context *x) {
    if (x->header_depth != 1 || ParseStackSymbol(p, 0) < ParseTerminalCount())
        return NULL;
    Node *n;
    memcpy(&n, ParseStackValue(p, 0), sizeof n);
    return n;
}

// ends_element reports whether a token of kind k can end an operand, a
// type or a statement (the tokens after which a newline is a semicolon).
static int ends_element(TokenKind k) {
    switch (k) {
    case T_IDENT: case T_INT: case T_FLOAT: case T_IMAG: case T_RUNE: case T_STRING:
    case T_RPAREN: case T_RBRACK: case T_RBRACE: case T_INC: case T_DEC:
    case T_BREAK: case T_CONTINUE: case T_FALLTHROUGH: case T_RETURN:
        return 1;
    default:
        return 0;
    }
}

// pick_expected words the expected set the way gc's messages name what
// was wanted.
static const char *pick_expected(const Expected *e, const Context *x) {
    const unsigned char *h = e->has;
    if (h[TK_LITERAL] && h[TK_FUNC])
        return "expression";
    if (h[TK_MAP] && h[TK_CHAN] && h[TK_STRUCT])
        return x->opener == OPEN_PARAMS && h[TK_RPAREN] ? ")" : "type";
    if (h[TK_IDENT] && h[TK_LPAREN] && e->n == 2)
        return x->top == TK_VAR || x->top == TK_CONST || x->top == TK_TYPE ? "name" : "name or (";
    if (h[TK_IDENT] && e->n == 1)
        return "name";
    if (h[TK_RPAREN]) return ")";
    if (h[TK_RBRACK]) return x->index_brack && !h[TK_LITERAL] ? "comma, : or ]" : "]";
    if (h[TK_RBRACE]) return "}";
    if (h[TK_COLON]) return ":";
    if (h[TK_LPAREN]) return "(";
    if (h[TK_LBRACE]) return "{";
    if (h[TK_ASSIGN]) return "=";
    if (h[TK_SEMI]) return "semicolon or newline";
    if (h[TK_IDENT]) return "name";
    if (h[TK_COMMA]) return "comma";
    if (h[TK_PERIOD]) return ".";
    if (h[TK_CHAN]) return "keyword chan";
    return NULL;
}

// in_type_decl reports whether the stack ends in the name of a type spec,
// `type T` or `type ( ...; T`: gc's "in type declaration".
static int in_type_decl(AstCtx *c, void *p) {
    int depth = ParseStackDepth(p);
    if (depth < 2 || ParseStackSymbol(p, 0) != TK_IDENT)
        return 0;
    int i = 1;
    if (ParseStackSymbol(p, i) == TK_SEMI)
        i += 2;                         // `;` and the specs before it
    if (i < depth && c->opener_role[ParseStackSymbol(p, i)] == OPEN_GROUP)
        i++;
    return i < depth && ParseStackSymbol(p, i) == TK_TYPE;
}

__attribute__((format(printf, 3, 4)))
static void report(AstCtx *c, const Token *t, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *msg = mem_vsprintf(fmt, ap);
    va_end(ap);
    diag_error(c->diag, c->src->path, t->line, t->col, "syntax error: %s", msg);
}

void parse_syntax_error(AstCtx *c, void *p, int major, const Token *t) {
    if (c->stop || c->quiet)
        return;
    if (major == 0 && diag_count(c->diag) > 0)
        return;                         // gc: EOF after an error says nothing new
    const char *tok = parse_token_text(t);
    if (!c->file->name) {
        // The package clause: gc gives up after its first error.
        c->stop = 1;
        if (ParseStackDepth(p) == 0)
            report(c, t, "package statement must be first");
        else if (ParseStackSymbol(p, 0) == TK_PACKAGE)
            report(c, t, "unexpected %s, expected name", tok);
        else
            report(c, t, "unexpected %s, expected semicolon or newline", tok);
        return;
    }
    Expected e;
    Context x;
    expected_set(p, &e);
    stack_context(c, p, &x);
    const unsigned char *h = e.has;

    // Mistakes gc names.
    if (x.top == TK_ELSE) {
        report(c, t, "else must be followed by if or statement block");
        return;
    }
    if (h[TK_IMPORT] && h[TK_FUNC]) {           // where a top-level declaration starts
        if (t->kind == T_LBRACE && c->last_bodyless)
            report(c, t, "unexpected semicolon or newline before {");
        else
            report(c, t, "non-declaration statement outside function body");
        return;
    }
    if (h[TK_LITERAL] && !h[TK_FUNC] && !h[TK_SEMI]) {   // an import path was due
        report(c, t, "missing import path");
        return;
    }
    if (in_type_decl(c, p)) {
        report(c, t, "unexpected %s in type declaration", tok);
        return;
    }
    if (t->kind == T_RBRACK && c->prev == T_IDENT && (x.opener == OPEN_TPARAMS || x.type_brack)) {
        report(c, t, "missing type constraint");
        return;
    }
    if (t->kind == T_RBRACK && c->prev == T_LBRACK) {
        report(c, t, x.opener == OPEN_TPARAMS ? "empty type parameter list"
                     : h[TK_MAP] && !h[TK_LITERAL] ? "unexpected ], expected type"
                                                    : "unexpected ], expected operand");
        return;
    }
    if (c->prev == T_ELLIPSIS && (t->kind == T_RPAREN || t->kind == T_COMMA)) {
        report(c, t, "... is missing type");
        return;
    }
    if (c->prev == T_CHAN && h[TK_MAP]) {
        report(c, t, "missing channel element type");
        return;
    }

    if (x.header == T_FOR && c->prev == T_SEMI && t->kind == T_LBRACE) {
        report(c, t, "unexpected {, expected for loop condition");
        return;
    }

    // Headers of if, for and switch. Right after the init statement gc
    // asks for `{` alone (a `;` would do too); after the whole header it
    // names the clause. A reduced header on the stack says which it was,
    // since lemon's default reductions may have hidden the `;` option.
    if (x.header && h[TK_LBRACE] && !h[TK_LITERAL]) {
        Node *hd = header_node(p, &x);
        int init_only = h[TK_SEMI] || (hd && !hd->index);
        if (init_only)
            report(c, t, "unexpected %s, expected {", tok);
        else if (x.header == T_SWITCH)
            report(c, t, "missing { after switch clause");
        else
            report(c, t, "unexpected %s, expected { after %s clause", tok,
                   x.header == T_IF ? "if" : "for");
        return;
    }
    // Lists. After a complete element comes a separator or the closer,
    // else gc names the list; the token before tells whether an element was
    // complete (lemon's default reductions have already emptied the
    // expected set of what could have continued it).
    if (!x.paren && !x.header && !x.case_head) {
        int start = c->prev == T_COMMA || c->prev == T_SEMI || c->prev == T_LPAREN ||
                    c->prev == T_LBRACE || c->prev == T_LBRACK || c->prev == T_COLON;
        const char *list = NULL;
        switch (x.opener) {
        case OPEN_CALL:
            list = "in argument list; possibly missing comma or )";
            break;
        case OPEN_COMPLIT:
            list = "in composite literal; possibly missing comma or }";
            break;
        case OPEN_PARAMS:
            list = "in parameter list; possibly missing comma or )";
            break;
        case OPEN_TPARAMS:
            list = "in parameter list; possibly missing comma or ]";
            break;
        case OPEN_GROUP:
            list = "in grouped declaration; possibly missing semicolon or newline or )";
            break;
        case OPEN_STRUCT:
            list = "in struct type; possibly missing semicolon or newline or }";
            break;
        case OPEN_IFACE:
            list = "in interface type; possibly missing semicolon or newline or }";
            break;
        case OPEN_BLOCK:
            if (start && (c->prev != T_COMMA && c->prev != T_LPAREN && c->prev != T_LBRACK)) {
                // Where a statement starts and this token cannot.
                report(c, t, x.case_body ? "unexpected %s, expected case or default or }"
                                         : "unexpected %s, expected }", tok);
                return;
            }
            list = "at end of statement";
            break;
        case OPEN_NONE:
            list = "after top level declaration";
            break;
        default:
            break;
        }
        if (list && !start && ends_element(c->prev) && !h[TK_LITERAL] && !h[TK_MAP]) {
            report(c, t, "unexpected %s %s", tok, list);
            return;
        }
    }

    const char *want = pick_expected(&e, &x);
    if (want)
        report(c, t, "unexpected %s, expected %s", tok, want);
    else
        report(c, t, "unexpected %s", tok);
}

// ---- The pump ----

// parse_file feeds the scanner's tokens to the parser. Two of gc's habits
// are the pump's: it skips a `var` right after if/for/switch (reporting
// it), and a newline inside ( or [ where it cannot stand is reported and
// consumed, as gc's want(")") consumes it, so that the statement after it
// is judged "at end of statement" again.
Node *parse_file(const Source *src, Diag *diag) {
    AstCtx *c = mem_new(AstCtx);
    c->src = src;
    c->diag = diag;
    Token at = { .line = 1, .col = 1 };
    c->file = ast_new(c, N_FILE, &at);
    Lexer *lx = lex_new(src, diag);
    void *p = take_parser();
    int brackets = 0;           // ( and [ open, counted on tokens
    for (;;) {
        Token t = lex_next(lx);
        if (t.kind == T_ILLEGAL)
            continue;           // the scanner reported it
        if (diag->full)
            break;
        if (t.kind == T_VAR && (c->prev == T_FOR || c->prev == T_IF || c->prev == T_SWITCH)) {
            // gc skips the `var` and goes on, reporting at the next token.
            const char *kw = tok_spelling(c->prev);
            t = lex_next(lx);
            diag_error(diag, src->path, t.line, t.col,
                       "syntax error: var declaration not allowed in %s initializer", kw);
            if (t.kind == T_ILLEGAL)
                continue;
        }
        if (t.kind == T_LPAREN || t.kind == T_LBRACK)
            brackets++;
        else if ((t.kind == T_RPAREN || t.kind == T_RBRACK) && brackets > 0)
            brackets--;
        if (t.kind == T_SEMI && t.semi == SEMI_NEWLINE && brackets > 0 &&
            !ParseWouldAccept(p, TK_SEMI)) {
            Context x;
            stack_context(c, p, &x);
            if (x.paren) {
                parse_syntax_error(c, p, TK_SEMI, &t);
                c->quiet = 1;
                Parse(p, TK_RECOVER, t, c);
                c->quiet = 0;
                ParseRearmErrors(p);
                if (c->stop)
                    break;
                continue;
            }
        }
        int major = tk_of[t.kind];
        if (t.kind == T_LBRACE && ParseWouldAccept(p, TK_LBODY))
            major = TK_LBODY;
        c->cur = &t;
        Parse(p, major, t, c);
        c->cur = NULL;
        c->prev = t.kind;
        if (c->stop || t.kind == T_EOF)
            break;
    }
    put_parser(p);
    return c->file;
}

int parse_gc_errors(const Source *src, const Node *file, Diag *diag) {
    const NodeList *l = &file->rlist;
    for (int i = 0; i < l->n; i++) {
        const Node *e = l->v[i];
        diag_error(diag, src->path, e->line, e->col, "%.*s", (int)e->len, e->text);
    }
    return l->n;
}

void parse_stack_overflow(AstCtx *c) {
    if (!c->stop && c->cur)
        diag_error(c->diag, c->src->path, c->cur->line, c->cur->col,
                   "syntax error: nesting too deep");
    c->stop = 1;
}
