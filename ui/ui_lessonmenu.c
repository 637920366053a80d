/* ui_lessonmenu.c — the lesson menu (L): the built-in lessons (tapscope --lessons), each with
 * whether it can run on this run's devices; Enter starts it here, or, when the lesson needs
 * devices of its own, asks and starts tapscope again with them. */
#include "ui_classroom.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson.h"
#include "ui_msg.h"
#include "ui_overlays.h"

#define MENU_MAX 32

struct menu_item {
	const char *name;
	struct lesson l;
	int ok;			/* parsed */
	char why[300];		/* why it cannot run here ("" when it can) */
};

struct menu {
	struct menu_item items[MENU_MAX];
	int n, sel;
	WINDOW *win;
	PANEL *panel;
};

static void devs_text(const struct lesson *l, char *buf, size_t n)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < l->ndevs && used < n; i++)
		used += (size_t)snprintf(buf + used, n - used, "%s%s (%s%s%s)", i ? " and " : "", l->devs[i].dev.name,
					 l->devs[i].dev.tun ? "tun" : "tap", l->devs[i].dev.pi ? ", pi" : "",
					 l->devs[i].absent ? ", made by the lesson" : "");
}

const char *lesson_mismatch(const struct ui *ui, const struct lesson *l, char *buf, size_t n)
{
	char want[160];

	devs_text(l, want, sizeof(want));
	if (!ui->ss[0].ns.name[0]) {
		snprintf(buf, n, "a lesson runs in a namespace of its own (this run is in the machine's), with %s", want);
		return buf;
	}
	if (l->ndevs > ui->ndevs) {
		snprintf(buf, n, "it needs %s; this run has %d device%s", want, ui->ndevs, ui->ndevs == 1 ? "" : "s");
		return buf;
	}
	for (int i = 0; i < l->ndevs; i++) {
		const struct dev_options *d = &l->devs[i];
		const struct session *s = ui->devs[i].s;

		if (d->absent) {
			snprintf(buf, n, "%s must not exist yet: the lesson makes it", d->dev.name);
			return buf;
		}
		if (strcmp(d->dev.name, s->dev.name) || d->dev.tun != s->dev.tun || d->dev.pi != s->dev.pi) {
			snprintf(buf, n, "it needs %s; this run has %s (%s%s)", want, s->dev.name, s->dev.tun ? "tun" : "tap",
				 s->dev.pi ? ", pi" : "");
			return buf;
		}
		for (int k = 0; k < d->addrs.n; k++) {	/* its expectations count on its addresses */
			const struct dev_addr *a = &d->addrs.a[k];
			char cidr[64];

			if (addrset_is_own(&s->addrs, a->family, a->addr))
				continue;
			snprintf(buf, n, "it needs %s on %s, which this run's %s does not have",
				 addrset_format(a, cidr, sizeof(cidr)), d->dev.name, s->dev.name);
			return buf;
		}
	}
	return NULL;
}

/* ---- drawing ---- */

static void menu_draw(struct overlay *ov)
{
	struct menu *m = ov->state;
	int w = COLS - 4 < 120 ? COLS - 4 : 120, h = LINES - 4 < 3 * m->n + 5 ? LINES - 4 : 3 * m->n + 5, y = 1;
	int per = 3, first = 0;
	const char *foot = ov->ui->utf8 ? " Enter start \xc2\xb7 \xe2\x86\x91\xe2\x86\x93 choose \xc2\xb7 Esc close " :
				 " Enter start - Up/Down choose - Esc close ";

	if (mgr_box_place(&m->win, &m->panel, h, w) < 0)
		return;
	werase(m->win);
	if (m->sel * per >= h - 3)
		first = m->sel - (h - 3) / per + 1;
	for (int i = first; i < m->n && y + per <= h - 1; i++, y += per) {
		const struct menu_item *it = &m->items[i];
		char line[400];

		wattrset(m->win, i == m->sel ? ui_attr(C_SELECTED) : A_BOLD);
		mvwhline(m->win, y, 1, ' ', w - 2);
		snprintf(line, sizeof(line), "%d  %-16s %s", i + 1, it->name, it->ok ? it->l.title : "(does not parse)");
		ui_put(m->win, y, 2, w - 4, line, 0);
		wattrset(m->win, A_NORMAL);
		snprintf(line, sizeof(line), "%s%s", it->why[0] ? "Enter starts tapscope again: " :
			 "Enter runs it here, on this run's devices", it->why);
		if (i == m->sel && ui_text_cols(line) > w - 24) {	/* the whole reason, over the about line */
			int cut = ui_wrap_len(line, w - 24);

			wattrset(m->win, ui_attr(C_DIM));
			mvwaddnstr(m->win, y + 1, 22, line, cut);
			ui_put(m->win, y + 2, 22, w - 24, line + cut + (line[cut] == ' '), 0);
			continue;
		}
		ui_put(m->win, y + 1, 22, w - 24, it->ok && it->l.about ? it->l.about : "", 0);
		wattrset(m->win, it->why[0] ? ui_attr(C_DIM) : ui_attr(C_OK));
		ui_put(m->win, y + 2, 22, w - 24, line, 0);
	}
	wattrset(m->win, A_NORMAL);
	box(m->win, 0, 0);
	wattrset(m->win, ui_attr(C_FOCUS_TITLE));
	mvwaddstr(m->win, 0, 2, " Lessons (tapscope --lessons) ");
	wattrset(m->win, ui_attr(C_KEY));
	ui_put(m->win, h - 1, 2, w - 4, foot, 0);
	wattrset(m->win, A_NORMAL);
	top_panel(m->panel);
}

