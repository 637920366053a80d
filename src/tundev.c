/* tundev.c — create or attach to a tun/tap device (after iproute2 ip/iptuntap.c). */
#include "tundev.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if_arp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/if_tun.h>

#include "nlconf.h"

static void copy_name(char *dst, const char *src)
{
	snprintf(dst, IFNAMSIZ, "%s", src);
}

/* As `ip tuntap show` does: an fd of /dev/net/tun whose fdinfo says "iff: NAME". */
static int fd_holds(const char *fdinfo, const char *name)
{
	char line[128], want[IFNAMSIZ + 8];
	FILE *f = fopen(fdinfo, "r");
	int found = 0;

	if (!f)
		return 0;
	snprintf(want, sizeof(want), "iff:\t%s\n", name);
	while (!found && fgets(line, sizeof(line), f))
		found = !strcmp(line, want);
	fclose(f);
	return found;
}

static int pid_holds(const char *pid, const char *name)
{
	char dir[300], path[600];
	struct dirent *fd;
	DIR *d;
	int found = 0;

	snprintf(dir, sizeof(dir), "/proc/%s/fdinfo", pid);
	d = opendir(dir);
	if (!d)
		return 0;
	while (!found && (fd = readdir(d))) {
		if (fd->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, fd->d_name);
		found = fd_holds(path, name);
	}
	closedir(d);
	return found;
}

int tundev_holders(const char *name, char *buf, size_t len)
{
	DIR *proc = opendir("/proc");
	struct dirent *p;
	size_t used = 0;
	int n = 0;

	if (len)
		buf[0] = '\0';
	if (!proc)
		return 0;
	while ((p = readdir(proc))) {
		char comm[64] = "?", path[300];
		FILE *f;

		if (p->d_name[0] < '0' || p->d_name[0] > '9' || !pid_holds(p->d_name, name))
			continue;
		snprintf(path, sizeof(path), "/proc/%s/comm", p->d_name);
		if ((f = fopen(path, "r"))) {
			if (fgets(comm, sizeof(comm), f))
				comm[strcspn(comm, "\n")] = '\0';
			fclose(f);
		}
		if (used < len)
			used += (size_t)snprintf(buf + used, len - used, "%s%s (pid %s)", n ? ", " : "", comm, p->d_name);
		n++;
	}
	closedir(proc);
	return n;
}

/* What the kernel already has under that name, if anything: 0 none, 1 tun, 2 tap, -1 other kind. */
static int existing_kind(const char *name, int *exists)
{
	struct nlconf_link link;
	char err[128];
	struct nlconf *nc = nlconf_open(err, sizeof(err));
	int rc;

	*exists = 0;
	if (!nc)
		return 0;
	rc = nlconf_link_get(nc, name, &link);
	nlconf_close(nc);
	if (rc < 0)
		return 0;
	*exists = 1;
	if (strcmp(link.kind, "tun"))
		return -1;
	return link.arptype == ARPHRD_ETHER ? 2 : 1;
}

static int open_error(const char *name, int tun, int attach, int exists, int kind, int e,
		      char *err, size_t errlen)
{
	const char *want = tun ? "tun" : "tap";
	char holders[256];

	if (e == EBUSY) {
		if (tundev_holders(name, holders, sizeof(holders)))
			snprintf(err, errlen, "device busy: %s is held by %s; stop it or run tapscope on another device (-i NAME)",
				 name, holders);
		else
			snprintf(err, errlen, "device busy: another program holds %s; stop it or use -i NAME", name);
	} else if (e == EPERM && exists) {
		snprintf(err, errlen, "permission denied attaching to %s: it belongs to another user; run with sudo, "
			 "or create it for yourself: sudo ip tuntap add dev %s mode %s user $USER", name, name, want);
	} else if (e == EPERM) {
		snprintf(err, errlen, "permission denied: creating %s needs CAP_NET_ADMIN; run with sudo, or attach "
			 "to a device you own (sudo ip tuntap add dev %s mode %s user $USER; tapscope --attach -i %s)",
			 name, name, want, name);
	} else if (e == EINVAL && exists && kind > 0 && (kind == 1) != !!tun) {
		snprintf(err, errlen, "type mismatch: %s is a %s device but %s was asked; use %s", name,
			 kind == 1 ? "tun" : "tap", want, kind == 1 ? "--tun" : "--tap");
	} else {
		snprintf(err, errlen, "cannot %s %s: %s", attach ? "attach to" : "create", name, strerror(e));
	}
	return -e;
}

