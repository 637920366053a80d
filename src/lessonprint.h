/* lessonprint.h — a lesson run unattended (--lesson --print), printed as text. */
#ifndef TAPSCOPE_LESSONPRINT_H
#define TAPSCOPE_LESSONPRINT_H

#include "lesson.h"
#include "options.h"
#include "session.h"

/* Runs every step of l on the started sessions ss[0..n), printing as it goes. Returns 0 when
 * every step passed, 1 when one failed (named on stderr) or the run was interrupted. */
int lessonprint_run(struct session *ss, int n, struct lesson *l, const struct options *o);

#endif
