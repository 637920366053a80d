/* ui_term.h — the terminal: raw input (Ctrl-S and Ctrl-C reach tapscope, no flow control), the
 * screen window, the mouse, and a restore that runs on every exit path. */
#ifndef TAPSCOPE_UI_TERM_H
#define TAPSCOPE_UI_TERM_H

#include "ui.h"

/* Starts curses on the terminal; ui->utf8 is set from the locale. */
void term_start(struct ui *ui);
/* Restores the terminal (idempotent; also runs at exit and on a crash). */
void term_stop(void);
/* The full-screen window the panes draw in (the bottom panel). */
WINDOW *term_screen(void);
/* After resizeterm: the screen window takes the new size. */
void term_resize(void);
/* Ctrl-Z: gives the terminal back to the shell and stops the whole job, as vim does (under make
 * or sudo too, or the shell would wait on a parent that never stops); after fg, curses again. */
void term_suspend(void);

/* --- ui_crash.c: the terminal as the crash handler (src/sigs.c) is to restore it --- */
void ui_crash_save_tty(void);	/* before initscr */
void ui_crash_arm(void);	/* after the terminal is set up */
void ui_crash_disarm(void);	/* after endwin */

#endif
