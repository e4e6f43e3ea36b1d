/* tz-campaign-item.h — one campaign as an item of a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "tz-campaign.h"

G_BEGIN_DECLS

#define TZ_TYPE_CAMPAIGN_ITEM (tz_campaign_item_get_type ())
G_DECLARE_FINAL_TYPE (TzCampaignItem, tz_campaign_item, TZ, CAMPAIGN_ITEM, GObject)

TzCampaignItem *tz_campaign_item_new (TzCampaign *campaign);
const TzCampaign *tz_campaign_item_get_campaign (TzCampaignItem *self);
gint64 tz_campaign_item_get_id (TzCampaignItem *self);

G_END_DECLS
