/* tz-campaign-dialog.h — creating a campaign or editing its notice data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tz-db.h"

G_BEGIN_DECLS

#define TZ_TYPE_CAMPAIGN_DIALOG (tz_campaign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TzCampaignDialog, tz_campaign_dialog, TZ, CAMPAIGN_DIALOG, AdwWindow)

/* A dialog over @parent for a new campaign (@campaign_id 0) or for editing
 * one; NULL with @error when that campaign cannot be read. It emits "saved"
 * with the campaign's id once the core has saved it, then closes. */
TzCampaignDialog *tz_campaign_dialog_new (GtkWindow *parent, TzDb *db, gint64 campaign_id,
                                          GError **error);

gint64 tz_campaign_dialog_get_campaign_id (TzCampaignDialog *self);

/* Whether every field is valid, so that Save is enabled. */
gboolean tz_campaign_dialog_is_valid (TzCampaignDialog *self);

G_END_DECLS
