/* netns.c — enter a named network namespace, creating it the way `ip netns add` does
 * (iproute2 ip/ipnetns.c): a file under /run/netns bind-mounted from /proc/self/ns/net
 * on a shared mount, so `ip netns exec NAME ...` works from another terminal. */
#include "netns.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sigs.h"

/* The identity of the namespace the process is in now. */
static int self_identity(struct netns *ns)
{
	struct stat st;

	if (stat("/proc/self/ns/net", &st) < 0)
		return -errno;
	ns->dev = st.st_dev;
	ns->ino = st.st_ino;
	return 0;
}

int netns_valid_name(const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || n > 63 || !strcmp(name, ".") || !strcmp(name, ".."))
		return 0;
	for (const char *p = name; *p; p++)
		if (!(*p >= 'a' && *p <= 'z') && !(*p >= 'A' && *p <= 'Z') &&
		    !(*p >= '0' && *p <= '9') && *p != '-' && *p != '_' && *p != '.')
			return 0;
	return 1;
}

int netns_exists(const char *name)
{
	char path[128];

	snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, name);
	return access(path, F_OK) == 0;
}

/* /run/netns must be a shared mount so the bind mount is seen by every mount namespace. */
static int make_run_dir_shared(void)
{
	if (mkdir(NETNS_RUN_DIR, 0755) < 0 && errno != EEXIST)
		return -errno;
	if (mount("", NETNS_RUN_DIR, "none", MS_SHARED | MS_REC, NULL) == 0)
		return 0;
	if (errno != EINVAL)
		return -errno;
	if (mount(NETNS_RUN_DIR, NETNS_RUN_DIR, "none", MS_BIND | MS_REC, NULL) < 0)
		return -errno;
	return mount("", NETNS_RUN_DIR, "none", MS_SHARED | MS_REC, NULL) < 0 ? -errno : 0;
}

static int join(struct netns *ns, char *err, size_t errlen)
{
	int fd = open(ns->path, O_RDONLY | O_CLOEXEC);
	int rc = 0;

	if (fd < 0) {
		rc = -errno;
		snprintf(err, errlen, "cannot open namespace %s: %s", ns->path, strerror(errno));
		return rc;
	}
	if (setns(fd, CLONE_NEWNET) < 0) {
		rc = -errno;
		snprintf(err, errlen, "cannot enter namespace %s: %s%s", ns->name, strerror(errno),
			 errno == EPERM ? " (needs CAP_SYS_ADMIN: run with sudo)" : "");
	}
	close(fd);
	if (!rc)
		self_identity(ns);
	return rc;
}

static int create(struct netns *ns, char *err, size_t errlen)
{
	int fd, rc = make_run_dir_shared();

	if (rc) {
		snprintf(err, errlen, "cannot prepare %s: %s%s", NETNS_RUN_DIR, strerror(-rc),
			 rc == -EPERM || rc == -EACCES ? " (creating a namespace needs root: run with sudo)" : "");
		return rc;
	}
	fd = open(ns->path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0);
	if (fd < 0) {
		rc = -errno;
		snprintf(err, errlen, "cannot create %s: %s", ns->path, strerror(errno));
		return rc;
	}
	close(fd);
	if (unshare(CLONE_NEWNET) < 0) {
		rc = -errno;
		snprintf(err, errlen, "cannot create a network namespace: %s%s", strerror(errno),
			 errno == EPERM ? " (needs root: run with sudo)" : "");
		unlink(ns->path);
		return rc;
	}
	if (mount("/proc/self/ns/net", ns->path, "none", MS_BIND, NULL) < 0) {
		rc = -errno;
		snprintf(err, errlen, "cannot bind %s: %s", ns->path, strerror(errno));
		unlink(ns->path);
		return rc;
	}
	ns->created = 1;
	self_identity(ns);
	sigs_crash_netns(ns->path, ns->dev, ns->ino);	/* a crash removes it too, if still ours */
	return 0;
}

