// common/source.c: reading source files (see source.h).
#include "common/source.h"
#include "common/mem.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

// errno_text is strerror in Go's spelling: Go prints the lower-case form.
static const char *errno_text(int e) {
    char *s = mem_sprintf("%s", strerror(e));
    if (s[0]) s[0] = (char)tolower((unsigned char)s[0]);
    return s;
}

Source *source_read(const char *path, const char **err) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        *err = mem_sprintf("open %s: %s", path, errno_text(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        *err = mem_sprintf("read %s: is a directory", path);
        return NULL;
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = mem_alloc_atomic(cap + 1);
    for (;;) {
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (len < cap) {
            if (ferror(f)) {
                int e = errno;
                fclose(f);
                *err = mem_sprintf("read %s: %s", path, errno_text(e));
                return NULL;
            }
            break;
        }
        cap *= 2;
        buf = mem_realloc(buf, cap + 1);
    }
    fclose(f);
    buf[len] = 0;
    Source *s = mem_new(Source);
    s->path = path;
    s->text = buf;
    s->len = len;
    return s;
}

Source *source_from_string(const char *name, const char *text, size_t len) {
    Source *s = mem_new(Source);
    s->path = name;
    s->text = mem_strndup(text, len);
    s->len = len;
    return s;
}
