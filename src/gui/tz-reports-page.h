/* tz-reports-page.h — the reports page of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tz-page.h"
#include "tz-report.h"

G_BEGIN_DECLS

#define TZ_TYPE_REPORTS_PAGE (tz_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (TzReportsPage, tz_reports_page, TZ, REPORTS_PAGE, TzPage)

GtkWidget *tz_reports_page_new (void);

/* Chooses the report @kind ("quota", "person-forms", "list-form", "catalogue",
 * "summary", "bundle"); FALSE for an unknown
 * one. The preview follows after a short delay. */
gboolean tz_reports_page_select (TzReportsPage *self, const char *kind);

/* Writes the chosen report to @path in @format, as the export buttons do
 * without their dialog (for tests and scripts). */
gboolean tz_reports_page_export (TzReportsPage *self, const char *path, TzReportFormat format,
                                 GError **error);

/* Prints the chosen report as the Print… button does, through the same
 * drawing, into the PDF file @path instead of a printer. */
gboolean tz_reports_page_print_to_file (TzReportsPage *self, const char *path, GError **error);

/* The PDF the preview shows (NULL when none) and its number of pages. */
const char *tz_reports_page_get_preview_path (TzReportsPage *self);
guint tz_reports_page_get_n_preview_pages (TzReportsPage *self);

G_END_DECLS