int netns_enter(struct netns *ns, const char *name, int create_missing, char *err, size_t errlen)
{
	memset(ns, 0, sizeof(*ns));
	if (!netns_valid_name(name)) {
		snprintf(err, errlen, "bad namespace name '%s': use 1-63 letters, digits, '-', '_' or '.'", name);
		return -EINVAL;
	}
	snprintf(ns->name, sizeof(ns->name), "%s", name);
	snprintf(ns->path, sizeof(ns->path), "%s/%s", NETNS_RUN_DIR, name);
	if (netns_exists(name))
		return join(ns, err, errlen);
	if (!create_missing) {
		snprintf(err, errlen, "no network namespace '%s' (ip netns list shows the existing ones)", name);
		return -ENOENT;
	}
	return create(ns, err, errlen);
}

enum netns_state netns_check(const struct netns *ns)
{
	struct stat st;

	if (stat(ns->path, &st) < 0)
		return NETNS_GONE;
	return st.st_dev == ns->dev && st.st_ino == ns->ino ? NETNS_OURS : NETNS_REPLACED;
}

/* Removes the name if it still names the namespace this run made. */
static int remove_name(const struct netns *ns)
{
	enum netns_state now = netns_check(ns);

	if (now == NETNS_GONE)
		return -ENOENT;
	if (now == NETNS_REPLACED)
		return -ESTALE;
	if (umount2(ns->path, MNT_DETACH) < 0 && errno != EINVAL)
		return -errno;
	return unlink(ns->path) < 0 ? -errno : 0;
}

/* The helper: waits for a word from tapscope, or for its end (EOF), removes the name, answers. */
__attribute__((noreturn)) static void remover_main(const struct netns *ns, int fd)
{
	unsigned char c;
	int rc;

	setsid();
	for (int i = 0; i < sigs_nterminate; i++)
		signal(sigs_terminate[i], SIG_IGN);
	if (dup2(fd, 3) < 0)
		_exit(1);
	close_range(4, ~0U, 0);
	for (int i = 0; i < 3; i++)
		close(i);
	while (read(3, &c, 1) < 0 && errno == EINTR)
		;
	rc = remove_name(ns);
	c = (unsigned char)(rc < 0 ? -rc : 0);
	if (write(3, &c, 1) < 0) {
		/* tapscope is gone: nobody to answer */
	}
	_exit(0);
}

int netns_keep_remover(struct netns *ns)
{
	int sv[2];
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
		return -errno;
	pid = fork();
	if (pid < 0) {
		int e = errno;

		close(sv[0]);
		close(sv[1]);
		return -e;
	}
	if (pid == 0)
		remover_main(ns, sv[1]);
	close(sv[1]);
	ns->remover_fd = sv[0];
	ns->remover_pid = pid;
	ns->has_remover = 1;
	sigs_crash_netns(NULL, 0, 0);	/* the helper covers a crash too (and can: it is root) */
	return 0;
}

/* Asks the helper to remove the name now, and waits for it. */
static int ask_remover(struct netns *ns)
{
	unsigned char c = 'x';
	int rc = -EIO;

	ns->has_remover = 0;
	if (write(ns->remover_fd, &c, 1) == 1 && read(ns->remover_fd, &c, 1) == 1)
		rc = -(int)c;
	close(ns->remover_fd);
	while (waitpid(ns->remover_pid, NULL, 0) < 0 && errno == EINTR)
		;
	return rc;
}

int netns_leave(struct netns *ns)
{
	netns_unwatch(ns);
	if (!ns->created)
		return 0;
	ns->created = 0;
	if (ns->has_remover)
		return ask_remover(ns);
	sigs_crash_netns(NULL, 0, 0);
	return remove_name(ns);
}

int netns_watch(struct netns *ns)
{
	int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);

	if (fd < 0)
		return -errno;
	if (inotify_add_watch(fd, NETNS_RUN_DIR, IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
			      IN_DELETE_SELF | IN_MOVE_SELF) < 0) {
		int e = errno;

		close(fd);
		return -e;
	}
	ns->watch_fd = fd;
	ns->watching = 1;
	ns->state = netns_check(ns);
	return fd;
}

enum netns_state netns_watch_read(struct netns *ns)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));

	while (ns->watching && read(ns->watch_fd, buf, sizeof(buf)) > 0)
		;	/* what changed is asked of the name itself below */
	return netns_check(ns);
}

void netns_unwatch(struct netns *ns)
{
	if (ns->watching)
		close(ns->watch_fd);
	ns->watching = 0;
}
