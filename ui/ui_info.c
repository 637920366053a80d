/* ui_info.c — the info pane: the selected frame's whole summary on lines of its own (never
 * cut: it wraps), and what the pipeline knew of it (not answered: why; reply to; injected by). */
#include "ui_panes.h"

#include <stdio.h>
#include <string.h>

#include "responder.h"
#include "ui_classroom.h"
#include "ui_detail.h"

#define INFO_MAX_ROWS 3

static void info_text(struct ui *ui, char *buf, size_t len, size_t *summary_len)
{
	struct ui_detail *dt = ui->detail;
	char note[200];
	int n;

	n = snprintf(buf, len, "frame %llu %c %s", (unsigned long long)dt->num,
		     dt->frame.dir == FRAME_IN ? '<' : dt->frame.dir == FRAME_OUT ? '>' : '-',
		     predict_hides_frame(ui, dt->src, dt->num) ? predict_row_text() : decode_summary(&dt->d));
	*summary_len = n > 0 ? (size_t)n : 0;
	if (!ui->file && !predict_hides_frame(ui, dt->src, dt->num) &&
	    detail_note_text(&dt->frame, &dt->note, note, sizeof(note)) && n > 0 && (size_t)n < len)
		snprintf(buf + n, len - (size_t)n, "  %s %s", ui->utf8 ? "\xc2\xb7" : "-", note);
	else if (ui->file && dt->comment[0] && n > 0 && (size_t)n < len) {	/* the file's comments (pcapng) */
		size_t o = (size_t)n + (size_t)snprintf(buf + n, len - (size_t)n, "  %s %d comment%s: ",
							 ui->utf8 ? "\xc2\xb7" : "-", dt->ncomments, dt->ncomments == 1 ? "" : "s");

		for (const char *c = dt->comment; *c && o + 4 < len; c++) {	/* on one line: the file pane has each */
			if (*c == '\n') {
				memcpy(buf + o, " | ", 3);
				o += 3;
			} else {
				buf[o++] = *c;
			}
		}
		buf[o < len ? o : len - 1] = '\0';
	}
}

/* Lines the text takes at width (at most INFO_MAX_ROWS). */
static int wrapped_lines(const char *t, int width)
{
	int n = 0;

	while (*t && n < INFO_MAX_ROWS) {
		t += ui_wrap_len(t, width);
		while (*t == ' ')
			t++;
		n++;
	}
	return n;
}

static int info_rows(struct pane *p, int width)
{
	char text[DECODE_SUMMARY_MAX + 256];
	size_t sl;

	if (!p->ui->detail->num)
		return 0;
	info_text(p->ui, text, sizeof(text), &sl);
	return wrapped_lines(text, width - 2);
}

/* The note's colour: a refusal warns, what tapscope did is plain news. */
static attr_t note_attr(struct ui *ui)
{
	struct ui_detail *dt = ui->detail;

	if (dt->frame.dir == FRAME_IN && dt->note.why != RESP_ANSWERED && dt->note.why != RESP_NOT_REQUEST)
		return ui_attr(C_WARN);
	return ui_attr(C_OK);
}

static void info_draw(struct pane *p, WINDOW *w)
{
	char text[DECODE_SUMMARY_MAX + 256];
	const char *t = text;
	struct ui_rect r = p->rect;
	size_t sl;

	info_text(p->ui, text, sizeof(text), &sl);
	for (int row = 0; row < r.h && *t; row++) {
		int len = ui_wrap_len(t, r.w - 2), cut, x = r.x + 1;
		char line[DECODE_SUMMARY_MAX + 256];

		if (row == r.h - 1)
			len = (int)strlen(t);	/* the last line cuts what is left, with a marker */
		mvwhline(w, r.y + row, r.x, ' ', r.w);
		/* the summary in bold, then what the pipeline knew of the frame in its own colour */
		cut = (size_t)(t - text) >= sl ? 0 : (int)(sl - (size_t)(t - text)) < len ? (int)(sl - (size_t)(t - text)) : len;
		if (cut > 0) {
			snprintf(line, sizeof(line), "%.*s", cut, t);
			wattrset(w, A_BOLD);
			x += ui_put(w, r.y + row, x, r.w - 2, line, 0);
		}
		if (len > cut) {
			snprintf(line, sizeof(line), "%.*s", len - cut, t + cut);
			wattrset(w, note_attr(p->ui));
			ui_put(w, r.y + row, x, r.x + r.w - 1 - x, line, 0);
		}
		t += len;
		while (*t == ' ')
			t++;
	}
	wattrset(w, A_NORMAL);
}

const struct pane_class info_pane = {
	.name = "info", .slot = SLOT_MAIN, .rows = info_rows, .draw = info_draw,
};
