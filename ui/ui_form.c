/* ui_form.c — the inject form, an overlay (ncurses form library on its own panel): fields in,
 * the --inject spec text out, checked field by field by the crafting engine and sent as an
 * injection job; its windows are made again whenever the terminal's size changed. */
#include "ui_form.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_detail.h"
#include "ui_msg.h"
#include "ui_theme.h"

const struct fspec fspecs[F_N] = {
	[F_PRESET] = { "Preset", 0, 1, 10, 40, K_CHOICE, NULL },
	[F_PROTO] = { "Protocol", 1, 1, 10, 6, K_CHOICE, NULL },
	[F_TYPE] = { "Type", 2, 1, 10, 20, K_CHOICE, "type" },
	[F_CODE] = { "Code", 3, 1, 10, 20, K_CHOICE, "code" },
	[F_SRC] = { "Source", 4, 1, 10, 39, K_TEXT, "src" },
	[F_DST] = { "Dest", 5, 1, 10, 39, K_TEXT, "dst" },
	[F_SMAC] = { "Src MAC", 6, 1, 10, 17, K_TEXT, "smac" },
	[F_DMAC] = { "Dst MAC", 6, 29, 38, 17, K_TEXT, "dmac" },
	[F_TTL] = { "TTL", 7, 1, 10, 3, K_TEXT, "ttl" },
	[F_TOS] = { "TOS", 7, 15, 22, 3, K_TEXT, "tos" },
	[F_DF] = { "DF", 7, 27, 30, 3, K_CHOICE, "df" },
	[F_IPID] = { "IP id", 7, 38, 44, 5, K_TEXT, "ipid" },
	[F_ID] = { "Echo id", 8, 1, 10, 5, K_TEXT, "id" },
	[F_SEQ] = { "Seq", 8, 17, 22, 5, K_TEXT, "seq" },
	[F_QUOTE] = { "Quote", 9, 1, 10, 16, K_CHOICE, "quote" },
	[F_PAYLOAD] = { "Payload", 10, 1, 10, 39, K_TEXT, "payload" },
	[F_CSUM] = { "Checksum", 11, 1, 10, 8, K_TEXT, "checksum" },
	[F_COUNT] = { "Count", 12, 1, 10, 7, K_TEXT, "count" },
	[F_INTERVAL] = { "Interval", 12, 20, 30, 8, K_TEXT, "interval" },
	[F_EXTRA] = { "More", 13, 1, 10, 39, K_TEXT, NULL },
};

/* What a field is for, shown beside it while it has no error. */
static const char *const hints[F_N] = {
	[F_PRESET] = "F2..F6 (F1 names them)", [F_SRC] = "blank: default", [F_DST] = "blank: default",
	[F_SMAC] = "blank: default", [F_PAYLOAD] = "text:hi hex:dead size:N", [F_CSUM] = "auto  bad  0xNNNN",
	[F_INTERVAL] = "500ms 1s 2.5s", [F_QUOTE] = "frame:N: that frame", [F_TTL] = "TTL, TOS 0..255",
	[F_ID] = "0..65535", [F_COUNT] = "1..1000000",
};

/* ---- windows ---- */

static void windows_free(struct form_state *st)
{
	if (st->form)
		unpost_form(st->form);
	if (st->panel)
		del_panel(st->panel);
	if (st->sub)
		delwin(st->sub);
	if (st->win)
		delwin(st->win);
	st->panel = NULL;
	st->sub = st->win = NULL;
}

/* (Re)makes the windows at the centre and posts the form on them, keeping the current field. */
static int windows_make(struct form_state *st)
{
	int cur = st->win ? field_index(current_field(st->form)) : 0;
	int col = st->win ? st->form->curcol : 0;	/* the cursor in that field */
	int y = (LINES - FORM_ROWS) / 2, x = (COLS - FORM_COLS) / 2;

	if (st->win && st->resizes == mgr_resizes())	/* else the windows may be cut: the buffers have it */
		form_sync(st);
	windows_free(st);
	st->win = newwin(FORM_ROWS, FORM_COLS, y > 0 ? y : 0, x > 0 ? x : 0);
	st->sub = st->win ? derwin(st->win, FORM_ROWS - 2, FORM_COLS - 2, 1, 1) : NULL;
	if (!st->sub)
		return -1;
	wbkgd(st->win, theme_background());
	keypad(st->win, TRUE);
	set_form_win(st->form, st->win);
	set_form_sub(st->form, st->sub);
	st->panel = new_panel(st->win);
	if (!st->panel || post_form(st->form) != E_OK)
		return -1;
	st->resizes = mgr_resizes();
	if (st->active[cur]) {
		set_current_field(st->form, st->f[cur]);
		while (col-- > 0)	/* typing at the first column would blank the field (O_BLANK) */
			form_driver(st->form, REQ_NEXT_CHAR);
	}
	return 0;
}

