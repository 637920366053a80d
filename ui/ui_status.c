/* ui_status.c — the title bar, the message line and the status bar: answers on/off, counts,
 * the outbox on hold, injection jobs in progress (X stops them), the filter and -w. */
#include "ui_status.h"

#include <stdio.h>
#include <string.h>

#include "ui_detail.h"
#include "ui_fileview.h"
#include "ui_keys.h"
#include "ui_msg.h"
#include "ui_overlays.h"
#include "ui_panes.h"
#include "ui_store.h"

#define JOBS_SEEN 32

/* The offline browser's title: the file, its format and link type. */
static void file_title(struct ui *ui, char *text, size_t len)
{
	struct capindex_info in;
	const char *path;

	capindex_info(fileview_index(ui->file), &in);
	path = strcmp(in.path, "-") ? in.path : "<stdin>";
	snprintf(text, len, " tapscope  %s (%s, %s)", path, in.pcapng ? "pcapng" : "pcap",
		 in.link_desc ? in.link_desc : "?");
}

static void live_title(struct ui *ui, char *text, size_t len)
{
	struct session *s = ui->s;
	int n;

	n = snprintf(text, len, " tapscope  %s (%s%s)", s->dev.name, s->dev.tun ? "tun" : "tap",
		     s->dev.pi ? ", pi" : "");
	for (int i = 0; ui->ndevs > 1 && i < ui->ndevs && n < (int)len - 64; i++)	/* the number keys */
		n += snprintf(text + n, len - (size_t)n, "%s%s%d %s%s", i ? " " : "  devices: ",
			      i == ui->cur ? "[" : "", i + 1, ui->devs[i].s->dev.name, i == ui->cur ? "]" : "");
	if (ui->ss[0].ns.name[0])
		n += snprintf(text + n, len - (size_t)n, "  netns %s", ui->ss[0].ns.name);
	if (s->dev.fd < 0)
		n += snprintf(text + n, len - (size_t)n, "  [queue detached]");
	if (list_paused())
		snprintf(text + n, len - (size_t)n, "  [view paused: space resumes]");
}

void status_draw_title(struct ui *ui, WINDOW *w)
{
	char text[512];

	if (ui->file)
		file_title(ui, text, sizeof(text));
	else
		live_title(ui, text, sizeof(text));
	wattrset(w, ui_attr(C_TITLE));
	mvwhline(w, 0, 0, ' ', COLS);
	ui_put(w, 0, 0, COLS, text, 0);
	wattrset(w, A_NORMAL);
}

/* A global key the scope binds itself (e in the held list edits, not echo). */
static int shadowed(const struct ui_key *global, const char *scope)
{
	for (const struct ui_key *k = keys_table(); k->name; k++)
		if (!strcmp(k->scope, scope) && !strcmp(k->name, global->name))
			return 1;
	return 0;
}

/* "e echo  n neigh  ..." from the key table: the scope's own keys first, then the global ones. */
static void hints(const char *scope, int live, char *buf, size_t len)
{
	const char *scopes[2] = { scope, SCOPE_GLOBAL };
	size_t used = 0;

	buf[0] = '\0';
	for (int s = 0; s < 2; s++) {
		for (const struct ui_key *k = keys_table(); k->name && used < len; k++) {
			if (!k->hint || strcmp(k->scope, scopes[s]) || (s == 1 && !strcmp(scope, SCOPE_GLOBAL)) ||
			    (!live && keys_need_device(k)) || (s == 1 && shadowed(k, scope)))
				continue;
			used += (size_t)snprintf(buf + used, len - used, "%s%s %s", used ? "  " : "", k->name, k->hint);
		}
	}
}

