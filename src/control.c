/* control.c — named actions read a line at a time from a file, a FIFO or stdin, on the loop (--control). */
#include "control.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "action.h"
#include "loop.h"
#include "session.h"

#define CONTROL_LINE_MAX 2048

struct control {
	struct session *ss;		/* the devices: a line may start with @NAME to pick one */
	int n;
	int fd;
	int own_fd;		/* opened here (not stdin) */
	control_reply_fn reply;
	void *arg;
	size_t len;
	char buf[CONTROL_LINE_MAX];
};

static void run_line(struct control *c, char *line)
{
	char msg[1024];
	int rc = action_run_on(c->ss, c->n, line, msg, sizeof(msg));

	if (c->reply && (rc < 0 || msg[0]))
		c->reply(line, rc, msg, c->arg);
}

/* Runs every whole line in the buffer; a line too long is refused, not split. */
static void take_lines(struct control *c)
{
	char *nl;

	while ((nl = memchr(c->buf, '\n', c->len))) {
		size_t n = (size_t)(nl - c->buf) + 1;

		*nl = '\0';
		run_line(c, c->buf);
		memmove(c->buf, c->buf + n, c->len - n);
		c->len -= n;
	}
	if (c->len == sizeof(c->buf)) {
		if (c->reply)
			c->reply("", -E2BIG, "control: a line longer than 2047 bytes was ignored", c->arg);
		c->len = 0;
	}
}

static void on_readable(struct loop *loop, int fd, uint32_t events, void *arg)
{
	struct control *c = arg;
	ssize_t n = read(fd, c->buf + c->len, sizeof(c->buf) - c->len);

	(void)events;
	if (n > 0) {
		c->len += (size_t)n;
		take_lines(c);
		return;
	}
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (c->len < sizeof(c->buf)) {	/* the last line may lack its newline */
		c->buf[c->len] = '\0';
		if (c->len)
			run_line(c, c->buf);
		c->len = 0;
	}
	loop_del_fd(loop, fd);		/* end of file: nothing more will come */
}

struct control *control_open(struct session *ss, int n, const char *path, control_reply_fn reply, void *arg,
			     char *err, size_t errlen)
{
	struct control *c = calloc(1, sizeof(*c));
	struct stat st;
	int rc;

	if (!c) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	c->ss = ss;
	c->n = n;
	c->reply = reply;
	c->arg = arg;
	if (!strcmp(path, "-")) {
		c->fd = STDIN_FILENO;
	} else {
		int fifo = stat(path, &st) == 0 && S_ISFIFO(st.st_mode);

		c->fd = open(path, (fifo ? O_RDWR : O_RDONLY) | O_NONBLOCK | O_CLOEXEC);
		c->own_fd = 1;
	}
	if (c->fd < 0) {
		snprintf(err, errlen, "cannot open --control %s: %s (a file or FIFO of action lines, or - for stdin)",
			 path, strerror(errno));
		free(c);
		return NULL;
	}
	fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) | O_NONBLOCK);
	rc = loop_add_fd(ss[0].loop, c->fd, EPOLLIN, on_readable, c);
	if (rc == -EPERM) {		/* a regular file: epoll cannot watch it, it is all there now */
		ssize_t n;

		while ((n = read(c->fd, c->buf + c->len, sizeof(c->buf) - c->len)) > 0) {
			c->len += (size_t)n;
			take_lines(c);
		}
		on_readable(ss[0].loop, c->fd, 0, c);
		return c;
	}
	if (rc < 0) {
		snprintf(err, errlen, "cannot watch --control %s: %s", path, strerror(-rc));
		control_close(c);
		return NULL;
	}
	return c;
}

void control_close(struct control *c)
{
	if (!c)
		return;
	loop_del_fd(c->ss[0].loop, c->fd);
	if (c->own_fd)
		close(c->fd);
	free(c);
}