static FIELD *field_make(int i)
{
	const struct fspec *fs = &fspecs[i];
	FIELD *f = new_field(1, fs->width, fs->row, fs->fcol, 0, 0);

	if (!f)
		return NULL;
	set_field_back(f, A_UNDERLINE);
	field_opts_off(f, O_AUTOSKIP);
	if (fs->kind == K_CHOICE)
		field_opts_off(f, O_EDIT);
	if (i == F_PAYLOAD || i == F_EXTRA) {
		field_opts_off(f, O_STATIC);	/* scrolls sideways for long text */
		set_max_field(f, SPEC_MAX / 2);
	}
	return f;
}

/* The field being edited shows in reverse video: visible without colour or a cursor. */
static void field_enter(FORM *form)
{
	set_field_back(current_field(form), A_REVERSE);
}

static void field_leave(FORM *form)
{
	set_field_back(current_field(form), A_UNDERLINE);
}

static int form_build(struct form_state *st)
{
	for (int i = 0; i < F_N; i++)
		if (!(st->f[i] = field_make(i)))
			return -1;
	st->f[F_N] = NULL;
	if (!(st->form = new_form(st->f)))
		return -1;
	set_field_init(st->form, field_enter);
	set_field_term(st->form, field_leave);
	memset(st->active, 1, sizeof(st->active));
	return windows_make(st);
}

static void form_free(struct form_state *st)
{
	windows_free(st);
	if (st->form)
		free_form(st->form);
	for (int i = 0; i < F_N; i++)
		if (st->f[i])
			free_field(st->f[i]);
	free(st);
}

/* ---- drawing ---- */

static int row_end(int row)
{
	int end = 0;

	for (int i = 0; i < F_N; i++)
		if (fspecs[i].row == row && fspecs[i].fcol + fspecs[i].width > end)
			end = fspecs[i].fcol + fspecs[i].width + (fspecs[i].kind == K_CHOICE ? 2 : 0);
	return end + 2;
}

static const char *field_label(struct form_state *st, int i)
{
	if (st->v6 && i == F_TTL)
		return "Hop lim";
	if (st->v6 && i == F_TOS)
		return "TClass";
	return fspecs[i].label;
}

/* The text beside a row: its fields' error, else the type/code description, else a hint. */
static void draw_beside(struct form_state *st, int row)
{
	const char *text = NULL;
	char extra[96];
	int x = row_end(row), err = 0;

	for (int i = 0; i < F_N && !text; i++)
		if (fspecs[i].row == row && st->err[i][0])
			text = st->err[i], err = 1;
	for (int i = 0; i < F_N && !text; i++) {
		if (fspecs[i].row != row || !st->active[i])
			continue;
		if (i == F_TYPE || i == F_CODE) {
			int k = form_choice_index(st, i);
			const struct tok *t = i == F_TYPE ? craft_icmp_types(st->v6) :
							craft_icmp_codes(st->v6, st->type);

			text = k >= 0 ? t[k].desc : NULL;
		} else if (i == F_EXTRA) {
			form_extra_hint(st, extra, sizeof(extra));
			text = extra;
		} else {
			text = st->v6 && i == F_TTL ? "hop limit, class 0..255" : hints[i];
		}
	}
	if (row == fspecs[F_SMAC].row && st->ui->s->dev.tun)
		text = "(tun: no Ethernet)";
	if (!text && row == fspecs[F_CODE].row)
		text = "(this type has no named codes)";
	if (!text && row == fspecs[F_ID].row)
		text = "(echo, timestamp, mask only)";
	if (!text && row == fspecs[F_QUOTE].row)
		text = "(error messages only)";
	if (!text)
		return;
	wattrset(st->sub, err ? ui_attr(C_ERROR) : ui_attr(C_DIM));
	ui_put(st->sub, row, x, FORM_COLS - 2 - x, text, 0);
	wattrset(st->sub, A_NORMAL);
}

static void draw_labels(struct form_state *st)
{
	for (int i = 0; i < F_N; i++) {
		const struct fspec *fs = &fspecs[i];

		wattrset(st->sub, st->active[i] ? A_NORMAL : ui_attr(C_DIM));
		mvwaddstr(st->sub, fs->row, fs->lcol, field_label(st, i));
		wattrset(st->sub, ui_attr(C_DIM));
		if (fs->kind == K_CHOICE)
			mvwaddstr(st->sub, fs->row, fs->fcol + fs->width + 1, !st->active[i] ? "  " :
				  st->ui->utf8 ? "\xe2\x97\x82\xe2\x96\xb8" : "<>");
		wattrset(st->sub, A_NORMAL);
	}
}

