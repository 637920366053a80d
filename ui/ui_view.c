/* ui_view.c — which captured frames the list shows: the ring's frames that pass the '/' filter. */
#include "ui_view.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpf.h"

uint64_t ui_view_num(const struct ui_view *v, size_t i)
{
	return i < v->len ? v->nums[v->start + i] : 0;
}

static void view_push(struct ui_view *v, uint64_t num)
{
	if (v->start + v->len == v->cap) {
		if (v->start > v->cap / 2) {	/* reuse the front that trimming freed */
			memmove(v->nums, v->nums + v->start, v->len * sizeof(*v->nums));
			v->start = 0;
		} else {
			size_t cap = v->cap ? v->cap * 2 : 1024;
			uint64_t *n = realloc(v->nums, cap * sizeof(*n));

			if (!n)
				return;
			v->nums = n;
			v->cap = cap;
		}
	}
	v->nums[v->start + v->len++] = num;
}

/* Frames the ring no longer holds leave the view; the selection moves with its frame. */
static void view_trim(struct ui *ui)
{
	const struct frame *oldest = ring_get(ui->ring, 0);
	size_t gone = 0;

	while (gone < ui->view.len && (!oldest || ui->view.nums[ui->view.start + gone] < oldest->number))
		gone++;
	ui->view.start += gone;
	ui->view.len -= gone;
	ui->sel = ui->sel > gone ? ui->sel - gone : 0;
	ui->top = ui->top > gone ? ui->top - gone : 0;
}

static int passes(const struct ui *ui, const struct frame *f)
{
	return !ui->view_filter || bpf_filter_match(ui->view_filter, f);
}

void ui_view_frame_added(struct ui *ui, const struct frame *f)
{
	view_trim(ui);
	if (ui->paused || !passes(ui, f))
		return;
	view_push(&ui->view, f->number);
	if (ui->follow && ui->view.len)
		ui->sel = ui->view.len - 1;
}

void ui_view_rebuild(struct ui *ui)
{
	uint64_t selected = ui_view_num(&ui->view, ui->sel);
	size_t n = ring_count(ui->ring);

	ui->view.start = ui->view.len = 0;
	ui->sel = ui->top = 0;
	for (size_t i = 0; i < n; i++) {
		const struct frame *f = ring_get(ui->ring, i);

		if (!passes(ui, f))
			continue;
		if (f->number <= selected)
			ui->sel = ui->view.len;
		view_push(&ui->view, f->number);
	}
	if (ui->follow && ui->view.len)
		ui->sel = ui->view.len - 1;
	ui->detail_num = 0;
	ui_dirty(ui);
}

int ui_view_set_filter(struct ui *ui, const char *expr, char *err, size_t errlen)
{
	struct bpf_filter *f = NULL;

	while (*expr == ' ')
		expr++;
	if (*expr) {
		f = bpf_filter_new(session_dlt(ui->s), expr, err, errlen);
		if (!f)
			return -EINVAL;
	}
	if (ui->view_filter)
		bpf_filter_free(ui->view_filter);
	ui->view_filter = f;
	snprintf(ui->view_filter_text, sizeof(ui->view_filter_text), "%s", expr);
	ui_view_rebuild(ui);
	return 0;
}

void ui_view_free(struct ui *ui)
{
	if (ui->view_filter)
		bpf_filter_free(ui->view_filter);
	ui->view_filter = NULL;
	free(ui->view.nums);
	memset(&ui->view, 0, sizeof(ui->view));
}
