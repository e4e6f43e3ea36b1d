/* tz-report.h — the reports: what they share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tz-db.h"
#include "tz-pdf.h"
#include "tz-quota.h"

G_BEGIN_DECLS

typedef enum
{
  TZ_REPORT_PDF,
  TZ_REPORT_XLSX,
} TzReportFormat;

gboolean tz_report_format_from_string (const char *text, TzReportFormat *format, GError **error);

/* Guesses the format from a file name's extension (.pdf, .xlsx). */
gboolean tz_report_format_from_path (const char *path, TzReportFormat *format);

typedef struct
{
  TzReportFormat format;
  const TzReportFonts *fonts; /* NULL: automatic */
  gboolean progress;          /* quota tables: add held and completion columns */
  gboolean unmasked;          /* print full ID and phone numbers (recorded in the audit log) */
} TzReportOptions;

/* 线下活动任务分配表 (or the nominee / work quota table): 序号, 单位, the
 * number, and with @options->progress 已开展 and 完成率; a 合计 row. */
gboolean tz_report_quota (TzDb *db, gint64 campaign_id, TzQuotaKind kind,
                          const TzReportOptions *options, const char *path, GError **error);

/* A date as official documents print it, whatever the interface language:
 * 2023年1月5日 (no leading zeros); NULL or "" gives the blank "年  月  日". */
char *tz_report_date (const char *iso_date);

/* Creates (or empties) the output file @path for the user only (0600), before
 * a writer opens it: reports hold names, ID and phone numbers. The writers
 * (cairo, libxlsxwriter) then write into it and keep its mode. */
gboolean tz_report_create_output (const char *path, GError **error);

/* The personal recommendation forms (推荐表) of a track: one page per entry
 * (or only @entry_id when not 0), with the person's photo and each opinion box
 * signed by its unit, the unit's seal pressed on the name and the date.
 * @missing_seals (may be NULL) receives the names of the units whose opinion
 * is marked sealed but who have no seal; their boxes print unsealed. */
gboolean tz_report_person_forms (TzDb *db, gint64 campaign_id, gint64 track_id, gint64 entry_id,
                                 const TzReportOptions *options, const char *path,
                                 GPtrArray **missing_seals, GError **error);

/* The units that a track's forms would stamp but that have no seal, without
 * writing anything; an empty array when none lacks one. */
GPtrArray *tz_report_missing_seals (TzDb *db, gint64 campaign_id, gint64 track_id, GError **error);

G_END_DECLS
