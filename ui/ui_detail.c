/* ui_detail.c — the frame the tree and hex panes show: copied and decoded once per change of
 * frame, with the user's selected field and open nodes carried over by name. */
#include "ui_detail.h"

#include <stdio.h>
#include <string.h>

#include "ui_fileview.h"
#include "why.h"

#define KEEP_MAX 64		/* expand/collapse choices carried from one frame to the next */

/* What the user chose in the previous frame's tree, re-applied by field name to the next. */
struct keep {
	const char *sel_name;
	int n;
	struct { const char *name; uint8_t collapsed; } node[KEEP_MAX];
};

int detail_has_children(const struct decoded *d, int i)
{
	return i + 1 < decode_count(d) && decode_parent(d, i + 1) == i;
}

/* Protocol layers open one level, everything deeper closed (Wireshark's first expansion). */
static int default_collapsed(const struct decoded *d, int i)
{
	return decode_depth(d, i) > 0 && detail_has_children(d, i);
}

static void keep_save(const struct ui_detail *dt, struct keep *k)
{
	const struct decoded *d = &dt->d;

	memset(k, 0, sizeof(*k));
	if (!dt->num)
		return;
	if (dt->field >= 0 && dt->field < decode_count(d))
		k->sel_name = decode_name(d, dt->field);
	for (int i = 0; i < decode_count(d) && k->n < KEEP_MAX; i++) {
		if (!detail_has_children(d, i) || dt->collapsed[i] == default_collapsed(d, i))
			continue;
		k->node[k->n].name = decode_name(d, i);
		k->node[k->n++].collapsed = dt->collapsed[i];
	}
}

static int find_ptr(const struct decoded *d, const char *name)
{
	for (int i = 0; name && i < decode_count(d); i++)
		if (decode_name(d, i) == name)	/* names live at one address each (decode.h) */
			return i;
	return -1;
}

int detail_find(const struct decoded *d, const char *name)
{
	for (int i = 0; i < decode_count(d); i++)
		if (!strcmp(decode_name(d, i), name))
			return i;
	return -1;
}

static void keep_apply(struct ui_detail *dt, const struct keep *k)
{
	const struct decoded *d = &dt->d;
	int i;

	for (int j = 0; j < k->n; j++)
		if ((i = find_ptr(d, k->node[j].name)) >= 0)
			dt->collapsed[i] = k->node[j].collapsed;
	dt->field = decode_count(d) > 0 ? 0 : -1;
	if ((i = find_ptr(d, k->sel_name)) < 0)
		return;
	dt->field = i;
	for (int p = decode_parent(d, i); p >= 0; p = decode_parent(d, p))
		dt->collapsed[p] = 0;
}

/* A file's comments on the frame, a line each, printable (a comment is any bytes: control
 * characters become '?'). */
static void keep_comments(struct ui_detail *dt, const char *c)
{
	size_t o = 0;

	dt->ncomments = *c != '\0';
	for (; *c && o + 1 < sizeof(dt->comment); c++) {
		dt->ncomments += *c == '\n';
		dt->comment[o++] = *c == '\n' ? '\n' : (unsigned char)*c < ' ' || *c == 0x7f ? '?' : *c;
	}
	dt->comment[o] = '\0';
}

void detail_show(struct ui *ui, const struct frame *f, const struct frame_note *n)
{
	struct ui_detail *dt = ui->detail;
	static const struct frame_note none;
	struct keep k;

	if (!f) {
		dt->num = 0;
		dt->field = -1;
		return;
	}
	if (f->number == dt->num)
		return;
	keep_save(dt, &k);
	dt->frame = *f;
	dt->frame.caplen = f->caplen < sizeof(dt->buf) ? f->caplen : (uint32_t)sizeof(dt->buf);
	memcpy(dt->buf, f->data, dt->frame.caplen);
	dt->frame.data = dt->buf;
	dt->note = n ? *n : none;
	keep_comments(dt, ui->file ? capindex_comments(fileview_index(ui->file)) : "");
	decode_frame(&dt->d, &dt->frame);
	dt->num = f->number;
	dt->tree_top = 0;
	dt->hex_top = 0;
	memset(dt->collapsed, 0, sizeof(dt->collapsed));
	for (int i = 0; i < decode_count(&dt->d); i++)
		dt->collapsed[i] = (uint8_t)default_collapsed(&dt->d, i);
	keep_apply(dt, &k);
	ui_dirty(ui);
}

void detail_clear(struct ui *ui)
{
	ui->detail->num = 0;
	ui->detail->pinned = 0;
	ui->detail->field = -1;
}

const char *detail_explain(struct ui *ui)
{
	static char text[600];
	struct ui_detail *dt = ui->detail;
	const char *explain;

	if (!dt->num || dt->field < 0 || dt->field >= decode_count(&dt->d))
		return NULL;
	explain = decode_explain(&dt->d, dt->field);
	if (!explain)
		return NULL;
	snprintf(text, sizeof(text), "%s %s %s", decode_name(&dt->d, dt->field), ui->utf8 ? "\xe2\x80\x94" : "--",
		 explain);
	return text;
}

void detail_meta(const struct frame *f, const struct frame_note *n, struct frame_meta *m)
{
	memset(m, 0, sizeof(*m));
	frameloc_compute(&m->loc, f);
	m->why = (enum resp_why)n->why;
	m->origin = (enum outbox_origin)n->origin;
	m->job = n->job;
	m->answers = n->answers;
	m->held = n->held;
	m->edited = n->edited;
}

size_t detail_note_text(const struct frame *f, const struct frame_note *n, char *buf, size_t len)
{
	struct frame_meta m;
	const char *answer;
	int k = 0;

	buf[0] = '\0';
	detail_meta(f, n, &m);
	if (f->dir == FRAME_OUT)
		return why_frame(f, &m, buf, len);	/* what tapscope did: a reply to frame N, job N, held */
	if (f->dir != FRAME_IN || !(answer = why_answer(f, &m)))
		return 0;
	k = snprintf(buf, len, "%s%s", m.why == RESP_ANSWERED ? "" : "not answered: ", answer);
	return k > 0 ? (size_t)k : 0;
}
