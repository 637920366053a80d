/* ui_help.c — the help overlay: every key, grouped, on a centred panel that fits 80x24 (scrolls when shorter). */
#include "ui.h"

#include <string.h>

#define KEY_W 12		/* columns for the key names */
#define COL_W 39		/* one column of the two-column layout */

/* A line of help: a group title (text NULL) or a key and what it does. The UTF-8 key text is
 * used when the terminal can show it. */
struct help_line {
	const char *key_ascii;
	const char *key_utf8;
	const char *text;
};

static const struct help_line left_col[] = {
	{ "Anywhere", NULL, NULL },
	{ "q  F10", NULL, "quit" },
	{ "?  F1", NULL, "this help" },
	{ "Tab S-Tab", NULL, "next / previous pane" },
	{ "Up Dn j k", "\xe2\x86\x91 \xe2\x86\x93  j k", "move" },
	{ "PgUp PgDn", NULL, "page" },
	{ "g G Hom End", "g G Home End", "first / last" },
	{ "Enter", NULL, "open frame / expand" },
	{ "x", NULL, "hex pane on/off" },
	{ "Frame list", NULL, NULL },
	{ "space", NULL, "pause view (capture on)" },
	{ "c", NULL, "clear the list" },
	{ "/", NULL, "BPF filter; empty clears" },
	{ "w", NULL, "save capture as pcap" },
	{ "Field tree", NULL, NULL },
	{ "Enter space", NULL, "expand / collapse" },
	{ "Rt l  Lt h", "\xe2\x86\x92 l  \xe2\x86\x90 h", "expand; collapse/parent" },
	{ "*  -", NULL, "expand all; collapse all" },
	{ "Mouse", NULL, NULL },
	{ "click", NULL, "select" },
	{ "wheel", NULL, "scroll" },
};

static const struct help_line right_col[] = {
	{ "Answers", NULL, NULL },
	{ "e", NULL, "echo replies on/off" },
	{ "n", NULL, "ARP/NDP neighbour on/off" },
	{ "Inject", NULL, NULL },
	{ "i", NULL, "inject form" },
	{ "r", NULL, "repeat last injection" },
	{ "Device (netlink pane)", NULL, NULL },
	{ "a", NULL, "add address" },
	{ "d", NULL, "delete selected address" },
	{ "u", NULL, "link up/down" },
	{ "m", NULL, "MTU" },
	{ "C", NULL, "carrier on/off" },
	{ "D", NULL, "detach / re-attach queue" },
	{ "Inject form", NULL, NULL },
	{ "Tab Up Dn", "Tab \xe2\x86\x91 \xe2\x86\x93", "next / previous field" },
	{ "Lt Rt space", "\xe2\x86\x90 \xe2\x86\x92 space", "change a choice" },
	{ "F2 .. F6", NULL, "presets" },
	{ "F10  ^S", NULL, "send (or Enter on last)" },
	{ "Esc", NULL, "cancel" },
};

#define NLEFT ((int)(sizeof(left_col) / sizeof(left_col[0])))
#define NRIGHT ((int)(sizeof(right_col) / sizeof(right_col[0])))

static WINDOW *help_win;
static PANEL *help_panel;
static int help_top;		/* first line shown when the terminal is too short */
static int help_lines, help_cols;	/* the terminal size the window was made for */

static int help_two_columns(void)
{
	return COLS >= 2 * COL_W + 2;
}

/* Lines of content (without the border). */
static int help_content_lines(void)
{
	if (help_two_columns())
		return NLEFT > NRIGHT ? NLEFT : NRIGHT;
	return NLEFT + NRIGHT;
}

static void help_destroy(void)
{
	if (help_panel)
		del_panel(help_panel);
	if (help_win)
		delwin(help_win);
	help_panel = NULL;
	help_win = NULL;
}

/* Makes (or remakes, after a resize) the window: as tall as the content, at most the screen. */
static int help_create(void)
{
	int h = help_content_lines() + 2, w = help_two_columns() ? 2 * COL_W + 2 : COL_W + 2;

	if (help_win && help_lines == LINES && help_cols == COLS)
		return 0;
	help_destroy();
	if (h > LINES)
		h = LINES;
	if (w > COLS)
		w = COLS;
	help_win = newwin(h, w, (LINES - h) / 2, (COLS - w) / 2);
	if (!help_win)
		return -1;
	help_panel = new_panel(help_win);
	help_lines = LINES;
	help_cols = COLS;
	return 0;
}

