/* console.c — the kernel-side console: a named action, or a shell command run in the namespace with its output streamed.
 *
 * The first word decides: the name of an action (the same actions the keys and lessons call)
 * runs it; anything else is a command for /bin/sh inside tapscope's namespace (ping,
 * arping, ip, traceroute...). A leading '!' forces a command ("!link" is coreutils). */
#include "console.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action.h"
#include "cmdrun.h"
#include "session.h"

struct console {
	struct session *ss;
	int n;
	console_line_fn fn;
	void *arg;
	struct cmdrun *cmd;
	char *history[CONSOLE_HISTORY];	/* a ring: history[next - 1] is the newest */
	int next, count;
};

struct console *console_new(struct session *ss, int n, console_line_fn fn, void *arg)
{
	struct console *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	c->ss = ss;
	c->n = n;
	c->fn = fn;
	c->arg = arg;
	return c;
}

void console_free(struct console *c)
{
	if (!c)
		return;
	cmdrun_kill(c->cmd);
	for (int i = 0; i < CONSOLE_HISTORY; i++)
		free(c->history[i]);
	free(c);
}

static void remember(struct console *c, const char *line)
{
	const char *last = console_history(c, 0);

	if (last && !strcmp(last, line))
		return;
	free(c->history[c->next]);
	c->history[c->next] = strdup(line);
	c->next = (c->next + 1) % CONSOLE_HISTORY;
	if (c->count < CONSOLE_HISTORY)
		c->count++;
}

const char *console_history(const struct console *c, int i)
{
	if (i < 0 || i >= c->count)
		return NULL;
	return c->history[(c->next - 1 - i + 2 * CONSOLE_HISTORY) % CONSOLE_HISTORY];
}

static void on_output(struct cmdrun *r, const char *line, void *arg)
{
	struct console *c = arg;

	(void)r;
	c->fn(CONSOLE_OUTPUT, line, c->arg);
}

static void on_exit_cmd(struct cmdrun *r, int status, void *arg)
{
	struct console *c = arg;
	char text[64];

	(void)r;
	c->cmd = NULL;
	if (status > 128)
		snprintf(text, sizeof(text), "[stopped by signal %d]", status - 128);
	else
		snprintf(text, sizeof(text), "[exit %d]", status);
	c->fn(CONSOLE_END, text, c->arg);
}

int console_submit(struct console *c, const char *line)
{
	char msg[1024], echo[1100];
	int rc;

	while (*line == ' ' || *line == '\t')
		line++;
	if (!*line)
		return 0;
	remember(c, line);	/* a line refused below too: Up brings it back */
	if (c->cmd) {
		c->fn(CONSOLE_ERROR, "not run: a command runs (Ctrl-C stops it; Up brings the line back)", c->arg);
		return -EBUSY;
	}
	snprintf(echo, sizeof(echo), "%s %s", *line != '!' && action_is_named(line) ? ">" : "$", line);
	c->fn(CONSOLE_INPUT, echo, c->arg);
	if (*line != '!' && action_is_named(line)) {
		rc = action_run_on(c->ss, c->n, line, msg, sizeof(msg));
		c->fn(rc < 0 ? CONSOLE_ERROR : CONSOLE_ACTION, msg[0] ? msg : "done", c->arg);
		return rc < 0 ? rc : 0;
	}
	if (*line == '!')
		line++;
	c->cmd = cmdrun_start(c->ss[0].loop, line, on_output, on_exit_cmd, c, msg, sizeof(msg));
	if (!c->cmd) {
		c->fn(CONSOLE_ERROR, msg, c->arg);
		return -EIO;
	}
	return 0;
}

void console_interrupt(struct console *c)
{
	cmdrun_interrupt(c->cmd);
}

int console_busy(const struct console *c)
{
	return c->cmd != NULL;
}
