/* ui_run.h — the UI's entry points, without curses: what src/main.c may include. */
#ifndef TAPSCOPE_UI_RUN_H
#define TAPSCOPE_UI_RUN_H

#include <stdio.h>

struct session;
struct options;

/* Runs the full-screen UI on a started session until the user quits or a signal comes;
 * restores the terminal on every path. Returns the exit status. */
int ui_run(struct session *s, const struct options *o);

/* Prints the UI's key table (tapscope --keys): key, scope, action, group, help; a line each. */
void ui_keys_print(FILE *out);

#endif
