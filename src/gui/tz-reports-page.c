/* tz-reports-page.c — the reports page of a campaign (being written)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-reports-page"

#include "config.h"

#include "tz-reports-page.h"

struct _TzReportsPage
{
  TzPage parent_instance;
};

G_DEFINE_FINAL_TYPE (TzReportsPage, tz_reports_page, TZ_TYPE_PAGE)

static void
tz_reports_page_class_init (TzReportsPageClass *klass)
{
}

static void
tz_reports_page_init (TzReportsPage *self)
{
}

GtkWidget *
tz_reports_page_new (void)
{
  return g_object_new (TZ_TYPE_REPORTS_PAGE, NULL);
}
