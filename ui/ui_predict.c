/* ui_predict.c — predict mode (P): the frame the tree shows keeps its layers' names but hides
 * their values (in the tree, the hex bytes, its list row and summary); the class predicts the
 * next layer's fields (the MAC the kernel uses, the TTL after a hop, the ICMP type of the
 * reply), and each P reveals that layer and asks for the one after it. */
#include "ui_classroom.h"

#include <stdio.h>
#include <string.h>

#include "ui_detail.h"
#include "ui_msg.h"
#include "ui_panes.h"

struct predict {
	const void *src;	/* the store the frame is in (numbers are per device) */
	uint64_t num;		/* the frame predicted (0: none) */
	int shown;		/* layers revealed so far; the next one is being predicted */
};

static struct predict pr;

/* The top-level nodes (the layers) of the frame shown: their indexes. */
static int layers(const struct ui_detail *dt, int *out, int max)
{
	int n = 0;

	for (int i = 0; i < decode_count(&dt->d) && n < max; i++)
		if (decode_depth(&dt->d, i) == 0)
			out[n++] = i;
	return n;
}

static int active(struct ui *ui)
{
	const struct ui_detail *dt = ui->detail;

	return pr.num && dt->num == pr.num && dt->src == pr.src;
}

/* The layer (0-based) node i belongs to. */
static int layer_of(const struct ui_detail *dt, int i)
{
	int top = i, k = 0;

	while (decode_parent(&dt->d, top) >= 0)
		top = decode_parent(&dt->d, top);
	for (int j = 0; j < top; j++)
		k += decode_depth(&dt->d, j) == 0;
	return k;
}

int predict_hides_field(struct ui *ui, int i)
{
	return active(ui) && layer_of(ui->detail, i) >= pr.shown;
}

int predict_hides_byte(struct ui *ui, uint32_t off)
{
	const struct ui_detail *dt = ui->detail;
	int lay[DECODE_MAX_PROTOS * 2], n;

	if (!active(ui))
		return 0;
	n = layers(dt, lay, (int)(sizeof(lay) / sizeof(lay[0])));
	if (pr.shown >= n)
		return 0;
	return off >= decode_offset(&dt->d, lay[pr.shown]);
}

int predict_hides_frame(struct ui *ui, const struct ui_store *st, uint64_t num)
{
	return active(ui) && (const void *)st == pr.src && num == pr.num;
}

const char *predict_row_text(void)
{
	return "? ? ?  (predict mode: P reveals the next layer)";
}

/* Opens the layer being predicted and selects its first field, so the class sees what to guess. */
static void show_layer(struct ui_detail *dt, int node)
{
	dt->collapsed[node] = 0;
	dt->field = node;
}

void predict_step(struct ui *ui)
{
	struct ui_detail *dt = ui->detail;
	int lay[DECODE_MAX_PROTOS * 2], n;
	char names[160];

	if (!dt->num) {
		ui_message(ui, 1, "predict mode needs a frame: select one in the list first");
		return;
	}
	n = layers(dt, lay, (int)(sizeof(lay) / sizeof(lay[0])));
	if (!active(ui)) {
		pr.src = dt->src;
		pr.num = dt->num;
		pr.shown = 0;
		dt->pinned = 1;
	} else {
		pr.shown++;
	}
	if (pr.shown >= n) {
		ui_message(ui, 0, "frame %llu: every layer revealed; predict mode off", (unsigned long long)pr.num);
		pr.num = 0;
		return;
	}
	show_layer(dt, lay[pr.shown]);
	snprintf(names, sizeof(names), "%s", decode_label(&dt->d, lay[pr.shown]));
	ui_message(ui, 0, "predict frame %llu, layer %d of %d (%s): what are its values? P reveals them%s",
		   (unsigned long long)pr.num, pr.shown + 1, n, names, pr.shown + 1 < n ? " and asks for the next" : "");
}
