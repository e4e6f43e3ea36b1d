/* tz-unit-dialog.h — the form that adds or edits one unit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tz-db.h"

G_BEGIN_DECLS

#define TZ_TYPE_UNIT_DIALOG (tz_unit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TzUnitDialog, tz_unit_dialog, TZ, UNIT_DIALOG, AdwWindow)

/* A form for a new unit under @parent_id (0: at the top), put in @campaign_id
 * (0: none) as a participant unless another role is chosen. */
TzUnitDialog *tz_unit_dialog_new_for_parent (TzDb *db, gint64 campaign_id, gint64 parent_id,
                                             GError **error);

/* A form for the unit @unit_id, whose role in @campaign_id is @role (NULL: not in it). */
TzUnitDialog *tz_unit_dialog_new_for_unit (TzDb *db, gint64 campaign_id, gint64 unit_id,
                                           const char *role, GError **error);

/* Whether the form as filled in would be saved; the message is shown in the form. */
gboolean tz_unit_dialog_is_valid (TzUnitDialog *self);

/* Writes the unit (and its role in the campaign) in one transaction; nothing is
 * written when the form is not valid. Emits "saved" and closes on success. */
gboolean tz_unit_dialog_save (TzUnitDialog *self, GError **error);

/* The unit edited, or the one created by the last save; 0 before. */
gint64 tz_unit_dialog_get_unit_id (TzUnitDialog *self);

G_END_DECLS
