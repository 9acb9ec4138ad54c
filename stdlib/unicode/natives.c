// stdlib/unicode/natives.c: the natives of package unicode
// (stdlib/unicode/unicode.gol), each one look-up in common/unicode.h.
#include "common/unicode.h"
#include "stdlib/natives.h"
#include "vm/vm.h"

// The rune argument sits sign-extended in a[0]; a bool result is 0 or 1.
#define UNI_IS(name, fn)                                                    \
    static int name(G *g, Word *a) {                                        \
        (void)g;                                                            \
        a[0] = fn((int32_t)a[0]) != 0;                                      \
        return VM_OK;                                                       \
    }
#define UNI_TO(name, fn)                                                    \
    static int name(G *g, Word *a) {                                        \
        (void)g;                                                            \
        a[0] = (Word)(int64_t)fn((int32_t)a[0]);                            \
        return VM_OK;                                                       \
    }
UNI_IS(is_letter, uni_is_letter)
UNI_IS(is_digit, uni_is_digit)
UNI_IS(is_number, uni_is_number)
UNI_IS(is_upper, uni_is_upper)
UNI_IS(is_lower, uni_is_lower)
UNI_IS(is_title, uni_is_title)
UNI_IS(is_mark, uni_is_mark)
UNI_IS(is_punct, uni_is_punct)
UNI_IS(is_symbol, uni_is_symbol)
UNI_IS(is_control, uni_is_control)
UNI_IS(is_space, uni_is_space)
UNI_IS(is_print, uni_is_print)
UNI_IS(is_graphic, uni_is_graphic)
UNI_TO(to_upper, uni_to_upper)
UNI_TO(to_lower, uni_to_lower)
UNI_TO(to_title, uni_to_title)

const LibNative lib_unicode_natives[] = {
    { "IsLetter", is_letter },
    { "IsDigit", is_digit },
    { "IsNumber", is_number },
    { "IsUpper", is_upper },
    { "IsLower", is_lower },
    { "IsTitle", is_title },
    { "IsMark", is_mark },
    { "IsPunct", is_punct },
    { "IsSymbol", is_symbol },
    { "IsControl", is_control },
    { "IsSpace", is_space },
    { "IsPrint", is_print },
    { "IsGraphic", is_graphic },
    { "ToUpper", to_upper },
    { "ToLower", to_lower },
    { "ToTitle", to_title },
    { NULL, NULL },
};
