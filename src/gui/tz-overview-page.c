/* tz-overview-page.c — the overview page of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tz-overview-page.h"

struct _TzOverviewPage
{
  TzPage parent_instance;
};

G_DEFINE_FINAL_TYPE (TzOverviewPage, tz_overview_page, TZ_TYPE_PAGE)

static void
tz_overview_page_reload (TzPage *page)
{
}

static void
tz_overview_page_class_init (TzOverviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  TZ_PAGE_CLASS (klass)->reload = tz_overview_page_reload;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/taizhang/Taizhang/tz-overview-page.ui");
}

static void
tz_overview_page_init (TzOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
tz_overview_page_new (void)
{
  return g_object_new (TZ_TYPE_OVERVIEW_PAGE, NULL);
}
