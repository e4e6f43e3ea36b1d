/* tz-person-dialog.h — the form of a person: every field of the 推荐表
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tz-db.h"

G_BEGIN_DECLS

#define TZ_TYPE_PERSON_DIALOG (tz_person_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TzPersonDialog, tz_person_dialog, TZ, PERSON_DIALOG, AdwWindow)

/* A form over @parent for the person @person_id of @db, or for a new person
 * when @person_id is 0. It emits "saved" with the person's id and closes when
 * the person is saved. */
TzPersonDialog *tz_person_dialog_new (GtkWindow *parent, TzDb *db, gint64 person_id);

gint64 tz_person_dialog_get_person_id (TzPersonDialog *self);

/* Whether every field passes its rule (what keeps Save enabled). */
gboolean tz_person_dialog_is_valid (TzPersonDialog *self);

/* What the Save button does: writes the person and the chosen photo in one
 * transaction and closes; on failure shows the message and writes nothing. */
gboolean tz_person_dialog_save (TzPersonDialog *self);

/* What choosing a photo does: checks @file is a PNG or JPEG and previews it;
 * it is stored when the person is saved. */
gboolean tz_person_dialog_set_photo (TzPersonDialog *self, GFile *file);

G_END_DECLS