static int query_mac(struct tundev *dev)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	if (ioctl(dev->fd, SIOCGIFHWADDR, &ifr) < 0)
		return -errno;
	memcpy(dev->mac, ifr.ifr_hwaddr.sa_data, 6);
	return 0;
}

/* The namespace the process is in: where a device it opens lives. */
static void netns_identity(struct tundev *dev)
{
	struct stat st;

	if (stat("/proc/self/ns/net", &st) == 0) {
		dev->ns_dev = st.st_dev;
		dev->ns_ino = st.st_ino;
	}
}

static int open_into(struct tundev *dev, const struct tundev_opts *o, char *err, size_t errlen);

int tundev_open(struct tundev *dev, const struct tundev_opts *o, char *err, size_t errlen)
{
	struct tundev d = { .fd = -1 };
	int rc = open_into(&d, o, err, errlen);

	if (rc == 0)
		*dev = d;
	return rc;
}

static int open_into(struct tundev *dev, const struct tundev_opts *o, char *err, size_t errlen)
{
	const char *name = o->name ? o->name : (o->tun ? "tun0" : "tap0");
	int exists, kind, rc;
	struct ifreq ifr;

	memset(dev, 0, sizeof(*dev));
	dev->fd = -1;
	if (strlen(name) >= IFNAMSIZ || !*name || strchr(name, '/') || strchr(name, ' ')) {
		snprintf(err, errlen, "bad device name '%s': use 1-%d characters without '/' or spaces", name, IFNAMSIZ - 1);
		return -EINVAL;
	}
	kind = existing_kind(name, &exists);
	if (exists && kind < 0) {
		snprintf(err, errlen, "%s exists but is not a tun/tap device; choose another name with -i", name);
		return -EINVAL;
	}
	if (o->attach_only && !exists) {
		snprintf(err, errlen, "no device %s to attach to (--attach never creates one; create it with "
			 "ip tuntap add dev %s mode %s, or drop --attach)", name, name, o->tun ? "tun" : "tap");
		return -ENODEV;
	}
	if (exists && (kind == 1) != !!o->tun)
		return open_error(name, o->tun, 1, exists, kind, EINVAL, err, errlen);
	dev->fd = open(TUNDEV_PATH, O_RDWR | O_CLOEXEC | O_NONBLOCK);
	if (dev->fd < 0) {
		rc = -errno;
		if (errno == ENOENT || errno == ENODEV || errno == ENXIO)
			snprintf(err, errlen, "no %s: the tun module is not loaded (sudo modprobe tun)", TUNDEV_PATH);
		else if (errno == EACCES || errno == EPERM)
			snprintf(err, errlen, "permission denied opening %s: run with sudo", TUNDEV_PATH);
		else
			snprintf(err, errlen, "cannot open %s: %s", TUNDEV_PATH, strerror(errno));
		return rc;
	}
	memset(&ifr, 0, sizeof(ifr));
	copy_name(ifr.ifr_name, name);
	ifr.ifr_flags = (short)((o->tun ? IFF_TUN : IFF_TAP) | (o->pi ? 0 : IFF_NO_PI));
	if (ioctl(dev->fd, TUNSETIFF, &ifr) < 0) {
		rc = open_error(name, o->tun, exists, exists, kind, errno, err, errlen);
		close(dev->fd);
		dev->fd = -1;
		return rc;
	}
	copy_name(dev->name, ifr.ifr_name);
	dev->tun = o->tun;
	dev->pi = o->pi;
	dev->created = !exists;
	dev->persist = o->persist;
	dev->ifindex = (int)if_nametoindex(dev->name);
	netns_identity(dev);
	if (dev->created && o->persist && ioctl(dev->fd, TUNSETPERSIST, 1) < 0) {
		rc = -errno;
		snprintf(err, errlen, "cannot make %s persistent: %s", dev->name, strerror(errno));
		tundev_close(dev);
		return rc;
	}
	if (!o->tun)
		query_mac(dev);
	return 0;
}

