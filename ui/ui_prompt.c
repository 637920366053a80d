/* ui_prompt.c — the one-line prompt on the bottom of the screen (form library), non-modal:
 * the loop keeps capturing while the user types. */
#include "ui_prompt.h"

#include <stdlib.h>
#include <string.h>
#include <form.h>

struct prompt {
	char label[64];
	FIELD *fields[2];
	FORM *form;
	WINDOW *win, *sub;
	PANEL *panel;
	ui_prompt_fn done;
};

void ui_prompt_close(struct ui *ui)
{
	struct prompt *p = ui->prompt;

	if (!p)
		return;
	unpost_form(p->form);
	free_form(p->form);
	free_field(p->fields[0]);
	del_panel(p->panel);
	delwin(p->sub);
	delwin(p->win);
	free(p);
	ui->prompt = NULL;
	curs_set(0);
	ui_dirty(ui);
}

void ui_prompt_open(struct ui *ui, const char *label, const char *initial, ui_prompt_fn done)
{
	struct prompt *p;
	int lw;

	ui_prompt_close(ui);
	p = calloc(1, sizeof(*p));
	if (!p)
		return;
	snprintf(p->label, sizeof(p->label), "%s", label);
	lw = (int)strlen(p->label) + 1;
	p->done = done;
	p->win = newwin(1, COLS, LINES - 2, 0);
	p->sub = derwin(p->win, 1, COLS - lw, 0, lw);
	p->fields[0] = new_field(1, COLS - lw, 0, 0, 0, 0);
	field_opts_off(p->fields[0], O_AUTOSKIP | O_STATIC);
	set_max_field(p->fields[0], 1000);
	set_field_back(p->fields[0], A_UNDERLINE);
	if (initial)
		set_field_buffer(p->fields[0], 0, initial);
	p->form = new_form(p->fields);
	set_form_win(p->form, p->win);
	set_form_sub(p->form, p->sub);
	keypad(p->win, TRUE);
	post_form(p->form);
	if (initial)
		form_driver(p->form, REQ_END_LINE);
	p->panel = new_panel(p->win);
	ui->prompt = p;
	curs_set(1);
	ui_dirty(ui);
}

void ui_prompt_draw(struct ui *ui)
{
	struct prompt *p = ui->prompt;

	if (!p)
		return;
	mvwin(p->win, LINES - 2, 0);
	wattrset(p->win, ui_attr(ui, C_KEY));
	mvwaddstr(p->win, 0, 0, p->label);
	wattrset(p->win, A_NORMAL);
	top_panel(p->panel);
	pos_form_cursor(p->form);
}

static void trim(char *s)
{
	size_t n = strlen(s);

	while (n && s[n - 1] == ' ')
		s[--n] = '\0';
}

enum ui_result ui_prompt_key(struct ui *ui, int ch)
{
	struct prompt *p = ui->prompt;
	char text[1024];
	ui_prompt_fn done;

	switch (ch) {
	case 27:	/* Esc */
		ui_prompt_close(ui);
		return UI_REDRAW;
	case '\n': case '\r': case KEY_ENTER:
		form_driver(p->form, REQ_VALIDATION);
		snprintf(text, sizeof(text), "%s", field_buffer(p->fields[0], 0));
		trim(text);
		done = p->done;
		ui_prompt_close(ui);
		done(ui, text);
		return UI_REDRAW;
	case KEY_BACKSPACE: case 127: case 8: form_driver(p->form, REQ_DEL_PREV); break;
	case KEY_DC: form_driver(p->form, REQ_DEL_CHAR); break;
	case KEY_LEFT: form_driver(p->form, REQ_PREV_CHAR); break;
	case KEY_RIGHT: form_driver(p->form, REQ_NEXT_CHAR); break;
	case KEY_HOME: case 1: form_driver(p->form, REQ_BEG_LINE); break;
	case KEY_END: case 5: form_driver(p->form, REQ_END_LINE); break;
	case 21: form_driver(p->form, REQ_CLR_FIELD); break;	/* Ctrl-U */
	default:
		if (ch >= ' ' && ch < 256)
			form_driver(p->form, ch);
		break;
	}
	return UI_REDRAW;
}
