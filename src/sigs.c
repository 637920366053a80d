/* sigs.c — the signals that end a run cleanly, and a crash handler that restores what it safely can.
 *
 * The handler runs in a process that may be corrupt, so it reads only static memory prepared
 * before the crash and calls only async-signal-safe functions (tcsetattr, write, stat, unlink;
 * umount2 is a plain system call). */
#include "sigs.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

const int sigs_terminate[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM };
const int sigs_nterminate = sizeof(sigs_terminate) / sizeof(sigs_terminate[0]);

static const int crash_sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGSYS };

static struct {
	volatile sig_atomic_t armed;
	int fd;
	struct termios tio;
	char reset[256];
	size_t reset_len;
} term;

static struct {
	volatile sig_atomic_t armed;
	char path[128];
	dev_t dev;
	ino_t ino;
} ns;

static void on_crash(int signo)
{
	int saved = errno;

	if (term.armed) {
		tcsetattr(term.fd, TCSANOW, &term.tio);
		if (write(term.fd, term.reset, term.reset_len) < 0) {
			/* nothing more to try */
		}
	}
	if (ns.armed) {
		struct stat st;

		/* only if the name still names the namespace this run made */
		if (stat(ns.path, &st) == 0 && st.st_dev == ns.dev && st.st_ino == ns.ino) {
			umount2(ns.path, MNT_DETACH);
			unlink(ns.path);
		}
	}
	errno = saved;
	/* SA_RESETHAND made it SIG_DFL: once this returns, the signal (raised, or the faulting
	 * instruction again) ends the process as it would have without us */
	raise(signo);
}

void sigs_crash_install(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(crash_sigs) / sizeof(crash_sigs[0]); i++)
		sigaction(crash_sigs[i], &sa, NULL);
}

void sigs_crash_terminal(int fd, const struct termios *t, const char *reset)
{
	term.armed = 0;
	if (!t)
		return;
	term.fd = fd;
	term.tio = *t;
	snprintf(term.reset, sizeof(term.reset), "%s", reset ? reset : "");
	term.reset_len = strlen(term.reset);
	term.armed = 1;
}

void sigs_crash_netns(const char *path, dev_t dev, ino_t ino)
{
	ns.armed = 0;
	if (!path)
		return;
	snprintf(ns.path, sizeof(ns.path), "%s", path);
	ns.dev = dev;
	ns.ino = ino;
	ns.armed = 1;
}