/* Text wrapped over rows [y, y+rows) from column x, w wide; the last row cuts with a marker. */
static void draw_wrapped(WINDOW *w, int y, int rows, int x, int width, const char *t)
{
	for (int r = 0; r < rows && *t; r++) {
		int len = r == rows - 1 ? (int)strlen(t) : ui_wrap_len(t, width);
		char line[SPEC_MAX];

		snprintf(line, sizeof(line), "%.*s", len, t);
		ui_put(w, y + r, x, width, line, 0);
		t += len;
		while (*t == ' ')
			t++;
	}
}

static void draw_spec(struct form_state *st)
{
	char spec[SPEC_MAX];

	form_spec(st, spec, sizeof(spec));
	wattrset(st->sub, A_BOLD);
	mvwaddstr(st->sub, FORM_SPEC_ROW, 1, "Spec");
	wattrset(st->sub, ui_attr(C_OK));
	draw_wrapped(st->sub, FORM_SPEC_ROW, 2, 7, FORM_COLS - 2 - 8, spec);
	if (st->msg[0]) {
		wattrset(st->sub, st->msg_error ? ui_attr(C_ERROR) : ui_attr(C_WARN));
		draw_wrapped(st->sub, FORM_MSG_ROW, 3, 1, FORM_COLS - 4, st->msg);
	}
	wattrset(st->sub, A_NORMAL);
}

static void draw_frame(struct form_state *st)
{
	const char *foot = st->ui->utf8 ?
		" F10 send \xc2\xb7 Enter next \xc2\xb7 \xe2\x86\x90\xe2\x86\x92 choose \xc2\xb7 F2-F6 presets \xc2\xb7 Esc cancel " :
		" F10 send - Enter next - Left/Right choose - F2-F6 presets - Esc cancel ";

	box(st->win, 0, 0);
	wattrset(st->win, ui_attr(C_FOCUS_TITLE));
	if (st->edit_id)
		mvwprintw(st->win, 0, 2, " Edit held frame #%llu: F10 puts it back on hold, edited ",
			  (unsigned long long)st->edit_id);
	else
		mvwaddstr(st->win, 0, 2, " Inject a packet toward the kernel ");
	wattrset(st->win, ui_attr(C_KEY));
	mvwaddstr(st->win, FORM_ROWS - 1, 2, foot);
	wattrset(st->win, A_NORMAL);
}

/* Clears what is not a field: labels, descriptions, the spec and the message are drawn anew. */
static void clear_around(struct form_state *st)
{
	for (int row = 0; row < FORM_FIELD_ROWS; row++) {
		int x = row_end(row);

		if (x < FORM_COLS - 2)
			mvwhline(st->sub, row, x, ' ', FORM_COLS - 2 - x);
		for (int i = 0; i < F_N; i++)
			if (fspecs[i].row == row)
				mvwhline(st->sub, row, fspecs[i].lcol, ' ', fspecs[i].fcol - fspecs[i].lcol);
	}
	for (int row = FORM_FIELD_ROWS; row < FORM_ROWS - 2; row++)
		mvwhline(st->sub, row, 0, ' ', FORM_COLS - 2);
}

static void form_draw(struct overlay *ov)
{
	struct form_state *st = ov->state;
	int y = (LINES - FORM_ROWS) / 2, x = (COLS - FORM_COLS) / 2;

	if (!st->win || getmaxy(st->win) != FORM_ROWS || getmaxx(st->win) != FORM_COLS ||
	    getbegy(st->win) != (y > 0 ? y : 0) || getbegx(st->win) != (x > 0 ? x : 0)) {
		if (windows_make(st) < 0)	/* the terminal changed size: new windows, same fields */
			return;
	}
	show_panel(st->panel);
	form_sync(st);
	clear_around(st);
	draw_labels(st);
	for (int row = 0; row < FORM_FIELD_ROWS; row++)
		draw_beside(st, row);
	draw_spec(st);
	draw_frame(st);
	top_panel(st->panel);
	touchwin(st->win);
	curs_set(1);
	pos_form_cursor(st->form);
}

static void form_hide(struct overlay *ov)
{
	struct form_state *st = ov->state;

	if (st->panel)
		hide_panel(st->panel);
}

static void form_overlay_free(struct overlay *ov)
{
	form_free(ov->state);
}

/* ---- keys ---- */