static int help_rows(void)
{
	int rows = getmaxy(help_win) - 2;

	return rows > 0 ? rows : 0;
}

static void help_line_draw(struct ui *ui, int y, int x, const struct help_line *l)
{
	const char *key = ui->utf8 && l->key_utf8 ? l->key_utf8 : l->key_ascii;

	if (!l->text) {
		wattrset(help_win, A_BOLD | A_UNDERLINE);
		mvwaddnstr(help_win, y, x, key, COL_W - 1);
		wattrset(help_win, A_NORMAL);
		return;
	}
	wattrset(help_win, ui_attr(ui, C_KEY));
	mvwaddstr(help_win, y, x + 1, key);
	wattrset(help_win, A_NORMAL);
	mvwaddnstr(help_win, y, x + 2 + KEY_W, l->text, COL_W - 3 - KEY_W);
}

/* Line i of the one-column layout, or of one column of the two-column layout. */
static const struct help_line *help_line_at(int col, int i)
{
	if (col == 0 && i < NLEFT)
		return &left_col[i];
	if (col == 1 && i < NRIGHT)
		return &right_col[i];
	if (col == 0 && !help_two_columns() && i - NLEFT < NRIGHT)
		return &right_col[i - NLEFT];
	return NULL;
}

static void help_frame(struct ui *ui)
{
	int w = getmaxx(help_win), h = getmaxy(help_win);
	const char *foot = ui->utf8 ? " q Esc ? F1 close \xc2\xb7 \xe2\x86\x91\xe2\x86\x93 scroll " :
					" q Esc ? F1 close - Up/Down scroll ";

	box(help_win, 0, 0);
	wattrset(help_win, ui_attr(ui, C_FOCUS_TITLE));
	mvwaddstr(help_win, 0, 2, " tapscope keys ");
	wattrset(help_win, ui_attr(ui, C_DIM));
	mvwaddstr(help_win, h - 1, w - (int)strlen(" q Esc ? F1 close - Up/Down scroll ") - 2, foot);
	if (help_top > 0)
		mvwaddstr(help_win, 0, w - 10, ui->utf8 ? " \xe2\x86\x91 more " : " ^ more ");
	if (help_top + help_rows() < help_content_lines())
		mvwaddstr(help_win, h - 1, 2, ui->utf8 ? " \xe2\x86\x93 more " : " v more ");
	wattrset(help_win, A_NORMAL);
}

void ui_help_draw(struct ui *ui)
{
	int rows;

	if (help_create() < 0)
		return;
	rows = help_rows();
	if (help_top > help_content_lines() - rows)
		help_top = help_content_lines() - rows;
	if (help_top < 0)
		help_top = 0;
	werase(help_win);
	for (int r = 0; r < rows; r++) {
		const struct help_line *l = help_line_at(0, help_top + r);

		if (l)
			help_line_draw(ui, r + 1, 1, l);
		if (help_two_columns() && (l = help_line_at(1, help_top + r)))
			help_line_draw(ui, r + 1, 1 + COL_W, l);
	}
	help_frame(ui);
	top_panel(help_panel);
}

enum ui_result ui_help_key(struct ui *ui, int ch)
{
	int old = help_top, rows = help_win ? help_rows() : 1;

	switch (ch) {
	case 'q': case 27: case '?': case KEY_F(1):
		ui->help_open = 0;
		help_destroy();
		help_top = 0;
		return UI_REDRAW;
	case KEY_UP: case 'k': help_top--; break;
	case KEY_DOWN: case 'j': help_top++; break;
	case KEY_PPAGE: help_top -= rows; break;
	case KEY_NPAGE: case ' ': help_top += rows; break;
	case KEY_HOME: case 'g': help_top = 0; break;
	case KEY_END: case 'G': help_top = help_content_lines(); break;
	default: return UI_HANDLED;	/* modal: other keys do nothing while help is open */
	}
	if (help_top > help_content_lines() - rows)
		help_top = help_content_lines() - rows;
	if (help_top < 0)
		help_top = 0;
	return help_top != old ? UI_REDRAW : UI_HANDLED;
}
