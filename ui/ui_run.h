/* ui_run.h — the UI's entry points, without curses: what src/main.c may include. */
#ifndef TAPSCOPE_UI_RUN_H
#define TAPSCOPE_UI_RUN_H

#include <stdio.h>

struct session;
struct options;
struct lesson;

/* Runs the full-screen UI on the started sessions ss[0..n) (one per -i) until the user quits or
 * a signal comes; restores the terminal on every path. With lesson (--lesson), the lesson pane
 * runs it on those sessions (its devices). Returns the exit status. */
int ui_run(struct session *ss, int n, const struct options *o, struct lesson *lesson);
/* After ui_run: the built-in lesson the user chose in the lesson menu to run on devices of its
 * own (tapscope starts again with them), or NULL. */
const char *ui_next_lesson(void);

/* 1 when tapscope -r FILE opens the offline browser: there is a terminal to draw on and to read
 * keys from (/dev/tty when the capture itself comes on stdin). */
int ui_browse_wanted(const char *path);
/* The offline browser on o->read_path (o->filter applied): the file pane, frame list, tree and
 * hex, indexing in the background; until the user quits. Returns the exit status. */
int ui_browse(const struct options *o);

/* Prints the UI's key table (tapscope --keys): key, scope, action, group, help; a line each. */
void ui_keys_print(FILE *out);

#endif
