/* headless.h — a live run without the screen: print frames (or capture quietly to -w), run --inject and --control. */
#ifndef TAPSCOPE_HEADLESS_H
#define TAPSCOPE_HEADLESS_H

#include "options.h"
#include "session.h"

/* Runs the started sessions (one a device) until -c, a signal, or the end of output.
 * Returns the exit status. */
int headless_run(struct session *ss, int n, const struct options *o);
/* The run's last lines on stderr: frames shown, in and out, the kernel's drops, what the -w
 * file holds. Returns 1 when something the run was asked to do failed (a pcap write, the device
 * deleted under it), else 0. */
int headless_summary(struct session *ss, int n, const struct options *o);

#endif