static int current(struct form_state *st)
{
	return field_index(current_field(st->form));
}

static int last_active(struct form_state *st)
{
	for (int i = F_N - 1; i >= 0; i--)
		if (st->active[i])
			return i;
	return 0;
}

/* Leaving a field: the engine checks the spec, and says beside the field what is wrong. */
static enum ui_result form_move(struct form_state *st, int req)
{
	int i = current(st), ok;
	char spec[SPEC_MAX];

	form_driver(st->form, req);
	if (!st->active[i])	/* disabled while it was being edited: do it now that it is left */
		form_set_active(st, i, 0);
	form_follow_src(st);
	st->msg[0] = '\0';
	form_check(st, spec, sizeof(spec), &ok);
	return UI_REDRAW;
}

static void form_send(struct form_state *st, struct overlay *ov)
{
	char spec[SPEC_MAX];
	int bad, ok, err;
	const char *m;

	form_sync(st);
	bad = form_check(st, spec, sizeof(spec), &ok);
	if (ok < 0) {
		if (bad >= 0 && st->active[bad])
			set_current_field(st->form, st->f[bad]);
		return;
	}
	if (st->edit_id) {	/* editing a held frame: it is replaced, and stays held */
		if (form_edit_send(st, spec) == 0)
			mgr_close(ov);
		return;
	}
	if (ui_inject(st->ui, spec) < 0) {	/* the engine refused to build it: say why, stay open */
		m = msg_current(&err);
		snprintf(st->msg, sizeof(st->msg), "%s", m ? m : "not sent");
		st->msg_error = 1;
		return;
	}
	mgr_close(ov);
}

/* Field i changed: its error goes, and the message under the spec with it when it was that
 * error's (F10 checks the whole spec again). */
static void edited(struct form_state *st, int i)
{
	if (st->err[i][0] && st->msg_error)
		st->msg[0] = '\0';
	st->err[i][0] = '\0';
}

static enum ui_result choice_cycle(struct form_state *st, int dir)
{
	int i = current(st), n = form_list_len(form_choices(st, i)), k = form_choice_index(st, i);

	if (n < 2)
		return UI_HANDLED;
	k = k < 0 ? 0 : (k + dir + n) % n;
	fset(st, i, form_choices(st, i)[k]);
	edited(st, i);
	if (i == F_PRESET || i == F_PROTO || i == F_TYPE)
		form_choice_changed(st, i);
	return UI_REDRAW;
}

/* A letter on a choice field jumps to the next choice starting with it. */
static enum ui_result choice_letter(struct form_state *st, int ch)
{
	int i = current(st), n = form_list_len(form_choices(st, i)), k = form_choice_index(st, i);

	for (int step = 1; step <= n; step++) {
		int j = ((k < 0 ? 0 : k) + step) % n;

		if (tolower((unsigned char)form_choices(st, i)[j][0]) == tolower(ch)) {
			fset(st, i, form_choices(st, i)[j]);
			edited(st, i);
			if (i == F_PRESET || i == F_PROTO || i == F_TYPE)
				form_choice_changed(st, i);
			return UI_REDRAW;
		}
	}
	return UI_HANDLED;
}

static int is_choice(struct form_state *st)
{
	return fspecs[current(st)].kind == K_CHOICE;
}

static int edit_request(int ch)
{
	switch (ch) {
	case KEY_HOME: case 1: return REQ_BEG_FIELD;
	case KEY_END: case 5: return REQ_END_FIELD;
	case KEY_BACKSPACE: case 127: case 8: return REQ_DEL_PREV;
	case KEY_DC: return REQ_DEL_CHAR;
	case 11: return REQ_CLR_EOF;		/* Ctrl-K */
	}
	return ch >= 32 && ch < 127 ? ch : -1;
}

static enum ui_result form_key(struct overlay *ov, int ch)
{
	struct form_state *st = ov->state;
	int req;

	if (ch == KEY_MOUSE || ch == KEY_RESIZE)
		return UI_HANDLED;
	if (is_choice(st))
		return ch > 32 && ch < 127 ? choice_letter(st, ch) : UI_HANDLED;
	if ((req = edit_request(ch)) < 0)
		return UI_HANDLED;
	form_driver(st->form, req);
	edited(st, current(st));
	return UI_REDRAW;
}

/* ---- actions (the key table's "form" rows) ---- */

#define STATE(target) ((struct form_state *)((struct overlay *)(target))->state)

static enum ui_result act_next(struct ui *ui, void *target, const char *arg)
{
	(void)ui;
	(void)arg;
	return form_move(STATE(target), REQ_NEXT_FIELD);
}

