/* ui_predict.c — predict mode (P): the frame the tree shows keeps its layers' names but hides
 * their values (in the tree, the hex bytes, its list row and summary); P asks the class to
 * predict the next layer's fields (the MAC the kernel uses, the TTL after a hop, the ICMP type
 * of the reply), opened alone in the tree; the next P reveals them; and so on to the last. */
#include "ui_classroom.h"

#include <stdio.h>
#include <string.h>

#include "ui_detail.h"
#include "ui_msg.h"
#include "ui_panes.h"

struct predict {
	const void *src;	/* the store the frame is in (numbers are per device) */
	uint64_t num;		/* the frame predicted (0: none) */
	int shown;		/* layers revealed so far */
	int asking;		/* layer `shown` is asked about now (else it was just revealed) */
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

int predict_hides_name(struct ui *ui, int i)
{
	return active(ui) && decode_depth(&ui->detail->d, i) == 0 && layer_of(ui->detail, i) > pr.shown;
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

/* Opens layer k alone in the tree and selects it, so the class sees what to guess. */
static void show_layer(struct ui_detail *dt, const int *lay, int n, int k)
{
	for (int i = 0; i < n; i++)
		dt->collapsed[lay[i]] = i != k;
	dt->field = lay[k];
	dt->tree_top = 0;
}

void predict_step(struct ui *ui)
{
	struct ui_detail *dt = ui->detail;
	int lay[DECODE_MAX_PROTOS * 2], n;
	unsigned long long num = dt->num;

	if (!dt->num) {
		ui_message(ui, 1, "predict mode needs a frame: select one in the list first");
		return;
	}
	n = layers(dt, lay, (int)(sizeof(lay) / sizeof(lay[0])));
	if (!active(ui)) {		/* a new frame: every value hidden, the first layer asked */
		pr = (struct predict){ dt->src, dt->num, 0, 1 };
		dt->pinned = 1;
	} else if (pr.asking) {		/* reveal what was asked */
		pr.shown++;
		pr.asking = 0;
		if (pr.shown >= n) {
			pr.num = 0;
			ui_message(ui, 0, "frame %llu: %s revealed, and with it the whole frame; predict mode off", num,
				   decode_label(&dt->d, lay[n - 1]));
			return;
		}
		ui_message(ui, 0, "frame %llu: %s revealed: was the prediction right? P asks for the next layer", num,
			   decode_label(&dt->d, lay[pr.shown - 1]));
		return;
	} else {			/* ask for the next layer */
		pr.asking = 1;
	}
	if (n == 0) {
		pr.num = 0;
		return;
	}
	show_layer(dt, lay, n, pr.shown);
	ui_message(ui, 0, "predict frame %llu, layer %d of %d (%s): what are its values? P reveals them", num,
		   pr.shown + 1, n, decode_label(&dt->d, lay[pr.shown]));
}
