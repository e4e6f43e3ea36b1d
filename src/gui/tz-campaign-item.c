/* tz-campaign-item.c — one campaign as an item of a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core hands out campaigns as plain structs; list widgets want GObjects.
 */
#define G_LOG_DOMAIN "tz-campaign-item"

#include "config.h"

#include "tz-campaign-item.h"

struct _TzCampaignItem
{
  GObject parent_instance;

  TzCampaign *campaign;
};

G_DEFINE_FINAL_TYPE (TzCampaignItem, tz_campaign_item, G_TYPE_OBJECT)

static void
tz_campaign_item_finalize (GObject *object)
{
  TzCampaignItem *self = (TzCampaignItem *) object;

  g_clear_pointer (&self->campaign, tz_campaign_free);

  G_OBJECT_CLASS (tz_campaign_item_parent_class)->finalize (object);
}

static void
tz_campaign_item_class_init (TzCampaignItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tz_campaign_item_finalize;
}

static void
tz_campaign_item_init (TzCampaignItem *self)
{
}

/**
 * tz_campaign_item_new:
 * @campaign: (transfer full): the campaign, freed with the item
 */
TzCampaignItem *
tz_campaign_item_new (TzCampaign *campaign)
{
  TzCampaignItem *self;

  g_return_val_if_fail (campaign != NULL, NULL);

  self = g_object_new (TZ_TYPE_CAMPAIGN_ITEM, NULL);
  self->campaign = campaign;
  return self;
}

const TzCampaign *
tz_campaign_item_get_campaign (TzCampaignItem *self)
{
  g_return_val_if_fail (TZ_IS_CAMPAIGN_ITEM (self), NULL);
  return self->campaign;
}

gint64
tz_campaign_item_get_id (TzCampaignItem *self)
{
  g_return_val_if_fail (TZ_IS_CAMPAIGN_ITEM (self), 0);
  return self->campaign->id;
}
