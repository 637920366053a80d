/* lessonrun.h — runs a lesson on live sessions, a step at a time: actions through the named actions, commands in the namespace, expectations against real frames. */
#ifndef TAPSCOPE_LESSONRUN_H
#define TAPSCOPE_LESSONRUN_H

#include <stddef.h>
#include <stdint.h>

#include "lesson.h"
#include "session.h"

struct lessonrun;

enum lr_event_kind {
	LRE_STEP_BEGIN,		/* step: its title */
	LRE_LINE_BEGIN,		/* a line starts (say: its narration) */
	LRE_LINE_END,		/* a line ended: ok, and what happened (or what did not) */
	LRE_OUTPUT,		/* a line of a command's output */
	LRE_WAIT_KEY,		/* pause: or question: waits for lessonrun_continue (the UI's key) */
	LRE_STEP_END,		/* ok: every expectation held */
	LRE_LESSON_END,		/* ok: every step passed */
};

struct lr_event {
	enum lr_event_kind kind;
	int step, line;		/* indexes into the lesson (line -1: none) */
	int ok;			/* LRE_LINE_END: 0 failed, 1 held, LR_RAN a run: that ended with a non-zero status */
	const char *text;
};

#define LR_RAN 2		/* not a check: a command that fails may be the lesson's point */

typedef void (*lessonrun_event_fn)(struct lessonrun *r, const struct lr_event *ev, void *arg);

enum lr_line_state { LS_PENDING, LS_ACTIVE, LS_OK, LS_FAILED, LS_RAN };

/* Starts running lesson l (kept, not copied) on the sessions ss[0..n) (one a device of the
 * lesson, in its order). unattended: steps follow each other and pause:/question: do not
 * wait; else each step waits for lessonrun_next (a key). Returns NULL when out of memory. */
struct lessonrun *lessonrun_new(struct lesson *l, struct session *ss, int n, int unattended,
				lessonrun_event_fn fn, void *arg);
/* Kills the lesson's commands and forgets it. */
void lessonrun_free(struct lessonrun *r);
/* Starts the next step (0 when it did; -EBUSY while one runs; -ENOENT after the last). */
int lessonrun_next(struct lessonrun *r);
/* A key after pause: or question:. */
void lessonrun_continue(struct lessonrun *r);
/* Ctrl-C to the command the step waits for. */
void lessonrun_interrupt(struct lessonrun *r);

/* Where it stands: the step running or last run (-1 before the first), whether a step runs,
 * and each line's state and message. */
int lessonrun_step(const struct lessonrun *r);
int lessonrun_busy(const struct lessonrun *r);
int lessonrun_waiting_key(const struct lessonrun *r);
enum lr_line_state lessonrun_line_state(const struct lessonrun *r, int step, int line, const char **msg);
/* The first failure: "step 2 (line 9): expect: ... : no such frame within 3 s", or NULL. */
const char *lessonrun_failure(const struct lessonrun *r);
int lessonrun_finished(const struct lessonrun *r);

#endif
