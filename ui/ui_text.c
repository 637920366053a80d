/* ui_text.c — drawing text in a width: cut text always shows an ellipsis, wraps break at spaces
 * and never inside a UTF-8 character. */
#include "ui.h"

#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

static int utf8 = 1;

void ui_text_set_utf8(int on)
{
	utf8 = on;
}

const char *ui_ellipsis(void)
{
	return utf8 ? "\xe2\x80\xa6" : "~";
}

const char *ui_arrow(void)
{
	return utf8 ? "\xe2\x86\x92" : ">";
}

/* Bytes of the code point starting at s (1 for a stray continuation byte). */
static int cp_len(const char *s)
{
	int n = 1;

	while ((s[n] & 0xc0) == 0x80)
		n++;
	return n;
}

int ui_text_cols(const char *s)
{
	int cols = 0;

	while (*s) {
		s += cp_len(s);
		cols++;
	}
	return cols;
}

/* Bytes of the first cols columns of s (or all of s). */
static int bytes_of(const char *s, int cols)
{
	int b = 0;

	while (s[b] && cols-- > 0)
		b += cp_len(s + b);
	return b;
}

void ui_when(const struct timeval *tv, char *buf, size_t len)
{
	time_t t = tv->tv_sec;
	struct tm tm;
	char day[32];

	if (!localtime_r(&t, &tm) || !strftime(day, sizeof(day), "%Y-%m-%d %H:%M:%S", &tm)) {
		snprintf(buf, len, "%lld.%06ld", (long long)tv->tv_sec, (long)tv->tv_usec);
		return;
	}
	snprintf(buf, len, "%s.%06ld", day, (long)tv->tv_usec);
}

int ui_put(WINDOW *w, int y, int x, int width, const char *s, int skip)
{
	int total, left_cut, room, n;

	if (width <= 0)
		return 0;
	total = ui_text_cols(s);
	if (skip > total)
		skip = total;
	s += bytes_of(s, skip);
	total -= skip;
	left_cut = skip > 0 && total > 0;
	if (left_cut) {
		mvwaddstr(w, y, x, ui_ellipsis());
		if (width == 1)
			return 1;
		s += bytes_of(s, 1);
		total--;
		x++;
		width--;
	}
	if (total <= width) {
		mvwaddstr(w, y, x, s);
		return total + left_cut;
	}
	room = width - 1;
	n = bytes_of(s, room);
	mvwaddnstr(w, y, x, s, n);
	mvwaddstr(w, y, x + room, ui_ellipsis());
	return width + left_cut;
}

int ui_wrap_len(const char *t, int width)
{
	int bytes = 0, cols = 0, last_space = -1;

	while (t[bytes] && cols < width) {
		if (t[bytes] == ' ')
			last_space = bytes;
		bytes += cp_len(t + bytes);
		cols++;
	}
	if (!t[bytes] || t[bytes] == ' ' || last_space <= 0 || last_space < bytes / 2)
		return bytes;
	return last_space;
}

void ui_put_line(WINDOW *w, int *y, struct ui_rect r, attr_t a, const char *text)
{
	if (*y >= r.y + r.h)
		return;
	wattrset(w, a);
	ui_put(w, (*y)++, r.x + 1, r.w - 2, text, 0);
	wattrset(w, A_NORMAL);
}

const char *ui_shell_word(const char *s, char *out, size_t len)
{
	size_t o = 0;

	if (*s && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./+-=:,@%") == strlen(s)) {
		snprintf(out, len, "%s", s);
		return out;
	}
	if (len < 3) {
		if (len)
			out[0] = '\0';
		return out;
	}
	out[o++] = '\'';
	for (; *s && o + 6 < len; s++) {
		if (*s == '\'') {
			memcpy(out + o, "'\\''", 4);
			o += 4;
		} else {
			out[o++] = *s;
		}
	}
	out[o++] = '\'';
	out[o] = '\0';
	return out;
}