static void message_line(struct ui *ui, WINDOW *w, const char *scope, const char *overlay)
{
	int y = LINES - 2, error;
	const char *msg = msg_current(&error), *explain = NULL;
	char text[1024];

	mvwhline(w, y, 0, ' ', COLS);
	if (overlay && !strcmp(overlay, "form") && form_covers_row(y))
		return;		/* under the form's box, which says its messages itself: a stray first letter beside it */
	if (!msg && (!strcmp(scope, "tree") || !strcmp(scope, "hex")))
		explain = detail_explain(ui);
	if (msg) {
		wattrset(w, error ? ui_attr(C_ERROR) : ui_attr(C_OK));
		ui_put(w, y, 0, COLS, msg, 0);
	} else if (explain) {
		ui_put(w, y, 0, COLS, explain, 0);
	} else if (!overlay) {
		hints(scope, ui->s != NULL, text, sizeof(text));
		wattrset(w, ui_attr(C_DIM));
		ui_put(w, y, 0, COLS, text, 0);
	}
	wattrset(w, A_NORMAL);
}

static int jobs_text(struct session *s, char *buf, size_t len)
{
	int n = 0, running = 0;

	for (const struct inject_job *j = s->jobs; j && (size_t)n < len; j = j->next) {
		if (j->state != JOB_RUNNING && j->state != JOB_WAITING)
			continue;
		n += snprintf(buf + n, len - (size_t)n, "  job %u %u/%u", j->id, j->sent, j->total);
		running++;
	}
	if (running && (size_t)n < len)
		n += snprintf(buf + n, len - (size_t)n, " (X stops)");
	return n;
}

static int live_status(struct ui *ui, char *text, size_t size)
{
	struct session *s = ui->s;
	int n;

	n = snprintf(text, size, " echo:%s  neigh:%s  in %llu out %llu",
		     s->resp.policy.answer_echo ? "ON " : "off", s->resp.policy.answer_neigh ? "ON " : "off",
		     (unsigned long long)s->count.in, (unsigned long long)s->count.out);
	if (s->outbox.hold || s->outbox.n)
		n += snprintf(text + n, size - (size_t)n, "  HOLD: %zu held", s->outbox.n);
	n += jobs_text(s, text + n, size - (size_t)n);
	if (s->dev.fd < 0)
		n += snprintf(text + n, size - (size_t)n, "  QUEUE DETACHED");
	else if (s->carrier_off)
		n += snprintf(text + n, size - (size_t)n, "  CARRIER OFF");
	if (store_dropped(ui->store))
		n += snprintf(text + n, size - (size_t)n, "  (%llu oldest dropped from view)",
			      (unsigned long long)store_dropped(ui->store));
	if (list_filter_text()[0])
		n += snprintf(text + n, size - (size_t)n, "  filter: %s", list_filter_text());
	if (s->pcap)
		n += snprintf(text + n, size - (size_t)n, "  -w %s", ui->o->write_path);
	return n;
}

void status_draw(struct ui *ui, WINDOW *w, const char *scope, const char *overlay)
{
	char text[1024];
	int n;

	message_line(ui, w, scope, overlay);
	n = ui->file ? (int)fileview_status(ui->file, text, sizeof(text)) : live_status(ui, text, sizeof(text));
	wattrset(w, ui_attr(C_STATUS));
	mvwhline(w, LINES - 1, 0, ' ', COLS);
	ui_put(w, LINES - 1, 0, n < COLS - 8 ? COLS - 8 : COLS, text, 0);
	if (n < COLS - 8)
		mvwaddstr(w, LINES - 1, COLS - 7, "? help");
	wattrset(w, A_NORMAL);
}

void status_jobs_changed(struct ui *ui)
{
	static unsigned seen[JOBS_SEEN];	/* ids of jobs last seen running */
	unsigned now[JOBS_SEEN] = { 0 };
	int nnow = 0;

	for (const struct inject_job *j = ui->s->jobs; j; j = j->next) {
		int was = 0;

		for (int i = 0; i < JOBS_SEEN; i++)
			was |= seen[i] == j->id;
		if ((j->state == JOB_RUNNING || j->state == JOB_WAITING) && nnow < JOBS_SEEN)
			now[nnow++] = j->id;
		else if (was && j->state == JOB_FAILED)
			ui_message(ui, 1, "job %u failed after %u of %u: %s", j->id, j->sent, j->total, j->error);
		else if (was)
			ui_message(ui, 0, "job %u %s: %u of %u sent", j->id, session_job_state_name(j->state), j->sent,
				   j->total);
	}
	memset(seen, 0, sizeof(seen));
	memcpy(seen, now, (size_t)nnow * sizeof(now[0]));
}
