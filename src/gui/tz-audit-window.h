/* tz-audit-window.h — the audit log, filtered by table, person and day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tz-db.h"

G_BEGIN_DECLS

#define TZ_TYPE_AUDIT_WINDOW (tz_audit_window_get_type ())
G_DECLARE_FINAL_TYPE (TzAuditWindow, tz_audit_window, TZ, AUDIT_WINDOW, AdwWindow)

TzAuditWindow *tz_audit_window_new (GtkWindow *parent, TzDb *db);

/* The filters, as the controls set them (for tests): @table NULL for all,
 * @person a name or id ("" for everyone), days "YYYY-MM-DD" or "". */
void tz_audit_window_set_filter (TzAuditWindow *self, const char *table, const char *person,
                                 const char *since, const char *until);
/* The changes listed, and the texts of one row (when, who, action, table,
 * row, what changed), NULL-terminated. */
guint tz_audit_window_get_n_rows (TzAuditWindow *self);
char **tz_audit_window_get_row_texts (TzAuditWindow *self, guint index);

G_END_DECLS
