/* console.h — the kernel-side console (the UI's ':' line): a named action, or a shell command run in the namespace with its output streamed. */
#ifndef TAPSCOPE_CONSOLE_H
#define TAPSCOPE_CONSOLE_H

#include <stddef.h>

struct session;
struct console;

enum console_line_kind {
	CONSOLE_INPUT,		/* what was typed, echoed: "$ ping -c 2 10.18.0.3" */
	CONSOLE_OUTPUT,		/* a line of the command's output */
	CONSOLE_ACTION,		/* what a named action answered */
	CONSOLE_ERROR,		/* an action refused, or a command could not start */
	CONSOLE_END,		/* the command ended: "[exit 0]" */
};

typedef void (*console_line_fn)(enum console_line_kind kind, const char *line, void *arg);

#define CONSOLE_HISTORY 50

/* A console over the devices ss[0..n); lines go to fn. NULL when out of memory. */
struct console *console_new(struct session *ss, int n, console_line_fn fn, void *arg);
/* Kills a command still running. */
void console_free(struct console *c);
/* Runs one line: a named action (echo on, release 2, @tun0 hold on...) at once, or, for
 * anything else (or after '!'), a shell command in the namespace. One command at a time:
 * -EBUSY while one runs. 0, or negative with an error line sent to fn. */
int console_submit(struct console *c, const char *line);
/* Ctrl-C: SIGINT to the running command. */
void console_interrupt(struct console *c);
int console_busy(const struct console *c);
/* History, newest first: i = 0 is the last line submitted; NULL past the end. */
const char *console_history(const struct console *c, int i);

#endif
