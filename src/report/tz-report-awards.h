/* tz-report-awards.h — the judging outputs: award list, certificates, score sheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tz-report.h"

G_BEGIN_DECLS

/* The award list (获奖名单) of a track from its saved awards (rank and
 * allocate first with tz_ranking_compute (…, TRUE, …)): grouped by division,
 * then by tier in the tier order; PDF with the issuing unit's signature and
 * seal, or xlsx. A track without awards is refused (TZ_ERROR_NOT_FOUND) and
 * nothing is written. */
gboolean tz_report_awards (TzDb *db, gint64 campaign_id, gint64 track_id,
                           const TzReportOptions *options, const char *path, GError **error);

/* The certificates (荣誉证书) of a track's awards, one A4 landscape page
 * each, sealed by the issuing unit. Refused like tz_report_awards(). */
gboolean tz_report_certificates (TzDb *db, gint64 campaign_id, gint64 track_id,
                                 const TzReportOptions *options, const char *path, GError **error);

/* The score sheets (评委评分表) of a track: a page per judge with the
 * criteria, the scores entered so far and lines to sign. A track without
 * judges is refused (TZ_ERROR_NOT_FOUND) and nothing is written. */
gboolean tz_report_score_sheets (TzDb *db, gint64 campaign_id, gint64 track_id,
                                 const TzReportOptions *options, const char *path, GError **error);

G_END_DECLS
