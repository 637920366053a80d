/* netns.c — enter a named network namespace, creating it the way `ip netns add` does
 * (iproute2 ip/ipnetns.c): a file under /run/netns bind-mounted from /proc/self/ns/net
 * on a shared mount, so `ip netns exec NAME ...` works from another terminal. */
#include "netns.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

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

void netns_leave(struct netns *ns)
{
	if (!ns->created)
		return;
	umount2(ns->path, MNT_DETACH);
	unlink(ns->path);
	ns->created = 0;
}
