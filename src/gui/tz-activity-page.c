/* tz-activity-page.c — the offline activities page of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-activity-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tz-activity-page.h"

struct _TzActivityPage
{
  TzPage parent_instance;
};

G_DEFINE_FINAL_TYPE (TzActivityPage, tz_activity_page, TZ_TYPE_PAGE)

static void
tz_activity_page_reload (TzPage *page)
{
}

static void
tz_activity_page_class_init (TzActivityPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  TZ_PAGE_CLASS (klass)->reload = tz_activity_page_reload;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/taizhang/Taizhang/tz-activity-page.ui");
}

static void
tz_activity_page_init (TzActivityPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
tz_activity_page_new (void)
{
  return g_object_new (TZ_TYPE_ACTIVITY_PAGE, NULL);
}
