# tests/golden-lib.sh: what the golden runners share (sourced, not run):
# the stderr masks and the reader of expectation comments (tests/README.md).

# mask rewrites goroutine numbers and hexadecimal numbers, the only two
# things a golden program's stderr may differ in.
mask() { sed -E 's/goroutine [0-9]+ /goroutine N /g; s/0x[0-9a-f]+/0xADDR/g'; }

# expect FILE SECTION prints the comment block after "// SECTION:".
expect() {
    awk -v sec="// $2:" '
        $0 == sec { on = 1; next }
        on && /^\/\/ (Output|Unordered output|Exit|Stderr|Args|Stress):/ { exit }
        on && /^\/\/( |$)/ { sub(/^\/\/ ?/, ""); print; next }
        on { exit }' "$1"
}
