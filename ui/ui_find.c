/* ui_find.c — find and go to, live and in a file: find a frame by text in its summary (the Info
 * column and the addresses) or by a field condition such as ip.ttl == 1 (src/fieldmatch.h), the
 * next and previous match, and go to a frame by its number. Live, the kept frames are searched at
 * once; in a file, the search runs in the background over the whole file (ui_fileview.h). */
#include "ui_find.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capindex.h"
#include "ui_fileview.h"
#include "ui_overlays.h"
#include "ui_panes.h"
#include "ui_store.h"

static struct capfind *query;		/* the last find, for next and previous */
static char query_text[260];		/* as messages name it */
#define FIND_LABEL "find (text, or ip.ttl == 1):"
static char prompt_text[256];		/* as typed: the next prompt's prefill */

const char *find_unseen_note(const struct capfind *q)
{
	static char note[160];
	const char *name = capfind_name_unseen(q);

	if (!name)
		return "";
	snprintf(note, sizeof(note), "; no frame searched has a field %s at all", name);
	return note;
}

void find_say_found(struct ui *ui, uint64_t got, const char *what, int backward, int wrapped)
{
	ui_message(ui, 0, "frame %llu matches %s (%sCtrl-N next, Ctrl-B previous)", (unsigned long long)got, what,
		   !wrapped ? "" : backward ? "none before: from the end again; " : "none after: from the start again; ");
}

void find_say_none(struct ui *ui, uint64_t from, const char *what, const struct capfind *q, const char *filter)
{
	if (!from)	/* nothing selected: the view is empty (a filter that shows nothing) */
		ui_message(ui, 1, "no frame in view to look in for %s%s", what, filter[0] ?
			   " (the filter shows none: / and Enter on an empty line clears it)" : "");
	else
		ui_message(ui, 1, "no frame %smatches %s%s", filter[0] ? "in view " : "", what, find_unseen_note(q));
}

static void search(struct ui *ui, int backward)
{
	uint64_t from, got;
	int wrapped;

	list_stand();
	from = list_selected();
	if (ui->file) {
		fileview_find(ui->file, query, query_text, from, backward);
		return;
	}
	got = list_find(ui, query, backward, &wrapped);
	if (got) {
		list_goto(ui, got);
		find_say_found(ui, got, query_text, backward, wrapped);
	} else {
		find_say_none(ui, from, query_text, query, list_filter_text());
	}
}

static void on_find(struct ui *ui, const char *text, const char *arg)
{
	char err[512];
	struct capfind *q;

	(void)arg;
	while (*text == ' ')
		text++;
	if (!*text)
		return;
	snprintf(prompt_text, sizeof(prompt_text), "%s", text);	/* refused too: f again mends the typo */
	q = capfind_new(text, err, sizeof(err));
	if (!q) {
		ui_message(ui, 1, "cannot find that: %s", err);
		if (arg) {	/* typed in the prompt: it stays open on the text, the reason above it */
			char why[600];

			snprintf(why, sizeof(why), "cannot find that: %s (Esc leaves it)", err);
			ui_prompt_mend(ui, FIND_LABEL, text, on_find, "", why);
		}
		return;
	}
	find_forget(ui);
	query = q;
	/* what messages call it: a condition as written, text in quotes */
	if (capfind_is_condition(q))
		snprintf(query_text, sizeof(query_text), "%s", text);
	else
		snprintf(query_text, sizeof(query_text), "\"%s\"", capfind_text(q));
	search(ui, 0);
}

enum ui_result find_act(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	if (*arg)
		on_find(ui, arg, NULL);
	else
		ui_prompt(ui, FIND_LABEL, prompt_text, on_find, NULL);
	return UI_REDRAW;
}

static enum ui_result again(struct ui *ui, int backward)
{
	if (!query)
		ui_message(ui, 1, "nothing to find yet: f asks what to look for");
	else
		search(ui, backward);
	return UI_REDRAW;
}

enum ui_result find_act_next(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	return again(ui, 0);
}

enum ui_result find_act_prev(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	return again(ui, 1);
}

/* Live: the kept frame num, or why it cannot be shown. */
static void goto_live(struct ui *ui, uint64_t want)
{
	uint64_t got = list_goto(ui, want);

	if (got == want)
		ui_message(ui, 0, "frame %llu", (unsigned long long)want);
	else if (!got)
		ui_message(ui, 1, "no frame to go to: the list is empty");
	else if (!store_get(ui->store, want, NULL) && want < store_oldest(ui->store))
		ui_message(ui, 1, "frame %llu is no longer kept (the oldest kept is %llu; --max-frames keeps more): "
			   "frame %llu selected", (unsigned long long)want, (unsigned long long)store_oldest(ui->store),
			   (unsigned long long)got);
	else if (!store_get(ui->store, want, NULL))
		ui_message(ui, 1, "no frame %llu yet: frame %llu selected", (unsigned long long)want, (unsigned long long)got);
	else
		ui_message(ui, 0, "frame %llu is not shown (filter: %s): frame %llu selected", (unsigned long long)want,
			   list_filter_text(), (unsigned long long)got);
}

static void on_goto(struct ui *ui, const char *text, const char *arg)
{
	char *end;
	unsigned long long n;

	(void)arg;
	while (*text == ' ')
		text++;
	if (!*text)
		return;
	errno = 0;
	n = strtoull(text, &end, 10);
	while (*end == ' ')
		end++;
	if (*text < '0' || *text > '9' || *end || errno || n == 0) {
		ui_message(ui, 1, "go to what? '%s' is not a frame number (1, 2, ...)", text);
		return;
	}
	list_stand();
	if (ui->file)
		fileview_goto(ui->file, n);
	else
		goto_live(ui, n);
}

enum ui_result find_act_goto(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	if (*arg)
		on_goto(ui, arg, NULL);
	else
		ui_prompt(ui, "go to frame:", "", on_goto, NULL);
	return UI_REDRAW;
}

int find_cancel(struct ui *ui)
{
	return ui->file ? fileview_find_cancel(ui->file) : 0;
}

void find_forget(struct ui *ui)
{
	if (ui->file)
		fileview_find_stop(ui->file);
	capfind_free(query);
	query = NULL;
}
