/* ui_file.c — the offline browser's file pane (where the live UI has the netlink pane): the
 * file's name, format and link type, frames, time span, size, frames with a recorded direction,
 * and how far indexing and the filter have gone; and the title bar's text for a file. */
#include "ui_panes.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ui_detail.h"
#include "ui_fileview.h"

static void heading(WINDOW *w, int *y, struct ui_rect r, const char *title)
{
	ui_put_line(w, y, r, ui_attr(C_KEY) | A_BOLD, title);
}

/* "2026-11-03 21:18:39.404018" in local time, as tcpdump -tttt writes it. */
#define when ui_when

/* 98.0 MB, 1.2 GB: sizes as ls -h and du -h read them (powers of 1024, one decimal). */
static void size_text(uint64_t bytes, char *buf, size_t len)
{
	static const char *const unit[] = { "bytes", "KiB", "MiB", "GiB", "TiB" };
	double v = (double)bytes;
	int u = 0;

	while (v >= 1024 && u < 4) {
		v /= 1024;
		u++;
	}
	if (u == 0)
		snprintf(buf, len, "%llu bytes", (unsigned long long)bytes);
	else
		snprintf(buf, len, "%.1f %s", v, unit[u]);
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!strcmp(path, "-"))
		return "<stdin>";
	if (!strncmp(path, "/dev/fd/", 8) || !strncmp(path, "/proc/", 6))
		return path;	/* <(zcat x.gz): "63" alone says nothing */
	return slash && slash[1] ? slash + 1 : path;
}

/* Three lines on a short terminal (the netlink pane's strip, for a file): the rest of the pane is
 * a Shift-Tab away. */
static void draw_strip(struct fileview *fv, const struct capindex_info *in, WINDOW *w, struct ui_rect r)
{
	char line[512], a[64], b[64];
	int y = r.y;

	size_text(in->file_bytes, a, sizeof(a));
	snprintf(line, sizeof(line), "%s  %s, %s  %s", base_name(in->path), in->pcapng ? "pcapng" : "pcap",
		 in->link_desc ? in->link_desc : "?", a);
	ui_put_line(w, &y, r, A_BOLD, line);
	if (in->frames)
		when(&in->first, b, sizeof(b));
	snprintf(line, sizeof(line), "%llu frame%s%s%s%s", (unsigned long long)in->frames, in->frames == 1 ? "" : "s",
		 in->done ? "" : " so far", in->frames ? ", first " : "", in->frames ? b : "");
	if (in->pcapng)
		snprintf(line + strlen(line), sizeof(line) - strlen(line), ", %llu in (<), %llu out (>)",
			 (unsigned long long)in->frames_in, (unsigned long long)in->frames_out);
	ui_put_line(w, &y, r, A_NORMAL, line);
	if (fileview_filter_text(fv)[0])
		snprintf(line, sizeof(line), "filter %s: %llu shown  S-Tab: file pane", fileview_filter_text(fv),
			 (unsigned long long)fileview_rows(fv));
	else
		snprintf(line, sizeof(line), "S-Tab: file pane (times, directions)");
	ui_put_line(w, &y, r, ui_attr(C_DIM), line);
}

/* The selected frame's comments (pcapng), each wrapped to the pane: the info pane has room for
 * the first of them only. */
static void file_comments(struct ui *ui, WINDOW *w, int *y, struct ui_rect r)
{
	const struct ui_detail *dt = ui->detail;
	char line[512];
	const char *c = dt->comment;

	if (!dt->num || !dt->comment[0])
		return;
	snprintf(line, sizeof(line), "comments on frame %llu", (unsigned long long)dt->num);
	heading(w, y, r, line);
	while (*c && *y < r.y + r.h) {
		const char *end = strchr(c, '\n');
		int n = end ? (int)(end - c) : (int)strlen(c), first = 1;

		while (n > 0) {	/* one comment: wrapped, its first line marked */
			int k = ui_wrap_len(c, r.w - 6);

			if (k <= 0 || k > n)
				k = n;
			snprintf(line, sizeof(line), "  %s %.*s", first ? "-" : " ", k, c);
			ui_put_line(w, y, r, A_NORMAL, line);
			first = 0;
			c += k;
			n -= k;
			while (n > 0 && *c == ' ')
				c++, n--;
		}
		c = end ? end + 1 : c;
	}
}

