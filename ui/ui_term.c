/* ui_term.c — the terminal: raw input with IXON off (Ctrl-S/Ctrl-Q never freeze capture and the
 * responder), the screen window on the bottom panel, the mouse, and endwin on every path. */
#include "ui_term.h"

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "ui_theme.h"

static WINDOW *screen;
static PANEL *screen_panel;

static void restore_terminal(void)
{
	if (!isendwin())
		endwin();
}

/* raw() turns IXON off on every terminal ncurses knows; say so to the tty as well, in case the
 * terminal description leaves flow control on. */
static void flow_control_off(void)
{
	struct termios t;

	if (tcgetattr(STDIN_FILENO, &t) == 0 && (t.c_iflag & (IXON | IXOFF))) {
		t.c_iflag &= (tcflag_t)~(IXON | IXOFF);
		tcsetattr(STDIN_FILENO, TCSANOW, &t);
	}
}

void term_start(struct ui *ui)
{
	const char *cs;

	setlocale(LC_ALL, "");
	cs = nl_langinfo(CODESET);
	ui->utf8 = cs && !strcmp(cs, "UTF-8");
	ui_text_set_utf8(ui->utf8);
	atexit(restore_terminal);
	ui_crash_save_tty();	/* a crash puts these settings back (src/sigs.c's handler) */
	initscr();
	raw();
	noecho();
	nonl();
	flow_control_off();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	theme_start(ui->o);
	ui_crash_arm();
	screen = newwin(LINES, COLS, 0, 0);
	keypad(screen, TRUE);
	nodelay(screen, TRUE);	/* keys are read until ERR each wake-up; the loop does the waiting */
	wbkgd(screen, theme_background());
	screen_panel = new_panel(screen);
}

void term_stop(void)
{
	if (screen_panel)
		del_panel(screen_panel);
	if (screen)
		delwin(screen);
	screen_panel = NULL;
	screen = NULL;
	restore_terminal();
	ui_crash_disarm();
}

void term_suspend(void)
{
	endwin();
	ui_crash_disarm();
	kill(0, SIGTSTP);	/* returns after fg (SIGCONT); at once where no shell does job control */
	ui_crash_arm();
	flow_control_off();
	clearok(curscr, TRUE);	/* the first doupdate redraws everything, in curses' modes again */
}

WINDOW *term_screen(void)
{
	return screen;
}

void term_resize(void)
{
	wresize(screen, LINES, COLS);
	replace_panel(screen_panel, screen);
	clearok(curscr, TRUE);
}
