/* fuzz_lesson.c — libFuzzer target on the lesson parser: any text, refused or parsed, never read past, never leaked. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lesson.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), err[512];
	struct lesson l;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';	/* a lesson is text: lesson_load refuses files with NUL bytes */
	if (lesson_parse(text, "fuzz", &l, err, sizeof(err)) == 0)
		lesson_free(&l);
	free(text);
	return 0;
}
