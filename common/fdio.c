// common/fdio.c: writing a whole buffer to a file descriptor (fdio.h).
#include "common/fdio.h"

#include <errno.h>
#include <unistd.h>

size_t fd_write_all(int fd, const void *p, size_t n) {
    const char *b = p;
    size_t done = 0;
    while (done < n) {
        ssize_t w = write(fd, b + done, n - done);
        if (w < 0) {
            if (errno == EINTR) continue;
            break;
        }
        done += (size_t)w;
    }
    return done;
}
