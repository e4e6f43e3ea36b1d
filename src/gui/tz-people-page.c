/* tz-people-page.c — the people page of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-people-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tz-people-page.h"

struct _TzPeoplePage
{
  TzPage parent_instance;
};

G_DEFINE_FINAL_TYPE (TzPeoplePage, tz_people_page, TZ_TYPE_PAGE)

static void
tz_people_page_reload (TzPage *page)
{
}

static void
tz_people_page_class_init (TzPeoplePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  TZ_PAGE_CLASS (klass)->reload = tz_people_page_reload;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/taizhang/Taizhang/tz-people-page.ui");
}

static void
tz_people_page_init (TzPeoplePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
tz_people_page_new (void)
{
  return g_object_new (TZ_TYPE_PEOPLE_PAGE, NULL);
}
