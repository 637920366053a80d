/* cmdrun.c — a shell command run inside tapscope's network namespace, its output read a line at a time on the loop.
 *
 * The child inherits the namespace tapscope entered; like `ip netns exec` it gets a private
 * mount namespace with /sys remounted, so /sys/class/net shows this namespace's devices.
 * Its exit is watched through a pidfd on the loop (no SIGCHLD handler), its output through
 * a pseudo-terminal: on a terminal ping, tcpdump and the like write each line as it happens
 * (into a pipe they would keep it until their buffer fills or they end). */
#include "cmdrun.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "loop.h"

#define CMDRUN_LINE_MAX 1024

struct cmdrun {
	struct loop *loop;
	pid_t pid;
	int pidfd, outfd;
	int exited, status;
	cmdrun_line_fn on_line;
	cmdrun_exit_fn on_exit;
	void *arg;
	size_t len;
	char buf[CMDRUN_LINE_MAX];
	char cmd[512];
};

static struct cmdrun_identity identity;

void cmdrun_set_identity(const struct cmdrun_identity *id)
{
	identity = *id;
}

static void child(const char *cmd, int out)
{
	const char *path = getenv("PATH");
	char newpath[1024];
	int null = open("/dev/null", O_RDONLY);

	setsid();
	ioctl(out, TIOCSCTTY, 0);	/* the session's controlling terminal */
	if (null >= 0)
		dup2(null, STDIN_FILENO);
	dup2(out, STDOUT_FILENO);
	dup2(out, STDERR_FILENO);
	if (out > STDERR_FILENO)
		close(out);
	if (unshare(CLONE_NEWNS) == 0 && mount("", "/", "none", MS_SLAVE | MS_REC, NULL) == 0) {
		umount2("/sys", MNT_DETACH);
		mount("sysfs", "/sys", "sysfs", 0, NULL);
	}
	snprintf(newpath, sizeof(newpath), "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin%s%s",
		 path ? ":" : "", path ? path : "");
	setenv("PATH", newpath, 1);
	if (identity.set && (setgroups(0, NULL) < 0 || setgid(identity.gid) < 0 || setuid(identity.uid) < 0)) {
		perror("tapscope: cannot drop privileges for the command");
		_exit(126);
	}
	execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
	perror("tapscope: /bin/sh");
	_exit(127);
}

static void finish(struct cmdrun *c)
{
	cmdrun_exit_fn fn = c->on_exit;
	void *arg = c->arg;
	int status = c->status;

	if (c->len) {		/* a last line without its newline */
		c->buf[c->len] = '\0';
		c->on_line(c, c->buf, c->arg);
		c->len = 0;
	}
	loop_del_fd(c->loop, c->pidfd);
	close(c->pidfd);
	if (fn)
		fn(c, status, arg);
	free(c);
}

static void on_output(struct loop *loop, int fd, uint32_t events, void *arg)
{
	struct cmdrun *c = arg;
	ssize_t n = read(fd, c->buf + c->len, sizeof(c->buf) - 1 - c->len);
	char *nl;

	(void)events;
	if (n <= 0) {
		if (n < 0 && (errno == EAGAIN || errno == EINTR))
			return;
		loop_del_fd(loop, fd);
		close(fd);
		c->outfd = -1;
		if (c->exited)
			finish(c);
		return;
	}
	c->len += (size_t)n;
	while ((nl = memchr(c->buf, '\n', c->len))) {
		size_t take = (size_t)(nl - c->buf) + 1;

		*nl = '\0';
		c->on_line(c, c->buf, c->arg);
		memmove(c->buf, c->buf + take, c->len - take);
		c->len -= take;
	}
	if (c->len == sizeof(c->buf) - 1) {	/* a line longer than the buffer: pass it on in pieces */
		c->buf[c->len] = '\0';
		c->on_line(c, c->buf, c->arg);
		c->len = 0;
	}
}

