/* ui_actions.c — the UI's global named actions (quit, help, focus, filter, save, the inject form,
 * repeat...) and the bridge to the core's named actions (src/action.c), which every key that
 * changes the responder, the outbox, a job or the device ends in. */
#include "ui_pane.h"
#include "offline.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "action.h"
#include "ui_classroom.h"
#include "ui_fileview.h"
#include "ui_find.h"
#include "ui_msg.h"
#include "ui_overlays.h"
#include "ui_panes.h"
#include "ui_store.h"
#include "ui_term.h"
#include "ui_timeline.h"

/* ---- the core's actions ---- */

static void core_now(struct ui *ui, const char *line)
{
	char msg[1024];
	int rc = action_run(ui->s, line, msg, sizeof(msg));

	if (msg[0])
		ui_message(ui, rc < 0, "%s", msg);
}

enum ui_result ui_core_run(struct ui *ui, const char *line, int confirm)
{
	char name[32], question[300];
	const struct action_def *a;

	snprintf(name, sizeof(name), "%.*s", (int)strcspn(line, " "), line);
	if (!ui->s) {		/* the offline browser: the core's actions need a device */
		ui_message(ui, 1, "%s: only on a live device, and this is a file", name);
		return UI_REDRAW;
	}
	a = action_find(name);
	if (confirm && a && (a->flags & ACTION_DESTRUCTIVE)) {
		snprintf(question, sizeof(question), "%s (%s)?", line, a->help);
		ui_confirm(ui, question, core_now, line);
		return UI_REDRAW;
	}
	core_now(ui, line);
	return UI_REDRAW;
}

int ui_inject(struct ui *ui, const char *spec)
{
	char text[sizeof(ui->last_spec)], line[sizeof(text) + 8], msg[1024];
	int rc;

	snprintf(text, sizeof(text), "%s", spec);	/* spec may be ui->last_spec itself ('r') */
	snprintf(line, sizeof(line), "inject %s", text);
	rc = action_run(ui->s, line, msg, sizeof(msg));
	ui_message(ui, rc < 0, "%s", msg);
	if (!rc) {
		memcpy(ui->last_spec, text, sizeof(text));
		ui->last_spec_job = ui->s->jobs ? ui->s->jobs->id : 0;
	}
	return rc;
}

/* ---- global actions ---- */

static void quit_now(struct ui *ui, const char *arg)
{
	(void)arg;
	ui->quit = 1;
}

enum ui_result ui_quit(struct ui *ui)
{
	char question[1200];
	const char *saving = ui->file ? fileview_saving(ui->file, NULL) : NULL;
	size_t held = 0;

	for (int i = 0; i < ui->ndevs; i++)	/* (none in the offline browser) */
		held += ui->devs[i].s->outbox.n;
	if (!saving && held) {	/* as an editor asks about unsaved changes */
		snprintf(question, sizeof(question), "%zu frame%s held in the outbox %s never been sent: quit anyway?",
			 held, held == 1 ? " is" : "s are", held == 1 ? "and has" : "and have");
		ui_confirm(ui, question, quit_now, NULL);
		return UI_REDRAW;
	}
	if (!saving)
		return UI_QUIT;
	/* no count here: the save goes on while the question is open (and may end before the answer) */
	snprintf(question, sizeof(question), "a save to %s is running: quit, and keep only the frames written by then?",
		 saving);
	ui_confirm(ui, question, quit_now, NULL);
	return UI_REDRAW;
}

static enum ui_result act_quit(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	return ui_quit(ui);
}

static enum ui_result act_help(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	ui_help_open(ui);
	return UI_REDRAW;
}

static enum ui_result act_focus(struct ui *ui, void *target, const char *arg)
{
	(void)ui;
	(void)target;
	if (!strcmp(arg, "next") || !strcmp(arg, "prev"))
		mgr_focus_step(strcmp(arg, "next") ? -1 : 1);
	else if (mgr_pane(arg))
		mgr_focus(mgr_pane(arg));
	return UI_REDRAW;
}

/* Esc: a find running through a file stops (it could take a while on a big one); the list gets the focus. */
static void stop_save(struct ui *ui, const char *arg)
{
	(void)arg;
	if (ui->file)
		fileview_save_stop(ui->file);	/* (it may have ended while asked: then it says nothing) */
}

static enum ui_result act_escape(struct ui *ui, void *target, const char *arg)
{
	const char *saving = ui->file ? fileview_saving(ui->file, NULL) : NULL;

