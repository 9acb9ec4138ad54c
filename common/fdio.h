// common/fdio.h: writing a whole buffer to a file descriptor.
#ifndef GOLI_FDIO_H
#define GOLI_FDIO_H

#include <stddef.h>

// fd_write_all writes n bytes from p to fd, retrying short writes and
// EINTR. It returns how many bytes were written: fewer than n only after
// an error, with errno saying which.
size_t fd_write_all(int fd, const void *p, size_t n);

#endif