static void on_exit_fd(struct loop *loop, int fd, uint32_t events, void *arg)
{
	struct cmdrun *c = arg;
	int st;

	(void)loop;
	(void)fd;
	(void)events;
	if (waitpid(c->pid, &st, WNOHANG) != c->pid)
		return;
	c->exited = 1;
	c->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	loop_del_fd(c->loop, c->pidfd);
	if (c->outfd < 0)
		finish(c);
}

/* A pseudo-terminal: its master and slave (both close-on-exec; the child dups the slave).
 * Raw output (lines end in \n, as in a pipe), no echo, 120 columns. -1 with errno on failure. */
static int open_terminal(int *master, int *slave)
{
	struct winsize ws = { .ws_row = 40, .ws_col = 120 };
	struct termios t;
	char tty[64];
	int m = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC), e;

	if (m < 0)
		return -1;
	if (grantpt(m) < 0 || unlockpt(m) < 0 || ptsname_r(m, tty, sizeof(tty)) != 0 ||
	    (*slave = open(tty, O_RDWR | O_NOCTTY | O_CLOEXEC)) < 0) {
		e = errno;
		close(m);
		errno = e;
		return -1;
	}
	if (tcgetattr(*slave, &t) == 0) {
		cfmakeraw(&t);
		tcsetattr(*slave, TCSANOW, &t);
	}
	ioctl(*slave, TIOCSWINSZ, &ws);
	*master = m;
	return 0;
}

struct cmdrun *cmdrun_start(struct loop *loop, const char *cmd, cmdrun_line_fn on_line,
			    cmdrun_exit_fn on_exit, void *arg, char *err, size_t errlen)
{
	struct cmdrun *c = calloc(1, sizeof(*c));
	int master, slave;

	if (!c || open_terminal(&master, &slave) < 0) {
		snprintf(err, errlen, "cannot run '%s': %s", cmd, strerror(c ? errno : ENOMEM));
		free(c);
		return NULL;
	}
	c->loop = loop;
	c->on_line = on_line;
	c->on_exit = on_exit;
	c->arg = arg;
	snprintf(c->cmd, sizeof(c->cmd), "%s", cmd);
	c->pid = fork();
	if (c->pid == 0)
		child(cmd, slave);	/* the master is close-on-exec */
	close(slave);		/* the child's copy keeps it open until the command ends */
	if (c->pid < 0) {
		snprintf(err, errlen, "cannot run '%s': %s", cmd, strerror(errno));
		close(master);
		free(c);
		return NULL;
	}
	c->outfd = master;
	fcntl(c->outfd, F_SETFL, O_NONBLOCK);
	c->pidfd = (int)syscall(SYS_pidfd_open, c->pid, 0);
	if (c->pidfd < 0 || loop_add_fd(loop, c->pidfd, EPOLLIN, on_exit_fd, c) < 0 ||
	    loop_add_fd(loop, c->outfd, EPOLLIN, on_output, c) < 0) {
		snprintf(err, errlen, "cannot watch '%s': %s", cmd, strerror(errno));
		kill(-c->pid, SIGKILL);
		waitpid(c->pid, NULL, 0);
		loop_del_fd(loop, c->outfd);
		if (c->pidfd >= 0) {
			loop_del_fd(loop, c->pidfd);
			close(c->pidfd);
		}
		close(c->outfd);
		free(c);
		return NULL;
	}
	return c;
}

void cmdrun_interrupt(struct cmdrun *c)
{
	if (c && !c->exited)
		kill(-c->pid, SIGINT);
}

void cmdrun_kill(struct cmdrun *c)
{
	if (!c)
		return;
	if (!c->exited) {
		kill(-c->pid, SIGKILL);
		waitpid(c->pid, NULL, 0);
		loop_del_fd(c->loop, c->pidfd);
	}
	close(c->pidfd);
	if (c->outfd >= 0) {
		loop_del_fd(c->loop, c->outfd);
		close(c->outfd);
	}
	free(c);
}

pid_t cmdrun_pid(const struct cmdrun *c)
{
	return c->pid;
}

const char *cmdrun_command(const struct cmdrun *c)
{
	return c->cmd;
}