	(void)target;
	(void)arg;
	if (find_cancel(ui))
		saving = NULL;	/* a find or go-to first; then a save is asked about, then the console closes */
	else if (!saving && console_ui_hide())
		ui_message(ui, 0, "console closed: the next : command shows it again");
	if (saving) {
		char question[1200];

		snprintf(question, sizeof(question), "stop saving to %s? It keeps the frames written by then", saving);
		ui_confirm(ui, question, stop_save, NULL);
		return UI_REDRAW;
	}
	if (mgr_pane("list"))
		mgr_focus(mgr_pane("list"));
	return UI_REDRAW;
}

enum ui_result ui_suspend(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	term_suspend();
	mgr_resize(ui);	/* the terminal may have changed size meanwhile */
	ui_message(ui, 0, "back from Ctrl-Z%s", ui->file ? "" :
		   ": while stopped tapscope read and answered nothing (the device's queue kept what it could)");
	return UI_REDRAW;
}

static enum ui_result act_messages(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	msg_open_history(ui);
	return UI_REDRAW;
}

static enum ui_result act_hex(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	hex_toggle(ui);
	return UI_REDRAW;
}

static enum ui_result act_form(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	ui_form_open(ui);
	return UI_REDRAW;
}

static enum ui_result act_repeat(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	const struct inject_job *newest = ui->s->jobs;

	if (newest && newest->id != ui->last_spec_job)	/* injected from the console, --control or a lesson */
		ui_inject(ui, newest->text);
	else if (!ui->last_spec[0])
		ui_message(ui, 1, "nothing injected yet: i opens the inject form");
	else
		ui_inject(ui, ui->last_spec);
	return UI_REDRAW;
}

#define FILTER_LABEL "filter (BPF, empty clears):"
static char refused_filter[1024];	/* the last filter refused: / offers it again to mend */

static void on_filter(struct ui *ui, const char *text, const char *arg)
{
	char err[512];

	(void)arg;
	refused_filter[0] = '\0';
	if (list_set_filter(ui, text, err, sizeof(err)) < 0) {
		ui_message(ui, 1, "filter not changed: %s", err);	/* err has the syntax hint */
		snprintf(refused_filter, sizeof(refused_filter), "%s", text);
		if (arg) {	/* typed in the prompt: it stays open on the text, the reason above it */
			char why[600];

			snprintf(why, sizeof(why), "filter not changed: %s (Esc leaves it)", err);
			ui_prompt_mend(ui, FILTER_LABEL, text, on_filter, "", why);
		}
	} else if (*text)
		ui_message(ui, 0, "showing frames that match: %s", text);
	else
		ui_message(ui, 0, "filter cleared: showing every frame");
}

static enum ui_result act_filter(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	if (*arg)
		on_filter(ui, arg, NULL);
	else	/* a refused filter is offered again: an arrow key keeps it to mend, typing replaces it */
		ui_prompt(ui, FILTER_LABEL, refused_filter[0] ? refused_filter : list_filter_text(),
			  on_filter, NULL);
	return UI_REDRAW;
}

static enum ui_result act_pause(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	list_pause(ui);
	ui_message(ui, 0, "%s", list_paused() ? "view paused: capture goes on; space resumes" : "view resumed");
	return UI_REDRAW;
}

static enum ui_result act_clear(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	store_clear(ui->store);
	timeline_clear(ui->devs[ui->cur].tl);
	ui_message(ui, 0, "cleared (capture goes on)");
	return UI_REDRAW;
}

static enum ui_result act_follow(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	list_follow(ui);
	ui_message(ui, 0, "%s", ui->file ? "the last frame (following the index while it grows)" : "following new frames");
	return UI_REDRAW;
}

static enum ui_result act_move(struct ui *ui, void *target, const char *arg)
{
	static const char *const names[MOVE_COUNT] = { "up", "down", "pgup", "pgdn", "home", "end" };
	struct pane *p = target ? target : mgr_focused();

	(void)ui;
	if (!p || !p->cls->nav)
		return UI_HANDLED;
	for (int m = 0; m < MOVE_COUNT; m++)
		if (!strcmp(arg, names[m]))
			return p->cls->nav(p, (enum pane_move)m);
	return UI_HANDLED;
}

/* ---- save ---- */

/* "~/x" and "~user/x" as the shell expands them. */
static void expand_home(const char *in, char *out, size_t n)
{
	const char *rest, *home = NULL;
	char user[64];

	if (in[0] != '~') {
		snprintf(out, n, "%s", in);
		return;
	}
	rest = in + 1 + strcspn(in + 1, "/");
	if (rest == in + 1) {
		home = getenv("HOME");
	} else {
		struct passwd *pw;

		snprintf(user, sizeof(user), "%.*s", (int)(rest - in - 1), in + 1);
		pw = getpwnam(user);
		home = pw ? pw->pw_dir : NULL;
	}
	if (!home) {
		snprintf(out, n, "%s", in);
		return;
	}
	snprintf(out, n, "%s%s", home, rest);
}

