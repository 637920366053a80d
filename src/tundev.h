/* tundev.h — create or attach to a tun/tap device and be the program at its other end. */
#ifndef TAPSCOPE_TUNDEV_H
#define TAPSCOPE_TUNDEV_H

#include <net/if.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define TUNDEV_PATH "/dev/net/tun"

struct tundev_opts {
	const char *name;	/* NULL: tap0 or tun0 */
	int tun;		/* 1: tun (IP packets), 0: tap (Ethernet frames) */
	int pi;			/* keep the 4-byte packet-information header */
	int attach_only;	/* never create */
	int persist;		/* leave a device this run created behind */
};

struct tundev {
	int fd;			/* non-blocking; -1 while detached or lost */
	char name[IFNAMSIZ];
	int tun;
	int pi;
	int created;		/* this run made the device */
	int persist;
	int ifindex;		/* with ns_dev/ns_ino: which device this is, not just its name */
	dev_t ns_dev;		/* the network namespace it is in (nsfs st_dev, st_ino) */
	ino_t ns_ino;
	int kept;		/* made persistent only to outlive a detach: removed when tapscope ends */
	int lost;		/* deleted from outside while tapscope held it */
	uint8_t mac[6];		/* tap only */
};

/* Opens /dev/net/tun and attaches (creating the device unless attach_only).
 * Returns 0, or -errno with a message in err naming the cause and the fix; on failure dev is
 * left exactly as it was. */
int tundev_open(struct tundev *dev, const struct tundev_opts *o, char *err, size_t errlen);
/* Closes the fd; a non-persistent device this run created disappears with it, and one kept
 * only for a detach is removed (if it is still the same device: ifindex and namespace). */
void tundev_close(struct tundev *dev);
/* Lets go of the device (the kernel then sees no reader: NO-CARRIER), keeping a device this run
 * created alive meanwhile (persistent until re-attached or tapscope ends). 0 or -errno with err. */
int tundev_detach(struct tundev *dev, char *err, size_t errlen);
/* Attaches again. A device this run created must still be the same device (ifindex, namespace),
 * and stops being persistent; on failure dev (its name too) is left as it was. 0 or -errno. */
int tundev_reattach(struct tundev *dev, char *err, size_t errlen);
/* Reads one frame; returns its length, 0 when nothing is waiting, or -errno. */
ssize_t tundev_read(struct tundev *dev, uint8_t *buf, size_t cap);
/* Writes one frame toward the kernel; returns 0 or -errno. */
int tundev_write(struct tundev *dev, const uint8_t *buf, size_t len);
/* Lists the pids holding device name open ("pid/comm" words) into buf; returns how many. */
int tundev_holders(const char *name, char *buf, size_t len);

#endif
