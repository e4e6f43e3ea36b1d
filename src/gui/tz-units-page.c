/* tz-units-page.c — the units page of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-units-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tz-units-page.h"

struct _TzUnitsPage
{
  TzPage parent_instance;
};

G_DEFINE_FINAL_TYPE (TzUnitsPage, tz_units_page, TZ_TYPE_PAGE)

static void
tz_units_page_reload (TzPage *page)
{
}

static void
tz_units_page_class_init (TzUnitsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  TZ_PAGE_CLASS (klass)->reload = tz_units_page_reload;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/taizhang/Taizhang/tz-units-page.ui");
}

static void
tz_units_page_init (TzUnitsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
tz_units_page_new (void)
{
  return g_object_new (TZ_TYPE_UNITS_PAGE, NULL);
}
