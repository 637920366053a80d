/* nlstatus.h — `--status`: the model of one device printed once, as text or JSON, read-only. */
#ifndef TAPSCOPE_NLSTATUS_H
#define TAPSCOPE_NLSTATUS_H

#include <stddef.h>
#include <stdio.h>

#include "diagnose.h"
#include "nlsnap.h"

#define NLSTATUS_JSON         1	/* JSON instead of text */
#define NLSTATUS_LOCAL_ROUTES 2	/* routes of the local table too */

/* Loads the model of ifname in the current network namespace once (no device is created,
 * opened or changed, so it works beside the program that holds it), diagnoses it and prints
 * state, diagnosis, addresses, routes, neighbours and counters to out.
 * Returns 0; -ENODEV when there is no such device (the NO-DEVICE diagnosis is printed all
 * the same, and err says so); or a negative libnl code with err filled when netlink fails. */
int nlstatus_print(FILE *out, const char *ifname, int flags, char *err, size_t errlen);

/* The snapshot diagnose_run wants: the model's, and the kernel's answer where traffic for the
 * peer goes (target's, else the device's default peer) in s->lookup. target may be NULL.
 * Returns nlmodel_snapshot's result. */
struct nlmodel;
int nlstatus_snapshot(struct nlmodel *m, const struct diag_target *target, struct nl_snapshot *s);

/* The same printing for a snapshot the caller has (the UI's model); target may be NULL. */
void nlstatus_print_snapshot(FILE *out, const struct nl_snapshot *s, const struct diag_target *target, int flags);

#endif
