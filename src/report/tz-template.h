/* tz-template.h — the blank xlsx template of a track
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workbook has the fill-in sheet (the track's short name, else 填报表) with
 * a title row, the headers of tz_table_layout_for_track() (required ones marked
 * *), text-formatted ID and phone columns, drop-down lists and input messages;
 * the sheet 填报说明 with the track's requirements, deadlines and contacts; a
 * list sheet for long drop-down lists; and the hidden sheet _taizhang naming
 * the campaign and track, so the import needs no questions.
 */
#pragma once

#include "tz-db.h"

G_BEGIN_DECLS

/* The header row of the fill-in sheet (1-based, as shown); data rows follow. */
#define TZ_TEMPLATE_HEADER_ROW 2

/* Writes the template of @track_id to @path (mode 0600, through a temporary
 * file). */
gboolean tz_template_write (TzDb *db, gint64 track_id, const char *path, GError **error);

G_END_DECLS
