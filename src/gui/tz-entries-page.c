/* tz-entries-page.c — the entries page of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-entries-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tz-entries-page.h"

struct _TzEntriesPage
{
  TzPage parent_instance;
};

G_DEFINE_FINAL_TYPE (TzEntriesPage, tz_entries_page, TZ_TYPE_PAGE)

static void
tz_entries_page_reload (TzPage *page)
{
}

static void
tz_entries_page_class_init (TzEntriesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  TZ_PAGE_CLASS (klass)->reload = tz_entries_page_reload;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/taizhang/Taizhang/tz-entries-page.ui");
}

static void
tz_entries_page_init (TzEntriesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
tz_entries_page_new (void)
{
  return g_object_new (TZ_TYPE_ENTRIES_PAGE, NULL);
}