/* 1 if the process is still in the namespace the device was opened in. */
static int same_netns(const struct tundev *dev)
{
	struct stat st;

	return stat("/proc/self/ns/net", &st) == 0 && st.st_dev == dev->ns_dev && st.st_ino == dev->ns_ino;
}

/* A device kept persistent for a detach: attach to it by name, and if it is still the same
 * device, make it non-persistent; closing the fd then removes it. Another device that has
 * taken the name meanwhile is left alone. */
static void release_kept(struct tundev *dev)
{
	struct tundev_opts o = { .name = dev->name, .tun = dev->tun, .pi = dev->pi, .attach_only = 1 };
	struct tundev d = { .fd = -1 };
	char err[256];

	dev->kept = 0;
	if (!same_netns(dev) || tundev_open(&d, &o, err, sizeof(err)) < 0)
		return;
	if (d.ifindex == dev->ifindex)
		ioctl(d.fd, TUNSETPERSIST, 0);
	close(d.fd);
}

void tundev_close(struct tundev *dev)
{
	if (dev->fd >= 0)
		close(dev->fd);
	dev->fd = -1;
	if (dev->kept)
		release_kept(dev);
}

int tundev_detach(struct tundev *dev, char *err, size_t errlen)
{
	if (dev->fd < 0) {
		snprintf(err, errlen, "the queue is already detached");
		return -EALREADY;
	}
	/* closing the last fd of a non-persistent device deletes it: keep it while detached */
	if (dev->created && !dev->persist) {
		if (ioctl(dev->fd, TUNSETPERSIST, 1) < 0) {
			int e = errno;

			snprintf(err, errlen, "cannot keep %s while detached: %s", dev->name, strerror(e));
			return -e;
		}
		dev->kept = 1;
	}
	close(dev->fd);
	dev->fd = -1;
	return 0;
}

int tundev_reattach(struct tundev *dev, char *err, size_t errlen)
{
	struct tundev_opts o = { .name = dev->name, .tun = dev->tun, .pi = dev->pi, .attach_only = 1 };
	struct tundev d = { .fd = -1 };
	int rc;

	if (dev->fd >= 0) {
		snprintf(err, errlen, "the queue is attached already");
		return -EALREADY;
	}
	rc = tundev_open(&d, &o, err, errlen);
	if (rc == -ENODEV) {
		snprintf(err, errlen, "cannot re-attach: %s is gone (deleted from outside)%s", dev->name,
			 dev->kept || dev->created ? "; the recreate action makes it again" : "");
		return rc;
	}
	if (rc)
		return rc;
	/* a device this run made is ours only while it is the same one; an attached one is
	 * whatever has the name (as --attach found it) */
	if ((dev->kept || dev->created) && (d.ifindex != dev->ifindex || !same_netns(dev))) {
		snprintf(err, errlen, "cannot re-attach: %s is another device now (index %d, tapscope's was %d); "
			 "it is left alone", dev->name, d.ifindex, dev->ifindex);
		close(d.fd);
		dev->kept = 0;	/* ours is gone: nothing of ours to remove later */
		return -ESTALE;
	}
	if (dev->kept && ioctl(d.fd, TUNSETPERSIST, 0) == 0)
		dev->kept = 0;	/* ours again: it goes when tapscope closes it */
	d.created = dev->created;
	d.persist = dev->persist;
	d.kept = dev->kept;
	*dev = d;
	return 0;
}

ssize_t tundev_read(struct tundev *dev, uint8_t *buf, size_t cap)
{
	ssize_t n = read(dev->fd, buf, cap);

	if (n < 0)
		return errno == EAGAIN || errno == EINTR ? 0 : -errno;
	return n;
}

int tundev_write(struct tundev *dev, const uint8_t *buf, size_t len)
{
	ssize_t n = write(dev->fd, buf, len);

	if (n < 0)
		return -errno;
	return (size_t)n == len ? 0 : -EIO;
}
