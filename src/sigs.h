/* sigs.h — the signals that end a run cleanly, and a crash handler that restores what it safely can. */
#ifndef TAPSCOPE_SIGS_H
#define TAPSCOPE_SIGS_H

#include <sys/types.h>
#include <termios.h>

/* Every terminating signal that can be caught: INT, TERM, HUP, QUIT, PIPE, USR1, USR2, ALRM.
 * The loop takes them through its signalfd (loop_add_signals) and ends the run on any of them,
 * so devices, namespaces and the terminal are cleaned up as after q. */
extern const int sigs_terminate[];
extern const int sigs_nterminate;

/* Installs the crash handler for SEGV, BUS, FPE, ILL, ABRT and SYS. It does only async-signal-
 * safe things, with what was prepared in advance: puts back the terminal registered below,
 * removes the namespace registered below if its name still names it, then dies of the signal
 * as it would have (core dump and all). */
void sigs_crash_install(void);

/* The terminal to restore on a crash: its fd, its settings from before the UI changed them,
 * and the bytes that leave the UI's screen modes (alternate screen, mouse, cursor...).
 * A NULL t disarms it. */
void sigs_crash_terminal(int fd, const struct termios *t, const char *reset);

/* The namespace this run created, to remove on a crash: its /run/netns path and the identity
 * (st_dev, st_ino) the name had when this run made it. A NULL path disarms it. */
void sigs_crash_netns(const char *path, dev_t dev, ino_t ino);

#endif