static void menu_hide(struct overlay *ov)
{
	mgr_box_hide(((struct menu *)ov->state)->panel);
}

static void menu_free(struct overlay *ov)
{
	struct menu *m = ov->state;

	for (int i = 0; i < m->n; i++)
		if (m->items[i].ok)
			lesson_free(&m->items[i].l);
	mgr_box_free(&m->win, &m->panel);
	free(m);
}

/* ---- keys ---- */

static void restart_yes(struct ui *ui, const char *name)
{
	static char keep[64];

	snprintf(keep, sizeof(keep), "%s", name);
	ui_restart_lesson(keep);
	loop_stop(ui->s->loop, 0);
}

static enum ui_result act_start(struct ui *ui, void *target, const char *arg)
{
	struct overlay *ov = target;
	struct menu *m = ov->state;
	struct menu_item *it = &m->items[m->sel];
	struct lesson *l;
	char question[400], name[64];

	(void)arg;
	if (!it->ok) {
		ui_message(ui, 1, "lesson %s does not parse", it->name);
		return UI_REDRAW;
	}
	if (it->why[0] && ui->o->user) {	/* privileges are gone: no devices can be made now */
		ui_message(ui, 1, "lesson %s needs devices of its own, and this run gave up root (--user %s): start it "
			   "with sudo tapscope --lesson %s --user %s", it->name, ui->o->user, it->name, ui->o->user);
		return UI_REDRAW;
	}
	if (it->why[0]) {
		snprintf(name, sizeof(name), "%s", it->name);
		snprintf(question, sizeof(question), "Start tapscope again for lesson %s? %s. This run ends (its devices "
			 "and frames go); the lesson makes its own%s%s.", name, it->why,
			 ui->ss[0].ns.name[0] ? " in namespace " : "", ui->ss[0].ns.name);
		mgr_close(ov);
		ui_confirm(ui, question, restart_yes, name);
		return UI_REDRAW;
	}
	l = malloc(sizeof(*l));
	if (!l)
		return UI_REDRAW;
	*l = it->l;		/* the menu's copy moves to the lesson pane */
	it->ok = 0;
	mgr_close(ov);
	if (lesson_ui_start(ui, l, 1) < 0)
		ui_message(ui, 1, "out of memory: the lesson did not start");
	return UI_REDRAW;
}

static enum ui_result act_move(struct ui *ui, void *target, const char *arg)
{
	struct menu *m = ((struct overlay *)target)->state;

	(void)ui;
	m->sel += atoi(arg);
	if (m->sel < 0)
		m->sel = 0;
	if (m->sel >= m->n)
		m->sel = m->n - 1;
	return UI_REDRAW;
}

static enum ui_result menu_key(struct overlay *ov, int ch)
{
	struct menu *m = ov->state;

	if (ch >= '1' && ch <= '9' && ch - '1' < m->n) {	/* a lesson's number picks it */
		m->sel = ch - '1';
		return UI_REDRAW;
	}
	return UI_HANDLED;
}

static const struct ui_action menu_actions[] = {
	{ "start", act_start, NULL },
	{ "move", act_move, NULL },
	{ "close", mgr_act_close, NULL },
	{ NULL, NULL, NULL },
};

const struct overlay_class lessons_overlay = {
	.name = "lessons", .draw = menu_draw, .key = menu_key, .hide = menu_hide,
	.actions = menu_actions, .free = menu_free,
};

void ui_lessons_open(struct ui *ui)
{
	struct menu *m;
	char err[512];

	if (mgr_find_overlay("lessons") || !(m = calloc(1, sizeof(*m))))
		return;
	for (const struct lesson_builtin *b = lesson_builtins(); b->name && m->n < MENU_MAX; b++) {
		struct menu_item *it = &m->items[m->n++];

		it->name = b->name;
		it->ok = lesson_parse(b->text, b->name, &it->l, err, sizeof(err)) == 0;
		if (it->ok)
			lesson_mismatch(ui, &it->l, it->why, sizeof(it->why));
	}
	if (!mgr_push(ui, &lessons_overlay, m))
		menu_free(&(struct overlay){ .state = m });
}
