/* tz-test-report.h — what the report tests share: reading PDFs back, seals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gsf/gsf.h>
#include <poppler.h>

G_BEGIN_DECLS

/* poppler-glib 22.12 and libgsf 1.14 define no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

/* With TZ_TEST_OUTPUT_DIR set, keeps a copy of what a test wrote, to look at. */
void tz_test_keep_copy (const char *path);

/* Opens a PDF (keeping a copy as above); asserts that it opens. */
PopplerDocument *tz_test_open_pdf (const char *path);

/* Text without the spaces and line breaks that layout puts between characters. */
char *tz_test_squeeze (const char *text);
/* The squeezed text of page @index, and of the whole document. */
char *tz_test_page_text (PopplerDocument *doc, int index);
char *tz_test_pdf_text (PopplerDocument *doc);

/* A seal for tests: a red disc with a transparent outside, like a scan after
 * "remove white background". */
GdkPixbuf *tz_test_red_disc (int size);

G_END_DECLS