static void save_now(struct ui *ui, const char *path)
{
	char err[512], word[600];
	long n = list_save(ui, path, err, sizeof(err));

	if (n == -EINPROGRESS)
		ui_message(ui, 0, "saving the frames in view to %s...", path);
	else if (n < 0)
		ui_message(ui, 1, "%s", err);
	else
		ui_message(ui, 0, "saved %ld frame%s to %s (tcpdump -r %s)", n, n == 1 ? "" : "s", path,
			   ui_shell_word(path, word, sizeof(word)));
}

/* The same file (device and inode) as other, a path given to -r or -w (NULL: none). */
static void on_save(struct ui *ui, const char *text, const char *arg)
{
	char path[1024], question[1200];
	struct stat sb;

	(void)arg;
	if (!*text)
		return;
	if (!strcmp(text, "-")) {	/* tcpdump's standard output: here the terminal the UI draws on */
		ui_message(ui, 1, "'-' is standard output, the screen here: give a file name (./- for a file named -)");
		return;
	}
	expand_home(text, path, sizeof(path));
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		ui_message(ui, 1, "%s is a directory: give a file name", path);
		return;
	}
	if (offline_same_file(path, ui->o->read_path)) {
		ui_message(ui, 1, "%s is the file being browsed: saving over it would destroy it; give another name", path);
		return;
	}
	if (offline_same_file(path, ui->o->write_path)) {
		ui_message(ui, 1, "%s is the file -w is writing: give another name", path);
		return;
	}
	if (stat(path, &sb) == 0) {
		if (S_ISREG(sb.st_mode))
			snprintf(question, sizeof(question), "%s exists (%lld bytes): overwrite it?", path, (long long)sb.st_size);
		else
			snprintf(question, sizeof(question), "%s is not a file but a %s: write the capture into it?", path,
				 S_ISCHR(sb.st_mode) ? "character device" : S_ISBLK(sb.st_mode) ? "block device" :
				 S_ISFIFO(sb.st_mode) ? "FIFO" : S_ISSOCK(sb.st_mode) ? "socket" : "special file");
		ui_confirm(ui, question, save_now, path);
		return;
	}
	save_now(ui, path);
}

static enum ui_result act_save(struct ui *ui, void *target, const char *arg)
{
	char path[128];
	time_t now = time(NULL);

	(void)target;
	if (ui->file && fileview_saving(ui->file, NULL)) {	/* said before a name is asked for */
		ui_message(ui, 1, "a save to %s is running: wait for it to finish", fileview_saving(ui->file, NULL));
		return UI_REDRAW;
	}
	if (*arg) {
		on_save(ui, arg, NULL);
		return UI_REDRAW;
	}
	strftime(path, sizeof(path), "/tmp/tapscope-%Y%m%d-%H%M%S.pcap", localtime(&now));
	ui_prompt(ui, "save the frames in view to:", path, on_save, NULL);
	return UI_REDRAW;
}

static const struct ui_action global_actions[] = {
	{ "quit", act_quit, NULL },
	{ "help", act_help, NULL },
	{ "focus", act_focus, NULL },
	{ "messages", act_messages, NULL },
	{ "hex", act_hex, NULL },
	{ "form", act_form, "inject" },
	{ "repeat", act_repeat, "inject" },
	{ "filter", act_filter, NULL },
	{ "pause", act_pause, NULL },
	{ "clear", act_clear, NULL },
	{ "follow", act_follow, NULL },
	{ "save", act_save, NULL },
	{ "move", act_move, NULL },
	/* the classroom (ui_classroom.c) */
	{ "lessons", act_lessons, NULL },
	{ "next-step", act_next_step, NULL },
	{ "step", act_step, "hold" },
	{ "console", act_console, NULL },
	{ "timeline", act_timeline, NULL },
	{ "predict", act_predict, NULL },
	{ "device", act_device, NULL },
	{ "split", act_split, NULL },
	{ "interrupt", act_interrupt, NULL },
	{ "escape", act_escape, NULL },
	{ "suspend", ui_suspend, NULL },
	{ "find", find_act, NULL },
	{ "find-next", find_act_next, NULL },
	{ "find-prev", find_act_prev, NULL },
	{ "goto", find_act_goto, NULL },
	{ NULL, NULL, NULL },
};

const struct ui_action *ui_actions_global(void)
{
	return global_actions;
}