static enum ui_result act_prev(struct ui *ui, void *target, const char *arg)
{
	(void)ui;
	(void)arg;
	return form_move(STATE(target), REQ_PREV_FIELD);
}

static enum ui_result act_left(struct ui *ui, void *target, const char *arg)
{
	struct form_state *st = STATE(target);

	(void)ui;
	(void)arg;
	if (is_choice(st))
		return choice_cycle(st, -1);
	form_driver(st->form, REQ_LEFT_CHAR);
	return UI_REDRAW;
}

static enum ui_result act_right(struct ui *ui, void *target, const char *arg)
{
	struct form_state *st = STATE(target);

	(void)ui;
	(void)arg;
	if (is_choice(st))
		return choice_cycle(st, 1);
	form_driver(st->form, REQ_RIGHT_CHAR);
	return UI_REDRAW;
}

static enum ui_result act_space(struct ui *ui, void *target, const char *arg)
{
	struct form_state *st = STATE(target);

	(void)ui;
	(void)arg;
	if (is_choice(st))
		return choice_cycle(st, 1);
	form_driver(st->form, ' ');
	return UI_REDRAW;
}

static enum ui_result act_enter(struct ui *ui, void *target, const char *arg)
{
	struct form_state *st = STATE(target);

	(void)ui;
	(void)arg;
	if (current(st) == last_active(st)) {
		form_send(st, target);
		return UI_REDRAW;
	}
	return form_move(st, REQ_NEXT_FIELD);
}

static enum ui_result act_preset(struct ui *ui, void *target, const char *arg)
{
	(void)ui;
	form_preset(STATE(target), P_ECHO - 1 + atoi(arg));
	return UI_REDRAW;
}

static enum ui_result act_send(struct ui *ui, void *target, const char *arg)
{
	(void)ui;
	(void)arg;
	form_send(STATE(target), target);
	return UI_REDRAW;
}

static enum ui_result act_clear(struct ui *ui, void *target, const char *arg)
{
	struct form_state *st = STATE(target);

	(void)ui;
	(void)arg;
	if (!is_choice(st))
		form_driver(st->form, REQ_CLR_FIELD);
	return UI_REDRAW;
}

static enum ui_result act_cancel(struct ui *ui, void *target, const char *arg)
{
	uint64_t edit = STATE(target)->edit_id;

	(void)arg;
	mgr_close(target);
	if (edit)
		ui_message(ui, 0, "edit closed: held frame %llu unchanged", (unsigned long long)edit);
	else
		ui_message(ui, 0, "inject form closed: nothing sent");
	return UI_REDRAW;
}

/* F1 over the form: the help, which names the presets (and every form key) */
static enum ui_result act_help(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	ui_help_open(ui);
	return UI_REDRAW;
}

static const struct ui_action form_actions[] = {
	{ "help", act_help, NULL },
	{ "next", act_next, NULL }, { "prev", act_prev, NULL }, { "left", act_left, NULL },
	{ "right", act_right, NULL }, { "space", act_space, NULL }, { "enter", act_enter, "inject" },
	{ "preset", act_preset, NULL }, { "send", act_send, "inject" }, { "clear", act_clear, NULL },
	{ "cancel", act_cancel, NULL }, { NULL, NULL, NULL },
};

const struct overlay_class form_overlay = {
	.name = "form", .draw = form_draw, .key = form_key, .hide = form_hide,
	.actions = form_actions, .free = form_overlay_free,
};

void ui_form_open(struct ui *ui)
{
	struct form_state *st;

	if (mgr_find_overlay("form"))
		return;
	if (!(st = calloc(1, sizeof(*st))))
		return;
	st->ui = ui;
	form_note_selection(st);	/* the frame selected now, whatever arrives while the form is open */
	if (ui->detail->num && ui->detail->frame.dir == FRAME_IN)
		snprintf(st->quote_frame, sizeof(st->quote_frame), "frame:%llu", (unsigned long long)ui->detail->num);
	if (form_build(st) < 0) {
		form_free(st);
		ui_message(ui, 1, "the inject form needs %dx%d: use r, or --inject", FORM_COLS, FORM_ROWS);
		return;
	}
	st->v6 = !form_family_usable(ui, 0) && form_family_usable(ui, 1);
	form_preset(st, P_ECHO);
	if (!mgr_push(ui, &form_overlay, st))
		form_free(st);
}

int form_covers_row(int row)
{
	int y = (LINES - FORM_ROWS) / 2 > 0 ? (LINES - FORM_ROWS) / 2 : 0;

	return row >= y && row < y + FORM_ROWS;
}
