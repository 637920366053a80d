/* ui_classroom.c — the classroom's global keys: the lesson menu and next step, step mode, the
 * console, the timeline, the device the panes show and the split view, predict mode, Ctrl-C. */
#include "ui_classroom.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_detail.h"
#include "ui_msg.h"
#include "ui_panes.h"

void classroom_start(struct ui *ui)
{
	console_ui_start(ui);
	if (ui->lesson && lesson_ui_start(ui, ui->lesson, 0) < 0)
		ui_message(ui, 1, "out of memory: the lesson did not start");
}

void classroom_stop(struct ui *ui)
{
	(void)ui;
	lesson_ui_stop();
	console_ui_stop();
}

/* ---- devices ---- */

void ui_set_device(struct ui *ui, int i)
{
	if (i < 0 || i >= ui->ndevs)
		return;
	ui->cur = i;
	ui->s = ui->devs[i].s;
	ui->store = ui->devs[i].store;
	ui_dirty(ui);
}

/* 1..4: the focused frame list (else the first) shows device N, and so do the other panes. */
enum ui_result act_device(struct ui *ui, void *target, const char *arg)
{
	struct pane *p = mgr_focused();
	int i = atoi(arg) - 1;

	(void)target;
	if (i < 0 || i >= ui->ndevs) {
		ui_message(ui, 1, "there is no device %s: this run has %d (give -i once per device: -i tap0 -i tun0 --tun)",
			   arg, ui->ndevs);
		return UI_REDRAW;
	}
	if (!p || (p->cls != &list_pane && p->cls != &split_pane))
		p = mgr_pane("list");
	if (p && p->beside && list_split_on() && list_device(p->beside) == i)
		list_show(p->beside, ui->cur);	/* the two lists swap rather than show one device twice */
	else if (p && p->host && list_device(p->host) == i)
		list_show(p->host, ui->cur);
	if (p)
		list_show(p, i);
	ui_set_device(ui, i);
	ui_message(ui, 0, "showing device %d: %s (%s)", i + 1, ui->s->dev.name, ui->s->dev.tun ? "tun" : "tap");
	return UI_REDRAW;
}

enum ui_result act_split(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	if (list_split(ui, !list_split_on()))
		ui_message(ui, 0, "split view: %s beside %s%s", ui->devs[list_device(mgr_pane("list")->beside)].s->dev.name,
			   ui->devs[list_device(mgr_pane("list"))].s->dev.name,
			   ui->ndevs > 1 ? " (Tab moves between them; number keys pick a device)" :
			   " (one device: both show it; give -i twice for two)");
	else
		ui_message(ui, 0, "split view off");
	return UI_REDRAW;
}

/* ---- the timeline, predict mode ---- */

enum ui_result act_timeline(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	ui->timeline = !ui->timeline;
	ui_message(ui, 0, "%s", ui->timeline ? "netlink events shown between the frames (dimmed rows)" :
		   "netlink events hidden from the frame list");
	return UI_REDRAW;
}

enum ui_result act_predict(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	predict_step(ui);
	return UI_REDRAW;
}

/* ---- step mode, the console, lessons ---- */

/* S: the outbox on hold, and the held frames listed with the keys that release, edit, drop. */
enum ui_result act_step(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	if (!ui->step_mode || !ui->s->outbox.hold) {	/* on hold already (H, --hold): step mode all the same */
		if (!ui->s->outbox.hold)
			ui_core_run(ui, "hold on", 0);
		ui->step_mode = 1;
		mgr_focus(mgr_pane("held"));
		ui_message(ui, 0, "step mode on %s: every reply waits in the held list; Enter sends one, e edits it, x drops "
			   "it; S ends step mode", ui->s->dev.name);
	} else {
		ui->step_mode = 0;
		ui_core_run(ui, "hold off", 0);
	}
	return UI_REDRAW;
}

enum ui_result act_console(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	console_ui_open(ui);
	return UI_REDRAW;
}

enum ui_result act_lessons(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	ui_lessons_open(ui);
	return UI_REDRAW;
}

enum ui_result act_next_step(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	lesson_ui_next(ui);
	return UI_REDRAW;
}

/* Ctrl-C: like a shell, it stops the command running (the console's, else the lesson's);
 * with none running it quits. */
enum ui_result act_interrupt(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	if (console_ui_interrupt(ui) || lesson_ui_interrupt(ui))
		return UI_REDRAW;
	return ui_quit(ui);
}
