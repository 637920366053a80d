/* privdrop.h — --user NAME: once the device, namespace and sockets are set up, become that user with no capabilities. */
#ifndef TAPSCOPE_PRIVDROP_H
#define TAPSCOPE_PRIVDROP_H

#include <stddef.h>

struct netns;

/* Becomes user (its uid, gid and supplementary groups, initgroups), with every capability
 * gone (effective, permitted, inheritable, ambient and the bounding set) and no way back
 * (checked: setuid(0) must fail; no_new_privs set). What is open stays usable: the device,
 * the netlink sockets (the model stays live), the pcap file. A namespace this run created is
 * handed to a root helper process first (netns_keep_remover), which removes it when tapscope
 * ends, however it ends. Returns 0, or -errno with err. */
int privdrop_to(const char *user, struct netns *ns, char *err, size_t errlen);

/* The user tapscope dropped to, or NULL. */
const char *privdrop_user(void);

/* 0 while tapscope has its privileges; after the drop -EPERM, with err saying
 * "WHAT needs CAP_NET_ADMIN: tapscope dropped to user NAME (--user)". */
int privdrop_refuse(const char *what, char *err, size_t errlen);

#endif
