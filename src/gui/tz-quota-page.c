/* tz-quota-page.c — the quotas page of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-quota-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tz-quota-page.h"

struct _TzQuotaPage
{
  TzPage parent_instance;
};

G_DEFINE_FINAL_TYPE (TzQuotaPage, tz_quota_page, TZ_TYPE_PAGE)

static void
tz_quota_page_reload (TzPage *page)
{
}

static void
tz_quota_page_class_init (TzQuotaPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  TZ_PAGE_CLASS (klass)->reload = tz_quota_page_reload;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/taizhang/Taizhang/tz-quota-page.ui");
}

static void
tz_quota_page_init (TzQuotaPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
tz_quota_page_new (void)
{
  return g_object_new (TZ_TYPE_QUOTA_PAGE, NULL);
}
