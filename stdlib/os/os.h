// stdlib/os/os.h: what package os needs from the command line.
#ifndef GOLI_OS_H
#define GOLI_OS_H

// The program's arguments as os.Args shows them (set by goli's main).
extern int lib_os_argc;
extern char **lib_os_argv;

#endif
