/* ui_browse.c — the offline browser's entry (tapscope -r FILE on a terminal): the file opened
 * and its first frames indexed before the screen starts, then the file pane, list, tree and hex
 * on a loop of its own while the rest of the file is indexed in the background. */
#include "ui_pane.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "loop.h"
#include "sigs.h"
#include "ui_detail.h"
#include "ui_fileview.h"
#include "ui_find.h"
#include "ui_panes.h"
#include "ui_store.h"
#include "ui_term.h"

int ui_browse_wanted(const char *path)
{
	int fd;

	if (!isatty(STDOUT_FILENO))
		return 0;
	if (strcmp(path, "-"))
		return isatty(STDIN_FILENO);
	fd = open("/dev/tty", O_RDWR | O_CLOEXEC);	/* the capture comes on stdin: keys from the terminal */
	if (fd < 0)
		return 0;
	close(fd);
	return 1;
}

/* The capture came on stdin (now spooled): the keys come from the terminal instead. */
static int keys_from_tty(char *err, size_t errlen)
{
	int fd = open("/dev/tty", O_RDWR | O_CLOEXEC);

	if (fd < 0 || dup2(fd, STDIN_FILENO) < 0) {
		snprintf(err, errlen, "cannot read keys from /dev/tty: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

static void on_quit(struct loop *loop, int signo, void *arg)
{
	(void)signo;
	(void)arg;
	loop_stop(loop, 0);
}

static int add_panes(struct ui *ui)
{
	void *list = list_state_new(ui, 0);
	struct pane *tree;

	if (!list)
		return -1;
	mgr_init(ui);
	mgr_add_pane(ui, &file_pane, NULL, NULL);
	mgr_add_pane(ui, &list_pane, list, NULL);
	mgr_add_pane(ui, &info_pane, NULL, NULL);
	tree = mgr_add_pane(ui, &tree_pane, NULL, NULL);
	mgr_add_pane(ui, &hex_pane, NULL, tree);
	mgr_focus(mgr_pane("list"));
	return 0;
}

int ui_browse(const struct options *o)
{
	static struct ui ui;
	static struct ui_detail detail;
	struct fileview *fv;
	struct loop *loop;
	char err[512];
	unsigned long saved;
	int rc = 1;

	fv = fileview_open(o->read_path, err, sizeof(err));
	if (!fv) {
		fprintf(stderr, "tapscope: %s\n", err);
		return 1;
	}
	if (o->filter && fileview_set_filter(fv, o->filter, err, sizeof(err)) < 0) {
		fprintf(stderr, "tapscope: bad filter \"%s\": %s\n", o->filter, err);
		fileview_free(fv);
		return 1;
	}
	if (!strcmp(o->read_path, "-") && keys_from_tty(err, sizeof(err)) < 0) {
		fprintf(stderr, "tapscope: %s\n", err);
		fileview_free(fv);
		return 1;
	}
	memset(&ui, 0, sizeof(ui));
	ui.o = o;
	ui.file = fv;
	ui.detail = &detail;
	detail.field = -1;
	loop = loop_new();
	ui.store = store_new_file(fileview_index(fv));
	if (!loop || !ui.store || add_panes(&ui) < 0) {
		fprintf(stderr, "tapscope: out of memory\n");
		goto out;
	}
	sigs_crash_install();
	term_start(&ui);
	loop_add_signals(loop, sigs_terminate, sigs_nterminate, on_quit, NULL);	/* as q: the terminal restored */
	rc = fileview_attach(fv, &ui, loop);
	if (rc < 0)
		ui_message(&ui, 1, "cannot index in the background: %s (only the first frames are shown)", strerror(-rc));
	rc = ui_loop_run(&ui, loop);
	find_forget(&ui);
	fileview_detach(fv);
	mgr_free(&ui);
	term_stop();
	if (fileview_saving(fv, &saved))	/* quit with a yes to "leave it cut short?" */
		fprintf(stderr, "tapscope: the save to %s was cut short: it holds the first %lu frames\n",
			fileview_saving(fv, NULL), saved);
out:
	store_free(ui.store);
	fileview_free(fv);
	if (loop)
		loop_free(loop);
	return rc;
}
