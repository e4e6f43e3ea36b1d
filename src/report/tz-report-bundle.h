/* tz-report-bundle.h — the campaign summary and the submission bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tz-report.h"

G_BEGIN_DECLS

/* 活动总结: the notice's data, the figures of tz_campaign_figures() as of
 * today, charts drawn as vectors (completion per unit against the 100 % line,
 * entries per track, the stages on a timeline) and the table of units with
 * target, held and 完成率. A GB/T 9704 portrait PDF with page numbers. */
gboolean tz_report_summary (TzDb *db, gint64 campaign_id, const TzReportOptions *options,
                            const char *path, GError **error);

/* The submission bundle, one PDF: a cover (the campaign, @unit_name as the
 * submitting unit — may be NULL —, today's date, what it holds), a contents page
 * with page numbers, the stamped personal forms of @track_id (0: every track
 * with a personal form), then the PDFs and scans attached to those people and
 * entries (kinds material, form and file), with bookmarks and "— N —" page
 * numbers throughout. Refused (nothing written) when there is no form to print. */
gboolean tz_report_bundle (TzDb *db, gint64 campaign_id, gint64 track_id, const char *unit_name,
                           const TzReportOptions *options, const char *path, GError **error);

/* tz_report_bundle(), and @missing_seals (may be NULL) receives the units whose
 * opinion boxes printed unsealed for want of a seal, as
 * tz_report_person_forms() reports them. */
gboolean tz_report_bundle_with_seals (TzDb *db, gint64 campaign_id, gint64 track_id,
                                      const char *unit_name, const TzReportOptions *options,
                                      const char *path, GPtrArray **missing_seals, GError **error);

G_END_DECLS
