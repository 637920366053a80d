/* options.h — tapscope's command line: one parser for the headless run and the UI. */
#ifndef TAPSCOPE_OPTIONS_H
#define TAPSCOPE_OPTIONS_H

#include <stddef.h>
#include "addrset.h"
#include "tundev.h"

#define OPTIONS_MAX_INJECT 32
#define OPTIONS_MAX_DEVICES 4

/* One device: -i NAME and the device options after it (--tun, --pi, -a, ...). */
struct dev_options {
	struct tundev_opts dev;
	struct addrset addrs;		/* -a, in order given; default 10.18.N.1/24 for the Nth device */
	int no_config;
	int absent;			/* (lessons) start without opening it: the attach action opens it later */
};

struct options {
	struct dev_options devs[OPTIONS_MAX_DEVICES];
	int ndevs;			/* >= 1 */
	const char *netns;
	const char *user;		/* --user: drop to this user once set up */
	int echo;
	const char *inject[OPTIONS_MAX_INJECT];
	int ninject;
	int print;
	int verbose;
	int number;			/* -#: each line starts with the frame's number (as tcpdump -#) */
	int json;
	int events;
	int status;
	int local_routes;		/* routes of the local table too */
	int no_color;
	const char *theme;		/* UI colours: "dark" (default), "contrast" (projectors), "mono" */
	int keys;			/* --keys: print the UI's key table and exit */
	int fields;			/* --fields: print every field name the decoders know */
	const char *write_path;
	int pcapng;			/* -w writes pcapng (with directions) whatever the file's name */
	const char *read_path;
	const char *filter;
	long count;			/* 0: no limit */
	long max_frames;		/* frames the UI keeps (0: the default) */
	int hold;			/* start with the outbox on hold */
	const char *control;		/* read named actions, a line each, from this file/FIFO ('-': stdin) */
	int no_uring;			/* read the device with read(), not io_uring */
	const char *lesson;		/* --lesson NAME|FILE */
	int lessons;			/* --lessons: list the built-in ones */
	int devices_given;		/* -i was given */
	int help, version;
};

/* Parses argv into o. Returns 0, or -EINVAL with a message in err that names the
 * bad option or value and says what would be valid. */
int options_parse(struct options *o, int argc, char **argv, char *err, size_t errlen);
/* Releases what options_parse allocated (the -a addresses). */
void options_free(struct options *o);
/* The --help text. */
const char *options_usage(void);

#endif