static void file_draw(struct pane *p, WINDOW *w)
{
	struct fileview *fv = p->ui->file;
	struct capindex_info in;
	struct ui_rect r = p->rect;
	char line[512], a[64], b[64];
	int y = r.y + 1;
	const char *sofar;	/* what indexing has not finished counting is marked */
	double span;

	capindex_info(fileview_index(fv), &in);
	if (r.h <= 4) {
		draw_strip(fv, &in, w, r);
		return;
	}
	pane_title(p, w, " file");
	ui_put_line(w, &y, r, A_BOLD, base_name(in.path));
	snprintf(line, sizeof(line), "  %s, %s (%s)", in.pcapng ? "pcapng" : "pcap", in.link_desc ? in.link_desc : "?",
		 in.link_name ? in.link_name : "?");
	ui_put_line(w, &y, r, A_NORMAL, line);
	sofar = in.done ? "" : " so far";
	size_text(in.file_bytes, a, sizeof(a));
	size_text(in.wire_bytes, b, sizeof(b));
	snprintf(line, sizeof(line), "  %s on disk, %s%s on the wire", a, in.done ? "" : "so far ", b);	/* a narrow pane cuts the end */
	ui_put_line(w, &y, r, A_NORMAL, line);

	heading(w, &y, r, "frames");
	if (in.done)
		snprintf(line, sizeof(line), "  %llu", (unsigned long long)in.frames);
	else if (in.streaming)	/* a pipe: no end to count towards yet */
		snprintf(line, sizeof(line), "  %llu so far (the pipe is still open)", (unsigned long long)in.frames);
	else
		snprintf(line, sizeof(line), "  %llu so far (indexing %u%%)", (unsigned long long)in.frames,
			 fileview_progress(fv) / 10);
	ui_put_line(w, &y, r, in.done ? A_NORMAL : ui_attr(C_WARN), line);
	if (in.pcapng || in.frames_in || in.frames_out)	/* (a pcap: from a cooked capture's headers) */
		snprintf(line, sizeof(line), "  %llu in (<), %llu out (>), %llu not recorded%s",
			 (unsigned long long)in.frames_in, (unsigned long long)in.frames_out,
			 (unsigned long long)(in.frames - in.frames_in - in.frames_out), sofar);
	else
		snprintf(line, sizeof(line), "  directions: not recorded (pcap)");
	ui_put_line(w, &y, r, A_NORMAL, line);
	if (in.frames_commented) {	/* shown after the selected frame's summary */
		snprintf(line, sizeof(line), "  %llu with comments%s", (unsigned long long)in.frames_commented, sofar);
		ui_put_line(w, &y, r, A_NORMAL, line);
	}

	heading(w, &y, r, "time");
	if (in.frames) {
		when(&in.first, a, sizeof(a));
		when(&in.last, b, sizeof(b));
		span = (double)(in.last.tv_sec - in.first.tv_sec) + (double)(in.last.tv_usec - in.first.tv_usec) / 1e6;
		snprintf(line, sizeof(line), "  first %s", a);
		ui_put_line(w, &y, r, A_NORMAL, line);
		snprintf(line, sizeof(line), "  last  %s%s", b, sofar);
		ui_put_line(w, &y, r, A_NORMAL, line);
		snprintf(line, sizeof(line), "  span  %.6f s%s", span, sofar);
		ui_put_line(w, &y, r, A_NORMAL, line);
	}
	file_comments(p->ui, w, &y, r);
	if (fileview_filter_text(fv)[0]) {
		heading(w, &y, r, "filter");
		snprintf(line, sizeof(line), "  %s", fileview_filter_text(fv));
		ui_put_line(w, &y, r, A_NORMAL, line);
		snprintf(line, sizeof(line), "  %llu shown%s", (unsigned long long)fileview_rows(fv),
			 fileview_filter_progress(fv) < 1000 ? " so far" : "");
		ui_put_line(w, &y, r, A_NORMAL, line);
	}
}

static enum ui_result file_nav(struct pane *p, enum pane_move m)
{
	(void)p;
	(void)m;
	return UI_HANDLED;
}

const struct pane_class file_pane = {
	.name = "file", .slot = SLOT_SIDE, .focusable = 1, .draw = file_draw, .nav = file_nav,
};
