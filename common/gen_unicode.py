#!/usr/bin/python3
# common/gen_unicode.py: generates common/unicode_tables.c, the Unicode
# property and case tables behind common/unicode.h, from the Unicode
# Character Database that Debian's unicode-data package installs.
#
#   apt-get install -y unicode-data
#   /usr/bin/python3 common/gen_unicode.py [UCD_DIR] > common/unicode_tables.c
#
# UCD_DIR defaults to /usr/share/unicode. The output is committed as data;
# rerun this script rather than editing it.

import re
import sys

UCD = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"


def version():
    """The UCD version, read from PropList.txt's first line."""
    with open(UCD + "/PropList.txt", encoding="utf-8") as f:
        m = re.match(r"# PropList-(\d+\.\d+\.\d+)\.txt", f.readline())
    if not m:
        sys.exit("gen_unicode.py: cannot read the version of PropList.txt")
    return m.group(1)


def read_unicode_data():
    """Returns {code point: (category, upper, lower, title)} for every
    assigned code point; ranges written as <..., First>/<..., Last> pairs
    are expanded. A missing mapping is the code point itself."""
    chars = {}
    first = None
    with open(UCD + "/UnicodeData.txt", encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split(";")
            cp = int(fields[0], 16)
            name, cat = fields[1], fields[2]
            upper = int(fields[12], 16) if fields[12] else cp
            lower = int(fields[13], 16) if fields[13] else cp
            # An empty title mapping means "same as the upper mapping".
            title = int(fields[14], 16) if fields[14] else upper
            if name.endswith(", First>"):
                first = cp
                continue
            if name.endswith(", Last>"):
                for c in range(first, cp + 1):
                    chars[c] = (cat, c, c, c)
                first = None
                continue
            chars[cp] = (cat, upper, lower, title)
    return chars


def read_white_space():
    """The code points with the White_Space property (PropList.txt)."""
    cps = set()
    with open(UCD + "/PropList.txt", encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            rng, prop = [s.strip() for s in line.split(";")]
            if prop != "White_Space":
                continue
            lo, _, hi = rng.partition("..")
            for c in range(int(lo, 16), int(hi or lo, 16) + 1):
                cps.add(c)
    return cps


def ranges(cps):
    """Sorted code points as a list of inclusive (lo, hi) ranges."""
    out = []
    for c in sorted(cps):
        if out and out[-1][1] == c - 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return out


def case_ranges(chars):
    """Simple case mappings as (lo, hi, d_upper, d_lower, d_title) runs of
    consecutive code points sharing the same deltas. Runs of alternating
    upper/lower pairs (U+0100 A, U+0101 a, ...) are folded into one range
    whose deltas are all UNI_UPPER_LOWER, as Go's unicode.CaseRanges does."""
    UL = "UNI_UPPER_LOWER"
    items = []
    for c in sorted(chars):
        _, u, l, t = chars[c]
        if (u, l, t) != (c, c, c):
            items.append((c, u - c, l - c, t - c))
    out = []
    for c, du, dl, dt in items:
        prev = out[-1] if out else None
        if prev and prev[1] == c - 1 and prev[2:] == [du, dl, dt]:
            prev[1] = c
            continue
        # An alternating run: even members map down-to-lower by +1, odd
        # members up-to-upper by -1, relative to the run's start.
        if prev and prev[1] == c - 1:
            start = prev[0]
            even = (c - start) % 2 == 0
            want = (0, 1, 0) if even else (-1, 0, -1)
            if prev[2] == UL and (du, dl, dt) == want:
                prev[1] = c
                continue
            if (prev[0] == prev[1] and prev[2:] == [0, 1, 0]
                    and not even and (du, dl, dt) == want):
                prev[1] = c
                prev[2:] = [UL, UL, UL]
                continue
        out.append([c, c, du, dl, dt])
    return out


def emit_table(name, comment, rs):
    print("// %s" % comment)
    print("const UniRange uni_%s[] = {" % name)
    line = "   "
    for lo, hi in rs:
        cell = " {0x%04X, 0x%04X}," % (lo, hi)
        if len(line) + len(cell) > 78:
            print(line)
            line = "   "
        line += cell
    if line.strip():
        print(line)
    print("};")
    print("const int uni_%s_len = %d;" % (name, len(rs)))
    print()


def main():
    ver = version()
    chars = read_unicode_data()

    def cat(pred):
        return ranges(c for c, v in chars.items() if pred(v[0]))

    tables = [
        ("letter", "L: Lu Ll Lt Lm Lo (unicode.Letter)", cat(lambda k: k[0] == "L")),
        ("upper", "Lu (unicode.Upper)", cat(lambda k: k == "Lu")),
        ("lower", "Ll (unicode.Lower)", cat(lambda k: k == "Ll")),
        ("title", "Lt (unicode.Title)", cat(lambda k: k == "Lt")),
        ("mark", "M: Mn Mc Me (unicode.Mark)", cat(lambda k: k[0] == "M")),
        ("digit", "Nd (unicode.Digit)", cat(lambda k: k == "Nd")),
        ("number", "N: Nd Nl No (unicode.Number)", cat(lambda k: k[0] == "N")),
        ("punct", "P: Pc Pd Ps Pe Pi Pf Po (unicode.Punct)", cat(lambda k: k[0] == "P")),
        ("symbol", "S: Sm Sc Sk So (unicode.Symbol)", cat(lambda k: k[0] == "S")),
        ("control", "Cc (unicode.Control)", cat(lambda k: k == "Cc")),
        ("zs", "Zs (unicode.Zs)", cat(lambda k: k == "Zs")),
        ("white_space", "White_Space from PropList.txt (unicode.White_Space)",
         ranges(read_white_space())),
    ]

    print("// common/unicode_tables.c: generated by common/gen_unicode.py from")
    print("// UnicodeData.txt and PropList.txt %s; do not edit." % ver)
    print("// Sorted inclusive code point ranges per property, and the simple case")
    print("// mappings, read by common/unicode.c (see unicode.h).")
    print('#include "common/unicode.h"')
    print()
    print('const char uni_version[] = "%s";' % ver)
    print()
    for name, comment, rs in tables:
        emit_table(name, comment, rs)

    cr = case_ranges(chars)
    print("// Simple case mappings: {lo, hi, {upper, lower, title} deltas}.")
    print("const UniCaseRange uni_case[] = {")
    for lo, hi, du, dl, dt in cr:
        print("    {0x%04X, 0x%04X, {%s, %s, %s}}," % (lo, hi, du, dl, dt))
    print("};")
    print("const int uni_case_len = %d;" % len(cr))


main()
