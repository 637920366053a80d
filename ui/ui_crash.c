/* ui_crash.c — what the crash handler (src/sigs.c) needs to put the terminal back: its settings from before
 * the UI, and the terminfo strings that leave the UI's modes, collected while nothing has gone wrong. */
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <curses.h>
#include <term.h>

#include "sigs.h"
#include "ui_term.h"

static struct termios before;
static int have_before;

void ui_crash_save_tty(void)
{
	have_before = tcgetattr(STDIN_FILENO, &before) == 0;
}

void ui_crash_arm(void)
{
	/* keypad off, leave the alternate screen, cursor visible, plain attributes */
	static const char *caps[] = { "rmkx", "rmcup", "cnorm", "sgr0" };
	char seq[256];
	size_t n = 0;

	if (!have_before)
		return;
	seq[0] = '\0';
	for (size_t i = 0; i < sizeof(caps) / sizeof(caps[0]); i++) {
		const char *s = tigetstr(caps[i]);

		if (s && s != (const char *)-1 && n + strlen(s) < sizeof(seq))
			n += (size_t)snprintf(seq + n, sizeof(seq) - n, "%s", s);
	}
	/* and xterm mouse reporting off (ncurses turned it on for the mouse keys) */
	snprintf(seq + n, sizeof(seq) - n, "\033[?1000l\033[?1002l\033[?1006l\r\n");
	sigs_crash_terminal(STDIN_FILENO, &before, seq);
}

void ui_crash_disarm(void)
{
	sigs_crash_terminal(-1, NULL, NULL);
}
